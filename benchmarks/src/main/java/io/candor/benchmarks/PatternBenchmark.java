package io.candor.benchmarks;

import io.candor.domain.ClientId;
import io.candor.domain.Trajectory;
import io.candor.measure.Instruments;
import io.candor.progress.PlateauCriteria;
import io.candor.progress.SuddenChanges;
import io.candor.progress.SuddenGainCriteria;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
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
 * Sudden-gain detection (all three criteria, missing sessions as the suddengains package) over a
 * cohort of PHQ-9 trajectories of 16 sessions, single-threaded. Target: 1,000,000 trajectories in
 * under 2 s on one core.
 *
 * <p>Data: fixed seed; intake around 18, a noisy decline, about one in six clients with a sudden
 * drop of 6-10 points, 10 % of sessions after intake missing.
 *
 * <pre>
 * mvn -B -q -o -pl core,benchmarks package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar PatternBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class PatternBenchmark {

  /** Number of trajectories. */
  @Param({"1000000"})
  public int clients;

  private Trajectory[] cohort;
  private final SuddenGainCriteria criteria = SuddenGainCriteria.withDefaults();
  private final PlateauCriteria plateaus = PlateauCriteria.withDefaults();

  /** Builds the cohort once. */
  @Setup(Level.Trial)
  public void setUp() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261126L);
    cohort = new Trajectory[clients];
    int[] sessions = new int[16];
    double[] scores = new double[16];
    for (int c = 0; c < clients; c++) {
      int n = 0;
      double level = 12 + rng.nextInt(12);
      int jumpAt = rng.nextInt(6) == 0 ? 2 + rng.nextInt(12) : -1;
      for (int s = 1; s <= 16; s++) {
        level = Math.max(0, level - 0.5 + 2 * (rng.nextDouble() - 0.5) * 1.7);
        if (s == jumpAt) {
          level = Math.max(0, level - 6 - rng.nextInt(5));
        }
        if (s > 1 && rng.nextInt(10) == 0) {
          continue;
        }
        sessions[n] = s;
        scores[n] = Math.min(27, Math.rint(level));
        n++;
      }
      cohort[c] =
          Trajectory.ofScores(ClientId.of("c" + c), Instruments.PHQ9,
              java.util.Arrays.copyOf(sessions, n), java.util.Arrays.copyOf(scores, n));
    }
  }

  /**
   * Sudden gains and losses in every trajectory.
   *
   * @return the number of gains (kept live by JMH)
   */
  @Benchmark
  public long suddenGains() {
    long gains = 0;
    for (Trajectory t : cohort) {
      SuddenChanges r = criteria.detect(t);
      gains += r.gains().size();
    }
    return gains;
  }

  /**
   * Plateaus in every trajectory.
   *
   * @return the number of plateaus (kept live by JMH)
   */
  @Benchmark
  public long plateaus() {
    long count = 0;
    for (Trajectory t : cohort) {
      count += plateaus.find(t).size();
    }
    return count;
  }
}
