package io.candor.benchmarks;

import io.candor.model.growth.ClusterPart;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Fitting clients nested in therapists, {@code score ~ log(t+1) + (1 | therapist) +
 * (log(t+1) | therapist:client)} by REML, on 500 therapists × 200 clients × 10 sessions
 * (1,000,000 rows). Target: under 3 s on one core. Besides JMH's wall-clock score the run reports
 * {@code cpuMs}, the fitting thread's CPU time, which a busy machine does not inflate.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ThreeLevelFitBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g", "-XX:ActiveProcessorCount=1"})
public class ThreeLevelFitBenchmark {

  /** Number of therapists. */
  @Param({"500"})
  public int therapists;

  /** Clients per therapist. */
  @Param({"200"})
  public int clients;

  /** Sessions per client. */
  @Param({"10"})
  public int sessions;

  private GrowthData data;
  private final GrowthModel model = GrowthModel.withDefaults().with(TimeBasis.LOG)
      .with(ClusterPart.INTERCEPT);

  /** Builds the data once (fixed seed). */
  @Setup(Level.Trial)
  public void setUp() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    int n = therapists * clients * sessions;
    String[] ids = new String[n];
    String[] th = new String[n];
    double[] t = new double[n];
    double[] y = new double[n];
    int r = 0;
    for (int j = 0; j < therapists; j++) {
      String tid = "t" + j;
      double v = 1.5 * g.sample();
      for (int c = 0; c < clients; c++) {
        String cid = tid + "c" + c;
        double b0 = 3 * g.sample();
        double b1 = g.sample();
        for (int s = 0; s < sessions; s++) {
          ids[r] = cid;
          th[r] = tid;
          t[r] = s;
          y[r] = 16 + v + b0 + (-2.5 + b1) * Math.log1p(s) + 2 * g.sample();
          r++;
        }
      }
    }
    data = GrowthData.of(ids, t, y).withClusters(th);
  }

  /**
   * CPU time of the fitting thread, reported beside JMH's wall-clock score: on a shared machine the
   * wall clock includes time spent waiting for a core, the CPU time does not.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Cpu {
    /** CPU milliseconds of the last measured fit. */
    public double cpuMs;
  }

  /**
   * One three-level REML fit.
   *
   * @param cpu receives the fit's CPU time
   * @return the fit
   */
  @Benchmark
  public GrowthFit fitReml(Cpu cpu) {
    long start = THREADS.getCurrentThreadCpuTime();
    GrowthFit fit = model.fit(data);
    cpu.cpuMs = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
    return fit;
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();
}
