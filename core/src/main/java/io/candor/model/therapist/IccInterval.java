package io.candor.model.therapist;

import io.candor.internal.Enums;

/** How the confidence interval of the intraclass correlation (the therapist effect) is found. */
public enum IccInterval {
  /**
   * Profile likelihood: the θ = τ/σ whose profiled REML criterion (ML deviance for ML fits) lies
   * within χ²₁(level) of its minimum, mapped to ICC = θ²/(1 + θ²). Deterministic.
   */
  PROFILE_LIKELIHOOD,
  /**
   * Parametric bootstrap: simulate new end scores from the fitted model (fixed effects, therapist
   * and residual variances), refit, and take the percentile interval of the refitted ICCs. Uses
   * the random generator passed to the fit.
   */
  PARAMETRIC_BOOTSTRAP;

  /**
   * Parses {@code profile-likelihood} or {@code parametric-bootstrap} (any case; {@code profile}
   * and {@code bootstrap} also work).
   *
   * @param text the name
   * @return the constant
   * @throws IllegalArgumentException naming the allowed values
   */
  public static IccInterval parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
    if (t.equals("profile")) {
      return PROFILE_LIKELIHOOD;
    }
    if (t.equals("bootstrap")) {
      return PARAMETRIC_BOOTSTRAP;
    }
    return Enums.parse(IccInterval.class, "ICC interval", text == null ? "null" : text);
  }
}
