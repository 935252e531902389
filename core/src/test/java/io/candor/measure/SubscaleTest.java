package io.candor.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscaleTest {

  private static final ResponseScale ONE_TO_FOUR = ResponseScale.of(1, 4);
  private static final ResponseScale CBI_POINTS = ResponseScale.mapped(0, 4, 0, 25, 50, 75, 100);

  private static Instrument props(double min, double max) {
    return Instrument.builder("S", "Test scale").range(min, max)
        .direction(Direction.HIGHER_IS_WORSE)
        .reliability(Sourced.assumption(0.8, Citations.STAMM_2010, "for the test"))
        .licence("test").build();
  }

  private static Sourced missing(double m) {
    return Sourced.assumption(m, Citations.STAMM_2010, "for the test");
  }

  private static Subscale sum3(Instrument props, double maxMissing, Optional<ScaleBands> bands) {
    return new Subscale("S", props, ONE_TO_FOUR, 3, List.of(1, 2, 3), Set.of(), ScaleScoring.SUM,
        missing(maxMissing), bands);
  }

  private static Optional<ScaleBands> cutAt(double cut) {
    return Optional.of(new ScaleBands(List.of("lower", "upper"),
        List.of(Sourced.assumption(cut, Citations.STAMM_2010, "for the test"))));
  }

  private static String refused(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void aListedKeyMustHaveItsItemCount_anUnkeyedScaleListsNone() {
    assertEquals("S lists 2 items but itemCount is 3", refused(() -> new Subscale("S",
        props(3, 12), ONE_TO_FOUR, 3, List.of(1, 2), Set.of(), ScaleScoring.SUM, missing(0),
        Optional.empty())));
    Subscale unkeyed = new Subscale("S", props(3, 12), ONE_TO_FOUR, 3, List.of(), Set.of(),
        ScaleScoring.SUM, missing(0), Optional.empty());
    assertFalse(unkeyed.keyed());
    assertTrue(sum3(props(3, 12), 0, Optional.empty()).keyed());
    assertEquals("S lists an item twice: [1, 1, 2]", refused(() -> new Subscale("S",
        props(3, 12), ONE_TO_FOUR, 3, List.of(1, 1, 2), Set.of(), ScaleScoring.SUM, missing(0),
        Optional.empty())));
  }

  @Test
  void maxMissing_isAWholeNumberFromZeroToOneBelowTheItemCount() {
    assertEquals(0, sum3(props(3, 12), 0, Optional.empty()).maxMissing().value());
    assertEquals(2, sum3(props(3, 12), 2, Optional.empty()).maxMissing().value());
    assertEquals("S: maxMissing must be a whole number from 0 to 2, was 3",
        refused(() -> sum3(props(3, 12), 3, Optional.empty())));
    assertEquals("S: maxMissing must be a whole number from 0 to 2, was -1",
        refused(() -> sum3(props(3, 12), -1, Optional.empty())));
    assertEquals("S: maxMissing must be a whole number from 0 to 2, was 0.5",
        refused(() -> sum3(props(3, 12), 0.5, Optional.empty())));
  }

  @Test
  void theProperties_rangeMustBeWhatTheItemsAndScoringGive() {
    assertEquals(12, sum3(props(3, 12), 0, Optional.empty()).properties().maxScore());
    Subscale mean = new Subscale("S", props(1, 4), ONE_TO_FOUR, 3, List.of(1, 2, 3), Set.of(),
        ScaleScoring.MEAN, missing(0), Optional.empty());
    assertEquals(2, mean.score(List.of(OptionalInt.of(1), OptionalInt.of(2), OptionalInt.of(3)),
        "T").score());
    assertEquals("S: 3 items scored by sum give 3-12 but the properties' range is 0-12",
        refused(() -> sum3(props(0, 12), 0, Optional.empty())));
    assertEquals("S: 3 items scored by sum give 3-12 but the properties' range is 3-13",
        refused(() -> sum3(props(3, 13), 0, Optional.empty())));
    assertEquals("S: 3 items scored by mean give 1-4 but the properties' range is 3-12",
        refused(() -> new Subscale("S", props(3, 12), ONE_TO_FOUR, 3, List.of(1, 2, 3), Set.of(),
            ScaleScoring.MEAN, missing(0), Optional.empty())));
  }

  @Test
  void bandCuts_lieAboveTheLowestScoreAndAtMostTheHighest() {
    assertEquals(Optional.of("upper"), sum3(props(3, 12), 0, cutAt(12)).band(12));
    assertEquals(Optional.of("lower"), sum3(props(3, 12), 0, cutAt(4)).band(3));
    assertEquals("S: band cut 3 must lie above 3 and at most 12",
        refused(() -> sum3(props(3, 12), 0, cutAt(3))));
    assertEquals("S: band cut 12.5 must lie above 3 and at most 12",
        refused(() -> sum3(props(3, 12), 0, cutAt(12.5))));
  }

  @Test
  void resolutionFor_isTheStepOverTheCommonMultipleOfTheAnsweredCounts() {
    assertEquals(1, Subscale.resolutionFor(ONE_TO_FOUR, 10, ScaleScoring.SUM, 0));
    // 9 or 10 answered: prorated sums are multiples of 10/90
    assertEquals(10.0 / 90, Subscale.resolutionFor(ONE_TO_FOUR, 10, ScaleScoring.SUM, 1), 1e-15);
    // 2, 3 or 4 answered: lcm 12, prorated sums are multiples of 4/12
    assertEquals(4.0 / 12, Subscale.resolutionFor(ONE_TO_FOUR, 4, ScaleScoring.SUM, 2), 1e-15);
    assertEquals(1.0 / 9, Subscale.resolutionFor(ONE_TO_FOUR, 9, ScaleScoring.MEAN, 0), 1e-15);
    // 4..7 answered: lcm 420; 3..6 answered: lcm 60
    assertEquals(25.0 / 420, Subscale.resolutionFor(CBI_POINTS, 7, ScaleScoring.MEAN, 3), 1e-15);
    assertEquals(25.0 / 60, Subscale.resolutionFor(CBI_POINTS, 6, ScaleScoring.MEAN, 3), 1e-15);
    assertEquals(25.0 / 6, Subscale.resolutionFor(CBI_POINTS, 6, ScaleScoring.MEAN, 0), 1e-15);
    assertEquals(1, Subscale.resolutionFor(ONE_TO_FOUR, 1, ScaleScoring.SUM, 0));
    assertEquals("maxMissing must be between 0 and 2, was 3",
        refused(() -> Subscale.resolutionFor(ONE_TO_FOUR, 3, ScaleScoring.SUM, 3)));
  }

  @Test
  void bandRange_needsBands() {
    assertEquals("Test scale has no bands", assertThrows(IllegalStateException.class,
        () -> sum3(props(3, 12), 0, Optional.empty()).bandRange(0)).getMessage());
    assertEquals("3-11", sum3(props(3, 12), 0, cutAt(12)).bandRange(0));
  }

  @Test
  void ofScore_countsGridStepsFromTheLowestScore() {
    ResponseScale offGrid = ResponseScale.mapped(1, 3, 0.3, 1.3, 2.3);
    Subscale s = new Subscale("S", props(0.3, 2.3), offGrid, 1, List.of(1), Set.of(),
        ScaleScoring.SUM, missing(0), Optional.empty());
    assertEquals(1.3, s.ofScore(1.3).score());
    assertEquals("S score must be a multiple of 1 from 0.3, was 1.8", refused(() -> s.ofScore(1.8)));
  }
}
