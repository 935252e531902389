package io.candor.model.dose;

import io.candor.internal.Checks;

/**
 * The number of sessions by which a given share of clients is expected to have improved, with a
 * delta-method confidence interval.
 *
 * <p>Method (as R's {@code MASS::dose.p}): on the log scale {@code x_p = (g(p) − b0)/b1}; its
 * variance is {@code ∇ᵀ V ∇} with {@code ∇ = −(1, x_p)/b1} and {@code V} the covariance of
 * {@code (b0, b1)}; the interval {@code x_p ± z·se} is computed on the log scale and then
 * exponentiated, so it is asymmetric in sessions and never below 0.
 *
 * <p>Immutable and thread-safe.
 *
 * @param proportion the share improved, in (0, 1)
 * @param sessions expected sessions, {@code exp(x_p)}, finite
 * @param lower lower confidence limit in sessions, finite and at least 0
 * @param upper upper confidence limit in sessions, finite and at least {@code sessions}
 * @param logSessions {@code x_p}, natural log of sessions
 * @param logStdErr delta-method standard error of {@code x_p}
 * @param confidenceLevel the interval's confidence level
 * @param extrapolated true if {@code sessions} lies outside the range of sessions in the data
 * @see io.candor.evidence.Citations#VENABLES_2002
 */
public record SessionsEstimate(
    double proportion,
    double sessions,
    double lower,
    double upper,
    double logSessions,
    double logStdErr,
    double confidenceLevel,
    boolean extrapolated) {

  /**
   * Validates the components.
   *
   * @param proportion the share improved, in (0, 1)
   * @param sessions expected sessions, {@code exp(x_p)}
   * @param lower lower confidence limit in sessions
   * @param upper upper confidence limit in sessions
   * @param logSessions {@code x_p}, natural log of sessions
   * @param logStdErr delta-method standard error of {@code x_p}
   * @param confidenceLevel the interval's confidence level
   * @param extrapolated true if {@code sessions} lies outside the range of sessions in the data
   */
  public SessionsEstimate {
    Checks.openUnit("proportion", proportion);
    Checks.finite("sessions", sessions);
    Checks.finite("lower", lower);
    Checks.finite("upper", upper);
    if (!(0 <= lower && lower <= sessions && sessions <= upper)) {
      throw new IllegalArgumentException("need 0 <= lower <= sessions <= upper, were " + lower
          + ", " + sessions + " and " + upper);
    }
    Checks.openUnit("confidenceLevel", confidenceLevel);
  }
}
