package io.candor.model.dose;

import io.candor.internal.Checks;

/**
 * One regression coefficient with its Wald statistics, as a row of R's {@code
 * summary(glm)$coefficients} (binomial family: dispersion fixed at 1, so z rather than t).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name {@code "(Intercept)"} or {@code "log(sessions)"}
 * @param estimate the estimate
 * @param stdErr its standard error
 * @param z {@code estimate / stdErr}
 * @param p the two-sided p value, {@code 2·Φ(−|z|)}
 */
public record Coefficient(String name, double estimate, double stdErr, double z, double p) {

  /**
   * Validates the components.
   *
   * @param name {@code "(Intercept)"} or {@code "log(sessions)"}
   * @param estimate the estimate
   * @param stdErr its standard error
   * @param z {@code estimate / stdErr}
   * @param p the two-sided p value, {@code 2·Φ(−|z|)}
   */
  public Coefficient {
    Checks.nonBlank("name", name);
    Checks.finite("estimate", estimate);
    Checks.nonNegative("stdErr", stdErr);
    Checks.probability("p", p);
  }
}
