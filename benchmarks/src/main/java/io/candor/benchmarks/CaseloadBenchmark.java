package io.candor.benchmarks;

import io.candor.caseload.CaseloadModel;
import io.candor.caseload.CaseloadRun;
import io.candor.json.ExpectedResponseModels;
import io.candor.measure.Instruments;
import io.candor.simulation.Scenario;
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
 * A caseload simulated as a flow: 1,000 therapists × 104 weeks on one worker thread, calibrated
 * PHQ-9 clients, the default caseload model (1.7 referrals and 20 sessions a week, 12 planned and
 * 20 maximum sessions, alerts on every session). Target: under 5 s.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CaseloadBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-XX:ActiveProcessorCount=1")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class CaseloadBenchmark {

  private CaseloadModel model;
  private long seed;

  /** The alerts use Candor's shipped PHQ-9 reference model. */
  @Setup
  public void setUp() {
    model = CaseloadModel.withDefaults().with(ExpectedResponseModels.reference(Instruments.PHQ9));
  }

  /** The calibrated PHQ-9 scenario. */
  static final Scenario PHQ9 = Scenario.calibratedDefault(Instruments.PHQ9);

  /**
   * 1,000 therapists × 104 weeks on one thread (a new seed each time).
   *
   * @return the run (kept live by JMH)
   */
  @Benchmark
  public CaseloadRun thousandTherapistsTwoYears() {
    return model.simulate(seed++, 1000, 104, 1);
  }
}
