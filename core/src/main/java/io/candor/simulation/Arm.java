package io.candor.simulation;

import io.candor.internal.Enums;

/** Which arm a simulated client is in. */
public enum Arm {
  /** Weekly therapy sessions for {@link Scenario#sessions()} sessions (unless the client drops out). */
  TREATED,
  /**
   * Untreated (wait-list): weekly assessments for {@link Scenario.Waitlist#weeks()} weeks, with
   * spontaneous remission and regression to the mean only.
   */
  WAITLIST;

  /**
   * Parses "treated" or "waitlist" (case-insensitive).
   *
   * @param text {@code "treated"} or {@code "waitlist"}
   * @return the arm
   */
  public static Arm parse(CharSequence text) {
    return Enums.parse(Arm.class, "arm", text);
  }
}
