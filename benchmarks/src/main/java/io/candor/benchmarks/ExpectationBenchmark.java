package io.candor.benchmarks;

import io.candor.expectation.ClientProfile;
import io.candor.expectation.ClientRenderer;
import io.candor.expectation.ExpectationReport;
import io.candor.expectation.Expectations;
import io.candor.json.ExpectedResponseModels;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One expectation report on one core: 20,000 simulated clients conditioned on a PHQ-9 profile
 * (intake 18, sessions 1 and 2 observed, 20 planned sessions) and 8 × 5,000 for the sensitivity
 * intervals, with the client text rendered. Beside it, for scale on a shared machine, the
 * simulator alone summarising the same 20,000 clients. Target: one report under 200 ms.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ExpectationBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ExpectationBenchmark {

  private Expectations expectations;
  private ClientProfile profile;
  private Simulator simulator;
  private long seed;

  /** Builds the configuration, the profile and the bare simulator. */
  @Setup
  public void setUp() {
    expectations = Expectations.withDefaults()
        .withModel(ExpectedResponseModels.reference(Instruments.PHQ9));
    profile = ClientProfile.of(Instruments.PHQ9, 18).withObserved(1, 17).withObserved(2, 16)
        .withItems(ClientProfile.ItemResponses.of(2, 2, 2, 2, 2, 2, 2, 1, 1).atSession(2));
    simulator = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9).withSessions(20));
  }

  /** One report (a new seed each time). */
  @Benchmark
  public ExpectationReport report() {
    return expectations.report(profile, seed++);
  }

  /** One report and its client text. */
  @Benchmark
  public String reportAndClientText() {
    return ClientRenderer.withDefaults().text(expectations.report(profile, seed++));
  }

  /** The simulator alone: a summary of 20,000 clients, 20 sessions (for scale). */
  @Benchmark
  public SimulationSummary simulatorAlone() {
    return simulator.summarise(seed++, Expectations.DEFAULT_CLIENTS, Arm.TREATED, 1);
  }
}
