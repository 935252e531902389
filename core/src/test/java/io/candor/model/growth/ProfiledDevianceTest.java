package io.candor.model.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The block elimination against a dense oracle: on small three-level data, the profiled REML
 * criterion and ML deviance at arbitrary θ equal those computed from the marginal covariance
 * V = I + ZΛΛᵀZᵀ (n × n) with dense Cholesky factorisations, and the conditional modes equal
 * ΛᵀZᵀ... solved densely.
 */
class ProfiledDevianceTest {

  /** Unbalanced: 5 therapists with 1 to 4 clients, 1 to 5 observations each. */
  private static GrowthData data(long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    java.util.List<String> ids = new java.util.ArrayList<>();
    java.util.List<String> th = new java.util.ArrayList<>();
    java.util.List<Double> t = new java.util.ArrayList<>();
    java.util.List<Double> y = new java.util.ArrayList<>();
    for (int j = 0; j < 5; j++) {
      int clients = 1 + rng.nextInt(4);
      for (int c = 0; c < clients; c++) {
        int obs = 1 + rng.nextInt(5);
        for (int s = 0; s < obs; s++) {
          ids.add("t" + j + "c" + c);
          th.add("t" + j);
          t.add((double) s + rng.nextDouble());
          y.add(10 + j - s + 3 * rng.nextDouble());
        }
      }
    }
    return GrowthData.of(ids.toArray(new String[0]),
        t.stream().mapToDouble(Double::doubleValue).toArray(),
        y.stream().mapToDouble(Double::doubleValue).toArray())
        .withClusters(th.toArray(new String[0]));
  }

  private static ProfiledDeviance deviance(GrowthData d, int q, boolean reml, boolean clustered) {
    double[] t = d.timeArray();
    return new ProfiledDeviance(2, q, 1, reml, d.starts(), d.scoreArray(), (c, i, x) -> {
      x[0] = 1;
      x[1] = t[i];
    }, clustered ? d.clusterIndex() : null, clustered ? d.clusters().size() : 0);
  }

  /** The criterion from dense matrices, for rows in group order. */
  private static double dense(GrowthData d, int q, boolean reml, boolean clustered,
      double[] theta) {
    int n = d.size();
    int m = d.clientCount();
    int k = clustered ? d.clusters().size() : 0;
    int[] start = d.starts();
    double[] t = d.timeArray();
    RealMatrix x = new Array2DRowRealMatrix(n, 2);
    RealMatrix zl = new Array2DRowRealMatrix(n, q * m + k); // ZΛ
    double ta = theta[0];
    double tb = q == 2 ? theta[1] : 0;
    double tc = q == 2 ? theta[2] : 0;
    double lt = clustered ? theta[theta.length - 1] : 0;
    for (int c = 0; c < m; c++) {
      for (int i = start[c]; i < start[c + 1]; i++) {
        x.setEntry(i, 0, 1);
        x.setEntry(i, 1, t[i]);
        // z = (1, t) for the client; ZΛ row = zᵀΛ_c with Λ_c = [[ta, 0], [tb, tc]]
        zl.setEntry(i, q * c, ta + tb * (q == 2 ? t[i] : 0));
        if (q == 2) {
          zl.setEntry(i, q * c + 1, tc * t[i]);
        }
        if (clustered) {
          zl.setEntry(i, q * m + d.clusterIndex()[c], lt);
        }
      }
    }
    RealVector y = MatrixUtils.createRealVector(d.scoreArray());
    RealMatrix v = zl.multiply(zl.transpose()).add(MatrixUtils.createRealIdentityMatrix(n));
    CholeskyDecomposition cv = chol(v);
    RealMatrix vinv = cv.getSolver().getInverse();
    RealMatrix xtvx = x.transpose().multiply(vinv).multiply(x);
    RealVector beta = chol(xtvx).getSolver()
        .solve(x.transpose().operate(vinv.operate(y)));
    RealVector r = y.subtract(x.operate(beta));
    double r2 = r.dotProduct(vinv.operate(r));
    double logDetV = Math.log(cv.getDeterminant());
    int p = 2;
    if (reml) {
      return logDetV + Math.log(chol(xtvx).getDeterminant())
          + (n - p) * (1 + Math.log(2 * Math.PI * r2 / (n - p)));
    }
    return logDetV + n * (1 + Math.log(2 * Math.PI * r2 / n));
  }

  private static CholeskyDecomposition chol(RealMatrix m) {
    return new CholeskyDecomposition(m, 1e-10, 1e-14);
  }

