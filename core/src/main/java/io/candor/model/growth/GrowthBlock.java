package io.candor.model.growth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The sufficient statistics of one set of clients ({@link GrowthRows}, normally one bucket) for a
 * growth model, and the parts of the profiled criterion they contribute at a given θ (see {@link
 * ProfiledDeviance} for the algebra). Per client it keeps ZᵢᵀZᵢ, ZᵢᵀXᵢ, Zᵢᵀyᵢ and the count, so its
 * size is a few dozen numbers per client whatever the number of rows.
 *
 * <p>The arrays returned by {@link #totals()} and {@link #criterionTerms(double[])} are opaque:
 * combine the parts of all blocks with {@link #mergeTotals(double[], double[])} and {@link
 * #add(double[], double[])}, starting from the lowest bucket and going up, and hand the results to
 * the fitter through {@link GrowthStatistics}. Doing so in bucket order gives the same bits wherever
 * the blocks were computed.
 *
 * <p>Immutable and thread-safe.
 */
public final class GrowthBlock {

  // totals layout: p, k, n, m, yty, minTime, maxTime, slopeClients, minFirst, maxFirst, xy[p],
  // xx[p*p] (upper triangle filled; the fitter reads no other), covMin[k], covMax[k]
  static final int T_P = 0;
  static final int T_K = 1;
  static final int T_N = 2;
  static final int T_M = 3;
  static final int T_YTY = 4;
  static final int T_MIN_TIME = 5;
  static final int T_MAX_TIME = 6;
  static final int T_SLOPE_CLIENTS = 7;
  static final int T_MIN_FIRST = 8;
  static final int T_MAX_FIRST = 9;
  static final int T_XY = 10;

  private final int p;
  private final int q;
  private final int k;
  private final String[] clients;
  private final int[] counts;
  private final double[] zz; // per client: q=1 {s}, q=2 {s00, s01, s11}
  private final double[] zx; // per client: q * p, row-major (z-index major)
  private final double[] zy; // per client: q
  private final double[] totals;
  // Models without covariates (p = 2): clients seen at the same times have the same design
  // (ZᵢᵀZᵢ and ZᵢᵀXᵢ, compared bit for bit) and hence the same factor L_i at any θ; the clients'
  // outcome sums enter the criterion through their sums and cross-products by design only; see
  // criterionTerms(double[], double[]).
  private final double[] designs; // distinct designs, DESIGN_WIDTH(q) each: zz then zx; null if p != 2
  private final double[] outcomes; // per design, outcomeWidth(q): see outcomeSums
  private final int[] ownDesigns; // 0, 1, ... : each design's factor in a factor array of its own

  GrowthBlock(GrowthModel model, GrowthRows rows, double centre) {
    this.p = model.termNames().size();
    this.q = model.random().size();
    List<String> names = model.covariates();
    this.k = names.size();
    int[] covIndex = new int[k];
    for (int j = 0; j < k; j++) {
      covIndex[j] = rows.covariateNames.indexOf(names.get(j));
      if (covIndex[j] < 0) {
        throw new IllegalArgumentException("covariate " + names.get(j)
            + " is not in the data; the data have " + rows.covariateNames);
      }
    }
    int m = rows.clients.length;
    int n = rows.size;
    clients = rows.clients;
    counts = new int[m];
    int zzLen = q == 1 ? 1 : 3;
    zz = new double[m * zzLen];
    zx = new double[m * q * p];
    zy = new double[m * q];
    double[] xx = new double[p * p];
    double[] xy = new double[p];
    double[] covMin = new double[k];
    double[] covMax = new double[k];
    java.util.Arrays.fill(covMin, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(covMax, Double.NEGATIVE_INFINITY);
    RowSums sums = new RowSums();
    if (p == 2) {
      twoTermSums(model.basis(), rows, centre, xx, xy, sums);
    } else {
      generalSums(model, rows, covIndex, centre, xx, xy, covMin, covMax, sums);
    }
    double ytyAcc = sums.yty;
    double minTime = sums.minTime;
    double maxTime = sums.maxTime;
    double minFirst = sums.minFirst;
    double maxFirst = sums.maxFirst;
    int slopeClients = sums.slopeClients;
    totals = new double[T_XY + p + p * p + 2 * k];
    totals[T_P] = p;
    totals[T_K] = k;
    totals[T_N] = n;
    totals[T_M] = m;
    totals[T_YTY] = ytyAcc;
    totals[T_MIN_TIME] = minTime;
    totals[T_MAX_TIME] = maxTime;
    totals[T_SLOPE_CLIENTS] = slopeClients;
    totals[T_MIN_FIRST] = minFirst;
    totals[T_MAX_FIRST] = maxFirst;
    System.arraycopy(xy, 0, totals, T_XY, p);
    System.arraycopy(xx, 0, totals, T_XY + p, p * p);
    System.arraycopy(covMin, 0, totals, T_XY + p + p * p, k);
    System.arraycopy(covMax, 0, totals, T_XY + p + p * p + k, k);
    if (p != 2) {
      designs = null;
      outcomes = null;
      ownDesigns = null;
      return;
    }
    int width = designWidth(q);
    double[] keys = new double[m * width];
    for (int c = 0; c < m; c++) {
      System.arraycopy(zz, c * zzLen, keys, c * width, zzLen);
      System.arraycopy(zx, c * q * p, keys, c * width + zzLen, q * p);
    }
    int[] designOf = new int[m];
    int count = group(keys, width, m, designOf);
    designs = new double[count * width];
    for (int c = 0; c < m; c++) {
      System.arraycopy(keys, c * width, designs, designOf[c] * width, width);
    }
    outcomes = outcomeSums(count, designOf);
    ownDesigns = new int[count];
    for (int d = 0; d < count; d++) {
      ownDesigns[d] = d;
    }
  }

  /**
   * What both ways of summing a block's rows report besides the cross-products: Σy², the time
   * range, the range of the clients' first scores and how many clients have a slope. The per-row
   * accumulators stay in the loops' locals and are handed over once ({@link #rows}).
   */
  private static final class RowSums {
    double yty;
    double minTime = Double.POSITIVE_INFINITY;
    double maxTime = Double.NEGATIVE_INFINITY;
    double minFirst = Double.POSITIVE_INFINITY;
    double maxFirst = Double.NEGATIVE_INFINITY;
    int slopeClients;

    /** Client c's row count and first score (rows are in canonical order: earliest first). */
    void client(int c, GrowthRows rows, int[] counts) {
      counts[c] = rows.end[c] - rows.start[c];
      double first = rows.score[rows.start[c]];
      minFirst = Math.min(minFirst, first);
      maxFirst = Math.max(maxFirst, first);
    }

    void rows(double ytyOfRows, double minTimeOfRows, double maxTimeOfRows) {
      yty = ytyOfRows;
      minTime = minTimeOfRows;
      maxTime = maxTimeOfRows;
    }
  }

  /**
   * Adds every row of the block to the per-client sums and to XᵀX, Xᵀy, with a design row per
   * observation (any model).
   */
  private void generalSums(GrowthModel model, GrowthRows rows, int[] covIndex, double centre,
      double[] xx, double[] xy, double[] covMin, double[] covMax, RowSums sums) {
    int m = rows.clients.length;
    double[] covs = new double[k];
    double[] x = new double[p];
    double ytyAcc = 0;
    double minTime = Double.POSITIVE_INFINITY;
    double maxTime = Double.NEGATIVE_INFINITY;
    int[] start = rows.start;
    int[] end = rows.end;
    double[] t = rows.time;
    double[] y = rows.score;
    for (int c = 0; c < m; c++) {
      for (int j = 0; j < k; j++) {
        covs[j] = rows.covariates[covIndex[j]][c];
        covMin[j] = Math.min(covMin[j], covs[j]);
        covMax[j] = Math.max(covMax[j], covs[j]);
      }
      sums.client(c, rows, counts);
      double firstTerm = 0;
      boolean slope = false;
      int zxo = c * q * p;
      for (int i = start[c]; i < end[c]; i++) {
        minTime = Math.min(minTime, t[i]);
        maxTime = Math.max(maxTime, t[i]);
        model.designRow(t[i], covs, x); // x[1] is the basis's first term
        if (i == start[c]) {
          firstTerm = x[1];
        } else if (!slope && x[1] != firstTerm) {
          slope = true;
        }
        double yi = y[i] - centre;
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
      if (slope) {
        sums.slopeClients++;
      }
    }
    sums.rows(ytyAcc, minTime, maxTime);
  }

  /**
   * {@link #generalSums} for the usual model, x = (1, s) with s the basis's first term: the same
   * sums with the same operations in the same order (a product with x0 = 1 is exact), the
   * client's in locals and without a design row per observation.
   */
  private void twoTermSums(TimeBasis basis, GrowthRows rows, double centre, double[] xx,
      double[] xy, RowSums sums) {
    int m = rows.clients.length;
    double ytyAcc = 0;
    double minTime = Double.POSITIVE_INFINITY;
    double maxTime = Double.NEGATIVE_INFINITY;
    int[] start = rows.start;
    int[] end = rows.end;
    double[] t = rows.time;
    double[] y = rows.score;
    for (int c = 0; c < m; c++) {
      sums.client(c, rows, counts);
      double firstTerm = 0;
      boolean slope = false;
      int zxo = c * q * p;
      double zz1 = 0;
      double zz2 = 0;
      double zy0 = 0;
      double zy1 = 0;
      double zx0 = 0;
      double zx1 = 0;
      double zx3 = 0;
      int from = start[c];
      int to = end[c];
      for (int i = from; i < to; i++) {
        double ti = t[i];
        minTime = Math.min(minTime, ti);
        maxTime = Math.max(maxTime, ti);
        double s = basis.firstTerm(ti);
        if (i == from) {
          firstTerm = s;
        } else if (!slope && s != firstTerm) {
          slope = true;
        }
        double yi = y[i] - centre;
        ytyAcc += yi * yi;
        xy[0] += yi;
        xx[0] += 1;
        xx[1] += s;
        xy[1] += s * yi;
        xx[3] += s * s;
        zy0 += yi;
        zx0 += 1;
        zx1 += s;
        if (q == 2) {
          zz1 += s;
          zz2 += s * s;
          zy1 += s * yi;
          zx3 += s * s;
        }
      }
      if (q == 1) {
        zz[c] = zx0;
        zy[c] = zy0;
        zx[zxo] = zx0;
        zx[zxo + 1] = zx1;
      } else {
        zz[3 * c] = zx0;
        zz[3 * c + 1] = zz1;
        zz[3 * c + 2] = zz2;
        zy[2 * c] = zy0;
        zy[2 * c + 1] = zy1;
        zx[zxo] = zx0;
        zx[zxo + 1] = zx1;
        zx[zxo + 2] = zz1; // Σ s·1
        zx[zxo + 3] = zx3;
      }
      if (slope) {
        sums.slopeClients++;
      }
    }
    sums.rows(ytyAcc, minTime, maxTime);
  }

  /**
   * Doubles per design in the outcome sums: q = 1 {clients n, Σ Zᵢᵀyᵢ, √n·mean, √(scatter)}; q =
   * 2 {n, Σ Zᵢᵀyᵢ (2), √n·mean (2), the lower Cholesky factor of the scatter (r00, r10, r11)}.
   */
  private static int outcomeWidth(int q) {
    return q == 1 ? 4 : 8;
  }

  /**
   * Each design's outcome sums ({@link #outcomeWidth}) over its clients w_i = Zᵢᵀyᵢ: Σw_i for the
   * linear terms, and for Σ|K w_i|² (with K the design's factor at θ) the decomposition Σw_iw_iᵀ =
   * n·w̄w̄ᵀ + Σ(w_i − w̄)(w_i − w̄)ᵀ = uuᵀ + RRᵀ, u = √n·w̄ and R the Cholesky factor of the
   * scatter, so that Σ|K w_i|² = |Ku|² + ‖KR‖², a sum of squares like the client-by-client sum
   * and as accurate (no cancellation between products). The scatter is taken about the mean (two
   * passes), so it does not lose digits to a large mean.
   */
  private double[] outcomeSums(int count, int[] designOf) {
    int m = designOf.length;
    int ow = outcomeWidth(q);
    double[] out = new double[count * ow];
    double[] scatter = new double[count * 3];
    for (int c = 0; c < m; c++) {
      int o = designOf[c] * ow;
      out[o] += 1;
      out[o + 1] += zy[q * c];
      if (q == 2) {
        out[o + 2] += zy[2 * c + 1];
      }
    }
    for (int c = 0; c < m; c++) {
      int d = designOf[c];
      int o = d * ow;
      double e0 = zy[q * c] - out[o + 1] / out[o];
      scatter[3 * d] += e0 * e0;
      if (q == 2) {
        double e1 = zy[2 * c + 1] - out[o + 2] / out[o];
        scatter[3 * d + 1] += e0 * e1;
        scatter[3 * d + 2] += e1 * e1;
      }
    }
    for (int d = 0; d < count; d++) {
      int o = d * ow;
      double n = out[o];
      double root = Math.sqrt(n);
      if (q == 1) {
        out[o + 2] = out[o + 1] / n * root;
        out[o + 3] = Math.sqrt(scatter[3 * d]);
        continue;
      }
      out[o + 3] = out[o + 1] / n * root;
      out[o + 4] = out[o + 2] / n * root;
      double r00 = Math.sqrt(scatter[3 * d]);
      double r10 = r00 > 0 ? scatter[3 * d + 1] / r00 : 0;
      out[o + 5] = r00;
      out[o + 6] = r10;
      out[o + 7] = Math.sqrt(Math.max(0, scatter[3 * d + 2] - r10 * r10));
    }
    return out;
  }

  /**
   * Numbers the distinct rows of {@code keys} (m rows of {@code width} doubles, compared bit for
   * bit) in order of first appearance, by open addressing.
   *
   * @return the number of distinct rows; {@code groupOf[c]} holds row c's number
   */
  static int group(double[] keys, int width, int m, int[] groupOf) {
    int capacity = Integer.highestOneBit(Math.max(2, m) * 2 - 1) * 2;
    int[] table = new int[capacity];
    java.util.Arrays.fill(table, -1);
    int[] first = new int[m];
    int count = 0;
    for (int c = 0; c < m; c++) {
      long h = 0;
      for (int j = 0; j < width; j++) {
        h = (h + Double.doubleToRawLongBits(keys[c * width + j])) * 0x9E3779B97F4A7C15L;
      }
      int slot = (int) (h ^ (h >>> 32)) & (capacity - 1);
      while (true) {
        int g = table[slot];
        if (g < 0) {
          table[slot] = count;
          first[count] = c;
          groupOf[c] = count++;
          break;
        }
        if (sameRow(keys, width, first[g], c)) {
          groupOf[c] = g;
          break;
        }
        slot = (slot + 1) & (capacity - 1);
      }
    }
    return count;
  }

  private static boolean sameRow(double[] keys, int width, int a, int b) {
    for (int j = 0; j < width; j++) {
      if (Double.doubleToRawLongBits(keys[a * width + j])
          != Double.doubleToRawLongBits(keys[b * width + j])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Number of clients in the block.
   *
   * @return at least 1
   */
  public int clientCount() {
    return clients.length;
  }

  /**
   * This block's totals: counts, cross-products of the fixed-effects design and the centred
   * outcome, and the ranges the fitter checks before fitting.
   *
   * @return a new opaque array
   */
  public double[] totals() {
    return totals.clone();
  }

  /**
   * Totals of two sets of blocks: counts and cross-products added, ranges widened.
   *
   * @param a totals of the blocks so far (lower buckets)
   * @param b totals of the next block
   * @return a new array
   * @throws IllegalArgumentException if the arrays come from different models
   */
  public static double[] mergeTotals(double[] a, double[] b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.length != b.length) {
      throw new IllegalArgumentException("totals of different models (" + a.length + " and "
          + b.length + " entries)");
    }
    if (a[T_P] != b[T_P] || a[T_K] != b[T_K]) {
      throw new IllegalArgumentException("totals of different models");
    }
    int p = (int) a[T_P];
    int k = (int) a[T_K];
    double[] out = new double[a.length];
    out[T_P] = p;
    out[T_K] = k;
    for (int i = T_N; i < T_XY + p + p * p; i++) {
      out[i] = a[i] + b[i];
    }
    out[T_MIN_TIME] = Math.min(a[T_MIN_TIME], b[T_MIN_TIME]);
    out[T_MAX_TIME] = Math.max(a[T_MAX_TIME], b[T_MAX_TIME]);
    out[T_MIN_FIRST] = Math.min(a[T_MIN_FIRST], b[T_MIN_FIRST]);
    out[T_MAX_FIRST] = Math.max(a[T_MAX_FIRST], b[T_MAX_FIRST]);
    int lo = T_XY + p + p * p;
    for (int j = 0; j < k; j++) {
      out[lo + j] = Math.min(a[lo + j], b[lo + j]);
      out[lo + k + j] = Math.max(a[lo + k + j], b[lo + k + j]);
    }
    return out;
  }

  /**
   * The totals of all blocks, merged in increasing bucket order.
   *
   * @param totalsByBucket each non-empty bucket's {@link #totals()}
   * @return the merged totals
   * @throws IllegalArgumentException if there are none or they come from different models
   */
  public static double[] mergeTotals(SortedMap<Integer, double[]> totalsByBucket) {
    double[] sum = null;
    for (double[] t : nonEmpty(totalsByBucket).values()) {
      sum = sum == null ? t.clone() : mergeTotals(sum, t);
    }
    return sum;
  }

  /**
   * The criterion terms of all blocks, added in increasing bucket order starting from zeros.
   *
   * @param termsByBucket each non-empty bucket's {@link #criterionTerms(double[])}
   * @return the sum
   * @throws IllegalArgumentException if there are none or they differ in length
   */
  public static double[] sumTerms(SortedMap<Integer, double[]> termsByBucket) {
    double[] sum = null;
    for (double[] t : nonEmpty(termsByBucket).values()) {
      sum = sum == null ? new double[t.length] : sum;
      add(sum, t);
    }
    return sum;
  }

  private static SortedMap<Integer, double[]> nonEmpty(SortedMap<Integer, double[]> parts) {
    Objects.requireNonNull(parts, "parts");
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("no blocks: the data have no rows");
    }
    return parts;
  }

  /**
   * Adds a block's part to a running sum, entry by entry: {@code sum[i] += part[i]}.
   *
   * @param sum the running sum (changed)
   * @param part the next block's part
   * @throws IllegalArgumentException if the lengths differ
   */
  public static void add(double[] sum, double[] part) {
    Objects.requireNonNull(sum, "sum");
    Objects.requireNonNull(part, "part");
    if (sum.length != part.length) {
      throw new IllegalArgumentException("parts of different models (" + sum.length + " and "
          + part.length + " entries)");
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] += part[i];
    }
  }

  /**
   * This block's part of the profiled criterion at θ: Σ log|L_i|, Σ|c_i|², ΣR_iᵀc_i and the upper
   * triangle of ΣR_iᵀR_i over its clients.
   *
   * @param theta the relative covariance factor (1 or 3 entries, as the model's random part)
   * @return a new opaque array of {@code 2 + p + p²} entries
   * @throws IllegalArgumentException if θ has the wrong length
   */
  public double[] criterionTerms(double[] theta) {
    Objects.requireNonNull(theta, "theta");
    if (theta.length != (q == 1 ? 1 : 3)) {
      throw new IllegalArgumentException("theta must have " + (q == 1 ? 1 : 3) + " entries, had "
          + theta.length);
    }
    double[] out = new double[termCount()];
    criterionTerms(theta, out);
    return out;
  }

  /** Length of {@link #criterionTerms(double[])}: {@code 2 + p + p²}. */
  int termCount() {
    return 2 + p + p * p;
  }

  /**
   * {@link #criterionTerms(double[])} into {@code out} (overwritten; {@link #termCount()} long)
   * without allocating, for a fitter that evaluates the criterion many times.
   *
   * <p>Models without covariates (p = 2, the usual growth model) share the work of clients with
   * the same design: clients seen at the same times have the same ZᵢᵀZᵢ and ZᵢᵀXᵢ and hence the
   * same factor L_i, so the square roots and divisions are taken once per design ({@link
   * #factor}). A client's outcome sums Zᵢᵀyᵢ enter the terms linearly (ΣR_iᵀc_i) or as a sum of
   * squares (Σ|c_i|², with c_i = K Zᵢᵀyᵢ for the design's 2 × 2 matrix K), so the block keeps their
   * sum, mean and scatter per design ({@link #outcomeSums}), and an evaluation costs one step per
   * design whatever the number of clients ({@link #designTerms}).
   */
  void criterionTerms(double[] theta, double[] out) {
    if (designs != null) {
      int count = designs.length / designWidth(q);
      double[] factors = new double[count * FACTOR];
      for (int d = 0; d < count; d++) {
        factor(q, theta, designs, d, factors, d);
      }
      designTerms(factors, ownDesigns, out);
      return;
    }
    java.util.Arrays.fill(out, 0.0);
    int m = clients.length;
    int rhsO = 2;
    int aO = 2 + p;
    double[] r0 = new double[p];
    double[] r1 = new double[p];
    double cc = 0;
    double logDet = 0;
    double prod = 1;
    if (q == 1) {
      double t0 = theta[0];
      double t00 = t0 * t0;
      for (int c = 0; c < m; c++) {
        double l = Math.sqrt(t00 * zz[c] + 1);
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
          out[rhsO + j] += rj * cu;
          int row = aO + j * p;
          for (int l2 = j; l2 < p; l2++) {
            out[row + l2] += rj * r0[l2];
          }
        }
      }
    } else {
      double ta = theta[0];
      double tb = theta[1];
      double tc = theta[2];
      double taa = ta * ta;
      double tab2 = 2 * ta * tb;
      double tbb = tb * tb;
      double tcc = tc * tc;
      for (int c = 0; c < m; c++) {
        int zo = 3 * c;
        double s00 = zz[zo];
        double s01 = zz[zo + 1];
        double s11 = zz[zo + 2];
        double m00 = taa * s00 + tab2 * s01 + tbb * s11 + 1;
        double m01 = tc * (ta * s01 + tb * s11);
        double m11 = tcc * s11 + 1;
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
          out[rhsO + j] += aj * cu0 + bj * cu1;
          int row = aO + j * p;
          for (int l2 = j; l2 < p; l2++) {
            out[row + l2] += aj * r0[l2] + bj * r1[l2];
          }
        }
      }
    }
    out[0] = logDet + Math.log(prod);
    out[1] = cc;
  }

  /** Doubles per design in a factor array ({@link #factor}). */
  static final int FACTOR = 12;

  /** Doubles per design in {@link #designs()}: ZᵢᵀZᵢ (1 or 3) then ZᵢᵀXᵢ (q·2) for p = 2. */
  static int designWidth(int q) {
    return q == 1 ? 3 : 7;
  }

  /**
   * The distinct designs of this block's clients (models without covariates, p = 2), {@link
   * #designWidth} doubles each, or null when its terms are computed client by client. Not a copy.
   */
  double[] designs() {
    return designs;
  }

  /**
   * What every client with design {@code d} shares at θ, written to {@code out[o * FACTOR ...]}:
   * log|L_i|; the upper triangle of R_iᵀR_i; the matrix K with c_i = K Zᵢᵀyᵢ by rows (q = 1: k
   * and zeros); and the coefficients of ΣR_iᵀc_i on the outcome sums (RᵀK by rows; q = 1: r0·k,
   * r1·k). It depends on θ and the design
   * only, so a fitter may compute it once for all blocks that have the design, with the same bits
   * as each block would.
   *
   * @param q 1 or 2
   * @param designs designs as {@link #designs()} lays them out
   * @param d the design's index in {@code designs}
   */
  static void factor(int q, double[] theta, double[] designs, int d, double[] out, int o) {
    int f = o * FACTOR;
    if (q == 1) {
      int z = 3 * d;
      double t0 = theta[0];
      double l = Math.sqrt(t0 * t0 * designs[z] + 1);
      double k = t0 / l; // c_i = k · Zᵢᵀyᵢ
      double r0 = k * designs[z + 1];
      double r1 = k * designs[z + 2];
      out[f] = Math.log(l);
      out[f + 1] = r0 * r0;
      out[f + 2] = r0 * r1;
      out[f + 3] = r1 * r1;
      out[f + 4] = k;
      out[f + 5] = 0;
      out[f + 6] = 0;
      out[f + 7] = 0;
      out[f + 8] = r0 * k;
      out[f + 9] = 0;
      out[f + 10] = r1 * k;
      out[f + 11] = 0;
      return;
    }
    int z = 7 * d;
    double ta = theta[0];
    double tb = theta[1];
    double tc = theta[2];
    double s00 = designs[z];
    double s01 = designs[z + 1];
    double s11 = designs[z + 2];
    double m00 = ta * ta * s00 + 2 * ta * tb * s01 + tb * tb * s11 + 1;
    double m01 = tc * (ta * s01 + tb * s11);
    double m11 = tc * tc * s11 + 1;
    double l00 = Math.sqrt(m00);
    double i00 = 1 / l00;
    double l10 = m01 * i00;
    double l11 = Math.sqrt(m11 - l10 * l10);
    double i11 = 1 / l11;
    // R = K·ZᵢᵀXᵢ row by row: zx is {Σx0, Σx1, Σs·x0, Σs·x1}
    double a0 = (ta * designs[z + 3] + tb * designs[z + 5]) * i00;
    double b0 = (tc * designs[z + 5] - l10 * a0) * i11;
    double a1 = (ta * designs[z + 4] + tb * designs[z + 6]) * i00;
    double b1 = (tc * designs[z + 6] - l10 * a1) * i11;
    // c_i = K Zᵢᵀyᵢ, the forward substitution L_i c_i = Λᵀ Zᵢᵀyᵢ as a matrix
    double k00 = ta * i00;
    double k01 = tb * i00;
    double k10 = -l10 * k00 * i11;
    double k11 = (tc - l10 * k01) * i11;
    out[f] = Math.log(l00 * l11);
    out[f + 1] = a0 * a0 + b0 * b0;
    out[f + 2] = a0 * a1 + b0 * b1;
    out[f + 3] = a1 * a1 + b1 * b1;
    out[f + 4] = k00;
    out[f + 5] = k01;
    out[f + 6] = k10;
    out[f + 7] = k11;
    out[f + 8] = a0 * k00 + b0 * k10;
    out[f + 9] = a0 * k01 + b0 * k11;
    out[f + 10] = a1 * k00 + b1 * k10;
    out[f + 11] = a1 * k01 + b1 * k11;
  }

  /**
   * The criterion terms of a block with {@link #designs()}, design by design in its order, from
   * the factors of the designs: design d's is {@code factors[factorOf[d] * FACTOR ...]}. Each
   * design contributes its clients' terms from their outcome sums ({@link #outcomeSums}): with
   * c_i = K Zᵢᵀyᵢ, Σ|c_i|² = |Ku|² + ‖KR‖², ΣR_iᵀc_i = RᵀK ΣZᵢᵀyᵢ, and the other terms are the
   * design's times its number of clients. The result depends only on the block (its designs in
   * order of first appearance), so the same block gives the same bits wherever it is evaluated.
   *
   * @param out overwritten with the terms ({@link #termCount()} long)
   */
  void designTerms(double[] factors, int[] factorOf, double[] out) {
    int count = factorOf.length;
    double cc = 0;
    double logDet = 0;
    double h0 = 0;
    double h1 = 0;
    double a00 = 0;
    double a01 = 0;
    double a11 = 0;
    if (q == 1) {
      for (int d = 0; d < count; d++) {
        int f = factorOf[d] * FACTOR;
        int o = d * 4; // n, Σw, √n·w̄, √scatter
        double clientsOf = outcomes[o];
        double k = factors[f + 4];
        logDet += clientsOf * factors[f];
        a00 += clientsOf * factors[f + 1];
        a01 += clientsOf * factors[f + 2];
        a11 += clientsOf * factors[f + 3];
        double u = k * outcomes[o + 2];
        double r = k * outcomes[o + 3];
        cc += u * u + r * r;
        h0 += factors[f + 8] * outcomes[o + 1];
        h1 += factors[f + 10] * outcomes[o + 1];
      }
    } else {
      for (int d = 0; d < count; d++) {
        int f = factorOf[d] * FACTOR;
        int o = d * 8; // n, Σw (2), √n·w̄ (2), scatter factor r00, r10, r11
        double clientsOf = outcomes[o];
        logDet += clientsOf * factors[f];
        a00 += clientsOf * factors[f + 1];
        a01 += clientsOf * factors[f + 2];
        a11 += clientsOf * factors[f + 3];
        double k00 = factors[f + 4];
        double k01 = factors[f + 5];
        double k10 = factors[f + 6];
        double k11 = factors[f + 7];
        double u0 = outcomes[o + 3];
        double u1 = outcomes[o + 4];
        double r00 = outcomes[o + 5];
        double r10 = outcomes[o + 6];
        double r11 = outcomes[o + 7];
        // Σ|c_i|² = |K u|² + ‖K R‖² (R lower triangular)
        double v0 = k00 * u0 + k01 * u1;
        double v1 = k10 * u0 + k11 * u1;
        double w00 = k00 * r00 + k01 * r10;
        double w01 = k01 * r11;
        double w10 = k10 * r00 + k11 * r10;
        double w11 = k11 * r11;
        cc += v0 * v0 + v1 * v1 + w00 * w00 + w01 * w01 + w10 * w10 + w11 * w11;
        double y0 = outcomes[o + 1];
        double y1 = outcomes[o + 2];
        h0 += factors[f + 8] * y0 + factors[f + 9] * y1;
        h1 += factors[f + 10] * y0 + factors[f + 11] * y1;
      }
    }
    java.util.Arrays.fill(out, 0.0);
    out[0] = logDet;
    out[1] = cc;
    out[2] = h0;
    out[3] = h1;
    out[4] = a00;
    out[5] = a01;
    out[7] = a11;
  }

  /**
   * The clients' predicted random effects and conditional variances at the optimum.
   *
   * @param theta the fitted θ
   * @param betaCentred the fixed effects for the centred outcome
   * @param sigma2 the residual variance
   * @return one entry per client, in canonical (id) order
   */
  public List<ClientEffects> clientEffects(double[] theta, double[] betaCentred, double sigma2) {
    List<ClientEffects> out = new ArrayList<>(clients.length);
    for (int c = 0; c < clients.length; c++) {
      out.add(effects(c, theta, betaCentred, sigma2));
    }
    return out;
  }

  /**
   * The client's conditional modes b_i = Λu_i and conditional covariance σ²V, where V =
   * Λ(ΛᵀZᵢᵀZᵢΛ + I)⁻¹Λᵀ.
   */
  private ClientEffects effects(int c, double[] theta, double[] betaCentred, double sigma2) {
    if (q == 1) {
      double t0 = theta[0];
      double mm = t0 * t0 * zz[c] + 1;
      double r = zy[c];
      int o = c * p;
      for (int j = 0; j < p; j++) {
        r -= zx[o + j] * betaCentred[j];
      }
      double u = t0 * r / mm;
      // no slope: its variance and covariance are σ² times 0 (as the two-effect case writes them)
      return new ClientEffects(clients[c], counts[c], t0 * u, 0, sigma2 * (t0 * t0 / mm),
          sigma2 * 0, sigma2 * 0);
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
    return new ClientEffects(clients[c], counts[c], b0, b1, sigma2 * v00, sigma2 * v11,
        sigma2 * v01);
  }

  @Override
  public String toString() {
    return "GrowthBlock[" + clients.length + " clients, p = " + p + ", q = " + q + "]";
  }
}
