package io.candor.benchmarks;

import io.candor.caseload.CaseloadClient;
import io.candor.caseload.CaseloadOutlook;
import io.candor.caseload.OutcomeMix;
import io.candor.caseload.PreparedOutcomeMix;
import io.candor.domain.ClientId;
import io.candor.domain.Trajectory;
import io.candor.json.ExpectedResponseModels;
import io.candor.measure.Instruments;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.SimulatedClient;
import io.candor.simulation.Simulator;
import java.util.ArrayList;
import java.util.List;
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
 * The expected outcome mix of 10,000 current clients (simulated PHQ-9 clients seen at sessions
 * 0-8, a third with a known course) by session 12: per-client probabilities, five exact
 * Poisson-binomial counts and their intervals. The mix is prepared in the setup (attendance
 * curves; the simulator-based calibrations and course models warm up on a first call), as an
 * application would keep it. Target: under 100 ms.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar OutcomeMixBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OutcomeMixBenchmark {

  private PreparedOutcomeMix mix;
  private List<CaseloadClient> clients;

  /** Prepares the mix and builds the caseload. */
  @Setup
  public void setUp() {
    Scenario s = CaseloadBenchmark.PHQ9;
    mix = OutcomeMix.of(ExpectedResponseModels.reference(Instruments.PHQ9), s).prepare();
    clients = new ArrayList<>();
    int i = 0;
    for (SimulatedClient c : Simulator.of(s).simulate(99, 12_000, Arm.TREATED, 1)) {
      Trajectory t = c.trajectory();
      int seen = i % 9;
      if (t.size() <= seen) {
        continue;
      }
      Trajectory now = Trajectory.ofScores(ClientId.of("c" + i), Instruments.PHQ9,
          java.util.stream.IntStream.rangeClosed(0, seen).toArray(),
          java.util.Arrays.copyOf(scores(t), seen + 1));
      clients.add(i % 3 == 0 ? CaseloadClient.of(now, c.course()) : CaseloadClient.of(now));
      if (++i == 10_000) {
        break;
      }
    }
    mix.outlook(clients, 12); // the first call builds the calibrations and course models
  }

  private static double[] scores(Trajectory t) {
    double[] y = new double[t.size()];
    for (int k = 0; k < y.length; k++) {
      y[k] = t.scoreAt(k);
    }
    return y;
  }

  /**
   * The outlook of 10,000 clients.
   *
   * @return the outlook of 10,000 clients
   */
  @Benchmark
  public CaseloadOutlook tenThousandClients() {
    return mix.outlook(clients, 12);
  }
}
