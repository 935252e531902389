package io.candor.examples.cli;

import io.candor.simulation.Calibration;
import io.candor.simulation.Scenario;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code simulate} and {@code calibrate} (a picocli mixin): seed, worker
 * threads and scenario, with their validation.
 */
final class SimulationOptions {

  @Option(names = "--seed", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed = Calibration.DEFAULT_SEED;

  @Option(names = "--threads", description = "Worker threads, 1-256 (default: the processors).")
  int threads = Math.min(256, Runtime.getRuntime().availableProcessors());

  @Option(names = "--scenario", paramLabel = "default|FILE.json",
      description = "The calibrated default, or a scenario JSON file laid over it.")
  String scenario = "default";

  /**
   * Checks {@code --threads}.
   *
   * @throws IllegalArgumentException if it is outside 1-256
   */
  void checkThreads() {
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("--threads must be 1-256, was " + threads);
    }
  }

  /** The calibrated default or the scenario read from {@code --scenario}. */
  Scenario scenario() {
    return SimulateCommand.loadScenario(scenario);
  }
}
