package io.candor.caseload;

import io.candor.internal.Checks;

/**
 * An interval for a count, with the probability that the count lies in it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lower lowest count in the interval
 * @param upper highest count in the interval (at least {@code lower})
 * @param level the central probability asked for
 * @param coverage the exact probability that the count lies in [lower, upper] (at least
 *     {@code level} up to rounding, since counts are discrete)
 */
public record CountInterval(int lower, int upper, double level, double coverage) {

  /**
   * Validates the components.
   *
   * @param lower lowest count in the interval
   * @param upper highest count in the interval (at least {@code lower})
   * @param level the central probability asked for
   * @param coverage the exact probability that the count lies in [lower, upper] (at least
   *     {@code level} up to rounding, since counts are discrete)
   */
  public CountInterval {
    Checks.atLeast("lower", lower, 0);
    if (upper < lower) {
      throw new IllegalArgumentException("upper " + upper + " must be at least lower " + lower);
    }
    Checks.openUnit("level", level);
    Checks.probability("coverage", coverage);
  }
}
