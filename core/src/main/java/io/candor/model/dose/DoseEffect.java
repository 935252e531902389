package io.candor.model.dose;

import io.candor.internal.Checks;
import io.candor.model.Convergence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Dose–effect regression: the share of clients improved as a function of the natural log of the
 * number of sessions attended, a binomial generalised linear model with a probit (default, as
 * Howard et al. 1986) or logit link, fitted by iteratively reweighted least squares exactly as R's
 * {@code glm.fit} (same starting values {@code (w·y + ½)/(w + 1)}, same convergence rule {@code
 * |dev − dev_old|/(|dev| + 0.1) < ε} with {@code ε = 1e-8}, at most 25 iterations, covariance
 * from the weights of the last iteration). Results agree with {@code glm(cbind(improved, n −
 * improved) ~ log(sessions), family = binomial(link = "probit"))} to about 1e-8.
 *
 * <p>A fitter is an immutable configuration: {@code
 * DoseEffect.withDefaults().with(Link.LOGIT).fit(table)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @see io.candor.evidence.Citations#HOWARD_1986
 */
public final class DoseEffect {

  /** R's {@code glm.control()$epsilon}. */
  public static final double DEFAULT_EPSILON = 1e-8;

  /** R's {@code glm.control()$maxit}. */
  public static final int DEFAULT_MAX_ITERATIONS = 25;

  /** Default confidence level of the session milestones. */
  public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

  /** The shares reported as {@link DoseEffectFit#milestones()}: 50 % and 75 % (Howard 1986). */
  static final double[] MILESTONES = {0.5, 0.75};

  private static final DoseEffect DEFAULTS =
      new DoseEffect(Link.PROBIT, DEFAULT_CONFIDENCE_LEVEL, DEFAULT_EPSILON, DEFAULT_MAX_ITERATIONS);

  private final Link link;
  private final double confidenceLevel;
  private final double epsilon;
  private final int maxIterations;

  private DoseEffect(Link link, double confidenceLevel, double epsilon, int maxIterations) {
    this.link = link;
    this.confidenceLevel = confidenceLevel;
    this.epsilon = epsilon;
    this.maxIterations = maxIterations;
  }

  /**
   * Probit link, R's IRLS control ({@code ε = 1e-8}, 25 iterations), 95 % intervals.
   *
   * @return the default fitter
   */
  public static DoseEffect withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy using {@code link}.
   *
   * @param link the link
   * @return the copy
   */
  public DoseEffect with(Link link) {
    return new DoseEffect(Objects.requireNonNull(link, "link"), confidenceLevel, epsilon,
        maxIterations);
  }

  /**
   * A copy whose milestone intervals have confidence level {@code level}.
   *
   * @param level the confidence level, in (0, 1)
   * @return the copy
   * @throws IllegalArgumentException unless {@code 0 < level < 1}
   */
  public DoseEffect withConfidenceLevel(double level) {
    return new DoseEffect(link, Checks.openUnit("confidenceLevel", level), epsilon, maxIterations);
  }

  /**
   * A copy with convergence tolerance {@code epsilon} on the relative change in deviance.
   *
   * @param epsilon the tolerance, > 0
   * @return the copy
   * @throws IllegalArgumentException unless {@code epsilon > 0}
   */
  public DoseEffect withEpsilon(double epsilon) {
    return new DoseEffect(link, confidenceLevel, Checks.positive("epsilon", epsilon),
        maxIterations);
  }

  /**
   * A copy allowing at most {@code maxIterations} IRLS iterations.
   *
   * @param maxIterations the most iterations, at least 1
   * @return the copy
   * @throws IllegalArgumentException unless {@code maxIterations >= 1}
   */
  public DoseEffect withMaxIterations(int maxIterations) {
    return new DoseEffect(link, confidenceLevel, epsilon,
        Checks.atLeast("maxIterations", maxIterations, 1));
  }

  /**
   * The link.
   *
   * @return the link
   */
  public Link link() {
    return link;
  }

  /**
   * The confidence level of the milestone intervals.
   *
   * @return the confidence level of the milestone intervals
   */
  public double confidenceLevel() {
    return confidenceLevel;
  }

  /**
   * The convergence tolerance on the relative change in deviance.
   *
   * @return the convergence tolerance on the relative change in deviance
   */
  public double epsilon() {
    return epsilon;
  }

  /**
   * The most IRLS iterations allowed.
   *
   * @return the most IRLS iterations allowed
   */
  public int maxIterations() {
    return maxIterations;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DoseEffect d
        && link == d.link
        && Double.compare(confidenceLevel, d.confidenceLevel) == 0
        && Double.compare(epsilon, d.epsilon) == 0
        && maxIterations == d.maxIterations;
  }

  @Override
  public int hashCode() {
    return Objects.hash(link, confidenceLevel, epsilon, maxIterations);
  }

  @Override
  public String toString() {
    return "DoseEffect[" + link + ", confidence level " + Checks.fmt(confidenceLevel) + ", epsilon "
        + Checks.fmt(epsilon) + ", at most " + maxIterations + " iterations]";
  }

  /**
   * Fits an aggregated table (one row per number of sessions, as R's {@code cbind(improved, n −
   * improved)} response).
   *
   * @param table one row per number of sessions, at least two distinct numbers
   * @return the fit
   * @throws IllegalArgumentException if the table is empty, holds null, or has fewer than two
   *     distinct session counts
   */
  public DoseEffectFit fit(List<DoseRow> table) {
    Checks.nonEmptyNoNulls("table", table);
    int k = table.size();
    double[] s = new double[k];
    int[] n = new int[k];
    int[] y = new int[k];
    for (int i = 0; i < k; i++) {
      DoseRow r = table.get(i);
      s[i] = r.sessions();
      n[i] = r.n();
      y[i] = r.improved();
    }
    return fitTable(s, n, y);
  }

  /**
   * Fits an aggregated table given as parallel arrays.
   *
   * @param sessions the number of sessions of each row, at least 1
   * @param n the number of clients in each row
   * @param improved the number of them who improved
   * @return the fit
   * @throws IllegalArgumentException if the arrays are empty or of different lengths, a session
   *     count is below 1 or not finite, {@code n[i] < 1}, {@code improved[i]} is outside {@code
   *     [0, n[i]]}, or there are fewer than two distinct session counts
   */
  public DoseEffectFit fit(double[] sessions, int[] n, int[] improved) {
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(n, "n");
    Objects.requireNonNull(improved, "improved");
    if (sessions.length == 0) {
      throw new IllegalArgumentException("sessions must not be empty");
    }
    sameLength("n", n.length, sessions.length);
    sameLength("improved", improved.length, sessions.length);
    for (int i = 0; i < sessions.length; i++) {
      DoseRow.checkSessions("sessions[" + i + "]", sessions[i]);
      if (n[i] < 1) {
        throw new IllegalArgumentException("n[" + i + "] must be >= 1, was " + n[i]);
      }
      if (improved[i] < 0 || improved[i] > n[i]) {
        throw new IllegalArgumentException(
            "improved[" + i + "] must be between 0 and n[" + i + "] (" + n[i] + "), was "
                + improved[i]);
      }
    }
    return fitTable(sessions.clone(), n.clone(), improved.clone());
  }

  /**
   * Fits per-client data: client {@code i} attended {@code sessions[i]} sessions and improved or
   * not (R's {@code glm(improved ~ log(sessions), family = binomial(link))} with a 0/1 response).
   *
   * @param sessions the number of sessions each client attended, at least 1
   * @param improved whether each client improved
   * @return the fit
   * @throws IllegalArgumentException if the arrays are empty or of different lengths, a session
   *     count is below 1 or not finite, or there are fewer than two distinct session counts
   */
  public DoseEffectFit fitClients(double[] sessions, boolean[] improved) {
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(improved, "improved");
    if (sessions.length == 0) {
      throw new IllegalArgumentException("sessions must not be empty");
    }
    sameLength("improved", improved.length, sessions.length);
    for (int i = 0; i < sessions.length; i++) {
      DoseRow.checkSessions("sessions[" + i + "]", sessions[i]);
    }
    // Identical clients contribute identical terms: group by (sessions, improved) and weight
    // each group by its size. Starting values stay per client, as in R.
    int m = sessions.length;
    double[][] exact = groupExact(sessions, improved);
    double[] gs = exact[0];
    double[] gy = exact[1];
    double[] gc = exact[2];
    int g = gs.length;
    double[] w = new double[g];
    Arrays.fill(w, 1.0);
    return irls(gs, gy, w, gc, m, true);
  }

  /** Groups clients by exact (sessions, improved); returns {sessions, y, count} arrays. */
  private static double[][] groupExact(double[] sessions, boolean[] improved) {
    int m = sessions.length;
    double[] yes = new double[m];
    double[] no = new double[m];
    int a = 0;
    int b = 0;
    for (int i = 0; i < m; i++) {
      if (improved[i]) {
        yes[a++] = sessions[i];
      } else {
        no[b++] = sessions[i];
      }
    }
    yes = Arrays.copyOf(yes, a);
    no = Arrays.copyOf(no, b);
    Arrays.sort(yes);
    Arrays.sort(no);
    List<double[]> groups = new ArrayList<>();
    addRuns(no, 0.0, groups);
    addRuns(yes, 1.0, groups);
    double[][] out = new double[3][groups.size()];
    for (int i = 0; i < groups.size(); i++) {
      out[0][i] = groups.get(i)[0];
      out[1][i] = groups.get(i)[1];
      out[2][i] = groups.get(i)[2];
    }
    return out;
  }

  private static void addRuns(double[] sorted, double y, List<double[]> groups) {
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      groups.add(new double[] {sorted[i], y, j - i});
      i = j;
    }
  }

  private DoseEffectFit fitTable(double[] s, int[] n, int[] y) {
    int k = s.length;
    double[] prop = new double[k];
    double[] w = new double[k];
    double[] c = new double[k];
    for (int i = 0; i < k; i++) {
      prop[i] = (double) y[i] / n[i];
      w[i] = n[i];
      c[i] = 1;
    }
    return irls(s, prop, w, c, k, false);
  }

  private static void sameLength(String name, int length, int expected) {
    if (length != expected) {
      throw new IllegalArgumentException(
          name + " must have as many entries as sessions (" + expected + "), had " + length);
    }
  }

  /**
   * R's glm.fit for a binomial family with design (1, log s) ({@link Irls}). Row i stands for
   * c[i] identical observations each with prior weight w[i] and observed proportion y[i].
   */
  private DoseEffectFit irls(
      double[] s, double[] y, double[] w, double[] c, int observations, boolean perClient) {
    int k = s.length;
    double[] x = new double[k];
    double minS = Double.POSITIVE_INFINITY;
    double maxS = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < k; i++) {
      x[i] = Math.log(s[i]);
      minS = Math.min(minS, s[i]);
      maxS = Math.max(maxS, s[i]);
    }
    if (!(maxS > minS)) {
      throw new IllegalArgumentException(
          "sessions must take at least two different values to estimate a slope, all were "
              + Checks.fmt(minS));
    }
    double[] design = new double[2 * k];
    for (int i = 0; i < k; i++) {
      design[2 * i] = 1;
      design[2 * i + 1] = x[i];
    }
    Irls.Result r = Irls.fit(link, design, 2, y, w, c, epsilon, maxIterations);
    double b0 = r.beta[0];
    double b1 = r.beta[1];
    double a01 = r.covariance[1];
    boolean converged = r.converged;
    int iter = r.iterations;
    double dev = r.deviance;
    double nullDev = r.nullDeviance;
    // AIC as binomial()$aic: m = n for tables, 1 for 0/1 data; plus 2 * rank
    double aic = -2 * r.logLik + 2 * 2;
    Coefficient ci = coefficient("(Intercept)", b0, Math.sqrt(r.covariance[0]));
    Coefficient cs = coefficient("log(sessions)", b1, Math.sqrt(r.covariance[3]));
    String message =
        converged
            ? "IRLS: relative change in deviance below " + epsilon
            : "IRLS did not converge in " + maxIterations
                + " iterations (fitted shares may be at 0 or 1)";
    boolean separation = r.separation || separated(x, y);
    if (separation) {
      message += "; fitted probabilities numerically 0 or 1 occurred";
    }
    Convergence conv = new Convergence(converged, iter, dev, message);
    DoseEffectFit draft =
        new DoseEffectFit(link, perClient, observations, ci, cs, a01, dev, nullDev,
            observations - 2, observations - 1, aic, conv, separation, confidenceLevel, minS, maxS,
            List.of());
    List<SessionsEstimate> milestones = new ArrayList<>();
    for (double p : MILESTONES) {
      Optional<SessionsEstimate> e = draft.sessionsFor(p);
      e.ifPresent(milestones::add);
    }
    return new DoseEffectFit(link, perClient, observations, ci, cs, a01, dev, nullDev,
        observations - 2, observations - 1, aic, conv, separation, confidenceLevel, minS, maxS,
        milestones);
  }

  /**
   * Whether log(sessions) separates the outcomes completely or quasi-completely: every row with
   * clients who did not improve lies at or below every row with clients who did (or the
   * reverse), including data where nobody or everybody improved. Then the likelihood has no
   * maximum and IRLS stops wherever the deviance stops changing, which R's "fitted probabilities
   * numerically 0 or 1" rule does not always catch (a probit fit to two rows, 0 of 5 and 5 of 5,
   * stops with fitted shares near 1e-11).
   */
  static boolean separated(double[] x, double[] y) {
    double maxNo = Double.NEGATIVE_INFINITY;
    double minNo = Double.POSITIVE_INFINITY;
    double maxYes = Double.NEGATIVE_INFINITY;
    double minYes = Double.POSITIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      if (y[i] < 1) {
        maxNo = Math.max(maxNo, x[i]);
        minNo = Math.min(minNo, x[i]);
      }
      if (y[i] > 0) {
        maxYes = Math.max(maxYes, x[i]);
        minYes = Math.min(minYes, x[i]);
      }
    }
    return maxNo <= minYes || maxYes <= minNo;
  }

  static Coefficient coefficient(String name, double estimate, double se) {
    double z = estimate / se;
    double p = 2 * NormalDistribution.of(0, 1).cumulativeProbability(-Math.abs(z));
    return new Coefficient(name, estimate, se, z, p);
  }
}
