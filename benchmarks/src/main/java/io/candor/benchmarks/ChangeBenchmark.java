package io.candor.benchmarks;

import io.candor.change.ChangeContext;
import io.candor.change.ClinicalChange;
import io.candor.change.MethodComparison;
import io.candor.change.ReferenceStatistics;
import io.candor.change.ReliableChangeMethod;
import io.candor.measure.Instruments;
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
 * Cost of change classification: one client under one method, and a whole cohort under all six
 * methods ({@link ClinicalChange#compare}). Data: PHQ-9 pre/post pairs drawn with a fixed seed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChangeBenchmark {

  /** Cohort size. */
  @Param({"1000", "100000"})
  public int clients;

  private double[] pre;
  private double[] post;
  private ChangeContext cohortContext;

  /** Draws the pairs with a fixed seed. */
  @Setup
  public void setUp() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261126L);
    pre = new double[clients];
    post = new double[clients];
    for (int i = 0; i < clients; i++) {
      pre[i] = 5 + rng.nextInt(23);
      // wide noise keeps the pre-post correlation below the reliability (.84); otherwise
      // Hageman-Arrindell has no reliable difference variance and refuses the cohort
      post[i] = Math.max(0, Math.min(27, pre[i] - 10 + rng.nextInt(21)));
    }
    cohortContext = ChangeContext.ofCohort(Instruments.PHQ9, ReferenceStatistics.of(pre, post));
  }

  /**
   * One client, Hageman–Arrindell (the most expensive method).
   *
   * @return the classification (kept live by JMH)
   */
  @Benchmark
  public Object classifyOneClientHa() {
    return ClinicalChange.classify(ReliableChangeMethod.HAGEMAN_ARRINDELL, 18, 9, cohortContext);
  }

  /**
   * The whole cohort under all six methods.
   *
   * @return the comparison (kept live by JMH)
   */
  @Benchmark
  public MethodComparison compareAllMethods() {
    return ClinicalChange.compare(Instruments.PHQ9, pre, post);
  }
}
