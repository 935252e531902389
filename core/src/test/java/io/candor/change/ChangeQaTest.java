package io.candor.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
