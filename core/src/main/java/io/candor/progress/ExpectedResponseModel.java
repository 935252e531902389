package io.candor.progress;

import io.candor.domain.ScoreScale;
import io.candor.internal.Checks;
import io.candor.model.DataRange;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.Interactions;
import io.candor.model.growth.RandomPart;
import io.candor.model.growth.TimeBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The parts of a fitted growth model that expected-response curves need, as a plain value that
 * serialises to and from JSON (a record of strings, numbers and lists) so that a published or
 * stored model can be used without the data it was fitted on.
 *
 * <p>Time is the model's time variable; Candor's expected-response curves assume it is the
 * session number with the intake assessment at session 0.
 *
 * <p><b>What the model knows about itself.</b> {@link #fittedOn()} records the scale the scores
 * were on (an instrument such as PHQ-9, or a plain scale), how many clients and observations it
 * was fitted on, the range of the intake scores and of the sessions in those data, and where the
 * model comes from in words. A curve for an intake or a session outside those ranges is an
 * extrapolation, and {@link ExpectedCurve#extrapolations()} says so.
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
 * @param fittedOn what the model was fitted on: scale, data size and ranges, provenance
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
    FittedOn fittedOn) {

  /**
   * What an expected-response model was fitted on.
   *
   * <p>Immutable and thread-safe.
   *
   * @param scale the scale of the scores: a built-in or user-defined instrument, or a plain scale
   *     ({@code outcome}, unbounded, when the data did not say)
   * @param clients number of clients (0 if unknown)
   * @param observations number of observations (0 if unknown)
   * @param intakes the range of the clients' intake scores (each client's score at the earliest
   *     session)
   * @param sessions the range of the sessions (the model's time variable) in the data
   * @param provenance where the model comes from, in words (e.g. who fitted it on what data)
   */
  public record FittedOn(
      ScoreScale scale,
      int clients,
      int observations,
      DataRange intakes,
      DataRange sessions,
      String provenance) {

    /**
     * Validates the components.
     *
     * @param scale the scale of the scores: a built-in or user-defined instrument, or a plain scale
     *     ({@code outcome}, unbounded, when the data did not say)
     * @param clients number of clients (0 if unknown)
     * @param observations number of observations (0 if unknown)
     * @param intakes the range of the clients' intake scores (each client's score at the earliest
     *     session)
     * @param sessions the range of the sessions (the model's time variable) in the data
     * @param provenance where the model comes from, in words (e.g. who fitted it on what data)
     * @throws IllegalArgumentException if a count is negative, the provenance is blank, or the
     *     intake range lies outside the scale
     */
    public FittedOn {
      Objects.requireNonNull(scale, "scale");
      Checks.atLeast("clients", clients, 0);
      Checks.atLeast("observations", observations, 0);
      Objects.requireNonNull(intakes, "intakes");
      Objects.requireNonNull(sessions, "sessions");
      Checks.nonBlank("provenance", provenance);
      if (!(intakes.min() >= scale.minScore() && intakes.max() <= scale.maxScore())) {
        throw new IllegalArgumentException("intakes " + intakes + " lie outside the " + scale.id()
            + " scale (" + Checks.fmt(scale.minScore()) + " to " + Checks.fmt(scale.maxScore())
            + ")");
      }
    }

    /**
     * A copy with another provenance text.
     *
     * @param text where the model comes from, in words
     * @return the copy
     */
    public FittedOn withProvenance(String text) {
      return new FittedOn(scale, clients, observations, intakes, sessions, text);
    }
  }

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
   * @param fittedOn what the model was fitted on: scale, data size and ranges, provenance
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
    Objects.requireNonNull(fittedOn, "fittedOn");
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
   * The model of a fit. It records the fit's scale ({@link GrowthFit#scale()}), the number of
   * clients and observations, the ranges of intake scores ({@link GrowthFit#firstScoreRange()})
   * and sessions ({@link GrowthFit#timeRange()}), and a provenance text naming the fitting method;
   * replace that text with {@link #withProvenance(String)} to say what the data were.
   * For a fit with a cluster (therapist) level the therapists' intercept variance τ² is added to
   * the clients' intercept variance: the expected response is that of a new client whose therapist
   * is not known in advance (marginal over therapists).
   *
   * @param fit a fitted growth model
   * @return the model
   */
  public static ExpectedResponseModel from(GrowthFit fit) {
    Objects.requireNonNull(fit, "fit");
    GrowthModel g = fit.model();
    List<Double> beta = new ArrayList<>();
    for (double b : fit.beta()) {
      beta.add(b);
    }
    double residual = fit.residualSd();
    // concatenated rather than formatted: a Formatter sets up the JDK's locale data, which a
    // short command-line run would otherwise pay for
    String provenance = "Fitted by Candor's GrowthModel (" + g.estimation() + ", "
        + g.basis().name().toLowerCase(Locale.ROOT) + " basis, "
        + (g.random() == RandomPart.INTERCEPT_SLOPE ? "random intercept and slope"
            : "random intercept") + ") on " + fit.clients() + " clients and "
        + fit.observations() + " observations."
        + (fit.clusters() > 0 ? String.format(Locale.ROOT, " Clients were nested in %d"
            + " therapists; the therapist SD %.3g is included in the intercept variance.",
            fit.clusters(), fit.clusterInterceptSd().getAsDouble()) : "");
    return new ExpectedResponseModel(g.basis(), g.knot().orElse(0.0),
        g.random() == RandomPart.INTERCEPT_SLOPE, g.covariates(), g.interactions() == Interactions.COVARIATE_BY_TIME,
        g.termNames(), beta, lists(fit.fixedCovariance()), lists(marginal(fit)),
        residual * residual, new FittedOn(fit.scale(), fit.clients(), fit.observations(),
            fit.firstScoreRange(), fit.timeRange(), provenance));
  }

  /**
   * A copy whose {@link FittedOn#provenance()} is this text (e.g. "fitted on 1,240 PHQ-9
   * episodes of the Example service, 2023-2024").
   *
   * @param text where the model comes from, in words (not blank)
   * @return the copy
   */
  public ExpectedResponseModel withProvenance(String text) {
    return new ExpectedResponseModel(basis, knot, randomSlope, covariates, interactions, terms,
        fixedEffects, fixedCovariance, randomCovariance, residualVariance,
        fittedOn.withProvenance(text));
  }

  /** The clients' random-effect covariance plus, for a three-level fit, τ² on the intercept. */
  private static double[][] marginal(GrowthFit fit) {
    double[][] d = fit.randomCovariance();
    if (fit.clusterInterceptSd().isPresent()) {
      double tau = fit.clusterInterceptSd().getAsDouble();
      d[0][0] += tau * tau;
    }
    return d;
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
