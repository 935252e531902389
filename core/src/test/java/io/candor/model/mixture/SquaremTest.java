package io.candor.model.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import io.candor.model.mixture.EmTest.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Em#runAccelerated}'s route, not only where it ends: SQUAREM as {@link Em}'s documentation
 * states it (Varadhan and Roland's scheme S3 with their adaptive step bound, the extrapolation
 * kept only when it does not end below θ2), walked step by step on a second engine's E- and
 * M-steps, with its own packing of the parameters as β, log σ², the Cholesky factor of D and the
 * membership logits. The run must take the same passes, stop at the same one and return the same
 * parameters.
 */
class SquaremTest {

  /** What the walk saw, so that a test can tell that a branch was taken. */
  static final class Route {
    int extrapolations;
    int rejected;
    int invalid;
    int decreases;
    int failures;
    int plainSteps;
    double largestBound = 1;
  }

  /** SQUAREM by the documentation, on {@code em}'s steps; fills {@code route}. */
  static Em.Run walk(Em em, Params th, int maxSteps, double tol, Route route) {
    double bound = 1;
    int steps = 0;
    int decreases = 0;
    double[] theta2 = null; // θ2 of the last cycle, when its extrapolation is on trial
    double fallback = Double.NaN;
    while (true) {
      double[][] v = new double[3][];
      double[] ll = new double[3];
      for (int s = 0; s < 3; s++) {
        if (s > 0) {
          Em.Failure f = em.mstep(th);
          if (f != null) {
            return new Em.Run(th, ll[s - 1], steps, false, f, decreases);
          }
        }
        ll[s] = em.estep(th);
        steps++;
        if (s == 0 && theta2 != null) {
          if (!(ll[0] >= fallback)) { // F(θ') ended below θ2: back to θ2, a smaller bound
            route.rejected++;
            unpack(theta2, th);
            bound = Math.max(1, bound / 4);
            ll[0] = em.estep(th);
            steps++;
          }
          theta2 = null;
        }
        if (s > 0 && ll[s] < ll[s - 1] - tol * (1 + Math.abs(ll[s]))) {
          decreases++;
        }
        if (!Double.isFinite(ll[s])) {
          return new Em.Run(th, ll[s], steps, false, Em.Failure.NON_FINITE, decreases);
        }
        if (s == 2 && aitkenDone(ll[0], ll[1], ll[2], tol)) {
          return new Em.Run(th, ll[2], steps, true, null, decreases);
        }
        if (steps >= maxSteps) {
          return new Em.Run(th, ll[s], steps, false, null, decreases);
        }
        v[s] = pack(th);
      }
      int n = v[0].length;
      double rr = 0;
      double ww = 0;
      for (int a = 0; a < n; a++) {
        double r = v[1][a] - v[0][a];
        double w = v[2][a] - 2 * v[1][a] + v[0][a];
        rr += r * r;
        ww += w * w;
      }
      // α = −|r|/|v|, between −bound and −1; reaching the bound lets it grow fourfold
      double alpha = ww > 0 ? -Math.sqrt(rr / ww) : Double.NEGATIVE_INFINITY;
      alpha = Math.min(-1, Math.max(alpha, -bound));
      if (alpha == -bound) {
        bound *= 4;
        route.largestBound = Math.max(route.largestBound, bound);
      }
      if (alpha == -1) { // θ' = θ2: the cycle ends with a plain EM step from θ2
        route.plainSteps++;
        Em.Failure f = em.mstep(th);
        if (f != null) {
          return new Em.Run(th, ll[2], steps, false, f, decreases);
        }
        continue;
      }
      double[] x = new double[n];
      for (int a = 0; a < n; a++) {
        double r = v[1][a] - v[0][a];
        double w = v[2][a] - 2 * v[1][a] + v[0][a];
        x[a] = v[0][a] - 2 * alpha * r + alpha * alpha * w;
      }
      route.extrapolations++;
      unpack(x, th);
      double lx = em.estep(th);
      steps++;
      if (!Double.isFinite(lx) || em.mstep(th) != null) { // θ' is no model: on from θ2
        route.invalid++;
        bound = Math.max(1, bound / 4);
        unpack(v[2], th);
        continue;
      }
      theta2 = v[2];
      fallback = ll[2];
    }
  }

