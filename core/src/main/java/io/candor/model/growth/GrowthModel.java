package io.candor.model.growth;

import io.candor.internal.Checks;
import io.candor.model.Convergence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A linear mixed-effects growth model: its configuration, and {@link #fit(GrowthData)}.
 *
 * <p>The model for client i at time t is
 *
 * <pre>
 *   y = x(t)ᵀβ + z(t)ᵀb_i + ε,   b_i ~ N(0, D),   ε ~ N(0, σ²)
 * </pre>
 *
 * where x(t) holds an intercept, the {@link TimeBasis} terms, the chosen client-level covariates
 * and, if {@link #with(Interactions) asked}, each covariate times the first time term; z(t)
 * is (1) for {@link RandomPart#INTERCEPT} or (1, first time term) for
 * {@link RandomPart#INTERCEPT_SLOPE} with unstructured 2×2 D. With {@link ClusterPart#INTERCEPT}
 * clients are nested in clusters (therapists) and each cluster j adds its own intercept
 * v_j ~ N(0, τ²): lme4's {@code y ~ x + (1 | therapist) + (z | therapist:client)}. Fitting
 * minimises lme4's profiled REML criterion (or ML deviance) over the relative covariance factor θ
 * (Bates, Mächler, Bolker &amp; Walker 2015, {@link io.candor.evidence.Citations#BATES_2015})
 * using per-client sufficient statistics, eliminating each client's block and then its
 * therapist's, so one evaluation costs time linear in the number of clients and no N × N matrix
 * is formed. θ (2 to 4 parameters) is optimised by BOBYQA with the diagonal of the factor bounded
 * below by 0, as lme4 does (final trust-region radius 1e-8: estimates agree with lme4 to about
 * 1e-6 relative); a single θ by a log-scale grid then Brent's method.
 *
 * <pre>{@code
 * GrowthFit fit = GrowthModel.withDefaults()
 *     .with(TimeBasis.LOG)
 *     .with(RandomPart.INTERCEPT_SLOPE)
 *     .with(Estimation.REML)
 *     .fit(GrowthData.of(ids, sessions, scores));
 *
 * // clients nested in therapists
 * GrowthFit three = GrowthModel.withDefaults().with(ClusterPart.INTERCEPT)
 *     .fit(GrowthData.of(ids, sessions, scores).withClusters(therapists));
 * }</pre>
 *
 * <p><b>Units.</b> The fit does not depend on the units of the scores: multiplying every score by
 * f &gt; 0 multiplies each fixed effect, standard error and SD by f (to the optimiser's
 * resolution of θ: fixed effects to about 1e-6 of their size plus SE, SDs to about 1e-5) and, as
 * each score's density is divided by f, lowers the log-likelihood by n·log f under ML and by
 * (n − p)·log f under REML (p fixed effects), so AIC, BIC, the deviance and the REML criterion
 * move by twice that. Scores from 1e-8 to 1e8 units are property-tested; sums of squares that
 * overflow a double are refused by name.
 *
 * <p>Immutable and thread-safe; every {@code withXxx} returns a copy. Serializable, so that a
 * distributed job (candor-spark) can ship it to where the data are.
 */
public final class GrowthModel implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  /** θ diagonal entries below this count as zero variance (lme4's {@code isSingular} default). */
  static final double SINGULAR_TOLERANCE = 1e-4;

  private static final GrowthModel DEFAULTS = new GrowthModel(TimeBasis.LINEAR, Double.NaN,
      RandomPart.INTERCEPT_SLOPE, Estimation.REML, List.of(), Interactions.NONE, ClusterPart.NONE);

  /** The time basis. */
  private final TimeBasis basis;
  /** The knot of a piecewise basis; NaN for the other bases. */
  private final double knot;
  /** The clients' random part. */
  private final RandomPart random;
  /** REML or ML. */
  private final Estimation estimation;
  /** The client-level covariate names, in model order. */
  private final List<String> covariates;
  /** Whether covariate × time terms are in the model. */
  private final Interactions interactions;
  /** The cluster (therapist) level. */
  private final ClusterPart cluster;

  private GrowthModel(TimeBasis basis, double knot, RandomPart random, Estimation estimation,
      List<String> covariates, Interactions interactions, ClusterPart cluster) {
    this.cluster = cluster;
    this.basis = basis;
    this.knot = knot;
    this.random = random;
    this.estimation = estimation;
    this.covariates = covariates;
    this.interactions = interactions;
  }

  /**
   * Linear time, random intercept and slope, REML, no covariates: lme4's
   * {@code y ~ time + (time | client)}.
   *
   * @return the default model
   */
  public static GrowthModel withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy with this time basis. For {@link TimeBasis#PIECEWISE} use
   * {@link #withPiecewise(double)}, which also sets the knot.
   *
   * @param newBasis the time basis
   * @return the copy
   * @throws IllegalArgumentException for {@code PIECEWISE} (it needs a knot)
   */
  public GrowthModel with(TimeBasis newBasis) {
    Objects.requireNonNull(newBasis, "basis");
    if (newBasis == TimeBasis.PIECEWISE) {
      throw new IllegalArgumentException("basis PIECEWISE needs a knot: use withPiecewise(knot)");
    }
    return new GrowthModel(newBasis, Double.NaN, random, estimation, covariates, interactions,
        cluster);
  }

  /**
   * A copy with the piecewise-linear basis: time and max(0, time − knot).
   *
   * @param newKnot the time at which the slope may change (finite)
   * @return the copy
   */
  public GrowthModel withPiecewise(double newKnot) {
    Checks.finite("knot", newKnot);
    return new GrowthModel(TimeBasis.PIECEWISE, newKnot, random, estimation, covariates,
        interactions, cluster);
  }

  /**
   * A copy with this random part.
   *
   * @param newRandom the random part
   * @return the copy
   */
  public GrowthModel with(RandomPart newRandom) {
    Objects.requireNonNull(newRandom, "random");
    return new GrowthModel(basis, knot, newRandom, estimation, covariates, interactions, cluster);
  }

  /**
   * A copy with this estimation method.
   *
   * @param newEstimation REML or ML
   * @return the copy
   */
  public GrowthModel with(Estimation newEstimation) {
    Objects.requireNonNull(newEstimation, "estimation");
    return new GrowthModel(basis, knot, random, newEstimation, covariates, interactions,
        cluster);
  }

  /**
   * A copy that uses these client-level covariates (by name, as in the data), in this order.
   *
   * @param names the covariate names, none blank or repeated
   * @return the copy
   * @throws IllegalArgumentException if a name is blank or repeated
   */
  public GrowthModel withCovariates(String... names) {
    Objects.requireNonNull(names, "names");
    List<String> list = new ArrayList<>();
    for (String s : names) {
      Checks.nonBlank("covariate", s);
      if (list.contains(s)) {
        throw new IllegalArgumentException("covariate " + s + " is listed twice");
      }
      list.add(s);
    }
    return new GrowthModel(basis, knot, random, estimation, List.copyOf(list), interactions,
        cluster);
  }

  /**
   * A copy that does ({@link Interactions#COVARIATE_BY_TIME}) or does not ({@link
   * Interactions#NONE}, the default) add each covariate × first-time-term interaction, named
   * {@code COVARIATE:time}.
   *
   * @param newInteractions the interactions
   * @return the copy
   */
  public GrowthModel with(Interactions newInteractions) {
    return new GrowthModel(basis, knot, random, estimation, covariates,
        Objects.requireNonNull(newInteractions, "interactions"), cluster);
  }

  /**
   * A copy with (or without) a random intercept per cluster (therapist): with
   * {@link ClusterPart#INTERCEPT} the model is lme4's
   * {@code y ~ ... + (1 | therapist) + (z | therapist:client)} and the data must have clusters
   * ({@link GrowthData#withClusters(String[])}).
   *
   * @param part the cluster level
   * @return the copy
   */
  public GrowthModel with(ClusterPart part) {
    Objects.requireNonNull(part, "cluster part");
    return new GrowthModel(basis, knot, random, estimation, covariates, interactions, part);
  }

  /**
   * The cluster (therapist) level.
   *
   * @return none, or a random intercept per cluster
   */
  public ClusterPart cluster() {
    return cluster;
  }

  /**
   * The time basis.
   *
   * @return the time basis
   */
  public TimeBasis basis() {
    return basis;
  }

  /**
   * The knot of a piecewise basis; empty for other bases.
   *
   * @return the knot of a piecewise basis; empty for other bases
   */
  public OptionalDouble knot() {
    return basis == TimeBasis.PIECEWISE ? OptionalDouble.of(knot) : OptionalDouble.empty();
  }

  /**
   * The random part.
   *
   * @return the random part
   */
  public RandomPart random() {
    return random;
  }

  /**
   * The estimation method.
   *
   * @return the estimation method
   */
  public Estimation estimation() {
    return estimation;
  }

  /**
   * The covariate names used.
   *
   * @return the covariate names used
   */
  public List<String> covariates() {
    return covariates;
  }

  /**
   * Whether covariate × time interactions are included.
   *
   * @return the interactions
   */
  public Interactions interactions() {
    return interactions;
  }

  /**
   * Names of the fixed-effect terms in order: {@code intercept}, the basis terms, the
   * covariates, then {@code COVARIATE:time} interactions.
   *
   * @return the term names
   */
  public List<String> termNames() {
    List<String> names = new ArrayList<>();
    names.add("intercept");
    names.addAll(basis.termNames());
    names.addAll(covariates);
    if (interactions == Interactions.COVARIATE_BY_TIME) {
      for (String c : covariates) {
        names.add(c + ":time");
      }
    }
    return List.copyOf(names);
  }

  /**
   * Writes the fixed-effect design row x(t) for a client with these covariate values.
   *
   * @param time the time
   * @param covariateValues one value per {@link #covariates()} name, in that order
   * @param out destination of length {@code termNames().size()}
   */
  public void designRow(double time, double[] covariateValues, double[] out) {
    out[0] = 1.0;
    basis.terms(time, knot, out, 1);
    int o = 1 + basis.size();
    int k = covariates.size();
    for (int j = 0; j < k; j++) {
      out[o + j] = covariateValues[j];
    }
    if (interactions == Interactions.COVARIATE_BY_TIME) {
      double first = out[1];
      for (int j = 0; j < k; j++) {
        out[o + k + j] = covariateValues[j] * first;
      }
    }
  }

  /**
   * The random-effect design z(t): (1) or (1, first time term).
   *
   * @param time the time
   * @return the random-effect design z(t): (1) or (1, first time term)
   */
  public double[] randomRow(double time) {
    return random == RandomPart.INTERCEPT ? new double[] {1.0}
        : new double[] {1.0, basis.firstTerm(time)};
  }

  int[] covariateIndices(GrowthData data) {
    int[] idx = new int[covariates.size()];
    for (int j = 0; j < idx.length; j++) {
      idx[j] = data.covariateNames().indexOf(covariates.get(j));
      if (idx[j] < 0) {
        throw new IllegalArgumentException("covariate " + covariates.get(j)
            + " is not in the data; the data have " + data.covariateNames());
      }
    }
    return idx;
  }

  /**
   * Fits the model.
   *
   * @param data the data
   * @return the fit; boundary fits are results, see {@link GrowthFit#boundary()}
   * @throws IllegalArgumentException if the model cannot be identified from these data: a
   *     constant time column, a covariate that is constant or collinear with other terms, fewer
   *     than 3 clients with two or more distinct times for a random slope (fewer than 2 clients
   *     for a random intercept), no more observations than random effects, no more observations
   *     than fixed effects, (for the log basis) a time ≤ −1, or, with a cluster level, data
   *     without clusters, with a single cluster, or with a single client in every cluster (then
   *     the therapist and client intercepts are confounded), or scores the model reproduces
   *     exactly (constant scores; under a random intercept, every client's scores constant; under
   *     a random slope, every client's scores on a line of their own): then the residual SD
   *     would be 0 and the likelihood has no maximum
   */
  public GrowthFit fit(GrowthData data) {
    Objects.requireNonNull(data, "data");
    validate(data);
    boolean clustered = cluster == ClusterPart.INTERCEPT;
    if (!clustered) {
      // without a cluster level the sums run in the canonical order of GrowthStatistics, so that
      // a fit of the same rows held elsewhere (candor-spark) is the same to the last bit
      return fit(new InMemoryStatistics(this, data));
    }
    double[] t = data.timeArray();
    double[][] cov = data.covariateArrays();
    int[] covIndex = covariateIndices(data);
    double[] covs = new double[covIndex.length];
    ProfiledDeviance dev = new ProfiledDeviance(termNames().size(), random.size(), 1,
        estimation == Estimation.REML, data.starts(), data.scoreArray(), (c, i, x) -> {
          for (int j = 0; j < covIndex.length; j++) {
            covs[j] = cov[covIndex[j]][c];
          }
          designRow(t[i], covs, x);
        }, clustered ? data.clusterIndex() : null, clustered ? data.clusters().size() : 0);
    dev.checkRank(termNames());
    double[] lower = new double[dev.thetaCount()];
    if (random == RandomPart.INTERCEPT_SLOPE) {
      lower[1] = Double.NEGATIVE_INFINITY;
    }
    ThetaOptimiser.Result opt = ThetaOptimiser.minimise(dev, lower);
    double[] theta = opt.theta();
    ProfiledDeviance.Solution sol = dev.solve(theta);
    if (!Double.isFinite(sol.criterion)) {
      throw new IllegalArgumentException("the model could not be fitted to these data: the "
          + "residual sum of squares is zero or the fixed effects are not identifiable");
    }
    return GrowthFit.create(this, data, dev, theta, sol,
        new Convergence(opt.converged(), opt.evaluations(), sol.criterion, opt.message()));
  }

  /**
   * Fits the model (without a cluster level) to sufficient statistics held elsewhere, for example
   * cached on a cluster by candor-spark: each evaluation of the criterion asks {@code statistics}
   * for one sum over its blocks, and the rows are never needed here. Given statistics built as
   * {@link GrowthStatistics} describes, the fit equals {@link #fit(GrowthData)} on the same rows to
   * the last bit, except that {@link GrowthFit#clientEffects()} holds what {@link
   * GrowthStatistics#clientEffects(double[], double[], double)} returns.
   *
   * @param statistics the statistics, built for this model
   * @return the fit
   * @throws IllegalArgumentException as {@link #fit(GrowthData)}, if the statistics were built for
   *     another model, or if the model has a cluster level (which needs the rows in this JVM)
   */
  public GrowthFit fit(GrowthStatistics statistics) {
    Objects.requireNonNull(statistics, "statistics");
    if (!statistics.model().equals(this)) {
      throw new IllegalArgumentException("the statistics were built for " + statistics.model()
          + ", not for " + this);
    }
    if (cluster != ClusterPart.NONE) {
      throw new IllegalArgumentException("a model with a cluster (therapist) level is fitted from"
          + " its rows (fit(GrowthData)), not from per-client statistics");
    }
    StatisticsDeviance dev = new StatisticsDeviance(this, statistics);
    validate(dev.totals);
    dev.checkRank(termNames());
    double[] lower = new double[dev.thetaCount()];
    if (random == RandomPart.INTERCEPT_SLOPE) {
      lower[1] = Double.NEGATIVE_INFINITY;
    }
    ThetaOptimiser.Result opt = ThetaOptimiser.minimise(dev, lower);
    double[] theta = opt.theta();
    ProfiledDeviance.Solution sol = dev.solve(theta);
    if (!Double.isFinite(sol.criterion)) {
      throw new IllegalArgumentException("the model could not be fitted to these data: the "
          + "residual sum of squares is zero or the fixed effects are not identifiable");
    }
    return GrowthFit.create(this, dev, theta, sol,
        new Convergence(opt.converged(), opt.evaluations(), sol.criterion, opt.message()));
  }

  /** The checks of {@link #validate(GrowthData)} that statistics can answer, from their totals. */
  private void validate(double[] totals) {
    int n = (int) totals[GrowthBlock.T_N];
    int m = (int) totals[GrowthBlock.T_M];
    double minTime = totals[GrowthBlock.T_MIN_TIME];
    double maxTime = totals[GrowthBlock.T_MAX_TIME];
    if (basis == TimeBasis.LOG && !(minTime > -1)) {
      throw new IllegalArgumentException("the log basis uses log(time + 1), so time must be > -1;"
          + " was " + Checks.fmt(minTime));
    }
    checkTimeRange(minTime, maxTime);
    int p = termNames().size();
    int lo = GrowthBlock.T_XY + p + p * p;
    int k = covariates.size();
    for (int j = 0; j < k; j++) {
      if (totals[lo + j] == totals[lo + k + j]) {
        throw new IllegalArgumentException("covariate " + covariates.get(j)
            + " is the same for every client (" + Checks.fmt(totals[lo + j]) + "), so its effect"
            + " cannot be separated from the intercept");
      }
    }
    checkCounts(n, m, (int) totals[GrowthBlock.T_SLOPE_CLIENTS]);
  }

  /** The time column varies, and a piecewise knot lies inside it. */
  private void checkTimeRange(double minTime, double maxTime) {
    if (minTime == maxTime) {
      throw new IllegalArgumentException("the time column is constant (every time is "
          + Checks.fmt(minTime) + "): growth cannot be estimated");
    }
    if (basis == TimeBasis.PIECEWISE) {
      Checks.knotInside(knot, minTime, maxTime);
    }
  }

  /**
   * Enough clients and observations for the random and fixed parts; {@code withSlope} (clients
   * seen at two or more values of the basis's first term) matters for a random slope only.
   */
  private void checkCounts(int n, int m, int withSlope) {
    int q = random.size();
    if (random == RandomPart.INTERCEPT_SLOPE) {
      if (withSlope < 3) {
        throw new IllegalArgumentException("a random slope needs at least 3 clients observed at"
            + " two or more different times; these data have " + withSlope
            + " (fit a random intercept only: RandomPart.INTERCEPT, or --random intercept on the"
            + " command line)");
      }
    } else if (m < 2) {
      throw new IllegalArgumentException("a random intercept needs at least 2 clients; these data"
          + " have " + m);
    }
    if (n <= q * m) {
      throw new IllegalArgumentException("there are " + n + " observations but " + (q * m)
          + " random effects (" + q + " per client for " + m + " clients): the variance"
          + " components cannot be identified; use fewer random effects or more data");
    }
    int p = termNames().size();
    if (n <= p) {
      throw new IllegalArgumentException("there are " + n + " observations for " + p
          + " fixed effects; need more observations than fixed effects");
    }
  }

  /**
   * The fit works with sums of squares and cross-products; values whose squares overflow a
   * double (|x| above about 1e154 over all rows) would make every criterion infinite and the
   * failure look like an identification problem, so they are named here instead.
   */
  private static void checkMagnitude(String what, double[] values, GrowthData data) {
    double sumOfSquares = 0;
    int largest = 0;
    for (int i = 0; i < values.length; i++) {
      sumOfSquares += values[i] * values[i];
      if (Math.abs(values[i]) > Math.abs(values[largest])) {
        largest = i;
      }
    }
    if (!Double.isFinite(sumOfSquares)) {
      int[] start = data.starts();
      int c = Arrays.binarySearch(start, largest);
      c = c >= 0 ? c : -c - 2; // start[c] <= largest < start[c + 1]: every client has a row
      throw new IllegalArgumentException("the " + what + "s are too large to fit: their sum of"
          + " squares overflows a double (largest " + Checks.fmt(values[largest]) + ", client "
          + data.clients().get(c) + "); rescale the " + what + " column");
    }
  }

  private void validate(GrowthData data) {
    double[] t = data.timeArray();
    int[] start = data.starts();
    int n = data.size();
    int m = data.clientCount();
    double minTime = t[0];
    double maxTime = t[0];
    for (int i = 0; i < n; i++) {
      if (basis == TimeBasis.LOG && !(t[i] > -1)) {
        throw new IllegalArgumentException("the log basis uses log(time + 1), so time must be > -1;"
            + " was " + Checks.fmt(t[i]));
      }
      minTime = Math.min(minTime, t[i]);
      maxTime = Math.max(maxTime, t[i]);
    }
    checkTimeRange(minTime, maxTime);
    checkMagnitude("score", data.scoreArray(), data);
    checkMagnitude("time", t, data);
    int[] idx = covariateIndices(data);
    for (int j = 0; j < idx.length; j++) {
      double first = data.covariate(idx[j], 0);
      boolean differs = false;
      for (int c = 1; c < m && !differs; c++) {
        differs = data.covariate(idx[j], c) != first;
      }
      if (!differs) {
        throw new IllegalArgumentException("covariate " + covariates.get(j)
            + " is the same for every client (" + Checks.fmt(first) + "), so its effect cannot "
            + "be separated from the intercept");
      }
    }
    int withSlope = 0;
    if (random == RandomPart.INTERCEPT_SLOPE) {
      for (int c = 0; c < m; c++) {
        double f = basis.firstTerm(t[start[c]]);
        for (int i = start[c] + 1; i < start[c + 1]; i++) {
          if (basis.firstTerm(t[i]) != f) {
            withSlope++;
            break;
          }
        }
      }
    }
    checkCounts(n, m, withSlope);
    if (cluster == ClusterPart.INTERCEPT) {
      if (!data.hasClusters()) {
        throw new IllegalArgumentException("the model has a cluster (therapist) level but the data"
            + " have no clusters: give each row's therapist with GrowthData.withClusters(...)");
      }
      int k = data.clusters().size();
      if (k < 2) {
        throw new IllegalArgumentException("a cluster (therapist) level needs at least 2"
            + " clusters; these data have 1 (" + data.clusters().get(0) + "), so the variation"
            + " between therapists cannot be estimated: fit without the cluster level");
      }
      if (k == m) {
        // each therapist's intercept and their one client's intercept enter every score of that
        // client together: only their sum is identified (the likelihood is flat along τ² + d₁₁)
        throw new IllegalArgumentException("every cluster (therapist) has a single client (" + k
            + " clusters, " + m + " clients), so therapist and client intercepts cannot be told"
            + " apart: fit without the cluster level, or give some therapist two or more clients");
      }
    }
    // the design is checked first; then whether the scores leave anything for the variances
    checkResidualVariation(data, idx);
  }

  /**
   * Refuses scores that the model reproduces exactly. When the scores minus some fixed part lie
   * in the span of the clients' own random-effect columns, the residual sum of squares of that
   * unpenalised fit is zero, and the (restricted) likelihood grows without bound as σ → 0: there
   * is no estimate, only whatever point an optimiser stops at. That happens for constant scores,
   * for every client's scores constant under a random intercept, and for every client's scores on
   * a straight line of their own under a random slope. The test: least squares of the centred
   * scores on the fixed-effect columns after removing each client's random-effect columns, by
   * Gram–Schmidt; the residual counts as zero below 1e-20 of the total sum of squares (a residual
   * SD below 1e-10 of the scores' SD: rounding, not data).
   *
   * <p>Usual data pass a cheaper test first: {@link #clientByClientResidual} is at most the
   * residual of the test (in exact arithmetic), so when it is clearly above the threshold (1e-8 of
   * the total sum of squares, far beyond rounding) the full test, which holds a copy of every
   * column, cannot fail and is skipped.
   */
  private void checkResidualVariation(GrowthData data, int[] covIndex) {
    double[] y = data.scoreArray();
    int n = data.size();
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += y[i];
    }
    mean /= n;
    double tss = 0;
    for (int i = 0; i < n; i++) {
      double d = y[i] - mean;
      tss += d * d;
    }
    if (tss == 0) {
      throw new IllegalArgumentException("every score is " + Checks.fmt(y[0]) + ": with no"
          + " variation there is nothing to model (the residual SD would be 0)");
    }
    if (clientByClientResidual(data, covIndex, mean) <= 1e-8 * tss) {
      checkResidualByGramSchmidt(data, covIndex, mean, tss);
    }
  }

  /** The full test of {@link #checkResidualVariation}, on a copy of every column. */
  private void checkResidualByGramSchmidt(GrowthData data, int[] covIndex, double mean,
      double tss) {
    double[] y = data.scoreArray();
    int n = data.size();
    double[] t = data.timeArray();
    int[] start = data.starts();
    int m = data.clientCount();
    int p = termNames().size();
    // columns 0..p-1: the fixed-effect design; column p: the centred scores
    double[][] col = new double[p + 1][n];
    double[] row = new double[p];
    double[] covs = new double[covIndex.length];
    for (int c = 0; c < m; c++) {
      for (int j = 0; j < covIndex.length; j++) {
        covs[j] = data.covariate(covIndex[j], c);
      }
      for (int i = start[c]; i < start[c + 1]; i++) {
        designRow(t[i], covs, row);
        for (int j = 0; j < p; j++) {
          col[j][i] = row[j];
        }
        col[p][i] = y[i] - mean;
      }
    }
    double[] norm0 = new double[p];
    for (int j = 0; j < p; j++) {
      norm0[j] = Math.sqrt(dot(col[j], col[j], 0, n));
    }
    double[] f = new double[n];
    for (int c = 0; c < m; c++) {
      int a = start[c];
      int b = start[c + 1];
      removeClientColumn(col, a, b, null); // the client's intercept
      if (random == RandomPart.INTERCEPT_SLOPE) {
        double fm = 0;
        for (int i = a; i < b; i++) {
          f[i] = basis.firstTerm(t[i]);
          fm += f[i];
        }
        fm /= b - a;
        double scale = 0;
        for (int i = a; i < b; i++) {
          scale = Math.max(scale, Math.abs(f[i]));
          f[i] -= fm;
        }
        double fn = Math.sqrt(dot(f, f, a, b));
        if (fn > 1e-12 * scale) { // the client was seen at two or more times
          for (int i = a; i < b; i++) {
            f[i] /= fn;
          }
          removeClientColumn(col, a, b, f);
        }
      }
    }
    // Gram–Schmidt over what is left of the fixed-effect columns, then the scores
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < j; k++) {
        if (col[k] != null) {
          subtractProjection(col[j], col[k]);
        }
      }
      double left = Math.sqrt(dot(col[j], col[j], 0, n));
      if (left > 1e-10 * norm0[j]) {
        for (int i = 0; i < n; i++) {
          col[j][i] /= left;
        }
        subtractProjection(col[p], col[j]);
      } else {
        col[j] = null; // within the clients' own columns or the columns before it
      }
    }
    double rss = dot(col[p], col[p], 0, n);
    if (rss <= 1e-20 * tss) {
      throw new IllegalArgumentException("the scores lie exactly on the model's lines: with "
          + (random == RandomPart.INTERCEPT ? "an intercept" : "an intercept and a slope")
          + " of each client's own, nothing is left over (the residual SD would be 0), so the"
          + " variance components cannot be estimated (as when every client's scores"
          + (random == RandomPart.INTERCEPT ? " are constant)" : " lie on a line of their own)"));
    }
  }

  /**
   * The residual sum of squares of each client's own least squares of its centred scores on all
   * the design's columns (the random-effect columns are among them), summed over clients. That
   * model contains the one {@link #checkResidualVariation} fits (fixed effects shared by all
   * clients plus each client's own random-effect columns), so in exact arithmetic this is at most
   * that residual. Computed client by client by modified Gram–Schmidt without a copy of the
   * columns; a direction is dropped only when nothing at all is left of it, so rounding can only
   * add directions and lower the sum.
   */
  private double clientByClientResidual(GrowthData data, int[] covIndex, double mean) {
    double[] t = data.timeArray();
    double[] y = data.scoreArray();
    int[] start = data.starts();
    int m = data.clientCount();
    int p = termNames().size();
    if (p == 2) {
      return clientLineResidual(t, y, start, m);
    }
    int most = 0;
    for (int c = 0; c < m; c++) {
      most = Math.max(most, start[c + 1] - start[c]);
    }
    double[][] col = new double[p][most]; // the client's columns, orthonormalised in place
    double[] r = new double[most]; // the client's centred scores, then their residual
    double[] row = new double[p];
    double[] covs = new double[covIndex.length];
    double sum = 0;
    for (int c = 0; c < m; c++) {
      int a = start[c];
      int k = start[c + 1] - a;
      for (int j = 0; j < covIndex.length; j++) {
        covs[j] = data.covariate(covIndex[j], c);
      }
      for (int i = 0; i < k; i++) {
        designRow(t[a + i], covs, row);
        for (int j = 0; j < p; j++) {
          col[j][i] = row[j];
        }
        r[i] = y[a + i] - mean;
      }
      int kept = 0;
      for (int j = 0; j < p; j++) {
        double[] v = col[j];
        for (int h = 0; h < kept; h++) {
          double[] u = col[h];
          double d = dot(v, u, 0, k);
          for (int i = 0; i < k; i++) {
            v[i] -= d * u[i];
          }
        }
        double norm = Math.sqrt(dot(v, v, 0, k));
        if (norm > 0) {
          for (int i = 0; i < k; i++) {
            v[i] /= norm;
          }
          double d = dot(r, v, 0, k);
          for (int i = 0; i < k; i++) {
            r[i] -= d * v[i];
          }
          if (kept != j) {
            col[j] = col[kept];
            col[kept] = v;
          }
          kept++;
        }
      }
      sum += dot(r, r, 0, k);
    }
    return sum;
  }

  /**
   * {@link #clientByClientResidual} for the usual design (1, s), s the basis's first term: each
   * client's residual about its own least-squares line in s, Syy − Sxy²/Sxx from sums about the
   * client's means (only Syy when all its s are equal), without design rows or scratch columns.
   * Rounding moves each client's value by about 1e-16 of its Syy, far below the 1e-8 margin of
   * the comparison it feeds.
   */
  private double clientLineResidual(double[] t, double[] y, int[] start, int m) {
    double sum = 0;
    for (int c = 0; c < m; c++) {
      int a = start[c];
      int b = start[c + 1];
      double sMean = 0;
      double yMean = 0;
      for (int i = a; i < b; i++) {
        sMean += basis.firstTerm(t[i]);
        yMean += y[i];
      }
      sMean /= b - a;
      yMean /= b - a;
      double sxx = 0;
      double sxy = 0;
      double syy = 0;
      for (int i = a; i < b; i++) {
        double ds = basis.firstTerm(t[i]) - sMean;
        double dy = y[i] - yMean;
        sxx += ds * ds;
        sxy += ds * dy;
        syy += dy * dy;
      }
      sum += sxx > 0 ? Math.max(0, syy - sxy * sxy / sxx) : syy;
    }
    return sum;
  }

  /** Removes from rows a..b−1 of every column its projection on the unit vector u (null: 1/√k). */
  private static void removeClientColumn(double[][] col, int a, int b, double[] u) {
    double unit = 1 / Math.sqrt(b - a);
    for (double[] v : col) {
      if (v == null) {
        continue;
      }
      double d = 0;
      for (int i = a; i < b; i++) {
        d += (u == null ? unit : u[i]) * v[i];
      }
      for (int i = a; i < b; i++) {
        v[i] -= d * (u == null ? unit : u[i]);
      }
    }
  }

  private static void subtractProjection(double[] v, double[] unit) {
    double d = dot(v, unit, 0, v.length);
    for (int i = 0; i < v.length; i++) {
      v[i] -= d * unit[i];
    }
  }

  private static double dot(double[] u, double[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += u[i] * v[i];
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GrowthModel g && basis == g.basis
        && Double.compare(knot, g.knot) == 0 && random == g.random
        && estimation == g.estimation && covariates.equals(g.covariates)
        && interactions == g.interactions && cluster == g.cluster;
  }

  @Override
  public int hashCode() {
    return Objects.hash(basis, knot, random, estimation, covariates, interactions, cluster);
  }

  @Override
  public String toString() {
    return "GrowthModel[" + basis + (basis == TimeBasis.PIECEWISE ? "(knot " + Checks.fmt(knot)
        + ")" : "") + ", " + random + (cluster == ClusterPart.NONE ? "" : ", cluster " + cluster)
        + ", " + estimation + ", terms " + termNames() + "]";
  }
}
