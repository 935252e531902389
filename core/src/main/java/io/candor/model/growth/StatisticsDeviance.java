package io.candor.model.growth;

import io.candor.internal.SmallCholesky;
import java.util.Arrays;
import java.util.List;

/**
 * The profiled criterion of a growth model without a cluster level, from {@link GrowthStatistics}:
 * each evaluation asks the statistics for the summed per-client terms (Σ log|L_i|, Σ|c_i|²,
 * ΣR_iᵀc_i, ΣR_iᵀR_i; see {@link ProfiledDeviance} for the algebra and {@link GrowthBlock} for the
 * terms) and finishes with the same p × p Cholesky steps as {@link ProfiledDeviance}. Because the
 * statistics are summed in a canonical order, the criterion is the same to the last bit wherever
 * the statistics are held.
 *
 * <p>Not thread-safe (scratch arrays); one instance per fit.
 */
final class StatisticsDeviance implements ThetaOptimiser.Criterion {

  final int n;
  final int m;
  final int p;
  final int q;
  final boolean reml;
  final double yMean;
  final GrowthStatistics statistics;
  final double[] totals;
  private final double[] xx;
  private final double[] xy;
  private final double[] xxDiagonal;
  private final double yty;
  private final double[] a;
  private final double[] rhs;

  StatisticsDeviance(GrowthModel model, GrowthStatistics statistics) {
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
    this.xxDiagonal = SmallCholesky.diagonal(xx, p);
    this.yty = totals[GrowthBlock.T_YTY];
    a = new double[p * p];
    rhs = new double[p];
  }

  /** Number of θ parameters: 1 (random intercept) or 3 (intercept and slope). */
  int thetaCount() {
    return q == 1 ? 1 : 3;
  }

  /**
   * Throws if a fixed-effect term is (almost) a linear combination of the terms before it, as
   * {@link ProfiledDeviance#checkRank(List)}.
   */
  void checkRank(List<String> names) {
    int j = SmallCholesky.factor(xx.clone(), p, xxDiagonal, 1e-10);
    if (j >= 0) {
      throw new IllegalArgumentException("term " + names.get(j) + " is (almost) a linear"
          + " combination of the terms before it " + names.subList(0, j)
          + "; its effect cannot be estimated from these data");
    }
  }

  @Override
  public double evaluate(double[] theta) {
    return compute(theta, null);
  }

  /** Everything at the optimum. */
  ProfiledDeviance.Solution solve(double[] theta) {
    ProfiledDeviance.Solution s = new ProfiledDeviance.Solution();
    s.criterion = compute(theta, s);
    return s;
  }

  private double compute(double[] theta, ProfiledDeviance.Solution out) {
    double[] terms = statistics.criterionTerms(theta);
    for (int j = 0; j < p; j++) {
      rhs[j] = xy[j] - terms[2 + j];
      for (int k = j; k < p; k++) {
        a[j * p + k] = xx[j * p + k] - terms[2 + p + j * p + k];
      }
    }
    double cc = terms[1];
    double logDet = 2 * terms[0];
    return ProfiledDeviance.finish(a, rhs, p, xxDiagonal, yty, cc, logDet, n, reml, out);
  }
}
