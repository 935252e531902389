package io.candor.model.mixture;

/**
 * The EM algorithm for a K-class growth mixture (Dempster, Laird &amp; Rubin 1977) on
 * {@link ClientBlocks}, with exact M-steps.
 *
 * <p><b>LCGA.</b> The E-step gives each client's class posteriors τ_ij ∝ π_j(w_i) f_j(y_i), with
 * f_j the product of the client's normal densities around class j's curve. The M-step is weighted
 * least squares per class, β_j = (Σ τ_ij XᵢᵀXᵢ)⁻¹ Σ τ_ij Xᵢᵀyᵢ, and the maximum-likelihood residual
 * variance σ_j² = Σ τ_ij |yᵢ − Xᵢβ_j|² / Σ τ_ij n_i (pooled over classes when common). Both come
 * from the weighted sums of the clients' sufficient statistics, so an iteration costs O(N K) with
 * no per-observation work.
 *
 * <p><b>GMM.</b> Within class j, y_i ~ N(Xᵢβ_j, ZᵢD_jZᵢᵀ + σ_j²I) with Z the first one or two
 * columns of X; the class posteriors use this exact marginal density, computed from the blocks
 * with the Woodbury identity (L = chol(D), S = I + LᵀZᵀZL/σ²: log|V| = n log σ² + log|S| and
 * rᵀV⁻¹r = (rᵀr − rᵀZ L S⁻¹ Lᵀ Zᵀr / σ²) / σ², valid for singular D). The random effects are
 * treated as missing data too (Celeux, Martin &amp; Lavergne 2005): given class j their posterior
 * is N(b̂, V) with b̂ = L S⁻¹ Lᵀ Zᵀr / σ² and V = L S⁻¹ Lᵀ, and the complete-data M-step is exact:
 * β_j from weighted least squares on y − Zb̂, D_j = Σ τ (b̂b̂ᵀ + V) / Σ τ and
 * σ_j² = Σ τ (|y − Xβ_j − Zb̂|² + tr(ZᵀZ V)) / Σ τ n. Everything that depends on the design only
 * (S, its determinant, L S⁻¹ Lᵀ) is computed once per design pattern and class.
 *
 * <p><b>Membership.</b> Without covariates π_j = Σ_i τ_ij / N. With covariates the M-step
 * maximises Σ τ_ij log softmax_j(η_j · w_i) by Newton's method with step halving (a concave
 * problem, solved to convergence from the previous η).
 *
 * <p><b>Stopping.</b> After each E-step, with log-likelihoods ℓ_t, ℓ_{t−1}, ℓ_{t−2}: stop when the
 * last increase and Aitken's estimate of the distance to the limit (McNicholas et al. 2010),
 * (ℓ_t − ℓ_{t−1}) / (1 − a), a = (ℓ_t − ℓ_{t−1}) / (ℓ_{t−1} − ℓ_{t−2}), are both at most
 * tol · (1 + |ℓ_t|). The parameters returned are the ones the last log-likelihood was computed at.
 * {@link #run} is plain EM (the short runs of the random starts); {@link #runAccelerated} adds
 * SQUAREM extrapolation with a monotonicity safeguard (the final-stage runs).
 *
 * <p>Not thread-safe: one engine per thread (it holds the posteriors and scratch arrays).
 */
final class Em {

  /** Why a run stopped without a proper solution. */
  enum Failure {
    /** A class lost (almost) all its clients, or its curve is not identified by their times. */
    EMPTY_CLASS,
    /** A residual variance collapsed to zero (a class fits a few clients exactly). */
    ZERO_RESIDUAL_SD,
    /** The log-likelihood was not finite. */
    NON_FINITE
  }

  /** Result of one run. */
  record Run(Params params, double logLik, int iterations, boolean converged, Failure failure,
      int decreases) {}

  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final double[] ONE = {1};
  /** A class whose expected size is below this share of the clients counts as empty. */
  static final double EMPTY_WEIGHT = 1e-8;
  /** A residual variance below this share of the outcome's variance counts as collapsed. */
  static final double COLLAPSED_VARIANCE = 1e-12;

