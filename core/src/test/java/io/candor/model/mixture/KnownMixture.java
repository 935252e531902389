package io.candor.model.mixture;

import io.candor.model.growth.GrowthData;
import io.candor.model.growth.TimeBasis;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Test data from a known mixture of trajectories: each client draws a class with the given shares,
 * a random intercept (SD {@code interceptSd}, 0 for LCGA data) and scores
 * β0 + β1·f(t) + b + N(0, σ²) at sessions 0..sessions−1, f the basis's first term.
 */
final class KnownMixture {

  final double[] shares;
  final double[][] beta; // [class][term]
  final double[] sigma;
  final double interceptSd;
  final TimeBasis basis;

  KnownMixture(TimeBasis basis, double[] shares, double[][] beta, double[] sigma,
      double interceptSd) {
    this.basis = basis;
    this.shares = shares;
    this.beta = beta;
    this.sigma = sigma;
    this.interceptSd = interceptSd;
  }

  /** Four well-separated PHQ-9-like shapes on the log basis: fast, gradual, delayed-ish, none. */
  static KnownMixture fourShapes(double interceptSd) {
    return new KnownMixture(TimeBasis.LOG, new double[] {0.2, 0.35, 0.3, 0.15},
        new double[][] {{18, -5.5}, {17, -3}, {16, -1.2}, {15, 0.8}},
        new double[] {2.5, 2.5, 2.5, 2.5}, interceptSd);
  }

  /** Data for {@code clients} clients at sessions 0..sessions−1, with a true class per client. */
  Sample sample(int clients, int sessions, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
    List<String> ids = new ArrayList<>();
    List<Double> ts = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    int[] truth = new int[clients];
    for (int c = 0; c < clients; c++) {
      double u = rng.nextDouble();
      int cls = 0;
      double acc = shares[0];
      while (u >= acc && cls < shares.length - 1) {
        cls++;
        acc += shares[cls];
      }
      truth[c] = cls;
      double b = interceptSd * z.sample();
      for (int t = 0; t < sessions; t++) {
        double f = basis.firstTerm(t);
        double mu = beta[cls][0] + beta[cls][1] * f + (beta[cls].length > 2 ? beta[cls][2] * t * t : 0);
        ids.add("c" + c);
        ts.add((double) t);
        ys.add(mu + b + sigma[cls] * z.sample());
      }
    }
    GrowthData data = GrowthData.of(ids.toArray(new String[0]),
        ts.stream().mapToDouble(Double::doubleValue).toArray(),
        ys.stream().mapToDouble(Double::doubleValue).toArray());
    return new Sample(data, truth);
  }

  record Sample(GrowthData data, int[] truth) {}
}
