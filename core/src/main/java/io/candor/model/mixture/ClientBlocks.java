package io.candor.model.mixture;

import io.candor.internal.Checks;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Per-client sufficient statistics for the mixture fitter. Everything the likelihood of a class
 * needs about client i is the vector s_i = (n_i, yᵢᵀyᵢ, Xᵢᵀyᵢ, XᵢᵀXᵢ packed), with the outcome
 * centred on its overall mean (exact, because every class has an intercept) and X the growth
 * package's design rows (intercept and the time basis's terms). The random-effect design of a
 * growth mixture model is the first one or two columns of X, so the same blocks serve LCGA and
 * GMM. Clients whose (n_i, XᵢᵀXᵢ) are identical share a design pattern, which lets the GMM E-step
 * do its small matrix work once per pattern instead of once per client.
 *
 * <p>Immutable after construction; shared read-only by the threads of a fit.
 */
final class ClientBlocks {

  /** Offset of n_i in a client's vector. */
  static final int N = 0;
  /** Offset of yᵢᵀyᵢ. */
  static final int YY = 1;
  /** Offset of Xᵢᵀyᵢ. */
  static final int XY = 2;

  final GrowthModel design;
  final List<String> clients;
  final List<String> terms;
  final int m;
  final int p;
  final int pk;
  final int len;
  final int xx; // offset of the packed XᵀX
  final int cw; // 1 + number of membership covariates
  final double[] s; // m * len
  final double[] w; // m * cw: (1, covariates...)
  final int[] pattern; // client -> pattern
  final int patterns;
  final double[] patternDesign; // patterns * len, only n and XᵀX filled
  final long rows;
  final double yMean;
  final double yVariance; // total variance of the outcome (ML, around the mean)
  final double[] curveTimes; // times at which class curves are compared
  final double[] times; // grouped by client, as given
  final int[] start; // rows of client c: start[c] .. start[c+1]-1

  private ClientBlocks(GrowthModel design, List<String> clients, double[] times, double[] y,
      int[] start, double[] w, int cw, boolean centre) {
    this.design = design;
    this.clients = clients;
    this.terms = design.termNames();
    this.m = clients.size();
    this.p = terms.size();
    this.pk = Dense.packedLength(p);
    this.len = 2 + p + pk;
    this.xx = 2 + p;
    this.cw = cw;
    this.w = w;
    this.times = times;
    this.start = start;
    this.rows = y.length;
    double sum = 0;
    for (double v : y) {
      sum += v;
    }
    this.yMean = centre && y.length > 0 ? sum / y.length : 0;
    double ss = 0;
    for (int i = 0; i < y.length; i++) {
      y[i] -= yMean;
      ss += y[i] * y[i];
    }
    this.yVariance = y.length > 0 ? ss / y.length : 0;
    this.s = new double[m * len];
    double[] x = new double[p];
    double[] none = new double[0];
    for (int c = 0; c < m; c++) {
      int o = c * len;
      for (int r = start[c]; r < start[c + 1]; r++) {
        design.designRow(times[r], none, x);
        double yr = y[r];
        s[o + N] += 1;
        s[o + YY] += yr * yr;
        int idx = o + xx;
        for (int j = 0; j < p; j++) {
          s[o + XY + j] += x[j] * yr;
          for (int k = j; k < p; k++) {
            s[idx++] += x[j] * x[k];
          }
        }
      }
    }
    Map<Key, Integer> index = new HashMap<>();
    List<double[]> designs = new ArrayList<>();
    this.pattern = new int[m];
    for (int c = 0; c < m; c++) {
      double[] d = new double[len];
      d[N] = s[c * len + N];
      System.arraycopy(s, c * len + xx, d, xx, pk);
      Key key = new Key(d);
      Integer at = index.get(key);
      if (at == null) {
        at = designs.size();
        index.put(key, at);
        designs.add(d);
      }
      pattern[c] = at;
    }
    this.patterns = designs.size();
    this.patternDesign = new double[patterns * len];
    for (int g = 0; g < patterns; g++) {
      System.arraycopy(designs.get(g), 0, patternDesign, g * len, len);
    }
    this.curveTimes = times.length == 0 ? new double[0] : curveTimes(times, design);
  }

  /** Blocks for fitted data: the outcome centred, membership covariates from the data. */
  private static ClientBlocks fromData(GrowthModel design, GrowthData data,
      List<String> membership) {
    int m = data.clientCount();
    int[] start = new int[m + 1];
    for (int c = 0; c < m; c++) {
      start[c + 1] = start[c] + data.observations(c);
    }
    int cw = 1 + membership.size();
    double[] w = new double[m * cw];
    for (int c = 0; c < m; c++) {
      w[c * cw] = 1;
      for (int j = 0; j < membership.size(); j++) {
        w[c * cw + 1 + j] = data.covariate(membership.get(j), c);
      }
    }
    return new ClientBlocks(design, data.clients(), data.groupedTimes(), data.groupedScores(),
        start, w, cw, true);
  }

