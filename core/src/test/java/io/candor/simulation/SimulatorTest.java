package io.candor.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.candor.domain.Course;
import io.candor.domain.Trajectory;
import io.candor.measure.Instruments;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {

  private static final Scenario PHQ = Scenario.calibratedDefault(Instruments.PHQ9);

  private static double[] flatten(List<SimulatedClient> cs) {
    return cs.stream().flatMapToDouble(c -> java.util.Arrays.stream(c.trajectory().scores()))
        .toArray();
  }

  @Test
  void sameSeed_givesBitIdenticalCohortForAnyThreadCount() {
    qt().withExamples(6)
        .forAll(longs().all(), integers().between(2, 4), integers().between(1, 3000))
        .checkAssert((seed, threads, n) -> {
          Simulator sim = Simulator.of(PHQ.withSessions(12));
          List<SimulatedClient> one = sim.simulate(seed, n, Arm.TREATED, 1);
          List<SimulatedClient> many = sim.simulate(seed, n, Arm.TREATED, threads);
          assertEquals(one, many);
          assertArrayEquals(flatten(one), flatten(many));
        });
  }

  @Test
  void clientAlone_equalsSameClientInsideACohort() {
    qt().withExamples(20)
        .forAll(longs().all(), integers().between(0, 4999))
        .checkAssert((seed, index) -> {
          Simulator sim = Simulator.of(PHQ);
          SimulatedClient alone = sim.client(seed, index, Arm.TREATED);
          // clients after it in a longer cohort (other chunking) do not change it
          List<SimulatedClient> cohort = sim.simulate(seed, index + 1, Arm.TREATED, 2);
          assertEquals(alone, cohort.get(index));
        });
  }

  @Test
  void summary_isIdenticalForAnyThreadCount() {
    Simulator sim = Simulator.of(PHQ);
    SimulationSummary one = sim.summarise(99, 10_001, Arm.TREATED, 1);
    SimulationSummary three = sim.summarise(99, 10_001, Arm.TREATED, 3);
    assertEquals(one.toString(), three.toString());
    for (int s = 0; s <= one.lastSession(); s++) {
      assertEquals(one.improvedBy(s), three.improvedBy(s));
      assertEquals(one.meanScoreAt(s).orElseThrow(), three.meanScoreAt(s).orElseThrow());
    }
  }

  @Test
  void summary_agreesWithMaterialisedCohort() {
    Simulator sim = Simulator.of(PHQ);
    List<SimulatedClient> cs = sim.simulate(5, 3000, Arm.TREATED, 2);
    SimulationSummary s = sim.summarise(5, 3000, Arm.TREATED, 2);
    long dropouts = cs.stream().filter(c -> c.dropoutSession().isPresent()).count();
    assertEquals(dropouts, s.dropouts());
    long at8 = cs.stream().filter(c -> c.trajectory().size() > 8).count();
    assertEquals(at8, s.observedAt(8));
    double mean8 = cs.stream().filter(c -> c.trajectory().size() > 8)
        .mapToDouble(c -> c.trajectory().scoreAt(8)).average().orElseThrow();
    assertEquals(mean8, s.meanScoreAt(8).orElseThrow(), 1e-12);
    long chronic = cs.stream().filter(c -> c.course() == Course.CHRONIC).count();
    assertEquals(chronic, s.clientsWithCourse(Course.CHRONIC));
  }

  @Test
  void scoreQuantiles_equalTheInverseEmpiricalDistributionOfTheMaterialisedCohort() {
    for (var instrument : List.of(Instruments.PHQ9, Instruments.byId("ORS"))) {
      Simulator sim = Simulator.of(Scenario.calibratedDefault(instrument).withSessions(10));
      List<SimulatedClient> cs = sim.simulate(11L, 2500, Arm.TREATED, 2);
      SimulationSummary s = sim.summarise(11L, 2500, Arm.TREATED, 3);
      for (int t = 0; t <= 10; t++) {
        int session = t;
        double[] at = cs.stream().filter(c -> c.trajectory().size() > session)
            .mapToDouble(c -> c.trajectory().scoreAt(session)).sorted().toArray();
        for (double p : new double[] {0, 0.1, 0.25, 0.5, 0.75, 0.9, 1}) {
          // R's quantile(type = 1): the order statistic at ceiling(n p), the first for p = 0
          double expected = at[Math.max(1, (int) Math.ceil(p * at.length)) - 1];
          assertEquals(expected, s.scoreQuantileAt(t, p).orElseThrow(), 0,
              instrument.id() + " session " + t + " p " + p);
        }
      }
    }
  }

  @Test
  void scoreQuantiles_ofCombinedRanges_equalThoseOfTheWholeCohort() {
    Simulator sim = Simulator.of(PHQ.withSessions(10));
    SimulationSummary whole = sim.summarise(21L, 2500, Arm.TREATED, 2);
    SimulationSummary parts = sim.summariseRange(21L, 0, 900, Arm.TREATED)
        .combine(sim.summariseRange(21L, 900, 2500, Arm.TREATED));
    assertEquals(whole, parts);
    for (int t = 0; t <= 10; t++) {
      for (double p : new double[] {0.1, 0.5, 0.9}) {
        assertEquals(whole.scoreQuantileAt(t, p), parts.scoreQuantileAt(t, p), "session " + t);
      }
    }
  }

  @Test
  void scoreQuantile_isEmptyWhenNobodyIsObservedAndRejectsBadShares() {
    Simulator sim = Simulator.of(PHQ.withSessions(20));
    long seed = 0;
    while (sim.client(seed, 0, Arm.TREATED).dropoutSession().isEmpty()) {
      seed++; // the first seed whose one client drops out
    }
    SimulationSummary s = sim.summarise(seed, 1, Arm.TREATED, 1);
    assertEquals(0, s.observedAt(20));
    assertTrue(s.scoreQuantileAt(20, 0.5).isEmpty());
    assertEquals(s.meanScoreAt(0).orElseThrow(), s.scoreQuantileAt(0, 0.5).orElseThrow());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> s.scoreQuantileAt(0, 1.5));
    assertTrue(e.getMessage().contains("p must be between 0 and 1, was 1.5"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.scoreQuantileAt(0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> s.scoreQuantileAt(41, 0.5));
  }

  @Test
  void differentSeeds_giveDifferentCohorts() {
    Simulator sim = Simulator.of(PHQ);
    assertNotEquals(sim.simulate(1, 50, Arm.TREATED, 1), sim.simulate(2, 50, Arm.TREATED, 1));
  }

  @Test
  void scores_stayInRangeOnTheInstrumentsGridAndStartAtCaseness() {
    Simulator sim = Simulator.of(PHQ);
    for (SimulatedClient c : sim.simulate(3, 2000, Arm.TREATED, 2)) {
      Trajectory t = c.trajectory();
      assertTrue(t.scoreAt(0) >= 10, "intake at caseness");
      assertEquals(0, t.sessionAt(0));
      for (int i = 0; i < t.size(); i++) {
        double y = t.scoreAt(i);
        assertTrue(y >= 0 && y <= 27);
        assertEquals(Math.rint(y), y);
        assertEquals(i, t.sessionAt(i));
      }
      assertTrue(t.size() <= PHQ.sessions() + 1);
      c.dropoutSession().ifPresent(d -> assertEquals(d, t.size()));
    }
  }

  @Test
  void decimalResolution_scoresAreTheDoublesOfTheirDecimals() {
    // ORS is scored in tenths: 23.2, never 0.1 * 232 = 23.200000000000003
    Simulator sim = Simulator.of(Scenario.calibratedDefault(Instruments.ORS));
    for (SimulatedClient c : sim.simulate(5, 500, Arm.TREATED, 1)) {
      for (double y : c.trajectory().scores()) {
        assertEquals(new java.math.BigDecimal(Double.toString(y)).setScale(1,
            java.math.RoundingMode.UNNECESSARY).doubleValue(), y);
        assertTrue(Double.toString(y).matches("\\d+\\.\\d"), Double.toString(y));
      }
    }
  }

  @Test
  void clientIds_areNumberedFromOne() {
    List<SimulatedClient> cs = Simulator.of(PHQ).simulate(1, 2, Arm.TREATED, 1);
    assertEquals("sim-000001", cs.get(0).client().id().value());
    assertEquals("sim-000002", cs.get(1).trajectory().client().value());
    assertEquals("sim-1000000", SimulatedClient.idFor(999_999));
  }

  @Test
  void waitlist_improvesLessThanTreatment() {
    Simulator sim = Simulator.of(PHQ);
    SimulationSummary tr = sim.summarise(8, 5000, Arm.TREATED, 2);
    SimulationSummary wl = sim.summarise(8, 5000, Arm.WAITLIST, 2);
    assertEquals(PHQ.waitlist().weeks(), wl.lastSession());
    assertTrue(wl.caseRateAt(13).orElseThrow() > tr.caseRateAt(13).orElseThrow() + 0.15);
    // regression to the mean: selection at intake makes the week-1 mean drop without treatment
    assertTrue(wl.meanScoreAt(1).orElseThrow() < wl.meanScoreAt(0).orElseThrow() - 0.3);
  }

  @Test
  void notAtRandomDropout_biasesCompletersTowardsBetterScores() {
    Scenario mar = PHQ;
    Scenario mnar = PHQ.withDropout(new Scenario.Dropout(0.0083, 0.0, Scenario.Missingness.NOT_AT_RANDOM, 1.5));
    SimulationSummary a = Simulator.of(mar).summarise(4, 20_000, Arm.TREATED, 2);
    SimulationSummary b = Simulator.of(mnar).summarise(4, 20_000, Arm.TREATED, 2);
    // clients who were getting worse left unseen: the observed mean at the end looks better
    assertTrue(b.meanScoreAt(26).orElseThrow() < a.meanScoreAt(26).orElseThrow() - 0.2,
        a.meanScoreAt(26).orElseThrow() + " vs " + b.meanScoreAt(26).orElseThrow());
  }

  @Test
  void readiness_slowsPrecontemplators() {
    Scenario allPc = PHQ.withReadiness(new Scenario.Readiness(
        stages(1, 0, 0, 0, 0), PHQ.readiness().rateMultiplier(),
        PHQ.readiness().dropoutMultiplier(), 0, 0));
    Scenario allAction = PHQ.withReadiness(new Scenario.Readiness(
        stages(0, 0, 0, 1, 0), PHQ.readiness().rateMultiplier(),
        PHQ.readiness().dropoutMultiplier(), 0, 0));
    SimulationSummary pc = Simulator.of(allPc).summarise(4, 5000, Arm.TREATED, 2);
    SimulationSummary ac = Simulator.of(allAction).summarise(4, 5000, Arm.TREATED, 2);
    assertTrue(pc.reliablyImprovedAt(8).orElseThrow() < ac.reliablyImprovedAt(8).orElseThrow() - 0.05);
    assertTrue(pc.dropoutRate() > ac.dropoutRate() * 1.8);
  }

  private static java.util.Map<io.candor.domain.ReadinessStage, Double> stages(double... p) {
    java.util.Map<io.candor.domain.ReadinessStage, Double> m =
        new java.util.EnumMap<>(io.candor.domain.ReadinessStage.class);
    for (io.candor.domain.ReadinessStage s : io.candor.domain.ReadinessStage.values()) {
      m.put(s, p[s.ordinal()]);
    }
    return m;
  }

  @Test
  void higherIsBetterInstrument_simulatesInItsDirection() {
    Scenario ors = Scenario.calibratedDefault(Instruments.ORS);
    SimulationSummary s = Simulator.of(ors).summarise(2, 3000, Arm.TREATED, 1);
    assertTrue(s.meanScoreAt(16).orElseThrow() > s.meanScoreAt(0).orElseThrow() + 3, s.meanScoreAt(0).orElseThrow() + " " + s.meanScoreAt(16).orElseThrow());
    assertTrue(s.caseRateAt(0).orElseThrow() > 0.99);
  }

  @Test
  void everyInstrumentWithCutoffAndReliableChange_getsAWorkingDefault() {
    for (io.candor.measure.Instrument i : Instruments.all()) {
      if (i.casenessCutoff().isEmpty() || i.reliableChange().isEmpty()) {
        assertThrows(IllegalArgumentException.class, () -> Scenario.calibratedDefault(i),
            i.id());
        continue;
      }
      Scenario s = Scenario.calibratedDefault(i);
      SimulationSummary sum = Simulator.of(s).summarise(1, 500, Arm.TREATED, 1);
      assertTrue(sum.caseRateAt(0).orElseThrow() > 0.99, i.id());
      assertTrue(sum.caseRateAt(s.sessions()).orElseThrow() < sum.caseRateAt(0).orElseThrow(), i.id());
      for (SimulatedClient c : Simulator.of(s).simulate(1, 50, Arm.TREATED, 1)) {
        assertEquals(i, c.trajectory().scale());
      }
    }
  }

  @Test
  void badArguments_areRejectedWithTheirName() {
    Simulator sim = Simulator.of(PHQ);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sim.summarise(1, 0, Arm.TREATED, 1));
    assertTrue(e.getMessage().contains("clients"));
    e = assertThrows(IllegalArgumentException.class, () -> sim.summarise(1, 10, Arm.TREATED, 0));
    assertTrue(e.getMessage().contains("threads"));
    assertThrows(IllegalArgumentException.class, () -> sim.client(1, -1, Arm.TREATED));
    SimulationSummary s = sim.summarise(1, 10, Arm.TREATED, 1);
    assertThrows(IllegalArgumentException.class, () -> s.caseRateAt(27));
    assertThrows(IllegalArgumentException.class, () -> Arm.parse("placebo"));
    assertEquals(Arm.WAITLIST, Arm.parse("WaitList"));
    assertEquals(Arm.TREATED, Arm.parse("treated"));
  }

  @Test
  void streamFor_dependsOnSeedAndIndexOnly() {
    long a = Engine.streamFor(1, 5).nextLong();
    assertEquals(a, Engine.streamFor(1, 5).nextLong());
    assertNotEquals(a, Engine.streamFor(1, 6).nextLong());
    assertNotEquals(a, Engine.streamFor(2, 5).nextLong());
  }

  @Test
  void sharesAtSessionsNobodyAttended_areEmpty_notNaN() {
    Scenario leaving = PHQ.withDropout(new Scenario.Dropout(0.9, 0.0, Scenario.Missingness.AT_RANDOM, 0.0));
    SimulationSummary s = Simulator.of(leaving).summarise(3, 5, Arm.TREATED, 1);
    int empty = 0;
    for (int t = 0; t <= s.lastSession(); t++) {
      boolean nobody = s.observedAt(t) == 0;
      assertEquals(nobody, s.caseRateAt(t).isEmpty(), "session " + t);
      assertEquals(nobody, s.reliablyImprovedAt(t).isEmpty(), "session " + t);
      assertEquals(nobody, s.meanScoreAt(t).isEmpty(), "session " + t);
      empty += nobody ? 1 : 0;
    }
    assertTrue(empty > 0, "no session without clients: " + s);
    assertTrue(s.toString().contains("dropout="), s.toString());
  }

  private static final Simulator SIM = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9));

  @Test
  void simulateAndCohort_rejectNonPositiveClients_namingTheField() {
    for (int clients : new int[] {0, -5}) {
      IllegalArgumentException a =
          assertThrows(IllegalArgumentException.class, () -> SIM.simulate(1, clients, Arm.TREATED, 1));
      assertTrue(a.getMessage().contains("clients must be >= 1, was " + clients), a.getMessage());
      IllegalArgumentException b =
          assertThrows(IllegalArgumentException.class, () -> SIM.cohort(1, clients, Arm.TREATED, 1));
      assertTrue(b.getMessage().contains("clients must be >= 1, was " + clients), b.getMessage());
    }
  }

  @Test
  void idFor_rejectsNegativeIndex() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SimulatedClient.idFor(-1));
    assertTrue(e.getMessage().contains("index must be >= 0, was -1"), e.getMessage());
  }

  @Test
  void summariseRange_combinedOverDisjointRanges_equalsTheWholeSummary() {
    Simulator sim = Simulator.of(PHQ);
    SimulationSummary whole = sim.summarise(11L, 5000, Arm.TREATED, 2);
    SimulationSummary parts = sim.summariseRange(11L, 3000, 5000, Arm.TREATED)
        .combine(sim.summariseRange(11L, 0, 1234, Arm.TREATED))
        .combine(sim.summariseRange(11L, 1234, 3000, Arm.TREATED));
    org.junit.jupiter.api.Assertions.assertEquals(whole, parts);
    org.junit.jupiter.api.Assertions.assertEquals(whole.hashCode(), parts.hashCode());
    org.junit.jupiter.api.Assertions.assertNotEquals(whole, sim.summariseRange(11L, 0, 4999, Arm.TREATED));
  }

  @Test
  void summariseRange_rejectsEmptyRangesAndCombineRejectsOtherArms() {
    Simulator sim = Simulator.of(PHQ);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> sim.summariseRange(1L, 5, 5, Arm.TREATED));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> sim.summariseRange(1L, -1, 5, Arm.TREATED));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> sim.summariseRange(1L, 0, 5, Arm.TREATED)
            .combine(sim.summariseRange(1L, 5, 10, Arm.WAITLIST)));
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("cannot combine"));
  }

  @Test
  void summarise_reportsProgressOncePerChunk_withTheClientsDoneSoFar() {
    Simulator sim = Simulator.of(PHQ.withSessions(4));
    assertEquals(PHQ.withSessions(4), sim.scenario());
    java.util.List<Long> done = new java.util.ArrayList<>();
    sim.summarise(3, 2 * Simulator.CHUNK, Arm.TREATED, 1, done::add);
    assertEquals(List.of((long) Simulator.CHUNK, 2L * Simulator.CHUNK), done);
    done.clear();
    SimulationSummary s = sim.summarise(3, Simulator.CHUNK + 5, Arm.TREATED, 1, done::add);
    assertEquals(List.of((long) Simulator.CHUNK, Simulator.CHUNK + 5L), done);
    assertEquals(Simulator.CHUNK + 5, s.clients());
  }

  @Test
  void forEachOrdered_refusesAnEmptyCohort() {
    Simulator sim = Simulator.of(PHQ);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sim.forEachOrdered(1, 0, Arm.TREATED, 1, c -> { }));
    assertEquals("clients must be >= 1, was 0", e.getMessage());
  }
}
