package io.candor.examples.cli;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What {@code candor calibrate} writes with {@code --json}: the simulator against its published
 * targets, row by row.
 *
 * @param instrument the scenario's instrument
 * @param seed the seed
 * @param clients clients per arm
 * @param passed whether every row passed
 * @param rows the targets
 */
public record CalibrationResult(
    String instrument, long seed, long clients, boolean passed, List<Row> rows) {

  /**
   * Validates the components.
   *
   * @param instrument the scenario's instrument
   * @param seed the seed
   * @param clients clients per arm
   * @param passed whether every row passed
   * @param rows the targets
   */
  public CalibrationResult {
    Objects.requireNonNull(instrument, "instrument");
    rows = List.copyOf(rows);
  }

  /**
   * One target.
   *
   * @param target what is checked, in words
   * @param source the source in short form ("Howard et al. 1986")
   * @param citation the source's citation key
   * @param expected the published figure
   * @param simulated the simulated value; absent when it could not be estimated
   * @param lower lower end of the tolerance
   * @param upper upper end of the tolerance
   * @param verdict PASS or FAIL
   * @param definition how the simulated value is computed
   */
  public record Row(
      String target,
      String source,
      String citation,
      double expected,
      OptionalDouble simulated,
      double lower,
      double upper,
      String verdict,
      String definition) {}
}
