package io.candor.model.survival;

import io.candor.internal.Checks;
import io.candor.internal.PrimitiveLists;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
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
 * Moore–Penrose generalised inverse is used instead. The G-rho weights ({@link #test(Map, double,
 * NearTies)}) and strata ({@link #testStratified}) follow {@code survdiff} too.
 *
 * <p>Thread-safe (stateless).
 *
 * @see io.candor.evidence.Citations#THERNEAU_2000
 * @see io.candor.evidence.Citations#MANTEL_1966
 */
public final class LogRank {

  private LogRank() {}

  /**
   * Tests whether the named groups share one hazard (the log-rank test, {@code rho = 0}), tying
   * almost-equal times first as R does.
   *
   * @param groups the event times of each group, by name, at least two groups
   * @return the test result
   * @throws IllegalArgumentException if there are fewer than two groups, or a group is empty
   */
  public static LogRankResult test(Map<String, ? extends Collection<EventTime>> groups) {
    return test(groups, 0, NearTies.MERGE);
  }

  /**
   * The G-rho family of Harrington and Fleming, as R's {@code survdiff(..., rho)}: each event
   * time is weighted by {@code S(t−)^rho}, the pooled Kaplan–Meier estimate just before it.
   * {@code rho = 0} is the log-rank test, {@code rho = 1} the Peto–Peto modification of the
   * Gehan–Wilcoxon test (more weight on early differences). Observed and expected counts are then
   * weighted, as R reports them. Times closer than {@code √ε} are tied first unless {@code ties}
   * is {@link NearTies#KEEP} (R's {@code timefix}).
   *
   * @param groups the event times of each group, by name, at least two groups
   * @param rho the G-rho exponent, 0 for the log-rank test (finite)
   * @param ties whether almost-equal times are merged first ({@link NearTies#MERGE}, R's default)
   * @return the test result
   * @throws IllegalArgumentException if {@code rho} is not finite, there are fewer than two groups,
   *     or a group is empty
   */
  public static LogRankResult test(
      Map<String, ? extends Collection<EventTime>> groups, double rho, NearTies ties) {
    Objects.requireNonNull(groups, "groups");
    Checks.finite("rho", rho);
    if (groups.size() < 2) {
      throw new IllegalArgumentException(
          "the log-rank test needs at least 2 groups, had " + groups.size());
    }
    return stratified(Map.of("all", groups), rho, Objects.requireNonNull(ties, "ties"));
  }

  /**
   * The stratified test, as R's {@code survdiff(Surv(time, status) ~ group + strata(s), rho)}:
   * observed, expected and variance are accumulated within each stratum (the outer map, for
   * example by course) and summed before the chi-square. Groups are listed in order of first
   * appearance across strata; a group may be absent from some strata.
   *
   * @param strata the groups of each stratum, by stratum name
   * @param rho the G-rho exponent, 0 for the log-rank test (finite)
   * @param ties whether almost-equal times are merged first ({@link NearTies#MERGE}, R's default)
   * @return the test result
   * @throws IllegalArgumentException if {@code rho} is not finite, there are no strata, fewer than
   *     two groups in all, or a stratum or group is empty
   */
  public static LogRankResult testStratified(
      Map<String, ? extends Map<String, ? extends Collection<EventTime>>> strata,
      double rho,
      NearTies ties) {
    Objects.requireNonNull(strata, "strata");
    Checks.finite("rho", rho);
    if (strata.isEmpty()) {
      throw new IllegalArgumentException("strata must not be empty");
    }
    return stratified(strata, rho, Objects.requireNonNull(ties, "ties"));
  }

  private static LogRankResult stratified(
      Map<String, ? extends Map<String, ? extends Collection<EventTime>>> strata,
      double rho,
      NearTies ties) {
    List<String> names = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    int s = strata.size();
    double[][][] all = new double[s][][];
    double[][][] ev = new double[s][][];
    for (Map.Entry<String, ? extends Map<String, ? extends Collection<EventTime>>> st :
        strata.entrySet()) {
      String sname = Checks.nonBlank("stratum name", st.getKey());
      Map<String, ? extends Collection<EventTime>> groups =
          Objects.requireNonNull(st.getValue(), "stratum " + Checks.quote(sname));
      if (groups.isEmpty()) {
        throw new IllegalArgumentException("stratum " + Checks.quote(sname) + " must not be empty");
      }
      for (String g : groups.keySet()) {
        Checks.nonBlank("group name", g);
        if (!index.containsKey(g)) {
          index.put(g, names.size());
          names.add(g);
        }
      }
    }
    int k = names.size();
    if (k < 2) {
      throw new IllegalArgumentException("the log-rank test needs at least 2 groups, had " + k);
    }
    int si = 0;
    List<double[]> everything = new ArrayList<>();
    for (Map<String, ? extends Collection<EventTime>> groups : strata.values()) {
      all[si] = new double[k][];
      ev[si] = new double[k][];
      for (int j = 0; j < k; j++) {
        all[si][j] = new double[0];
        ev[si][j] = new double[0];
      }
      for (Map.Entry<String, ? extends Collection<EventTime>> e : groups.entrySet()) {
        String name = e.getKey();
        Collection<EventTime> data =
            Objects.requireNonNull(e.getValue(), "group " + Checks.quote(name));
        if (data.isEmpty()) {
          throw new IllegalArgumentException("group " + Checks.quote(name) + " must not be empty");
        }
        Checks.noNulls("group " + Checks.quote(name), data);
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
        int g = index.get(name);
        all[si][g] = t;
        ev[si][g] = et;
        everything.add(t);
        everything.add(et);
      }
      si++;
    }
    if (ties == NearTies.MERGE) {
      TimeFix.pooled(everything.toArray(new double[0][]));
    }
    double[] observed = new double[k];
    double[] expected = new double[k];
    double[][] var = new double[k][k];
    int[] sizes = new int[k];
    for (int st = 0; st < s; st++) {
      for (int j = 0; j < k; j++) {
        Arrays.sort(all[st][j]);
        Arrays.sort(ev[st][j]);
        sizes[j] += all[st][j].length;
      }
      accumulate(all[st], ev[st], rho, observed, expected, var);
    }
    return finish(names, sizes, observed, expected, var, rho);
  }

  /** Adds one stratum's weighted observed, expected and variance (R's survdiff2). */
  private static void accumulate(
      double[][] all,
      double[][] ev,
      double rho,
      double[] observed,
      double[] expected,
      double[][] var) {
    int k = all.length;
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
    double km = 1;
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
      // weight: pooled Kaplan-Meier just before t, to the power rho
      double wt = rho == 0 ? 1 : Math.pow(km, rho);
      km *= (n - d) / n;
      for (int j = 0; j < k; j++) {
        observed[j] += wt * dj[j];
        expected[j] += wt * d * nj[j] / n;
      }
      if (n > 1) {
        double f = wt * wt * d * (n - d) / (n * n * (n - 1));
        for (int j = 0; j < k; j++) {
          for (int m = 0; m < k; m++) {
            var[j][m] += f * nj[j] * ((j == m ? n : 0) - nj[m]);
          }
        }
      }
    }
  }

  private static LogRankResult finish(
      List<String> names,
      int[] sizes,
      double[] observed,
      double[] expected,
      double[][] var,
      double rho) {
    int k = names.size();
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
    List<List<Double>> rows = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      rows.add(PrimitiveLists.wrap(var[j]));
    }
    return new LogRankResult(
        names,
        PrimitiveLists.wrap(sizes),
        PrimitiveLists.wrap(observed),
        PrimitiveLists.wrap(expected),
        rows,
        chi,
        df,
        pValue,
        rho);
  }
}
