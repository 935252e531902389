package io.candor.measure;

import io.candor.internal.Checks;
import java.util.List;
import java.util.Optional;

/**
 * The scale scores of one completed {@link MultiScaleInstrument}, in the instrument's scale order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument the instrument's id
 * @param scales one score per scored scale (at least one, each scale at most once)
 */
public record ScaleScores(String instrument, List<ScaleScore> scales) {

  /**
   * Validates the components.
   *
   * @param instrument the instrument's id
   * @param scales one score per scored scale (at least one, each scale at most once)
   */
  public ScaleScores {
    Checks.nonBlank("instrument", instrument);
    scales = List.copyOf(Checks.nonEmptyNoNulls("scales", scales));
    if (scales.stream().map(ScaleScore::scale).distinct().count() != scales.size()) {
      throw new IllegalArgumentException(instrument + ": a scale is scored twice in "
          + scales.stream().map(ScaleScore::scale).toList());
    }
  }

  /**
   * The score of one scale.
   *
   * @param scale the scale's id
   * @return the score, or empty when the scale was not scored
   */
  public Optional<ScaleScore> scale(String scale) {
    return scales.stream().filter(s -> s.scale().equals(scale)).findFirst();
  }
}
