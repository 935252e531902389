package io.candor.measure;

import io.candor.internal.Enums;

/** Which way a scale points: whether a higher score means more problems or more wellbeing. */
public enum Direction {
  /** Symptom scales (PHQ-9, GAD-7, CORE-10, OQ-45, BDI-II, K10): improvement is a fall. */
  HIGHER_IS_WORSE(-1),
  /** Wellbeing scales (ORS, WEMWBS): improvement is a rise. */
  HIGHER_IS_BETTER(1);

  private final int improvementSign;

  Direction(int improvementSign) {
    this.improvementSign = improvementSign;
  }

  /**
   * +1 when a rise is an improvement, −1 when a fall is.
   *
   * @return +1 or −1
   */
  public int improvementSign() {
    return improvementSign;
  }

  /**
   * Change from {@code pre} to {@code post} expressed so that a positive number is an improvement,
   * whatever the direction.
   *
   * @param pre the earlier score
   * @param post the later score
   * @return the improvement, negative for a worsening
   */
  public double improvement(double pre, double post) {
    return improvementSign * (post - pre);
  }

  /**
   * Whether {@code score} is in the clinical range of a scale whose caseness cutoff is {@code
   * cutoff}: at or above the cutoff when higher is worse (PHQ-9 &ge; 10 is a case), below it when
   * higher is better (an ORS score below 25 is in the clinical range; 25 is not). This is Candor's
   * one caseness rule: {@link Instrument#isCase(double)}, the alert rules' functional signal and the
   * simulator all apply it.
   *
   * @param score the score
   * @param cutoff the caseness cutoff
   * @return whether the score is a case
   */
  public boolean isCase(double score, double cutoff) {
    return this == HIGHER_IS_WORSE ? score >= cutoff : score < cutoff;
  }

  /**
   * The other direction.
   *
   * @return the other direction
   */
  public Direction reversed() {
    return this == HIGHER_IS_WORSE ? HIGHER_IS_BETTER : HIGHER_IS_WORSE;
  }

  /**
   * Parses a name case-insensitively.
   *
   * @param text the name to parse
   * @return the direction
   */
  public static Direction parse(CharSequence text) {
    return Enums.parse(Direction.class, "direction", text);
  }
}
