package io.candor.model.growth;

import io.candor.domain.ScoreScale;
import io.candor.internal.Checks;
import io.candor.model.Convergence;
import io.candor.model.DataRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A fitted linear mixed-effects growth model: estimates, their uncertainty, likelihood-based
 * criteria, per-client predicted effects and how the fit ended.
 *
 * <p>Conventions follow lme4 (Bates et al. 2015): the REML log-likelihood is −½ × the REML
 * criterion; AIC = −2 logLik + 2k and BIC = −2 logLik + k log(n) with k = (fixed effects) +
 * (covariance parameters) + 1; standard errors come from σ²(RXᵀRX)⁻¹ at the estimated variance
 * parameters. A fit at the boundary of the parameter space is a valid result flagged by
 * {@link #boundary()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class GrowthFit {

  private final GrowthModel model;
  private final int nObservations;
  private final int nClients;
  private final List<FixedEffect> fixedEffects;
  private final double[] fixedCovariance; // p*p row-major
  private final double[] randomCovariance; // q*q row-major
  private final double residualSd;
  private final double logLik;
  private final double criterion;
  private final double[] theta;
  private final List<ClientEffects> clientEffects;
  private final double clusterVariance; // NaN without a cluster level (never exposed as NaN)
  private final List<ClusterEffects> clusterEffects;
  private final Set<Boundary> boundary;
  private final Convergence convergence;
  private final ScoreScale scale;
  private final DataRange timeRange;
  private final DataRange firstScoreRange;

  private GrowthFit(GrowthModel model, int nObservations, int nClients,
      List<FixedEffect> fixedEffects, double[] fixedCovariance, double[] randomCovariance,
      double residualSd, double logLik, double criterion, double[] theta,
      List<ClientEffects> clientEffects, double clusterVariance,
      List<ClusterEffects> clusterEffects, Set<Boundary> boundary, Convergence convergence,
      ScoreScale scale, DataRange timeRange, DataRange firstScoreRange) {
    this.clusterVariance = clusterVariance;
    this.clusterEffects = clusterEffects;
    this.model = model;
    this.scale = scale;
    this.timeRange = timeRange;
    this.firstScoreRange = firstScoreRange;
    this.nObservations = nObservations;
    this.nClients = nClients;
    this.fixedEffects = fixedEffects;
    this.fixedCovariance = fixedCovariance;
    this.randomCovariance = randomCovariance;
    this.residualSd = residualSd;
    this.logLik = logLik;
    this.criterion = criterion;
    this.theta = theta;
    this.clientEffects = clientEffects;
    this.boundary = boundary;
    this.convergence = convergence;
  }

  /** What both fitting paths derive alike at the optimum. */
  private record Optimum(double sigma2, List<FixedEffect> fixedEffects, double[] vcov, double[] d,
      Set<Boundary> flags) {}

  private static Optimum optimum(GrowthModel model, int n, int p, int q, boolean reml,
      double yMean, double[] th, ProfiledDeviance.Solution sol) {
    double sigma2 = sol.pwrss / (reml ? n - p : n);
    double[] beta = sol.beta.clone();
    beta[0] += yMean;
    List<String> names = model.termNames();
    double[] vcov = new double[p * p];
    List<FixedEffect> fe = new ArrayList<>(p);
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < p; k++) {
        vcov[j * p + k] = sigma2 * sol.rxInverse[j * p + k];
      }
      double se = Math.sqrt(vcov[j * p + j]);
      fe.add(new FixedEffect(names.get(j), beta[j], se, beta[j] / se));
    }
    double[] d;
    Set<Boundary> flags = EnumSet.noneOf(Boundary.class);
    if (q == 1) {
      d = new double[] {sigma2 * th[0] * th[0]};
      if (th[0] < GrowthModel.SINGULAR_TOLERANCE) {
        flags.add(Boundary.ZERO_INTERCEPT_VARIANCE);
      }
    } else {
      double a = th[0];
      double b = th[1];
      double c = th[2];
      d = new double[] {sigma2 * a * a, sigma2 * a * b, sigma2 * a * b, sigma2 * (b * b + c * c)};
      double slopeRel = Math.hypot(b, c);
      if (a < GrowthModel.SINGULAR_TOLERANCE) {
        flags.add(Boundary.ZERO_INTERCEPT_VARIANCE);
      }
      if (slopeRel < GrowthModel.SINGULAR_TOLERANCE) {
        flags.add(Boundary.ZERO_SLOPE_VARIANCE);
      } else if (a >= GrowthModel.SINGULAR_TOLERANCE
          && c < GrowthModel.SINGULAR_TOLERANCE * slopeRel) {
        flags.add(Boundary.PERFECT_CORRELATION);
      }
    }
    return new Optimum(sigma2, List.copyOf(fe), vcov, d, flags);
  }

  /** A fit from sufficient statistics (no cluster level): see {@link GrowthStatistics}. */
  static GrowthFit create(GrowthModel model, StatisticsDeviance dev, double[] theta,
      ProfiledDeviance.Solution sol, Convergence convergence) {
    double[] th = theta.clone();
    Optimum o = optimum(model, dev.n, dev.p, dev.q, dev.reml, dev.yMean, th, sol);
    List<ClientEffects> effects =
        List.copyOf(dev.statistics.clientEffects(th, sol.beta, o.sigma2()));
    double[] t = dev.totals;
    return new GrowthFit(model, dev.n, dev.m, o.fixedEffects(), o.vcov(), o.d(),
        Math.sqrt(o.sigma2()), -sol.criterion / 2, sol.criterion, th, effects, Double.NaN,
        List.of(), Collections.unmodifiableSet(o.flags()), convergence, dev.statistics.scale(),
        new DataRange(t[GrowthBlock.T_MIN_TIME], t[GrowthBlock.T_MAX_TIME]),
        new DataRange(t[GrowthBlock.T_MIN_FIRST], t[GrowthBlock.T_MAX_FIRST]));
  }

  static GrowthFit create(GrowthModel model, GrowthData data, ProfiledDeviance dev,
      double[] theta, ProfiledDeviance.Solution sol, Convergence convergence) {
    int n = dev.n;
    double[] th = theta.clone();
    Optimum o = optimum(model, n, dev.p, dev.q, dev.reml, dev.yMean, th, sol);
    double sigma2 = o.sigma2();
    Set<Boundary> flags = o.flags();
    ProfiledDeviance.Effects fx = dev.effects(th, sol.beta);
    List<ClientEffects> effects = new ArrayList<>(dev.m);
    List<String> clients = data.clients();
    for (int c = 0; c < dev.m; c++) {
      effects.add(new ClientEffects(clients.get(c), dev.count(c), fx.groupB[2 * c],
          fx.groupB[2 * c + 1], sigma2 * fx.groupV[3 * c], sigma2 * fx.groupV[3 * c + 1],
          sigma2 * fx.groupV[3 * c + 2]));
    }
    double clusterVariance = Double.NaN;
    List<ClusterEffects> clusters = List.of();
    if (dev.k > 0) {
      double lt = th[th.length - 1];
      clusterVariance = sigma2 * lt * lt;
      if (lt < GrowthModel.SINGULAR_TOLERANCE) {
        flags.add(Boundary.ZERO_CLUSTER_VARIANCE);
      }
      List<ClusterEffects> list = new ArrayList<>(dev.k);
      for (int j = 0; j < dev.k; j++) {
        list.add(new ClusterEffects(data.clusters().get(j), dev.clusterSize(j),
            dev.clusterCount(j), fx.clusterB[j], sigma2 * fx.clusterV[j]));
      }
      clusters = Collections.unmodifiableList(list);
    }
    double logLik = -sol.criterion / 2;
    return new GrowthFit(model, n, dev.m, o.fixedEffects(), o.vcov(), o.d(), Math.sqrt(sigma2),
        logLik, sol.criterion, th, Collections.unmodifiableList(effects), clusterVariance, clusters,
        Collections.unmodifiableSet(flags), convergence, data.scale(),
        DataRange.of(data.timeArray()), firstScores(data));
  }

  /**
   * The range of each client's score at their earliest time (the intake, at time 0; the lowest,
   * if a client has several then, as {@link GrowthBlock} takes it).
   */
  private static DataRange firstScores(GrowthData data) {
    int[] start = data.starts();
    double[] t = data.timeArray();
    double[] y = data.scoreArray();
    double[] first = new double[start.length - 1];
    for (int c = 0; c < first.length; c++) {
      int at = start[c];
      for (int i = start[c] + 1; i < start[c + 1]; i++) {
        if (t[i] < t[at] || (t[i] == t[at] && y[i] < y[at])) {
          at = i;
        }
      }
      first[c] = y[at];
    }
    return DataRange.of(first);
  }

  /**
   * The scale the scores were on: the data's {@link GrowthData#scale()} (an instrument when the
   * data came from trajectories or were given one, else the unbounded scale {@code outcome}).
   *
   * @return the scale
   */
  public ScoreScale scale() {
    return scale;
  }

  /**
   * The range of the times in the data (sessions, in Candor's convention).
   *
   * @return the smallest and largest time
   */
  public DataRange timeRange() {
    return timeRange;
  }

  /**
   * The range of the clients' first scores: each client's score at their earliest time (the
   * intake, at time 0, in Candor's convention; the lowest, if a client has several then).
   *
   * @return the smallest and largest first score
   */
  public DataRange firstScoreRange() {
    return firstScoreRange;
  }

  /**
   * The model that was fitted.
   *
   * @return the model that was fitted
   */
  public GrowthModel model() {
    return model;
  }

  /**
   * The estimation method.
   *
   * @return the estimation method
   */
  public Estimation estimation() {
    return model.estimation();
  }

  /**
   * Number of observations.
   *
   * @return the number of observations
   */
  public int observations() {
    return nObservations;
  }

  /**
   * Number of clients.
   *
   * @return the number of clients
   */
  public int clients() {
    return nClients;
  }

  /**
   * The fixed effects, in {@link GrowthModel#termNames()} order.
   *
   * @return the fixed effects, in {@link GrowthModel#termNames()} order
   */
  public List<FixedEffect> fixedEffects() {
    return fixedEffects;
  }

  /**
   * The fixed effect with this term name.
   *
   * @param term the term's name, as in {@link GrowthModel#termNames()}
   * @return the fixed effect with this term name
   * @throws IllegalArgumentException if there is no such term
   */
  public FixedEffect fixedEffect(String term) {
    for (FixedEffect f : fixedEffects) {
      if (f.term().equals(term)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no fixed effect named " + term + "; terms are "
        + model.termNames());
  }

  /**
   * The fixed-effect estimates as an array (a copy).
   *
   * @return the fixed-effect estimates as an array (a copy)
   */
  public double[] beta() {
    double[] beta = new double[fixedEffects.size()];
    for (int j = 0; j < beta.length; j++) {
      beta[j] = fixedEffects.get(j).estimate();
    }
    return beta;
  }

  /**
   * The fixed-effect covariance matrix σ²(RXᵀRX)⁻¹ (a copy).
   *
   * @return the fixed-effect covariance matrix σ²(RXᵀRX)⁻¹ (a copy)
   */
  public double[][] fixedCovariance() {
    int p = fixedEffects.size();
    double[][] out = new double[p][p];
    for (int j = 0; j < p; j++) {
      System.arraycopy(fixedCovariance, j * p, out[j], 0, p);
    }
    return out;
  }

  /**
   * The random-effect covariance D (1 × 1 or 2 × 2, intercept first; a copy).
   *
   * @return the random-effect covariance D (1 × 1 or 2 × 2, intercept first; a copy)
   */
  public double[][] randomCovariance() {
    int q = model.random().size();
    double[][] out = new double[q][q];
    for (int j = 0; j < q; j++) {
      System.arraycopy(randomCovariance, j * q, out[j], 0, q);
    }
    return out;
  }

  /**
   * SD of the clients' intercepts.
   *
   * @return the SD of the intercepts
   */
  public double interceptSd() {
    return Math.sqrt(randomCovariance[0]);
  }

  /**
   * SD of the clients' slopes; empty for a random-intercept model.
   *
   * @return the SD of the slopes, if the model has random slopes
   */
  public OptionalDouble slopeSd() {
    return randomCovariance.length == 4 ? OptionalDouble.of(Math.sqrt(randomCovariance[3]))
        : OptionalDouble.empty();
  }

  /**
   * Correlation of intercepts and slopes; empty for a random-intercept model, or when a variance
   * is zero (then the correlation is undefined).
   *
   * @return the correlation, if there is one
   */
  public OptionalDouble correlation() {
    if (randomCovariance.length != 4) {
      return OptionalDouble.empty();
    }
    double s = Math.sqrt(randomCovariance[0] * randomCovariance[3]);
    return s > 0 ? OptionalDouble.of(randomCovariance[1] / s) : OptionalDouble.empty();
  }

  /**
   * SD τ of the clusters' (therapists') intercepts.
   *
   * @return τ; empty for a model without a cluster level
   */
  public OptionalDouble clusterInterceptSd() {
    return Double.isNaN(clusterVariance) ? OptionalDouble.empty()
        : OptionalDouble.of(Math.sqrt(clusterVariance));
  }

  /**
   * Per-cluster (therapist) predicted intercepts.
   *
   * @return one entry per cluster in the data's cluster order; empty for a model without a
   *     cluster level
   */
  public List<ClusterEffects> clusterEffects() {
    return clusterEffects;
  }

  /**
   * Number of clusters (therapists).
   *
   * @return the number; 0 for a model without a cluster level
   */
  public int clusters() {
    return clusterEffects.size();
  }

  /**
   * Residual SD σ.
   *
   * @return the residual SD
   */
  public double residualSd() {
    return residualSd;
  }

  /**
   * Log-likelihood (the REML log-likelihood for REML fits, as lme4 reports it).
   *
   * @return the log-likelihood
   */
  public double logLik() {
    return logLik;
  }

  /**
   * The REML criterion (−2 × REML log-likelihood, lme4's {@code REMLcrit}); empty for ML.
   *
   * @return the REML criterion (−2 × REML log-likelihood, lme4's {@code REMLcrit}); empty for ML
   */
  public OptionalDouble remlCriterion() {
    return model.estimation() == Estimation.REML ? OptionalDouble.of(criterion)
        : OptionalDouble.empty();
  }

  /**
   * −2 logLik: the REML criterion or the ML deviance.
   *
   * @return −2 logLik
   */
  public double deviance() {
    return criterion;
  }

  /**
   * Number of estimated parameters k = p + #θ + 1.
   *
   * @return the number of estimated parameters k = p + #θ + 1
   */
  public int parameterCount() {
    return fixedEffects.size() + theta.length + 1;
  }

  /**
   * AIC = −2 logLik + 2k.
   *
   * @return the AIC
   */
  public double aic() {
    return criterion + 2.0 * parameterCount();
  }

  /**
   * BIC = −2 logLik + k log(n).
   *
   * @return the BIC
   */
  public double bic() {
    return criterion + parameterCount() * Math.log(nObservations);
  }

  /**
   * The relative covariance factors' parameters θ (lme4's {@code getME(fit, "theta")}): the
   * client-level entries first, then the cluster's.
   *
   * @return the relative covariance factors' parameters θ (lme4's {@code getME(fit, "theta")}): the client-level entries first, then the cluster's
   */
  public double[] theta() {
    return theta.clone();
  }

  /**
   * Per-client predicted random effects, in the data's client order. With a cluster level they
   * are deviations from the client's therapist's intercept (lme4's {@code therapist:client}
   * term). For a fit from {@link GrowthStatistics}, whatever those return (a distributed fit keeps
   * them on the cluster and returns none here).
   *
   * @return the effects (unmodifiable)
   */
  public List<ClientEffects> clientEffects() {
    return clientEffects;
  }

  /**
   * Which boundaries the fit sits on (empty for an interior fit).
   *
   * @return which boundaries the fit sits on (empty for an interior fit)
   */
  public Set<Boundary> boundary() {
    return boundary;
  }

  /**
   * Whether the fit is on a boundary (lme4's {@code isSingular}).
   *
   * @return whether the fit is on a boundary (lme4's {@code isSingular})
   */
  public boolean isBoundary() {
    return !boundary.isEmpty();
  }

  /**
   * How the optimisation ended.
   *
   * @return how the optimisation ended
   */
  public Convergence convergence() {
    return convergence;
  }

  /**
   * The population (fixed-effect) prediction at time t for covariate values.
   *
   * @param time the time
   * @param covariateValues one value per model covariate, in order
   * @return the population (fixed-effect) prediction at time t for covariate values
   */
  public double predictPopulation(double time, double... covariateValues) {
    Objects.requireNonNull(covariateValues, "covariateValues");
    if (covariateValues.length != model.covariates().size()) {
      throw new IllegalArgumentException("expected " + model.covariates().size()
          + " covariate values " + model.covariates() + ", got " + covariateValues.length);
    }
    Checks.allFinite("covariateValues", covariateValues);
    double[] x = new double[fixedEffects.size()];
    model.designRow(Checks.finite("time", time), covariateValues, x);
    double s = 0;
    for (int j = 0; j < x.length; j++) {
      s += x[j] * fixedEffects.get(j).estimate();
    }
    return s;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("Linear mixed-effects growth model, ").append(model.estimation()).append(", ")
        .append(nObservations).append(" observations of ").append(nClients)
        .append(nClients == 1 ? " client" : " clients")
        .append(clusterEffects.isEmpty() ? "" : " in " + clusterEffects.size() + " clusters")
        .append("\n");
    for (FixedEffect f : fixedEffects) {
      sb.append(String.format("  %-18s %12.5g  SE %10.4g  t %8.3f%n", f.term(), f.estimate(),
          f.se(), f.t()));
    }
    clusterInterceptSd().ifPresent(s -> sb.append(String.format("  cluster (therapist) SD %.5g"
        + " across %d clusters%n", s, clusterEffects.size())));
    sb.append(String.format("  intercept SD %.5g", interceptSd()));
    slopeSd().ifPresent(s -> sb.append(String.format(", slope SD %.5g", s)));
    correlation().ifPresent(r -> sb.append(String.format(", correlation %.3f", r)));
    sb.append(String.format(", residual SD %.5g%n", residualSd));
    sb.append(String.format("  logLik %.3f, AIC %.3f, BIC %.3f", logLik, aic(), bic()));
    if (!boundary.isEmpty()) {
      sb.append("\n  boundary fit: ").append(boundary);
    }
    return sb.toString();
  }
}
