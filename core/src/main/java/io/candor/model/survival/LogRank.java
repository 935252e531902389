package io.candor.model.survival;

import io.candor.internal.Checks;
import io.candor.internal.PrimitiveLists;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * The log-rank (Mantel–Haenszel) test that two or more groups share one hazard, as R's {@code
 * survival::survdiff(Surv(time, status) ~ group)} with {@code rho = 0}.
 *
 * <p>At each distinct event time with {@code n} at risk and {@code d} events, group {@code j} (with
 * {@code n_j} at risk) expects {@code d·n_j/n} events, and the covariance of observed − expected
 * gains {@code d(n−d)/(n²(n−1))·n_j(n·δ_jk − n_k)}. As in R, groups with no expected events are
 * dropped, then the first remaining group, and {@code χ² = (O−E)ᵀ V⁻¹ (O−E)} on the rest with
 * {@code df} = remaining groups − 1. If that sub-matrix is singular (R would stop with an error) a
 * Moore–Penrose generalised inverse is used instead.
 *
 * <p>Thread-safe (stateless).
 *
 * @see io.candor.evidence.Citations#THERNEAU_2000
 * @see io.candor.evidence.Citations#MANTEL_1966
 */
public final class LogRank {

  private LogRank() {}

  /**
   * Tests whether the named groups share one hazard.
   *
   * @throws IllegalArgumentException if there are fewer than two groups, or a group is empty
   */
  public static LogRankTest test(Map<String, ? extends Collection<EventTime>> groups) {
    Objects.requireNonNull(groups, "groups");
    if (groups.size() < 2) {
      throw new IllegalArgumentException(
          "the log-rank test needs at least 2 groups, had " + groups.size());
    }
    int k = groups.size();
    List<String> names = new ArrayList<>(k);
    double[][] all = new double[k][];
    double[][] ev = new double[k][];
    int g = 0;
    for (Map.Entry<String, ? extends Collection<EventTime>> e : groups.entrySet()) {
      String name = Checks.nonBlank("group name", e.getKey());
      Collection<EventTime> data = Objects.requireNonNull(e.getValue(), "group " + name);
      if (data.isEmpty()) {
        throw new IllegalArgumentException("group \"" + name + "\" must not be empty");
      }
      Checks.noNulls("group " + name, data);
      names.add(name);
      double[] t = new double[data.size()];
      int ne = 0;
      int i = 0;
      for (EventTime x : data) {
        t[i++] = x.time() + 0.0;
        if (x.event()) {
          ne++;
        }
      }
      double[] et = new double[ne];
      int j = 0;
      for (EventTime x : data) {
        if (x.event()) {
          et[j++] = x.time() + 0.0;
        }
      }
      Arrays.sort(t);
      Arrays.sort(et);
      all[g] = t;
      ev[g] = et;
      g++;
    }
    return compute(names, all, ev);
  }

  private static LogRankTest compute(List<String> names, double[][] all, double[][] ev) {
    int k = names.size();
    int total = 0;
    for (double[] e : ev) {
      total += e.length;
    }
    double[] eventTimes = new double[total];
    int p = 0;
    for (double[] e : ev) {
      System.arraycopy(e, 0, eventTimes, p, e.length);
      p += e.length;
    }
    Arrays.sort(eventTimes);
    int[] allPos = new int[k];
    int[] evPos = new int[k];
    double[] nj = new double[k];
    double[] dj = new double[k];
    double[] observed = new double[k];
    double[] expected = new double[k];
    double[][] var = new double[k][k];
    int i = 0;
    while (i < eventTimes.length) {
      double t = eventTimes[i];
      while (i < eventTimes.length && eventTimes[i] == t) {
        i++;
      }
      double n = 0;
      double d = 0;
      for (int j = 0; j < k; j++) {
        double[] a = all[j];
        while (allPos[j] < a.length && a[allPos[j]] < t) {
          allPos[j]++;
        }
        nj[j] = a.length - allPos[j];
        double[] e = ev[j];
        int c = 0;
        while (evPos[j] < e.length && e[evPos[j]] == t) {
          evPos[j]++;
          c++;
        }
        dj[j] = c;
        n += nj[j];
        d += c;
      }
      for (int j = 0; j < k; j++) {
        observed[j] += dj[j];
        expected[j] += d * nj[j] / n;
      }
      if (n > 1) {
        double f = d * (n - d) / (n * n * (n - 1));
        for (int j = 0; j < k; j++) {
          for (int m = 0; m < k; m++) {
            var[j][m] += f * nj[j] * ((j == m ? n : 0) - nj[m]);
          }
        }
      }
    }
    // R: keep groups with expected > 0, drop the first of those, solve.
    int[] keep = new int[k];
    int kept = 0;
    for (int j = 0; j < k; j++) {
      if (expected[j] > 0) {
        keep[kept++] = j;
      }
    }
    double chi = 0;
    int df = Math.max(kept - 1, 0);
    if (kept >= 2) {
      int m = kept - 1;
      RealMatrix v = new Array2DRowRealMatrix(m, m);
      RealVector oe = new ArrayRealVector(m);
      for (int a = 0; a < m; a++) {
        int ja = keep[a + 1];
        oe.setEntry(a, observed[ja] - expected[ja]);
        for (int b = 0; b < m; b++) {
          v.setEntry(a, b, var[ja][keep[b + 1]]);
        }
      }
      LUDecomposition lu = new LUDecomposition(v);
      RealVector sol =
          lu.getSolver().isNonSingular()
              ? lu.getSolver().solve(oe)
              : new SingularValueDecomposition(v).getSolver().getInverse().operate(oe);
      chi = Math.max(0, sol.dotProduct(oe));
    }
    double pValue = df == 0 ? 1.0 : ChiSquaredDistribution.of(df).survivalProbability(chi);
    int[] sizes = new int[k];
    List<List<Double>> rows = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      sizes[j] = all[j].length;
      rows.add(PrimitiveLists.wrap(var[j]));
    }
    return new LogRankTest(
        names,
        PrimitiveLists.wrap(sizes),
        PrimitiveLists.wrap(observed),
        PrimitiveLists.wrap(expected),
        rows,
        chi,
        df,
        pValue);
  }
}
