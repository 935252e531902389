package io.candor.progress;

import io.candor.internal.Checks;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.Interactions;
import io.candor.model.growth.RandomPart;
import io.candor.model.growth.TimeBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parts of a fitted growth model that expected-response curves need, as a plain value that
 * serialises to and from JSON (a record of strings, numbers and lists) so that a published or
 * stored model can be used without the data it was fitted on.
 *
 * <p>Time is the model's time variable; Candor's expected-response curves assume it is the
 * session number with the intake assessment at session 0.
 *
 * <p>Immutable and thread-safe.
 *
 * @param basis the time basis
 * @param knot the knot of a piecewise basis (ignored, and 0, for other bases)
 * @param randomSlope whether clients have their own slope on the first time term
 * @param covariates client-level covariate names, in model order
 * @param interactions whether covariate × time terms are in the model
 * @param terms fixed-effect term names, in order
 * @param fixedEffects fixed-effect estimates, one per term
 * @param fixedCovariance covariance matrix of the fixed effects (terms × terms)
 * @param randomCovariance covariance matrix D of the random effects (1 × 1 or 2 × 2, intercept
 *     first)
 * @param residualVariance residual variance σ²
 * @param clients number of clients the model was fitted on (0 if unknown)
 * @param observations number of observations it was fitted on (0 if unknown)
 */
public record ExpectedResponseModel(
    TimeBasis basis,
    double knot,
    boolean randomSlope,
    List<String> covariates,
    boolean interactions,
    List<String> terms,
    List<Double> fixedEffects,
    List<List<Double>> fixedCovariance,
    List<List<Double>> randomCovariance,
    double residualVariance,
    int clients,
    int observations) {

  /**
   * Validates shapes and values.
   *
   * @param basis the time basis
   * @param knot the knot of a piecewise basis (ignored, and 0, for other bases)
   * @param randomSlope whether clients have their own slope on the first time term
   * @param covariates client-level covariate names, in model order
   * @param interactions whether covariate × time terms are in the model
   * @param terms fixed-effect term names, in order
   * @param fixedEffects fixed-effect estimates, one per term
   * @param fixedCovariance covariance matrix of the fixed effects (terms × terms)
   * @param randomCovariance covariance matrix D of the random effects (1 × 1 or 2 × 2, intercept
   *     first)
   * @param residualVariance residual variance σ²
   * @param clients number of clients the model was fitted on (0 if unknown)
   * @param observations number of observations it was fitted on (0 if unknown)
   * @throws IllegalArgumentException if sizes disagree, a number is not finite, a variance is
   *     negative or the terms differ from what the basis and covariates imply
   */
  public ExpectedResponseModel {
    Objects.requireNonNull(basis, "basis");
    Checks.finite("knot", knot);
    covariates = List.copyOf(Checks.noNulls("covariates", covariates));
    terms = List.copyOf(Checks.noNulls("terms", terms));
    fixedEffects = List.copyOf(Checks.noNulls("fixedEffects", fixedEffects));
    fixedCovariance = square("fixedCovariance", fixedCovariance, terms.size());
    int q = randomSlope ? 2 : 1;
    randomCovariance = square("randomCovariance", randomCovariance, q);
    Checks.positive("residualVariance", residualVariance);
    Checks.atLeast("clients", clients, 0);
    Checks.atLeast("observations", observations, 0);
    if (fixedEffects.size() != terms.size()) {
      throw new IllegalArgumentException("fixedEffects has " + fixedEffects.size()
          + " values for " + terms.size() + " terms " + terms);
    }
    for (int j = 0; j < fixedEffects.size(); j++) {
      Checks.finite("fixedEffects[" + j + "]", fixedEffects.get(j));
    }
    for (int j = 0; j < q; j++) {
      Checks.nonNegative("randomCovariance[" + j + "][" + j + "]", randomCovariance.get(j).get(j));
    }
    List<String> implied = config(basis, knot, randomSlope, covariates, interactions).termNames();
    if (!implied.equals(terms)) {
      throw new IllegalArgumentException("terms " + terms + " do not match the basis and"
          + " covariates, which imply " + implied);
    }
  }

  private static List<List<Double>> square(String name, List<List<Double>> m, int size) {
    Objects.requireNonNull(m, name);
    if (m.size() != size) {
      throw new IllegalArgumentException(name + " must be " + size + " × " + size + ", has "
          + m.size() + " rows");
    }
    List<List<Double>> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      List<Double> row = List.copyOf(Checks.noNulls(name + " row " + i, m.get(i)));
      if (row.size() != size) {
        throw new IllegalArgumentException(name + " row " + i + " must have " + size
            + " values, has " + row.size());
      }
      for (int j = 0; j < size; j++) {
        Checks.finite(name + "[" + i + "][" + j + "]", row.get(j));
      }
      out.add(row);
    }
    return List.copyOf(out);
  }

  private static GrowthModel config(TimeBasis basis, double knot, boolean randomSlope,
      List<String> covariates, boolean interactions) {
    GrowthModel g = basis == TimeBasis.PIECEWISE ? GrowthModel.withDefaults().withPiecewise(knot)
        : GrowthModel.withDefaults().with(basis);
    return g.with(randomSlope ? RandomPart.INTERCEPT_SLOPE : RandomPart.INTERCEPT)
        .withCovariates(covariates.toArray(new String[0])).with(interactions ? Interactions.COVARIATE_BY_TIME : Interactions.NONE);
  }

  /**
   * The model of a fit.
   *
   * @param fit a fitted growth model
   * @return the model of a fit
   */
  public static ExpectedResponseModel from(GrowthFit fit) {
    Objects.requireNonNull(fit, "fit");
    GrowthModel g = fit.model();
    List<Double> beta = new ArrayList<>();
    for (double b : fit.beta()) {
      beta.add(b);
    }
    double residual = fit.residualSd();
    return new ExpectedResponseModel(g.basis(), g.knot().orElse(0.0),
        g.random() == RandomPart.INTERCEPT_SLOPE, g.covariates(), g.interactions() == Interactions.COVARIATE_BY_TIME,
        g.termNames(), beta, lists(fit.fixedCovariance()), lists(fit.randomCovariance()),
        residual * residual, fit.clients(), fit.observations());
  }

  private static List<List<Double>> lists(double[][] m) {
    List<List<Double>> out = new ArrayList<>();
    for (double[] row : m) {
      List<Double> r = new ArrayList<>();
      for (double v : row) {
        r.add(v);
      }
      out.add(r);
    }
    return out;
  }

  /**
   * The growth-model configuration this model was fitted with (for design rows).
   *
   * @return the growth-model configuration this model was fitted with (for design rows)
   */
  public GrowthModel growthModel() {
    return config(basis, knot, randomSlope, covariates, interactions);
  }
}
