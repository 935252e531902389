package io.candor.benchmarks;

import io.candor.model.dose.DoseEffect;
import io.candor.model.dose.DoseEffectFit;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Probit dose–effect fit on a million per-client rows (sessions 1–52, improved with probability
 * Φ(−1.18 + 0.57·ln s), the Howard-shaped curve), fixed seed.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DoseEffectBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DoseEffectBenchmark {

  /** Number of clients. */
  @Param({"1000000"})
  public int clients;

  private double[] sessions;
  private boolean[] improved;

  /** Builds the data once. */
  @Setup
  public void setUp() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1986L);
    NormalDistribution normal = NormalDistribution.of(0, 1);
    sessions = new double[clients];
    improved = new boolean[clients];
    for (int i = 0; i < clients; i++) {
      sessions[i] = 1 + rng.nextInt(52);
      improved[i] =
          rng.nextDouble() < normal.cumulativeProbability(-1.18 + 0.57 * Math.log(sessions[i]));
    }
  }

  /**
   * Per-client probit fit.
   *
   * @return the fit (kept live by JMH)
   */
  @Benchmark
  public DoseEffectFit perClientProbit() {
    return DoseEffect.withDefaults().fitClients(sessions, improved);
  }
}