  /** {@link Em}'s stopping rule on three successive log-likelihoods. */
  static boolean aitkenDone(double l0, double l1, double l2, double tol) {
    double delta = l2 - l1;
    double eps = tol * (1 + Math.abs(l2));
    if (Math.abs(delta) > eps) {
      return false;
    }
    if (delta <= 0) {
      return true;
    }
    double a = delta / (l1 - l0);
    return a > 0 && a < 1 ? delta / (1 - a) <= eps : a <= 0;
  }

  private static int q(Params th) {
    return (int) Math.round(Math.sqrt(th.d.length / (double) th.sigma2.length));
  }

  /** θ as a vector: β, then log σ² of each class, the Cholesky factors of D, the logits. */
  static double[] pack(Params th) {
    int k = th.sigma2.length;
    int q = q(th);
    List<Double> v = new ArrayList<>();
    for (double b : th.beta) {
      v.add(b);
    }
    for (double s : th.sigma2) {
      v.add(Math.log(s));
    }
    for (int j = 0; j < k; j++) {
      if (q == 1) {
        v.add(Math.sqrt(Math.max(0, th.d[j])));
      } else if (q == 2) {
        double l00 = Math.sqrt(Math.max(0, th.d[4 * j]));
        double l10 = l00 > 0 ? th.d[4 * j + 1] / l00 : 0;
        v.add(l00);
        v.add(l10);
        v.add(Math.sqrt(Math.max(0, Math.max(0, th.d[4 * j + 3]) - l10 * l10)));
      }
    }
    for (double e : th.eta) {
      v.add(e);
    }
    return v.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The inverse of {@link #pack}: D = L Lᵀ, σ² = exp. */
  static void unpack(double[] v, Params th) {
    int k = th.sigma2.length;
    int q = q(th);
    int o = 0;
    for (int a = 0; a < th.beta.length; a++) {
      th.beta[a] = v[o++];
    }
    for (int j = 0; j < k; j++) {
      th.sigma2[j] = Math.exp(v[o++]);
    }
    for (int j = 0; j < k; j++) {
      if (q == 1) {
        th.d[j] = v[o] * v[o];
        o++;
      } else if (q == 2) {
        double l00 = v[o++];
        double l10 = v[o++];
        double l11 = v[o++];
        th.d[4 * j] = l00 * l00;
        th.d[4 * j + 1] = l00 * l10;
        th.d[4 * j + 2] = l00 * l10;
        th.d[4 * j + 3] = l10 * l10 + l11 * l11;
      }
    }
    for (int a = 0; a < th.eta.length; a++) {
      th.eta[a] = v[o++];
    }
  }

  /**
   * A small random panel: clients on a falling or a flat course, three to six sessions each, with
   * noise that differs between seeds; its fits take every branch of the route somewhere.
   */
  static GrowthData panel(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<String> ids = new ArrayList<>();
    List<Double> t = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    int clients = 8 + r.nextInt(20);
    for (int i = 0; i < clients; i++) {
      int sessions = 3 + r.nextInt(4);
      boolean falling = r.nextBoolean();
      double start = (falling ? 20 : 14) + 3 * r.nextGaussian();
      double slope = (falling ? -2.5 : 0) + r.nextGaussian() * (seed % 3);
      for (int j = 0; j < sessions; j++) {
        ids.add("c" + i);
        t.add((double) j);
        y.add(start + slope * j + r.nextGaussian() * (1 + seed % 4));
      }
    }
    return GrowthData.of(ids.toArray(String[]::new), t.stream().mapToDouble(d -> d).toArray(),
        y.stream().mapToDouble(d -> d).toArray());
  }

  private static void check(ClientBlocks b, Setting s, double tol, int maxSteps, Route route) {
    check(b, s, tol, maxSteps, 1, route);
  }

  /** Compares the run with the walk; {@code scale} is the engine's variance scale. */
  private static void check(ClientBlocks b, Setting s, double tol, int maxSteps, double scale,
      Route route) {
    Em oracle = new Em(b, 2, s.q(), s.perSigma(), s.perD(), tol);
    oracle.varianceScale = scale;
    Em.Run expected = walk(oracle, EmTest.start(b, s.q()), maxSteps, tol, route);
    Em em = new Em(b, 2, s.q(), s.perSigma(), s.perD(), tol);
    em.varianceScale = scale;
    Em.Run run = em.runAccelerated(EmTest.start(b, s.q()), maxSteps);
    String what = s + " tol " + tol + " limit " + maxSteps + " scale " + scale;
    if (expected.decreases() > 0) {
      route.decreases++;
    }
    if (expected.failure() != null) {
      route.failures++;
    }
    assertEquals(expected.failure(), run.failure(), what);
    assertEquals(expected.converged(), run.converged(), what);
    assertEquals(expected.iterations(), run.iterations(), what);
    assertEquals(expected.decreases(), run.decreases(), what);
    assertEquals(expected.logLik(), run.logLik(), 0, what);
    EmTest.assertParams(expected.params(), run.params(), 0, what);
  }

  @Test
  void runAccelerated_takesTheDocumentedRoute_toTheSamePassAndParameters() {
    Route route = new Route();
    for (Setting s : EmTest.settings()) {
      for (double tol : new double[] {1e-4, 1e-8, 1e-12}) {
        check(EmTest.blocks(s), s, tol, 5_000, route);
      }
      // variances scaled up, as for the bootstrap's replicates: EM is no longer monotone
      check(EmTest.blocks(s), s, 1e-8, 5_000, 1.3, route);
    }
    for (long seed : new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 31}) {
      for (TimeBasis basis : new TimeBasis[] {TimeBasis.LINEAR, TimeBasis.QUADRATIC}) {
        ClientBlocks b = ClientBlocks.of(panel(seed), GrowthModel.withDefaults().with(basis),
            List.of());
        for (int q = 0; q <= 2; q++) {
          for (boolean perClass : new boolean[] {true, false}) {
            check(b, new Setting(basis, q, perClass, perClass, false), 1e-10, 3_000, route);
          }
        }
      }
    }
    // the walks went through every branch: kept, rejected and invalid extrapolations, a bound
    // grown past 4, cycles that end with a plain EM step, decreases and failed M-steps
    assertTrue(route.extrapolations > 1000, "extrapolations " + route.extrapolations);
    assertTrue(route.rejected > 5, "rejected " + route.rejected);
    assertTrue(route.invalid > 0, "invalid " + route.invalid);
    assertTrue(route.largestBound >= 64, "bound " + route.largestBound);
    assertTrue(route.plainSteps > 0, "plain steps " + route.plainSteps);
    assertTrue(route.decreases > 0, "runs with decreases " + route.decreases);
    assertTrue(route.failures > 0, "runs ending in a failure " + route.failures);
  }

  @Test
  void runAccelerated_stoppedAtEachPassOfItsRoute_returnsWhatTheWalkHasThere() {
    // four extrapolations of this fit are rejected within its first 150 passes, and the
    // rejection branch also counts passes
    ClientBlocks b = ClientBlocks.of(panel(3), GrowthModel.withDefaults().with(TimeBasis.LINEAR),
        List.of());
    Setting s = new Setting(TimeBasis.LINEAR, 2, false, false, false);
    Route route = new Route();
    for (int limit = 1; limit <= 150; limit++) {
      check(b, s, 1e-10, limit, route);
    }
    assertTrue(route.rejected > 100, route.rejected + " rejected");
    Setting covariate = new Setting(TimeBasis.LINEAR, 2, true, false, true);
    for (int limit = 1; limit <= 40; limit++) {
      check(EmTest.blocks(covariate), covariate, 1e-10, limit, route);
    }
  }

  @Test
  void packing_roundTripsTheParameters() {
    for (Setting s : EmTest.settings()) {
      ClientBlocks b = EmTest.blocks(s);
      Params th = EmTest.start(b, s.q());
      Params back = th.copy();
      unpack(pack(th), back);
      EmTest.assertParams(th, back, 1e-12, s.toString());
      assertArrayEquals(pack(th), pack(back), 1e-12, s.toString());
    }
  }
}