  final ClientBlocks b;
  final int k;
  final int q;
  private final boolean perClassSigma;
  private final boolean perClassD;
  private final double tol;
  /**
   * Multiplies each estimated residual variance: 1 for maximum likelihood; n / (n − p) reproduces
   * flexmix's FLXMRglm M-step (used by the tests to show that the two fixed points differ by this
   * factor only).
   */
  double varianceScale = 1;
  private final int len;
  private final int p;
  private final int cw;

  /** Posteriors of the last E-step, m × k. */
  final double[] tau;

  private final double[] t; // k * len: Σ τ s_i
  private final double[] ty; // k: Σ τ yᵀy
  private final double[] txy; // k * p: Σ τ Xᵀy
  private final double[] om; // patterns * k: Σ τ per pattern
  private final double[] ob; // patterns * k * q: Σ τ b̂ per pattern (GMM)
  private final double[] obb; // patterns * k * q(q+1)/2: Σ τ b̂b̂ᵀ per pattern (GMM)
  private final double[] bzy; // k: Σ τ b̂ᵀZᵀy (GMM)
  private final double[] cst; // patterns * k: design part of the LCGA log-density
  private final double[] hy; // k: LCGA coefficient of yᵀy
  private final double[] hx0; // k: LCGA coefficients of Xᵀy
  private final double[] hx1;
  private final double[] hx2;
  private final double[] wsum; // k
  private final double[] cvec; // k * p (GMM)
  private final double[] syy; // k (GMM)
  private final double[] ebb; // k * q * q (GMM)
  private final double[] h; // k * len: LCGA log-density coefficients, or GMM rss coefficients
  private final double[] logPrior; // k (no covariates)
  private final double[] lf; // k
  private final double[] bh; // k * q
  private final double[] patConst;
  private final double[] patR;
  private final double[] patTr;
  private final double[] patXb;
  private final double[] scratchA;
  private final double[] scratchB;
  private final double[] scratchRhs;
  private final double[] scratchL = new double[4];
  private final Membership membership;

  Em(ClientBlocks b, int k, int q, boolean perClassSigma, boolean perClassD, double tol) {
    this.b = b;
    this.k = k;
    this.q = q;
    this.perClassSigma = perClassSigma;
    this.perClassD = perClassD;
    this.tol = tol;
    this.len = b.len;
    this.p = b.p;
    this.cw = b.cw;
    this.tau = new double[b.m * k];
    this.t = new double[k * len];
    this.ty = new double[k];
    this.txy = new double[k * b.p];
    this.om = new double[b.patterns * k];
    this.ob = new double[b.patterns * k * q];
    this.obb = new double[b.patterns * k * (q * (q + 1) / 2)];
    this.bzy = new double[k];
    this.cst = new double[b.patterns * k];
    this.hy = new double[k];
    this.hx0 = new double[k];
    this.hx1 = new double[k];
    this.hx2 = new double[k];
    if (b.p < 2 || b.p > 3) {
      throw new IllegalStateException("the fitter handles 2 or 3 curve terms, not " + b.p);
    }
    this.wsum = new double[k];
    this.cvec = new double[k * p];
    this.syy = new double[k];
    this.ebb = new double[k * q * q];
    this.h = new double[k * len];
    this.logPrior = new double[k];
    this.lf = new double[k];
    this.bh = new double[k * Math.max(q, 1)];
    int pg = b.patterns;
    this.patConst = q == 0 ? null : new double[k * pg];
    this.patR = q == 0 ? null : new double[k * pg * q * q];
    this.patTr = q == 0 ? null : new double[k * pg];
    this.patXb = q == 0 ? null : new double[k * pg * q];
    this.scratchA = new double[p * p];
    this.scratchB = new double[p];
    this.scratchRhs = new double[p];
    this.membership = cw > 1 ? new Membership(b, k) : null;
  }

