package io.candor.benchmarks;

import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import io.candor.progress.Alert;
import io.candor.progress.AlertRules;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.ExpectedResponseModel;
import io.candor.progress.PreparedCurve;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Evaluating one new observation against a prepared expected-response curve (no refit).
 * Target: under 1 µs.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar AlertBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class AlertBenchmark {

  private PreparedCurve curve;
  private int i;

  /** Fits a model to 2,000 simulated clients and prepares a curve for intake 18. */
  @Setup(Level.Trial)
  public void setUp() {
    GrowthFit fit = GrowthModel.withDefaults().with(TimeBasis.LOG)
        .fit(GrowthFitBenchmark.simulate(2000, 7));
    curve = ExpectedResponse.of(ExpectedResponseModel.from(fit))
        .prepare(18, 20, AlertRules.withDefaults().withFunctionalCutoff(10));
  }

  /**
   * One observation, cycling over sessions and scores.
   *
   * @return the alert (returned so that JMH keeps it live)
   */
  @Benchmark
  public Alert evaluate() {
    int k = i++;
    return curve.evaluate(1 + (k & 15), 8 + (k & 7) * 2.5);
  }
}
