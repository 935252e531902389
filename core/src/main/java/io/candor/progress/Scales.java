package io.candor.progress;

import io.candor.domain.ScoreScale;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Norms;
import io.candor.evidence.Sourced;
import java.util.Optional;

/** Direction, severity and reliable-change helpers shared by the pattern detectors. */
final class Scales {

  /** 1.96: two-tailed 95 % criterion of the reliable change index (Jacobson &amp; Truax 1991). */
  static final double Z_95 = 1.96;

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

  /**
   * The reliable-change threshold in points: the instrument's published one, else
   * 1.96·SD·√(2(1−r)) from its clinical norms' SD and its reliability; NaN when neither exists
   * (a primitive, so the hot loop does not box).
   */
  static double reliableChange(ScoreScale scale) {
    if (!(scale instanceof Instrument i)) {
      return Double.NaN;
    }
    Optional<Sourced> rc = i.reliableChange();
    if (rc.isPresent()) {
      return rc.get().value();
    }
    Optional<Norms> norms = i.clinicalNorms();
    if (norms.isPresent()) {
      double sd = norms.get().sd().value();
      return Z_95 * sd * Math.sqrt(2 * (1 - i.reliability().value()));
    }
    return Double.NaN;
  }

  static double requireReliableChange(ScoreScale scale, String purpose) {
    double rc = reliableChange(scale);
    if (Double.isNaN(rc)) {
      throw new IllegalStateException(
          scale.id() + " has no reliable-change threshold (no published value and no clinical SD); "
              + purpose);
    }
    return rc;
  }

  static double requireCaseness(ScoreScale scale, String purpose) {
    if (scale instanceof Instrument i && i.casenessCutoff().isPresent()) {
      return i.casenessCutoff().get().value();
    }
    throw new IllegalStateException(scale.id() + " has no caseness cutoff; " + purpose);
  }

  /** Whether {@code score} is in the clinical range of an instrument with a cutoff. */
  static boolean isCase(Direction direction, double cutoff, double score) {
    return direction == Direction.HIGHER_IS_WORSE ? score >= cutoff : score < cutoff;
  }
}