  /** Runs EM from {@code start} (modified in place) for at most {@code maxIter} iterations. */
  Run run(Params th, int maxIter) {
    double l2 = Double.NaN;
    double l1 = Double.NaN;
    int decreases = 0;
    for (int it = 0; it < maxIter; it++) {
      double l = estep(th);
      if (!Double.isFinite(l)) {
        return new Run(th, l, it + 1, false, Failure.NON_FINITE, decreases);
      }
      if (!Double.isNaN(l1)) {
        double delta = l - l1;
        double eps = tol * (1 + Math.abs(l));
        if (delta < -eps) {
          decreases++;
        }
        if (Math.abs(delta) <= eps) {
          boolean done;
          if (delta <= 0 || Double.isNaN(l2)) {
            done = delta <= 0;
          } else {
            double a = delta / (l1 - l2);
            done = a > 0 && a < 1 ? delta / (1 - a) <= eps : a <= 0;
          }
          if (done) {
            return new Run(th, l, it + 1, true, null, decreases);
          }
        }
      }
      Failure f = mstep(th);
      if (f != null) {
        return new Run(th, l, it + 1, false, f, decreases);
      }
      l2 = l1;
      l1 = l;
    }
    double l = estep(th);
    return new Run(th, l, maxIter, false, Double.isFinite(l) ? null : Failure.NON_FINITE,
        decreases);
  }

  /**
   * Runs EM from {@code th} (modified in place), accelerated by SQUAREM (Varadhan &amp; Roland
   * 2008, scheme S3 with their adaptive step bound): two EM steps θ1 = F(θ0), θ2 = F(θ1), the
   * extrapolation θ' = θ0 − 2α r + α² v with r = θ1 − θ0, v = θ2 − 2θ1 + θ0 and
   * α = −|r| / |v| (at most −1), then an EM step from θ'. The extrapolation is kept only if
   * ℓ(θ') ≥ ℓ(θ2), so the log-likelihood never decreases; otherwise the run goes on from θ2. The
   * parameters are extrapolated as β, log σ², the Cholesky factor of D and the membership logits,
   * which keeps every extrapolated point valid. Convergence is judged on the plain EM steps of a
   * cycle, as in {@link #run}. {@code maxSteps} counts E-steps (passes over the data).
   */
  Run runAccelerated(Params th, int maxSteps) {
    int n = vectorLength(th);
    double[][] v = new double[3][n]; // θ0, θ1 = F(θ0), θ2 = F(θ1)
    double[] ll = new double[3];
    double[] vx = new double[n];
    double stepMax = 1;
    int steps = 0;
    int decreases = 0;
    boolean pending = false; // θ0 came from an extrapolation: keep it only if it beats ℓ(θ2)
    double fallback = Double.NaN;
    while (true) {
      for (int s = 0; s < 3; s++) {
        if (s > 0) {
          Failure f = mstep(th);
          if (f != null) {
            return new Run(th, ll[s - 1], steps, false, f, decreases);
          }
        }
        ll[s] = estep(th);
        steps++;
        if (s == 0 && pending && !(ll[0] >= fallback)) {
          // the extrapolation and its EM step ended below θ2: go on from θ2 instead
          unpack(v[2], th);
          stepMax = Math.max(1, stepMax / 4);
          ll[0] = estep(th);
          steps++;
        }
        if (s == 0) {
          pending = false;
        } else if (ll[s] < ll[s - 1] - tol * (1 + Math.abs(ll[s]))) {
          decreases++;
        }
        if (!Double.isFinite(ll[s])) {
          return new Run(th, ll[s], steps, false, Failure.NON_FINITE, decreases);
        }
        if (s == 2 && converged(ll[0], ll[1], ll[2])) {
          return new Run(th, ll[2], steps, true, null, decreases);
        }
        if (steps >= maxSteps) {
          return new Run(th, ll[s], steps, false, null, decreases);
        }
        pack(th, v[s]);
      }
      double rr = 0;
      double ww = 0;
      for (int a = 0; a < n; a++) {
        double r = v[1][a] - v[0][a];
        double w = v[2][a] - 2 * v[1][a] + v[0][a];
        rr += r * r;
        ww += w * w;
      }
      double alpha = ww > 0 ? -Math.sqrt(rr / ww) : Double.NEGATIVE_INFINITY;
      alpha = Math.min(-1, Math.max(alpha, -stepMax));
      if (alpha == -stepMax) {
        stepMax *= 4;
      }
      if (alpha == -1) {
        // the extrapolation is θ2 itself: a plain EM step from the sums already computed
        Failure f = mstep(th);
        if (f != null) {
          return new Run(th, ll[2], steps, false, f, decreases);
        }
        continue;
      }
      for (int a = 0; a < n; a++) {
        double r = v[1][a] - v[0][a];
        double w = v[2][a] - 2 * v[1][a] + v[0][a];
        vx[a] = v[0][a] - 2 * alpha * r + alpha * alpha * w;
      }
      unpack(vx, th);
      double lx = estep(th);
      steps++;
      if (Double.isFinite(lx) && mstep(th) == null) {
        pending = true; // the next cycle starts from F(θ')
        fallback = ll[2];
        continue;
      }
      stepMax = Math.max(1, stepMax / 4);
      unpack(v[2], th);
    }
  }

