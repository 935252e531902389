package io.candor.model.therapist;

import io.candor.change.ClinicalEvents;
import io.candor.internal.Checks;
import io.candor.model.dose.BinomialRegression;
import io.candor.model.dose.BinomialRegressionFit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A case-mix-adjusted funnel plot for a binary outcome (Spiegelhalter 2005): each therapist's
 * indirectly standardised rate against their caseload, with control limits around the overall
 * rate.
 *
 * <ol>
 *   <li>Cases and events follow Candor's one definition of each clinical event
 *       ({@link ClinicalEvents}): for {@link FunnelOutcome#RECOVERY} the cases are the clients at
 *       caseness at intake and the event is ending below caseness (the NHS Talking Therapies
 *       rule).
 *   <li>A logistic case-mix model, {@code event ~ pre + covariates} over all therapists' cases,
 *       is fitted by the IRLS of {@link BinomialRegression} (R's {@code glm}); a therapist's
 *       expected events E are the sum of their cases' fitted probabilities.
 *   <li>The overall rate is p₀ = Σ observed / Σ cases; a therapist's indirectly standardised rate
 *       is O / E × p₀.
 *   <li>Control limits at 95 % and 99.8 % for a therapist with n cases ({@link ControlLimits}),
 *       optionally widened for over-dispersion ({@link Overdispersion}), clipped to [0, 1].
 * </ol>
 *
 * <p>A therapist outside a limit is worth a closer look at case mix and data
 * ({@link FunnelPosition#note()}); the funnel never ranks therapists. Differences in case mix the
 * model does not capture, data quality and chance all put therapists outside limits.
 *
 * <pre>{@code
 * FunnelFit funnel = CaseMixFunnel.withDefaults()
 *     .with(FunnelOutcome.RECOVERY)
 *     .with(Overdispersion.ADDITIVE)
 *     .fit(data);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @see io.candor.evidence.Citations#SPIEGELHALTER_2005
 * @see io.candor.evidence.Citations#SPIEGELHALTER_2012
 */
public final class CaseMixFunnel {

  /** Default share of z-scores Winsorised at each end before estimating over-dispersion. */
  public static final double DEFAULT_WINSORISATION = 0.1;

  /** z for the two-sided 95 % limits, Φ⁻¹(0.975). */
  static final double Z95 = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);

  /** z for the two-sided 99.8 % limits, Φ⁻¹(0.999). */
  static final double Z998 = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.999);

  private static final CaseMixFunnel DEFAULTS = new CaseMixFunnel(FunnelOutcome.RECOVERY,
      ControlLimits.NORMAL, Overdispersion.NONE, List.of(), DEFAULT_WINSORISATION);

  private final FunnelOutcome outcome;
  private final ControlLimits limits;
  private final Overdispersion overdispersion;
  private final List<String> covariates;
  private final double winsorisation;

  private CaseMixFunnel(FunnelOutcome outcome, ControlLimits limits,
      Overdispersion overdispersion, List<String> covariates, double winsorisation) {
    this.outcome = outcome;
    this.limits = limits;
    this.overdispersion = overdispersion;
    this.covariates = covariates;
    this.winsorisation = winsorisation;
  }

  /**
   * Recovery, normal-approximation limits, no over-dispersion adjustment, intake score as the only
   * case-mix variable, 10 % Winsorisation.
   *
   * @return the default configuration
   */
  public static CaseMixFunnel withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy comparing this outcome.
   *
   * @param newOutcome the outcome
   * @return the copy
   */
  public CaseMixFunnel with(FunnelOutcome newOutcome) {
    return new CaseMixFunnel(Objects.requireNonNull(newOutcome, "outcome"), limits,
        overdispersion, covariates, winsorisation);
  }

  /**
   * A copy with these control limits.
   *
   * @param newLimits normal approximation or exact binomial
   * @return the copy
   */
  public CaseMixFunnel with(ControlLimits newLimits) {
    return new CaseMixFunnel(outcome, Objects.requireNonNull(newLimits, "limits"),
        overdispersion, covariates, winsorisation);
  }

  /**
   * A copy with this over-dispersion adjustment.
   *
   * @param newOverdispersion none, multiplicative or additive
   * @return the copy
   */
  public CaseMixFunnel with(Overdispersion newOverdispersion) {
    return new CaseMixFunnel(outcome, limits,
        Objects.requireNonNull(newOverdispersion, "overdispersion"), covariates, winsorisation);
  }

  /**
   * A copy whose case-mix model also uses these covariates (by name, as in the data).
   *
   * @param names covariate names, not blank, not repeated
   * @return the copy
   * @throws IllegalArgumentException if a name is blank or repeated
   */
  public CaseMixFunnel withCovariates(String... names) {
    return new CaseMixFunnel(outcome, limits, overdispersion, names(names), winsorisation);
  }

  /**
   * A copy Winsorising this share of z-scores at each end before estimating over-dispersion.
   *
   * @param share in [0, 0.5)
   * @return the copy
   * @throws IllegalArgumentException unless {@code 0 <= share < 0.5}
   */
  public CaseMixFunnel withWinsorisation(double share) {
    if (!(share >= 0 && share < 0.5)) {
      throw new IllegalArgumentException("winsorisation must be in [0, 0.5), was " + share);
    }
    return new CaseMixFunnel(outcome, limits, overdispersion, covariates, share);
  }

  /**
   * The outcome compared.
   *
   * @return the outcome
   */
  public FunnelOutcome outcome() {
    return outcome;
  }

  /**
   * The case-mix covariates besides the intake score.
   *
   * @return the names
   */
  public List<String> covariates() {
    return covariates;
  }

  /** Validated, unmodifiable list of covariate names. */
  static List<String> names(String... names) {
    Objects.requireNonNull(names, "names");
    List<String> list = new ArrayList<>();
    for (String s : names) {
      Checks.nonBlank("covariate", s);
      if (list.contains(s) || s.equals("pre")) {
        throw new IllegalArgumentException("covariate " + s + " is listed twice (the intake score"
            + " pre is always included)");
      }
      list.add(s);
    }
    return List.copyOf(list);
  }

  /**
   * Builds the funnel.
   *
   * @param data the clients, their therapists and scores
   * @return the funnel
   * @throws IllegalArgumentException if the instrument has no caseness cutoff or reliable-change
   *     threshold, a covariate is missing or constant among the cases, a therapist has no cases
   *     for this outcome (named), or every case has the same outcome
   * @throws IllegalStateException if exact binomial limits are combined with an over-dispersion
   *     adjustment (the adjustments are defined for the normal approximation)
   */
  public FunnelFit fit(TherapistData data) {
    Objects.requireNonNull(data, "data");
    if (limits == ControlLimits.EXACT_BINOMIAL && overdispersion != Overdispersion.NONE) {
      throw new IllegalStateException("exact binomial limits cannot be widened for"
          + " over-dispersion; use normal limits with " + overdispersion + ", or no adjustment");
    }
    double[] pre = data.preArray();
    double[] post = data.postArray();
    int[] therapistOf = data.therapistIndex();
    List<double[]> covs = data.columns(covariates);
    int n = data.size();
    int k = data.therapists().size();
    boolean[] eligible = new boolean[n];
    boolean[] event = new boolean[n];
    int m = 0;
    int[] cases = new int[k];
    int[] observed = new int[k];
    ClinicalEvents events = ClinicalEvents.of(data.instrument());
    outcome.missing(events).ifPresent(why -> {
      throw new IllegalArgumentException(why + "; compare another outcome or use an instrument"
          + " that has it");
    });
    for (int i = 0; i < n; i++) {
      eligible[i] = outcome.eligible(events, pre[i]);
      event[i] = eligible[i] && outcome.event(events, pre[i], post[i]);
      if (eligible[i]) {
        m++;
        cases[therapistOf[i]]++;
        observed[therapistOf[i]] += event[i] ? 1 : 0;
      }
    }
    List<String> empty = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      if (cases[j] == 0) {
        empty.add(data.therapists().get(j));
      }
    }
    if (!empty.isEmpty()) {
      throw new IllegalArgumentException("therapist" + (empty.size() == 1 ? " " : "s ")
          + String.join(", ", empty) + (empty.size() == 1 ? " has" : " have") + " no cases for "
          + outcome.label() + (outcome == FunnelOutcome.RECOVERY ? " (no client at caseness at"
          + " intake)" : "") + "; a rate needs at least one case: leave "
          + (empty.size() == 1 ? "this therapist" : "these therapists") + " out of the"
          + " comparison or compare another outcome");
    }
    int all = 0;
    for (int o : observed) {
      all += o;
    }
    if (all == 0 || all == m) {
      throw new IllegalArgumentException((all == 0 ? "no" : "every") + " case had "
          + outcome.label() + " (" + all + " of " + m + "); a funnel compares rates between 0"
          + " and 1, so it needs cases with and without the event");
    }
    // the case-mix model over the eligible cases
    boolean[] y = new boolean[m];
    List<double[]> predictors = new ArrayList<>();
    for (int j = 0; j <= covariates.size(); j++) {
      predictors.add(new double[m]);
    }
    int[] caseOf = new int[m];
    int at = 0;
    for (int i = 0; i < n; i++) {
      if (eligible[i]) {
        y[at] = event[i];
        predictors.get(0)[at] = pre[i];
        for (int j = 0; j < covariates.size(); j++) {
          predictors.get(j + 1)[at] = covs.get(j)[i];
        }
        caseOf[at] = therapistOf[i];
        at++;
      }
    }
    List<String> names = new ArrayList<>();
    names.add("pre");
    names.addAll(covariates);
    BinomialRegressionFit caseMix = BinomialRegression.withDefaults().fit(y, names, predictors);
    double[] expected = new double[k];
    double[] row = new double[names.size()];
    for (int c = 0; c < m; c++) {
      for (int j = 0; j < row.length; j++) {
        row[j] = predictors.get(j)[c];
      }
      expected[caseOf[c]] += caseMix.probability(row);
    }
    double p0 = (double) all / m;
    double[] adjusted = new double[k];
    double[] s = new double[k];
    double[] z = new double[k];
    for (int j = 0; j < k; j++) {
      adjusted[j] = observed[j] / expected[j] * p0;
      s[j] = Math.sqrt(p0 * (1 - p0) / cases[j]);
      z[j] = (adjusted[j] - p0) / s[j];
    }
    double phi = phi(z, winsorisation);
    double tau2 = tau2(phi, s);
    List<FunnelPoint> points = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      FunnelLimits lim = limits(limits, overdispersion, p0, cases[j], phi, tau2);
      points.add(new FunnelPoint(data.therapists().get(j), cases[j], observed[j], expected[j],
          adjusted[j], lim.lower95(), lim.upper95(), lim.lower998(), lim.upper998(),
          FunnelPosition.of(adjusted[j], lim.lower95(), lim.upper95(), lim.lower998(),
              lim.upper998())));
    }
    return new FunnelFit(outcome, data.instrument().id(), limits, overdispersion, m, all, p0,
        caseMix, phi, tau2, winsorisation, points);
  }

  /** The limits at n cases around p0: the one computation behind every point and curve. */
  static FunnelLimits limits(ControlLimits limits, Overdispersion overdispersion, double p0,
      int n, double phi, double tau2) {
    if (limits == ControlLimits.EXACT_BINOMIAL) {
      return new FunnelLimits(n, exact(0.025, n, p0), exact(0.975, n, p0), exact(0.001, n, p0),
          exact(0.999, n, p0));
    }
    double s = Math.sqrt(p0 * (1 - p0) / n);
    double sd = switch (overdispersion) {
      case NONE -> s;
      case MULTIPLICATIVE -> s * Math.sqrt(Math.max(1, phi));
      case ADDITIVE -> Math.sqrt(s * s + tau2);
    };
    return new FunnelLimits(n, clip(p0 - Z95 * sd), clip(p0 + Z95 * sd), clip(p0 - Z998 * sd),
        clip(p0 + Z998 * sd));
  }

  private static double clip(double v) {
    return Math.min(1, Math.max(0, v));
  }

  /**
   * Spiegelhalter's (2005) interpolated exact binomial limit for tail probability P: r_P is the
   * smallest r with F(r) ≥ P, α = (F(r_P) − P)/(F(r_P) − F(r_P − 1)), limit (r_P − α)/n.
   */
  static double exact(double prob, int n, double p0) {
    BinomialDistribution b = BinomialDistribution.of(n, p0);
    int r = b.inverseCumulativeProbability(prob);
    double fr = b.cumulativeProbability(r);
    double fr1 = r > 0 ? b.cumulativeProbability(r - 1) : 0;
    double alpha = (fr - prob) / (fr - fr1);
    return clip((r - alpha) / n);
  }

  /** φ = mean of the squared z-scores Winsorised at the given quantiles (R's type 7). */
  static double phi(double[] z, double share) {
    double[] sorted = z.clone();
    Arrays.sort(sorted);
    double lo = quantile7(sorted, share);
    double hi = quantile7(sorted, 1 - share);
    double sum = 0;
    for (double v : z) {
      double w = v < lo ? lo : v > hi ? hi : v;
      sum += w * w;
    }
    return sum / z.length;
  }

  /** R's default (type 7) quantile of sorted values. */
  static double quantile7(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** DerSimonian–Laird τ² from φ, with weights 1/s². */
  static double tau2(double phi, double[] s) {
    int count = s.length;
    if (!(count * phi > count - 1)) {
      return 0;
    }
    double sw = 0;
    double sw2 = 0;
    for (double v : s) {
      double w = 1 / (v * v);
      sw += w;
      sw2 += w * w;
    }
    return Math.max(0, (count * phi - (count - 1)) / (sw - sw2 / sw));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CaseMixFunnel f && outcome == f.outcome && limits == f.limits
        && overdispersion == f.overdispersion && covariates.equals(f.covariates)
        && Double.compare(winsorisation, f.winsorisation) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(outcome, limits, overdispersion, covariates, winsorisation);
  }

  @Override
  public String toString() {
    return "CaseMixFunnel[" + outcome.label() + " ~ pre" + (covariates.isEmpty() ? ""
        : " + " + String.join(" + ", covariates)) + ", " + limits + " limits, over-dispersion "
        + overdispersion + ", Winsorised " + Checks.fmt(winsorisation) + "]";
  }
}
