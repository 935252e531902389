package io.candor.model.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.model.growth.GrowthData;
import io.candor.model.growth.TimeBasis;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** {@link Bootstrap}: the simulated replicates and the likelihood-ratio tests built on them. */
class BootstrapRunTest {

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
  }

  /** {@code clients} clients at times 0, 1, 3; covariate x = 1 for every third client. */
  private static GrowthData panel(int clients) {
    double[] t = {0, 1, 3};
    String[] ids = new String[3 * clients];
    double[] times = new double[3 * clients];
    double[] y = new double[3 * clients];
    double[] x = new double[3 * clients];
    for (int c = 0; c < clients; c++) {
      for (int r = 0; r < 3; r++) {
        ids[3 * c + r] = "c" + c;
        times[3 * c + r] = t[r];
        y[3 * c + r] = 10 + r + (c % 5);
        x[3 * c + r] = c % 3 == 0 ? 1 : 0;
      }
    }
    return GrowthData.of(ids, times, y).withCovariate("x", x);
  }

  /** Two classes: 20 − 3t (σ² 2) with share 0.3 and 12 + 0.5t (σ² 4), shifted by 0. */
  private static Params twoClasses(int q, int cw) {
    Params th = new Params(2, 2, q, cw);
    th.beta[0] = 20;
    th.beta[1] = -3;
    th.beta[2] = 12;
    th.beta[3] = 0.5;
    th.sigma2[0] = 2;
    th.sigma2[1] = 4;
    if (q == 2) {
      double[] d = {3, 1.2, 1.2, 1, 1, 0.4, 0.4, 0.25};
      System.arraycopy(d, 0, th.d, 0, 8);
    }
    if (cw == 1) {
      th.eta[0] = Math.log(0.3);
      th.eta[1] = Math.log(0.7);
    } else {
      th.eta[2] = 1.2; // log odds of class 2: 1.2 − 2x
      th.eta[3] = -2;
    }
    return th;
  }

  /** Few starts, a common residual SD: fits of the small panel in milliseconds. */
  private static MixtureModel quick(int replicates) {
    return MixtureModel.withDefaults().with(ResidualVariance.COMMON).withStarts(3)
        .withFinalStarts(1).withStartIterations(5).withBootstrapReplicates(replicates);
  }

  private static TrajectoryClasses classes(MixtureModel model, Params th, double[] shares) {
    return TrajectoryClasses.from(model, th, 0, shares);
  }

  /** Mean of y at time slot r and the covariance of slots r and s over the given clients. */
  private static double[][] moments(GrowthData sim, boolean[] use) {
    double[] y = sim.groupedScores();
    double[] mean = new double[3];
    int n = 0;
    for (int c = 0; c < use.length; c++) {
      if (use[c]) {
        n++;
        for (int r = 0; r < 3; r++) {
          mean[r] += y[3 * c + r];
        }
      }
    }
    for (int r = 0; r < 3; r++) {
      mean[r] /= n;
    }
    double[][] out = new double[4][3];
    out[0] = mean;
    for (int c = 0; c < use.length; c++) {
      if (use[c]) {
        for (int r = 0; r < 3; r++) {
          for (int s = 0; s < 3; s++) {
            out[1 + r][s] += (y[3 * c + r] - mean[r]) * (y[3 * c + s] - mean[s]) / n;
          }
        }
      }
    }
    return out;
  }

  /** The mixture's mean and covariance at times 0, 1, 3 for class shares pi. */
  private static double[][] expectedMoments(Params th, double[] pi) {
    double[] t = {0, 1, 3};
    double[][] out = new double[4][3];
    double[][] second = new double[3][3];
    for (int j = 0; j < 2; j++) {
      for (int r = 0; r < 3; r++) {
        double mr = th.beta[2 * j] + th.beta[2 * j + 1] * t[r];
        out[0][r] += pi[j] * mr;
        for (int s = 0; s < 3; s++) {
          double ms = th.beta[2 * j] + th.beta[2 * j + 1] * t[s];
          double cov = r == s ? th.sigma2[j] : 0;
          if (th.q == 2) {
            double[] d = java.util.Arrays.copyOfRange(th.d, 4 * j, 4 * j + 4);
            cov += d[0] + (t[r] + t[s]) * d[1] + t[r] * t[s] * d[3];
          }
          second[r][s] += pi[j] * (cov + mr * ms);
        }
      }
    }
    for (int r = 0; r < 3; r++) {
      for (int s = 0; s < 3; s++) {
        out[1 + r][s] = second[r][s] - out[0][r] * out[0][s];
      }
    }
    return out;
  }

  private static void assertMoments(double[][] expected, double[][] actual, int n, String what) {
    for (int r = 0; r < 3; r++) {
      double se = Math.sqrt(expected[1 + r][r] / n);
      assertEquals(expected[0][r], actual[0][r], 5 * se, what + ": mean at slot " + r);
      for (int s = 0; s < 3; s++) {
        double scale = Math.sqrt(expected[1 + r][r] * expected[1 + s][s]);
        assertEquals(expected[1 + r][s], actual[1 + r][s], 6 * scale * Math.sqrt(2.0 / n),
            what + ": covariance " + r + ", " + s);
      }
    }
  }

  @Test
  void simulate_keepsClientsTimesAndCovariates_andDrawsFromTheLatentClassModel() {
    GrowthData data = panel(6000);
    Params th = twoClasses(0, 1);
    MixtureModel model = MixtureModel.withDefaults();
    GrowthData sim = Bootstrap.simulate(classes(model, th, new double[] {0.3, 0.7}), data,
        rng(3));
    assertEquals(data.clients(), sim.clients());
    assertArrayEquals(data.groupedTimes(), sim.groupedTimes());
    boolean[] all = new boolean[6000];
    java.util.Arrays.fill(all, true);
    assertMoments(expectedMoments(th, new double[] {0.3, 0.7}), moments(sim, all), 6000, "LCGA");
  }

  @Test
  void simulate_ofAGrowthMixture_addsEachClientsOwnInterceptAndSlope() {
    GrowthData data = panel(6000);
    Params th = twoClasses(2, 1);
    MixtureModel model = MixtureModel.withDefaults().with(WithinClass.RANDOM_INTERCEPT_SLOPE);
    GrowthData sim = Bootstrap.simulate(classes(model, th, new double[] {0.3, 0.7}), data,
        rng(4));
    boolean[] all = new boolean[6000];
    java.util.Arrays.fill(all, true);
    assertMoments(expectedMoments(th, new double[] {0.3, 0.7}), moments(sim, all), 6000, "GMM");
    Params ri = twoClasses(1, 1);
    ri.d[0] = 3;
    ri.d[1] = 1;
    GrowthData simRi = Bootstrap.simulate(classes(
        MixtureModel.withDefaults().with(WithinClass.RANDOM_INTERCEPT), ri,
        new double[] {0.3, 0.7}), data, rng(5));
    double[][] m = moments(simRi, all);
    // with a random intercept only, every pair of times shares the intercept variance
    double[][] e = expectedMoments(twoClasses(0, 1), new double[] {0.3, 0.7});
    for (int r = 0; r < 3; r++) {
      for (int s = 0; s < 3; s++) {
        e[1 + r][s] += 0.3 * 3 + 0.7 * 1;
      }
    }
    assertMoments(e, m, 6000, "random intercept");
  }

  @Test
  void simulate_withMembershipCovariates_drawsTheClassFromEachClientsOwnPriors() {
    GrowthData data = panel(6000);
    Params th = twoClasses(0, 2);
    MixtureModel model = MixtureModel.withDefaults().withMembershipCovariates("x");
    TrajectoryClasses tc = classes(model, th, new double[] {0.5, 0.5});
    GrowthData sim = Bootstrap.simulate(tc, data, rng(6));
    assertEquals(data.covariateNames(), sim.covariateNames());
    boolean[] x1 = new boolean[6000];
    boolean[] x0 = new boolean[6000];
    for (int c = 0; c < 6000; c++) {
      assertEquals(data.covariate("x", c), sim.covariate("x", c));
      x1[c] = c % 3 == 0;
      x0[c] = !x1[c];
    }
    double p0 = 1 / (1 + Math.exp(1.2)); // class 1 when x = 0
    double p1 = 1 / (1 + Math.exp(1.2 - 2)); // class 1 when x = 1
    assertMoments(expectedMoments(th, new double[] {p0, 1 - p0}), moments(sim, x0), 4000,
        "x = 0");
    assertMoments(expectedMoments(th, new double[] {p1, 1 - p1}), moments(sim, x1), 2000,
        "x = 1");
  }

  @Test
  void tests_compareEachKWithKMinusOne_onReplicatesDrawnFromTheSmallerModel() {
    GrowthData data = EmTest.data();
    MixtureModel model = quick(4);
    MixtureFit one = model.fit(data, 1, rng(1));
    MixtureFit two = model.fit(data, 2, rng(1));
    List<BootstrapTest> tests = Bootstrap.tests(model, data, List.of(one, two), rng(9));
    assertEquals(1, tests.size());
    BootstrapTest test = tests.get(0);
    double observed = 2 * (two.logLik() - one.logLik());
    Hand hand = byHand(model, data, one, two, rng(9));
    List<Double> stats = hand.stats();
    int failed = hand.test().failedReplicates();
    assertEquals(hand.test(), test);
    // an observed statistic equal to each replicate's: the replicates at or above it count
    for (double at : stats) {
      MixtureFit same = new MixtureFit(two.model(), two.clients(), two.observations(),
          one.logLik() + at / 2, two.classificationEntropy(), two.modalLogPosterior(),
          two.classSummaries(), two.starts(), two.convergence(), two.degeneracies());
      double atObserved = 2 * (same.logLik() - one.logLik());
      long expected = stats.stream().filter(v -> v >= atObserved).count();
      BootstrapTest t = Bootstrap.tests(model, data, List.of(one, same), rng(9)).get(0);
      assertEquals(expected, t.exceedances(), "observed " + atObserved + ", replicates " + stats);
      assertEquals(failed, t.failedReplicates());
    }
    assertEquals(observed, test.statistic(), 0);
    assertEquals(Bootstrap.tests(model.withThreads(2), data, List.of(one, two), rng(9)), tests);
    assertTrue(stats.size() >= 2, "replicates that gave a statistic: " + stats);
  }

  /** A test computed by hand, and the statistics of the replicates that gave one. */
  record Hand(BootstrapTest test, List<Double> stats) {}

  /**
   * The test of {@code larger} against {@code smaller} by its documented procedure: replicate r
   * simulated from the smaller model on a stream seeded with words 2r and 2r + 1 of the caller's
   * provider, the K − 1 model fitted first, then K, from the same stream; a replicate where a fit
   * finds no solution counts as failed.
   */
  static Hand byHand(MixtureModel model, GrowthData data, MixtureFit smaller, MixtureFit larger,
      UniformRandomProvider caller) {
    int replicates = model.bootstrapReplicates();
    int k = larger.classes();
    double observed = 2 * (larger.logLik() - smaller.logLik());
    long[] seeds = new long[2 * replicates];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = caller.nextLong();
    }
    int failed = 0;
    int exceed = 0;
    List<Double> stats = new ArrayList<>();
    for (int r = 0; r < replicates; r++) {
      UniformRandomProvider stream = new XoRoShiRo128PlusPlus(seeds[2 * r], seeds[2 * r + 1]);
      GrowthData sim = Bootstrap.simulate(smaller.model(), data, stream);
      try {
        double lower = model.fit(sim, k - 1, stream).logLik();
        double v = 2 * (model.fit(sim, k, stream).logLik() - lower);
        stats.add(v);
        exceed += v >= observed ? 1 : 0;
      } catch (Search.NoSolution e) {
        failed++;
      }
    }
    return new Hand(new BootstrapTest(k, observed, replicates, failed, exceed), stats);
  }

  @Test
  void tests_countReplicatesWithoutASolution_andSkipAPairWhereNoReplicateHasOne() {
    // 20 clients at times 0, 1, 3; the smaller model's first class has a residual variance of
    // 1e-30: a replicate with its clients on that exact line gives no 2- or 3-class solution
    // with a residual SD per class. With a share of 0.05 about half the replicates draw such
    // clients; with 0.5 all of them do, and the pair is left out
    double[] t = {0, 1, 3};
    String[] ids = new String[60];
    double[] times = new double[60];
    double[] y = new double[60];
    for (int c = 0; c < 20; c++) {
      for (int r = 0; r < 3; r++) {
        ids[3 * c + r] = "c" + c;
        times[3 * c + r] = t[r];
        y[3 * c + r] = 10 + r + (c % 5) + ((c * 7 + r * 3) % 4);
      }
    }
    GrowthData data = GrowthData.of(ids, times, y);
    MixtureModel model = MixtureModel.withDefaults().withStarts(3).withFinalStarts(1)
        .withStartIterations(5).withBootstrapReplicates(10);
    MixtureFit two = model.fit(data, 2, rng(1));
    MixtureFit three = model.fit(data, 3, rng(1));
    for (double share : new double[] {0.05, 0.5}) {
      Params th = twoClasses(0, 1);
      th.sigma2[0] = 1e-30;
      th.eta[0] = Math.log(share);
      th.eta[1] = Math.log(1 - share);
      MixtureFit smaller = new MixtureFit(classes(model, th, new double[] {share, 1 - share}),
          two.clients(), two.observations(), two.logLik(), two.classificationEntropy(),
          two.modalLogPosterior(), two.classSummaries(), two.starts(), two.convergence(),
          two.degeneracies());
      Hand hand = byHand(model, data, smaller, three, rng(1));
      List<BootstrapTest> tests = Bootstrap.tests(model, data, List.of(smaller, three), rng(1));
      if (share == 0.05) {
        assertTrue(hand.test().failedReplicates() > 0 && hand.test().failedReplicates() < 10,
            hand.toString());
        assertEquals(List.of(hand.test()), tests);
        assertEquals(List.of(hand.test()),
            Bootstrap.tests(model.withThreads(2), data, List.of(smaller, three), rng(1)));
      } else {
        assertEquals(10, hand.test().failedReplicates(), hand.toString());
        assertEquals(List.of(), tests);
      }
    }
  }

  @Test
  void tests_skipPairsThatAreNotConsecutive() {
    GrowthData data = EmTest.data();
    MixtureModel model = quick(2);
    MixtureFit one = model.fit(data, 1, rng(1));
    MixtureFit three = model.fit(data, 3, rng(1));
    assertEquals(List.of(), Bootstrap.tests(model, data, List.of(one, three), rng(9)));
  }
}
