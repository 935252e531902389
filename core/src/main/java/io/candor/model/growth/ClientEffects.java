package io.candor.model.growth;

import io.candor.internal.Checks;
import java.util.Objects;

/**
 * One client's predicted random effects (BLUPs, lme4's {@code ranef}) and their conditional
 * variances (lme4's {@code condVar}, which treats the fixed effects and variance parameters as
 * known).
 *
 * @param client the client's id as given in the data
 * @param observations number of observations of this client
 * @param intercept predicted deviation of the client's intercept from the population intercept
 * @param slope predicted deviation of the client's slope (0 when the model has no random slope)
 * @param interceptVariance conditional variance of {@code intercept}
 * @param slopeVariance conditional variance of {@code slope} (0 without random slope)
 * @param covariance conditional covariance of intercept and slope (0 without random slope)
 */
public record ClientEffects(
    String client,
    int observations,
    double intercept,
    double slope,
    double interceptVariance,
    double slopeVariance,
    double covariance) {

  /**
   * Validates the components.
   *
   * @param client the client's id as given in the data
   * @param observations number of observations of this client
   * @param intercept predicted deviation of the client's intercept from the population intercept
   * @param slope predicted deviation of the client's slope (0 when the model has no random slope)
   * @param interceptVariance conditional variance of {@code intercept}
   * @param slopeVariance conditional variance of {@code slope} (0 without random slope)
   * @param covariance conditional covariance of intercept and slope (0 without random slope)
   */
  public ClientEffects {
    Objects.requireNonNull(client, "client");
    Checks.atLeast("observations", observations, 1);
    Checks.finite("intercept", intercept);
    Checks.finite("slope", slope);
    Checks.finite("covariance", covariance);
  }
}
