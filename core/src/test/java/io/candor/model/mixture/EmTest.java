package io.candor.model.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The EM engine against a direct oracle: each client's marginal density written out as an n × n
 * multivariate normal (y ~ N(Xβ, Z D Zᵀ + σ²I)), the posteriors from Bayes' rule, and the
 * complete-data M-step from per-client posterior means and covariances of the random effects.
 */
class EmTest {

  private static final String[] IDS = {"a", "a", "a", "a", "b", "b", "b", "b", "c", "c", "c",
      "d", "d", "e", "e", "e", "e", "e", "f", "f", "g", "h", "h", "h"};
  private static final double[] TIMES = {0, 1, 2, 3, 0, 1, 2, 3, 0, 2, 4, 1, 3, 0, 1, 2, 3, 4,
      0, 4, 2, 0, 1, 3};
  private static final double[] SCORES = {20, 15, 12, 9, 18, 16, 11, 10, 21, 13, 6, 12, 11, 14,
      15, 13, 14, 15, 16, 12, 14, 19, 17, 12};
  private static final double[] SEVERE = {1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
      1, 1, 0, 1, 1, 1};

  /** A setting: basis, random effects q, shared or per-class variances, covariates. */
  record Setting(TimeBasis basis, int q, boolean perSigma, boolean perD, boolean covariate) {
    @Override
    public String toString() {
      return basis + " q=" + q + (perSigma ? " σ per class" : " σ common")
          + (perD ? " D per class" : " D common") + (covariate ? " with covariate" : "");
    }
  }

  static List<Setting> settings() {
    List<Setting> out = new ArrayList<>();
    for (TimeBasis basis : new TimeBasis[] {TimeBasis.LINEAR, TimeBasis.QUADRATIC}) {
      for (int q = 0; q <= 2; q++) {
        out.add(new Setting(basis, q, true, true, false));
        out.add(new Setting(basis, q, false, false, q == 1));
      }
    }
    out.add(new Setting(TimeBasis.LINEAR, 2, true, false, true));
    out.add(new Setting(TimeBasis.LINEAR, 1, false, true, false));
    return out;
  }

  /** The settings where plain EM converges within a few hundred iterations. */
  static List<Setting> converging() {
    List<Setting> out = new ArrayList<>(settings());
    out.remove(SLOW);
    return out;
  }

  /** A random slope whose variance EM drives slowly towards a boundary. */
  static final Setting SLOW = new Setting(TimeBasis.QUADRATIC, 2, true, true, false);

  static GrowthData data() {
    return GrowthData.of(IDS, TIMES, SCORES).withCovariate("severe", SEVERE);
  }

  /** Blocks of a linear basis without membership covariates. */
  static ClientBlocks linearBlocks(String[] ids, double[] t, double[] y) {
    return ClientBlocks.of(GrowthData.of(ids, t, y),
        GrowthModel.withDefaults().with(TimeBasis.LINEAR), List.of());
  }

  /** Two clients on the same exact line: every residual variance collapses. */
  static ClientBlocks exactLines() {
    return linearBlocks(new String[] {"a", "a", "a", "b", "b", "b"},
        new double[] {0, 1, 2, 0, 1, 2}, new double[] {2, 5, 8, 2, 5, 8});
  }

  static ClientBlocks blocks(Setting s) {
    return ClientBlocks.of(data(), GrowthModel.withDefaults().with(s.basis()),
        s.covariate() ? List.of("severe") : List.of());
  }

