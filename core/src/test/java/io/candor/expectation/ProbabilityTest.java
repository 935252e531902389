package io.candor.expectation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.evidence.Certainty;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Probability and its parts (Interval, NaturalFrequency): what a figure must satisfy. */
class ProbabilityTest {

  private static final Interval MC = new Interval(0.40, 0.50);
  private static final Interval SENS = new Interval(0.42, 0.55);
  private static final NaturalFrequency NF = new NaturalFrequency(45, 38, 57, 100);

  private static Probability p(double estimate, double lower, double upper, Interval mc,
      Interval sens) {
    return new Probability(Outcome.RELIABLE_IMPROVEMENT, 12, estimate, lower, upper, mc, sens, NF,
        Certainty.ASSUMPTION, List.of("howard1986"));
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void aFigure_whoseRangeHoldsBothIntervalsAndTheEstimate_isAccepted() {
    Probability ok = p(0.45, 0.38, 0.57, MC, SENS);
    assertEquals(0.45, ok.estimate());
    assertTrue(ok.monteCarlo().contains(0.45) && !ok.monteCarlo().contains(0.51));
  }

  @Test
  void aRangeOrIntervalThatMissesTheEstimate_isRejected() {
    assertTrue(message(() -> p(0.45, 0.46, 0.57, MC, SENS))
        .contains("must contain the estimate 0.45"));
    assertTrue(message(() -> p(0.45, 0.38, 0.57, new Interval(0.46, 0.50), SENS))
        .contains("intervals must contain the estimate"));
    assertTrue(message(() -> p(0.45, 0.38, 0.57, MC, new Interval(0.30, 0.44)))
        .contains("intervals must contain the estimate"));
    assertTrue(message(() -> p(0.45, 0.41, 0.57, MC, SENS))
        .contains("must contain the Monte Carlo and sensitivity intervals"));
    assertTrue(message(() -> p(0.45, 0.38, 0.54, MC, SENS))
        .contains("must contain the Monte Carlo and sensitivity intervals"));
  }

  @Test
  void valuesOutsideZeroToOne_areRejectedNamingTheField() {
    assertTrue(message(() -> p(1.2, 0.38, 0.57, MC, SENS))
        .contains("estimate must be a probability in [0, 1], was 1.2"));
    assertTrue(message(() -> p(0.45, -0.1, 0.57, MC, SENS)).contains("lower"));
    assertTrue(message(() -> p(Double.NaN, 0.38, 0.57, MC, SENS)).contains("estimate"));
    assertTrue(message(() -> new Interval(0.5, 0.4)).contains("lower 0.5 must not exceed upper"));
    assertTrue(message(() -> new Interval(0, 1.5)).contains("upper"));
    assertFalse(new Interval(0.2, 0.3).contains(Double.NaN));
  }

  @Test
  void naturalFrequencies_haveAFixedDenominator_andARangeAroundTheCount() {
    assertTrue(message(() -> new NaturalFrequency(45, 38, 57, 1000))
        .contains("denominator must be 100, was 1000"));
    assertTrue(message(() -> new NaturalFrequency(45, 46, 57, 100))
        .contains("lower must be between 0 and 45, was 46"));
    assertTrue(message(() -> new NaturalFrequency(45, 38, 44, 100))
        .contains("upper must be between 45 and 100, was 44"));
    assertTrue(message(() -> new NaturalFrequency(101, 38, 57, 100)).contains("count"));
  }
}
