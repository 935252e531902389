package io.candor.spark;

import io.candor.simulation.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A grid of scenarios: a base scenario, values for some of its parameters (every combination is
 * one scenario) and seeds (every scenario runs once per seed). Each cell is (parameter values,
 * seed). Values are checked against the scenario when the grid is built, so a bad value fails
 * before any job runs.
 *
 * <p>Immutable and thread-safe; every {@code withXxx} returns a copy.
 */
public final class SweepGrid {

  private final Scenario base;
  private final Map<ScenarioParameter, List<Double>> values;
  private final List<Long> seeds;

  private SweepGrid(Scenario base, Map<ScenarioParameter, List<Double>> values, List<Long> seeds) {
    this.base = base;
    this.values = values;
    this.seeds = seeds;
  }

  /**
   * A grid of one scenario and seed 1.
   *
   * @param base the scenario whose parameters are varied
   * @return the grid
   */
  public static SweepGrid of(Scenario base) {
    return new SweepGrid(Objects.requireNonNull(base, "base"), Map.of(), List.of(1L));
  }

  /**
   * A copy that varies a parameter over these values.
   *
   * @param parameter the parameter (not varied yet)
   * @param newValues one or more distinct values
   * @return the copy
   * @throws IllegalArgumentException if the parameter is already varied, no value is given, a value
   *     repeats, or the scenario rejects a value
   */
  public SweepGrid withValues(ScenarioParameter parameter, double... newValues) {
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(newValues, "values");
    if (values.containsKey(parameter)) {
      throw new IllegalArgumentException(parameter.path() + " is already varied");
    }
    if (newValues.length == 0 || Arrays.stream(newValues).distinct().count() != newValues.length) {
      throw new IllegalArgumentException(parameter.path()
          + " needs one or more distinct values, was " + Arrays.toString(newValues));
    }
    List<Double> list = new ArrayList<>();
    for (double v : newValues) {
      parameter.apply(base, v);
      list.add(v);
    }
    Map<ScenarioParameter, List<Double>> map = new LinkedHashMap<>(values);
    map.put(parameter, List.copyOf(list));
    return new SweepGrid(base, java.util.Collections.unmodifiableMap(map), seeds);
  }

  /**
   * A copy running every scenario with each of these seeds.
   *
   * @param newSeeds one or more distinct seeds
   * @return the copy
   * @throws IllegalArgumentException if none is given or one repeats
   */
  public SweepGrid withSeeds(long... newSeeds) {
    Objects.requireNonNull(newSeeds, "seeds");
    if (newSeeds.length == 0 || Arrays.stream(newSeeds).distinct().count() != newSeeds.length) {
      throw new IllegalArgumentException("seeds must be one or more distinct values, were "
          + Arrays.toString(newSeeds));
    }
    return new SweepGrid(base, values, Arrays.stream(newSeeds).boxed().toList());
  }

  /**
   * The base scenario.
   *
   * @return the scenario
   */
  public Scenario base() {
    return base;
  }

  /**
   * The varied parameters and their values, in the order added.
   *
   * @return the map (unmodifiable)
   */
  public Map<ScenarioParameter, List<Double>> values() {
    return values;
  }

  /**
   * The seeds.
   *
   * @return the seeds (unmodifiable)
   */
  public List<Long> seeds() {
    return seeds;
  }

  /**
   * Every cell: each combination of values (the last parameter varying fastest), for each seed.
   *
   * @return the cells
   */
  public List<Cell> cells() {
    List<Map<ScenarioParameter, Double>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    for (Map.Entry<ScenarioParameter, List<Double>> e : values.entrySet()) {
      List<Map<ScenarioParameter, Double>> next = new ArrayList<>();
      for (Map<ScenarioParameter, Double> c : combos) {
        for (double v : e.getValue()) {
          Map<ScenarioParameter, Double> m = new LinkedHashMap<>(c);
          m.put(e.getKey(), v);
          next.add(m);
        }
      }
      combos = next;
    }
    List<Cell> cells = new ArrayList<>();
    for (Map<ScenarioParameter, Double> c : combos) {
      for (long seed : seeds) {
        cells.add(new Cell(c, seed));
      }
    }
    return cells;
  }

  /**
   * The scenario of a cell's parameter values.
   *
   * @param cell the cell
   * @return the base scenario with the cell's values set
   */
  public Scenario scenario(Cell cell) {
    Scenario s = base;
    for (Map.Entry<ScenarioParameter, Double> e : cell.values().entrySet()) {
      s = e.getKey().apply(s, e.getValue());
    }
    return s;
  }

  /**
   * One cell of the grid.
   *
   * @param values the value of each varied parameter
   * @param seed the seed
   */
  public record Cell(Map<ScenarioParameter, Double> values, long seed) {
    /**
     * Copies the map.
     *
     * @param values the value of each varied parameter
     * @param seed the seed
     */
    public Cell {
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SweepGrid g && base.equals(g.base) && values.equals(g.values)
        && seeds.equals(g.seeds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(base, values, seeds);
  }

  @Override
  public String toString() {
    return "SweepGrid[" + base.instrument() + ", " + values + ", seeds " + seeds + "]";
  }
}
