package io.candor.model.dose;

import io.candor.internal.Checks;
import io.candor.model.Convergence;
import java.util.List;
import java.util.Objects;

/**
 * A fitted binomial regression ({@link BinomialRegression}) with the numbers R's {@code glm}
 * reports for 0/1 data.
 *
 * <p>Immutable and thread-safe.
 *
 * @param link the link
 * @param observations number of cases
 * @param coefficients {@code (Intercept)}, then the predictors in the order given
 * @param deviance residual deviance
 * @param nullDeviance deviance of the intercept-only model
 * @param aic Akaike's information criterion as R's {@code fit$aic}
 * @param convergence how IRLS ended (iterations as R's {@code fit$iter})
 * @param separation whether some fitted probabilities are numerically 0 or 1 (the data are
 *     (nearly) separated and the coefficients are not reliable)
 */
public record BinomialRegressionFit(
    Link link,
    int observations,
    List<Coefficient> coefficients,
    double deviance,
    double nullDeviance,
    double aic,
    Convergence convergence,
    boolean separation) {

  /**
   * Validates the components and copies the list.
   *
   * @param link see the record description
   * @param observations see the record description
   * @param coefficients see the record description
   * @param deviance see the record description
   * @param nullDeviance see the record description
   * @param aic see the record description
   * @param convergence see the record description
   * @param separation see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public BinomialRegressionFit {
    Objects.requireNonNull(link, "link");
    Checks.atLeast("observations", observations, 2);
    coefficients = List.copyOf(Checks.nonEmptyNoNulls("coefficients", coefficients));
    Checks.nonNegative("deviance", deviance);
    Checks.nonNegative("nullDeviance", nullDeviance);
    Objects.requireNonNull(convergence, "convergence");
  }

  /**
   * The fitted probability for a case with these predictor values, {@code g⁻¹(xᵀβ)} (with R's
   * clamping of extreme linear predictors, so that it equals R's {@code fitted()}).
   *
   * @param predictorValues one value per predictor, in the fit's order (not the intercept)
   * @return the probability
   * @throws IllegalArgumentException if the number of values is wrong or a value is not finite
   */
  public double probability(double... predictorValues) {
    Objects.requireNonNull(predictorValues, "predictorValues");
    if (predictorValues.length != coefficients.size() - 1) {
      throw new IllegalArgumentException("expected " + (coefficients.size() - 1)
          + " predictor values " + coefficients.subList(1, coefficients.size()).stream()
              .map(Coefficient::name).toList() + ", got " + predictorValues.length);
    }
    double eta = coefficients.get(0).estimate();
    for (int j = 0; j < predictorValues.length; j++) {
      eta += coefficients.get(j + 1).estimate()
          * Checks.finite("predictorValues[" + j + "]", predictorValues[j]);
    }
    return link.linkinv(eta);
  }
}
