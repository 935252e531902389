package io.candor.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instruments;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ChangeContext}: where each statistic comes from, and which cutoffs it can compute. */
class ChangeContextTest {

  @Test
  void sources_listEveryFigureWithItsOrigin() {
    List<String> phq = ChangeContext.of(Instruments.PHQ9).sources();
    assertEquals(List.of(
        "reliability 0.84 [Kroenke et al. 2001, assumption]",
        "clinical mean 15.4 [NHS Digital 2023, secondary], SD 5.5 [NHS Digital 2023, secondary]",
        "functional mean 2.91 [Kocalevent et al. 2013, secondary], SD 3.52 [Kocalevent et al."
            + " 2013, secondary]",
        "caseness cutoff 10 [Kroenke et al. 2001, primary]"), phq);
  }

  @Test
  void sources_nameGivenValuesAndTheCohortInsteadOfTheNorms() {
    ChangeContext given = ChangeContext.of(Instruments.PHQ9).withReliability(0.8)
        .withCriticalValue(ReliableChangeMethod.JACOBSON_TRUAX, 1.645);
    List<String> s = given.sources();
    assertEquals("reliability 0.8 (given)", s.get(0));
    assertTrue(s.get(s.size() - 1).startsWith("critical value of JT 1.645 (given; the default is"
        + " 1.96"), s.toString());
    ChangeContext k10 = ChangeContext.of(Instruments.K10).withCohort(
        ReferenceStatistics.of(new double[] {30, 25, 35}, new double[] {20, 22, 15}));
    assertEquals(List.of("reliability 0.93 [Kessler et al. 2002, assumption]",
        "pre/post mean and SD and pre-post correlation from the cohort (n = 3)",
        "caseness cutoff 22 [Australian Bureau of Statistics 2012, assumption]"), k10.sources());
  }

  @Test
  void withCriticalValue_keepsEarlierOverridesOfOtherMethods() {
    ChangeContext c = ChangeContext.of(Instruments.PHQ9)
        .withCriticalValue(ReliableChangeMethod.JACOBSON_TRUAX, 1.645)
        .withCriticalValue(ReliableChangeMethod.EDWARDS_NUNNALLY, 2.5);
    assertEquals(1.645, c.criticalValue(ReliableChangeMethod.JACOBSON_TRUAX));
    assertEquals(2.5, c.criticalValue(ReliableChangeMethod.EDWARDS_NUNNALLY));
    assertEquals(1.96, c.criticalValue(ReliableChangeMethod.GULLIKSEN_LORD_NOVICK), 1e-12);
  }

  @Test
  void withReliability_setsBothPreAndPost() {
    ChangeContext c = ChangeContext.of(Instruments.PHQ9).withReliability(0.8);
    assertEquals(0.8, c.reliability());
    assertEquals(0.8, c.postReliability());
  }

  @Test
  void missingCutoffInputs_namesWhatIsMissing_andWhatIsAvailable() {
    ChangeContext k10 = ChangeContext.of(Instruments.K10);
    assertTrue(k10.with(CutoffType.CASENESS).missingCutoffInputs().isEmpty());
    assertEquals("cutoff A needs the clinical mean and SD (no clinical norms and no cohort"
        + " statistics), which K10 lacks here; cutoffs available for K10 here: CASENESS (cohort"
        + " statistics would add A)", k10.with(CutoffType.A).missingCutoffInputs()
        .orElseThrow());
    assertEquals("cutoff B needs functional norms, which K10 lacks here; cutoffs available for"
        + " K10 here: CASENESS (cohort statistics would add A)",
        k10.with(CutoffType.B).missingCutoffInputs().orElseThrow());
    ChangeContext withCohort = k10.withCohort(
        ReferenceStatistics.of(new double[] {30, 25, 35}, new double[] {20, 22, 15}));
    assertTrue(withCohort.with(CutoffType.A).missingCutoffInputs().isEmpty());
    assertTrue(withCohort.with(CutoffType.C).missingCutoffInputs().orElseThrow()
        .endsWith("cutoffs available for K10 here: A, CASENESS"));
    for (CutoffType t : CutoffType.values()) {
      assertTrue(ChangeContext.of(Instruments.PHQ9).with(t).missingCutoffInputs().isEmpty());
    }
  }
}
