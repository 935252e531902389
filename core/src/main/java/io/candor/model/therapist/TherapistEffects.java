package io.candor.model.therapist;

import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import io.candor.measure.Direction;
import io.candor.model.growth.ClusterEffects;
import io.candor.model.growth.Estimation;
import io.candor.model.growth.FixedEffect;
import io.candor.model.growth.RandomInterceptFit;
import io.candor.model.growth.RandomInterceptRegression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Therapist effects on end-of-treatment scores: fits lme4's
 * {@code post ~ pre + covariates + (1 | therapist)} over all clients
 * ({@link RandomInterceptRegression}) and reports the intraclass correlation with its interval,
 * each therapist's shrunken effect (BLUP) with its conditional SD, rank intervals, and the caseload
 * a therapist needs for a stable estimate.
 *
 * <p><b>Rank intervals.</b> Each of {@link #withRankDraws(int) D} draws takes every therapist's
 * effect from N(BLUP, conditional variance), independently, and ranks the therapists (rank 1 =
 * most favourable adjusted end scores, in the instrument's direction); a therapist's interval holds
 * the central {@code level} share of their D ranks (Goldstein &amp; Spiegelhalter 1996). Wide
 * intervals are the usual finding: rankings of therapists are far less certain than a league table
 * suggests. The draws treat the fixed effects and variances as known, as lme4's {@code condVar}
 * does, so the intervals are if anything too narrow. Therapists whose draws tie share the ranks
 * they tie for; in particular, when the between-therapist variance is estimated as 0 (a
 * {@link TherapistEffectsFit#boundary() boundary} fit: every effect 0 with SD 0, reliability 0,
 * no caseload for reliability) every rank interval is the whole 1..k.
 *
 * <p><b>Stable estimate.</b> A therapist's shrunken effect keeps the share
 * R_n = τ²/(τ² + σ²/n) of their raw deviation (its reliability, by the Spearman–Brown formula);
 * the caseload needed for R_n ≥ R is n = ⌈R/(1 − R)·σ²/τ²⌉. With an ICC near 5 % that is dozens of
 * clients, the point Schiefele et al. (2017) make about sample sizes for therapist effects. The
 * default R = 0.7 is a conventional threshold, an assumption.
 *
 * <p>Randomness (rank draws, bootstrap) comes only from the {@link UniformRandomProvider} given to
 * {@link #fit(TherapistData, UniformRandomProvider)}: the rank draws first, then the bootstrap
 * replicates, so a generator in the same state gives the same result bit for bit.
 *
 * <pre>{@code
 * TherapistEffectsFit fit = TherapistEffects.withDefaults()
 *     .withCovariates("age")
 *     .fit(data, RandomSource.XO_RO_SHI_RO_128_PP.create(2025L));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @see io.candor.evidence.Citations#GOLDSTEIN_1996
 * @see io.candor.evidence.Citations#SCHIEFELE_2017
 * @see io.candor.evidence.Citations#JOHNS_2019
 */
public final class TherapistEffects {

  /** Default confidence level of the ICC interval and the rank intervals. */
  public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

  /** Default number of draws for the rank intervals. */
  public static final int DEFAULT_RANK_DRAWS = 1000;

  /** Default number of parametric-bootstrap replicates. */
  public static final int DEFAULT_REPLICATES = 1000;

  /**
   * Default reliability a therapist's estimate should reach to count as stable: 0.7, a
   * conventional threshold for acceptable reliability (an assumption; Schiefele et al. 2017 give
   * sample-size tables for therapist effects, not this figure).
   */
  public static final Sourced DEFAULT_RELIABILITY_TARGET = Sourced.assumption(0.7,
      Citations.SCHIEFELE_2017, "conventional threshold of acceptable reliability; Schiefele et"
          + " al. 2017 argue for planning caseloads by the precision of therapist effects, their"
          + " tables were not checked and do not give this figure");

  private static final TherapistEffects DEFAULTS = new TherapistEffects(Estimation.REML,
      IccInterval.PROFILE_LIKELIHOOD, DEFAULT_CONFIDENCE_LEVEL, DEFAULT_REPLICATES,
      DEFAULT_RANK_DRAWS, List.of(), DEFAULT_RELIABILITY_TARGET);

  private final Estimation estimation;
  private final IccInterval interval;
  private final double confidenceLevel;
  private final int replicates;
  private final int rankDraws;
  private final List<String> covariates;
  private final Sourced reliabilityTarget;

  private TherapistEffects(Estimation estimation, IccInterval interval, double confidenceLevel,
      int replicates, int rankDraws, List<String> covariates, Sourced reliabilityTarget) {
    this.estimation = estimation;
    this.interval = interval;
    this.confidenceLevel = confidenceLevel;
    this.replicates = replicates;
    this.rankDraws = rankDraws;
    this.covariates = covariates;
    this.reliabilityTarget = reliabilityTarget;
  }

  /**
   * REML, profile-likelihood ICC interval, 95 % intervals, 1000 rank draws, intake score as the
   * only covariate, reliability target 0.7.
   *
   * @return the default configuration
   */
  public static TherapistEffects withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy with this estimation method.
   *
   * @param newEstimation REML or ML
   * @return the copy
   */
  public TherapistEffects with(Estimation newEstimation) {
    return new TherapistEffects(Objects.requireNonNull(newEstimation, "estimation"), interval,
        confidenceLevel, replicates, rankDraws, covariates, reliabilityTarget);
  }

  /**
   * A copy with this ICC interval method.
   *
   * @param newInterval profile likelihood or parametric bootstrap
   * @return the copy
   */
  public TherapistEffects with(IccInterval newInterval) {
    return new TherapistEffects(estimation, Objects.requireNonNull(newInterval, "interval"),
        confidenceLevel, replicates, rankDraws, covariates, reliabilityTarget);
  }

  /**
   * A copy with this confidence level for the ICC and rank intervals.
   *
   * @param level strictly between 0 and 1
   * @return the copy
   * @throws IllegalArgumentException unless {@code 0 < level < 1}
   */
  public TherapistEffects withConfidenceLevel(double level) {
    return new TherapistEffects(estimation, interval, Checks.openUnit("confidenceLevel", level),
        replicates, rankDraws, covariates, reliabilityTarget);
  }

  /**
   * A copy with this many parametric-bootstrap replicates (used with
   * {@link IccInterval#PARAMETRIC_BOOTSTRAP}).
   *
   * @param newReplicates between 20 and 100,000
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public TherapistEffects withReplicates(int newReplicates) {
    return new TherapistEffects(estimation, interval, confidenceLevel,
        Checks.inRange("replicates", newReplicates, 20, 100_000), rankDraws, covariates,
        reliabilityTarget);
  }

  /**
   * A copy with this many draws for the rank intervals.
   *
   * @param newDraws between 100 and 1,000,000
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public TherapistEffects withRankDraws(int newDraws) {
    return new TherapistEffects(estimation, interval, confidenceLevel, replicates,
        Checks.inRange("rankDraws", newDraws, 100, 1_000_000), covariates, reliabilityTarget);
  }

  /**
   * A copy that adjusts for these case-mix covariates (by name, as in the data) besides the
   * intake score.
   *
   * @param names covariate names, not blank, not repeated
   * @return the copy
   * @throws IllegalArgumentException if a name is blank or repeated
   */
  public TherapistEffects withCovariates(String... names) {
    return new TherapistEffects(estimation, interval, confidenceLevel, replicates, rankDraws,
        CaseMixFunnel.names(names), reliabilityTarget);
  }

  /**
   * A copy with this reliability target for the stable-caseload figure.
   *
   * @param target strictly between 0 and 1
   * @return the copy
   * @throws IllegalArgumentException unless {@code 0 < target < 1}
   */
  public TherapistEffects withReliabilityTarget(double target) {
    Checks.openUnit("reliabilityTarget", target);
    return new TherapistEffects(estimation, interval, confidenceLevel, replicates, rankDraws,
        covariates, Sourced.assumption(target, Citations.SCHIEFELE_2017,
            "reliability target chosen by the user"));
  }

  /**
   * The covariates adjusted for besides the intake score.
   *
   * @return the names
   */
  public List<String> covariates() {
    return covariates;
  }

  /**
   * Fits the model.
   *
   * @param data the clients, their therapists and scores
   * @param rng the source of randomness for the rank draws and the bootstrap
   * @return the fit
   * @throws IllegalArgumentException if a covariate is not in the data or is constant, a
   *     therapist has no clients, or the model cannot be fitted (see
   *     {@link RandomInterceptRegression#fit})
   */
  public TherapistEffectsFit fit(TherapistData data, UniformRandomProvider rng) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(rng, "rng");
    List<String> names = new ArrayList<>();
    names.add("pre");
    names.addAll(covariates);
    List<double[]> columns = new ArrayList<>();
    columns.add(data.preArray());
    columns.addAll(data.columns(covariates));
    String[] therapists = data.therapistArray();
    double[] post = data.postArray();
    RandomInterceptRegression regression = RandomInterceptRegression.withDefaults()
        .with(estimation).withConfidenceLevel(confidenceLevel);
    RandomInterceptFit fit = regression.fit(therapists, post, names, columns);

    List<String> ids = data.therapists();
    int k = ids.size();
    // the regression lists clusters in first-seen order, as TherapistData does
    List<ClusterEffects> blups = fit.clusterEffects();
    double[] effect = new double[k];
    double[] sd = new double[k];
    for (int j = 0; j < k; j++) {
      ClusterEffects e = blups.get(j);
      if (!e.cluster().equals(ids.get(j))) {
        throw new IllegalStateException("therapist order differs: " + e.cluster() + " vs "
            + ids.get(j));
      }
      effect[j] = e.intercept();
      sd[j] = e.interceptSd();
    }
    Direction direction = data.instrument().direction();
    int[][] ranks = rankIntervals(effect, sd, direction, rng);

    double tau2 = fit.clusterSd() * fit.clusterSd();
    double sigma2 = fit.residualSd() * fit.residualSd();
    int[] caseloads = data.caseloads();
    List<TherapistEffect> effects = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      double reliability = tau2 / (tau2 + sigma2 / caseloads[j]);
      effects.add(new TherapistEffect(ids.get(j), caseloads[j], effect[j], sd[j], reliability,
          ranks[0][j], ranks[1][j]));
    }
    IccEstimate icc = interval == IccInterval.PROFILE_LIKELIHOOD
        ? new IccEstimate(fit.icc(), fit.iccLower(), fit.iccUpper(), confidenceLevel, interval, 0)
        : bootstrap(regression, fit, therapists, data.therapistIndex(), k, names, columns, rng);
    double r = reliabilityTarget.value();
    OptionalInt caseload = !fit.boundary() ? OptionalInt.of((int) Math.min(Integer.MAX_VALUE,
        Math.ceil(r / (1 - r) * sigma2 / tau2 - 1e-9))) : OptionalInt.empty();
    return new TherapistEffectsFit(estimation, data.instrument().id(), direction, data.size(), k,
        fit.fixedEffects(), fit.clusterSd(), fit.residualSd(), icc, reliabilityTarget, caseload,
        effects, rankDraws, fit.boundary(), fit.convergence());
  }

  /**
   * {lower ranks, upper ranks}, rank 1 = most favourable. Therapists whose drawn effects tie (as
   * they all do when the between-therapist variance is 0 and every effect is 0 with SD 0) share
   * the ranks they tie for: in that draw each has the best of them as its lower rank and the worst
   * as its upper rank, so exact ties never produce an ordering from the order of the ids.
   */
  int[][] rankIntervals(double[] effect, double[] sd, Direction direction,
      UniformRandomProvider rng) {
    int k = effect.length;
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    // favourable = lower end scores for higher-is-worse instruments
    double sign = direction == Direction.HIGHER_IS_WORSE ? -1 : 1;
    int[][] best = new int[k][rankDraws];
    int[][] worst = new int[k][rankDraws];
    double[] value = new double[k];
    Integer[] order = new Integer[k];
    for (int d = 0; d < rankDraws; d++) {
      for (int j = 0; j < k; j++) {
        value[j] = sign * (effect[j] + sd[j] * gauss.sample());
        order[j] = j;
      }
      Arrays.sort(order, (a, b) -> Double.compare(value[b], value[a]));
      int r = 0;
      while (r < k) {
        int end = r + 1;
        while (end < k && value[order[end]] == value[order[r]]) {
          end++;
        }
        for (int i = r; i < end; i++) {
          best[order[i]][d] = r + 1;
          worst[order[i]][d] = end;
        }
        r = end;
      }
    }
    double alpha = 1 - confidenceLevel;
    int lo = Math.max(0, (int) Math.ceil(rankDraws * alpha / 2) - 1);
    int hi = Math.min(rankDraws - 1, (int) Math.ceil(rankDraws * (1 - alpha / 2)) - 1);
    int[][] out = new int[2][k];
    for (int j = 0; j < k; j++) {
      Arrays.sort(best[j]);
      Arrays.sort(worst[j]);
      out[0][j] = best[j][lo];
      out[1][j] = worst[j][hi];
    }
    return out;
  }

  /** Percentile interval of the ICC over parametric-bootstrap refits. */
  private IccEstimate bootstrap(RandomInterceptRegression regression, RandomInterceptFit fit,
      String[] therapists, int[] of, int k, List<String> names, List<double[]> columns,
      UniformRandomProvider rng) {
    int n = therapists.length;
    double[] mean = new double[n];
    List<FixedEffect> fe = fit.fixedEffects();
    for (int i = 0; i < n; i++) {
      double m = fe.get(0).estimate();
      for (int j = 1; j < fe.size(); j++) {
        m += fe.get(j).estimate() * columns.get(j - 1)[i];
      }
      mean[i] = m;
    }
    ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    double tau = fit.clusterSd();
    double sigma = fit.residualSd();
    double[] icc = new double[replicates];
    double[] v = new double[k];
    double[] y = new double[n];
    for (int b = 0; b < replicates; b++) {
      for (int j = 0; j < v.length; j++) {
        v[j] = tau * gauss.sample();
      }
      for (int i = 0; i < n; i++) {
        y[i] = mean[i] + v[of[i]] + sigma * gauss.sample();
      }
      icc[b] = regression.fit(therapists, y, names, columns).icc();
    }
    Arrays.sort(icc);
    double alpha = 1 - confidenceLevel;
    int lo = Math.max(0, (int) Math.ceil(replicates * alpha / 2) - 1);
    int hi = Math.min(replicates - 1, (int) Math.ceil(replicates * (1 - alpha / 2)) - 1);
    return new IccEstimate(fit.icc(), icc[lo], icc[hi], confidenceLevel, interval, replicates);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TherapistEffects t && estimation == t.estimation
        && interval == t.interval && Double.compare(confidenceLevel, t.confidenceLevel) == 0
        && replicates == t.replicates && rankDraws == t.rankDraws
        && covariates.equals(t.covariates) && reliabilityTarget.equals(t.reliabilityTarget);
  }

  @Override
  public int hashCode() {
    return Objects.hash(estimation, interval, confidenceLevel, replicates, rankDraws, covariates,
        reliabilityTarget);
  }

  @Override
  public String toString() {
    return "TherapistEffects[post ~ pre" + (covariates.isEmpty() ? "" : " + "
        + String.join(" + ", covariates)) + " + (1 | therapist), " + estimation + ", ICC interval "
        + interval + (interval == IccInterval.PARAMETRIC_BOOTSTRAP ? " (" + replicates
        + " replicates)" : "") + ", level " + Checks.fmt(confidenceLevel) + ", " + rankDraws
        + " rank draws, reliability target " + Checks.fmt(reliabilityTarget.value()) + "]";
  }
}
