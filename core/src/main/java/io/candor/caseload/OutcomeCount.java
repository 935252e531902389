package io.candor.caseload;

import io.candor.internal.Checks;
import java.util.Objects;

/**
 * How many clients of a caseload are expected to reach one outcome, with an interval from the
 * count's exact (Poisson-binomial) distribution.
 *
 * <p>Immutable and thread-safe.
 *
 * @param outcome the outcome
 * @param expected the expected count (the sum of the clients' probabilities)
 * @param lower the interval's lowest count
 * @param upper the interval's highest count
 * @param coverage the exact probability that the count lies in [lower, upper]
 */
public record OutcomeCount(Outcome outcome, double expected, int lower, int upper,
    double coverage) {

  /**
   * Validates the components.
   *
   * @param outcome the outcome
   * @param expected the expected count (the sum of the clients' probabilities)
   * @param lower the interval's lowest count
   * @param upper the interval's highest count
   * @param coverage the exact probability that the count lies in [lower, upper]
   */
  public OutcomeCount {
    Objects.requireNonNull(outcome, "outcome");
    Checks.nonNegative("expected", expected);
    Checks.atLeast("lower", lower, 0);
    Checks.atLeast("upper", upper, lower);
    Checks.probability("coverage", coverage);
  }
}
