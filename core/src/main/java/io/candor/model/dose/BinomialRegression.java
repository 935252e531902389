package io.candor.model.dose;

import io.candor.internal.Checks;
import io.candor.model.Convergence;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A binomial regression for a 0/1 outcome on any predictors, R's
 * {@code glm(y ~ x1 + x2 + ..., family = binomial(link))}, fitted by the same iteratively
 * reweighted least squares as {@link DoseEffect} (R's starting values, convergence rule and
 * iteration limit; the covariance from the last iteration's weights). Candor uses it for the
 * case-mix models of therapist funnel plots: the probability of an outcome given intake severity
 * and other client characteristics.
 *
 * <pre>{@code
 * BinomialRegressionFit fit = BinomialRegression.withDefaults()
 *     .fit(recovered, List.of("intake"), List.of(intake));
 * double p = fit.probability(18);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class BinomialRegression {

  private static final BinomialRegression DEFAULTS = new BinomialRegression(Link.LOGIT,
      DoseEffect.DEFAULT_EPSILON, DoseEffect.DEFAULT_MAX_ITERATIONS);

  private final Link link;
  private final double epsilon;
  private final int maxIterations;

  private BinomialRegression(Link link, double epsilon, int maxIterations) {
    this.link = link;
    this.epsilon = epsilon;
    this.maxIterations = maxIterations;
  }

  /**
   * Logit link, R's IRLS control ({@code ε = 1e-8}, 25 iterations).
   *
   * @return the default configuration
   */
  public static BinomialRegression withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy using this link.
   *
   * @param newLink logit or probit
   * @return the copy
   */
  public BinomialRegression with(Link newLink) {
    return new BinomialRegression(Objects.requireNonNull(newLink, "link"), epsilon,
        maxIterations);
  }

  /**
   * A copy with this convergence tolerance on the relative change in deviance.
   *
   * @param newEpsilon the tolerance, {@code > 0}
   * @return the copy
   * @throws IllegalArgumentException unless {@code newEpsilon > 0}
   */
  public BinomialRegression withEpsilon(double newEpsilon) {
    return new BinomialRegression(link, Checks.positive("epsilon", newEpsilon), maxIterations);
  }

  /**
   * A copy allowing at most this many IRLS iterations.
   *
   * @param newMaxIterations at least 1
   * @return the copy
   * @throws IllegalArgumentException unless {@code newMaxIterations >= 1}
   */
  public BinomialRegression withMaxIterations(int newMaxIterations) {
    return new BinomialRegression(link, epsilon,
        Checks.atLeast("maxIterations", newMaxIterations, 1));
  }

  /**
   * The link.
   *
   * @return logit or probit
   */
  public Link link() {
    return link;
  }

  /**
   * Fits {@code outcome ~ 1 + predictors}.
   *
   * @param outcome one 0/1 outcome per case
   * @param predictorNames the predictors' names (not blank, unique, not {@code (Intercept)})
   * @param predictors one array of finite values per name, one value per case
   * @return the fit
   * @throws IllegalArgumentException if lengths differ, a value is not finite, a predictor is
   *     constant or a linear combination of the others, every case has the same outcome, or there
   *     are no more cases than coefficients
   */
  public BinomialRegressionFit fit(boolean[] outcome, List<String> predictorNames,
      List<double[]> predictors) {
    Objects.requireNonNull(outcome, "outcome");
    Checks.noNulls("predictorNames", predictorNames);
    Checks.noNulls("predictors", predictors);
    int n = outcome.length;
    if (predictorNames.size() != predictors.size()) {
      throw new IllegalArgumentException(predictorNames.size() + " predictor names for "
          + predictors.size() + " predictors");
    }
    int p = predictors.size() + 1;
    if (n <= p) {
      throw new IllegalArgumentException("there are " + n + " cases for " + p
          + " coefficients; need more cases than coefficients");
    }
    int events = 0;
    for (boolean b : outcome) {
      events += b ? 1 : 0;
    }
    if (events == 0 || events == n) {
      throw new IllegalArgumentException("the outcome is " + (events == 0 ? "absent" : "present")
          + " in all " + n + " cases, so its probability cannot be modelled");
    }
    List<String> names = new ArrayList<>();
    names.add("(Intercept)");
    double[] x = new double[n * p];
    for (int i = 0; i < n; i++) {
      x[i * p] = 1;
    }
    for (int j = 1; j < p; j++) {
      String name = Checks.nonBlank("predictor name", predictorNames.get(j - 1));
      if (names.contains(name)) {
        throw new IllegalArgumentException("predictor " + name + " is listed twice");
      }
      names.add(name);
      double[] col = predictors.get(j - 1);
      if (col.length != n) {
        throw new IllegalArgumentException("predictor " + name + " has " + col.length
            + " values for " + n + " cases");
      }
      boolean varies = false;
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(col[i])) {
          throw new IllegalArgumentException("predictor " + name + " for case " + (i + 1)
              + " must be finite, was " + col[i]);
        }
        varies |= col[i] != col[0];
        x[i * p + j] = col[i];
      }
      if (!varies) {
        throw new IllegalArgumentException("predictor " + name + " is the same for every case ("
            + Checks.fmt(col[0]) + "), so its effect cannot be separated from the intercept");
      }
    }
    double[] y = new double[n];
    double[] ones = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = outcome[i] ? 1 : 0;
      ones[i] = 1;
    }
    Irls.Result r;
    try {
      r = Irls.fit(link, x, p, y, ones, ones, epsilon, maxIterations);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException("the predictors " + names.subList(1, p) + " are (almost)"
          + " linearly dependent, so their effects cannot be separated", e);
    }
    List<Coefficient> coefficients = new ArrayList<>(p);
    for (int j = 0; j < p; j++) {
      coefficients.add(DoseEffect.coefficient(names.get(j), r.beta[j],
          Math.sqrt(r.covariance[j * p + j])));
    }
    String message = r.converged ? "IRLS: relative change in deviance below " + epsilon
        : "IRLS did not converge in " + maxIterations + " iterations";
    if (r.separation) {
      message += "; fitted probabilities numerically 0 or 1 occurred";
    }
    return new BinomialRegressionFit(link, n, coefficients, r.deviance, r.nullDeviance,
        -2 * r.logLik + 2 * p, new Convergence(r.converged, r.iterations, r.deviance, message),
        r.separation);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BinomialRegression b && link == b.link
        && Double.compare(epsilon, b.epsilon) == 0 && maxIterations == b.maxIterations;
  }

  @Override
  public int hashCode() {
    return Objects.hash(link, epsilon, maxIterations);
  }

  @Override
  public String toString() {
    return "BinomialRegression[" + link + ", epsilon " + epsilon + ", at most " + maxIterations
        + " iterations]";
  }
}