  /**
   * Blocks for one client outside the fitted data (not centred), with membership design
   * {@code w} = (1, covariates...).
   */
  static ClientBlocks single(GrowthModel design, double[] times, double[] scores, double[] w) {
    return new ClientBlocks(design, List.of("new client"), times.clone(), scores.clone(),
        new int[] {0, times.length}, w.clone(), w.length, false);
  }

  /**
   * Builds and checks the blocks.
   *
   * @throws IllegalArgumentException if the log basis meets a time ≤ −1, time is constant, the
   *     basis's terms are collinear on these times, or a membership covariate is missing or
   *     constant
   */
  static ClientBlocks of(GrowthData data, GrowthModel design, List<String> membership) {
    double[] t = data.groupedTimes();
    boolean varies = false;
    double minTime = t[0];
    double maxTime = t[0];
    for (double v : t) {
      if (design.basis() == TimeBasis.LOG && !(v > -1)) {
        throw new IllegalArgumentException("the log basis uses log(time + 1), so time must be > -1;"
            + " was " + Checks.fmt(v));
      }
      varies |= v != t[0];
      minTime = Math.min(minTime, v);
      maxTime = Math.max(maxTime, v);
    }
    if (!varies) {
      throw new IllegalArgumentException("the time column is constant (every time is "
          + Checks.fmt(t[0]) + "): trajectories cannot be estimated");
    }
    if (design.basis() == TimeBasis.PIECEWISE) {
      Checks.knotInside(design.knot().orElseThrow(), minTime, maxTime);
    }
    for (String name : membership) {
      if (!data.covariateNames().contains(name)) {
        throw new IllegalArgumentException("membership covariate " + name
            + " is not in the data; the data have " + data.covariateNames());
      }
      double first = data.covariate(name, 0);
      boolean differs = false;
      for (int c = 1; c < data.clientCount() && !differs; c++) {
        differs = data.covariate(name, c) != first;
      }
      if (!differs) {
        throw new IllegalArgumentException("membership covariate " + name
            + " is the same for every client (" + Checks.fmt(first) + "), so it cannot shift"
            + " class membership");
      }
    }
    ClientBlocks b = fromData(design, data, membership);
    b.checkRank();
    return b;
  }

  private void checkRank() {
    double[] total = new double[pk];
    for (int c = 0; c < m; c++) {
      for (int j = 0; j < pk; j++) {
        total[j] += s[c * len + xx + j];
      }
    }
    double[] a = new double[p * p];
    Dense.unpack(total, 0, p, a);
    for (int j = 1; j <= p; j++) {
      double[] sub = new double[j * j];
      for (int r = 0; r < j; r++) {
        System.arraycopy(a, r * p, sub, r * j, j);
      }
      if (!Dense.cholesky(sub, j, 1e-10)) {
        throw new IllegalArgumentException("term " + terms.get(j - 1) + " is (almost) a linear"
            + " combination of the terms before it " + terms.subList(0, j - 1)
            + " at the observed times; its effect cannot be estimated from these data");
      }
    }
  }

  /** Number of observations of client c. */
  int n(int c) {
    return (int) s[c * len + N];
  }

  /**
   * The distinct observed times (at most 101, evenly spaced over the observed range when there are
   * more), and the knot if inside the range: where two class curves must differ to be distinct.
   */
  private static double[] curveTimes(double[] t, GrowthModel design) {
    TreeSet<Double> distinct = new TreeSet<>();
    for (double v : t) {
      distinct.add(v);
      if (distinct.size() > 101) {
        break;
      }
    }
    double[] out;
    if (distinct.size() <= 101) {
      out = distinct.stream().mapToDouble(Double::doubleValue).toArray();
    } else {
      double lo = Arrays.stream(t).min().orElseThrow();
      double hi = Arrays.stream(t).max().orElseThrow();
      out = new double[101];
      for (int i = 0; i < out.length; i++) {
        out[i] = lo + (hi - lo) * i / 100.0;
      }
    }
    if (design.knot().isPresent()) {
      double k = design.knot().getAsDouble();
      if (k > out[0] && k < out[out.length - 1]) {
        out = Arrays.copyOf(out, out.length + 1);
        out[out.length - 1] = k;
      }
    }
    return out;
  }

  /** A design pattern's key: exact equality of n and XᵀX. */
  private record Key(double[] v) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(v, k.v);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(v);
    }

    @Override
    public String toString() {
      return Arrays.toString(v);
    }
  }
}
