package io.candor.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.candor.evidence.Certainty;
import io.candor.evidence.Citations;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import org.junit.jupiter.api.Test;

/** {@link ClinicalEvents}: the one definition of caseness, reliable change and recovery. */
class ClinicalEventsTest {

  @Test
  void threshold_isThePublishedOneWhenThereIsOne() {
    ClinicalEvents phq = ClinicalEvents.of(Instruments.PHQ9);
    assertEquals(Instruments.PHQ9.reliableChange(), phq.reliableChangeThreshold());
    assertTrue(phq.reliablyImproved(18, 12));
    assertFalse(phq.reliablyImproved(18, 13));
    assertTrue(phq.reliablyDeteriorated(8, 14));
    assertFalse(phq.reliablyDeteriorated(14, 8));
  }

  @Test
  void threshold_fallsBackToJacobsonTruaxFromTheClinicalNorms_withTheLowerCertainty() {
    ClinicalEvents bdi = ClinicalEvents.of(Instruments.BDI2);
    double expected = 1.96 * 12.75 * Math.sqrt(2 * (1 - 0.93));
    assertEquals(expected, bdi.reliableChangeThreshold().orElseThrow().value(), 1e-12);
    assertEquals(Citations.JACOBSON_1991, bdi.reliableChangeThreshold().orElseThrow().source());
    assertEquals(Certainty.ASSUMPTION, bdi.reliableChangeThreshold().orElseThrow().certainty());
    assertEquals(expected, ReliableChangeMethod.JACOBSON_TRUAX.threshold(
        ChangeContext.of(Instruments.BDI2)), 1e-12);
  }

  @Test
  void noThreshold_saysWhatIsMissing_andTheEventsCannotBeDecided() {
    ClinicalEvents k10 = ClinicalEvents.of(Instruments.K10);
    assertTrue(k10.reliableChangeThreshold().isEmpty());
    assertTrue(k10.missingThreshold().orElseThrow().startsWith("K10 has no reliable-change"));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> k10.reliablyImproved(30, 15));
    assertEquals(k10.missingThreshold().orElseThrow(), e.getMessage());
    assertTrue(k10.recovered(30, 15), "recovery needs caseness only");
    assertTrue(ClinicalEvents.of(Instruments.PHQ9).missingThreshold().isEmpty());
  }

  @Test
  void aChangeOfExactlyTheThresholdCounts_despiteBinaryRounding() {
    ClinicalEvents ors = ClinicalEvents.of(Instruments.ORS);
    assertTrue(17.9 - 12.9 < 5);
    assertTrue(ors.reliablyImproved(12.9, 17.9));
    assertTrue(ors.reliablyDeteriorated(17.9, 12.9));
    assertFalse(ors.reliablyImproved(12.9, 17.8));
  }

  @Test
  void caseness_followsTheDirection_atTheCutoff() {
    assertTrue(ClinicalEvents.of(Instruments.PHQ9).isCase(10));
    assertFalse(ClinicalEvents.of(Instruments.PHQ9).isCase(9));
    assertFalse(ClinicalEvents.of(Instruments.ORS).isCase(25));
    assertTrue(ClinicalEvents.of(Instruments.ORS).isCase(24.9));
    assertTrue(Direction.HIGHER_IS_WORSE.isCase(10, 10));
    assertFalse(Direction.HIGHER_IS_BETTER.isCase(25, 25));
  }

  @Test
  void recovery_andReliableRecovery() {
    ClinicalEvents phq = ClinicalEvents.of(Instruments.PHQ9);
    assertTrue(phq.recovered(11, 9));
    assertFalse(phq.reliablyRecovered(11, 9), "2 points is not a reliable change");
    assertTrue(phq.reliablyRecovered(16, 9));
    assertFalse(phq.reliablyRecovered(9, 2), "not a case before");
    ClinicalEvents ors = ClinicalEvents.of(Instruments.ORS);
    assertTrue(ors.reliablyRecovered(18, 25));
  }

  @Test
  void badInput_isRejected() {
    ClinicalEvents phq = ClinicalEvents.of(Instruments.PHQ9);
    assertThrows(IllegalArgumentException.class, () -> phq.reliablyImproved(30, 10));
    assertThrows(IllegalArgumentException.class, () -> phq.reliablyImproved(10, Double.NaN));
    assertThrows(NullPointerException.class, () -> ClinicalEvents.of(null));
    assertThrows(IllegalStateException.class,
        () -> ClinicalEvents.of(Instruments.WEMWBS).isCase(40));
  }

  @Test
  void swappingPreAndPost_swapsImprovementAndDeterioration_onEveryInstrumentWithAThreshold() {
    for (Instrument ins : Instruments.all()) {
      ClinicalEvents events = ClinicalEvents.of(ins);
      if (events.reliableChangeThreshold().isEmpty()) {
        continue;
      }
      int steps = (int) Math.round((ins.maxScore() - ins.minScore()) / ins.resolution());
      qt().forAll(integers().between(0, steps), integers().between(0, steps))
          .checkAssert((i, j) -> {
            double a = Math.min(ins.maxScore(), ins.minScore() + i * ins.resolution());
            double b = Math.min(ins.maxScore(), ins.minScore() + j * ins.resolution());
            boolean up = events.reliablyImproved(a, b);
            if (up != events.reliablyDeteriorated(b, a) || (up && events.reliablyDeteriorated(a, b))) {
              throw new AssertionError(ins.id() + " " + a + " -> " + b);
            }
          });
    }
  }

  @Test
  void equality_isByInstrument_andToStringNamesThresholdAndCutoff() {
    ClinicalEvents phq = ClinicalEvents.of(Instruments.PHQ9);
    assertEquals(phq, ClinicalEvents.of(Instruments.PHQ9));
    assertEquals(phq.hashCode(), ClinicalEvents.of(Instruments.PHQ9).hashCode());
    assertFalse(phq.equals(ClinicalEvents.of(Instruments.GAD7)));
    assertFalse(phq.equals("PHQ-9"));
    assertTrue(phq.toString().startsWith("ClinicalEvents[PHQ-9, reliable change 6"),
        phq.toString());
    assertTrue(ClinicalEvents.of(Instruments.K10).toString().contains("reliable change none"));
  }

  @Test
  void reliableChange_unchangedIsNeitherDirection() {
    assertFalse(ReliableChangeMethod.JACOBSON_TRUAX.assess(18, 9, ChangeContext.of(Instruments.PHQ9)).unchanged());
    assertFalse(ReliableChangeMethod.JACOBSON_TRUAX.assess(9, 18, ChangeContext.of(Instruments.PHQ9)).unchanged());
    assertTrue(ReliableChangeMethod.JACOBSON_TRUAX.assess(18, 16, ChangeContext.of(Instruments.PHQ9)).unchanged());
  }
}
