package io.candor.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Direction;
import io.candor.measure.Instruments;
import org.junit.jupiter.api.Test;

/** {@link AlertRules}, and the alert it gives on a prepared curve. */
class AlertRulesTest {

  private static final ExpectedResponse RESPONSE = ExpectedResponseScaleTest.RESPONSE;

  @Test
  void onTrack_agreesWithTheSignal_lessThanExpectedIsNeverOnTrack() {
    PreparedCurve curve = RESPONSE.prepare(20, 2, AlertRules.withDefaults());
    for (double score = 5; score <= 27; score += 0.25) {
      Alert a = curve.evaluate(2, score);
      boolean warning = a.signal() == Signal.LESS_THAN_EXPECTED || a.signal() == Signal.AT_RISK;
      assertEquals(!warning, a.onTrack(), a.reason());
      assertTrue(a.reason().contains(a.onTrack() ? "on track" : "not on track"), a.reason());
    }
  }

  @Test
  void forInstrument_takesDirectionAndCasenessCutoff() {
    AlertRules ors = AlertRules.forInstrument(Instruments.ORS);
    assertEquals(Direction.HIGHER_IS_BETTER, ors.direction().orElseThrow());
    assertEquals(25, ors.functionalCutoff().getAsDouble());
    AlertRules phq = AlertRules.forInstrument(Instruments.PHQ9);
    assertEquals(Direction.HIGHER_IS_WORSE, phq.direction().orElseThrow());
    assertEquals(10, phq.functionalCutoff().getAsDouble());
    assertFalse(AlertRules.forInstrument(Instruments.WEMWBS).functionalCutoff().isPresent());
  }

  @Test
  void functionalSignal_followsTheInstrumentsCasenessRule() {
    PreparedCurve phq = RESPONSE.prepare(20, 2, AlertRules.forInstrument(Instruments.PHQ9));
    assertEquals(Signal.FUNCTIONAL, phq.evaluate(2, 9).signal());
    // PHQ-9 10 is a case, so not functional
    assertTrue(phq.evaluate(2, 10).signal() != Signal.FUNCTIONAL);
  }

  @Test
  void defaults_onAPlainScale_readHigherAsWorse() {
    PreparedCurve curve = RESPONSE.prepare(20, 2, AlertRules.withDefaults());
    assertEquals(Direction.HIGHER_IS_WORSE, curve.rules().direction().orElseThrow());
  }

  @Test
  void withPercentiles_rejectsYellowAboveRed() {
    assertThrows(IllegalArgumentException.class, () -> AlertRules.withDefaults().withPercentiles(0.9, 0.75));
  }
}
