package io.candor.expectation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Course;
import io.candor.domain.ReadinessStage;
import io.candor.evidence.Citation;
import io.candor.evidence.Citations;
import io.candor.json.CandorJson;
import io.candor.json.ExpectedResponseModels;
import io.candor.measure.Instruments;
import io.candor.model.mixture.ClassPosterior;
import io.candor.model.mixture.NewClient;
import io.candor.model.mixture.TrajectoryClasses;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.ExpectedResponseModel;
import io.candor.simulation.Arm;
import io.candor.simulation.Calibration;
import io.candor.simulation.PlausibleRange;
import io.candor.simulation.Scenario;
import io.candor.simulation.SimulatedPanel;
import io.candor.simulation.Simulator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ExpectationsTest {

  static final ExpectedResponseModel PHQ_MODEL = ExpectedResponseModels.reference(Instruments.PHQ9);

  /** Small and fast, for tests that do not measure the numbers themselves. */
  static final Expectations SMALL = Expectations.withDefaults().withClients(2_000)
      .withSensitivityClients(500).withModel(PHQ_MODEL);

  /** The median observed intake of the calibrated scenario's entrants. */
  private static double typicalIntake() {
    SimulatedPanel p = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9))
        .panel(Calibration.DEFAULT_SEED, 20_000, Arm.TREATED, 2);
    double[] intakes = new double[p.clients()];
    for (int i = 0; i < intakes.length; i++) {
      intakes[i] = p.score(i, 0);
    }
    java.util.Arrays.sort(intakes);
    return intakes[intakes.length / 2];
  }

  /**
   * A profile matching the calibrated scenario (the typical intake, course and readiness unknown,
   * the calibration's 26 sessions) agrees with the calibration targets within their accepted
   * ranges.
   */
  @Test
  void calibratedProfile_agreesWithTheCalibrationTargetsWithinTheirAcceptedRanges() {
    double intake = typicalIntake();
    ClientProfile p = ClientProfile.of(Instruments.PHQ9, intake).withPlannedSessions(26);
    ExpectationReport r = Expectations.withDefaults().withHorizons(8, 26)
        .report(p, Calibration.DEFAULT_SEED);
    double improved8 = r.probability(Outcome.RELIABLE_IMPROVEMENT, 8).orElseThrow().estimate();
    double dropped8 = r.probability(Outcome.DROPOUT, 8).orElseThrow().estimate();
    double attendingImproved = improved8 / (1 - dropped8);
    assertTrue(attendingImproved >= 0.45 && attendingImproved <= 0.55,
        "improved at 8 among those attending: " + attendingImproved + " (intake " + intake + ")");
    Milestone half = r.halfImproved().orElseThrow();
    assertTrue(half.session() >= 6.5 && half.session() <= 10, "half improved by " + half);
    double worse = r.probability(Outcome.RELIABLE_DETERIORATION, 26).orElseThrow().estimate();
    double dropped = r.probability(Outcome.DROPOUT, 26).orElseThrow().estimate();
    double attendingWorse = worse / (1 - dropped);
    assertTrue(attendingWorse >= 0.05 && attendingWorse <= 0.10, "reliably worse: " + attendingWorse);
    assertTrue(dropped >= 0.177 && dropped <= 0.217, "dropout by 26: " + dropped);
  }

  @Test
  void sameSeed_givesAByteIdenticalReport_forAnyThreadCount() {
    ClientProfile p = ClientProfile.of(Instruments.PHQ9, 18).withObserved(1, 17)
        .withObserved(2, 16).withItems(ClientProfile.ItemResponses.of(2, 2, 1, 3, 1, 0, 2, 1, 1));
    ExpectationReport a = SMALL.report(p, 7L);
    ExpectationReport b = SMALL.withThreads(3).report(p, 7L);
    assertEquals(CandorJson.toJson(a), CandorJson.toJson(b));
    assertEquals(ClientRenderer.withDefaults().html(a), ClientRenderer.withDefaults().html(b));
    assertEquals(TherapistRenderer.withDefaults().text(a), TherapistRenderer.withDefaults().text(b));
    assertNotEquals(CandorJson.toJson(a), CandorJson.toJson(SMALL.report(p, 8L)));
  }

  @Test
  void exclusiveOutcomes_sumToOne_andTheirNaturalFrequenciesTo100() {
    ExpectationReport r = SMALL.report(ClientProfile.of(Instruments.GAD7, 14), 3L);
    for (int h : r.horizons()) {
      int count = 0;
      double sum = 0;
      for (Outcome o : Outcome.EXCLUSIVE) {
        Probability p = r.probability(o, h).orElseThrow();
        sum += p.estimate();
        count += p.naturalFrequency().count();
        assertEquals(p.naturalFrequency().count(), r.iconArray(h, o).orElseThrow().count(o));
      }
      assertEquals(1, sum, 1e-12);
      assertEquals(100, count);
      Probability stable = r.probability(Outcome.STABLE_OR_BETTER, h).orElseThrow();
      assertEquals(r.probability(Outcome.RELIABLE_IMPROVEMENT, h).orElseThrow().estimate()
          + r.probability(Outcome.NO_RELIABLE_CHANGE, h).orElseThrow().estimate(),
          stable.estimate(), 1e-12);
    }
    assertEquals(List.of(8, 12, 20), r.horizons());
    assertTrue(r.notices().contains(Notice.NOT_CALIBRATED));
  }

  @Test
  void horizons_leaveOutObservedSessions_andAlwaysEndAtThePlannedEnd() {
    ClientProfile p = ClientProfile.of(Instruments.PHQ9, 18).withPlannedSessions(16)
        .withObserved(8, 12);
    ExpectationReport r = SMALL.report(p, 1L);
    assertEquals(List.of(12, 16), r.horizons());
    assertTrue(r.notices().contains(Notice.HORIZONS_PASSED));
    assertEquals(List.of(5, 10), SMALL.withHorizons(5, 10, 40)
        .report(ClientProfile.of(Instruments.PHQ9, 18).withPlannedSessions(10), 1L).horizons());
  }

  @Test
  void intakeBelowTheCutoff_reportsNoRecovery_andSaysWhy() {
    ExpectationReport r = SMALL.report(ClientProfile.of(Instruments.PHQ9, 8), 1L);
    assertTrue(r.probability(Outcome.RECOVERY, 12).isEmpty());
    assertTrue(r.notices().contains(Notice.NOT_AT_CASENESS));
    assertTrue(r.iconArray(12, Outcome.RECOVERY).isEmpty());
    assertTrue(SMALL.report(ClientProfile.of(Instruments.PHQ9, 10), 1L)
        .probability(Outcome.RECOVERY, 12).isPresent());
  }

  @Test
  void readiness_feedsTheDropoutLine() {
    ClientProfile base = ClientProfile.of(Instruments.PHQ9, 17);
    Expectations e = Expectations.withDefaults().withClients(10_000).withSensitivityClients(1_000);
    double pre = e.report(base.withReadiness(ReadinessStage.PRECONTEMPLATION), 5L)
        .probability(Outcome.DROPOUT, 20).orElseThrow().estimate();
    double action = e.report(base.withReadiness(ReadinessStage.ACTION), 5L)
        .probability(Outcome.DROPOUT, 20).orElseThrow().estimate();
    assertTrue(pre > action + 0.05, "precontemplation " + pre + " vs action " + action);
  }

  @Test
  void chronicCourse_hasItsOutlook_lowerRecovery_andDoesNotVaryTheChronicShare() {
    ClientProfile p = ClientProfile.of(Instruments.PHQ9, 18);
    ExpectationReport chronic = SMALL.report(p.withCourse(Course.CHRONIC), 2L);
    ExpectationReport resolvable = SMALL.report(p.withCourse(Course.RESOLVABLE), 2L);
    assertTrue(chronic.chronic().isPresent());
    assertTrue(resolvable.chronic().isEmpty());
    assertTrue(chronic.probability(Outcome.RECOVERY, 20).orElseThrow().estimate()
        < resolvable.probability(Outcome.RECOVERY, 20).orElseThrow().estimate());
    assertFalse(chronic.varied().contains(PlausibleRange.CHRONIC_SHARE));
    assertTrue(SMALL.report(p, 2L).varied().contains(PlausibleRange.CHRONIC_SHARE));
    assertEquals(0.23, chronic.chronic().get().effectSize().value());
  }

  @Test
  void observedCourse_updatesTheNumbers_inTheDirectionOfTheScores() {
    ClientProfile p = ClientProfile.of(Instruments.PHQ9, 18);
    double none = SMALL.report(p, 4L).probability(Outcome.RELIABLE_IMPROVEMENT, 12).orElseThrow()
        .estimate();
    double good = SMALL.report(p.withObserved(1, 14).withObserved(2, 11), 4L)
        .probability(Outcome.RELIABLE_IMPROVEMENT, 12).orElseThrow().estimate();
    double poor = SMALL.report(p.withObserved(1, 19).withObserved(2, 20), 4L)
        .probability(Outcome.RELIABLE_IMPROVEMENT, 12).orElseThrow().estimate();
    assertTrue(good > none + 0.1 && none > poor + 0.1, poor + " < " + none + " < " + good);
    CourseUpdate u = SMALL.report(p.withObserved(1, 14).withObserved(2, 11), 4L).update()
        .orElseThrow();
    assertEquals(List.of(1, 2), u.sessions());
    assertEquals(1, u.weights().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
    assertEquals(0.44 * 14 + 0.56 * 11, u.level(), 0.05);
  }

  /** The reference model extrapolates a slope, giving early scores of a long course negative weight. */
  @Test
  void weights_areNonNegative_sumToOne_andDependOnTheSessionsOnly() {
    ExpectedResponse er = ExpectedResponse.of(PHQ_MODEL).withScale(Instruments.PHQ9);
    int[] sessions = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    double[] w = Expectations.weights(er, Instruments.PHQ9, sessions);
    assertEquals(0, w[0], "session 1's model weight is negative here and is set to zero");
    double sum = 0;
    for (int k = 0; k < w.length; k++) {
      assertTrue(w[k] >= 0);
      sum += w[k];
      if (k > 1) {
        assertTrue(w[k] >= w[k - 1], "later sessions weigh more");
      }
    }
    assertEquals(1, sum, 1e-12);
  }

  @Test
  void riskItem_isFlaggedWhateverTheTotal_andAZeroIsNotReassurance() {
    ClientProfile low = ClientProfile.of(Instruments.PHQ9, 1)
        .withItems(ClientProfile.ItemResponses.of(0, 0, 0, 0, 0, 0, 0, 0, 1).atSession(0));
    ExpectationReport r = SMALL.report(low, 1L);
    assertTrue(r.risk().needsReview());
    assertEquals(9, r.risk().flags().get(0).item());
    assertThrows(IllegalArgumentException.class, () -> ClientProfile.of(Instruments.PHQ9, 18)
        .withItems(ClientProfile.ItemResponses.of(2, 2, 2, 2, 2, 2, 2, 2, 0).atSession(0)));
    ExpectationReport z = SMALL.report(ClientProfile.of(Instruments.PHQ9, 16)
        .withItems(ClientProfile.ItemResponses.of(2, 2, 2, 2, 2, 2, 2, 2, 0).atSession(0)), 1L);
    assertFalse(z.risk().needsReview());
    assertTrue(z.risk().itemsSeen());
    ExpectationReport unseen = SMALL.report(ClientProfile.of(Instruments.PHQ9, 16), 1L);
    assertFalse(unseen.risk().itemsSeen());
    assertEquals(List.of(9), unseen.risk().riskItems());
    assertTrue(unseen.notices().contains(Notice.RISK_ITEMS_NOT_SEEN));
  }

  @Test
  void core10Item6_isTheRiskItemOfItsReport_andIsFlaggedWhateverTheOtherItems() {
    ExpectationReport r = SMALL.report(ClientProfile.of(Instruments.CORE10, 3)
        .withItems(ClientProfile.ItemResponses.of(0, 0, 0, 0, 0, 2, 0, 0, 0, 0)), 1L);
    assertEquals(List.of(6), r.risk().riskItems());
    assertTrue(r.risk().needsReview());
    assertEquals(6, r.risk().flags().get(0).item());
    assertTrue(r.notices().contains(Notice.ITEMS_NOT_TIED));
    assertTrue(TherapistRenderer.withDefaults().text(r).replaceAll("\\s+", " ")
        .contains("CORE-10 item 6: response 2"));
  }

  /** With the intake alone and every class starting there, the probabilities are the shares. */
  @Test
  void latentClasses_fromTheIntakeAlone_areTheClassShares_andTheirShapesFollowTheCurves() {
    FittedClasses f = FittedClasses.of(FittedClassesTest.fourClasses(2.5), "four test classes",
        Map.of());
    ExpectationReport r = SMALL.report(ClientProfile.of(Instruments.PHQ9, 18).withClasses(f), 1L);
    ClassOutlook c = r.classes().orElseThrow();
    assertEquals("four test classes", c.source());
    assertEquals(1, c.observations());
    assertEquals(20, c.lastSession());
    List<Double> shares = List.of(0.25, 0.35, 0.30, 0.10);
    for (int j = 0; j < 4; j++) {
      assertEquals(shares.get(j), c.patterns().get(j).probability(), 1e-12);
      assertEquals(shares.get(j), c.patterns().get(j).share());
      assertEquals(Math.round(100 * shares.get(j)), c.patterns().get(j).count());
    }
    // PHQ-9's reliable change is 6 points: 18 - 5 log(1 + t) <= 12 from t = e^1.2 - 1 = 2.3.
    assertEquals(OptionalInt.of(3), c.patterns().get(0).improvedBy());
    assertEquals(OptionalInt.of(11), c.patterns().get(1).improvedBy());
    assertEquals(18 - 2.5 * Math.log(21), c.patterns().get(1).end(), 1e-12);
    assertEquals(List.of(ClassOutlook.Trend.IMPROVING, ClassOutlook.Trend.IMPROVING,
        ClassOutlook.Trend.LITTLE_CHANGE, ClassOutlook.Trend.WORSENING),
        c.patterns().stream().map(ClassOutlook.Pattern::trend).toList());
    assertFalse(r.notices().contains(Notice.CLASSES_OFF_SCALE));
    assertTrue(r.sources().stream().map(Citation::key).toList()
        .containsAll(List.of("nagin1999", "stulz2007", "saunders2019")));
    assertTrue(SMALL.report(ClientProfile.of(Instruments.PHQ9, 18), 1L).classes().isEmpty());
  }

  @Test
  void latentClasses_followTheObservedScores_asTheClassModelSays() {
    TrajectoryClasses model = FittedClassesTest.fourClasses(2.5);
    FittedClasses f = FittedClasses.of(model, "four test classes", Map.of());
    ClientProfile fast = ClientProfile.of(Instruments.PHQ9, 18).withObserved(1, 14)
        .withObserved(2, 13).withClasses(f);
    ClassOutlook c = SMALL.report(fast, 1L).classes().orElseThrow();
    ClassPosterior direct = model.posterior(NewClient.of(new double[] {0, 1, 2},
        new double[] {18, 14, 13}));
    for (int j = 1; j <= 4; j++) {
      assertEquals(direct.probability(j), c.patterns().get(j - 1).probability(), 1e-15);
    }
    assertEquals(1, c.mostLikely().index());
    assertEquals(3, c.observations());
    assertEquals(100, c.patterns().stream().mapToInt(ClassOutlook.Pattern::count).sum());
    ClientProfile flat = ClientProfile.of(Instruments.PHQ9, 18).withObserved(1, 18)
        .withObserved(2, 19).withClasses(f);
    assertEquals(3, SMALL.report(flat, 1L).classes().orElseThrow().mostLikely().index());
  }

  @Test
  void classCurvesLeavingTheScale_areNoticed_andTheirShapesJudgedWithinIt() {
    ExpectationReport r = SMALL.report(ClientProfile.of(Instruments.PHQ9, 18).withClasses(
        FittedClasses.of(FittedClassesTest.fourClasses(4), "steep", Map.of())), 1L);
    ClassOutlook.Pattern worse = r.classes().orElseThrow().patterns().get(3);
    assertEquals(18 + 4 * Math.log(21), worse.end(), 1e-12, "the curve as fitted: above 27");
    assertEquals(ClassOutlook.Trend.WORSENING, worse.trend());
    assertTrue(r.notices().contains(Notice.CLASSES_OFF_SCALE));
  }

  @Test
  void membershipCovariates_shiftTheClassProbabilities() {
    TrajectoryClasses m = FittedClassesTest.withCovariate();
    ClientProfile p = ClientProfile.of(Instruments.PHQ9, 18);
    double mild = SMALL.report(p.withClasses(FittedClasses.of(m, "s", Map.of("severe", 0.0))), 1L)
        .classes().orElseThrow().patterns().get(1).probability();
    double severe = SMALL.report(p.withClasses(FittedClasses.of(m, "s", Map.of("severe", 1.0))),
        1L).classes().orElseThrow().patterns().get(1).probability();
    assertEquals(1 / (1 + Math.exp(0.4)), mild, 1e-12);
    assertEquals(1 / (1 + Math.exp(-0.8)), severe, 1e-12);
  }

  @Test
  void badConfiguration_andProfilesTheReportCannotServe_areRejectedWithTheValue() {
    ClientProfile observed = ClientProfile.of(Instruments.PHQ9, 18).withObserved(1, 17);
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Expectations.withDefaults().withClients(2000).report(observed, 1L)).getMessage()
        .contains("expected-response model"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SMALL.withModel(ExpectedResponseModels.reference(Instruments.GAD7))
            .report(observed, 1L)).getMessage().contains("GAD-7"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SMALL.withScenario(Scenario.calibratedDefault(Instruments.GAD7))
            .report(observed, 1L)).getMessage().contains("GAD-7"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SMALL.report(ClientProfile.of(Instruments.PHQ9, 18).withPlannedSessions(2)
            .withObserved(1, 17).withObserved(2, 16), 1L)).getMessage().contains("every planned"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SMALL.withClients(99))
        .getMessage().contains("clients"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SMALL.withHorizons(0))
        .getMessage().contains("horizon"));
    assertThrows(IllegalArgumentException.class, () -> SMALL.withHorizons());
    assertThrows(IllegalArgumentException.class, () -> SMALL.withThreads(0));
    assertTrue(SMALL.report(observed, 1L).update().isPresent());
  }

  @Test
  void customScenario_isNoticed_andConfigurationsCompareByValue() {
    Scenario s = PlausibleRange.DROPOUT_HAZARD.apply(Scenario.calibratedDefault(Instruments.PHQ9),
        2);
    assertTrue(SMALL.withScenario(s).report(ClientProfile.of(Instruments.PHQ9, 15), 1L).notices()
        .contains(Notice.CUSTOM_SCENARIO));
    assertEquals(SMALL, Expectations.withDefaults().withClients(2_000).withSensitivityClients(500)
        .withModel(PHQ_MODEL));
    assertEquals(SMALL.hashCode(), Expectations.withDefaults().withClients(2_000)
        .withSensitivityClients(500).withModel(PHQ_MODEL).hashCode());
    assertNotEquals(SMALL, SMALL.withHorizons(4));
    assertTrue(SMALL.toString().contains("clients=2000"));
  }

  /** Counts out of 100: floors, then one more for the largest remainders, the first on a tie. */
  private static int[] largestRemainder(double[] percent) {
    int[] out = new int[percent.length];
    int total = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) Math.floor(percent[i]);
      total += out[i];
    }
    List<Integer> order = new java.util.ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      order.add(i);
    }
    order.sort(java.util.Comparator.comparingDouble((Integer i) -> -(percent[i] - out[i]))
        .thenComparingInt(i -> i));
    for (int j = 0; total < 100; j++, total++) {
      out[order.get(j)]++;
    }
    return out;
  }

  /** The 95 % Wilson score interval of x successes in n (Wilson 1927), written out. */
  private static double[] wilson(int x, int n) {
    double z = 1.959963984540054;
    double p = (double) x / n;
    double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
    double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
    return new double[] {centre - half, centre + half};
  }

  /**
   * Every figure of a small report recomputed from its definition: the share of the comparable
   * clients, its Wilson interval, the sensitivity moves (each plausible-range end simulated on the
   * same first clients, minus the base share on them), the range to quote, the counts out of 100
   * by largest remainders and their ranges, the icon arrays, and the half-improved milestone.
   */
  @Test
  void everyFigure_isItsDefinition_recomputedFromTheSimulatedPanels() {
    long seed = 21L;
    int clients = 600;
    int m = 300;
    int planned = 12;
    int[] hz = {8, 12};
    Expectations e = Expectations.withDefaults().withClients(clients).withSensitivityClients(m);
    ExpectationReport r = e.report(ClientProfile.of(Instruments.PHQ9, 18)
        .withPlannedSessions(planned), seed);
    assertEquals(List.of(8, 12), r.horizons());
    Scenario conditioned = Scenario.calibratedDefault(Instruments.PHQ9).withSessions(planned);
    Ensemble.Conditioning c = new Ensemble.Conditioning(
        io.candor.change.ClinicalEvents.of(Instruments.PHQ9), 18, new int[0], new double[0], 0);
    Simulator sim = Simulator.of(conditioned).givenIntake(18);
    Ensemble full = Ensemble.of(sim.panel(seed, clients, Arm.TREATED, 1), clients, c, hz, true);
    Ensemble base = Ensemble.of(sim.panel(seed, m, Arm.TREATED, 1), m, c, hz, false);
    List<Ensemble> variants = new java.util.ArrayList<>();
    List<PlausibleRange> varied = new java.util.ArrayList<>();
    for (PlausibleRange range : PlausibleRange.values()) {
      if (range.appliesTo(conditioned)) {
        varied.add(range);
        for (double end : new double[] {range.low().value(), range.high().value()}) {
          variants.add(Ensemble.of(Simulator.of(range.apply(conditioned, end)).givenIntake(18)
              .panel(seed, m, Arm.TREATED, 1), m, c, hz, false));
        }
      }
    }
    assertEquals(varied, r.varied());
    assertEquals(4, varied.size(), "rate, dropout, deterioration and chronic share");
    assertEquals(clients, r.clients());
    assertEquals(full.comparable, r.comparableClients());
    assertEquals(m, r.sensitivityClients());
    assertEquals(full.curve, r.curve());
    int n = full.comparable;
    for (int h = 0; h < hz.length; h++) {
      double[] exclusive = new double[4];
      for (int i = 0; i < 4; i++) {
        exclusive[i] = 100.0 * full.counts[h][Outcome.EXCLUSIVE.get(i).ordinal()] / n;
      }
      int[] counts = largestRemainder(exclusive);
      double[] split = {100.0 * full.counts[h][Outcome.RECOVERY.ordinal()] / n,
          100.0 * full.counts[h][Outcome.NO_RECOVERY.ordinal()] / n};
      int[] splitCounts = largestRemainder(split);
      assertEquals(IconArray.of(hz[h], Outcome.EXCLUSIVE, java.util.Arrays.stream(counts).boxed()
          .toList()), r.iconArrays().get(h));
      assertEquals(IconArray.of(hz[h], Outcome.RECOVERY_SPLIT, java.util.Arrays.stream(splitCounts)
          .boxed().toList()), r.iconArrays().get(hz.length + h), "recovery arrays come last");
      for (Outcome o : Outcome.values()) {
        Probability p = r.probability(o, hz[h]).orElseThrow();
        String at = o + " at " + hz[h];
        int x = full.counts[h][o.ordinal()];
        assertEquals((double) x / n, p.estimate(), 0, at);
        double[] ci = wilson(x, n);
        assertEquals(Math.min(p.estimate(), ci[0]), p.monteCarlo().lower(), 1e-12, at);
        assertEquals(Math.max(p.estimate(), ci[1]), p.monteCarlo().upper(), 1e-12, at);
        double b = (double) base.counts[h][o.ordinal()] / base.comparable;
        double down = 0;
        double up = 0;
        for (Ensemble v : variants) {
          double move = (double) v.counts[h][o.ordinal()] / v.comparable - b;
          down = Math.min(down, move);
          up = Math.max(up, move);
        }
        assertEquals(Math.max(0, p.estimate() + down), p.sensitivity().lower(), 1e-12, at);
        assertEquals(Math.min(1, p.estimate() + up), p.sensitivity().upper(), 1e-12, at);
        assertEquals(Math.max(0, p.monteCarlo().lower() + down), p.lower(), 1e-12, at);
        assertEquals(Math.min(1, p.monteCarlo().upper() + up), p.upper(), 1e-12, at);
        int count = switch (o) {
          case STABLE_OR_BETTER -> counts[0] + counts[1];
          case RECOVERY -> splitCounts[0];
          case NO_RECOVERY -> splitCounts[1];
          default -> counts[Outcome.EXCLUSIVE.indexOf(o)];
        };
        NaturalFrequency nf = p.naturalFrequency();
        assertEquals(count, nf.count(), at);
        assertEquals(Math.min(count, Math.round(100 * p.lower())), nf.lower(), at);
        assertEquals(Math.max(count, Math.round(100 * p.upper())), nf.upper(), at);
        assertEquals(io.candor.evidence.Certainty.ASSUMPTION, p.certainty());
      }
      Probability better = r.probability(Outcome.RELIABLE_IMPROVEMENT, hz[h]).orElseThrow();
      assertTrue(better.sensitivity().lower() < better.estimate()
          && better.estimate() < better.sensitivity().upper(), "the ranges move both ways");
    }
    double s = full.sessionReaching(0.5);
    double b = base.sessionReaching(0.5);
    double earliest = s;
    double latest = s;
    boolean beyond = false;
    for (Ensemble v : variants) {
      double vs = v.sessionReaching(0.5);
      if (Double.isNaN(vs)) {
        beyond = true;
        latest = planned;
      } else {
        earliest = Math.min(earliest, Math.max(0, s + vs - b));
        latest = Math.max(latest, Math.min(planned, s + vs - b));
      }
    }
    Milestone half = r.halfImproved().orElseThrow();
    assertEquals(0.5, half.share());
    assertEquals(s, half.session(), 0);
    assertEquals(earliest, half.earliest(), 1e-12);
    assertEquals(latest, half.latest(), 1e-12);
    assertEquals(beyond, half.latestBeyondPlan());
    assertTrue(earliest < s && s < latest, earliest + " < " + s + " < " + latest);
  }

  /** Each notice is given exactly when its condition holds, once. */
  @Test
  void notices_areExactlyThoseThatApply_eachOnce() {
    ClientProfile plain = ClientProfile.of(Instruments.PHQ9, 18);
    assertEquals(List.of(Notice.RISK_ITEMS_NOT_SEEN), SMALL.report(plain, 1L).notices());
    ClientProfile tied = plain.withItems(ClientProfile.ItemResponses.of(2, 2, 2, 2, 2, 2, 2, 2, 2)
        .atSession(0));
    assertEquals(List.of(), SMALL.report(tied, 1L).notices());
    assertEquals(List.of(Notice.ITEMS_NOT_TIED), SMALL.report(plain.withItems(
        ClientProfile.ItemResponses.of(2, 2, 2, 2, 2, 2, 2, 2, 2)), 1L).notices());
    assertEquals(List.of(Notice.HORIZONS_PASSED),
        SMALL.report(tied.withObserved(13, 12), 1L).notices(), "8 and 12 passed: said once");
    assertEquals(List.of(), SMALL.report(tied.withObserved(1, 17).withObserved(2, 16), 1L)
        .notices(), "a usual course inside what the model was fitted on");
    assertEquals(List.of(Notice.UNUSUAL_COURSE), SMALL.report(tied.withObserved(1, 0)
        .withObserved(2, 0), 1L).notices(), "far better than any simulated client like this");
    assertEquals(List.of(Notice.UNUSUAL_COURSE), SMALL.report(tied.withObserved(1, 27)
        .withObserved(2, 27), 1L).notices(), "far worse");
    // the reference model was fitted on intakes 10 to 27 and sessions 0 to 26
    assertEquals(List.of(Notice.NOT_AT_CASENESS, Notice.MODEL_EXTRAPOLATES,
        Notice.RISK_ITEMS_NOT_SEEN), SMALL.report(ClientProfile.of(Instruments.PHQ9, 5)
            .withObserved(1, 5), 1L).notices());
    assertEquals(List.of(Notice.RISK_ITEMS_NOT_SEEN), SMALL.report(ClientProfile.of(
        Instruments.PHQ9, 10).withObserved(1, 10), 1L).notices());
    assertEquals(List.of(Notice.HORIZONS_PASSED, Notice.MODEL_EXTRAPOLATES,
        Notice.RISK_ITEMS_NOT_SEEN), SMALL.report(plain.withPlannedSessions(40)
            .withObserved(30, 12), 1L).notices());
    ClientProfile core = ClientProfile.of(Instruments.CORE10, 3)
        .withItems(ClientProfile.ItemResponses.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertEquals(List.of(Notice.NOT_AT_CASENESS, Notice.NOT_CALIBRATED, Notice.ITEMS_NOT_TIED),
        SMALL.report(core, 1L).notices());
    Scenario longer = Scenario.calibratedDefault(Instruments.PHQ9).withSessions(30);
    assertEquals(List.of(), SMALL.withScenario(longer).report(tied, 1L).notices(),
        "the calibrated scenario with other sessions is not a custom one");
  }

  private static List<String> keys(io.candor.evidence.Citation... cs) {
    return java.util.Arrays.stream(cs).map(io.candor.evidence.Citation::key).distinct().toList();
  }

  /**
   * Each figure names the sources it rests on: the outcome's own, then readiness, a chronic
   * course and the observed course when the profile has them; the report lists every source once,
   * in order of first use.
   */
  @Test
  void sources_ofEachFigureAndOfTheReport_areThoseItRestsOn_inOrderOfFirstUse() {
    io.candor.evidence.Citation rc = Instruments.PHQ9.reliableChange().orElseThrow().source();
    io.candor.evidence.Citation cut = Instruments.PHQ9.casenessCutoff().orElseThrow().source();
    ExpectationReport plain = SMALL.report(ClientProfile.of(Instruments.PHQ9, 18), 1L);
    assertEquals(keys(Citations.HOWARD_1986, rc),
        plain.probability(Outcome.RELIABLE_IMPROVEMENT, 8).orElseThrow().sources());
    assertEquals(keys(Citations.HOWARD_1986, Citations.LAMBERT_2013, rc),
        plain.probability(Outcome.NO_RELIABLE_CHANGE, 8).orElseThrow().sources());
    assertEquals(keys(Citations.LAMBERT_2013, rc),
        plain.probability(Outcome.RELIABLE_DETERIORATION, 12).orElseThrow().sources());
    assertEquals(keys(Citations.LAMBERT_2013, rc),
        plain.probability(Outcome.STABLE_OR_BETTER, 12).orElseThrow().sources());
    assertEquals(keys(Citations.SWIFT_2012),
        plain.probability(Outcome.DROPOUT, 20).orElseThrow().sources());
    assertEquals(keys(Citations.HOWARD_1986, cut),
        plain.probability(Outcome.RECOVERY, 20).orElseThrow().sources());
    assertEquals(keys(Citations.HOWARD_1986, cut),
        plain.probability(Outcome.NO_RECOVERY, 20).orElseThrow().sources());
    assertEquals(keys(Citations.HOWARD_1986, rc, Citations.LAMBERT_2013, Citations.SWIFT_2012,
        cut, Citations.MITCHELL_2007, Citations.KAZANTZIS_2000, Citations.MAUSBACH_2010,
        Citations.NORCROSS_2011, Citations.LOUZON_2016, Citations.NICE_NG225_2022,
        Citations.GIGERENZER_1995, Citations.ZIPKIN_2014, Citations.GALESIC_2009,
        Citations.TREVENA_2013), plain.sources().stream().map(Citation::key).toList());

    ExpectationReport full = SMALL.report(ClientProfile.of(Instruments.PHQ9, 18)
        .withReadiness(ReadinessStage.ACTION).withCourse(Course.CHRONIC).withObserved(1, 17), 1L);
    assertEquals(keys(Citations.SWIFT_2012, Citations.NORCROSS_2011,
        Citations.SATYANARAYANA_2009, Citations.BEAUMONT_2002),
        full.probability(Outcome.DROPOUT, 8).orElseThrow().sources());
    assertEquals(keys(Citations.HOWARD_1986, rc, Citations.NORCROSS_2011,
        Citations.SATYANARAYANA_2009, Citations.BEAUMONT_2002, Citations.LAMBERT_2013,
        Citations.SWIFT_2012, cut, Citations.CUIJPERS_2010, Citations.VITTENGL_2007,
        Citations.MITCHELL_2007, Citations.KAZANTZIS_2000, Citations.MAUSBACH_2010,
        Citations.LOUZON_2016, Citations.NICE_NG225_2022, Citations.GIGERENZER_1995,
        Citations.ZIPKIN_2014, Citations.GALESIC_2009, Citations.TREVENA_2013),
        full.sources().stream().map(Citation::key).toList());
    for (Citation c : full.sources()) {
      assertEquals(c, Citations.byKey(c.key()).orElse(c), c.key());
    }
    ExpectationReport gad = Expectations.withDefaults().withClients(1_000)
        .withSensitivityClients(200).report(ClientProfile.of(Instruments.GAD7, 12), 1L);
    assertFalse(gad.sources().stream().map(Citation::key).toList()
        .contains(Citations.LOUZON_2016.key()), "GAD-7 has no risk item and none was seen");
  }

  /**
   * A class curve that starts above the scale and comes back onto it is noticed, and its shape is
   * judged from the top of the scale.
   */
  @Test
  void aClassCurveStartingOffTheScale_isNoticed_andJudgedFromTheScalesEnd() {
    List<io.candor.model.mixture.TrajectoryClass> cls = List.of(
        new io.candor.model.mixture.TrajectoryClass(1, 0.5, List.of(
            new io.candor.model.mixture.TermEstimate("intercept", 29),
            new io.candor.model.mixture.TermEstimate("time", -5)), 3, java.util.Optional.empty()),
        new io.candor.model.mixture.TrajectoryClass(2, 0.5, List.of(
            new io.candor.model.mixture.TermEstimate("intercept", 18),
            new io.candor.model.mixture.TermEstimate("time", 0)), 3, java.util.Optional.empty()));
    TrajectoryClasses model = TrajectoryClasses.of(io.candor.model.growth.TimeBasis.LOG,
        java.util.OptionalDouble.empty(), io.candor.model.mixture.WithinClass.NONE,
        io.candor.model.mixture.ResidualVariance.PER_CLASS,
        io.candor.model.mixture.RandomCovariance.PER_CLASS, List.of(), cls, List.of());
    ExpectationReport r = SMALL.report(ClientProfile.of(Instruments.PHQ9, 18)
        .withClasses(FittedClasses.of(model, "above", Map.of())), 1L);
    assertTrue(r.notices().contains(Notice.CLASSES_OFF_SCALE), "29 at session 0, on the scale"
        + " from session 1 (29 - 5 log 2 = 25.5)");
    ClassOutlook.Pattern high = r.classes().orElseThrow().patterns().get(0);
    assertEquals(29, high.start());
    // judged from 27: reliably better (6 points) once 29 - 5 log(1 + t) <= 21, t >= e^1.6 - 1 = 3.95
    assertEquals(OptionalInt.of(4), high.improvedBy());
    assertEquals(ClassOutlook.Trend.IMPROVING, high.trend());
    assertEquals(ClassOutlook.Trend.LITTLE_CHANGE, r.classes().orElseThrow().patterns().get(1)
        .trend());
  }

  @Test
  void configuration_readsBackAsGiven() {
    assertEquals(2_000, SMALL.clients());
    assertEquals(500, SMALL.sensitivityClients());
    assertEquals(List.of(8, 12, 20), SMALL.horizons());
    assertEquals(List.of(5, 20), SMALL.withHorizons(20, 5, 5).horizons(), "sorted, once each");
    assertEquals(java.util.Optional.of(PHQ_MODEL), SMALL.model());
    assertTrue(Expectations.withDefaults().model().isEmpty());
    assertEquals(Expectations.DEFAULT_CLIENTS, Expectations.withDefaults().clients());
    assertEquals("Expectations[clients=2000, sensitivityClients=500, horizons=[8, 12, 20],"
        + " threads=1, model=given, scenario=calibrated default]", SMALL.toString());
    assertEquals("Expectations[clients=20000, sensitivityClients=5000, horizons=[8, 12, 20],"
        + " threads=3, model=none, scenario=given]", Expectations.withDefaults().withThreads(3)
            .withScenario(Scenario.calibratedDefault(Instruments.PHQ9)).toString());
  }
}
