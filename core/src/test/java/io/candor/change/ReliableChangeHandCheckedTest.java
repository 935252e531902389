package io.candor.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.Norms;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reliable change and categories with numbers worked out by hand in the comments. */
class ReliableChangeHandCheckedTest {

  private static final ChangeContext PHQ9 = ChangeContext.of(Instruments.PHQ9);

  @Test
  void jacobsonTruax_phq9ThresholdFromClinicalSdAndReliability() {
    // PHQ-9 clinical SD 5.5 (Talking Therapies 2022-23), test-retest r = .84:
    //   S_E    = 5.5 * sqrt(1 - .84) = 5.5 * 0.4 = 2.2
    //   S_diff = sqrt(2 * 2.2^2) = 2.2 * sqrt(2) = 3.1112698372208092
    //   threshold = 1.96 * 3.1112698372208092 = 6.098088880952786 points
    //   RCI(18 -> 9) = (9 - 18) / 3.1112698372208092 = -2.8927125...
    ReliableChange rc = ReliableChangeMethod.JACOBSON_TRUAX.assess(18, 9, PHQ9);
    assertEquals(3.1112698372208092, rc.standardError(), 1e-12);
    assertEquals(6.098088880952786, rc.threshold(), 1e-12);
    assertEquals(-9 / 3.1112698372208092, rc.index(), 1e-12);
    assertEquals(18, rc.expectedPost(), 0);
    assertEquals(18 - 6.098088880952786, rc.lower(), 1e-12);
    assertTrue(rc.improved());
    assertFalse(rc.deteriorated());
    // a 6-point fall is just short of reliable; a 7-point fall is reliable
    assertTrue(ReliableChangeMethod.JACOBSON_TRUAX.assess(18, 12, PHQ9).unchanged());
    assertTrue(ReliableChangeMethod.JACOBSON_TRUAX.assess(18, 11, PHQ9).improved());
  }

  @Test
  void gulliksenLordNovick_phq9ByHand() {
    // M1 = 15.4, SD1 = 5.5, r = .84: expected post = 15.4 + .84 * (18 - 15.4) = 17.584
    // SE = 5.5 * sqrt(1 - .84^2) = 5.5 * sqrt(0.2944) = 2.9842252596...
    // index = (9 - 17.584) / 2.98422525962 = -2.876470...
    ReliableChange rc = ReliableChangeMethod.GULLIKSEN_LORD_NOVICK.assess(18, 9, PHQ9);
    assertEquals(17.584, rc.expectedPost(), 1e-12);
    assertEquals(5.5 * Math.sqrt(0.2944), rc.standardError(), 1e-12);
    assertEquals((9 - 17.584) / (5.5 * Math.sqrt(0.2944)), rc.index(), 1e-12);
    assertTrue(rc.improved());
  }

  @Test
  void edwardsNunnally_isAnIntervalAroundTheTrueScoreWithCriticalValue2() {
    // true pre = 17.584, S_E = 2.2, interval 17.584 -/+ 2 * 2.2 = [13.184, 21.984]
    ReliableChange rc = ReliableChangeMethod.EDWARDS_NUNNALLY.assess(18, 14, PHQ9);
    assertEquals(13.184, rc.lower(), 1e-12);
    assertEquals(21.984, rc.upper(), 1e-12);
    assertTrue(rc.unchanged(), "14 lies inside the interval");
    assertTrue(ReliableChangeMethod.EDWARDS_NUNNALLY.assess(18, 13, PHQ9).improved());
  }

