package io.candor.model.growth;

import io.candor.internal.Checks;
import java.util.Objects;

/**
 * One cluster's (therapist's) predicted random intercept (BLUP, lme4's {@code ranef} for the
 * cluster term) and its conditional variance (lme4's {@code condVar}, which treats the fixed
 * effects and variance parameters as known). A cluster with few clients or observations is pulled
 * towards 0 (the average cluster) more strongly: the prediction is a shrunken estimate, never a
 * verdict on a therapist.
 *
 * @param cluster the cluster's id as given in the data
 * @param clients number of clients in the cluster
 * @param observations number of observations of those clients
 * @param intercept predicted deviation of the cluster's intercept from the population intercept
 * @param interceptVariance conditional variance of {@code intercept}
 */
public record ClusterEffects(
    String cluster, int clients, int observations, double intercept, double interceptVariance) {

  /**
   * Validates the components.
   *
   * @param cluster see the record description
   * @param clients see the record description
   * @param observations see the record description
   * @param intercept see the record description
   * @param interceptVariance see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public ClusterEffects {
    Objects.requireNonNull(cluster, "cluster");
    Checks.atLeast("clients", clients, 1);
    Checks.atLeast("observations", observations, clients);
    Checks.finite("intercept", intercept);
    Checks.nonNegative("interceptVariance", interceptVariance);
  }

  /**
   * The conditional SD of {@link #intercept()}.
   *
   * @return √{@link #interceptVariance()}
   */
  public double interceptSd() {
    return Math.sqrt(interceptVariance);
  }
}
