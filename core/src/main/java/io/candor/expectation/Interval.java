package io.candor.expectation;

import io.candor.internal.Checks;

/**
 * A closed range of probabilities {@code [lower, upper]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lower the lower end, in [0, 1]
 * @param upper the upper end, in [lower, 1]
 */
public record Interval(double lower, double upper) {

  /**
   * Validates.
   *
   * @param lower the lower end, in [0, 1]
   * @param upper the upper end, in [lower, 1]
   * @throws IllegalArgumentException if an end is not a probability or lower &gt; upper
   */
  public Interval {
    Checks.probability("lower", lower);
    Checks.probability("upper", upper);
    if (lower > upper) {
      throw new IllegalArgumentException("lower " + lower + " must not exceed upper " + upper);
    }
  }

  /**
   * Whether the interval contains a value.
   *
   * @param p the value
   * @return lower ≤ p ≤ upper
   */
  public boolean contains(double p) {
    return lower <= p && p <= upper;
  }
}
