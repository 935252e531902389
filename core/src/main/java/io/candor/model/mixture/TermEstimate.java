package io.candor.model.mixture;

import io.candor.internal.Checks;

/**
 * One coefficient of a class curve.
 *
 * <p>Immutable and thread-safe.
 *
 * @param term the term's name, as in {@code candor fit}: {@code intercept}, {@code time} (which
 *     holds log(time + 1) in the log basis), {@code time^2} or {@code time_after_knot}
 * @param estimate the maximum-likelihood estimate
 */
public record TermEstimate(String term, double estimate) {

  /**
   * Validates the components.
   *
   * @param term see the record description
   * @param estimate see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public TermEstimate {
    Checks.nonBlank("term", term);
    Checks.finite("estimate", estimate);
  }
}
