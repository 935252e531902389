package io.candor.model.growth;

import java.util.Arrays;

/**
 * The lme4 profiled deviance of a linear mixed model with one grouping factor (clients), computed
 * from per-client sufficient statistics.
 *
 * <p>With relative covariance factor Λ(θ) (lower triangular, q × q) the model is
 * y = Xβ + ZΛu + ε, u ~ N(0, σ²I), ε ~ N(0, σ²I). For each client i,
 * L_i L_iᵀ = ΛᵀZ_iᵀZ_iΛ + I, c_i = L_i⁻¹ΛᵀZ_iᵀy_i and R_i = L_i⁻¹ΛᵀZ_iᵀX_i (Bates et al. 2015,
 * §3). Then RXᵀRX = XᵀX − ΣR_iᵀR_i, c_β = RX⁻ᵀ(Xᵀy − ΣR_iᵀc_i), the penalised residual sum of
 * squares is r² = yᵀy − Σ|c_i|² − |c_β|², and
 *
 * <pre>
 *   ML deviance  = log|L|² + n (1 + log(2π r² / n))
 *   REML crit.   = log|L|² + log|RX|² + (n − p)(1 + log(2π r² / (n − p)))
 * </pre>
 *
 * where log|L|² = Σ_i log|L_i|². One evaluation costs O(N q² p + p³): linear in the number of
 * clients N, with no N × N matrix. The outcome is centred on its mean first (exact, because the
 * intercept is in X), which makes the fit invariant to adding a constant to every score.
 *
 * <p>Not thread-safe (scratch arrays); one instance per fit.
 */
final class ProfiledDeviance {

  final int n;
  final int m;
  final int p;
  final int q;
  final boolean reml;
  final double yMean;
  final GrowthStatistics statistics;
  final double[] totals;
  private final double[] xx; // p * p
  private final double[] xy; // p
  private final double yty;

  // scratch
  private final double[] a;
  private final double[] rhs;

  ProfiledDeviance(GrowthModel model, GrowthStatistics statistics) {
    this.statistics = statistics;
    this.totals = statistics.totals();
    this.p = (int) totals[GrowthBlock.T_P];
    this.q = model.random().size();
    this.n = (int) totals[GrowthBlock.T_N];
    this.m = (int) totals[GrowthBlock.T_M];
    this.reml = model.estimation() == Estimation.REML;
    this.yMean = statistics.centre();
    this.xy = Arrays.copyOfRange(totals, GrowthBlock.T_XY, GrowthBlock.T_XY + p);
    this.xx = Arrays.copyOfRange(totals, GrowthBlock.T_XY + p, GrowthBlock.T_XY + p + p * p);
    this.yty = totals[GrowthBlock.T_YTY];
    a = new double[p * p];
    rhs = new double[p];
  }

  /** XᵀX (symmetric, p × p, row-major; a copy). */
  double[] xtx() {
    return xx.clone();
  }

  /** The criterion at θ (REML criterion or ML deviance); +∞ if RX is not positive definite. */
  double evaluate(double[] theta) {
    return compute(theta, null);
  }

  /** Everything at the optimum. */
  Solution solve(double[] theta) {
    Solution s = new Solution();
    s.criterion = compute(theta, s);
    return s;
  }

  /** The final quantities derived at one θ. */
  static final class Solution {
    double criterion;
    double pwrss;
    double[] beta; // for the centred outcome
    double[] rxInverse; // (RXᵀRX)⁻¹, p × p
    double logDetL;
    double logDetRx;
  }

  private double compute(double[] theta, Solution out) {
    double[] terms = statistics.criterionTerms(theta);
    for (int j = 0; j < p; j++) {
      rhs[j] = xy[j] - terms[2 + j];
      for (int k = j; k < p; k++) {
        a[j * p + k] = xx[j * p + k] - terms[2 + p + j * p + k];
      }
    }
    double cc = terms[1];
    double logDet = 2 * terms[0];
    // Cholesky of a (upper triangle used): a = RXᵀ RX, RX upper triangular stored in a.
    double logDetRx = 0;
    for (int j = 0; j < p; j++) {
      double d = a[j * p + j];
      for (int k = 0; k < j; k++) {
        d -= a[k * p + j] * a[k * p + j];
      }
      if (!(d > 1e-12 * xx[j * p + j])) {
        return Double.POSITIVE_INFINITY;
      }
      double rjj = Math.sqrt(d);
      a[j * p + j] = rjj;
      logDetRx += Math.log(rjj);
      for (int k = j + 1; k < p; k++) {
        double v = a[j * p + k];
        for (int i = 0; i < j; i++) {
          v -= a[i * p + j] * a[i * p + k];
        }
        a[j * p + k] = v / rjj;
      }
    }
    logDetRx *= 2;
    // c_beta = RX^{-T} rhs (forward substitution with the lower triangle RXᵀ)
    double cb2 = 0;
    for (int j = 0; j < p; j++) {
      double v = rhs[j];
      for (int i = 0; i < j; i++) {
        v -= a[i * p + j] * rhs[i];
      }
      rhs[j] = v / a[j * p + j];
      cb2 += rhs[j] * rhs[j];
    }
    double pwrss = yty - cc - cb2;
    if (!(pwrss > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    double crit;
    if (reml) {
      int df = n - p;
      crit = logDet + logDetRx + df * (1 + Math.log(2 * Math.PI * pwrss / df));
    } else {
      crit = logDet + n * (1 + Math.log(2 * Math.PI * pwrss / n));
    }
    if (out != null) {
      out.pwrss = pwrss;
      out.logDetL = logDet;
      out.logDetRx = logDetRx;
      double[] beta = new double[p];
      for (int j = p - 1; j >= 0; j--) {
        double v = rhs[j];
        for (int k = j + 1; k < p; k++) {
          v -= a[j * p + k] * beta[k];
        }
        beta[j] = v / a[j * p + j];
      }
      out.beta = beta;
      // RX^{-1} (upper), then (RXᵀRX)^{-1} = RX^{-1} RX^{-T}
      double[] inv = new double[p * p];
      for (int col = 0; col < p; col++) {
        for (int j = col; j >= 0; j--) {
          double v = j == col ? 1.0 : 0.0;
          for (int k = j + 1; k <= col; k++) {
            v -= a[j * p + k] * inv[k * p + col];
          }
          inv[j * p + col] = v / a[j * p + j];
        }
      }
      double[] v = new double[p * p];
      for (int i = 0; i < p; i++) {
        for (int j = 0; j < p; j++) {
          double s = 0;
          for (int k = Math.max(i, j); k < p; k++) {
            s += inv[i * p + k] * inv[j * p + k];
          }
          v[i * p + j] = s;
        }
      }
      out.rxInverse = v;
    }
    return crit;
  }
}
