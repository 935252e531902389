package io.candor.model.growth;

/** How the variance parameters are estimated. */
public enum Estimation {
  /**
   * Restricted maximum likelihood (the default, as in lme4): variance estimates that allow for
   * the degrees of freedom used by the fixed effects. Likelihoods of REML fits with different
   * fixed parts must not be compared.
   */
  REML,
  /** Maximum likelihood: use it to compare models that differ in their fixed part. */
  ML
}
