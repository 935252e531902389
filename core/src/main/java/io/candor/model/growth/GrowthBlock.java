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
  // (ZᵢᵀZᵢ and ZᵢᵀXᵢ, compared bit for bit) and hence the same factor L_i at any θ; see
  // criterionTerms(double[], double[]).
  private final double[] designs; // distinct designs, DESIGN_WIDTH(q) each: zz then zx; null if p != 2
  private final int[] designOf; // per client: its design's number in designs

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
    int n = rows.score.length;
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
    double[] covs = new double[k];
    double[] x = new double[p];
    double ytyAcc = 0;
    double minTime = Double.POSITIVE_INFINITY;
    double maxTime = Double.NEGATIVE_INFINITY;
    double minFirst = Double.POSITIVE_INFINITY;
    double maxFirst = Double.NEGATIVE_INFINITY;
    int slopeClients = 0;
    int[] start = rows.start;
    double[] t = rows.time;
    double[] y = rows.score;
    for (int c = 0; c < m; c++) {
      for (int j = 0; j < k; j++) {
        covs[j] = rows.covariates[covIndex[j]][c];
        covMin[j] = Math.min(covMin[j], covs[j]);
        covMax[j] = Math.max(covMax[j], covs[j]);
      }
      counts[c] = start[c + 1] - start[c];
      // rows are in canonical order: the first is the earliest time (lowest score among ties)
      minFirst = Math.min(minFirst, y[start[c]]);
      maxFirst = Math.max(maxFirst, y[start[c]]);
      double firstTerm = 0;
      boolean slope = false;
      int zxo = c * q * p;
      for (int i = start[c]; i < start[c + 1]; i++) {
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
        slopeClients++;
      }
    }
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
      designOf = null;
      return;
    }
    int width = designWidth(q);
    double[] keys = new double[m * width];
    for (int c = 0; c < m; c++) {
      System.arraycopy(zz, c * zzLen, keys, c * width, zzLen);
      System.arraycopy(zx, c * q * p, keys, c * width + zzLen, q * p);
    }
    designOf = new int[m];
    int count = group(keys, width, m, designOf);
    designs = new double[count * width];
    for (int c = 0; c < m; c++) {
      System.arraycopy(keys, c * width, designs, designOf[c] * width, width);
    }
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
   * #factor}) and only the client's own outcome sums are worked on per client ({@link
   * #designTerms}), with the same bits as client by client.
   */
  void criterionTerms(double[] theta, double[] out) {
    if (designs != null) {
      int count = designs.length / designWidth(q);
      double[] factors = new double[count * FACTOR];
      for (int d = 0; d < count; d++) {
        factor(q, theta, designs, d, factors, d);
      }
      designTerms(theta, factors, designOf, out);
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
  static final int FACTOR = 11;

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

  /** Each client's design number in {@link #designs()} (null with it). Not a copy. */
  int[] designOf() {
    return designOf;
  }

  /**
   * What every client with design {@code d} shares at θ, written to {@code out[o * FACTOR ...]}:
   * q = 1 {l, R_i, upper triangle of R_iᵀR_i}; q = 2 {|L_i|, 1/L₀₀, L₁₀, 1/L₁₁, R_i by rows, upper
   * triangle of R_iᵀR_i}. Each is computed by the same expression, in the same order, as the
   * client-by-client loop of {@link #criterionTerms(double[], double[])} computes it, so sharing
   * it changes no bit; it depends on θ and the design only, so a fitter may compute it once for
   * all blocks that have the design.
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
      double k = t0 / l;
      double r0 = k * designs[z + 1];
      double r1 = k * designs[z + 2];
      out[f] = l;
      out[f + 1] = r0;
      out[f + 2] = r1;
      out[f + 3] = r0 * r0;
      out[f + 4] = r0 * r1;
      out[f + 5] = r1 * r1;
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
    out[f] = l00 * l11;
    out[f + 1] = i00;
    out[f + 2] = l10;
    out[f + 3] = i11;
    out[f + 4] = a0;
    out[f + 5] = a1;
    out[f + 6] = b0;
    out[f + 7] = b1;
    out[f + 8] = a0 * a0 + b0 * b0;
    out[f + 9] = a0 * a1 + b0 * b1;
    out[f + 10] = a1 * a1 + b1 * b1;
  }

  /**
   * The criterion terms of a block with {@link #designs()}, client by client in its order, from
   * the factors of the designs: client c's is {@code factors[factorOf[c] * FACTOR ...]}. Only a
   * client's own outcome sums are worked on per client; the sums are taken in the order, and with
   * the expressions, of the general loop, so the result is the same to the bit.
   *
   * @param out overwritten with the terms ({@link #termCount()} long)
   */
  void designTerms(double[] theta, double[] factors, int[] factorOf, double[] out) {
    int m = clients.length;
    double cc = 0;
    double logDet = 0;
    double prod = 1;
    double h0 = 0;
    double h1 = 0;
    double a00 = 0;
    double a01 = 0;
    double a11 = 0;
    if (q == 1) {
      double t0 = theta[0];
      for (int c = 0; c < m; c++) {
        int f = factorOf[c] * FACTOR;
        double l = factors[f];
        // log|L| accumulated as a product (each factor >= 1), flushed before it can overflow
        prod *= l;
        if (prod > 1e100) {
          logDet += Math.log(prod);
          prod = 1;
        }
        double cu = t0 * zy[c] / l;
        cc += cu * cu;
        h0 += factors[f + 1] * cu;
        h1 += factors[f + 2] * cu;
        a00 += factors[f + 3];
        a01 += factors[f + 4];
        a11 += factors[f + 5];
      }
    } else {
      double ta = theta[0];
      double tb = theta[1];
      double tc = theta[2];
      for (int c = 0; c < m; c++) {
        int f = factorOf[c] * FACTOR;
        prod *= factors[f];
        if (prod > 1e100) {
          logDet += Math.log(prod);
          prod = 1;
        }
        double y0 = zy[2 * c];
        double y1 = zy[2 * c + 1];
        double cu0 = (ta * y0 + tb * y1) * factors[f + 1];
        double cu1 = (tc * y1 - factors[f + 2] * cu0) * factors[f + 3];
        cc += cu0 * cu0 + cu1 * cu1;
        h0 += factors[f + 4] * cu0 + factors[f + 6] * cu1;
        h1 += factors[f + 5] * cu0 + factors[f + 7] * cu1;
        a00 += factors[f + 8];
        a01 += factors[f + 9];
        a11 += factors[f + 10];
      }
    }
    java.util.Arrays.fill(out, 0.0);
    out[0] = logDet + Math.log(prod);
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
      double[] e = effects(c, theta, betaCentred);
      out.add(new ClientEffects(clients[c], counts[c], e[0], e[1], sigma2 * e[2], sigma2 * e[3],
          sigma2 * e[4]));
    }
    return out;
  }

  /**
   * The client's conditional modes b_i = Λu_i and the conditional covariance factor: returns
   * {b0, b1, v00, v11, v01} where V = Λ(ΛᵀZᵢᵀZᵢΛ + I)⁻¹Λᵀ (to be multiplied by σ²).
   */
  private double[] effects(int c, double[] theta, double[] betaCentred) {
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

  @Override
  public String toString() {
    return "GrowthBlock[" + clients.length + " clients, p = " + p + ", q = " + q + "]";
  }
}
