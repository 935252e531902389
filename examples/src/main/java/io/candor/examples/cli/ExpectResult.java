package io.candor.examples.cli;

import io.candor.progress.Alert;
import io.candor.progress.ExpectedCurve;
import io.candor.progress.ExpectedResponseModel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code candor expect} writes with {@code --json}: where the model comes from and what it
 * was fitted on, the expected curve given the intake, and, when scores were observed, the alert
 * for the latest one and the forecast updated by all of them.
 *
 * @param model where the model comes from (a file, or Candor's reference model)
 * @param fittedOn what the model was fitted on
 * @param expected the expected curve given the intake only
 * @param alert the alert for the latest observed score, if any was given
 * @param updated the forecast given the intake and every observed score, if any was given
 * @param warnings the extrapolation warnings of the curves, in words
 */
public record ExpectResult(
    String model,
    ExpectedResponseModel.FittedOn fittedOn,
    ExpectedCurve expected,
    Optional<Alert> alert,
    Optional<ExpectedCurve> updated,
    List<String> warnings) {

  /**
   * Validates the components.
   *
   * @param model where the model comes from (a file, or Candor's reference model)
   * @param fittedOn what the model was fitted on
   * @param expected the expected curve given the intake only
   * @param alert the alert for the latest observed score, if any was given
   * @param updated the forecast given the intake and every observed score, if any was given
   * @param warnings the extrapolation warnings of the curves, in words
   */
  public ExpectResult {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(fittedOn, "fittedOn");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(updated, "updated");
    warnings = List.copyOf(warnings);
  }
}
