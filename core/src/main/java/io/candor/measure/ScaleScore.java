package io.candor.measure;

import io.candor.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One scale's score from a {@link MultiScaleInstrument}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scale the scale's id ("BO")
 * @param score the scale score
 * @param answered how many of the scale's items were answered; empty when the score was entered
 *     as a number
 * @param prorated whether missing items were scored from the answered ones
 * @param band the band label holding the score, if the scale has bands
 */
public record ScaleScore(
    String scale, double score, OptionalInt answered, boolean prorated, Optional<String> band) {

  /**
   * Validates the components.
   *
   * @param scale the scale's id ("BO")
   * @param score the scale score
   * @param answered how many of the scale's items were answered; empty when the score was entered
   *     as a number
   * @param prorated whether missing items were scored from the answered ones
   * @param band the band label holding the score, if the scale has bands
   */
  public ScaleScore {
    Checks.nonBlank("scale", scale);
    Checks.finite("score", score);
    Objects.requireNonNull(answered, "answered");
    Objects.requireNonNull(band, "band");
    if (prorated && answered.isEmpty()) {
      throw new IllegalArgumentException("a prorated score needs the number of answered items");
    }
  }
}