  private boolean converged(double l0, double l1, double l2) {
    double delta = l2 - l1;
    double eps = tol * (1 + Math.abs(l2));
    if (Math.abs(delta) > eps) {
      return false;
    }
    if (delta <= 0) {
      return true;
    }
    double a = delta / (l1 - l0);
    return a > 0 && a < 1 ? delta / (1 - a) <= eps : a <= 0;
  }

  private int vectorLength(Params th) {
    int qk = q * (q + 1) / 2;
    return k * (p + 1 + qk + cw);
  }

  /** θ as (β, log σ², Cholesky factor of D, η). */
  private void pack(Params th, double[] v) {
    int o = 0;
    System.arraycopy(th.beta, 0, v, o, k * p);
    o += k * p;
    for (int j = 0; j < k; j++) {
      v[o++] = Math.log(th.sigma2[j]);
    }
    for (int j = 0; j < k; j++) {
      if (q == 1) {
        v[o++] = Math.sqrt(Math.max(0, th.d[j]));
      } else if (q == 2) {
        Dense.semiCholesky(th.d, j * 4, 2, scratchL);
        v[o++] = scratchL[0];
        v[o++] = scratchL[2];
        v[o++] = scratchL[3];
      }
    }
    System.arraycopy(th.eta, 0, v, o, k * cw);
  }

  private void unpack(double[] v, Params th) {
    int o = 0;
    System.arraycopy(v, o, th.beta, 0, k * p);
    o += k * p;
    for (int j = 0; j < k; j++) {
      th.sigma2[j] = Math.exp(v[o++]);
    }
    for (int j = 0; j < k; j++) {
      if (q == 1) {
        double l = v[o++];
        th.d[j] = l * l;
      } else if (q == 2) {
        double l00 = v[o++];
        double l10 = v[o++];
        double l11 = v[o++];
        th.d[j * 4] = l00 * l00;
        th.d[j * 4 + 1] = l00 * l10;
        th.d[j * 4 + 2] = l00 * l10;
        th.d[j * 4 + 3] = l10 * l10 + l11 * l11;
      }
    }
    System.arraycopy(v, o, th.eta, 0, k * cw);
  }

