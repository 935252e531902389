package io.candor.caseload;

import io.candor.measure.Instrument;
import java.util.Objects;

/**
 * The clinical events of one instrument as the caseload views use them: reliable improvement and
 * deterioration by the instrument's published reliable-change threshold (a change of at least
 * that many points, with the same 1e-9 tolerance as {@link io.candor.change.TalkingTherapies}),
 * caseness by {@link Instrument#isCase(double)}, recovery as reliable improvement out of the
 * clinical range from a score in it ({@link io.candor.progress.Milestones#recovery}).
 *
 * <p>Immutable and thread-safe.
 */
final class Events {

  private static final double TOLERANCE = 1e-9;

  final Instrument instrument;
  final double threshold;
  final double cutoff;

  Events(Instrument instrument) {
    this.instrument = Objects.requireNonNull(instrument, "instrument");
    this.threshold = instrument.reliableChange().orElseThrow(() -> new IllegalArgumentException(
        instrument.id() + " has no published reliable-change threshold, which caseload outcomes"
            + " need")).value();
    this.cutoff = instrument.casenessCutoff().orElseThrow(() -> new IllegalArgumentException(
        instrument.id() + " has no caseness cutoff, which recovery needs")).value();
  }

  boolean improved(double intake, double score) {
    return instrument.improvement(intake, score) >= threshold - TOLERANCE;
  }

  boolean deteriorated(double intake, double score) {
    return -instrument.improvement(intake, score) >= threshold - TOLERANCE;
  }

  boolean isCase(double score) {
    return instrument.isCase(score);
  }

  boolean recovered(double intake, double score) {
    return isCase(intake) && improved(intake, score) && !isCase(score);
  }

  /** The outcome of a completed episode from its first and last scores (never DROPOUT). */
  Outcome outcome(double intake, double last) {
    if (improved(intake, last)) {
      return Outcome.RELIABLE_IMPROVEMENT;
    }
    return deteriorated(intake, last) ? Outcome.RELIABLE_DETERIORATION : Outcome.NO_RELIABLE_CHANGE;
  }
}
