package io.candor.model.survival;

/**
 * The unit of time to event taken from a trajectory.
 *
 * <p>Immutable and thread-safe.
 */
public enum TimeScale {
  /** The session number at which the event (or censoring) was observed, as recorded. */
  SESSIONS,
  /**
   * Days from the intake (first) observation's date to the event's (or censoring's) date; every
   * observation used must carry a date.
   */
  DAYS
}