  /**
   * One E-step at {@code th}: fills {@link #tau} and the M-step sums; returns the log-likelihood.
   * Terms that depend on a client's design only are computed once per design pattern, and the
   * design parts of the M-step sums are gathered per pattern, so the work per client and class is
   * a few multiplications and one exponential.
   */
  double estep(Params th) {
    java.util.Arrays.fill(wsum, 0);
    java.util.Arrays.fill(ty, 0);
    java.util.Arrays.fill(txy, 0);
    java.util.Arrays.fill(om, 0);
    if (q > 0) {
      java.util.Arrays.fill(ob, 0);
      java.util.Arrays.fill(obb, 0);
      java.util.Arrays.fill(bzy, 0);
    }
    prepare(th);
    final double[] s = b.s;
    final double[] w = b.w;
    final int[] pattern = b.pattern;
    final int m = b.m;
    final int kk = k;
    final int pp = p;
    final int qq = q;
    final int qb = q * (q + 1) / 2;
    double ll = 0;
    for (int i = 0; i < m; i++) {
      int o = i * len;
      int g = pattern[i];
      if (cw == 1) {
        for (int j = 0; j < kk; j++) {
          lf[j] = logPrior[j];
        }
      } else {
        priorLogits(th, w, i * cw, lf);
      }
      double yy = s[o + ClientBlocks.YY];
      double x0 = s[o + ClientBlocks.XY];
      double x1 = s[o + ClientBlocks.XY + 1];
      double x2 = pp == 3 ? s[o + ClientBlocks.XY + 2] : 0;
      if (qq == 0) {
        int co = g * kk;
        for (int j = 0; j < kk; j++) {
          lf[j] += cst[co + j] + hy[j] * yy + hx0[j] * x0 + hx1[j] * x1 + hx2[j] * x2;
        }
      } else {
        gmmDensities(th, i, o, g, yy);
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < kk; j++) {
        if (lf[j] > max) {
          max = lf[j];
        }
      }
      double sum = 0;
      for (int j = 0; j < kk; j++) {
        double e = Math.exp(lf[j] - max);
        lf[j] = e;
        sum += e;
      }
      ll += max + Math.log(sum);
      double inv = 1 / sum;
      int to = i * kk;
      for (int j = 0; j < kk; j++) {
        double r = lf[j] * inv;
        tau[to + j] = r;
        if (r == 0) {
          continue;
        }
        wsum[j] += r;
        om[g * kk + j] += r;
        ty[j] += r * yy;
        txy[j * pp] += r * x0;
        txy[j * pp + 1] += r * x1;
        if (pp == 3) {
          txy[j * pp + 2] += r * x2;
        }
        if (qq > 0) {
          int gb = (g * kk + j);
          if (qq == 1) {
            double b0 = bh[j];
            ob[gb] += r * b0;
            obb[gb] += r * b0 * b0;
            bzy[j] += r * b0 * s[o + ClientBlocks.XY];
          } else {
            double b0 = bh[2 * j];
            double b1 = bh[2 * j + 1];
            ob[2 * gb] += r * b0;
            ob[2 * gb + 1] += r * b1;
            obb[3 * gb] += r * b0 * b0;
            obb[3 * gb + 1] += r * b0 * b1;
            obb[3 * gb + 2] += r * b1 * b1;
            bzy[j] += r * (b0 * s[o + ClientBlocks.XY] + b1 * s[o + ClientBlocks.XY + 1]);
          }
        }
      }
    }
    gather(th, qb);
    return ll;
  }

