package io.candor.domain;

import io.candor.internal.Checks;

/**
 * URICA subscale means and the derived readiness score.
 *
 * <p>Immutable and thread-safe.
 *
 * @param precontemplation mean of the precontemplation items (1–5)
 * @param contemplation mean of the contemplation items (1–5)
 * @param action mean of the action items (1–5)
 * @param maintenance mean of the maintenance items (1–5)
 */
public record UricaScores(
    double precontemplation, double contemplation, double action, double maintenance) {

  /**
   * Validates that each mean lies in 1–5.
   *
   * @param precontemplation mean of the precontemplation items (1–5)
   * @param contemplation mean of the contemplation items (1–5)
   * @param action mean of the action items (1–5)
   * @param maintenance mean of the maintenance items (1–5)
   */
  public UricaScores {
    Checks.inRange("precontemplation", precontemplation, 1, 5);
    Checks.inRange("contemplation", contemplation, 1, 5);
    Checks.inRange("action", action, 1, 5);
    Checks.inRange("maintenance", maintenance, 1, 5);
  }

  /**
   * Readiness to change: {@code C + A + M − PC}, between −2 and 14.
   *
   * @return the readiness score, −2 to 14
   */
  public double readiness() {
    return contemplation + action + maintenance - precontemplation;
  }

  /**
   * A heuristic stage estimate from the readiness score (see {@link Urica}): at most 8
   * precontemplation, at most 11 contemplation, at most 14 preparation, above 14 action. Never
   * maintenance. Not a validated classification.
   *
   * @return the estimated stage
   */
  public ReadinessStage stageEstimate() {
    return Urica.stageFor(readiness());
  }
}
