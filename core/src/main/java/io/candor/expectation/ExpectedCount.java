package io.candor.expectation;

import io.candor.internal.Checks;
import java.util.Objects;

/**
 * The expected number of clients of a caseload with one outcome at one session, with its range:
 * the sum of each client's probability, and a range from the exact distribution of the count of
 * independent outcomes ({@link io.candor.caseload.PoissonBinomial}): its 2.5 % point when every
 * client has the low end of their range to quote, and its 97.5 % point when every client has the
 * high end (the parameter ranges move all clients together; the outcomes vary one by one).
 *
 * <p>Immutable and thread-safe.
 *
 * @param outcome the outcome
 * @param of the number of clients the count is out of
 * @param expected the expected number
 * @param lower the low end of the range, ≥ 0
 * @param upper the high end of the range, ≤ {@code of}
 */
public record ExpectedCount(Outcome outcome, int of, double expected, double lower,
    double upper) {

  /**
   * Validates.
   *
   * @param outcome the outcome
   * @param of the number of clients the count is out of
   * @param expected the expected number
   * @param lower the low end of the range, ≥ 0
   * @param upper the high end of the range, ≤ {@code of}
   * @throws IllegalArgumentException if the numbers are out of order or range
   */
  public ExpectedCount {
    Objects.requireNonNull(outcome, "outcome");
    Checks.atLeast("of", of, 0);
    Checks.inRange("expected", expected, 0, of);
    if (!(lower >= 0 && lower <= expected && expected <= upper && upper <= of)) {
      throw new IllegalArgumentException(outcome + ": the range [" + lower + ", " + upper
          + "] must contain the expected count " + expected + " within 0-" + of);
    }
  }
}
