package io.candor.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a cohort in long format: client, scale, session, date and score.
 *
 * @param client the client
 * @param scale the scale's id
 * @param session session number
 * @param date the date, when known
 * @param score the score
 */
public record LongRow(ClientId client, String scale, int session, Optional<LocalDate> date, double score) {

  /**
   * Checks for nulls.
   *
   * @param client the client
   * @param scale the scale's id
   * @param session session number
   * @param date the date, when known
   * @param score the score
   */
  public LongRow {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(scale, "scale");
    Objects.requireNonNull(date, "date");
  }
}
