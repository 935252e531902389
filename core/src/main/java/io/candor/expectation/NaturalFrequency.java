package io.candor.expectation;

import io.candor.internal.Checks;

/**
 * A probability as a natural frequency with a fixed denominator: "about {@code count} of
 * {@code denominator} (between {@code lower} and {@code upper})". The mutually exclusive outcomes
 * of one horizon have counts that add up to the denominator exactly (largest-remainder rounding),
 * so the numbers a client reads add up.
 *
 * <p>Immutable and thread-safe.
 *
 * @param count the whole number of people out of {@code denominator}
 * @param lower the low end of the range, ≤ count
 * @param upper the high end of the range, ≥ count
 * @param denominator the fixed denominator ({@value #DENOMINATOR})
 */
public record NaturalFrequency(int count, int lower, int upper, int denominator) {

  /** Every natural frequency in a report is out of this many people. */
  public static final int DENOMINATOR = 100;

  /**
   * Validates.
   *
   * @param count the whole number of people out of {@code denominator}
   * @param lower the low end of the range, ≤ count
   * @param upper the high end of the range, ≥ count
   * @param denominator the fixed denominator ({@value #DENOMINATOR})
   * @throws IllegalArgumentException if the denominator is not {@value #DENOMINATOR} or the counts
   *     are out of order
   */
  public NaturalFrequency {
    if (denominator != DENOMINATOR) {
      throw new IllegalArgumentException("denominator must be " + DENOMINATOR + ", was "
          + denominator);
    }
    Checks.inRange("count", count, 0, denominator);
    Checks.inRange("lower", lower, 0, count);
    Checks.inRange("upper", upper, count, denominator);
  }
}