  @Test
  void cutoffC_phq9ByHand_andCategoryDependsOnTheCutoff() {
    // c = (SD_c * M_f + SD_f * M_c) / (SD_c + SD_f) = (5.5 * 2.91 + 3.52 * 15.4) / 9.02
    //   = (16.005 + 54.208) / 9.02 = 7.784146341...
    Classification c = ClinicalChange.classify(ReliableChangeMethod.JACOBSON_TRUAX, 18, 9, PHQ9);
    assertEquals(CutoffType.C, c.cutoff().type());
    assertEquals(70.213 / 9.02, c.cutoff().value(), 1e-12);
    assertTrue(c.clinicalPre());
    assertFalse(c.functionalPost(), "9 is above c = 7.78");
    assertEquals(ChangeCategory.IMPROVED, c.category());
    // with the published caseness cutoff (10), 9 is not a case: recovered
    Classification k =
        ClinicalChange.classify(
            ReliableChangeMethod.JACOBSON_TRUAX, 18, 9, PHQ9.with(CutoffType.CASENESS));
    assertEquals(ChangeCategory.RECOVERED, k.category());
    // cutoff a = 15.4 - 2 * 5.5 = 4.4; cutoff b = 2.91 + 2 * 3.52 = 9.95 (functional SD)
    assertEquals(4.4, ClinicalCutoff.of(PHQ9.with(CutoffType.A)).value(), 1e-12);
    assertEquals(9.95, ClinicalCutoff.of(PHQ9.with(CutoffType.B)).value(), 1e-12);
  }

  @Test
  void harmed_isReliableDeteriorationFromFunctionalIntoClinicalRange() {
    ChangeContext k = PHQ9.with(CutoffType.CASENESS);
    assertEquals(ChangeCategory.HARMED,
        ClinicalChange.classify(ReliableChangeMethod.JACOBSON_TRUAX, 3, 12, k).category());
    assertEquals(ChangeCategory.DETERIORATED,
        ClinicalChange.classify(ReliableChangeMethod.JACOBSON_TRUAX, 12, 20, k).category());
    assertEquals(ChangeCategory.UNCHANGED,
        ClinicalChange.classify(ReliableChangeMethod.JACOBSON_TRUAX, 12, 15, k).category());
  }

  @Test
  void higherIsBetter_directionFlipsImprovement() {
    Instrument wellbeing =
        Instruments.WEMWBS.toBuilder()
            .clinicalNorms(new Norms(
                Sourced.assumption(40, Citations.TENNANT_2007, "test"),
                Sourced.assumption(8, Citations.TENNANT_2007, "test")))
            .build();
    ChangeContext c = ChangeContext.of(wellbeing);
    // S_diff = 8 * sqrt(2 * .17) = 4.66476...; 30 -> 45 is +15, index +3.2 -> improved
    ReliableChange up = ReliableChangeMethod.JACOBSON_TRUAX.assess(30, 45, c);
    assertTrue(up.index() > 0);
    assertTrue(up.improved());
    assertTrue(ReliableChangeMethod.JACOBSON_TRUAX.assess(45, 30, c).deteriorated());
    assertEquals(Direction.HIGHER_IS_BETTER, wellbeing.direction());
  }

  @Test
  void classifyAll_skipsMethodsThatNeedACohort() {
    List<Classification> all = ClinicalChange.classifyAll(18, 9, PHQ9);
    assertEquals(4, all.size(), "JT, GLN, EN, NK without a cohort");
    assertTrue(ReliableChangeMethod.HSU_LINN_LORD.missingInputs(PHQ9).isPresent());
    assertTrue(ReliableChangeMethod.HAGEMAN_ARRINDELL.missingInputs(PHQ9).isPresent());
  }

  @Test
  void nunnallyKotsch_usesPostReliabilityWhenGiven() {
    // r1 = .84, r2 = .90: SE = 5.5 * sqrt(.84^2 * .16 + .10) = 5.5 * sqrt(0.212896)
    ReliableChange rc =
        ReliableChangeMethod.NUNNALLY_KOTSCH.assess(18, 9, PHQ9.withPostReliability(0.90));
    assertEquals(5.5 * Math.sqrt(0.84 * 0.84 * 0.16 + 0.10), rc.standardError(), 1e-12);
  }

