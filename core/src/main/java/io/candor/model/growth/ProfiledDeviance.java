package io.candor.model.growth;

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
  private final double[] zz; // per client: q=1 {s}, q=2 {s00, s01, s11}
  private final double[] zx; // per client: q * p, row-major (z-index major)
  private final double[] zy; // per client: q
  private final double[] xx; // p * p
  private final double[] xy; // p
  private final double yty;
  private final int[] counts;

  // scratch
  private final double[] a;
  private final double[] rhs;
  private final double[] r0;
  private final double[] r1;

  ProfiledDeviance(GrowthModel model, GrowthData data) {
    this.n = data.size();
    this.m = data.clientCount();
    this.p = model.termNames().size();
    this.q = model.random().size();
    this.reml = model.estimation() == Estimation.REML;
    int zzLen = q == 1 ? 1 : 3;
    zz = new double[m * zzLen];
    zx = new double[m * q * p];
    zy = new double[m * q];
    xx = new double[p * p];
    xy = new double[p];
    counts = new int[m];
    int[] start = data.starts();
    double[] t = data.timeArray();
    double[] y = data.scoreArray();
    double sum = 0;
    for (double v : y) {
      sum += v;
    }
    double mean = sum / n;
    yMean = mean;
    double[] covs = new double[data.covariateNames().size()];
    int[] covIndex = model.covariateIndices(data);
    double[] x = new double[p];
    double ytyAcc = 0;
    for (int c = 0; c < m; c++) {
      for (int k = 0; k < covIndex.length; k++) {
        covs[k] = data.covariate(covIndex[k], c);
      }
      counts[c] = start[c + 1] - start[c];
      int zxo = c * q * p;
      for (int i = start[c]; i < start[c + 1]; i++) {
        model.designRow(t[i], covs, x);
        double yi = y[i] - mean;
        ytyAcc += yi * yi;
        for (int j = 0; j < p; j++) {
          double xj = x[j];
          xy[j] += xj * yi;
          for (int k = j; k < p; k++) {
            xx[j * p + k] += xj * x[k];
          }
        }
        if (q == 1) {
          zz[c] += 1;
          zy[c] += yi;
          for (int j = 0; j < p; j++) {
            zx[zxo + j] += x[j];
          }
        } else {
          double s = x[1]; // first time term
          zz[3 * c] += 1;
          zz[3 * c + 1] += s;
          zz[3 * c + 2] += s * s;
          zy[2 * c] += yi;
          zy[2 * c + 1] += s * yi;
          for (int j = 0; j < p; j++) {
            zx[zxo + j] += x[j];
            zx[zxo + p + j] += s * x[j];
          }
        }
      }
    }
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < j; k++) {
        xx[j * p + k] = xx[k * p + j];
      }
    }
    yty = ytyAcc;
    a = new double[p * p];
    rhs = new double[p];
    r0 = new double[p];
    r1 = new double[p];
  }

  /** XᵀX (symmetric, p × p, row-major; a copy). */
  double[] xtx() {
    return xx.clone();
  }

  /** Number of observations of client c. */
  int count(int c) {
    return counts[c];
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
    System.arraycopy(xx, 0, a, 0, p * p);
    System.arraycopy(xy, 0, rhs, 0, p);
    double cc = 0;
    double logDet = 0;
    double prod = 1;
    if (q == 1) {
      double t0 = theta[0];
      for (int c = 0; c < m; c++) {
        double l = Math.sqrt(t0 * t0 * zz[c] + 1);
        prod *= l;
        if (prod > 1e100) {
          logDet += Math.log(prod);
          prod = 1;
        }
        double cu = t0 * zy[c] / l;
        cc += cu * cu;
        int o = c * p;
        double f = t0 / l;
        for (int j = 0; j < p; j++) {
          r0[j] = f * zx[o + j];
        }
        for (int j = 0; j < p; j++) {
          double rj = r0[j];
          rhs[j] -= rj * cu;
          int row = j * p;
          for (int k = j; k < p; k++) {
            a[row + k] -= rj * r0[k];
          }
        }
      }
    } else {
      double ta = theta[0];
      double tb = theta[1];
      double tc = theta[2];
      for (int c = 0; c < m; c++) {
        int zo = 3 * c;
        double s00 = zz[zo];
        double s01 = zz[zo + 1];
        double s11 = zz[zo + 2];
        double m00 = ta * ta * s00 + 2 * ta * tb * s01 + tb * tb * s11 + 1;
        double m01 = tc * (ta * s01 + tb * s11);
        double m11 = tc * tc * s11 + 1;
        double l00 = Math.sqrt(m00);
        double i00 = 1 / l00;
        double l10 = m01 * i00;
        double l11 = Math.sqrt(m11 - l10 * l10);
        double i11 = 1 / l11;
        // log|L_i| accumulated as a product (each factor >= 1), flushed before it can overflow
        prod *= l00 * l11;
        if (prod > 1e100) {
          logDet += Math.log(prod);
          prod = 1;
        }
        double y0 = zy[2 * c];
        double y1 = zy[2 * c + 1];
        double cu0 = (ta * y0 + tb * y1) * i00;
        double cu1 = (tc * y1 - l10 * cu0) * i11;
        cc += cu0 * cu0 + cu1 * cu1;
        int o = c * 2 * p;
        for (int j = 0; j < p; j++) {
          double x0 = zx[o + j];
          double x1 = zx[o + p + j];
          double v0 = (ta * x0 + tb * x1) * i00;
          r0[j] = v0;
          r1[j] = (tc * x1 - l10 * v0) * i11;
        }
        for (int j = 0; j < p; j++) {
          double aj = r0[j];
          double bj = r1[j];
          rhs[j] -= aj * cu0 + bj * cu1;
          int row = j * p;
          for (int k = j; k < p; k++) {
            a[row + k] -= aj * r0[k] + bj * r1[k];
          }
        }
      }
    }
    logDet = 2 * (logDet + Math.log(prod));
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

  /**
   * The client's conditional modes b_i = Λu_i and the conditional covariance factor: returns
   * {b0, b1, v00, v11, v01} where V = Λ(ΛᵀZᵢᵀZᵢΛ + I)⁻¹Λᵀ (to be multiplied by σ²).
   */
  double[] clientEffects(int c, double[] theta, double[] betaCentred) {
    if (q == 1) {
      double t0 = theta[0];
      double mm = t0 * t0 * zz[c] + 1;
      double r = zy[c];
      int o = c * p;
      for (int j = 0; j < p; j++) {
        r -= zx[o + j] * betaCentred[j];
      }
      double u = t0 * r / mm;
      return new double[] {t0 * u, 0, t0 * t0 / mm, 0, 0};
    }
    double ta = theta[0];
    double tb = theta[1];
    double tc = theta[2];
    int zo = 3 * c;
    double s00 = zz[zo];
    double s01 = zz[zo + 1];
    double s11 = zz[zo + 2];
    double m00 = ta * ta * s00 + 2 * ta * tb * s01 + tb * tb * s11 + 1;
    double m01 = tc * (ta * s01 + tb * s11);
    double m11 = tc * tc * s11 + 1;
    int o = c * 2 * p;
    double e0 = zy[2 * c];
    double e1 = zy[2 * c + 1];
    for (int j = 0; j < p; j++) {
      e0 -= zx[o + j] * betaCentred[j];
      e1 -= zx[o + p + j] * betaCentred[j];
    }
    // w = Λᵀ Zᵀ (y − Xβ); u = M⁻¹ w; b = Λ u
    double w0 = ta * e0 + tb * e1;
    double w1 = tc * e1;
    double det = m00 * m11 - m01 * m01;
    double i00 = m11 / det;
    double i01 = -m01 / det;
    double i11 = m00 / det;
    double u0 = i00 * w0 + i01 * w1;
    double u1 = i01 * w0 + i11 * w1;
    double b0 = ta * u0;
    double b1 = tb * u0 + tc * u1;
    // V = Λ M⁻¹ Λᵀ with Λ = [[ta,0],[tb,tc]]
    double v00 = ta * ta * i00;
    double v01 = ta * (tb * i00 + tc * i01);
    double v11 = tb * tb * i00 + 2 * tb * tc * i01 + tc * tc * i11;
    return new double[] {b0, b1, v00, v11, v01};
  }
}
