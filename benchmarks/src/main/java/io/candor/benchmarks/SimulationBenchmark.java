package io.candor.benchmarks;

import io.candor.measure.Instruments;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.SimulationSummary;
import io.candor.simulation.Simulator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of summary-only simulation: clients (16 sessions after intake, calibrated PHQ-9
 * defaults) per second, on 1 and 2 worker threads. One operation = one client trajectory.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SimulationBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class SimulationBenchmark {

  /** Clients per invocation. */
  static final int CLIENTS = 200_000;

  /** Worker threads. */
  @Param({"1", "2"})
  public int threads;

  /** Sessions after the intake assessment. */
  @Param({"16"})
  public int sessions;

  private Simulator simulator;
  private long seed;

  /** Builds the simulator. */
  @Setup
  public void setUp() {
    simulator = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9).withSessions(sessions));
  }

  /**
   * Summary-only run of {@link #CLIENTS} clients (a new seed each time).
   *
   * @return the summary (kept live by JMH)
   */
  @Benchmark
  @OperationsPerInvocation(CLIENTS)
  public SimulationSummary summariseTreated() {
    return simulator.summarise(seed++, CLIENTS, Arm.TREATED, threads);
  }
}