  /** Turns the per-pattern sums into the M-step sums. */
  private void gather(Params th, int qb) {
    java.util.Arrays.fill(t, 0);
    double[] pd = b.patternDesign;
    int pk = b.pk;
    for (int j = 0; j < k; j++) {
      int ao = j * len;
      t[ao + ClientBlocks.YY] = ty[j];
      for (int a = 0; a < p; a++) {
        t[ao + ClientBlocks.XY + a] = txy[j * p + a];
      }
      for (int g = 0; g < b.patterns; g++) {
        double r = om[g * k + j];
        if (r == 0) {
          continue;
        }
        int go = g * len;
        t[ao + ClientBlocks.N] += r * pd[go + ClientBlocks.N];
        for (int a = 0; a < pk; a++) {
          t[ao + b.xx + a] += r * pd[go + b.xx + a];
        }
      }
    }
    if (q == 0) {
      return;
    }
    java.util.Arrays.fill(cvec, 0);
    java.util.Arrays.fill(syy, 0);
    java.util.Arrays.fill(ebb, 0);
    for (int j = 0; j < k; j++) {
      double s2 = th.sigma2[j];
      for (int a = 0; a < p; a++) {
        cvec[j * p + a] = txy[j * p + a];
      }
      double sy = ty[j] - 2 * bzy[j];
      int eo = j * q * q;
      for (int g = 0; g < b.patterns; g++) {
        int gb = g * k + j;
        double r = om[gb];
        if (r == 0) {
          continue;
        }
        int xo = g * len + b.xx;
        int at = j * b.patterns + g;
        int ro = at * q * q;
        if (q == 1) {
          double sb = ob[gb];
          for (int a = 0; a < p; a++) {
            cvec[j * p + a] -= pd[xo + Dense.packedIndex(p, a, 0)] * sb;
          }
          sy += pd[xo] * obb[gb] + r * patTr[at];
          ebb[eo] += obb[gb] + r * s2 * patR[ro];
        } else {
          double sb0 = ob[2 * gb];
          double sb1 = ob[2 * gb + 1];
          for (int a = 0; a < p; a++) {
            cvec[j * p + a] -= pd[xo + Dense.packedIndex(p, a, 0)] * sb0
                + pd[xo + Dense.packedIndex(p, a, 1)] * sb1;
          }
          double c00 = obb[3 * gb];
          double c01 = obb[3 * gb + 1];
          double c11 = obb[3 * gb + 2];
          sy += pd[xo] * c00 + 2 * pd[xo + 1] * c01 + pd[xo + p] * c11 + r * patTr[at];
          ebb[eo] += c00 + r * s2 * patR[ro];
          ebb[eo + 1] += c01 + r * s2 * patR[ro + 1];
          ebb[eo + 2] += c01 + r * s2 * patR[ro + 2];
          ebb[eo + 3] += c11 + r * s2 * patR[ro + 3];
        }
      }
      syy[j] = sy;
    }
  }

  private void priorLogits(Params th, double[] w, int wo, double[] out) {
    Params.logPriors(th.eta, k, cw, w, wo, out);
  }

  /** Per-iteration precomputation: density coefficients, priors, pattern terms. */
  private void prepare(Params th) {
    if (cw == 1) {
      Params.logPriors(th.eta, k, 1, ONE, 0, logPrior);
    }
    for (int j = 0; j < k; j++) {
      rssCoefficients(th.beta, j * p, p, h, j * len);
      if (q == 0) {
        double s2 = th.sigma2[j];
        double f = -0.5 / s2;
        for (int a = 0; a < len; a++) {
          h[j * len + a] *= f;
        }
        h[j * len + ClientBlocks.N] = -0.5 * (LOG_2PI + Math.log(s2));
      }
      hy[j] = h[j * len + ClientBlocks.YY];
      hx0[j] = h[j * len + ClientBlocks.XY];
      hx1[j] = h[j * len + ClientBlocks.XY + 1];
      hx2[j] = p == 3 ? h[j * len + ClientBlocks.XY + 2] : 0;
    }
    double[] pd = b.patternDesign;
    for (int g = 0; g < b.patterns; g++) {
      int go = g * len;
      for (int j = 0; j < k; j++) {
        int ho = j * len;
        double v = h[ho + ClientBlocks.N] * pd[go + ClientBlocks.N];
        for (int a = b.xx; a < len; a++) {
          v += h[ho + a] * pd[go + a];
        }
        cst[g * k + j] = v;
        if (q > 0) {
          patternTerms(th, j, pd, go, j * b.patterns + g);
        }
      }
    }
  }

  /**
   * The vector c with cᵀs_i = |yᵢ − Xᵢβ|² (the n entry 0): yᵀy − 2βᵀXᵀy + βᵀXᵀXβ.
   */
  static void rssCoefficients(double[] beta, int bo, int p, double[] out, int oo) {
    out[oo + ClientBlocks.N] = 0;
    out[oo + ClientBlocks.YY] = 1;
    int idx = oo + 2 + p;
    for (int j = 0; j < p; j++) {
      double bj = beta[bo + j];
      out[oo + ClientBlocks.XY + j] = -2 * bj;
      out[idx++] = bj * bj;
      for (int l = j + 1; l < p; l++) {
        out[idx++] = 2 * bj * beta[bo + l];
      }
    }
  }

