package io.candor.spark;

import io.candor.domain.Trajectory;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.json.CandorJson;
import io.candor.simulation.SimulatedClient;
import io.candor.simulation.SimulationSummary;
import io.candor.simulation.Simulator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The calibrated simulator on a cluster. The cohort's index range is cut into one contiguous range
 * per partition; client i draws from the stream of (seed, i) exactly as {@link Simulator} does, so
 * the rows, and the summary, are bit-identical to the single-machine ones for any number of
 * partitions.
 *
 * <p>Stateless and thread-safe.
 */
public final class SparkSimulation {

  /** Columns of {@link #simulate}: {@code id, scale, session, score, arm, course}. */
  public static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("scale", DataTypes.StringType, false)
      .add("session", DataTypes.IntegerType, false)
      .add("score", DataTypes.DoubleType, false)
      .add("arm", DataTypes.StringType, false)
      .add("course", DataTypes.StringType, false);

  private SparkSimulation() {}

  /**
   * A cohort of simulated clients as long-format rows (one per client and observed session), ids
   * {@code sim-000001} … as {@link SimulatedClient#idFor(long)}.
   *
   * @param spark the session
   * @param scenario the scenario
   * @param seed the seed
   * @param clients number of clients, ≥ 1
   * @param arm the arm
   * @param partitions number of partitions, 1 to clients; the rows do not depend on it
   * @return the rows, lazily computed, in client then session order
   * @throws IllegalArgumentException if a count is out of range
   */
  public static Dataset<Row> simulate(SparkSession spark, Scenario scenario, long seed,
      long clients, Arm arm, int partitions) {
    List<long[]> ranges = ranges(clients, partitions);
    Objects.requireNonNull(arm, "arm");
    String json = CandorJson.toJson(Objects.requireNonNull(scenario, "scenario"));
    String armName = arm.name().toLowerCase(Locale.ROOT);
    JavaRDD<Row> rdd = context(spark).parallelize(ranges, ranges.size())
        .flatMap(range -> new ClientRows(Simulator.of(CandorJson.fromJson(json, Scenario.class)),
            seed, range, arm, armName));
    return spark.createDataFrame(rdd, SCHEMA);
  }

  /**
   * The streaming summary of a simulated cohort, each partition summarising its range
   * ({@link Simulator#summariseRange}) and the partial summaries combined exactly: equal to {@link
   * Simulator#summarise(long, long, Arm, int)} for any number of partitions.
   *
   * @param spark the session
   * @param scenario the scenario
   * @param seed the seed
   * @param clients number of clients, ≥ 1
   * @param arm the arm
   * @param partitions number of partitions, 1 to clients
   * @return the summary
   * @throws IllegalArgumentException if a count is out of range
   */
  public static SimulationSummary summarise(SparkSession spark, Scenario scenario, long seed,
      long clients, Arm arm, int partitions) {
    List<long[]> ranges = ranges(clients, partitions);
    Objects.requireNonNull(arm, "arm");
    String json = CandorJson.toJson(Objects.requireNonNull(scenario, "scenario"));
    return Jobs.run(() -> context(spark).parallelize(ranges, ranges.size())
        .map(r -> Simulator.of(CandorJson.fromJson(json, Scenario.class))
            .summariseRange(seed, r[0], r[1], arm))
        .reduce(SimulationSummary::combine));
  }

  /** [from, to) index ranges, one per partition, as equal as possible. */
  static List<long[]> ranges(long clients, int partitions) {
    if (clients < 1) {
      throw new IllegalArgumentException("clients must be >= 1, was " + clients);
    }
    if (partitions < 1 || partitions > clients) {
      throw new IllegalArgumentException(
          "partitions must be 1 to " + clients + " (the number of clients), was " + partitions);
    }
    List<long[]> out = new ArrayList<>(partitions);
    for (int p = 0; p < partitions; p++) {
      out.add(new long[] {clients * p / partitions, clients * (p + 1) / partitions});
    }
    return out;
  }

  static JavaSparkContext context(SparkSession spark) {
    return JavaSparkContext.fromSparkContext(Objects.requireNonNull(spark, "spark").sparkContext());
  }

  /** The rows of a range of clients, generated one client at a time. */
  private static final class ClientRows implements Iterator<Row> {
    private final Simulator simulator;
    private final long seed;
    private final long to;
    private final Arm arm;
    private final String armName;
    private long next;
    private SimulatedClient client;
    private int observation;

    ClientRows(Simulator simulator, long seed, long[] range, Arm arm, String armName) {
      this.simulator = simulator;
      this.seed = seed;
      this.next = range[0];
      this.to = range[1];
      this.arm = arm;
      this.armName = armName;
    }

    @Override
    public boolean hasNext() {
      return (client != null && observation < client.trajectory().size()) || next < to;
    }

    @Override
    public Row next() {
      if (client == null || observation == client.trajectory().size()) {
        if (next >= to) {
          throw new NoSuchElementException();
        }
        client = simulator.client(seed, next++, arm);
        observation = 0;
      }
      Trajectory t = client.trajectory();
      int i = observation++;
      return RowFactory.create(t.client().value(), t.scale().id(), t.sessionAt(i), t.scoreAt(i),
          armName, client.course().name().toLowerCase(Locale.ROOT));
    }
  }
}
