package io.candor.model.survival;

import io.candor.change.ClinicalEvents;
import io.candor.domain.Observation;
import io.candor.domain.Trajectory;
import io.candor.internal.Checks;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoublePredicate;

/**
 * Turns one client's trajectory into a time to event for {@link KaplanMeier}: the first
 * observation after intake (the first observation) at which the event is seen, or censoring at the
 * last observation when it never is.
 *
 * <p>Times are the session numbers as recorded ({@link TimeScale#SESSIONS}) or days since the
 * intake date ({@link TimeScale#DAYS}). The intake observation itself never counts as an event.
 *
 * <p>Thread-safe (stateless).
 */
public final class EventTimes {

  private EventTimes() {}

  /**
   * Time to reliable improvement: the first observation whose improvement over the intake score
   * (direction-aware: a fall for {@link Direction#HIGHER_IS_WORSE}) is at least {@code threshold}
   * points.
   *
   * @param trajectory the trajectory
   * @param threshold the reliable-change threshold in points, > 0
   * @param direction which way is better on the scale
   * @param scale sessions or days from intake
   * @return the event time, or the censoring time at the last observation
   * @throws IllegalArgumentException if {@code threshold} is not positive and finite, or {@code
   *     scale} is DAYS and an observation used has no date
   */
  public static EventTime reliableImprovement(
      Trajectory trajectory, double threshold, Direction direction, TimeScale scale) {
    Objects.requireNonNull(trajectory, "trajectory");
    Checks.positive("threshold", threshold);
    Objects.requireNonNull(direction, "direction");
    double intake = trajectory.scoreAt(0);
    return first(trajectory, s -> direction.improvement(intake, s) >= threshold, scale);
  }

  /**
   * Time to reliable improvement on the instrument: the first observation that is a reliable
   * improvement on the intake score by {@link ClinicalEvents#reliablyImproved} (the instrument's
   * published threshold, else Jacobson–Truax from its clinical norms), the same definition as
   * {@code io.candor.progress.Milestones}.
   *
   * @param trajectory the client's observations, intake first
   * @param instrument the instrument the scores are on
   * @param scale sessions or days
   * @return the time to the event, or censoring at the last observation
   * @throws IllegalStateException if the instrument has no reliable-change threshold ({@link
   *     ClinicalEvents#missingThreshold()}); use {@link #reliableImprovement(Trajectory, double,
   *     Direction, TimeScale)} with one
   * @throws IllegalArgumentException if {@code scale} is DAYS and an observation used has no date,
   *     or a score is outside the instrument's range
   */
  public static EventTime reliableImprovement(
      Trajectory trajectory, Instrument instrument, TimeScale scale) {
    Objects.requireNonNull(trajectory, "trajectory");
    ClinicalEvents events = events(instrument);
    double intake = trajectory.scoreAt(0);
    return first(trajectory, s -> events.reliablyImproved(intake, s), scale);
  }

  /**
   * Time to recovery: the first observation that is a reliable recovery from the intake score by
   * {@link ClinicalEvents#reliablyRecovered} (reliable improvement and out of the clinical range,
   * Jacobson &amp; Truax's "recovered" with the caseness cutoff), the same definition as {@code
   * io.candor.progress.Milestones}. Empty when the client was not a case at intake (such a client
   * cannot recover and is not at risk).
   *
   * @param trajectory the client's observations, intake first
   * @param instrument the instrument the scores are on
   * @param scale sessions or days
   * @return the time to recovery or censoring, or empty when the client is not at risk
   * @throws IllegalStateException if the instrument has no caseness cutoff or no reliable-change
   *     threshold
   * @throws IllegalArgumentException if {@code scale} is DAYS and an observation used has no date,
   *     or a score is outside the instrument's range
   * @see io.candor.evidence.Citations#JACOBSON_1991
   */
  public static Optional<EventTime> recovery(
      Trajectory trajectory, Instrument instrument, TimeScale scale) {
    Objects.requireNonNull(trajectory, "trajectory");
    ClinicalEvents events = events(instrument);
    double intake = trajectory.scoreAt(0);
    if (!events.isCase(intake)) {
      return Optional.empty();
    }
    return Optional.of(first(trajectory, s -> events.reliablyRecovered(intake, s), scale));
  }

  private static ClinicalEvents events(Instrument instrument) {
    ClinicalEvents events = ClinicalEvents.of(Objects.requireNonNull(instrument, "instrument"));
    events.missingThreshold().ifPresent(m -> {
      throw new IllegalStateException(m + "; pass a threshold in points instead");
    });
    return events;
  }

  /**
   * The first observation after intake whose score satisfies {@code event}, or censoring at the
   * last observation.
   *
   * @param trajectory the trajectory
   * @param event true for a score at which the event has happened
   * @param scale sessions or days from intake
   * @return the event time, or the censoring time at the last observation
   * @throws IllegalArgumentException if {@code scale} is DAYS and an observation used has no date
   */
  public static EventTime first(Trajectory trajectory, DoublePredicate event, TimeScale scale) {
    Objects.requireNonNull(trajectory, "trajectory");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(scale, "scale");
    int n = trajectory.size();
    for (int i = 1; i < n; i++) {
      if (event.test(trajectory.scoreAt(i))) {
        return new EventTime(time(trajectory, i, scale), true);
      }
    }
    return new EventTime(time(trajectory, n - 1, scale), false);
  }

  private static double time(Trajectory trajectory, int index, TimeScale scale) {
    if (scale == TimeScale.SESSIONS) {
      int session = trajectory.sessionAt(index);
      if (session < 0) {
        throw new IllegalArgumentException(
            "session must be >= 0 for a time to event, client "
                + trajectory.client().value()
                + " has session "
                + session);
      }
      return session;
    }
    LocalDate start = date(trajectory, trajectory.observations().get(0));
    LocalDate at = date(trajectory, trajectory.observations().get(index));
    long days = ChronoUnit.DAYS.between(start, at);
    if (days < 0) {
      throw new IllegalArgumentException(
          "dates must not go back before intake, client "
              + trajectory.client().value()
              + " has "
              + at
              + " before "
              + start);
    }
    return days;
  }

  private static LocalDate date(Trajectory t, Observation o) {
    return o.date()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "date is missing for client "
                        + t.client().value()
                        + " at session "
                        + o.session()
                        + "; time in DAYS needs every date"));
  }
}
