package io.candor.model.growth;

import io.candor.internal.SmallCholesky;

/**
 * The lme4 profiled deviance of a linear mixed model whose groups (clients) may be nested in
 * clusters (therapists), computed from per-group sufficient statistics.
 *
 * <p>In lme4's terms the model is {@code y ~ X + (z | group)}, or with clusters
 * {@code y ~ X + (1 | cluster) + (z | cluster:group)}, where z = (1) or (1, x_s) for one column
 * x_s of X (the first time term of a growth model). With relative covariance factor Λ(θ) the model
 * is y = Xβ + ZΛu + ε, u ~ N(0, σ²I), ε ~ N(0, σ²I), and the criterion needs the Cholesky factor
 * L of ΛᵀZᵀZΛ + I (Bates, Mächler, Bolker &amp; Walker 2015, §3).
 *
 * <p>Because groups are nested in clusters, ΛᵀZᵀZΛ + I is block diagonal with one block per
 * cluster, and each block is an arrow: the groups' q × q blocks A_i = Λ_cᵀZ_iᵀZ_iΛ_c + I on the
 * diagonal, the cluster's 1 × 1 block C = λ_t² n_cluster + 1 in the corner, and the cross terms
 * B_i = λ_t Λ_cᵀZ_iᵀ1 between them. Eliminating each group's block first and then the cluster's
 * gives the factor exactly, with no fill-in: L_i = chol(A_i), F_i = L_i⁻¹B_i, and the cluster's
 * pivot l² = C − Σ F_iᵀF_i. The rows of L⁻¹ΛᵀZᵀX and L⁻¹ΛᵀZᵀy follow by the same forward
 * substitution: R_i = L_i⁻¹Λ_cᵀZ_iᵀX_i and R_t = (λ_t 1ᵀX − Σ F_iᵀR_i)/l (likewise c_i, c_t).
 * Then RXᵀRX = XᵀX − ΣR_iᵀR_i − ΣR_tᵀR_t, c_β = RX⁻ᵀ(Xᵀy − ΣR_iᵀc_i − ΣR_tᵀc_t), the penalised
 * residual sum of squares is r² = yᵀy − Σ|c_i|² − Σc_t² − |c_β|², and
 *
 * <pre>
 *   ML deviance  = log|L|² + n (1 + log(2π r² / n))
 *   REML crit.   = log|L|² + log|RX|² + (n − p)(1 + log(2π r² / (n − p)))
 * </pre>
 *
 * where log|L|² = Σ_i log|L_i|² + Σ_clusters log l². One evaluation costs O(N q² p + K p² + p³)
 * for N groups in K clusters: linear in the number of rows' groups, with no N × N matrix. The
 * outcome is centred on its mean first (exact, because the intercept is in X).
 *
 * <p>θ is ordered as lme4 orders it: the group-level factor's entries first (1 for a random
 * intercept; 3, the lower triangle of Λ_c by columns, for intercept and slope), then the cluster's
 * λ_t.
 *
 * <p>Not thread-safe (scratch arrays); one instance per fit.
 */
final class ProfiledDeviance implements ThetaOptimiser.Criterion {

  /** Supplies the fixed-effect design row of one observation. */
  interface Rows {
    /**
     * Writes the design row of observation {@code row}, which belongs to group {@code group}.
     *
     * @param group the group (client) index
     * @param row the row index in group order
     * @param out destination of length p
     */
    void fill(int group, int row, double[] out);
  }

  final int n;
  final int m;
  final int p;
  final int q;
  final boolean reml;
  final double yMean;
  /** Number of clusters, 0 when the model has no cluster level. */
  final int k;
  private final double[] zz; // per group: q=1 {s}, q=2 {s00, s01, s11}
  private final double[] zx; // per group: q * p, row-major (z-index major)
  private final double[] zy; // per group: q
  private final double[] xx; // p * p
  private final double[] xy; // p
  private final double[] xxDiagonal; // the diagonal of XᵀX, the scale of the pivots
  private final double yty;
  private final int[] counts;
  // The statistics are stored by slot: the groups of cluster 0 first, then those of cluster 1 ...
  // (without clusters, slot = group), so that one evaluation reads memory in order.
  private final int[] slotOf; // group -> slot (null: identity)
  private final int[] groupOf; // slot -> group (null: identity)
  private final int[] clusterStart; // slots of cluster j: clusterStart[j] .. clusterStart[j+1]-1
  private final int[] clusterCounts; // observations per cluster

