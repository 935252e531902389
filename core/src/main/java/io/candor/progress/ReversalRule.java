package io.candor.progress;

import io.candor.internal.Enums;

/**
 * Which later scores can reverse a sudden gain (or loss). A gain of magnitude m ending at score
 * post is reversed when a later score is worse than post by more than m/2 (Tang &amp; DeRubeis
 * 1999: at least half of the gain lost); a loss is reversed when a later score is better than
 * post by more than m/2.
 *
 * @see io.candor.evidence.Citations#TANG_1999
 */
public enum ReversalRule {
  /**
   * Any observation after the post-gain session (Tang &amp; DeRubeis 1999). The default.
   */
  ANY_LATER_SESSION(1),
  /**
   * As the suddengains R package's {@code create_bysg} computes {@code sg_reversal}: only
   * observations from the second session after the post-gain session onwards (its index
   * {@code time_num - sg_session_n >= 2} on 0-based renamed variables skips the session right
   * after the post-gain one).
   */
  SUDDENGAINS_PACKAGE(2);

  private final int firstOffset;

  ReversalRule(int firstOffset) {
    this.firstOffset = firstOffset;
  }

  /**
   * How many sessions after the post-gain session the first eligible score lies (1 or 2).
   *
   * @return how many sessions after the post-gain session the first eligible score lies (1 or 2)
   */
  public int firstOffset() {
    return firstOffset;
  }

  /**
   * Parses a name case-insensitively.
   *
   * @param text the name to parse
   * @return the rule
   */
  public static ReversalRule parse(CharSequence text) {
    return Enums.parse(ReversalRule.class, "reversal rule", text);
  }
}