  /** Two classes: a falling curve and a flat one, in the blocks' centred units. */
  static Params start(ClientBlocks b, int q) {
    Params th = new Params(2, b.p, q, b.cw);
    double c = b.yMean;
    th.beta[0] = 20 - c;
    th.beta[1] = -3;
    th.beta[b.p] = 14 - c;
    th.beta[b.p + 1] = 0;
    if (b.p == 3) {
      th.beta[2] = 0.2;
      th.beta[b.p + 2] = -0.1;
    }
    th.sigma2[0] = 2;
    th.sigma2[1] = 3;
    if (q == 1) {
      th.d[0] = 1.5;
      th.d[1] = 0.7;
    } else if (q == 2) {
      double[] d = {2, 0.3, 0.3, 0.5, 1, -0.2, -0.2, 0.4};
      System.arraycopy(d, 0, th.d, 0, 8);
    }
    if (b.cw == 2) {
      th.eta[2] = 0.4;
      th.eta[3] = -1.1;
    } else {
      th.eta[0] = Math.log(0.4);
      th.eta[1] = Math.log(0.6);
    }
    return th;
  }

  // ---- the oracle ------------------------------------------------------------------------

  /** Inverse and log-determinant of a small SPD matrix by Gauss–Jordan elimination. */
  static double[][] inverse(double[][] a, double[] logDet) {
    int n = a.length;
    double[][] m = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n + i] = 1;
    }
    double ld = 0;
    for (int c = 0; c < n; c++) {
      double piv = m[c][c];
      ld += Math.log(piv);
      for (int k = 0; k < 2 * n; k++) {
        m[c][k] /= piv;
      }
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = m[r][c];
          for (int k = 0; k < 2 * n; k++) {
            m[r][k] -= f * m[c][k];
          }
        }
      }
    }
    logDet[0] = ld;
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], n, inv[i], 0, n);
    }
    return inv;
  }

  static double[][] times(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b[0].length; j++) {
        for (int k = 0; k < b.length; k++) {
          c[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return c;
  }

  static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }

  static double[][] column(double[] v) {
    double[][] c = new double[v.length][1];
    for (int i = 0; i < v.length; i++) {
      c[i][0] = v[i];
    }
    return c;
  }

  /** What the oracle knows of one client and class: density, posterior of b. */
  record ClientClass(double logDensity, double[] bMean, double[][] bCov) {}

  static final class Oracle {
    final ClientBlocks b;
    final double[][][] x;
    final double[][] y;
    final double[][] w;

    Oracle(ClientBlocks b) {
      this.b = b;
      GrowthData data = data();
      double[] t = data.groupedTimes();
      double[] scores = data.groupedScores();
      x = new double[b.m][][];
      y = new double[b.m][];
      w = new double[b.m][b.cw];
      for (int i = 0; i < b.m; i++) {
        int n = b.start[i + 1] - b.start[i];
        x[i] = new double[n][b.p];
        y[i] = new double[n];
        for (int r = 0; r < n; r++) {
          b.design.designRow(t[b.start[i] + r], new double[0], x[i][r]);
          y[i][r] = scores[b.start[i] + r] - b.yMean;
        }
        System.arraycopy(b.w, i * b.cw, w[i], 0, b.cw);
      }
    }

    double[][] z(int i, int q) {
      double[][] z = new double[x[i].length][q];
      for (int r = 0; r < z.length; r++) {
        System.arraycopy(x[i][r], 0, z[r], 0, q);
      }
      return z;
    }

    double[][] d(Params th, int j) {
      int q = th.q;
      double[][] d = new double[q][q];
      for (int a = 0; a < q; a++) {
        for (int c = 0; c < q; c++) {
          d[a][c] = th.d[j * q * q + a * q + c];
        }
      }
      return d;
    }

    double[] residual(Params th, int i, int j, double[] beta) {
      double[] r = y[i].clone();
      for (int row = 0; row < r.length; row++) {
        for (int a = 0; a < th.p; a++) {
          r[row] -= x[i][row][a] * beta[j * th.p + a];
        }
      }
      return r;
    }

    ClientClass clientClass(Params th, int i, int j) {
      int n = y[i].length;
      int q = th.q;
      double[][] v = new double[n][n];
      double[][] z = z(i, q);
      double[][] d = d(th, j);
      double[][] zdz = q == 0 ? new double[n][n] : times(times(z, d), transpose(z));
      for (int r = 0; r < n; r++) {
        for (int c = 0; c < n; c++) {
          v[r][c] = zdz[r][c] + (r == c ? th.sigma2[j] : 0);
        }
      }
      double[] logDet = new double[1];
      double[][] vi = inverse(v, logDet);
      double[] r = residual(th, i, j, th.beta);
      double quad = times(times(transpose(column(r)), vi), column(r))[0][0];
      double ld = -0.5 * (n * Math.log(2 * Math.PI) + logDet[0] + quad);
      if (q == 0) {
        return new ClientClass(ld, new double[0], new double[0][0]);
      }
      double[][] dzvi = times(times(d, transpose(z)), vi);
      double[][] mean = times(dzvi, column(r));
      double[][] cov = times(dzvi, times(z, d));
      double[] bm = new double[q];
      double[][] bc = new double[q][q];
      for (int a = 0; a < q; a++) {
        bm[a] = mean[a][0];
        for (int c = 0; c < q; c++) {
          bc[a][c] = d[a][c] - cov[a][c];
        }
      }
      return new ClientClass(ld, bm, bc);
    }

    double[] priors(Params th, int i) {
      int k = th.k;
      double[] p = new double[k];
      double sum = 0;
      for (int j = 0; j < k; j++) {
        double v = 0;
        for (int a = 0; a < b.cw; a++) {
          v += th.eta[j * b.cw + a] * w[i][a];
        }
        p[j] = Math.exp(v);
        sum += p[j];
      }
      for (int j = 0; j < k; j++) {
        p[j] /= sum;
      }
      return p;
    }

    /** The log-likelihood, and the posteriors into tau. */
    double estep(Params th, double[] tau) {
      double ll = 0;
      for (int i = 0; i < b.m; i++) {
        double[] pr = priors(th, i);
        double[] f = new double[th.k];
        double sum = 0;
        for (int j = 0; j < th.k; j++) {
          f[j] = pr[j] * Math.exp(clientClass(th, i, j).logDensity());
          sum += f[j];
        }
        ll += Math.log(sum);
        for (int j = 0; j < th.k; j++) {
          tau[i * th.k + j] = f[j] / sum;
        }
      }
      return ll;
    }

    /** The complete-data M-step from θ (σ² multiplied by {@code scale}); η without covariates. */
    Params mstep(Params th, boolean perSigma, boolean perD, double scale) {
      int k = th.k;
      int p = th.p;
      int q = th.q;
      double[] tau = new double[b.m * k];
      estep(th, tau);
      Params out = th.copy();
      ClientClass[][] cc = new ClientClass[b.m][k];
      for (int i = 0; i < b.m; i++) {
        for (int j = 0; j < k; j++) {
          cc[i][j] = clientClass(th, i, j);
        }
      }
      double rssAll = 0;
      double rowsAll = 0;
      double[][] dAll = new double[q][q];
      for (int j = 0; j < k; j++) {
        double[][] a = new double[p][p];
        double[] rhs = new double[p];
        double wsum = 0;
        double rows = 0;
        for (int i = 0; i < b.m; i++) {
          double t = tau[i * k + j];
          wsum += t;
          rows += t * y[i].length;
          double[][] z = z(i, q);
          for (int r = 0; r < y[i].length; r++) {
            double target = y[i][r];
            for (int c = 0; c < q; c++) {
              target -= z[r][c] * cc[i][j].bMean()[c];
            }
            for (int u = 0; u < p; u++) {
              rhs[u] += t * x[i][r][u] * target;
              for (int v = 0; v < p; v++) {
                a[u][v] += t * x[i][r][u] * x[i][r][v];
              }
            }
          }
        }
        double[][] beta = times(inverse(a, new double[1]), column(rhs));
        for (int u = 0; u < p; u++) {
          out.beta[j * p + u] = beta[u][0];
        }
        double rss = 0;
        double[][] dj = new double[q][q];
        for (int i = 0; i < b.m; i++) {
          double t = tau[i * k + j];
          double[] r = residual(out, i, j, out.beta);
          double[][] z = z(i, q);
          for (int row = 0; row < r.length; row++) {
            for (int c = 0; c < q; c++) {
              r[row] -= z[row][c] * cc[i][j].bMean()[c];
            }
            rss += t * r[row] * r[row];
          }
          if (q > 0) {
            double[][] ztz = times(transpose(z), z);
            for (int u = 0; u < q; u++) {
              for (int v = 0; v < q; v++) {
                rss += t * ztz[u][v] * cc[i][j].bCov()[v][u];
                double e = t * (cc[i][j].bMean()[u] * cc[i][j].bMean()[v]
                    + cc[i][j].bCov()[u][v]);
                dj[u][v] += e;
                dAll[u][v] += e;
              }
            }
          }
        }
        out.sigma2[j] = scale * rss / rows;
        rssAll += rss;
        rowsAll += rows;
        for (int u = 0; u < q; u++) {
          for (int v = 0; v < q; v++) {
            out.d[j * q * q + u * q + v] = dj[u][v] / wsum;
          }
        }
        if (b.cw == 1) {
          out.eta[j] = Math.log(wsum / b.m);
        }
      }
      if (!perSigma) {
        java.util.Arrays.fill(out.sigma2, scale * rssAll / rowsAll);
      }
      if (!perD) {
        for (int j = 0; j < k; j++) {
          for (int u = 0; u < q; u++) {
            for (int v = 0; v < q; v++) {
              out.d[j * q * q + u * q + v] = dAll[u][v] / b.m;
            }
          }
        }
      }
      if (b.cw > 1) {
        new Membership(b, k).maximise(tau, out.eta);
      }
      return out;
    }
  }

  static void assertParams(Params expected, Params actual, double tol, String what) {
    assertArrayEquals(expected.beta, actual.beta, tol, what + ": β");
    assertArrayEquals(expected.sigma2, actual.sigma2, tol, what + ": σ²");
    assertArrayEquals(expected.d, actual.d, tol, what + ": D");
    assertArrayEquals(expected.eta, actual.eta, tol, what + ": η");
  }

  // ---- the tests -------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("settings")
  void estep_givesTheMarginalLogLikelihoodAndTheBayesPosteriors(Setting s) {
    ClientBlocks b = blocks(s);
    Params th = start(b, s.q());
    Em em = new Em(b, 2, s.q(), s.perSigma(), s.perD(), 1e-8);
    double ll = em.estep(th);
    double[] tau = new double[b.m * 2];
    double expected = new Oracle(b).estep(th, tau);
    assertEquals(expected, ll, 1e-9 * Math.abs(expected));
    assertArrayEquals(tau, em.tau, 1e-10);
  }

  @ParameterizedTest
  @MethodSource("settings")
  void mstep_isTheCompleteDataMaximum_givenThePosteriorsOfTheClassesAndRandomEffects(
      Setting s) {
    ClientBlocks b = blocks(s);
    for (double scale : new double[] {1, 1.25}) {
      Params th = start(b, s.q());
      Params expected = new Oracle(b).mstep(th, s.perSigma(), s.perD(), scale);
      Em em = new Em(b, 2, s.q(), s.perSigma(), s.perD(), 1e-8);
      em.varianceScale = scale;
      em.estep(th);
      assertNull(em.mstep(th));
      assertParams(expected, th, 1e-9, s + ", scale " + scale);
      // a second step from there, through the engine's own pattern sums
      Params again = new Oracle(b).mstep(th, s.perSigma(), s.perD(), scale);
      em.estep(th);
      assertNull(em.mstep(th));
      assertParams(again, th, 1e-9, s + ", second step");
    }
  }

  @ParameterizedTest
  @MethodSource("converging")
  void run_stopsByTheDocumentedRule_andReturnsTheParametersOfItsLastLogLikelihood(Setting s) {
    ClientBlocks b = blocks(s);
    for (double scale : new double[] {1, 1.3}) {
      for (int e = 4; e <= 20; e++) {
        double tol = Math.pow(10, -e / 2.0);
        checkStoppingRule(b, s, tol, scale);
      }
    }
  }

  /**
   * Plain EM step by step from a second engine, stopped by the rule of {@link Em}'s
   * documentation: the last increase and Aitken's estimate of the remaining one both at most
   * tol · (1 + |ℓ|); decreases beyond that band are counted.
   */
  private static void checkStoppingRule(ClientBlocks b, Setting s, double tol, double scale) {
    Em steps = new Em(b, 2, s.q(), s.perSigma(), s.perD(), tol);
    steps.varianceScale = scale;
    Params walk = start(b, s.q());
    List<Double> ll = new ArrayList<>();
    int expectedIterations = -1;
    int decreases = 0;
    for (int it = 0; it < 500 && expectedIterations < 0; it++) {
      double l = steps.estep(walk);
      ll.add(l);
      if (it >= 1) {
        double delta = l - ll.get(it - 1);
        double eps = tol * (1 + Math.abs(l));
        if (delta < -eps) {
          decreases++;
        }
        boolean done = false;
        if (Math.abs(delta) <= eps) {
          if (delta <= 0) {
            done = true;
          } else if (it >= 2) {
            double a = delta / (ll.get(it - 1) - ll.get(it - 2));
            done = a > 0 && a < 1 ? delta / (1 - a) <= eps : a <= 0;
          }
        }
        if (done) {
          expectedIterations = it + 1;
          break;
        }
      }
      assertNull(steps.mstep(walk));
    }
    String what = s + " tol " + tol + " scale " + scale;
    Em em = new Em(b, 2, s.q(), s.perSigma(), s.perD(), tol);
    em.varianceScale = scale;
    Em.Run run = em.run(start(b, s.q()), 500);
    assertNull(run.failure());
    if (expectedIterations < 0) { // not within the limit: the log-likelihood at the last step
      assertFalse(run.converged(), what);
      assertEquals(500, run.iterations(), what);
      assertEquals(steps.estep(walk), run.logLik(), 0, what);
    } else {
      assertTrue(expectedIterations > 1, what + ": the test needs a run of a few iterations");
      assertTrue(run.converged(), what);
      assertEquals(expectedIterations, run.iterations(), what);
      assertEquals(ll.get(expectedIterations - 1), run.logLik(), 0, what);
    }
    assertEquals(decreases, run.decreases(), what);
    assertParams(walk, run.params(), 0, what);
    if (scale == 1) {
      for (int i = 1; i < ll.size(); i++) {
        assertTrue(ll.get(i) >= ll.get(i - 1) - 1e-9 * Math.abs(ll.get(i)), "EM is monotone");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("settings")
  void run_atItsIterationLimit_reportsNoConvergence_andTheLogLikelihoodOfWhatItReturns(
      Setting s) {
    ClientBlocks b = blocks(s);
    for (int limit : new int[] {1, 3}) {
      Em em = new Em(b, 2, s.q(), s.perSigma(), s.perD(), 1e-12);
      Em.Run run = em.run(start(b, s.q()), limit);
      assertFalse(run.converged());
      assertNull(run.failure());
      assertEquals(limit, run.iterations());
      Params walk = start(b, s.q());
      Em steps = new Em(b, 2, s.q(), s.perSigma(), s.perD(), 1e-12);
      for (int it = 0; it < limit; it++) {
        steps.estep(walk);
        steps.mstep(walk);
      }
      assertParams(walk, run.params(), 0, s + " limit " + limit);
      assertEquals(steps.estep(walk), run.logLik(), 0);
    }
  }

  @ParameterizedTest
  @MethodSource("converging")
  void runAccelerated_reachesPlainEmsMaximum_withoutEverLoweringTheLogLikelihood(Setting s) {
    ClientBlocks b = blocks(s);
    Em plain = new Em(b, 2, s.q(), s.perSigma(), s.perD(), 1e-12);
    Em.Run slow = plain.run(start(b, s.q()), 20_000);
    Em em = new Em(b, 2, s.q(), s.perSigma(), s.perD(), 1e-12);
    Em.Run fast = em.runAccelerated(start(b, s.q()), 20_000);
    assertTrue(slow.converged() && fast.converged(), s + ": " + slow + " / " + fast);
    assertNull(fast.failure());
    assertEquals(0, fast.decreases(), s.toString());
    assertEquals(slow.logLik(), fast.logLik(), 1e-8 * Math.abs(slow.logLik()), s.toString());
    Em check = new Em(b, 2, s.q(), s.perSigma(), s.perD(), 1e-12);
    assertEquals(check.estep(fast.params()), fast.logLik(), 0);
    assertArrayEquals(slow.params().beta, fast.params().beta, 1e-3, s.toString());
  }

  @ParameterizedTest
  @MethodSource("settings")
  void runAccelerated_ofOneStep_returnsTheStartAndItsLogLikelihood(Setting s) {
    ClientBlocks b = blocks(s);
    Em em = new Em(b, 2, s.q(), s.perSigma(), s.perD(), 1e-8);
    Params th = start(b, s.q());
    Em.Run run = em.runAccelerated(th, 1);
    assertFalse(run.converged());
    assertEquals(1, run.iterations());
    assertParams(start(b, s.q()), run.params(), 0, s.toString());
    assertEquals(new Oracle(b).estep(start(b, s.q()), new double[b.m * 2]), run.logLik(),
        1e-9 * Math.abs(run.logLik()));
  }

  @Test
  void runAccelerated_needsFarFewerPassesThanPlainEm_whereEmIsSlow() {
    for (Setting s : List.of(SLOW)) {
      ClientBlocks b = blocks(s);
      Em.Run slow = new Em(b, 2, 2, true, true, 1e-7).run(start(b, 2), 100_000);
      Em.Run fast = new Em(b, 2, 2, true, true, 1e-7).runAccelerated(start(b, 2), 100_000);
      assertTrue(slow.converged() && fast.converged());
      assertEquals(0, fast.decreases());
      assertEquals(slow.logLik(), fast.logLik(), 1e-4 * Math.abs(slow.logLik()), s.toString());
      assertTrue(2 * fast.iterations() < slow.iterations(),
          s + ": " + fast.iterations() + " vs " + slow.iterations());
    }
  }

  @Test
  void rssCoefficients_giveTheResidualSumOfSquaresFromTheSufficientStatistics() {
    for (Setting s : List.of(new Setting(TimeBasis.LINEAR, 0, true, true, false),
        new Setting(TimeBasis.QUADRATIC, 0, true, true, false))) {
      ClientBlocks b = blocks(s);
      Params th = start(b, 0);
      Oracle o = new Oracle(b);
      double[] c = new double[b.len + 3];
      Em.rssCoefficients(th.beta, b.p, b.p, c, 3);
      for (int i = 0; i < b.m; i++) {
        double expected = 0;
        for (double r : o.residual(th, i, 1, th.beta)) {
          expected += r * r;
        }
        double actual = 0;
        for (int a = 0; a < b.len; a++) {
          actual += c[3 + a] * b.s[i * b.len + a];
        }
        assertEquals(expected, actual, 1e-9 * (1 + expected), s + " client " + i);
      }
    }
  }

  @Test
  void randomMeanAndCovariance_ofOneClient_areTheConditionalNormalOnesGivenTheClass() {
    for (int q = 1; q <= 2; q++) {
      Setting s = new Setting(TimeBasis.LINEAR, q, true, true, false);
      ClientBlocks all = blocks(s);
      Params th = start(all, q);
      Oracle o = new Oracle(all);
      for (int i = 0; i < all.m; i++) {
        int n = all.n(i);
        double[] t = java.util.Arrays.copyOfRange(all.times, all.start[i], all.start[i] + n);
        double[] y = o.y[i].clone(); // already centred: single() does not centre
        ClientBlocks one = ClientBlocks.single(all.design, t, y, new double[] {1});
        Em em = new Em(one, 2, q, true, true, 0);
        em.estep(th);
        for (int j = 0; j < 2; j++) {
          ClientClass cc = o.clientClass(th, i, j);
          assertArrayEquals(cc.bMean(), em.randomMean(j), 1e-10, "q " + q + " client " + i);
          double[] cov = em.randomCovariance(th, j);
          for (int a = 0; a < q; a++) {
            for (int c = 0; c < q; c++) {
              assertEquals(cc.bCov()[a][c], cov[a * q + c], 1e-10);
            }
          }
        }
      }
    }
  }

  @Test
  void mstep_reportsAClassWithoutClientsAsEmpty() {
    Setting s = new Setting(TimeBasis.LINEAR, 0, true, true, false);
    ClientBlocks b = blocks(s);
    Params th = start(b, 0);
    th.beta[b.p] = 1e4; // the second class is far from every client
    th.sigma2[1] = 1e-2;
    Em em = new Em(b, 2, 0, true, true, 1e-8);
    em.estep(th);
    assertEquals(Em.Failure.EMPTY_CLASS, em.mstep(th));
    Em.Run run = new Em(b, 2, 0, true, true, 1e-8).run(th, 50);
    assertEquals(Em.Failure.EMPTY_CLASS, run.failure());
    assertEquals(1, run.iterations());
    assertFalse(run.converged());
  }

  @Test
  void mstep_reportsAClassThatHoldsOnlyAClientSeenOnceAsEmpty() {
    // client g (one observation at time 2) alone cannot identify a line
    Setting s = new Setting(TimeBasis.LINEAR, 0, true, true, false);
    ClientBlocks b = blocks(s);
    Params th = start(b, 0);
    int g = b.clients.indexOf("g");
    th.beta[0] = 40 - b.yMean; // the first class is far from g
    th.beta[b.p] = b.s[g * b.len + ClientBlocks.XY]; // centred score of g at time 2
    th.beta[b.p + 1] = 0;
    th.sigma2[1] = 1e-6;
    th.eta[0] = Math.log(0.5);
    th.eta[1] = Math.log(0.5);
    Em em = new Em(b, 2, 0, true, true, 1e-8);
    em.estep(th);
    assertEquals(1, em.tau[g * 2 + 1], 1e-12);
    assertEquals(Em.Failure.EMPTY_CLASS, em.mstep(th));
  }

  @Test
  void mstep_reportsAResidualVarianceOfZeroForDataOnExactLines() {
    ClientBlocks b = exactLines();
    for (boolean perSigma : new boolean[] {true, false}) {
      Params th = new Params(1, 2, 0, 1);
      th.sigma2[0] = 1;
      Em em = new Em(b, 1, 0, perSigma, true, 1e-8);
      em.estep(th);
      assertEquals(Em.Failure.ZERO_RESIDUAL_SD, em.mstep(th));
    }
  }

  @Test
  void run_reportsANonFiniteLogLikelihood() {
    Setting s = new Setting(TimeBasis.LINEAR, 0, true, true, false);
    ClientBlocks b = blocks(s);
    Params th = start(b, 0);
    th.sigma2[0] = Double.NaN;
    Em.Run run = new Em(b, 2, 0, true, true, 1e-8).run(th, 10);
    assertEquals(Em.Failure.NON_FINITE, run.failure());
    assertEquals(1, run.iterations());
    assertFalse(run.converged());
    Params th2 = start(b, 0);
    th2.sigma2[0] = Double.NaN;
    Em.Run fast = new Em(b, 2, 0, true, true, 1e-8).runAccelerated(th2, 10);
    assertEquals(Em.Failure.NON_FINITE, fast.failure());
  }
}
