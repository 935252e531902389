package io.candor.change;

/**
 * One measure's NHS Talking Therapies outcome flags for an episode (see
 * {@link TalkingTherapies#outcome(io.candor.measure.Instrument, double, double)}): the same rules
 * as the paired-measure metrics, applied to a single instrument.
 *
 * @param caseAtStart at caseness at the first score
 * @param caseAtEnd at caseness at the last score
 * @param recovered case at start and not a case at the end
 * @param reliablyImproved improved by at least the instrument's reliable-change threshold
 * @param reliablyDeteriorated worsened by at least the instrument's reliable-change threshold
 */
public record MeasureOutcome(
    boolean caseAtStart,
    boolean caseAtEnd,
    boolean recovered,
    boolean reliablyImproved,
    boolean reliablyDeteriorated) {

  /**
   * Validates the flags.
   *
   * @throws IllegalArgumentException if they contradict each other
   */
  public MeasureOutcome {
    if (recovered != (caseAtStart && !caseAtEnd)) {
      throw new IllegalArgumentException("recovered must equal caseAtStart && !caseAtEnd");
    }
    if (reliablyImproved && reliablyDeteriorated) {
      throw new IllegalArgumentException("a change cannot be both a reliable improvement and a"
          + " reliable deterioration");
    }
  }
}
