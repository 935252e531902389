package io.candor.caseload;

import io.candor.internal.Checks;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One scale's score on one date, with its band.
 *
 * <p>Immutable and thread-safe.
 *
 * @param date the date
 * @param score the score
 * @param band the band label, if the scale has bands
 */
public record ScalePoint(LocalDate date, double score, Optional<String> band) {

  /**
   * Validates the components.
   *
   * @param date the date
   * @param score the score
   * @param band the band label, if the scale has bands
   */
  public ScalePoint {
    Objects.requireNonNull(date, "date");
    Checks.finite("score", score);
    Objects.requireNonNull(band, "band");
  }
}
