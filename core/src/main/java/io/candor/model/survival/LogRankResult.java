package io.candor.model.survival;

import io.candor.internal.Checks;
import io.candor.internal.Format;
import io.candor.internal.PrimitiveLists;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of a log-rank test ({@link LogRank}), with the numbers R's {@code survdiff} reports.
 *
 * <p>Immutable and thread-safe.
 *
 * @param groups the group names, in the order given
 * @param n clients per group
 * @param observed events observed per group
 * @param expected events expected per group under equal hazards
 * @param variance the k × k variance matrix of observed − expected (R's {@code survdiff$var}),
 *     row by row
 * @param chiSquare the test statistic
 * @param df degrees of freedom: the number of groups with expected events above 0, minus 1
 * @param p the upper-tail chi-square probability of {@code chiSquare} (1 when {@code df = 0})
 * @param rho the G-rho weight exponent: 0 for the log-rank test, 1 for Peto–Peto
 */
public record LogRankResult(
    List<String> groups,
    List<Integer> n,
    List<Double> observed,
    List<Double> expected,
    List<List<Double>> variance,
    double chiSquare,
    int df,
    double p,
    double rho) {

  /**
   * Validates the components and copies the lists.
   *
   * @param groups the group names, in the order given
   * @param n clients per group
   * @param observed events observed per group
   * @param expected events expected per group under equal hazards
   * @param variance the k × k variance matrix of observed − expected (R's {@code survdiff$var}),
   *     row by row
   * @param chiSquare the test statistic
   * @param df degrees of freedom: the number of groups with expected events above 0, minus 1
   * @param p the upper-tail chi-square probability of {@code chiSquare} (1 when {@code df = 0})
   * @param rho the G-rho weight exponent: 0 for the log-rank test, 1 for Peto–Peto
   */
  public LogRankResult {
    groups = List.copyOf(Checks.nonEmptyNoNulls("groups", groups));
    int k = groups.size();
    n = PrimitiveLists.ints("n", n);
    observed = PrimitiveLists.doubles("observed", observed);
    expected = PrimitiveLists.doubles("expected", expected);
    List<List<Double>> rows = new ArrayList<>(k);
    for (List<Double> row : Checks.noNulls("variance", variance)) {
      if (row.size() != k) {
        throw new IllegalArgumentException(
            "variance must be " + k + " x " + k + ", a row has " + row.size() + " entries");
      }
      rows.add(PrimitiveLists.doubles("variance row", row));
    }
    variance = List.copyOf(rows);
    if (n.size() != k || observed.size() != k || expected.size() != k || variance.size() != k) {
      throw new IllegalArgumentException("n, observed, expected and variance need " + k + " rows");
    }
    Checks.nonNegative("chiSquare", chiSquare);
    Checks.atLeast("df", df, 0);
    Checks.probability("p", p);
    Checks.finite("rho", rho);
  }

  /**
   * A plain-text table of observed and expected events and the test, as R prints survdiff.
   *
   * @return a plain-text table of observed and expected events and the test, as R prints survdiff
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT, "%-20s %8s %10s %10s %14s%n", "group", "N", "Observed", "Expected",
            "(O-E)^2/V"));
    for (int i = 0; i < groups.size(); i++) {
      double oe = observed.get(i) - expected.get(i);
      sb.append(
          String.format(
              Locale.ROOT,
              "%-20s %8d %10s %10.2f %14.3f%n",
              groups.get(i),
              n.get(i),
              Checks.fmt(observed.get(i)),
              expected.get(i),
              oe * oe / variance.get(i).get(i)));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%s: chi-square = %.2f on %d df, %s%n",
            rho == 0 ? "Log-rank test" : "G-rho test (rho = " + Checks.fmt(rho) + ")",
            chiSquare,
            df,
            Format.p(p)));
    return sb.toString();
  }
}
