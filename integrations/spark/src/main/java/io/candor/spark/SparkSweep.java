package io.candor.spark;

import io.candor.simulation.Arm;
import io.candor.json.CandorJson;
import io.candor.simulation.Scenario;
import io.candor.simulation.SimulationSummary;
import io.candor.simulation.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a {@link SweepGrid} as one Spark job: each cell (scenario × seed) is one task that
 * summarises its cohort with {@link Simulator#summariseRange}, so a cell's summary equals {@link
 * Simulator#summarise(long, long, Arm, int)} of its scenario and seed.
 *
 * <p>Stateless and thread-safe.
 */
public final class SparkSweep {

  private SparkSweep() {}

  /**
   * One cell's result.
   *
   * @param cell the cell (parameter values and seed)
   * @param summary its cohort's summary
   */
  public record Result(SweepGrid.Cell cell, SimulationSummary summary) {
    /**
     * Checks for nulls.
     *
     * @param cell the cell (parameter values and seed)
     * @param summary its cohort's summary
     */
    public Result {
      Objects.requireNonNull(cell, "cell");
      Objects.requireNonNull(summary, "summary");
    }
  }

  /**
   * Summarises every cell of the grid.
   *
   * @param spark the session
   * @param grid the grid
   * @param clients clients per cell, ≥ 1
   * @param arm the arm
   * @return one result per cell, in {@link SweepGrid#cells()} order
   * @throws IllegalArgumentException if {@code clients} is below 1
   */
  public static List<Result> run(org.apache.spark.sql.SparkSession spark, SweepGrid grid,
      long clients, Arm arm) {
    Objects.requireNonNull(grid, "grid");
    Objects.requireNonNull(arm, "arm");
    if (clients < 1) {
      throw new IllegalArgumentException("clients must be >= 1, was " + clients);
    }
    List<SweepGrid.Cell> cells = grid.cells();
    List<String[]> tasks = new ArrayList<>();
    for (SweepGrid.Cell c : cells) {
      tasks.add(new String[] {CandorJson.toJson(grid.scenario(c)), Long.toString(c.seed())});
    }
    List<SimulationSummary> summaries = Jobs.run(() -> SparkSimulation.context(spark)
        .parallelize(tasks, tasks.size())
        .map(t -> Simulator.of(CandorJson.fromJson(t[0], Scenario.class))
            .summariseRange(Long.parseLong(t[1]), 0, clients, arm))
        .collect());
    List<Result> out = new ArrayList<>(cells.size());
    for (int i = 0; i < cells.size(); i++) {
      out.add(new Result(cells.get(i), summaries.get(i)));
    }
    return out;
  }
}
