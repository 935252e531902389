package io.candor.caseload;

import io.candor.internal.Enums;

/**
 * What a client's episode comes to by a horizon or at discharge, on one instrument, measured from
 * the intake score by Candor's one definition of the clinical events ({@link
 * io.candor.change.ClinicalEvents}): reliable improvement and deterioration by the instrument's
 * reliable-change threshold, recovery as reliable recovery (a case at intake, not a case now, and
 * reliably improved).
 *
 * <p>{@link #RELIABLE_IMPROVEMENT}, {@link #NO_RELIABLE_CHANGE}, {@link #RELIABLE_DETERIORATION}
 * and {@link #DROPOUT} exclude each other and cover every client; {@link #RECOVERY} is the part of
 * {@link #RELIABLE_IMPROVEMENT} that also ends out of the clinical range (for clients who started
 * in it), so a recovered client counts under both.
 */
public enum Outcome {
  /** The score improved by at least the reliable-change threshold (recovery included). */
  RELIABLE_IMPROVEMENT("improve reliably"),
  /** Reliable recovery: reliable improvement to a score out of the clinical range from one in it. */
  RECOVERY("recover"),
  /** The score changed by less than the reliable-change threshold either way. */
  NO_RELIABLE_CHANGE("not change reliably"),
  /** The score worsened by at least the reliable-change threshold. */
  RELIABLE_DETERIORATION("get reliably worse"),
  /** The client stopped attending before the horizon or the planned end. */
  DROPOUT("stop attending");

  private final String verb;

  Outcome(String verb) {
    this.verb = verb;
  }

  /**
   * The outcome as a verb phrase for plain statements ("improve reliably").
   *
   * @return the phrase
   */
  public String verb() {
    return verb;
  }

  /**
   * Whether the outcome is one of the four that exclude each other (all but {@link #RECOVERY}).
   *
   * @return true for a partition outcome
   */
  public boolean partitions() {
    return this != RECOVERY;
  }

  /**
   * Parses a name case-insensitively ("recovery", "reliable-improvement").
   *
   * @param text the name
   * @return the outcome
   * @throws IllegalArgumentException listing the allowed names
   */
  public static Outcome parse(CharSequence text) {
    return Enums.parse(Outcome.class, "outcome", text);
  }
}
