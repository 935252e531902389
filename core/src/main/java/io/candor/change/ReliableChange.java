package io.candor.change;

import io.candor.internal.Checks;
import java.util.Objects;

/**
 * One client's reliable-change assessment under one method.
 *
 * <p>Every method in {@link ReliableChangeMethod} can be written as {@code index = (post −
 * expectedPost) / standardError}: {@link #expectedPost()} is the post score expected if nothing
 * changed (the pre score itself for Jacobson–Truax; a true-score estimate that allows for regression
 * to the mean for the other methods), and the change is reliable when {@code |index|} exceeds
 * {@link #criticalValue()}. Equivalently, the change is reliable when the post score falls outside
 * the interval [{@link #lower()}, {@link #upper()}] = {@code expectedPost ∓ criticalValue ·
 * standardError} (Edwards–Nunnally's "confidence interval around the true pre score").
 *
 * <p>{@link #improved()} and {@link #deteriorated()} take the instrument's direction into account.
 * Immutable and thread-safe.
 *
 * @param method the method used
 * @param pre pre-treatment score
 * @param post post-treatment score
 * @param index the reliable-change index (positive when the score rose)
 * @param criticalValue the index's critical value in the context used (by default 1.96; 2 for
 *     Edwards–Nunnally; 1.65 for Hageman–Arrindell; see {@link ChangeContext#criticalValue})
 * @param expectedPost post score expected without change
 * @param standardError the standard error of the index's numerator
 * @param lower lower end of the no-reliable-change interval for the post score
 * @param upper upper end of the no-reliable-change interval for the post score
 * @param improved whether the change is a reliable improvement
 * @param deteriorated whether the change is a reliable deterioration
 */
public record ReliableChange(
    ReliableChangeMethod method,
    double pre,
    double post,
    double index,
    double criticalValue,
    double expectedPost,
    double standardError,
    double lower,
    double upper,
    boolean improved,
    boolean deteriorated) {

  /**
   * Validates the components.
   *
   * @param method the method used
   * @param pre pre-treatment score
   * @param post post-treatment score
   * @param index the reliable-change index (positive when the score rose)
   * @param criticalValue the index's critical value in the context used (by default 1.96; 2 for
   *     Edwards–Nunnally; 1.65 for Hageman–Arrindell; see {@link ChangeContext#criticalValue})
   * @param expectedPost post score expected without change
   * @param standardError the standard error of the index's numerator
   * @param lower lower end of the no-reliable-change interval for the post score
   * @param upper upper end of the no-reliable-change interval for the post score
   * @param improved whether the change is a reliable improvement
   * @param deteriorated whether the change is a reliable deterioration
   */
  public ReliableChange {
    Objects.requireNonNull(method, "method");
    Checks.finite("pre", pre);
    Checks.finite("post", post);
    Checks.finite("index", index);
    Checks.positive("criticalValue", criticalValue);
    Checks.finite("expectedPost", expectedPost);
    Checks.positive("standardError", standardError);
    if (improved && deteriorated) {
      throw new IllegalArgumentException("a change cannot be both improved and deteriorated");
    }
  }

  /**
   * Neither a reliable improvement nor a reliable deterioration.
   *
   * @return whether the change is neither a reliable improvement nor a reliable deterioration
   */
  public boolean unchanged() {
    return !improved && !deteriorated;
  }

  /**
   * The smallest change from the expected post score that counts as reliable, in points: {@code
   * criticalValue · standardError}. For Jacobson–Truax this is the familiar "reliable change
   * threshold" ({@code 1.96 · S_diff}).
   *
   * @return the threshold in points
   */
  public double threshold() {
    return criticalValue * standardError;
  }
}
