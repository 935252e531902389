package io.candor.model.mixture;

import io.candor.internal.Checks;

/**
 * One coefficient of the multinomial-logit model for class membership: the log odds of class
 * {@code classIndex} against class 1 change by {@code estimate} per unit of {@code term}
 * ({@code intercept} for the constant).
 *
 * <p>Immutable and thread-safe.
 *
 * @param classIndex the class (2..K; class 1 is the reference)
 * @param term {@code intercept} or a membership covariate's name
 * @param estimate the estimate
 */
public record MembershipCoefficient(int classIndex, String term, double estimate) {

  /**
   * Validates the components.
   *
   * @param classIndex see the record description
   * @param term see the record description
   * @param estimate see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public MembershipCoefficient {
    Checks.atLeast("classIndex", classIndex, 2);
    Checks.nonBlank("term", term);
    Checks.finite("estimate", estimate);
  }
}
