package io.candor.expectation;

import io.candor.evidence.Certainty;
import io.candor.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * The probability of one outcome at one session horizon, for clients like the profile, with the two
 * kinds of uncertainty kept apart and then joined:
 *
 * <ul>
 *   <li>{@link #monteCarlo()}: the 95 % Wilson interval of the simulated share, the error that
 *       comes from simulating a finite number of clients (it shrinks as more are simulated);
 *   <li>{@link #sensitivity()}: how far the estimate moves when each of the scenario's parameters
 *       that published figures pin down only to a range ({@link
 *       io.candor.simulation.PlausibleRange}) is set to either end of its range (it does not
 *       shrink with more clients);
 *   <li>{@link #lower()} and {@link #upper()}: the range to quote, which includes both: the Monte
 *       Carlo interval widened by the largest move in each direction.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param outcome the outcome
 * @param horizon the session the outcome is counted at
 * @param estimate the estimated probability
 * @param lower the low end of the range to quote (Monte Carlo and sensitivity together)
 * @param upper the high end of the range to quote
 * @param monteCarlo the Monte Carlo interval alone
 * @param sensitivity the range of the estimate across the plausible parameter ranges alone
 * @param naturalFrequency the same as a count out of {@value NaturalFrequency#DENOMINATOR} people
 * @param certainty how sure the figure is: the weakest certainty of what it rests on
 * @param sources keys of the citations the figure rests on (in {@link ExpectationReport#sources()})
 */
public record Probability(
    Outcome outcome,
    int horizon,
    double estimate,
    double lower,
    double upper,
    Interval monteCarlo,
    Interval sensitivity,
    NaturalFrequency naturalFrequency,
    Certainty certainty,
    List<String> sources) {

  /**
   * Validates: every number is a probability and every interval contains the estimate; the range
   * to quote contains both intervals.
   *
   * @param outcome the outcome
   * @param horizon the session the outcome is counted at
   * @param estimate the estimated probability
   * @param lower the low end of the range to quote (Monte Carlo and sensitivity together)
   * @param upper the high end of the range to quote
   * @param monteCarlo the Monte Carlo interval alone
   * @param sensitivity the range of the estimate across the plausible parameter ranges alone
   * @param naturalFrequency the same as a count out of {@value NaturalFrequency#DENOMINATOR} people
   * @param certainty how sure the figure is: the weakest certainty of what it rests on
   * @param sources keys of the citations the figure rests on (in {@link ExpectationReport#sources()})
   * @throws IllegalArgumentException naming the component that is out of range
   */
  public Probability {
    Objects.requireNonNull(outcome, "outcome");
    Checks.atLeast("horizon", horizon, 1);
    Checks.probability("estimate", estimate);
    Checks.probability("lower", lower);
    Checks.probability("upper", upper);
    Objects.requireNonNull(monteCarlo, "monteCarlo");
    Objects.requireNonNull(sensitivity, "sensitivity");
    Objects.requireNonNull(naturalFrequency, "naturalFrequency");
    Objects.requireNonNull(certainty, "certainty");
    sources = List.copyOf(Checks.noNulls("sources", sources));
    if (!(lower <= estimate && estimate <= upper)) {
      throw new IllegalArgumentException(outcome + " at session " + horizon + ": the range ["
          + lower + ", " + upper + "] must contain the estimate " + estimate);
    }
    if (!monteCarlo.contains(estimate) || !sensitivity.contains(estimate)) {
      throw new IllegalArgumentException(outcome + " at session " + horizon + ": the Monte Carlo "
          + monteCarlo + " and sensitivity " + sensitivity + " intervals must contain the estimate "
          + estimate);
    }
    if (lower > Math.min(monteCarlo.lower(), sensitivity.lower())
        || upper < Math.max(monteCarlo.upper(), sensitivity.upper())) {
      throw new IllegalArgumentException(outcome + " at session " + horizon + ": the range ["
          + lower + ", " + upper + "] must contain the Monte Carlo and sensitivity intervals");
    }
  }
}
