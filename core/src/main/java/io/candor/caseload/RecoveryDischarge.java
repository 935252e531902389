package io.candor.caseload;

import io.candor.internal.Enums;

/** Whether and when a client who recovers is discharged before the planned number of sessions. */
public enum RecoveryDischarge {
  /** At the first session whose score counts as recovery. */
  AT_RECOVERY,
  /** At the second consecutive session whose score counts as recovery. */
  AT_SUSTAINED_RECOVERY,
  /** Recovery does not end treatment early: the client stays to the planned end. */
  NEVER;

  /**
   * Parses a name case-insensitively ("at-recovery").
   *
   * @param text the name
   * @return the rule
   * @throws IllegalArgumentException listing the allowed names
   */
  public static RecoveryDischarge parse(CharSequence text) {
    return Enums.parse(RecoveryDischarge.class, "recovery discharge", text);
  }
}
