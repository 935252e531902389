package io.candor.caseload;

import io.candor.internal.Enums;

/** What happens at the planned number of sessions to a client who has not improved reliably. */
public enum Extension {
  /** Everyone still attending is discharged at the planned number of sessions. */
  NONE,
  /**
   * A client not reliably improved at the planned end continues, up to the maximum number of
   * sessions; reliably improved clients are discharged at the planned end.
   */
  WHEN_NOT_IMPROVED;

  /**
   * Parses a name case-insensitively ("when-not-improved").
   *
   * @param text the name
   * @return the rule
   * @throws IllegalArgumentException listing the allowed names
   */
  public static Extension parse(CharSequence text) {
    return Enums.parse(Extension.class, "extension", text);
  }
}
