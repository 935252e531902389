package io.candor.model.growth;

import io.candor.internal.Checks;
import io.candor.model.Convergence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * A linear regression with a random intercept per cluster, lme4's
 * {@code y ~ x1 + x2 + ... + (1 | cluster)}: y_i = x_iᵀβ + v_{j(i)} + ε_i with
 * v_j ~ N(0, τ²) and ε_i ~ N(0, σ²), for any row-level predictors. Candor uses it for therapist
 * effects on end-of-treatment scores ({@code post ~ pre + covariates + (1 | therapist)}).
 *
 * <p>Fitting minimises lme4's profiled REML criterion (or ML deviance) over θ = τ/σ with the same
 * machinery as {@link GrowthModel} (a log-scale grid, then Brent's method), so estimates agree with
 * {@code lmer()} to about 1e-8. The fit also gives the intraclass correlation
 * ICC = τ²/(τ² + σ²) = θ²/(1 + θ²) with a profile-likelihood interval: because the ICC depends on
 * θ alone and the criterion is already profiled over β and σ, the interval is
 * {θ : d(θ) ≤ d(θ̂) + χ²₁(level)} mapped to the ICC scale, with 0 as its lower end when
 * θ = 0 lies inside.
 *
 * <pre>{@code
 * RandomInterceptFit fit = RandomInterceptRegression.withDefaults()
 *     .fit(therapists, post, List.of("pre"), List.of(pre));
 * double icc = fit.icc();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @see io.candor.evidence.Citations#BATES_2015
 */
public final class RandomInterceptRegression {

  /** Default confidence level of the ICC's profile-likelihood interval. */
  public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

  private static final RandomInterceptRegression DEFAULTS =
      new RandomInterceptRegression(Estimation.REML, DEFAULT_CONFIDENCE_LEVEL);

  private final Estimation estimation;
  private final double confidenceLevel;

  private RandomInterceptRegression(Estimation estimation, double confidenceLevel) {
    this.estimation = estimation;
    this.confidenceLevel = confidenceLevel;
  }

  /**
   * REML, 95 % profile-likelihood interval for the ICC.
   *
   * @return the default configuration
   */
  public static RandomInterceptRegression withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy with this estimation method.
   *
   * @param newEstimation REML or ML
   * @return the copy
   */
  public RandomInterceptRegression with(Estimation newEstimation) {
    return new RandomInterceptRegression(Objects.requireNonNull(newEstimation, "estimation"),
        confidenceLevel);
  }

  /**
   * A copy whose ICC interval has this confidence level.
   *
   * @param level the level, strictly between 0 and 1
   * @return the copy
   * @throws IllegalArgumentException unless {@code 0 < level < 1}
   */
  public RandomInterceptRegression withConfidenceLevel(double level) {
    return new RandomInterceptRegression(estimation, Checks.openUnit("confidenceLevel", level));
  }

  /**
   * The estimation method.
   *
   * @return REML or ML
   */
  public Estimation estimation() {
    return estimation;
  }

  /**
   * The confidence level of the ICC interval.
   *
   * @return the level
   */
  public double confidenceLevel() {
    return confidenceLevel;
  }

  /**
   * Fits the model. The fixed part is an intercept plus the predictors, in the order given.
   *
   * @param clusters each row's cluster (therapist) id, not blank
   * @param outcome each row's outcome, finite
   * @param predictorNames the predictors' names (not blank, not {@code intercept}, unique)
   * @param predictors one array per name, each with one finite value per row
   * @return the fit
   * @throws IllegalArgumentException if lengths differ, a value is not finite or an id blank,
   *     there are fewer than 2 clusters or no more rows than clusters, a predictor is constant or
   *     a linear combination of the others, or the outcome is constant
   */
  public RandomInterceptFit fit(String[] clusters, double[] outcome, List<String> predictorNames,
      List<double[]> predictors) {
    Objects.requireNonNull(clusters, "clusters");
    Objects.requireNonNull(outcome, "outcome");
    Checks.noNulls("predictorNames", predictorNames);
    Checks.noNulls("predictors", predictors);
    int n = outcome.length;
    if (clusters.length != n) {
      throw new IllegalArgumentException("clusters has " + clusters.length + " values but outcome"
          + " has " + n);
    }
    if (predictorNames.size() != predictors.size()) {
      throw new IllegalArgumentException(predictorNames.size() + " predictor names for "
          + predictors.size() + " predictors");
    }
    List<String> terms = new ArrayList<>();
    terms.add("intercept");
    for (int j = 0; j < predictors.size(); j++) {
      String name = Checks.nonBlank("predictor name", predictorNames.get(j));
      if (terms.contains(name)) {
        throw new IllegalArgumentException("predictor " + name + " is listed twice or named like"
            + " the intercept");
      }
      terms.add(name);
      double[] col = predictors.get(j);
      if (col.length != n) {
        throw new IllegalArgumentException("predictor " + name + " has " + col.length
            + " values but outcome has " + n);
      }
      double first = col.length == 0 ? 0 : col[0];
      boolean varies = false;
      for (int i = 0; i < n; i++) {
        if (!Double.isFinite(col[i])) {
          throw new IllegalArgumentException("predictor " + name + " in row " + (i + 1)
              + " must be finite, was " + col[i]);
        }
        varies |= col[i] != first;
      }
      if (!varies && n > 0) {
        throw new IllegalArgumentException("predictor " + name + " is the same in every row ("
            + Checks.fmt(first) + "), so its effect cannot be separated from the intercept");
      }
    }
    // group rows by cluster (first-seen order), keeping each cluster's rows in the given order
    Map<String, Integer> index = new HashMap<>();
    List<String> ids = new ArrayList<>();
    int[] clusterOfRow = new int[n];
    for (int i = 0; i < n; i++) {
      String id = clusters[i];
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("cluster id in row " + (i + 1) + " must not be blank");
      }
      Checks.finite("outcome in row " + (i + 1), outcome[i]);
      Integer c = index.get(id);
      if (c == null) {
        c = ids.size();
        index.put(id, c);
        ids.add(id);
      }
      clusterOfRow[i] = c;
    }
    int k = ids.size();
    if (k < 2) {
      throw new IllegalArgumentException("a random intercept per cluster needs at least 2"
          + " clusters; the data have " + k + (k == 1 ? " (" + ids.get(0) + ")" : ""));
    }
    if (n <= k) {
      throw new IllegalArgumentException("there are " + n + " rows for " + k + " clusters; the"
          + " variance between clusters cannot be told apart from the residual variance unless"
          + " some cluster has more than one row");
    }
    int p = terms.size();
    if (n <= p) {
      throw new IllegalArgumentException("there are " + n + " rows for " + p
          + " fixed effects; need more rows than fixed effects");
    }
    int[] start = new int[k + 1];
    for (int i = 0; i < n; i++) {
      start[clusterOfRow[i] + 1]++;
    }
    for (int c = 0; c < k; c++) {
      start[c + 1] += start[c];
    }
    int[] next = java.util.Arrays.copyOf(start, k);
    int[] rowAt = new int[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      int at = next[clusterOfRow[i]]++;
      rowAt[at] = i;
      y[at] = outcome[i];
    }
    double[][] cols = predictors.toArray(new double[0][]);
    ProfiledDeviance dev = new ProfiledDeviance(p, 1, 0, estimation == Estimation.REML, start, y,
        (g, i, x) -> {
          int row = rowAt[i];
          x[0] = 1;
          for (int j = 1; j < p; j++) {
            x[j] = cols[j - 1][row];
          }
        }, null, 0);
    dev.checkRank(terms);
    ThetaOptimiser.Result opt = ThetaOptimiser.minimise(dev, new double[] {0});
    double theta = opt.theta()[0];
    ProfiledDeviance.Solution sol = dev.solve(opt.theta());
    if (!Double.isFinite(sol.criterion)) {
      throw new IllegalArgumentException("the model could not be fitted: the outcome is constant"
          + " or exactly predicted by the predictors");
    }
    double sigma2 = sol.pwrss / (dev.reml ? n - p : n);
    List<FixedEffect> fe = new ArrayList<>(p);
    double[] beta = sol.beta.clone();
    beta[0] += dev.yMean;
    for (int j = 0; j < p; j++) {
      double se = Math.sqrt(sigma2 * sol.rxInverse[j * p + j]);
      fe.add(new FixedEffect(terms.get(j), beta[j], se, beta[j] / se));
    }
    ProfiledDeviance.Effects fx = dev.effects(opt.theta(), sol.beta);
    List<ClusterEffects> effects = new ArrayList<>(k);
    for (int c = 0; c < k; c++) {
      effects.add(new ClusterEffects(ids.get(c), dev.count(c), dev.count(c), fx.groupB[2 * c],
          sigma2 * fx.groupV[3 * c]));
    }
    double[] interval = thetaInterval(dev, theta, sol.criterion);
    return new RandomInterceptFit(estimation, n, k, List.copyOf(fe),
        Math.sqrt(sigma2) * theta, Math.sqrt(sigma2), icc(theta), icc(interval[0]),
        icc(interval[1]), confidenceLevel, -sol.criterion / 2, sol.criterion, theta,
        Collections.unmodifiableList(effects), theta < GrowthModel.SINGULAR_TOLERANCE,
        new Convergence(opt.converged(), opt.evaluations(), sol.criterion, opt.message()));
  }

  private static double icc(double theta) {
    return Double.isInfinite(theta) ? 1 : theta * theta / (1 + theta * theta);
  }

  /** {θ : d(θ) ≤ d(θ̂) + χ²₁(level)} as {lower, upper}; upper may be +∞. */
  private double[] thetaInterval(ProfiledDeviance dev, double thetaHat, double dHat) {
    double cut = dHat + ChiSquaredDistribution.of(1).inverseCumulativeProbability(confidenceLevel);
    BrentSolver solver = new BrentSolver(1e-14, 1e-12);
    java.util.function.DoubleUnaryOperator excess = t -> dev.evaluate(new double[] {t}) - cut;
    double lower = 0;
    if (thetaHat > 0 && excess.applyAsDouble(0) > 0) {
      lower = solver.solve(10_000, excess::applyAsDouble, 0, thetaHat);
    }
    double lo = thetaHat;
    double hi = Math.max(2 * thetaHat, 0.1);
    while (excess.applyAsDouble(hi) <= 0) {
      if (hi > 1e8) {
        return new double[] {lower, Double.POSITIVE_INFINITY};
      }
      lo = hi;
      hi *= 2;
    }
    double upper = solver.solve(10_000, excess::applyAsDouble, lo, hi);
    return new double[] {lower, upper};
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RandomInterceptRegression r && estimation == r.estimation
        && Double.compare(confidenceLevel, r.confidenceLevel) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(estimation, confidenceLevel);
  }

  @Override
  public String toString() {
    return "RandomInterceptRegression[" + estimation + ", ICC interval "
        + Checks.fmt(confidenceLevel) + " by profile likelihood]";
  }
}
