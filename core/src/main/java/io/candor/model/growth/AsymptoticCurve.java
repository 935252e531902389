package io.candor.model.growth;

import io.candor.internal.Checks;
import io.candor.model.Convergence;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * The asymptotic population curve, for the question "where does improvement level off?":
 *
 * <pre>
 *   score(t) = asymptote + (intake − asymptote) · exp(−rate · t)
 * </pre>
 *
 * fitted by non-linear least squares (Levenberg–Marquardt, started from the best rate on a
 * log-scale grid with the two linear parameters solved exactly), as R's {@code nls} would. It is a
 * population curve: every observation counts once and within-client correlation is ignored, so
 * the standard errors (σ²(JᵀJ)⁻¹, as {@code nls} reports) are too small when clients contribute
 * many observations; use them as a rough guide. For comparison the log-linear curve
 * score = a + b·log(t + 1) is fitted by ordinary least squares on the same data.
 *
 * <p>Stateless and thread-safe.
 */
public final class AsymptoticCurve {

  private AsymptoticCurve() {}

  /**
   * Fits the curve to pooled observations.
   *
   * @param times times (finite, ≥ 0), one per observation
   * @param scores scores (finite)
   * @return the fit
   * @throws IllegalArgumentException if the lengths differ, there are fewer than 4 observations,
   *     fewer than 3 distinct times, a value is not finite or a time is negative
   */
  public static AsymptoticFit fit(double[] times, double[] scores) {
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(scores, "scores");
    if (times.length != scores.length) {
      throw new IllegalArgumentException("times and scores must have the same length, were "
          + times.length + " and " + scores.length);
    }
    Checks.allFinite("times", times);
    Checks.allFinite("scores", scores);
    int n = times.length;
    if (n < 4) {
      throw new IllegalArgumentException("the asymptotic curve needs at least 4 observations, had "
          + n);
    }
    double tMax = 0;
    for (double t : times) {
      if (t < 0) {
        throw new IllegalArgumentException("times must be >= 0, was " + Checks.fmt(t));
      }
      tMax = Math.max(tMax, t);
    }
    if (java.util.Arrays.stream(times).distinct().count() < 3) {
      throw new IllegalArgumentException("the asymptotic curve needs at least 3 distinct times");
    }
    // start: best rate on a grid, with asymptote and intake solved by linear least squares
    double bestRss = Double.POSITIVE_INFINITY;
    double[] start = null;
    for (int g = 0; g <= 60; g++) {
      double rate = Math.pow(10, -3 + g * 0.075) / tMax;
      double[] ab = linear(times, scores, rate);
      if (ab != null && ab[2] < bestRss) {
        bestRss = ab[2];
        start = new double[] {ab[0], ab[1], rate};
      }
    }
    if (start == null) {
      throw new IllegalArgumentException("the asymptotic curve cannot be fitted to these data");
    }
    MultivariateJacobianFunction model = point -> {
      double a = point.getEntry(0);
      double i0 = point.getEntry(1);
      double r = point.getEntry(2);
      RealVector value = new ArrayRealVector(n);
      RealMatrix jac = new Array2DRowRealMatrix(n, 3);
      for (int k = 0; k < n; k++) {
        double e = Math.exp(-r * times[k]);
        value.setEntry(k, a + (i0 - a) * e);
        jac.setEntry(k, 0, 1 - e);
        jac.setEntry(k, 1, e);
        jac.setEntry(k, 2, -(i0 - a) * times[k] * e);
      }
      return new Pair<>(value, jac);
    };
    LeastSquaresOptimizer.Optimum opt;
    boolean converged = true;
    String message = "Levenberg-Marquardt from the best grid rate";
    try {
      opt = new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-14)
          .withParameterRelativeTolerance(1e-12).optimize(new LeastSquaresBuilder()
              .start(start).model(model).target(scores).maxEvaluations(10_000)
              .maxIterations(10_000).build());
    } catch (TooManyEvaluationsException | ConvergenceException e) {
      throw new IllegalArgumentException("the asymptotic curve did not converge on these data: "
          + e.getMessage(), e);
    }
    double[] est = opt.getPoint().toArray();
    double rss = opt.getResiduals().dotProduct(opt.getResiduals());
    RealMatrix j = opt.getJacobian();
    RealMatrix jtj = j.transpose().multiply(j);
    double sigma2 = rss / (n - 3);
    OptionalDouble[] se = new OptionalDouble[3];
    double det = new LUDecomposition(jtj).getDeterminant();
    if (!(Math.abs(det) > 0) || !(est[2] > 0)) {
      converged = false;
      message = "no decay (rate <= 0) or singular Jacobian: the curve does not level off";
      java.util.Arrays.fill(se, OptionalDouble.empty());
    } else {
      RealMatrix inv = new LUDecomposition(jtj).getSolver().getInverse();
      for (int k = 0; k < 3; k++) {
        se[k] = OptionalDouble.of(Math.sqrt(sigma2 * inv.getEntry(k, k)));
      }
    }
    double[] ll = linearLog(times, scores);
    return new AsymptoticFit(n, est[0], se[0], est[1], se[1], est[2], se[2], rss,
        Math.sqrt(sigma2), aic(n, rss, 3), ll[0], ll[1], ll[2], aic(n, ll[2], 2),
        new Convergence(converged, opt.getIterations(), rss, message));
  }

  /**
   * Fits the curve to all observations of growth data (time as given, pooled over clients).
   *
   * @param data the growth data
   * @return the fit
   */
  public static AsymptoticFit fit(GrowthData data) {
    Objects.requireNonNull(data, "data");
    return fit(data.groupedTimes(), data.groupedScores());
  }

  /** AIC as R's logLik for least-squares fits: n log(2π RSS/n) + n + 2(k + 1). */
  static double aic(int n, double rss, int k) {
    return n * (Math.log(2 * Math.PI * rss / n) + 1) + 2 * (k + 1);
  }

  /** Given the rate, least squares for (asymptote, intake) and the RSS; null if singular. */
  private static double[] linear(double[] t, double[] y, double rate) {
    // y = a (1 − e) + i e
    double s11 = 0;
    double s12 = 0;
    double s22 = 0;
    double b1 = 0;
    double b2 = 0;
    for (int k = 0; k < t.length; k++) {
      double e = Math.exp(-rate * t[k]);
      double u = 1 - e;
      s11 += u * u;
      s12 += u * e;
      s22 += e * e;
      b1 += u * y[k];
      b2 += e * y[k];
    }
    double det = s11 * s22 - s12 * s12;
    if (!(det > 1e-12 * s11 * s22)) {
      return null;
    }
    double a = (s22 * b1 - s12 * b2) / det;
    double i = (s11 * b2 - s12 * b1) / det;
    double rss = 0;
    for (int k = 0; k < t.length; k++) {
      double e = Math.exp(-rate * t[k]);
      double r = y[k] - a * (1 - e) - i * e;
      rss += r * r;
    }
    return new double[] {a, i, rss};
  }

  /** OLS of y on log(t + 1): {intercept, slope, rss}. */
  private static double[] linearLog(double[] t, double[] y) {
    int n = t.length;
    double mx = 0;
    double my = 0;
    for (int k = 0; k < n; k++) {
      mx += Math.log1p(t[k]);
      my += y[k];
    }
    mx /= n;
    my /= n;
    double sxx = 0;
    double sxy = 0;
    for (int k = 0; k < n; k++) {
      double dx = Math.log1p(t[k]) - mx;
      sxx += dx * dx;
      sxy += dx * (y[k] - my);
    }
    double b = sxy / sxx;
    double a = my - b * mx;
    double rss = 0;
    for (int k = 0; k < n; k++) {
      double r = y[k] - a - b * Math.log1p(t[k]);
      rss += r * r;
    }
    return new double[] {a, b, rss};
  }
}