  @Test
  void parse_acceptsAbbreviationsAndNames() {
    assertEquals(ReliableChangeMethod.NUNNALLY_KOTSCH, ReliableChangeMethod.parse("nk"));
    assertEquals(ReliableChangeMethod.JACOBSON_TRUAX, ReliableChangeMethod.parse("jacobson-truax"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ReliableChangeMethod.parse("xx"));
    assertTrue(e.getMessage().contains("jacobson-truax"), e.getMessage());
  }

  @Test
  void withCohort_keepsAnExplicitCutoff_andCompareHonoursIt() {
    ReferenceStatistics stats = new ReferenceStatistics(16, 6, 10, 7, 0.6, 40);
    assertEquals(CutoffType.CASENESS,
        PHQ9.with(CutoffType.CASENESS).withCohort(stats).cutoffType());
    assertEquals(CutoffType.C, PHQ9.withCohort(stats).cutoffType());
    // WEMWBS has functional norms but no clinical norms and no caseness cutoff: B without a
    // cohort (A could not be computed), C once the cohort supplies the clinical statistics
    ChangeContext w = ChangeContext.of(Instruments.WEMWBS);
    assertEquals(CutoffType.B, w.cutoffType());
    assertEquals(CutoffType.C, w.withCohort(stats).cutoffType());
    double[] pre = {18, 20, 15, 22, 12, 9, 25, 17, 14, 19};
    double[] post = {9, 18, 4, 21, 13, 3, 10, 17, 16, 5};
    assertEquals(CutoffType.CASENESS,
        ClinicalChange.compare(PHQ9.with(CutoffType.CASENESS), pre, post).cutoffType());
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void classify_rejectsScoreOutsideInstrumentRange() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> ClinicalChange.classify(ReliableChangeMethod.JACOBSON_TRUAX, 18, 28, PHQ9));
    assertTrue(e.getMessage().contains("post score"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ReliableChangeMethod.EDWARDS_NUNNALLY.assess(-1, 3, PHQ9));
    assertThrows(IllegalArgumentException.class,
        () -> ReliableChangeMethod.EDWARDS_NUNNALLY.assess(Double.NaN, 3, PHQ9));
  }

  @Test
  void methodNeedingNorms_failsWithClearMessageWhenTheyAreMissing() {
    Instrument bare =
        Instrument.builder("X", "no norms").range(0, 10).direction(Direction.HIGHER_IS_WORSE)
            .reliability(Sourced.assumption(0.8, Citations.JACOBSON_1991, "test"))
            .licence("test").build();
    ChangeContext c = ChangeContext.of(bare);
    IllegalStateException e =
        assertThrows(IllegalStateException.class,
            () -> ReliableChangeMethod.JACOBSON_TRUAX.assess(5, 2, c));
    assertTrue(e.getMessage().contains("needs cohort statistics here: its pre-treatment SD would come from clinical norms, which X lacks"), e.getMessage());
    IllegalStateException h =
        assertThrows(IllegalStateException.class,
            () -> ReliableChangeMethod.HAGEMAN_ARRINDELL.assess(18, 9, PHQ9));
    assertTrue(h.getMessage().contains("cohort"), h.getMessage());
    // cutoff b needs functional norms; K10 has none
    ChangeContext k10 = ChangeContext.of(Instruments.K10).with(CutoffType.B);
    IllegalStateException f =
        assertThrows(IllegalStateException.class, () -> ClinicalCutoff.of(k10));
    assertTrue(f.getMessage().contains("functional norms"), f.getMessage());
    // caseness cutoff on an instrument without one
    assertThrows(IllegalStateException.class,
        () -> ClinicalCutoff.of(c.with(CutoffType.CASENESS)));
  }

  @Test
  void context_rejectsBadReliability() {
    assertThrows(IllegalArgumentException.class, () -> PHQ9.withReliability(1.0));
    assertThrows(IllegalArgumentException.class, () -> PHQ9.withPostReliability(Double.NaN));
  }

  @Test
  void referenceStatistics_rejectsBadData() {
    assertThrows(IllegalArgumentException.class,
        () -> ReferenceStatistics.of(new double[] {1, 2}, new double[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> ReferenceStatistics.of(new double[] {1}, new double[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> ReferenceStatistics.of(new double[] {1, Double.NaN}, new double[] {1, 2}));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> ReferenceStatistics.of(new double[] {4, 4, 4}, new double[] {1, 2, 3}));
    assertTrue(e.getMessage().contains("no spread"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new ReferenceStatistics(10, 5, 8, 5, 1.5, 10));
  }

  @Test
  void compare_refusesAnOffScaleScore_namingItsPosition() {
    double[] pre = {18, 20, 15};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClinicalChange.compare(Instruments.PHQ9, pre, new double[] {9, 28, 4}));
    assertTrue(e.getMessage().contains("post[1]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ClinicalChange.compare(Instruments.PHQ9, new double[] {18, 20, -1}, pre));
    assertTrue(e.getMessage().contains("pre[2]"), e.getMessage());
  }

  @Test
  void compare_countsEveryCategoryForEveryMethod() {
    double[] pre = {18, 20, 15, 22, 12, 9, 25, 17, 14, 19};
    double[] post = {9, 18, 4, 21, 13, 3, 10, 17, 16, 5};
    MethodComparison table = ClinicalChange.compare(Instruments.PHQ9, pre, post);
    assertEquals(6, table.rows().size(), table.notes().toString());
    for (MethodCounts row : table.rows()) {
      assertEquals(10, row.total(), row.method().toString());
    }
    assertThrows(IllegalArgumentException.class,
        () -> ClinicalChange.compare(Instruments.PHQ9, new double[] {1, 30}, new double[] {1, 2}));
  }

  @Test
  void criticalValues_defaultToThePrimarySources() {
    ChangeContext phq9 = ChangeContext.of(Instruments.PHQ9);
    assertEquals(1.96, phq9.criticalValue(ReliableChangeMethod.JACOBSON_TRUAX));
    assertEquals(2.0, phq9.criticalValue(ReliableChangeMethod.EDWARDS_NUNNALLY));
    assertEquals(1.65, phq9.criticalValue(ReliableChangeMethod.HAGEMAN_ARRINDELL));
    assertEquals(1.96, ReliableChangeMethod.JACOBSON_TRUAX.defaultCriticalValue().value());
  }

  @Test
  void withSignificance_usesExactNormalQuantiles_twoSidedExceptHagemanArrindell() {
    ChangeContext c = ChangeContext.of(Instruments.PHQ9).withSignificance(0.05);
    // R: qnorm(0.975), qnorm(0.95)
    assertEquals(1.959963984540054, c.criticalValue(ReliableChangeMethod.JACOBSON_TRUAX), 1e-15);
    assertEquals(1.959963984540054, c.criticalValue(ReliableChangeMethod.EDWARDS_NUNNALLY), 1e-15);
    assertEquals(1.6448536269514722, c.criticalValue(ReliableChangeMethod.HAGEMAN_ARRINDELL), 1e-15);
    ReliableChange rc = ReliableChangeMethod.JACOBSON_TRUAX.assess(18, 9, c);
    assertEquals(1.959963984540054, rc.criticalValue(), 1e-15);
    assertEquals(1.959963984540054 * 5.5 * Math.sqrt(2 * (1 - 0.84)), rc.threshold(), 1e-12);
  }

  @Test
  void withCriticalValue_setsOneMethod_andRejectsNonPositiveValues() {
    ChangeContext c = ChangeContext.of(Instruments.PHQ9)
        .withCriticalValue(ReliableChangeMethod.JACOBSON_TRUAX, 1.645);
    assertEquals(1.645, c.criticalValue(ReliableChangeMethod.JACOBSON_TRUAX));
    assertEquals(2.0, c.criticalValue(ReliableChangeMethod.EDWARDS_NUNNALLY));
    // 18 -> 12: index -1.93, reliable only at the lower critical value
    assertTrue(ReliableChangeMethod.JACOBSON_TRUAX.assess(18, 12, c).improved());
    assertFalse(ReliableChangeMethod.JACOBSON_TRUAX.assess(18, 12, ChangeContext.of(Instruments.PHQ9)).improved());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ChangeContext.of(Instruments.PHQ9).withCriticalValue(ReliableChangeMethod.JACOBSON_TRUAX, 0));
    assertTrue(e.getMessage().contains("critical value"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ChangeContext.of(Instruments.PHQ9).withSignificance(1));
  }

  @Test
  void hagemanArrindellHarm_needsTheIndividualCutoffIndexPastTheCriticalValue() {
    ChangeContext c = ChangeContext.ofCohort(Instruments.PHQ9,
        new ReferenceStatistics(16, 6, 8, 9, 0.5, 50));
    // 2 -> 10: not clinical before, reliably worse, but CS_indiv 1.20 is within 1.65 of the
    // cutoff: Candor says deteriorated; the clinicalsignificance package (2.0+) would say harmed
    Classification worse = ClinicalChange.classify(ReliableChangeMethod.HAGEMAN_ARRINDELL, 2, 10, c);
    assertFalse(worse.clinicalPre());
    assertTrue(worse.reliableChange().deteriorated());
    assertEquals(ChangeCategory.DETERIORATED, worse.category());
    // 2 -> 12: CS_indiv past 1.65 towards dysfunction: harmed
    assertEquals(ChangeCategory.HARMED,
        ClinicalChange.classify(ReliableChangeMethod.HAGEMAN_ARRINDELL, 2, 12, c).category());
  }

  @Test
  void aScoreExactlyAtCutoffA_isNeitherClinicalNorFunctional() {
    // cohort pre 10, 14, 18: mean 14, SD 4, so cutoff a = 14 − 2·4 = 6 exactly (PHQ-9: lower is
    // healthier). Clinical means strictly above 6, functional strictly below: 6 is neither.
    ChangeContext c = ChangeContext.of(Instruments.PHQ9).with(CutoffType.A).withCohort(
        ReferenceStatistics.of(new double[] {10, 14, 18}, new double[] {9, 8, 13}));
    Classification at = ClinicalChange.classify(ReliableChangeMethod.JACOBSON_TRUAX, 6, 6, c);
    assertEquals(6, at.cutoff().value(), 1e-15);
    assertFalse(at.clinicalPre());
    assertFalse(at.functionalPost());
    Classification across =
        ClinicalChange.classify(ReliableChangeMethod.JACOBSON_TRUAX, 7, 5, c);
    assertTrue(across.clinicalPre());
    assertTrue(across.functionalPost());
  }

  @Test
  void methodsNeedingACohort_sayWhatIsMissing_untilOneIsGiven() {
    ChangeContext norms = ChangeContext.of(Instruments.PHQ9);
    ChangeContext cohort = norms.withCohort(
        ReferenceStatistics.of(new double[] {10, 14, 18}, new double[] {9, 8, 13}));
    for (ReliableChangeMethod m : ReliableChangeMethod.values()) {
      boolean needs = m == ReliableChangeMethod.HSU_LINN_LORD
          || m == ReliableChangeMethod.HAGEMAN_ARRINDELL;
      assertEquals(needs, m.needsCohort(), m.toString());
      assertEquals(needs, norms.cohort().isEmpty() && m.missingInputs(norms).isPresent(),
          m.toString());
      assertTrue(m.missingInputs(cohort).isEmpty(), m.toString());
    }
    assertEquals(io.candor.evidence.Citations.JACOBSON_1991,
        ReliableChangeMethod.JACOBSON_TRUAX.citation());
    assertEquals(io.candor.evidence.Citations.HAGEMAN_1999,
        ReliableChangeMethod.HAGEMAN_ARRINDELL.citation());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ReliableChangeMethod.HAGEMAN_ARRINDELL.threshold(norms));
    assertTrue(e.getMessage().startsWith("HA needs cohort statistics (post-treatment mean, SD and"
        + " pre-post correlation)"), e.getMessage());
  }

  @Test
  void hagemanArrindell_isUnavailable_whenTheFunctionalSdIsNotAboveTheStandardError() {
    // PHQ-9: reliability 0.84, functional SD 3.52. A cohort SD of 9 gives S_E = 9 · √0.16 = 3.6,
    // more than 3.52: the functional reliability (3.52² − 3.6²)/3.52² is negative, so the
    // true-score cutoffs b and c do not exist; cutoff a needs only the clinical side
    ChangeContext c = ChangeContext.ofCohort(Instruments.PHQ9,
        new ReferenceStatistics(16, 9, 8, 9, 0.5, 50));
    String why = ReliableChangeMethod.HAGEMAN_ARRINDELL.missingInputs(c).orElseThrow();
    assertTrue(why.startsWith("HA cannot be used with these statistics: its true-score cutoff"
        + " needs a functional SD larger than the standard error of measurement, but the"
        + " functional SD 3.52 is not larger than the standard error 3.6"), why);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ClinicalChange.classify(ReliableChangeMethod.HAGEMAN_ARRINDELL, 18, 9, c));
    assertEquals(why, e.getMessage());
    IllegalStateException cutoff = assertThrows(IllegalStateException.class,
        () -> ClinicalCutoff.ofTrueScore(c));
    assertTrue(cutoff.getMessage().startsWith("Hageman-Arrindell cutoff C needs a functional SD"),
        cutoff.getMessage());
    assertTrue(ReliableChangeMethod.JACOBSON_TRUAX.missingInputs(c).isEmpty());
    assertTrue(ReliableChangeMethod.HAGEMAN_ARRINDELL.missingInputs(c.with(CutoffType.A))
        .isEmpty());
    // a cohort SD of 8 gives S_E 3.2 < 3.52: usable
    assertTrue(ReliableChangeMethod.HAGEMAN_ARRINDELL.missingInputs(ChangeContext.ofCohort(
        Instruments.PHQ9, new ReferenceStatistics(16, 8, 8, 9, 0.5, 50))).isEmpty());
  }

  /** Why HA cannot be used here, after checking that classifying by it fails with that reason. */
  private static String unavailable(ChangeContext c) {
    String why = ReliableChangeMethod.HAGEMAN_ARRINDELL.missingInputs(c).orElseThrow();
    assertEquals(why, assertThrows(IllegalStateException.class,
        () -> ClinicalChange.classify(ReliableChangeMethod.HAGEMAN_ARRINDELL, 15, 5, c))
        .getMessage());
    return why;
  }

  @Test
  void hagemanArrindell_isUnavailable_whenTheDifferenceScoresHaveNoReliableVariance() {
    // GAD-7 (reliability 0.83) with pre SD 4.2 and post SD 5: S_E² = 17.64·0.17 = 2.9988,
    // r_xx1 = 0.83, r_xx2 = (25 − 2.9988)/25, so the numerator of r_dd is
    // 17.64·0.83 + 25 − 2.9988 − 2·4.2·5·r12 = 36.6424 − 42·r12 and its denominator
    // 42.64 − 42·r12. With r12 0.7: 7.2424 / 13.24; with r12 0.9: −1.1576 / 4.84, not positive
    assertEquals(0.83, Instruments.GAD7.reliability().value(), 0);
    ChangeContext usable = ChangeContext.ofCohort(Instruments.GAD7,
        new ReferenceStatistics(14.5, 4.2, 9.1, 5.0, 0.7, 120));
    assertTrue(ReliableChangeMethod.HAGEMAN_ARRINDELL.missingInputs(usable).isEmpty());
    assertEquals(7.2424 / 13.24, ReliableChangeMethod.differenceReliability(usable), 1e-12);
    ChangeContext c = ChangeContext.ofCohort(Instruments.GAD7,
        new ReferenceStatistics(14.5, 4.2, 9.1, 5.0, 0.9, 120));
    assertEquals("HA cannot be used with these statistics: the reliability of the difference"
        + " scores, r_dd = -0.239, is not positive: the cohort's SDs"
        + " and pre-post correlation leave no reliable change to detect", unavailable(c));
    assertTrue(ReliableChangeMethod.JACOBSON_TRUAX.missingInputs(c).isEmpty());
    assertTrue(ReliableChangeMethod.HSU_LINN_LORD.missingInputs(c).isEmpty());
    // a post SD of 0.01, below S_E = 4.2·√0.17 = 1.732: no post-treatment reliability
    ChangeContext flat = ChangeContext.ofCohort(Instruments.GAD7,
        new ReferenceStatistics(14.5, 4.2, 9.1, 0.01, 0.5, 120));
    assertEquals("HA cannot be used with these statistics: its post-treatment reliability"
        + " (SD2² − S_E²)/SD2² needs a post-treatment SD larger than the standard error of"
        + " measurement, but the post SD 0.010 is not larger than the standard error 1.732",
        unavailable(flat));
    // equal SDs and r12 = 1: the differences have no variance at all
    ChangeContext none = ChangeContext.ofCohort(Instruments.GAD7,
        new ReferenceStatistics(14.5, 4.2, 9.1, 4.2, 1, 120));
    assertEquals("HA cannot be used with these statistics: the reliability of the difference"
        + " scores is not defined (the differences have no variance): the cohort's SDs and"
        + " pre-post correlation leave no reliable change to detect",
        ReliableChangeMethod.HAGEMAN_ARRINDELL.missingInputs(none).orElseThrow());
  }

  @Test
  void defaultCutoff_isB_forAnInstrumentWithOnlyFunctionalNorms() {
    // WEMWBS has functional (population) norms but no clinical norms and no caseness cutoff.
    // Cutoff A needs clinical statistics and cannot be computed, so it must not be the default:
    // Jacobson & Truax (1991) use b when only the functional distribution is known.
    ChangeContext w = ChangeContext.of(Instruments.WEMWBS);
    assertEquals(CutoffType.B, w.cutoffType());
    ClinicalCutoff cut = ClinicalCutoff.of(w);
    // b = M_f - dir * 2 * SD_f with dir = +1 (higher is better): 50.7 - 2 * 8.79
    assertEquals(50.7 - 2 * 8.79, cut.value(), 1e-12);
    // a cohort supplies the clinical statistics: the default becomes c
    ReferenceStatistics stats = new ReferenceStatistics(30, 6, 42, 8, 0.5, 40);
    assertEquals(CutoffType.C, w.withCohort(stats).cutoffType());
  }

  @Test
  void missingCutoff_namesOnlyTheCutoffsThatCanBeComputed() {
    // ORS: caseness cutoff only; the message used to suggest "cutoff A or CASENESS" for b,
    // though a cannot be computed either
    IllegalStateException b =
        assertThrows(IllegalStateException.class,
            () -> ClinicalCutoff.of(ChangeContext.of(Instruments.ORS).with(CutoffType.B)));
    assertTrue(b.getMessage().contains("functional norms"), b.getMessage());
    assertTrue(b.getMessage().contains("cutoffs available for ORS here: CASENESS"), b.getMessage());
    // WEMWBS: functional norms only; it used to suggest "cutoff A, B or C"
    IllegalStateException c =
        assertThrows(IllegalStateException.class,
            () -> ClinicalCutoff.of(
                ChangeContext.of(Instruments.WEMWBS).with(CutoffType.CASENESS)));
    assertTrue(c.getMessage().contains("cutoffs available for WEMWBS here: B"), c.getMessage());
    IllegalStateException a =
        assertThrows(IllegalStateException.class,
            () -> ClinicalCutoff.of(ChangeContext.of(Instruments.K10).with(CutoffType.A)));
    assertTrue(a.getMessage().contains("cutoffs available for K10 here: CASENESS"), a.getMessage());
  }
}
