package io.candor.benchmarks;

import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
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
 * Fitting {@code score ~ log(t+1) + (log(t+1) | id)} by REML on 100,000 clients × about 10
 * sessions (sessions 0–9, ~10% of visits after the intake missing at random). Target: under 2 s
 * on one core, peak heap under 1 GB (the fork runs with {@code -Xmx1g}).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar GrowthFitBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class GrowthFitBenchmark {

  /** Number of clients. */
  @Param({"100000"})
  public int clients;

  private GrowthData data;
  private final GrowthModel model = GrowthModel.withDefaults().with(TimeBasis.LOG);

  /** Builds the data once (fixed seed). */
  @Setup(Level.Trial)
  public void setUp() {
    data = simulate(clients, 42);
  }

  static GrowthData simulate(int clients, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ContinuousSampler g = GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), 0, 1);
    int max = clients * 10;
    String[] ids = new String[max];
    double[] t = new double[max];
    double[] y = new double[max];
    int n = 0;
    for (int c = 0; c < clients; c++) {
      String id = "c" + c;
      double b0 = 3.5 * g.sample();
      double b1 = 1.2 * g.sample();
      for (int s = 0; s < 10; s++) {
        if (s > 0 && rng.nextDouble() < 0.1) {
          continue;
        }
        ids[n] = id;
        t[n] = s;
        y[n] = 17 + b0 + (-2.8 + b1) * Math.log1p(s) + 2.5 * g.sample();
        n++;
      }
    }
    return GrowthData.of(java.util.Arrays.copyOf(ids, n), java.util.Arrays.copyOf(t, n),
        java.util.Arrays.copyOf(y, n));
  }

  /**
   * One REML fit.
   *
   * @return the fit (kept live by JMH)
   */
  @Benchmark
  public GrowthFit fitReml() {
    return model.fit(data);
  }
}