  // scratch
  private final double[] a;
  private final double[] rhs;
  private final double[] r0;
  private final double[] r1;
  private final double[] xt;

  /**
   * Accumulates the sufficient statistics.
   *
   * @param p number of fixed effects (column 0 is the intercept)
   * @param q 1 (random intercept) or 2 (random intercept and slope on column {@code slopeColumn})
   * @param slopeColumn the column of X the random slope multiplies (ignored for q = 1)
   * @param reml REML criterion or ML deviance
   * @param groupStart rows of group g are {@code groupStart[g] .. groupStart[g+1]-1}
   * @param y the outcome, in group order
   * @param rows the design
   * @param clusterOf each group's cluster index (0 .. clusters−1), or null for no cluster level
   * @param clusters number of clusters (ignored when {@code clusterOf} is null)
   */
  ProfiledDeviance(int p, int q, int slopeColumn, boolean reml, int[] groupStart, double[] y,
      Rows rows, int[] clusterOf, int clusters) {
    this.m = groupStart.length - 1;
    this.n = groupStart[m];
    this.p = p;
    this.q = q;
    this.reml = reml;
    int zzLen = q == 1 ? 1 : 3;
    zz = new double[m * zzLen];
    zx = new double[m * q * p];
    zy = new double[m * q];
    xx = new double[p * p];
    xy = new double[p];
    counts = new int[m];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += y[i];
    }
    double mean = sum / n;
    yMean = mean;
    if (clusterOf == null) {
      k = 0;
      clusterStart = new int[] {0, m};
      clusterCounts = null;
      slotOf = null;
      groupOf = null;
    } else {
      k = clusters;
      clusterStart = new int[k + 1];
      clusterCounts = new int[k];
      for (int c = 0; c < m; c++) {
        clusterStart[clusterOf[c] + 1]++;
        clusterCounts[clusterOf[c]] += groupStart[c + 1] - groupStart[c];
      }
      for (int j = 0; j < k; j++) {
        clusterStart[j + 1] += clusterStart[j];
      }
      slotOf = new int[m];
      groupOf = new int[m];
      int[] next = java.util.Arrays.copyOf(clusterStart, k);
      for (int c = 0; c < m; c++) {
        slotOf[c] = next[clusterOf[c]]++;
        groupOf[slotOf[c]] = c;
      }
    }
    double[] x = new double[p];
    double ytyAcc = 0;
    for (int g = 0; g < m; g++) {
      int c = slotOf == null ? g : slotOf[g];
      counts[c] = groupStart[g + 1] - groupStart[g];
      int zxo = c * q * p;
      for (int i = groupStart[g]; i < groupStart[g + 1]; i++) {
        rows.fill(g, i, x);
        double yi = y[i] - mean;
        ytyAcc += yi * yi;
        for (int j = 0; j < p; j++) {
          double xj = x[j];
          xy[j] += xj * yi;
          for (int l = j; l < p; l++) {
            xx[j * p + l] += xj * x[l];
          }
        }
        if (q == 1) {
          zz[c] += 1;
          zy[c] += yi;
          for (int j = 0; j < p; j++) {
            zx[zxo + j] += x[j];
          }
        } else {
          double s = x[slopeColumn];
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
    yty = ytyAcc; // xx: upper triangle only, as every reader (SmallCholesky) uses it
    xxDiagonal = SmallCholesky.diagonal(xx, p);
    a = new double[p * p];
    rhs = new double[p];
    r0 = new double[p];
    r1 = new double[p];
    xt = new double[p];
  }

  /** Number of θ parameters: 1 or 3 at the group level, plus 1 for a cluster level. */
  int thetaCount() {
    return (q == 1 ? 1 : 3) + (k > 0 ? 1 : 0);
  }

  /** Number of observations of group g. */
  int count(int g) {
    return counts[slotOf == null ? g : slotOf[g]];
  }

  /** Number of observations in cluster j. */
  int clusterCount(int j) {
    return clusterCounts[j];
  }

  /** Number of groups in cluster j. */
  int clusterSize(int j) {
    return clusterStart[j + 1] - clusterStart[j];
  }

  /**
   * Throws if a fixed-effect term is (almost) a linear combination of the terms before it, by a
   * Cholesky factorisation of XᵀX with a relative pivot tolerance of 1e-10.
   *
   * @param names the terms' names, for the message
   * @throws IllegalArgumentException naming the first such term
   */
  void checkRank(java.util.List<String> names) {
    int j = SmallCholesky.factor(xx.clone(), p, xxDiagonal, 1e-10);
    if (j >= 0) {
      throw new IllegalArgumentException("term " + names.get(j) + " is (almost) a linear"
          + " combination of the terms before it " + names.subList(0, j)
          + "; its effect cannot be estimated from these data");
    }
  }

  /** The criterion at θ (REML criterion or ML deviance); +∞ if RX is not positive definite. */
  @Override
  public double evaluate(double[] theta) {
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
    boolean clustered = k > 0;
    double lt = clustered ? theta[thetaCount() - 1] : 0;
    int blocks = clustered ? k : m;
    double ta = theta[0];
    double tb = q == 2 ? theta[1] : 0;
    double tc = q == 2 ? theta[2] : 0;
    for (int block = 0; block < blocks; block++) {
      int from = clustered ? clusterStart[block] : block;
      int to = clustered ? clusterStart[block + 1] : block + 1;
      double pivot = 0;
      double yt = 0;
      if (clustered) {
        pivot = lt * lt * clusterCounts[block] + 1;
        java.util.Arrays.fill(xt, 0);
      }
      for (int c = from; c < to; c++) {
        if (q == 1) {
          double s = zz[c];
          double l = Math.sqrt(ta * ta * s + 1);
          // log|L_i| accumulated as a product (each factor >= 1), flushed before it can overflow
          prod *= l;
          if (prod > 1e100) {
            logDet += Math.log(prod);
            prod = 1;
          }
          double il = 1 / l;
          double cu = ta * zy[c] * il;
          cc += cu * cu;
          int o = c * p;
          double f = ta * il;
          for (int j = 0; j < p; j++) {
            r0[j] = f * zx[o + j];
          }
          for (int j = 0; j < p; j++) {
            double rj = r0[j];
            rhs[j] -= rj * cu;
            int row = j * p;
            for (int l2 = j; l2 < p; l2++) {
              a[row + l2] -= rj * r0[l2];
            }
          }
          if (clustered) {
            double f0 = lt * ta * s * il;
            pivot -= f0 * f0;
            yt += lt * zy[c] - f0 * cu;
            for (int j = 0; j < p; j++) {
              xt[j] += lt * zx[o + j] - f0 * r0[j];
            }
          }
        } else {
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
            for (int l2 = j; l2 < p; l2++) {
              a[row + l2] -= aj * r0[l2] + bj * r1[l2];
            }
          }
          if (clustered) {
            // F_i = L_i⁻¹ λ_t Λ_cᵀ Z_iᵀ1, with Z_iᵀ1 = (s00, s01)
            double f0 = lt * (ta * s00 + tb * s01) * i00;
            double f1 = (lt * tc * s01 - l10 * f0) * i11;
            pivot -= f0 * f0 + f1 * f1;
            yt += lt * y0 - (f0 * cu0 + f1 * cu1);
            for (int j = 0; j < p; j++) {
              xt[j] += lt * zx[o + j] - (f0 * r0[j] + f1 * r1[j]);
            }
          }
        }
      }
      if (clustered) {
        // the cluster's pivot is 1 + λ_t² 1ᵀ(I + Z_cΛ_cΛ_cᵀZ_cᵀ)⁻¹1 >= 1
        double l = Math.sqrt(pivot);
        prod *= l;
        if (prod > 1e100) {
          logDet += Math.log(prod);
          prod = 1;
        }
        double il = 1 / l;
        double ct = yt * il;
        cc += ct * ct;
        for (int j = 0; j < p; j++) {
          xt[j] *= il;
        }
        for (int j = 0; j < p; j++) {
          double rj = xt[j];
          rhs[j] -= rj * ct;
          int row = j * p;
          for (int l2 = j; l2 < p; l2++) {
            a[row + l2] -= rj * xt[l2];
          }
        }
      }
    }
    logDet = 2 * (logDet + Math.log(prod));
    return finish(a, rhs, p, xxDiagonal, yty, cc, logDet, n, reml, out);
  }

  /**
   * The criterion from RXᵀRX (in {@code a}, upper triangle; factored in place), the right-hand side
   * {@code rhs} (solved in place), Σ|c|², log|L|², yᵀy and n; fills {@code out} when given. Shared
   * by both criteria ({@link StatisticsDeviance} computes the sums from statistics).
   *
   * @return the REML criterion or ML deviance; +∞ if RX is not positive definite or the penalised
   *     residual sum of squares is not positive
   */
  static double finish(double[] a, double[] rhs, int p, double[] xxDiagonal, double yty,
      double cc, double logDet, int n, boolean reml, Solution out) {
    // Cholesky of a (upper triangle used): a = RXᵀ RX, RX upper triangular stored in a.
    if (SmallCholesky.factor(a, p, xxDiagonal, 1e-12) >= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double logDetRx = 0;
    for (int j = 0; j < p; j++) {
      logDetRx += Math.log(a[j * p + j]);
    }
    logDetRx *= 2;
    // c_beta = RX^{-T} rhs
    SmallCholesky.forward(a, p, rhs);
    double cb2 = 0;
    for (int j = 0; j < p; j++) {
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
      out.beta = SmallCholesky.backward(a, p, rhs);
      out.rxInverse = SmallCholesky.inverse(a, p);
    }
    return crit;
  }

  /**
   * The conditional modes of the random effects (lme4's {@code ranef}) and their conditional
   * covariances (lme4's {@code condVar}, to be multiplied by σ²), at θ and the centred β.
   */
  static final class Effects {
    /** Per group: b0, b1 (0 for q = 1). */
    final double[] groupB;
    /** Per group: v00, v11, v01 of Λ_c Var(u_i) Λ_cᵀ / σ². */
    final double[] groupV;
    /** Per cluster: the intercept's conditional mode (empty without clusters). */
    final double[] clusterB;
    /** Per cluster: its conditional variance / σ². */
    final double[] clusterV;

    Effects(int m, int k) {
      groupB = new double[2 * m];
      groupV = new double[3 * m];
      clusterB = new double[k];
      clusterV = new double[k];
    }
  }

  /**
   * Solves (ΛᵀZᵀZΛ + I)u = ΛᵀZᵀ(y − Xβ) block by block, as the criterion factors it, and
   * returns b = Λu with the diagonal blocks of Λ(ΛᵀZᵀZΛ + I)⁻¹Λᵀ. For a group i in a cluster with
   * pivot l² the diagonal blocks of the inverse are 1/l² for the cluster and A_i⁻¹ + g_i g_iᵀ/l²
   * for the group, where g_i = A_i⁻¹B_i.
   */
  Effects effects(double[] theta, double[] betaCentred) {
    Effects e = new Effects(m, k);
    boolean clustered = k > 0;
    double lt = clustered ? theta[thetaCount() - 1] : 0;
    double ta = theta[0];
    double tb = q == 2 ? theta[1] : 0;
    double tc = q == 2 ? theta[2] : 0;
    int blocks = clustered ? k : m;
    // per group in the block: L_i (l00, l10, l11), z_i, F_i
    double[] fac = new double[7 * m];
    for (int block = 0; block < blocks; block++) {
      int from = clustered ? clusterStart[block] : block;
      int to = clustered ? clusterStart[block + 1] : block + 1;
      double pivot = clustered ? lt * lt * clusterCounts[block] + 1 : 1;
      double wt = 0;
      for (int c = from; c < to; c++) {
        double s00;
        double s01;
        double s11;
        double e0;
        double e1;
        if (q == 1) {
          s00 = zz[c];
          s01 = 0;
          s11 = 0;
          e0 = zy[c];
          int o = c * p;
          for (int j = 0; j < p; j++) {
            e0 -= zx[o + j] * betaCentred[j];
          }
          e1 = 0;
        } else {
          s00 = zz[3 * c];
          s01 = zz[3 * c + 1];
          s11 = zz[3 * c + 2];
          e0 = zy[2 * c];
          e1 = zy[2 * c + 1];
          int o = c * 2 * p;
          for (int j = 0; j < p; j++) {
            e0 -= zx[o + j] * betaCentred[j];
            e1 -= zx[o + p + j] * betaCentred[j];
          }
        }
        double m00 = ta * ta * s00 + 2 * ta * tb * s01 + tb * tb * s11 + 1;
        double m01 = tc * (ta * s01 + tb * s11);
        double m11 = tc * tc * s11 + 1;
        double l00 = Math.sqrt(m00);
        double l10 = m01 / l00;
        double l11 = Math.sqrt(m11 - l10 * l10);
        // w = Λ_cᵀ Zᵀ(y − Xβ); z = L⁻¹w
        double w0 = ta * e0 + tb * e1;
        double w1 = tc * e1;
        double z0 = w0 / l00;
        double z1 = (w1 - l10 * z0) / l11;
        double f0 = lt * (ta * s00 + tb * s01) / l00;
        double f1 = (lt * tc * s01 - l10 * f0) / l11;
        pivot -= f0 * f0 + f1 * f1;
        wt += lt * e0 - (f0 * z0 + f1 * z1);
        int fo = 7 * c;
        fac[fo] = l00;
        fac[fo + 1] = l10;
        fac[fo + 2] = l11;
        fac[fo + 3] = z0;
        fac[fo + 4] = z1;
        fac[fo + 5] = f0;
        fac[fo + 6] = f1;
      }
      double ut = 0;
      if (clustered) {
        double zt = wt / Math.sqrt(pivot);
        ut = zt / Math.sqrt(pivot);
        e.clusterB[block] = lt * ut;
        e.clusterV[block] = lt * lt / pivot;
      }
      for (int c = from; c < to; c++) {
        int g = groupOf == null ? c : groupOf[c];
        int fo = 7 * c;
        double l00 = fac[fo];
        double l10 = fac[fo + 1];
        double l11 = fac[fo + 2];
        double f0 = fac[fo + 5];
        double f1 = fac[fo + 6];
        // u_i = L_i⁻ᵀ(z_i − F_i u_t)
        double v0 = fac[fo + 3] - f0 * ut;
        double v1 = fac[fo + 4] - f1 * ut;
        double u1 = v1 / l11;
        double u0 = (v0 - l10 * u1) / l00;
        e.groupB[2 * g] = ta * u0;
        e.groupB[2 * g + 1] = tb * u0 + tc * u1;
        // A⁻¹ = L⁻ᵀL⁻¹; with L⁻¹ = [[1/l00, 0], [−l10/(l00 l11), 1/l11]]
        double n00 = 1 / l00;
        double n10 = -l10 / (l00 * l11);
        double n11 = 1 / l11;
        double i00 = n00 * n00 + n10 * n10;
        double i01 = n10 * n11;
        double i11 = n11 * n11;
        if (clustered) {
          // g = L⁻ᵀF
          double g1 = f1 * n11;
          double g0 = f0 * n00 + f1 * n10;
          i00 += g0 * g0 / pivot;
          i01 += g0 * g1 / pivot;
          i11 += g1 * g1 / pivot;
        }
        // Λ_c V Λ_cᵀ with Λ_c = [[ta, 0], [tb, tc]]
        e.groupV[3 * g] = ta * ta * i00;
        e.groupV[3 * g + 1] = tb * tb * i00 + 2 * tb * tc * i01 + tc * tc * i11;
        e.groupV[3 * g + 2] = ta * (tb * i00 + tc * i01);
      }
    }
    return e;
  }
}
