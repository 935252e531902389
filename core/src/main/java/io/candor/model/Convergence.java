package io.candor.model;

import io.candor.internal.Checks;
import java.util.Objects;

/**
 * How an iterative fit ended: whether it converged, after how many iterations, and what it
 * reached. Boundary fits (a variance at zero, a correlation at ±1) converge normally and are
 * reported by the model's result, not here.
 *
 * <p>Immutable and thread-safe.
 *
 * @param converged whether the convergence criterion was met
 * @param iterations iterations (or function evaluations, see {@code message}) used
 * @param objective final value of the objective (deviance, REML criterion, −log-likelihood...)
 * @param message what the criterion was or why it stopped, in plain words
 */
public record Convergence(boolean converged, int iterations, double objective, String message) {

  /**
   * Validates the components.
   *
   * @param converged whether the convergence criterion was met
   * @param iterations iterations (or function evaluations, see {@code message}) used
   * @param objective final value of the objective (deviance, REML criterion, −log-likelihood...)
   * @param message what the criterion was or why it stopped, in plain words
   */
  public Convergence {
    Checks.atLeast("iterations", iterations, 0);
    Objects.requireNonNull(message, "message");
  }
}
