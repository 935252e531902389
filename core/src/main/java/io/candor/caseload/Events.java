package io.candor.caseload;

import io.candor.change.ClinicalEvents;
import io.candor.evidence.Sourced;
import io.candor.measure.Instrument;
import java.util.Objects;

/**
 * The clinical events of one instrument as the caseload views use them, all decided by Candor's
 * one definition ({@link ClinicalEvents}): reliable improvement and deterioration by the
 * instrument's reliable-change threshold, caseness, and recovery as {@link
 * ClinicalEvents#reliablyRecovered reliable recovery}. The threshold and the cutoff are kept as
 * numbers for the outcome mix's probability arithmetic.
 *
 * <p>Immutable and thread-safe.
 */
final class Events {

  final ClinicalEvents clinical;
  final Instrument instrument;
  final Sourced thresholdSource;
  final double threshold;
  final double cutoff;

  Events(Instrument instrument) {
    this.instrument = Objects.requireNonNull(instrument, "instrument");
    this.clinical = ClinicalEvents.of(instrument);
    this.thresholdSource = clinical.reliableChangeThreshold().orElseThrow(() ->
        new IllegalArgumentException(clinical.missingThreshold().orElseThrow()
            + "; caseload outcomes need one"));
    this.threshold = thresholdSource.value();
    this.cutoff = instrument.casenessCutoff().orElseThrow(() -> new IllegalArgumentException(
        instrument.id() + " has no caseness cutoff, which recovery needs")).value();
  }

  boolean improved(double intake, double score) {
    return clinical.reliablyImproved(intake, score);
  }

  boolean deteriorated(double intake, double score) {
    return clinical.reliablyDeteriorated(intake, score);
  }

  boolean isCase(double score) {
    return clinical.isCase(score);
  }

  /** Reliable recovery: a case at intake, not a case now, and reliably improved. */
  boolean recovered(double intake, double score) {
    return clinical.reliablyRecovered(intake, score);
  }

  /** The outcome of a completed episode from its first and last scores (never DROPOUT). */
  Outcome outcome(double intake, double last) {
    if (improved(intake, last)) {
      return Outcome.RELIABLE_IMPROVEMENT;
    }
    return deteriorated(intake, last) ? Outcome.RELIABLE_DETERIORATION : Outcome.NO_RELIABLE_CHANGE;
  }
}
