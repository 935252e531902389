package io.candor.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Direction;
import io.candor.measure.Instruments;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthModel;
import org.junit.jupiter.api.Test;

/** {@link ExpectedResponse#withScale} checks intake and observed scores against the scale. */
class ExpectedResponseScaleTest {

  /** A small symptom-scale model (falling scores), shared with {@link AlertRulesTest}. */
  static final ExpectedResponse RESPONSE = ExpectedResponse.of(ExpectedResponseModel.from(
      GrowthModel.withDefaults().fit(GrowthData.of(
          new String[] {"a", "a", "a", "b", "b", "b", "c", "c", "c", "d", "d", "d"},
          new double[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2},
          new double[] {20, 17, 15, 18, 16, 13, 22, 21, 18, 19, 15, 14}))));

  @Test
  void withoutScale_anyFiniteScoreIsTaken() {
    assertEquals(3, RESPONSE.fromIntake(-5, 2).sessions().size());
  }

  @Test
  void withScale_rejectsIntakeAndScoresOffTheScale() {
    ExpectedResponse phq = RESPONSE.withScale(Instruments.PHQ9);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> phq.fromIntake(-5, 2));
    assertEquals("PHQ-9 intake must be between 0 and 27, was -5", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> phq.forecast(new int[] {0, 1}, new double[] {20, 28}, 3));
    assertTrue(e.getMessage().contains("score at session 1 must be between 0 and 27, was 28"), e.getMessage());
    assertEquals(4, phq.forecast(new int[] {0, 1}, new double[] {20, 18}, 3).sessions().size());
  }

  private static final ExpectedResponse ORS_RESPONSE = ExpectedResponse.of(ExpectedResponseModel.from(
      GrowthModel.withDefaults().fit(GrowthData.of(
          new String[] {"a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c", "c", "d", "d", "d", "d"},
          new double[] {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3},
          new double[] {15, 18, 21, 24, 17, 19, 23, 25, 14, 16, 20, 21, 16, 20, 22, 26}))));

  @Test
  void withScale_higherIsBetterInstrument_defaultRulesDoNotFlagAnImprovingClient() {
    PreparedCurve curve = ORS_RESPONSE.withScale(Instruments.ORS).prepare(15, 3, AlertRules.withDefaults());
    Alert alert = curve.evaluate(3, 33);
    assertEquals(Direction.HIGHER_IS_BETTER, curve.rules().direction().orElseThrow());
    assertTrue(alert.onTrack(), alert.reason());
    assertEquals(Signal.FUNCTIONAL, alert.signal(), alert.reason());
  }

  @Test
  void withScale_instrumentSetsTheFunctionalCutoff_withItsCasenessRuleAtTheCutoff() {
    PreparedCurve curve = ORS_RESPONSE.withScale(Instruments.ORS).prepare(15, 3, AlertRules.withDefaults());
    assertEquals(25, curve.rules().functionalCutoff().getAsDouble());
    // ORS: below 25 is the clinical range, so 25 itself is not a case
    assertEquals(Signal.FUNCTIONAL, curve.evaluate(3, 25).signal());
    assertTrue(curve.evaluate(3, 24.9).signal() != Signal.FUNCTIONAL);
  }

  @Test
  void withScale_rulesContradictingTheInstrumentDirectionAreRejected() {
    ExpectedResponse ors = ORS_RESPONSE.withScale(Instruments.ORS);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ors.prepare(15, 3, AlertRules.withDefaults().with(Direction.HIGHER_IS_WORSE)));
    assertTrue(e.getMessage().contains("ORS"), e.getMessage());
    assertTrue(e.getMessage().contains("higher is better"), e.getMessage());
  }
}