  /**
   * GMM terms that depend on the design only, for class j and the design at {@code design[o..]}:
   * the constant −½(n log 2πσ² + log|S|), R = L S⁻¹ Lᵀ / σ² (so b̂ = R Zᵀr and the quadratic
   * correction is rᵀZ R Zᵀr), tr(ZᵀZ V) with V = σ² R, and (XᵀXβ) restricted to Z's columns.
   */
  private void patternTerms(Params th, int j, double[] design, int o, int at) {
    double s2 = th.sigma2[j];
    double n = design[o + ClientBlocks.N];
    int xo = o + 2 + p;
    double[] l = scratchL;
    Dense.semiCholesky(th.d, j * q * q, q, l);
    double g00 = design[xo];
    double logDetS;
    int ro = at * q * q;
    if (q == 1) {
      double l0 = l[0];
      double sv = 1 + l0 * l0 * g00 / s2;
      logDetS = Math.log(sv);
      double r = l0 * l0 / (sv * s2);
      patR[ro] = r;
      patTr[at] = g00 * s2 * r;
    } else {
      double g01 = design[xo + 1];
      double g11 = design[xo + p];
      double l00 = l[0];
      double l10 = l[2];
      double l11 = l[3];
      // M = Lᵀ G L with L = [[l00, 0], [l10, l11]]
      double gl00 = g00 * l00 + g01 * l10;
      double gl01 = g01 * l11;
      double gl10 = g01 * l00 + g11 * l10;
      double gl11 = g11 * l11;
      double m00 = l00 * gl00 + l10 * gl10;
      double m01 = l00 * gl01 + l10 * gl11;
      double m11 = l11 * gl11;
      double s00 = 1 + m00 / s2;
      double s01 = m01 / s2;
      double s11 = 1 + m11 / s2;
      double det = s00 * s11 - s01 * s01;
      logDetS = Math.log(det);
      double i00 = s11 / det;
      double i01 = -s01 / det;
      double i11 = s00 / det;
      // L S⁻¹ Lᵀ
      double a00 = l00 * i00 * l00;
      double a01 = l00 * (i00 * l10 + i01 * l11);
      double a11 = l10 * (i00 * l10 + i01 * l11) + l11 * (i01 * l10 + i11 * l11);
      patR[ro] = a00 / s2;
      patR[ro + 1] = a01 / s2;
      patR[ro + 2] = a01 / s2;
      patR[ro + 3] = a11 / s2;
      patTr[at] = g00 * a00 + 2 * g01 * a01 + g11 * a11;
    }
    // the pattern part of the residual sum of squares (βᵀXᵀXβ) goes into the constant
    int bo = j * p;
    patConst[at] = -0.5 * (n * (LOG_2PI + Math.log(s2)) + logDetS)
        - 0.5 * Dense.quadratic(design, xo, p, th.beta, bo) / s2;
    for (int a = 0; a < q; a++) {
      double v = 0;
      for (int r = 0; r < p; r++) {
        v += design[xo + Dense.packedIndex(p, a, r)] * th.beta[bo + r];
      }
      patXb[at * q + a] = v;
    }
  }

  private void gmmDensities(Params th, int i, int o, int g, double yy) {
    final double[] s = b.s;
    for (int j = 0; j < k; j++) {
      int bo = j * p;
      double lin = yy;
      for (int a = 0; a < p; a++) {
        lin -= 2 * th.beta[bo + a] * s[o + ClientBlocks.XY + a];
      }
      int at = j * b.patterns + g;
      int ro = at * q * q;
      double quad;
      if (q == 1) {
        double zr = s[o + ClientBlocks.XY] - patXb[at];
        double bhat = patR[ro] * zr;
        bh[j] = bhat;
        quad = zr * bhat;
      } else {
        double zr0 = s[o + ClientBlocks.XY] - patXb[at * 2];
        double zr1 = s[o + ClientBlocks.XY + 1] - patXb[at * 2 + 1];
        double b0 = patR[ro] * zr0 + patR[ro + 1] * zr1;
        double b1 = patR[ro + 2] * zr0 + patR[ro + 3] * zr1;
        bh[2 * j] = b0;
        bh[2 * j + 1] = b1;
        quad = zr0 * b0 + zr1 * b1;
      }
      lf[j] += patConst[at] - 0.5 * (lin - quad) / th.sigma2[j];
    }
  }

