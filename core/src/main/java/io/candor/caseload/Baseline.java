package io.candor.caseload;

import io.candor.internal.Enums;

/** Which earlier assessment a therapist's latest wellbeing scores are compared with. */
public enum Baseline {
  /** The first assessment in the history ("since March"). */
  FIRST,
  /** The assessment just before the latest. */
  PREVIOUS;

  /**
   * Parses a name case-insensitively.
   *
   * @param text the name
   * @return the baseline
   * @throws IllegalArgumentException listing the allowed names
   */
  public static Baseline parse(CharSequence text) {
    return Enums.parse(Baseline.class, "baseline", text);
  }
}
