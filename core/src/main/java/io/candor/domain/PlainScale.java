package io.candor.domain;

import io.candor.internal.Checks;

/**
 * A score scale that is only a range, for outcomes that are not an instrument's score.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id identifier
 * @param minScore lowest allowed value (finite)
 * @param maxScore highest allowed value (finite, above {@code minScore})
 */
public record PlainScale(String id, double minScore, double maxScore) implements ScoreScale {

  /**
   * Validates the range.
   *
   * @param id identifier
   * @param minScore lowest allowed value (finite)
   * @param maxScore highest allowed value (finite, above {@code minScore})
   */
  public PlainScale {
    Checks.nonBlank("id", id);
    Checks.finite("minScore", minScore);
    Checks.finite("maxScore", maxScore);
    if (!(maxScore > minScore)) {
      throw new IllegalArgumentException(
          "maxScore must be above minScore " + minScore + ", was " + maxScore);
    }
  }
}
