package io.candor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Course;
import io.candor.domain.ReadinessStage;
import io.candor.measure.Instruments;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineTest {

  private static final Scenario PHQ = Scenario.calibratedDefault(Instruments.PHQ9).withSessions(8);

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double variance(double[] v) {
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return s / (v.length - 1);
  }

  /**
   * Given the observed intake y0 = mu0 + e + error, the true severity mu0 is normal with mean
   * mean + vMu / total · (y0 − mean) and variance vMu · (vE + vErr) / total, total = vMu + vE +
   * vErr (intake, week-to-week and measurement variances; resolvable course, so no chronic
   * fluctuation factor).
   */
  @Test
  void givenIntake_drawsTheTrueSeverityFromItsConditionalNormal() {
    List<SimulatedClient> cs =
        Simulator.of(PHQ).givenIntake(17).simulate(21, 40_000, Arm.TREATED, 2);
    double[] mu = cs.stream().filter(c -> c.course() == Course.RESOLVABLE)
        .mapToDouble(SimulatedClient::trueIntake).toArray();
    double vMu = PHQ.intake().sd() * PHQ.intake().sd();
    double vE = PHQ.variation().sd() * PHQ.variation().sd();
    double vErr = PHQ.measurementErrorSd() * PHQ.measurementErrorSd();
    double total = vMu + vE + vErr;
    double expectedMean = PHQ.intake().mean() + vMu / total * (17 - PHQ.intake().mean());
    double expectedVar = vMu * (vE + vErr) / total;
    double se = Math.sqrt(expectedVar / mu.length);
    assertTrue(mu.length > 10_000, "resolvable clients: " + mu.length);
    assertEquals(expectedMean, mean(mu), 4 * se);
    assertEquals(expectedVar, variance(mu), 4 * expectedVar * Math.sqrt(2.0 / mu.length));
  }

  /**
   * A client's rate is the course's rate times a log-normal factor with mean 1 and log-SD
   * {@code paths.rateSd} (deteriorating clients and the wait-list arm use their own rates).
   */
  @Test
  void rate_isTheCourseRateTimesALogNormalFactorOfMeanOne() {
    List<SimulatedClient> cs = Simulator.of(PHQ).simulate(22, 40_000, Arm.TREATED, 2);
    double base = PHQ.paths().resolvableRate();
    double[] factor = cs.stream().filter(c -> c.course() == Course.RESOLVABLE && !c.deteriorating())
        .mapToDouble(c -> c.rate() / base).toArray();
    double[] log = java.util.Arrays.stream(factor).map(Math::log).toArray();
    double sd = PHQ.paths().rateSd();
    double factorSd = Math.sqrt(Math.exp(sd * sd) - 1);
    assertTrue(factor.length > 10_000, "clients: " + factor.length);
    assertEquals(1, mean(factor), 4 * factorSd / Math.sqrt(factor.length));
    assertEquals(-0.5 * sd * sd, mean(log), 4 * sd / Math.sqrt(log.length));
    assertEquals(sd * sd, variance(log), 4 * sd * sd * Math.sqrt(2.0 / log.length));
  }

  /** On the wait list the same factor multiplies the wait-list rate. */
  @Test
  void rate_onTheWaitList_isTheWaitListRateTimesALogNormalFactorOfMeanOne() {
    List<SimulatedClient> cs = Simulator.of(PHQ).simulate(25, 40_000, Arm.WAITLIST, 2);
    double base = PHQ.waitlist().rate();
    double[] log = cs.stream().filter(c -> !c.deteriorating())
        .mapToDouble(c -> Math.log(c.rate() / base)).toArray();
    double sd = PHQ.paths().rateSd();
    assertTrue(log.length > 30_000, "clients: " + log.length);
    // the mean of log(factor) is −sd²/2; with the factor inverted it would be +sd²/2
    assertEquals(-0.5 * sd * sd, mean(log), 4 * sd / Math.sqrt(log.length));
    assertEquals(sd * sd, variance(log), 4 * sd * sd * Math.sqrt(2.0 / log.length));
  }

  /**
   * From session 2 the dropout hazard is hazard · max(0, 1 + progressEffect / rc · Δ · worse),
   * Δ the change between the last two observed scores; at session 1 it is the hazard alone. With
   * every readiness stage's dropout multiplier 1 and no stage changes, the expected number of
   * dropouts among the clients at risk is that sum, checked separately at session 1, at session 2
   * and later, and for worsening, unchanged and improving clients.
   */
  @Test
  void dropoutHazard_fromSessionTwo_scalesWithTheLastObservedChange() {
    Scenario.Readiness r = PHQ.readiness();
    Map<ReadinessStage, Double> ones = new EnumMap<>(ReadinessStage.class);
    for (ReadinessStage stage : ReadinessStage.values()) {
      ones.put(stage, 1.0);
    }
    double hazard = 0.04;
    double effect = 3;
    Scenario s = PHQ.withSessions(12)
        .withReadiness(new Scenario.Readiness(r.initial(), r.rateMultiplier(), ones, 0, 0))
        .withDropout(new Scenario.Dropout(hazard, effect, Scenario.Missingness.AT_RANDOM, 0));
    double rc = io.candor.change.ClinicalEvents.of(Instruments.PHQ9).reliableChangeThreshold()
        .orElseThrow().value();
    List<SimulatedClient> cs = Simulator.of(s).simulate(26, 20_000, Arm.TREATED, 2);
    // [session 1, session 2, later] x [worse, unchanged, better]: expected and observed dropouts
    double[][] expected = new double[3][3];
    double[][] variance = new double[3][3];
    long[][] observed = new long[3][3];
    for (SimulatedClient c : cs) {
      int last = c.dropoutSession().orElse(12);
      for (int t = 1; t <= last; t++) {
        double delta = t < 2 ? 0 : c.trajectory().scoreAt(t - 1) - c.trajectory().scoreAt(t - 2);
        double h = t < 2 ? hazard : hazard * Math.max(0, 1 + effect / rc * delta);
        int when = Math.min(t, 3) - 1;
        int way = delta > 0 ? 0 : delta == 0 ? 1 : 2;
        expected[when][way] += h;
        variance[when][way] += h * (1 - h);
        if (c.dropoutSession().isPresent() && t == last) {
          observed[when][way]++;
        }
      }
    }
    for (int when = 0; when < 3; when++) {
      for (int way = 0; way < 3; way++) {
        if (when == 0 && way != 1) {
          continue;
        }
        String cell = "session " + (when + 1) + (when == 2 ? "+" : "") + ", " + List.of("worse",
            "unchanged", "better").get(way);
        assertTrue(expected[when][way] > 20, cell + ": " + expected[when][way]);
        assertEquals(expected[when][way], observed[when][way], 5 * Math.sqrt(variance[when][way]),
            cell);
      }
    }
  }

  /**
   * Clients enter only as cases, drawn again until they are, but not forever: a scenario whose
   * intake cannot reach the caseness cutoff still gives clients, each with the non-case intake of
   * the last of its 10,000 draws.
   */
  @Test
  void casesOnlyEntry_acceptsANonCaseAfterTheLastRedraw() {
    Scenario.Variation v = PHQ.variation();
    Scenario s = PHQ.withIntake(new Scenario.Intake(0, 0.5, Scenario.Entry.CASES_ONLY))
        .withVariation(new Scenario.Variation(v.autocorrelation(), 0, 0, 0.9999));
    for (SimulatedClient c : Simulator.of(s).simulate(27, 3, Arm.TREATED, 1)) {
      double intake = c.trajectory().scoreAt(0);
      assertTrue(intake <= 2, "intake " + intake);
      assertTrue(!Instruments.PHQ9.isCase(intake));
    }
  }

  /** The scenario without improvement, jumps, deterioration or dropout, one session. */
  private static Scenario still(Scenario s) {
    Scenario.Paths p = s.paths();
    Scenario.Jumps j = s.jumps();
    Scenario.Deterioration det = s.deterioration();
    Scenario.Dropout drop = s.dropout();
    return s.withSessions(1)
        .withPaths(new Scenario.Paths(p.remissionLevel(), p.chronicLevel(), 0, 0, 0, 0, 0))
        .withJumps(new Scenario.Jumps(0, j.gainFraction(), 0, j.lossSize()))
        .withDeterioration(new Scenario.Deterioration(0, det.size(), det.rate()))
        .withDropout(new Scenario.Dropout(0, drop.progressEffect(), drop.missingness(),
            drop.notAtRandomEffect()));
  }

  /**
   * Dropout not at random scales the hazard by max(0, 1 + effect / rc · (latent − intake) ·
   * worse): with a large negative effect, clients whose latent score is better than at intake
   * always leave and those worse never do, so every client seen at session 1 scored about their
   * intake or worse (measurement error nearly 0 here).
   */
  @Test
  void dropoutNotAtRandom_dependsOnTheLatentChangeFromIntake() {
    Scenario.Variation v = PHQ.variation();
    Scenario s = still(PHQ)
        .withVariation(new Scenario.Variation(v.autocorrelation(), v.sd(), v.chronicFluctuation(),
            0.9999))
        .withDropout(new Scenario.Dropout(1, 0, Scenario.Missingness.NOT_AT_RANDOM, -1e9));
    List<SimulatedClient> cs = Simulator.of(s).givenIntake(15).simulate(24, 4_000, Arm.TREATED, 2);
    long left = cs.stream().filter(c -> c.dropoutSession().isPresent()).count();
    assertTrue(left > 1_000 && left < 3_000, "dropouts: " + left);
    for (SimulatedClient c : cs) {
      if (c.dropoutSession().isEmpty()) {
        assertTrue(c.trajectory().scoreAt(1) >= 15, () -> "stayed at " + c.trajectory());
      }
    }
  }

  /**
   * Dropout not at random multiplies the hazard by 1 + effect / rc · (latent − intake) · worse.
   * The same seed gives the same clients up to the dropout draw, so a run in which nobody leaves
   * shows each client's session-1 score (the latent score rounded; measurement error nearly 0),
   * and a run with hazard ½ and effect 0.3 (0.05 per point on PHQ-9) must lose about
   * Σ ½ · (1 + 0.05 · (score − intake)) of them.
   */
  @Test
  void dropoutNotAtRandom_scalesTheHazardByTheEffectPerReliableChange() {
    Scenario.Variation v = PHQ.variation();
    Scenario.Readiness r = PHQ.readiness();
    Map<ReadinessStage, Double> ones = new EnumMap<>(ReadinessStage.class);
    for (ReadinessStage stage : ReadinessStage.values()) {
      ones.put(stage, 1.0);
    }
    Scenario base = still(PHQ)
        .withVariation(new Scenario.Variation(v.autocorrelation(), v.sd(), v.chronicFluctuation(),
            0.9999))
        .withReadiness(new Scenario.Readiness(r.initial(), r.rateMultiplier(), ones, 0, 0));
    double effect = 0.3;
    double rc = io.candor.change.ClinicalEvents.of(Instruments.PHQ9).reliableChangeThreshold()
        .orElseThrow().value();
    List<SimulatedClient> stay = Simulator.of(base.withDropout(new Scenario.Dropout(0, 0,
        Scenario.Missingness.NOT_AT_RANDOM, effect))).givenIntake(15).simulate(28, 20_000,
        Arm.TREATED, 2);
    List<SimulatedClient> leave = Simulator.of(base.withDropout(new Scenario.Dropout(0.5, 0,
        Scenario.Missingness.NOT_AT_RANDOM, effect))).givenIntake(15).simulate(28, 20_000,
        Arm.TREATED, 2);
    // clients scoring worse, the same and better than at intake: expected and observed dropouts
    double[] expected = new double[3];
    double[] variance = new double[3];
    long[] left = new long[3];
    for (int i = 0; i < stay.size(); i++) {
      assertTrue(stay.get(i).dropoutSession().isEmpty());
      double change = stay.get(i).trajectory().scoreAt(1) - 15;
      double h = 0.5 * Math.max(0, 1 + effect / rc * change);
      int way = change > 0 ? 0 : change == 0 ? 1 : 2;
      expected[way] += h;
      variance[way] += h * (1 - h);
      left[way] += leave.get(i).dropoutSession().isPresent() ? 1 : 0;
    }
    for (int way = 0; way < 3; way++) {
      // rounding the latent score to the grid moves each hazard by at most 0.0125, on average 0
      assertTrue(expected[way] > 1000, "group " + way + ": " + expected[way]);
      assertEquals(expected[way], left[way], 5 * Math.sqrt(variance[way]) + 5,
          List.of("worse", "the same", "better").get(way));
    }
  }

  /**
   * Given the observed intake y0 and the drawn true severity mu0, the week's deviation e0 is
   * normal with mean vE / (vE + vErr) · (y0 − mu0) and variance vE · vErr / (vE + vErr). With no
   * improvement, jumps, deterioration or dropout, the next score is mu0 + phi · e0 + innovation
   * + measurement error (rounded), so d = y1 − mu0 − phi · vE / (vE + vErr) · (y0 − mu0) has mean
   * 0 and variance phi² · vE · vErr / (vE + vErr) + innovation² + vErr + 1/12.
   */
  @Test
  void givenIntake_drawsTheWeeksDeviationFromItsConditionalNormal() {
    Scenario still = still(PHQ);
    double y0 = 8;
    List<SimulatedClient> cs = Simulator.of(still).givenIntake(y0).simulate(23, 40_000,
        Arm.TREATED, 2);
    double phi = still.variation().autocorrelation();
    double vE = still.variation().sd() * still.variation().sd();
    double vErr = still.measurementErrorSd() * still.measurementErrorSd();
    double[] d = cs.stream().filter(c -> c.course() == Course.RESOLVABLE)
        .mapToDouble(c -> c.trajectory().scoreAt(1) - c.trueIntake()
            - phi * vE / (vE + vErr) * (y0 - c.trueIntake()))
        .toArray();
    double expectedVar = phi * phi * vE * vErr / (vE + vErr) + vE * (1 - phi * phi) + vErr
        + 1.0 / 12;
    assertTrue(d.length > 10_000, "resolvable clients: " + d.length);
    assertEquals(0, mean(d), 4 * Math.sqrt(expectedVar / d.length));
    assertEquals(expectedVar, variance(d), 4 * expectedVar * Math.sqrt(2.0 / d.length));
  }
}
