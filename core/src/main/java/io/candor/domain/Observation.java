package io.candor.domain;

import io.candor.internal.Checks;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One score at one session. Session 0 is intake (assessment before treatment); sessions count
 * treatment contacts from 1.
 *
 * <p>Immutable and thread-safe.
 *
 * @param session session number, 0 or more
 * @param date calendar date, when known
 * @param score the score (finite; its range is checked by the {@link Trajectory}; −0 is held as
 *     0, so that a score reads back equal from any text form)
 */
public record Observation(int session, Optional<LocalDate> date, double score) {

  /**
   * Validates the components.
   *
   * @param session session number, 0 or more
   * @param date calendar date, when known
   * @param score the score (finite; its range is checked by the {@link Trajectory}; −0 is held
   *     as 0)
   */
  public Observation {
    Checks.atLeast("session", session, 0);
    Objects.requireNonNull(date, "date");
    Checks.finite("score", score);
    score += 0.0; // −0 + 0 is +0: a score of "-0" in a file is the score 0
  }

  /**
   * An observation without a date.
   *
   * @param session the session number, 0 for intake
   * @param score the score
   * @return an observation without a date
   */
  public static Observation of(int session, double score) {
    return new Observation(session, Optional.empty(), score);
  }

  /**
   * An observation with a date.
   *
   * @param session the session number, 0 for intake
   * @param date the date of the session
   * @param score the score
   * @return an observation with a date
   */
  public static Observation of(int session, LocalDate date, double score) {
    return new Observation(session, Optional.of(date), score);
  }
}
