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

  /** +1 when a rise is an improvement, −1 when a fall is. */
  public int improvementSign() {
    return improvementSign;
  }

  /**
   * Change from {@code pre} to {@code post} expressed so that a positive number is an improvement,
   * whatever the direction.
   */
  public double improvement(double pre, double post) {
    return improvementSign * (post - pre);
  }

  /** The other direction. */
  public Direction reversed() {
    return this == HIGHER_IS_WORSE ? HIGHER_IS_BETTER : HIGHER_IS_WORSE;
  }

  /** Parses a name case-insensitively. */
  public static Direction parse(CharSequence text) {
    return Enums.parse(Direction.class, "direction", text);
  }
}
