package io.candor.spark.bench;

import io.candor.measure.Instruments;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.SimulationSummary;
import io.candor.simulation.Simulator;
import io.candor.spark.SparkSimulation;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * The overhead of Spark over single-machine Candor on one task: the streaming summary of N
 * simulated clients (calibrated PHQ-9 scenario), on {@code local[2]} against {@link
 * Simulator#summarise} on 2 threads, after a warm-up run of each; the two summaries must be equal.
 * Run by {@code benchmarks/scripts/spark_overhead.sh} (not a unit test: it times things).
 *
 * <p>Arguments: clients (default 10,000,000), partitions (default 16), repetitions (default 3).
 */
public final class SparkOverhead {

  private SparkOverhead() {}

  /**
   * Runs the comparison and prints one line per run and the median ratio.
   *
   * @param args clients, partitions, repetitions
   */
  public static void main(String[] args) {
    long clients = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Scenario scenario = Scenario.calibratedDefault(Instruments.PHQ9);
    Simulator simulator = Simulator.of(scenario);
    SparkSession spark = SparkSession.builder().master("local[2]").appName("candor-overhead")
        .config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    try {
      long warm = Math.min(clients, 200_000);
      simulator.summarise(1L, warm, Arm.TREATED, 2);
      SparkSimulation.summarise(spark, scenario, 1L, warm, Arm.TREATED, 2);
      double[] ratios = new double[reps];
      for (int r = 0; r < reps; r++) {
        long t0 = System.nanoTime();
        SimulationSummary single = simulator.summarise(42L, clients, Arm.TREATED, 2);
        long t1 = System.nanoTime();
        SimulationSummary distributed =
            SparkSimulation.summarise(spark, scenario, 42L, clients, Arm.TREATED, partitions);
        long t2 = System.nanoTime();
        if (!single.equals(distributed)) {
          throw new IllegalStateException("the Spark summary differs from the single-machine one");
        }
        double a = (t1 - t0) / 1e9;
        double b = (t2 - t1) / 1e9;
        ratios[r] = b / a;
        System.out.printf(Locale.ROOT, "run %d: %,d clients  candor(2 threads) %.2f s (%.2f M/s)"
            + "  spark(local[2], %d partitions) %.2f s (%.2f M/s)  spark/candor %.3f  equal%n",
            r + 1, clients, a, clients / a / 1e6, partitions, b, clients / b / 1e6, ratios[r]);
      }
      java.util.Arrays.sort(ratios);
      System.out.printf(Locale.ROOT, "median spark/candor time ratio %.3f (overhead %+.1f %%)%n",
          ratios[reps / 2], 100 * (ratios[reps / 2] - 1));
    } finally {
      spark.stop();
    }
  }
}
