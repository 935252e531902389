package io.candor.model.growth;

import io.candor.internal.Checks;

/**
 * One estimated fixed effect.
 *
 * @param term the term's name ({@code intercept}, {@code time}, {@code time^2},
 *     {@code time_after_knot}, a covariate's name, or {@code NAME:time} for an interaction)
 * @param estimate the estimate
 * @param se its standard error (from the fixed-effect covariance at the estimated variance
 *     parameters, as lme4's {@code vcov})
 * @param t estimate / se (no p-value is given: the degrees of freedom are not well defined)
 */
public record FixedEffect(String term, double estimate, double se, double t) {

  /**
   * Validates the components.
   *
   * @param term the term's name ({@code intercept}, {@code time}, {@code time^2},
   *     {@code time_after_knot}, a covariate's name, or {@code NAME:time} for an interaction)
   * @param estimate the estimate
   * @param se its standard error (from the fixed-effect covariance at the estimated variance
   *     parameters, as lme4's {@code vcov})
   * @param t estimate / se (no p-value is given: the degrees of freedom are not well defined)
   */
  public FixedEffect {
    Checks.nonBlank("term", term);
    Checks.finite("estimate", estimate);
    Checks.nonNegative("se", se);
  }
}
