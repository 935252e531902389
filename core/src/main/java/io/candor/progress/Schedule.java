package io.candor.progress;

import io.candor.internal.Enums;

/**
 * How session-to-session intervals are formed when sessions are missing or irregular.
 *
 * @see SuddenGainCriteria#with(Schedule)
 */
public enum Schedule {
  /**
   * Session numbers are taken literally, as the suddengains R package and Lutz et al. (2013) do:
   * an interval n → n+1 is tested only when both sessions n and n+1 were observed, and the third
   * criterion uses the observed scores among sessions n−2..n (before) and n+1..n+3 (after).
   * The default.
   */
  SESSION_NUMBERS,
  /**
   * Consecutive observed measurements form the intervals whatever their session numbers (for
   * irregular schedules, e.g. scores recorded only at some sessions): interval i → i+1 between the
   * i-th and (i+1)-th observations, with up to three observations either side for the third
   * criterion. Each change reports the gap in session numbers it spans.
   */
  CONSECUTIVE_OBSERVATIONS;

  /**
   * Parses a name case-insensitively ({@code session-numbers} also accepted).
   *
   * @param text the name to parse
   * @return the schedule
   */
  public static Schedule parse(CharSequence text) {
    return Enums.parse(Schedule.class, "schedule", text);
  }
}
