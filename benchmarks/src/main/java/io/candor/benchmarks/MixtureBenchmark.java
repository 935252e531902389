package io.candor.benchmarks;

import io.candor.model.growth.GrowthData;
import io.candor.model.growth.TimeBasis;
import io.candor.model.mixture.ClassEnumeration;
import io.candor.model.mixture.MixtureModel;
import io.candor.model.mixture.WithinClass;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Latent trajectory classes on 10,000 clients × 12 sessions (sessions 0–11, log basis), K = 1..5
 * for LCGA and K = 1..4 for a growth mixture model with a random intercept, 50 random starts per
 * K, one thread. Targets: LCGA under 5 s, GMM under 30 s on one core.
 *
 * <p>The data come from four classes of shapes (fast, gradual, slow improvement and no change;
 * shares 20/35/30/15 %, residual SD 2.5) with a random intercept of SD {@code interceptSd}
 * within each class: 2 is realistic (clients of one shape still differ in level), 0 makes the
 * data exactly LCGA, so that K = 5 is an overfitted model whose EM converges slowly.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MixtureBenchmark -f 1 -wi 1 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class MixtureBenchmark {

  /** Number of clients. */
  @Param({"10000"})
  public int clients;

  /** SD of the within-class random intercept of the simulated data. */
  @Param({"2", "0"})
  public double interceptSd;

  private GrowthData data;
  private final MixtureModel lcga = MixtureModel.withDefaults().with(TimeBasis.LOG)
      .withStarts(50);
  private final MixtureModel gmm = lcga.with(WithinClass.RANDOM_INTERCEPT);

  /** Builds the data once (fixed seed). */
  @Setup(Level.Trial)
  public void setUp() {
    data = simulate(clients, 12, interceptSd, 42);
  }

  /**
   * Four classes on log(session + 1): intercepts 18, 17, 16, 15 and slopes −5.5, −3, −1.2, 0.8,
   * shares 0.2, 0.35, 0.3, 0.15, residual SD 2.5, a random intercept of SD {@code interceptSd}.
   */
  static GrowthData simulate(int clients, int sessions, double interceptSd, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] shares = {0.2, 0.35, 0.3, 0.15};
    double[][] beta = {{18, -5.5}, {17, -3}, {16, -1.2}, {15, 0.8}};
    int n = clients * sessions;
    String[] ids = new String[n];
    double[] t = new double[n];
    double[] y = new double[n];
    int row = 0;
    for (int c = 0; c < clients; c++) {
      double u = rng.nextDouble();
      int k = 0;
      for (double acc = shares[0]; u >= acc && k < 3; acc += shares[++k]) {
        // walk the cumulative shares
      }
      double b = interceptSd * z.sample();
      String id = "c" + c;
      for (int s = 0; s < sessions; s++) {
        ids[row] = id;
        t[row] = s;
        y[row] = beta[k][0] + b + beta[k][1] * Math.log1p(s) + 2.5 * z.sample();
        row++;
      }
    }
    return GrowthData.of(ids, t, y);
  }

  /** LCGA, K = 1..5, 50 starts each, one thread. */
  @Benchmark
  public ClassEnumeration lcgaOneToFive() {
    return lcga.compare(data, 1, 5, RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
  }

  /** GMM with a random intercept, K = 1..4, 50 starts each, one thread. */
  @Benchmark
  public ClassEnumeration gmmOneToFour() {
    return gmm.compare(data, 1, 4, RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
  }
}
