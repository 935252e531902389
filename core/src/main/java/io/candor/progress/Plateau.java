package io.candor.progress;

import io.candor.internal.Checks;

/**
 * A run of consecutive observations, all in the clinical range, with no reliable change between
 * any two of them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param firstSession session of the first observation of the run
 * @param lastSession session of the last observation of the run
 * @param observations number of observations in the run (at least the window length)
 * @param minScore lowest score in the run
 * @param maxScore highest score in the run
 */
public record Plateau(int firstSession, int lastSession, int observations, double minScore, double maxScore) {

  /**
   * Validates the components.
   *
   * @param firstSession session of the first observation of the run
   * @param lastSession session of the last observation of the run
   * @param observations number of observations in the run (at least the window length)
   * @param minScore lowest score in the run
   * @param maxScore highest score in the run
   */
  public Plateau {
    if (lastSession <= firstSession) {
      throw new IllegalArgumentException(
          "lastSession must be after firstSession " + firstSession + ", was " + lastSession);
    }
    Checks.atLeast("observations", observations, 2);
    Checks.finite("minScore", minScore);
    Checks.finite("maxScore", maxScore);
    if (maxScore < minScore) {
      throw new IllegalArgumentException("maxScore must be >= minScore " + minScore + ", was " + maxScore);
    }
  }
}
