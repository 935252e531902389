package io.candor.expectation;

import io.candor.internal.Enums;
import java.util.List;

/**
 * What a client's state is at a session horizon, as the report counts it. The first four are
 * mutually exclusive and cover everyone who started ({@link #EXCLUSIVE}: they sum to 1); recovery
 * and its complement are a second, separate split ({@link #RECOVERY_SPLIT}), reported only for
 * clients who started in the clinical range; {@link #STABLE_OR_BETTER} joins the first two.
 *
 * <p>Every event is the one definition of {@link io.candor.change.ClinicalEvents}: reliable change
 * is a change of at least the instrument's reliable-change threshold from the intake score, and
 * recovery is starting in the clinical range and scoring outside it at the horizon.
 */
public enum Outcome {
  /** Still attending at the horizon and reliably better than at intake. */
  RELIABLE_IMPROVEMENT,
  /** Still attending and neither reliably better nor reliably worse. */
  NO_RELIABLE_CHANGE,
  /** Still attending and reliably worse than at intake. */
  RELIABLE_DETERIORATION,
  /** Stopped attending before the horizon (dropped out before the planned end). */
  DROPOUT,
  /** Started in the clinical range, still attending, and outside it at the horizon. */
  RECOVERY,
  /** Started in the clinical range and not recovered at the horizon (including those who stopped). */
  NO_RECOVERY,
  /** Still attending and not reliably worse: reliable improvement or no reliable change. */
  STABLE_OR_BETTER;

  /** The mutually exclusive outcomes that cover every client, in display order. */
  public static final List<Outcome> EXCLUSIVE =
      List.of(RELIABLE_IMPROVEMENT, NO_RELIABLE_CHANGE, RELIABLE_DETERIORATION, DROPOUT);

  /** Recovery and its complement, for clients who started in the clinical range. */
  public static final List<Outcome> RECOVERY_SPLIT = List.of(RECOVERY, NO_RECOVERY);

  /**
   * Whether this outcome is one of the {@link #EXCLUSIVE} four.
   *
   * @return true for improvement, no change, deterioration and dropout
   */
  public boolean exclusive() {
    return EXCLUSIVE.contains(this);
  }

  /**
   * Parses a name case-insensitively ({@code "reliable-improvement"}); lists the allowed names if
   * not.
   *
   * @param text the name
   * @return the outcome
   * @throws IllegalArgumentException for an unknown name
   */
  public static Outcome parse(CharSequence text) {
    return Enums.parse(Outcome.class, "outcome", text);
  }
}
