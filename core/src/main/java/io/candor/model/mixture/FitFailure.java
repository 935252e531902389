package io.candor.model.mixture;

import io.candor.internal.Checks;

/**
 * A number of classes for which no start gave a proper solution.
 *
 * <p>Immutable and thread-safe.
 *
 * @param classes the number of classes K
 * @param reason why, with the counts of each kind of collapse
 */
public record FitFailure(int classes, String reason) {

  /**
   * Validates the components.
   *
   * @param classes see the record description
   * @param reason see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public FitFailure {
    Checks.atLeast("classes", classes, 1);
    Checks.nonBlank("reason", reason);
  }
}
