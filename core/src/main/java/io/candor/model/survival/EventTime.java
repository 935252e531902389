package io.candor.model.survival;

import io.candor.internal.Checks;

/**
 * One client's time to an event, or to censoring: the last time the client was seen without the
 * event. Time is in whatever unit the caller uses (sessions or days); fractional times are allowed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time time to the event or to censoring; finite and not negative
 * @param event {@code true} if the event happened at {@code time}, {@code false} if censored
 */
public record EventTime(double time, boolean event) {

  /**
   * Validates the time.
   *
   * @param time time to the event or to censoring; finite and not negative
   * @param event {@code true} if the event happened at {@code time}, {@code false} if censored
   * @throws IllegalArgumentException if {@code time} is negative, NaN or infinite
   */
  public EventTime {
    Checks.nonNegative("time", time);
  }

  /**
   * An event observed at {@code time}.
   *
   * @param time the time
   * @return an event observed at {@code time}
   */
  public static EventTime event(double time) {
    return new EventTime(time, true);
  }

  /**
   * A client censored (last seen event-free) at {@code time}.
   *
   * @param time the time
   * @return a client censored (last seen event-free) at {@code time}
   */
  public static EventTime censored(double time) {
    return new EventTime(time, false);
  }
}
