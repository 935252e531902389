package io.candor.progress;

import io.candor.internal.Checks;

/**
 * Whether a client responded early: the relative reduction from the first observation to the last
 * observation at or before the early-response session.
 *
 * <p>Immutable and thread-safe.
 *
 * @param baselineSession session of the first observation
 * @param baselineScore first score
 * @param session the session whose score was compared (the last observed at or before the
 *     early-response session)
 * @param score the score at {@code session}
 * @param relativeReduction improvement divided by the baseline symptom level (distance from the
 *     best end of the scale); negative when the client got worse
 * @param responded whether {@code relativeReduction} reached the criterion's fraction
 */
public record EarlyResponse(
    int baselineSession,
    double baselineScore,
    int session,
    double score,
    double relativeReduction,
    boolean responded) {

  /**
   * Validates the components.
   *
   * @param baselineSession session of the first observation
   * @param baselineScore first score
   * @param session the session whose score was compared (the last observed at or before the
   *     early-response session)
   * @param score the score at {@code session}
   * @param relativeReduction improvement divided by the baseline symptom level (distance from the
   *     best end of the scale); negative when the client got worse
   * @param responded whether {@code relativeReduction} reached the criterion's fraction
   */
  public EarlyResponse {
    if (session <= baselineSession) {
      throw new IllegalArgumentException(
          "session must be after baselineSession " + baselineSession + ", was " + session);
    }
    Checks.finite("baselineScore", baselineScore);
    Checks.finite("score", score);
    Checks.finite("relativeReduction", relativeReduction);
  }
}
