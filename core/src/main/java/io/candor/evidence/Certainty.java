package io.candor.evidence;

/**
 * How sure Candor is of a published figure, so that users can weigh it.
 *
 * <p>The levels are ordered from most to least certain.
 */
public enum Certainty {
  /** Checked against the primary source (the paper or the instrument's manual). */
  PRIMARY,
  /** Confirmed by at least one independent secondary source (a review, a service manual). */
  SECONDARY,
  /**
   * A convention or a figure that could not be confirmed: usable as a documented assumption, never
   * as a fact. Text built on it says so.
   */
  ASSUMPTION
}
