package io.candor.progress;

import io.candor.internal.Checks;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One sudden gain or loss: the jump between two consecutive scores that met every criterion in
 * force.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind gain or loss
 * @param preSession session number of the score before the jump (session n)
 * @param postSession session number of the score after the jump (session n+1, or the next
 *     observed session under {@link Schedule#CONSECUTIVE_OBSERVATIONS})
 * @param preScore score at {@code preSession}
 * @param postScore score at {@code postSession}
 * @param magnitude size of the jump in points, always &gt; 0 ({@code |postScore - preScore|})
 * @param shareOfTotalChange the jump's improvement divided by the improvement from the first to
 *     the last observation of the trajectory (both signed so that improvement is positive; e.g.
 *     0.5 = the gain is half of all change over treatment; above 1 when later change partly undid
 *     it); empty when there was no net change in the jump's direction (no net change, or a gain in a
 *     trajectory that ended worse than it started, or a loss in one that ended better), where a
 *     share would be meaningless
 * @param preMean mean of the pre-jump window used by the third criterion; empty when that
 *     criterion was not applied
 * @param postMean mean of the post-jump window; empty when the third criterion was not applied
 * @param criticalValue the t critical value used by the third criterion; empty when it was not
 *     applied
 * @param reversalSession the first later session whose score undid more than half of the jump,
 *     empty when the change was not reversed
 */
public record SuddenChange(
    ChangeKind kind,
    int preSession,
    int postSession,
    double preScore,
    double postScore,
    double magnitude,
    OptionalDouble shareOfTotalChange,
    OptionalDouble preMean,
    OptionalDouble postMean,
    OptionalDouble criticalValue,
    OptionalInt reversalSession) {

  /**
   * Validates the components.
   *
   * @param kind gain or loss
   * @param preSession session number of the score before the jump (session n)
   * @param postSession session number of the score after the jump (session n+1, or the next
   *     observed session under {@link Schedule#CONSECUTIVE_OBSERVATIONS})
   * @param preScore score at {@code preSession}
   * @param postScore score at {@code postSession}
   * @param magnitude size of the jump in points, always &gt; 0 ({@code |postScore - preScore|})
   * @param shareOfTotalChange the jump's improvement divided by the improvement from the first to
   *     the last observation of the trajectory (both signed so that improvement is positive; e.g.
   *     0.5 = the gain is half of all change over treatment); empty when there was no overall change
   * @param preMean mean of the pre-jump window used by the third criterion; empty when that
   *     criterion was not applied
   * @param postMean mean of the post-jump window; empty when the third criterion was not applied
   * @param criticalValue the t critical value used by the third criterion; empty when it was not
   *     applied
   * @param reversalSession the first later session whose score undid more than half of the jump,
   *     empty when the change was not reversed
   */
  public SuddenChange {
    Objects.requireNonNull(kind, "kind");
    if (postSession <= preSession) {
      throw new IllegalArgumentException(
          "postSession must be after preSession " + preSession + ", was " + postSession);
    }
    Checks.finite("preScore", preScore);
    Checks.finite("postScore", postScore);
    Checks.positive("magnitude", magnitude);
    Objects.requireNonNull(shareOfTotalChange, "shareOfTotalChange");
    Objects.requireNonNull(preMean, "preMean");
    Objects.requireNonNull(postMean, "postMean");
    Objects.requireNonNull(criticalValue, "criticalValue");
    if (preMean.isPresent() != postMean.isPresent() || preMean.isPresent() != criticalValue.isPresent()) {
      throw new IllegalArgumentException("preMean, postMean and criticalValue must be all present (the"
          + " mean-difference criterion was applied) or all empty, were " + preMean + ", " + postMean
          + ", " + criticalValue);
    }
    if (preMean.isPresent()) {
      Checks.finite("preMean", preMean.getAsDouble());
      Checks.finite("postMean", postMean.getAsDouble());
      Checks.positive("criticalValue", criticalValue.getAsDouble());
    }
    Objects.requireNonNull(reversalSession, "reversalSession");
  }

  /**
   * Whether a later score undid more than half of the jump.
   *
   * @return whether a later score undid more than half of the jump
   */
  public boolean reversal() {
    return reversalSession.isPresent();
  }

  /**
   * Sessions spanned by the jump ({@code postSession - preSession}; 1 for adjacent sessions).
   *
   * @return the gap in sessions
   */
  public int gap() {
    return postSession - preSession;
  }
}
