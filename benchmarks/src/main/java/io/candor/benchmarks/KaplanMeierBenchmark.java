package io.candor.benchmarks;

import io.candor.model.survival.KaplanMeier;
import io.candor.model.survival.KaplanMeierFit;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Kaplan–Meier over a million clients (target: under 1 s). Two shapes of data: integer session
 * numbers 1–40 (counted, no sort) and fractional day times 0–730 (sorted), each with about 40 %
 * censoring, generated with a fixed seed.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar KaplanMeierBenchmark -f 1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KaplanMeierBenchmark {

  /** Number of clients. */
  @Param({"1000000"})
  public int clients;

  private int[] sessions;
  private double[] days;
  private boolean[] event;

  /** Builds the data once. */
  @Setup
  public void setUp() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261126L);
    sessions = new int[clients];
    days = new double[clients];
    event = new boolean[clients];
    for (int i = 0; i < clients; i++) {
      sessions[i] = 1 + rng.nextInt(40);
      days[i] = Math.round(rng.nextDouble() * 730 * 1000) / 1000.0;
      event[i] = rng.nextDouble() < 0.6;
    }
  }

  /**
   * Integer session numbers: the counting path.
   *
   * @return the curve (kept live by JMH)
   */
  @Benchmark
  public KaplanMeierFit sessionTimes() {
    return KaplanMeier.withDefaults().fit(sessions, event);
  }

  /**
   * Fractional day times (about 730,000 distinct values): the sorting path.
   *
   * @return the curve (kept live by JMH)
   */
  @Benchmark
  public KaplanMeierFit dayTimes() {
    return KaplanMeier.withDefaults().fit(days, event);
  }
}