  /** One M-step from the sums of the last E-step; null on success. */
  Failure mstep(Params th) {
    double rssTotal = 0;
    double rowsTotal = 0;
    double[] rss = new double[k];
    double floor = COLLAPSED_VARIANCE * b.yVariance;
    for (int j = 0; j < k; j++) {
      if (!(wsum[j] > EMPTY_WEIGHT * b.m)) {
        return Failure.EMPTY_CLASS;
      }
      int ao = j * len;
      Dense.unpack(t, ao + 2 + p, p, scratchA);
      if (!Dense.cholesky(scratchA, p, 1e-10)) {
        return Failure.EMPTY_CLASS;
      }
      double syyj;
      if (q == 0) {
        System.arraycopy(t, ao + ClientBlocks.XY, scratchB, 0, p);
        syyj = t[ao + ClientBlocks.YY];
      } else {
        System.arraycopy(cvec, j * p, scratchB, 0, p);
        syyj = syy[j];
      }
      double[] rhs = scratchRhs;
      System.arraycopy(scratchB, 0, rhs, 0, p);
      Dense.cholSolve(scratchA, p, scratchB);
      double fit = 0;
      for (int a = 0; a < p; a++) {
        th.beta[j * p + a] = scratchB[a];
        fit += scratchB[a] * rhs[a];
      }
      rss[j] = syyj - fit;
      double nrows = t[ao + ClientBlocks.N];
      rssTotal += rss[j];
      rowsTotal += nrows;
      if (perClassSigma) {
        double s2 = varianceScale * rss[j] / nrows;
        if (!(s2 > floor)) {
          return Failure.ZERO_RESIDUAL_SD;
        }
        th.sigma2[j] = s2;
      }
    }
    if (!perClassSigma) {
      double s2 = varianceScale * rssTotal / rowsTotal;
      if (!(s2 > floor)) {
        return Failure.ZERO_RESIDUAL_SD;
      }
      java.util.Arrays.fill(th.sigma2, s2);
    }
    if (q > 0) {
      int qq = q * q;
      if (perClassD) {
        for (int j = 0; j < k; j++) {
          for (int a = 0; a < qq; a++) {
            th.d[j * qq + a] = ebb[j * qq + a] / wsum[j];
          }
        }
      } else {
        for (int a = 0; a < qq; a++) {
          double v = 0;
          for (int j = 0; j < k; j++) {
            v += ebb[j * qq + a];
          }
          v /= b.m;
          for (int j = 0; j < k; j++) {
            th.d[j * qq + a] = v;
          }
        }
      }
    }
    if (cw == 1) {
      for (int j = 0; j < k; j++) {
        th.eta[j] = Math.log(wsum[j] / b.m);
      }
    } else {
      membership.maximise(tau, th.eta);
    }
    return null;
  }

  /**
   * After an E-step over a block of one client: the posterior mean of that client's random
   * effects given class j (q values).
   */
  double[] randomMean(int j) {
    return java.util.Arrays.copyOfRange(bh, j * q, j * q + q);
  }

  /**
   * After an E-step over a block of one client: the posterior covariance of that client's random
   * effects given class j (q × q, row-major).
   */
  double[] randomCovariance(Params th, int j) {
    int at = j * b.patterns + b.pattern[0];
    double[] v = new double[q * q];
    for (int a = 0; a < q * q; a++) {
      v[a] = th.sigma2[j] * patR[at * q * q + a];
    }
    return v;
  }
}
