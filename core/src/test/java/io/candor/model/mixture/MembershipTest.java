package io.candor.model.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipTest {

  /** Clients seen at times 0 and 1 with one membership covariate x. */
  private static ClientBlocks blocks(double... x) {
    int m = x.length;
    String[] ids = new String[2 * m];
    double[] t = new double[2 * m];
    double[] y = new double[2 * m];
    double[] cov = new double[2 * m];
    for (int i = 0; i < m; i++) {
      for (int r = 0; r < 2; r++) {
        ids[2 * i + r] = "c" + i;
        t[2 * i + r] = r;
        y[2 * i + r] = i + 3 * r * (i % 3);
        cov[2 * i + r] = x[i];
      }
    }
    GrowthData data = GrowthData.of(ids, t, y).withCovariate("x", cov);
    return ClientBlocks.of(data, GrowthModel.withDefaults().with(TimeBasis.LINEAR),
        List.of("x"));
  }

  /** Q(η) = Σ τ log softmax(η · w), computed directly. */
  private static double objective(ClientBlocks b, int k, double[] tau, double[] eta) {
    double q = 0;
    for (int i = 0; i < b.m; i++) {
      double[] v = new double[k];
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        for (int a = 0; a < b.cw; a++) {
          v[j] += eta[j * b.cw + a] * b.w[i * b.cw + a];
        }
        max = Math.max(max, v[j]);
      }
      double denom = 0;
      for (int j = 0; j < k; j++) {
        denom += Math.exp(v[j] - max);
      }
      for (int j = 0; j < k; j++) {
        q += tau[i * k + j] * (v[j] - max - Math.log(denom));
      }
    }
    return q;
  }

  /** ∂Q/∂η_j = Σ_i (τ_ij − π_ij) w_i, computed directly. */
  private static double[] gradient(ClientBlocks b, int k, double[] tau, double[] eta) {
    double[] g = new double[k * b.cw];
    for (int i = 0; i < b.m; i++) {
      double[] pi = new double[k];
      double denom = 0;
      for (int j = 0; j < k; j++) {
        double v = 0;
        for (int a = 0; a < b.cw; a++) {
          v += eta[j * b.cw + a] * b.w[i * b.cw + a];
        }
        pi[j] = Math.exp(v);
        denom += pi[j];
      }
      for (int j = 0; j < k; j++) {
        for (int a = 0; a < b.cw; a++) {
          g[j * b.cw + a] += (tau[i * k + j] - pi[j] / denom) * b.w[i * b.cw + a];
        }
      }
    }
    return g;
  }

  @Test
  void maximise_withABinaryCovariate_givesTheClassSharesWithinEachGroup() {
    // x = 0 for clients 0..3, 1 for 4..7; three classes
    ClientBlocks b = blocks(0, 0, 0, 0, 1, 1, 1, 1);
    double[] tau = {
        0.5, 0.3, 0.2, 0.7, 0.2, 0.1, 0.1, 0.6, 0.3, 0.3, 0.3, 0.4,
        0.1, 0.1, 0.8, 0.2, 0.2, 0.6, 0.3, 0.1, 0.6, 0.0, 0.4, 0.6};
    double[] eta = new double[6];
    new Membership(b, 3).maximise(tau, eta);
    double[][] share = new double[2][3];
    for (int i = 0; i < 8; i++) {
      for (int j = 0; j < 3; j++) {
        share[i / 4][j] += tau[i * 3 + j] / 4;
      }
    }
    assertEquals(0, eta[0]);
    assertEquals(0, eta[1]);
    for (int j = 1; j < 3; j++) {
      double base = Math.log(share[0][j] / share[0][0]);
      assertEquals(base, eta[j * 2], 1e-6, "intercept of class " + j);
      assertEquals(Math.log(share[1][j] / share[1][0]) - base, eta[j * 2 + 1], 1e-6,
          "covariate effect of class " + j);
    }
  }

  @Test
  void maximise_withAGradedCovariate_reachesTheStationaryPointFromAnyStart() {
    ClientBlocks b = blocks(-1, 0.5, 2, 3, 0, 1, -2, 1.5, 4);
    double[] tau = new double[9 * 2];
    for (int i = 0; i < 9; i++) {
      double x = b.w[i * 2 + 1];
      tau[i * 2 + 1] = 1 / (1 + Math.exp(-(0.3 + 0.8 * x))) * 0.6 + (i % 2) * 0.3;
      tau[i * 2] = 1 - tau[i * 2 + 1];
    }
    for (double[] start : new double[][] {{0, 0, 0, 0}, {0, 0, 3, -2}, {0, 0, -5, 5}}) {
      double[] eta = start.clone();
      double before = objective(b, 2, tau, eta);
      new Membership(b, 2).maximise(tau, eta);
      assertEquals(0, eta[0]);
      assertEquals(0, eta[1]);
      assertTrue(objective(b, 2, tau, eta) >= before);
      double[] g = gradient(b, 2, tau, eta);
      assertEquals(0, g[2], 1e-8);
      assertEquals(0, g[3], 1e-8);
      // a concave maximum: every small move lowers Q
      double q = objective(b, 2, tau, eta);
      for (int a = 2; a < 4; a++) {
        for (double h : new double[] {-1e-3, 1e-3}) {
          double[] moved = eta.clone();
          moved[a] += h;
          assertTrue(objective(b, 2, tau, moved) < q);
        }
      }
    }
  }

  @Test
  void maximise_atTheMaximum_leavesTheLogitsAsTheyAre() {
    ClientBlocks b = blocks(0, 0, 1, 1);
    double[] tau = {0.75, 0.25, 0.25, 0.75, 0.5, 0.5, 0.5, 0.5};
    // shares: x = 0 → 0.5, x = 1 → 0.5, so η_2 = (0, 0)
    double[] eta = {0, 0, 0, 0};
    new Membership(b, 2).maximise(tau, eta);
    assertArrayEquals(new double[] {0, 0, 0, 0}, eta);
  }

  @Test
  void maximise_fromPriorsThatUnderflowForSomeClients_stillReachesTheGroupShares() {
    // at η = (−800, 800) the clients with x = 0 have prior exactly 0 for class 2 and those
    // with x = 1 prior 1/2: the Hessian has rank 1 and needs a ridge
    ClientBlocks b = blocks(0, 0, 0, 1, 1, 1);
    double[] tau = {0.5, 0.5, 0.75, 0.25, 1, 0, 0.25, 0.75, 0.5, 0.5, 0, 1};
    double[] eta = {0, 0, -800, 800};
    double before = objective(b, 2, tau, eta);
    new Membership(b, 2).maximise(tau, eta);
    assertTrue(objective(b, 2, tau, eta) >= before);
    double share0 = 0.75 / 3;
    double share1 = 2.25 / 3;
    double base = Math.log(share0 / (1 - share0));
    assertEquals(base, eta[2], 1e-5);
    assertEquals(Math.log(share1 / (1 - share1)) - base, eta[3], 1e-5);
  }

  @Test
  void maximise_withOneClass_hasNothingToDo() {
    ClientBlocks b = blocks(0, 1, 2);
    double[] eta = {0, 0};
    new Membership(b, 1).maximise(new double[] {1, 1, 1}, eta);
    assertArrayEquals(new double[] {0, 0}, eta);
  }

  @Test
  void maximise_underCompleteSeparation_keepsFiniteLogitsWhosePriorsApproachThePosteriors() {
    // class 2 holds exactly the clients with x = 1: the maximum lies at infinity
    ClientBlocks b = blocks(0, 0, 0, 1, 1, 1);
    double[] tau = {1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1};
    double[] eta = new double[4];
    double before = objective(b, 2, tau, eta);
    new Membership(b, 2).maximise(tau, eta);
    for (double v : eta) {
      assertTrue(Double.isFinite(v));
    }
    double after = objective(b, 2, tau, eta);
    assertTrue(after > before);
    assertTrue(after > -1e-3, "Q = " + after + " should approach its supremum 0");
    assertTrue(eta[2] < -5 && eta[3] > 10, java.util.Arrays.toString(eta));
  }
}
