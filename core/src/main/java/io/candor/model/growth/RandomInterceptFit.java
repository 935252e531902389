package io.candor.model.growth;

import io.candor.internal.Checks;
import io.candor.model.Convergence;
import java.util.List;
import java.util.Objects;

/**
 * A fitted random-intercept regression ({@link RandomInterceptRegression}): lme4's
 * {@code lmer(y ~ x + (1 | cluster))} estimates, the intraclass correlation with its
 * profile-likelihood interval, and each cluster's predicted intercept.
 *
 * <p>Immutable and thread-safe.
 *
 * @param estimation REML or ML
 * @param observations number of rows
 * @param clusters number of clusters
 * @param fixedEffects intercept, then the predictors in the order given (SEs from lme4's
 *     {@code vcov})
 * @param clusterSd SD τ of the cluster intercepts
 * @param residualSd residual SD σ
 * @param icc intraclass correlation τ²/(τ² + σ²)
 * @param iccLower lower end of the profile-likelihood interval of the ICC (0 when θ = 0 is
 *     inside it)
 * @param iccUpper upper end of that interval
 * @param confidenceLevel the interval's confidence level
 * @param logLik log-likelihood (REML log-likelihood for REML fits, as lme4 reports it)
 * @param deviance −2 logLik: the REML criterion or the ML deviance
 * @param theta τ/σ, lme4's {@code getME(fit, "theta")}
 * @param clusterEffects each cluster's predicted intercept (BLUP) and conditional variance, in
 *     first-seen order; {@code clients} and {@code observations} both count rows
 * @param boundary whether τ is (numerically) zero (lme4's {@code isSingular})
 * @param convergence how the optimisation ended
 */
public record RandomInterceptFit(
    Estimation estimation,
    int observations,
    int clusters,
    List<FixedEffect> fixedEffects,
    double clusterSd,
    double residualSd,
    double icc,
    double iccLower,
    double iccUpper,
    double confidenceLevel,
    double logLik,
    double deviance,
    double theta,
    List<ClusterEffects> clusterEffects,
    boolean boundary,
    Convergence convergence) {

  /**
   * Validates the components and copies the lists.
   *
   * @param estimation see the record description
   * @param observations see the record description
   * @param clusters see the record description
   * @param fixedEffects see the record description
   * @param clusterSd see the record description
   * @param residualSd see the record description
   * @param icc see the record description
   * @param iccLower see the record description
   * @param iccUpper see the record description
   * @param confidenceLevel see the record description
   * @param logLik see the record description
   * @param deviance see the record description
   * @param theta see the record description
   * @param clusterEffects see the record description
   * @param boundary see the record description
   * @param convergence see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public RandomInterceptFit {
    Objects.requireNonNull(estimation, "estimation");
    Checks.atLeast("clusters", clusters, 2);
    Checks.atLeast("observations", observations, clusters + 1);
    fixedEffects = List.copyOf(Checks.nonEmptyNoNulls("fixedEffects", fixedEffects));
    Checks.nonNegative("clusterSd", clusterSd);
    Checks.positive("residualSd", residualSd);
    Checks.probability("iccLower", iccLower);
    Checks.probability("iccUpper", iccUpper);
    if (!(iccLower <= icc && icc <= iccUpper)) {
      throw new IllegalArgumentException("icc " + icc + " must lie in its interval [" + iccLower
          + ", " + iccUpper + "]");
    }
    Checks.openUnit("confidenceLevel", confidenceLevel);
    Checks.finite("logLik", logLik);
    Checks.nonNegative("theta", theta);
    clusterEffects = List.copyOf(Checks.noNulls("clusterEffects", clusterEffects));
    Objects.requireNonNull(convergence, "convergence");
  }

  /**
   * The fixed effect with this term name.
   *
   * @param term {@code intercept} or a predictor's name
   * @return the effect
   * @throws IllegalArgumentException if there is no such term
   */
  public FixedEffect fixedEffect(String term) {
    for (FixedEffect f : fixedEffects) {
      if (f.term().equals(term)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no fixed effect named " + term + "; terms are "
        + fixedEffects.stream().map(FixedEffect::term).toList());
  }

  @Override
  public String toString() {
    return "RandomInterceptFit[" + estimation + ", " + observations + " rows in " + clusters
        + " clusters, " + fixedEffects + ", cluster SD " + clusterSd + ", residual SD "
        + residualSd + ", ICC " + icc + " [" + iccLower + ", " + iccUpper + "]]";
  }
}
