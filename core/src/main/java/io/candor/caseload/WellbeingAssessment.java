package io.candor.caseload;

import io.candor.measure.ScaleScores;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A therapist's scores on a wellbeing instrument on one date.
 *
 * <p>Immutable and thread-safe.
 *
 * @param date the date the instrument was completed
 * @param scores the scale scores
 */
public record WellbeingAssessment(LocalDate date, ScaleScores scores) {

  /**
   * Checks for nulls.
   *
   * @param date the date the instrument was completed
   * @param scores the scale scores
   */
  public WellbeingAssessment {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(scores, "scores");
  }
}
