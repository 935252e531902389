package io.candor.progress;

import io.candor.change.ClinicalEvents;
import io.candor.domain.ScoreScale;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import java.util.Optional;

/**
 * Direction, severity and the clinical events ({@link ClinicalEvents}) of a score scale, shared by
 * the pattern detectors. A plain scale (not an {@link Instrument}) has no caseness cutoff and no
 * reliable-change threshold.
 */
final class Scales {

  private Scales() {}

  /** The instrument's direction; plain scales are read as higher-is-worse. */
  static Direction direction(ScoreScale scale) {
    return scale instanceof Instrument i ? i.direction() : Direction.HIGHER_IS_WORSE;
  }

  /**
   * Distance of {@code score} from the best end of the scale (the "symptom level" the relative
   * criterion refers to): score − min for a higher-is-worse scale, max − score for a
   * higher-is-better one. A scale without a real floor (−Double.MAX_VALUE) uses the score itself,
   * as the suddengains package does.
   */
  static double severity(ScoreScale scale, Direction direction, double score) {
    if (direction == Direction.HIGHER_IS_BETTER) {
      return scale.maxScore() == Double.MAX_VALUE ? -score : scale.maxScore() - score;
    }
    return scale.minScore() == -Double.MAX_VALUE ? score : score - scale.minScore();
  }

  /** The clinical events of an instrument; empty for a plain scale. */
  static Optional<ClinicalEvents> events(ScoreScale scale) {
    return scale instanceof Instrument i ? Optional.of(ClinicalEvents.of(i)) : Optional.empty();
  }

  /** Whether the scale has a reliable-change threshold. */
  static boolean hasReliableChange(ScoreScale scale) {
    return events(scale).flatMap(ClinicalEvents::reliableChangeThreshold).isPresent();
  }

  /**
   * The clinical events of a scale that has a reliable-change threshold.
   *
   * @throws IllegalStateException naming what is missing and {@code purpose}
   */
  static ClinicalEvents requireReliableChange(ScoreScale scale, String purpose) {
    Optional<ClinicalEvents> events = events(scale);
    if (events.isEmpty()) {
      throw new IllegalStateException(scale.id() + " is not an instrument, so it has no"
          + " reliable-change threshold; " + purpose);
    }
    events.get().missingThreshold().ifPresent(m -> {
      throw new IllegalStateException(m + "; " + purpose);
    });
    return events.get();
  }

  /** The threshold in points of a scale that has one (see {@link #requireReliableChange}). */
  static double reliableChangePoints(ScoreScale scale, String purpose) {
    return requireReliableChange(scale, purpose).reliableChangeThreshold().orElseThrow().value();
  }

  /**
   * The instrument of a scale that has a caseness cutoff.
   *
   * @throws IllegalStateException naming what is missing and {@code purpose}
   */
  static Instrument requireCaseness(ScoreScale scale, String purpose) {
    if (scale instanceof Instrument i && i.casenessCutoff().isPresent()) {
      return i;
    }
    throw new IllegalStateException(scale.id() + " has no caseness cutoff; " + purpose);
  }
}
