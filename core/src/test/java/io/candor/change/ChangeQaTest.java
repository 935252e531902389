package io.candor.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.candor.measure.Instruments;
import org.junit.jupiter.api.Test;

/** Regressions found in the end-to-end QA pass. */
class ChangeQaTest {

  @Test
  void defaultCutoff_isB_forAnInstrumentWithOnlyFunctionalNorms() {
    // WEMWBS has functional (population) norms but no clinical norms and no caseness cutoff.
    // Cutoff A needs clinical statistics and cannot be computed, so it must not be the default:
    // Jacobson & Truax (1991) use b when only the functional distribution is known.
    ChangeContext w = ChangeContext.of(Instruments.WEMWBS);
    assertEquals(CutoffType.B, w.cutoffType());
    ClinicalCutoff cut = ClinicalCutoff.of(w, false);
    // b = M_f - dir * 2 * SD_f with dir = +1 (higher is better): 50.7 - 2 * 8.79
    assertEquals(50.7 - 2 * 8.79, cut.value(), 1e-12);
    // a cohort supplies the clinical statistics: the default becomes c
    ReferenceStatistics stats = new ReferenceStatistics(30, 6, 42, 8, 0.5, 40);
    assertEquals(CutoffType.C, w.withCohort(stats).cutoffType());
  }
}
