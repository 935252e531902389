package io.candor.model;

import io.candor.internal.Checks;

/**
 * The closed range [{@code min}, {@code max}] a variable took in the data a model was fitted on:
 * what a stored model needs to say whether a new case lies inside its experience or is an
 * extrapolation.
 *
 * <p>Immutable and thread-safe.
 *
 * @param min the smallest value seen (finite)
 * @param max the largest value seen (finite, not below {@code min})
 */
public record DataRange(double min, double max) {

  /**
   * Validates the bounds.
   *
   * @param min the smallest value seen (finite)
   * @param max the largest value seen (finite, not below {@code min})
   * @throws IllegalArgumentException if a bound is not finite or {@code max < min}
   */
  public DataRange {
    Checks.finite("min", min);
    Checks.finite("max", max);
    if (max < min) {
      throw new IllegalArgumentException("max must not be below min " + Checks.fmt(min) + ", was "
          + Checks.fmt(max));
    }
  }

  /**
   * The range of some values.
   *
   * @param values finite values, at least one
   * @return their smallest and largest
   * @throws IllegalArgumentException if there are none or one is not finite
   */
  public static DataRange of(double... values) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("a data range needs at least one value");
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        Checks.finite("values[" + i + "]", values[i]);
      }
      lo = Math.min(lo, values[i]);
      hi = Math.max(hi, values[i]);
    }
    return new DataRange(lo, hi);
  }

  /**
   * Whether a value lies in the range (bounds included).
   *
   * @param value the value
   * @return {@code min <= value <= max}; false for NaN
   */
  public boolean contains(double value) {
    return value >= min && value <= max;
  }

  /** The range in words, e.g. {@code "9 to 24"}. */
  @Override
  public String toString() {
    return Checks.fmt(min) + " to " + Checks.fmt(max);
  }
}
