package io.candor.model.mixture;

import io.candor.internal.Checks;

/**
 * The parametric bootstrap likelihood-ratio test of K classes against K − 1 (McLachlan 1987;
 * Nylund, Asparouhov &amp; Muthén 2007): data sets are simulated from the fitted (K − 1)-class
 * model with the observed clients' times and covariates, both models are refitted to each, and
 * the observed statistic is compared with the simulated ones.
 *
 * <p>Immutable and thread-safe.
 *
 * @param classes K (tested against K − 1)
 * @param statistic the observed statistic 2(ℓ_K − ℓ_{K−1})
 * @param replicates bootstrap data sets simulated
 * @param failedReplicates replicates where a model could not be fitted (left out of the p value)
 * @param exceedances usable replicates whose statistic was at least the observed one
 */
public record BootstrapTest(int classes, double statistic, int replicates, int failedReplicates,
    int exceedances) {

  /**
   * Validates the components.
   *
   * @param classes see the record description
   * @param statistic see the record description
   * @param replicates see the record description
   * @param failedReplicates see the record description
   * @param exceedances see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public BootstrapTest {
    Checks.atLeast("classes", classes, 2);
    Checks.finite("statistic", statistic);
    Checks.atLeast("replicates", replicates, 1);
    Checks.inRange("failedReplicates", failedReplicates, 0, replicates);
    Checks.inRange("exceedances", exceedances, 0, replicates - failedReplicates);
  }

  /**
   * The bootstrap p value, (1 + exceedances) / (1 + usable replicates): small values favour K
   * classes over K − 1.
   *
   * @return the p value
   */
  public double pValue() {
    return (1.0 + exceedances) / (1.0 + replicates - failedReplicates);
  }
}
