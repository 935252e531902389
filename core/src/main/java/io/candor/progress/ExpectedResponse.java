package io.candor.progress;

import io.candor.domain.ScoreScale;
import io.candor.internal.Checks;
import io.candor.measure.Instrument;
import io.candor.model.DataRange;
import io.candor.model.growth.GrowthModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Expected treatment response for a new client from a fitted (or stored) growth model: the
 * expected score at each session with prediction bands, forecasts that update as sessions
 * arrive, and prepared curves for alerts.
 *
 * <p><b>How the intake is used.</b> The intake score is treated as the client's observation at
 * session 0 and the client's random effects are updated from it (BLUP conditioning), exactly as
 * later observations are; it is not used as a covariate. So a client who starts higher than
 * average is expected to stay somewhat higher, by the amount the model's intercept variance
 * implies, and the bands narrow accordingly.
 *
 * <p><b>The update.</b> With observations y_k at times t_k, design rows x_k and z_k, fixed
 * effects β, random-effect covariance D and residual variance σ², let S = Σ z_k z_kᵀ and
 * r = Σ z_k (y_k − x_kᵀβ). The posterior of the client's random effects is
 * N(b̂, P) with P = (I + D S / σ²)⁻¹ D and b̂ = P r / σ² (a 1 × 1 or 2 × 2 Bayesian update; D may
 * be singular). A new observation at time t is then normal with mean x(t)ᵀβ + z(t)ᵀb̂ and
 * variance z(t)ᵀP z(t) + σ²; with fixed-effect uncertainty (V = cov(β̂)) it adds aᵀVa where
 * a = x(t) − (Σ x_k z_kᵀ) P z(t) / σ². Nothing is refitted.
 *
 * <p><b>Scale and extrapolation.</b> Intake and observed scores are checked against the scale the
 * model was fitted on ({@link ExpectedResponseModel.FittedOn#scale()}). A curve whose intake lies
 * outside the model's intake range, or whose sessions reach outside its sessions, lists each such
 * case in {@link ExpectedCurve#extrapolations()}.
 *
 * <p>Immutable and thread-safe; {@code withXxx} returns a copy.
 */
public final class ExpectedResponse {

  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);
  private static final double[] DEFAULT_PERCENTILES = {0.10, 0.25, 0.50, 0.75, 0.90};

  private final ExpectedResponseModel model;
  private final GrowthModel design;
  private final double[] covariates;
  private final double[] percentiles;
  private final boolean fixedUncertainty;
  private final ScoreScale scale;
  private final int p;
  private final int q;
  private final double[] beta;
  private final double[] v; // p*p
  private final double[] d; // q*q
  private final double sigma2;

  private ExpectedResponse(ExpectedResponseModel model, double[] covariates, double[] percentiles,
      boolean fixedUncertainty, ScoreScale scale) {
    this.model = model;
    this.scale = scale;
    this.design = model.growthModel();
    this.covariates = covariates;
    this.percentiles = percentiles;
    this.fixedUncertainty = fixedUncertainty;
    this.p = model.terms().size();
    this.q = model.randomSlope() ? 2 : 1;
    this.beta = model.fixedEffects().stream().mapToDouble(Double::doubleValue).toArray();
    this.v = new double[p * p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        v[i * p + j] = model.fixedCovariance().get(i).get(j);
      }
    }
    this.d = new double[q * q];
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        d[i * q + j] = model.randomCovariance().get(i).get(j);
      }
    }
    this.sigma2 = model.residualVariance();
  }

  /**
   * Expected responses under this model, for a client with covariates still to be set if the
   * model has any; bands at the 10th, 25th, 50th, 75th and 90th percentiles; no fixed-effect
   * uncertainty; scores checked against the model's scale.
   *
   * @param model the model
   * @return the expected responses
   */
  public static ExpectedResponse of(ExpectedResponseModel model) {
    Objects.requireNonNull(model, "model");
    double[] cov = new double[model.covariates().size()];
    Arrays.fill(cov, Double.NaN);
    return new ExpectedResponse(model, cov, DEFAULT_PERCENTILES, false, model.fittedOn().scale());
  }

  /**
   * A copy for a client with these covariate values.
   *
   * @param values a finite value for every covariate of the model (extra names are an error)
   * @return the copy
   */
  public ExpectedResponse withCovariates(Map<String, Double> values) {
    Objects.requireNonNull(values, "values");
    List<String> names = model.covariates();
    for (String k : values.keySet()) {
      if (!names.contains(k)) {
        throw new IllegalArgumentException("the model has no covariate " + k + "; it has "
            + names);
      }
    }
    double[] cov = new double[names.size()];
    for (int j = 0; j < cov.length; j++) {
      Double x = values.get(names.get(j));
      cov[j] = x == null ? Double.NaN : Checks.finite("covariate " + names.get(j), x);
    }
    return new ExpectedResponse(model, cov, percentiles, fixedUncertainty, scale);
  }

  /**
   * A copy with bands at these percentiles (each in (0, 1); sorted ascending in the result).
   *
   * @param values the percentiles, each in (0, 1)
   * @return the copy
   */
  public ExpectedResponse withPercentiles(double... values) {
    Objects.requireNonNull(values, "values");
    double[] ps = values.clone();
    for (int i = 0; i < ps.length; i++) {
      Checks.openUnit("percentiles[" + i + "]", ps[i]);
    }
    Arrays.sort(ps);
    return new ExpectedResponse(model, covariates, ps, fixedUncertainty, scale);
  }

  /**
   * A copy whose bands include these sources of uncertainty.
   *
   * @param uncertainty {@link BandUncertainty#RANDOM_AND_RESIDUAL} (the default) or also the fixed
   *     effects' estimation uncertainty
   * @return the copy
   */
  public ExpectedResponse with(BandUncertainty uncertainty) {
    Objects.requireNonNull(uncertainty, "uncertainty");
    return new ExpectedResponse(model, covariates, percentiles,
        uncertainty == BandUncertainty.WITH_FIXED_EFFECTS, scale);
  }

  /**
   * The sources of uncertainty the bands include.
   *
   * @return the band uncertainty
   */
  public BandUncertainty bandUncertainty() {
    return fixedUncertainty ? BandUncertainty.WITH_FIXED_EFFECTS : BandUncertainty.RANDOM_AND_RESIDUAL;
  }

  /**
   * A copy that checks every intake and observed score against this scale. A model fitted on an
   * instrument's scores already checks against that instrument, and only the same instrument is
   * accepted here; a model whose data named no instrument (the unbounded scale {@code outcome} or
   * another plain scale) takes any scale. Bands are not truncated to the scale: they describe the
   * model.
   *
   * @param newScale the scale of the scores
   * @return the copy
   * @throws IllegalArgumentException if the model was fitted on a different instrument
   */
  public ExpectedResponse withScale(ScoreScale newScale) {
    Objects.requireNonNull(newScale, "scale");
    ScoreScale fitted = model.fittedOn().scale();
    if (fitted instanceof Instrument && !fitted.equals(newScale)) {
      throw new IllegalArgumentException("the model was fitted on " + fitted.id()
          + " scores; it cannot give expectations on " + newScale.id());
    }
    return new ExpectedResponse(model, covariates, percentiles, fixedUncertainty, newScale);
  }

  /**
   * The scale intake and observed scores are checked against.
   *
   * @return the model's scale, or the one given to {@link #withScale}
   */
  public ScoreScale scale() {
    return scale;
  }

  /**
   * The model.
   *
   * @return the model
   */
  public ExpectedResponseModel model() {
    return model;
  }

  /**
   * The expected curve for sessions 0..lastSession given only the intake score (at session 0).
   *
   * @param intake the intake score (finite)
   * @param lastSession the last session to cover (≥ 0)
   * @return the curve
   */
  public ExpectedCurve fromIntake(double intake, int lastSession) {
    Checks.finite("intake", intake);
    scale.checkScore("intake", intake);
    return forecast(new int[] {0}, new double[] {intake}, lastSession);
  }

  /**
   * The conditional (BLUP-based) forecast for sessions 0..lastSession given the sessions observed
   * so far (intake at session 0 included, if known). With no observations it is the population
   * curve with the full between-client spread.
   *
   * @param sessions observed sessions (≥ 0)
   * @param scores observed scores (finite), one per session
   * @param lastSession the last session to cover (≥ 0)
   * @return the forecast curve
   */
  public ExpectedCurve forecast(int[] sessions, double[] scores, int lastSession) {
    Checks.atLeast("lastSession", lastSession, 0);
    Posterior post = posterior(sessions, scores);
    List<SessionExpectation> out = new ArrayList<>(lastSession + 1);
    double[] x = new double[p];
    double[] a = new double[p];
    for (int t = 0; t <= lastSession; t++) {
      out.add(expectation(post, t, x, a));
    }
    List<Double> pcs = new ArrayList<>();
    for (double pc : percentiles) {
      pcs.add(pc);
    }
    return new ExpectedCurve(describe(sessions, scores), pcs, fixedUncertainty, out,
        extrapolations(sessions, scores, lastSession));
  }

  /**
   * The conditional forecast for one session only: what {@link #forecast(int[], double[], int)}
   * gives at {@code session}, without computing the sessions before it (for callers that forecast
   * many clients at one horizon).
   *
   * @param sessions observed sessions (≥ 0)
   * @param scores observed scores (finite), one per session
   * @param session the session to forecast (≥ 0)
   * @return the expected score distribution at that session
   */
  public SessionExpectation forecastAt(int[] sessions, double[] scores, int session) {
    Checks.atLeast("session", session, 0);
    return expectation(posterior(sessions, scores), session, new double[p], new double[p]);
  }

  /** The client's random-effect posterior given the observations, with what the bands need. */
  private record Posterior(double[] post, double[] bhat, double[] xz) {}

  private Posterior posterior(int[] sessions, double[] scores) {
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(scores, "scores");
    if (sessions.length != scores.length) {
      throw new IllegalArgumentException("sessions and scores must have the same length, were "
          + sessions.length + " and " + scores.length);
    }
    for (int i = 0; i < covariates.length; i++) {
      if (Double.isNaN(covariates[i])) {
        throw new IllegalArgumentException("covariate " + model.covariates().get(i)
            + " has no value; set it with withCovariates");
      }
    }
    double[] s = new double[q * q];
    double[] r = new double[q];
    double[] xz = new double[p * q];
    double[] x = new double[p];
    for (int k = 0; k < sessions.length; k++) {
      if (sessions[k] < 0) {
        Checks.atLeast("sessions[" + k + "]", sessions[k], 0);
      }
      double y = scores[k];
      if (!(y >= scale.minScore() && y <= scale.maxScore())) { // messages built only on failure
        Checks.finite("scores[" + k + "]", y);
        scale.checkScore("score at session " + sessions[k], y);
      }
      design.designRow(sessions[k], covariates, x);
      double[] z = design.randomRow(sessions[k]);
      double res = scores[k] - dot(x, beta);
      for (int i = 0; i < q; i++) {
        r[i] += z[i] * res;
        for (int j = 0; j < q; j++) {
          s[i * q + j] += z[i] * z[j];
        }
        for (int j = 0; j < p; j++) {
          xz[j * q + i] += x[j] * z[i];
        }
      }
    }
    // P = (I + D S / σ²)⁻¹ D
    double[] post = posterior(s);
    double[] bhat = new double[q];
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        bhat[i] += post[i * q + j] * r[j] / sigma2;
      }
    }
    return new Posterior(post, bhat, xz);
  }

  /** The expected distribution at session t; x and a are scratch arrays of length p. */
  private SessionExpectation expectation(Posterior post, int t, double[] x, double[] a) {
    design.designRow(t, covariates, x);
    double[] z = design.randomRow(t);
    double mean = dot(x, beta) + dot(z, post.bhat());
    double[] pz = new double[q];
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        pz[i] += post.post()[i * q + j] * z[j];
      }
    }
    double var = dot(z, pz) + sigma2;
    if (fixedUncertainty) {
      for (int j = 0; j < p; j++) {
        double adj = 0;
        for (int i = 0; i < q; i++) {
          adj += post.xz()[j * q + i] * pz[i];
        }
        a[j] = x[j] - adj / sigma2;
      }
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          var += a[i] * v[i * p + j] * a[j];
        }
      }
    }
    double sd = Math.sqrt(var);
    List<Double> qs = new ArrayList<>(percentiles.length);
    for (double pc : percentiles) {
      qs.add(mean + sd * STANDARD.inverseCumulativeProbability(pc));
    }
    return new SessionExpectation(t, mean, sd, qs);
  }

  /** The intake and sessions of a curve that lie outside what the model was fitted on. */
  private List<Extrapolation> extrapolations(int[] sessions, double[] scores, int lastSession) {
    ExpectedResponseModel.FittedOn fitted = model.fittedOn();
    List<Extrapolation> out = new ArrayList<>(2);
    for (int k = 0; k < sessions.length; k++) {
      if (sessions[k] == 0 && !fitted.intakes().contains(scores[k])) {
        out.add(new Extrapolation(Extrapolation.Kind.INTAKE, scores[k], fitted.intakes()));
      }
    }
    int last = lastSession;
    for (int s : sessions) {
      last = Math.max(last, s);
    }
    DataRange range = fitted.sessions();
    if (range.min() > 0) {
      out.add(new Extrapolation(Extrapolation.Kind.SESSION, 0, range));
    }
    if (last > range.max()) {
      out.add(new Extrapolation(Extrapolation.Kind.SESSION, last, range));
    }
    return out;
  }

  /**
   * A curve prepared for fast alerts: expected scores given the intake only (the OQ-style
   * expected recovery curve), with the rules' boundaries precomputed. The rules are completed
   * from the scale ({@link AlertRules#resolve}): on an instrument ({@link #withScale}) an unset
   * direction and functional cutoff are the instrument's.
   *
   * @param intake the intake score at session 0
   * @param lastSession the last session to cover
   * @param rules the alert rules
   * @return the prepared curve
   * @throws IllegalArgumentException if the intake is off the scale, or the rules' direction or
   *     cutoff contradicts the instrument's
   */
  public PreparedCurve prepare(double intake, int lastSession, AlertRules rules) {
    AlertRules resolved = Objects.requireNonNull(rules, "rules").resolve(scale);
    return new PreparedCurve(fromIntake(intake, lastSession), resolved);
  }

  private double[] posterior(double[] s) {
    if (q == 1) {
      return new double[] {d[0] / (1 + d[0] * s[0] / sigma2)};
    }
    // M = I + D S / σ²
    double m00 = 1 + (d[0] * s[0] + d[1] * s[2]) / sigma2;
    double m01 = (d[0] * s[1] + d[1] * s[3]) / sigma2;
    double m10 = (d[2] * s[0] + d[3] * s[2]) / sigma2;
    double m11 = 1 + (d[2] * s[1] + d[3] * s[3]) / sigma2;
    double det = m00 * m11 - m01 * m10;
    double i00 = m11 / det;
    double i01 = -m01 / det;
    double i10 = -m10 / det;
    double i11 = m00 / det;
    double p00 = i00 * d[0] + i01 * d[2];
    double p01 = i00 * d[1] + i01 * d[3];
    double p11 = i10 * d[1] + i11 * d[3];
    return new double[] {p00, p01, p01, p11};
  }

  private String describe(int[] sessions, double[] scores) {
    if (sessions.length == 0) {
      return "no observations (population curve)";
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < sessions.length; k++) {
      if (k > 0) {
        sb.append(", ");
      }
      sb.append(sessions[k] == 0 ? "intake" : "session " + sessions[k]).append(' ')
          .append(Checks.fmt(scores[k]));
    }
    if (covariates.length > 0) {
      sb.append("; covariates ");
      for (int j = 0; j < covariates.length; j++) {
        sb.append(j > 0 ? ", " : "").append(model.covariates().get(j)).append('=')
            .append(String.format(Locale.ROOT, "%s", Checks.fmt(covariates[j])));
      }
    }
    return sb.toString();
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ExpectedResponse e
        && model.equals(e.model)
        && Arrays.equals(covariates, e.covariates)
        && Arrays.equals(percentiles, e.percentiles)
        && fixedUncertainty == e.fixedUncertainty
        && scale.equals(e.scale);
  }

  @Override
  public int hashCode() {
    return Objects.hash(model, Arrays.hashCode(covariates), Arrays.hashCode(percentiles), fixedUncertainty, scale);
  }

  @Override
  public String toString() {
    return "ExpectedResponse[" + model.basis() + " model on " + model.fittedOn().clients() + " clients, scale "
        + scale.id() + ", percentiles " + Arrays.toString(percentiles) + ", " + bandUncertainty() + "]";
  }
}