  @Test
  void blockElimination_equalsTheDenseCriterion_atArbitraryTheta() {
    for (long seed = 1; seed <= 5; seed++) {
      GrowthData d = data(seed);
      double[][] thetas = {{0.7, 0.3}, {0, 1.2}, {1.5, 0}, {0.01, 3}};
      double[][] slopeThetas = {{0.7, -0.2, 0.4, 0.5}, {1.1, 0.3, 0, 0.9}, {0.2, 0, 0.6, 0}};
      for (boolean reml : new boolean[] {true, false}) {
        for (double[] th : thetas) {
          assertEquals(dense(d, 1, reml, true, th), deviance(d, 1, reml, true).evaluate(th),
              1e-9, "q=1 reml=" + reml + " seed " + seed);
        }
        for (double[] th : slopeThetas) {
          assertEquals(dense(d, 2, reml, true, th), deviance(d, 2, reml, true).evaluate(th),
              1e-9, "q=2 reml=" + reml + " seed " + seed);
        }
        assertEquals(dense(d, 2, reml, false, new double[] {0.7, -0.2, 0.4}),
            deviance(d, 2, reml, false).evaluate(new double[] {0.7, -0.2, 0.4}), 1e-9,
            "two levels");
      }
    }
  }

  @Test
  void threeLevelCriterion_withZeroTherapistFactor_isTheTwoLevelCriterion() {
    GrowthData d = data(11);
    double[] two = {0.9, 0.1, 0.5};
    double[] three = {0.9, 0.1, 0.5, 0};
    assertEquals(deviance(d, 2, true, false).evaluate(two),
        deviance(d, 2, true, true).evaluate(three), 1e-10);
  }

  @Test
  void conditionalModes_solveThePenalisedSystem() {
    GrowthData d = data(7);
    double[] th = {0.8, -0.1, 0.3, 0.6};
    ProfiledDeviance dev = deviance(d, 2, true, true);
    ProfiledDeviance.Solution sol = dev.solve(th);
    ProfiledDeviance.Effects e = dev.effects(th, sol.beta);
    // dense: u = (ΛᵀZᵀZΛ + I)⁻¹ΛᵀZᵀ(y − ȳ − Xβ_c); b = Λu
    int n = d.size();
    int m = d.clientCount();
    int k = d.clusters().size();
    int[] start = d.starts();
    double[] t = d.timeArray();
    double mean = java.util.Arrays.stream(d.scoreArray()).average().orElseThrow();
    RealMatrix zl = new Array2DRowRealMatrix(n, 2 * m + k);
    double[] resid = new double[n];
    for (int c = 0; c < m; c++) {
      for (int i = start[c]; i < start[c + 1]; i++) {
        zl.setEntry(i, 2 * c, th[0] + th[1] * t[i]);
        zl.setEntry(i, 2 * c + 1, th[2] * t[i]);
        zl.setEntry(i, 2 * m + d.clusterIndex()[c], th[3]);
        resid[i] = d.scoreArray()[i] - mean - sol.beta[0] - sol.beta[1] * t[i];
      }
    }
    RealMatrix a = zl.transpose().multiply(zl)
        .add(MatrixUtils.createRealIdentityMatrix(2 * m + k));
    RealVector u = chol(a).getSolver()
        .solve(zl.transpose().operate(MatrixUtils.createRealVector(resid)));
    RealMatrix ainv = chol(a).getSolver().getInverse();
    for (int c = 0; c < m; c++) {
      double u0 = u.getEntry(2 * c);
      double u1 = u.getEntry(2 * c + 1);
      assertEquals(th[0] * u0, e.groupB[2 * c], 1e-10);
      assertEquals(th[1] * u0 + th[2] * u1, e.groupB[2 * c + 1], 1e-10);
      assertEquals(th[0] * th[0] * ainv.getEntry(2 * c, 2 * c), e.groupV[3 * c], 1e-10);
    }
    for (int j = 0; j < k; j++) {
      assertEquals(th[3] * u.getEntry(2 * m + j), e.clusterB[j], 1e-10);
      assertEquals(th[3] * th[3] * ainv.getEntry(2 * m + j, 2 * m + j), e.clusterV[j], 1e-10);
    }
  }

  @Test
  void thetaCount_isTheFactorsEntries_plusOneForAClusterLevel() {
    GrowthData d = data(3);
    org.junit.jupiter.api.Assertions.assertAll(
        () -> assertEquals(1, deviance(d, 1, true, false).thetaCount()),
        () -> assertEquals(3, deviance(d, 2, true, false).thetaCount()),
        () -> assertEquals(2, deviance(d, 1, true, true).thetaCount()),
        () -> assertEquals(4, deviance(d, 2, true, true).thetaCount()));
  }

  /**
   * Far out along θ the intercept's pivot of RX (XᵀV⁻¹X ≈ m/θ² for the intercept) falls below
   * 1e-12 of XᵀX's: the criterion is then +∞, never a finite value from a failed factor.
   */
  @Test
  void criterion_isInfinite_whereRxIsNotPositiveDefiniteToWorkingPrecision() {
    GrowthData d = data(5);
    for (boolean reml : new boolean[] {true, false}) {
      assertEquals(Double.POSITIVE_INFINITY, deviance(d, 1, reml, false)
          .evaluate(new double[] {1e9}));
      assertEquals(Double.POSITIVE_INFINITY, deviance(d, 2, reml, false)
          .evaluate(new double[] {1e9, 0, 1e9}));
      org.junit.jupiter.api.Assertions.assertTrue(Double.isFinite(deviance(d, 1, reml, false)
          .evaluate(new double[] {1e3})));
    }
  }
}
