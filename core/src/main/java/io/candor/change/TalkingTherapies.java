package io.candor.change;

import java.util.Collection;
import java.util.Objects;

/**
 * NHS Talking Therapies for anxiety and depression outcome metrics on paired measures (PHQ-9 with
 * GAD-7 or an anxiety-disorder-specific measure), following the NHS Talking Therapies manual
 * (National Collaborating Centre for Mental Health 2024, v7) and NHS Digital's published
 * definitions:
 *
 * <ul>
 *   <li>finished treatment: at least 2 attended treatment contacts;
 *   <li>caseness: at or above the caseness cutoff on either measure (PHQ-9 ≥ 10, GAD-7 ≥ 8);
 *       caseness, reliable change and recovery on each measure are {@link ClinicalEvents}';
 *   <li>recovery: at caseness at the first score and not at caseness on either measure at the last;
 *   <li>reliable change on one measure: a change of at least the instrument's reliable-change
 *       threshold (PHQ-9 6 points, GAD-7 4 points) in either direction;
 *   <li>reliable improvement: a reliable improvement on at least one measure and no reliable
 *       deterioration on the other;
 *   <li>reliable recovery: recovery and reliable improvement;
 *   <li>reliable deterioration: a reliable deterioration on at least one measure and no reliable
 *       improvement on the other.
 * </ul>
 *
 * <p>The "no reliable change the other way on the other measure" clause is how NHS Digital's
 * glossary words the rule as Candor's authors remember it; it could not be checked against the
 * manual's text while writing this (see {@code docs/evidence.md}), so treat it as a documented
 * assumption. Clients with opposite reliable changes on the two measures count as neither improved
 * nor deteriorated.
 *
 * <p>Stateless; thread-safe.
 */
public final class TalkingTherapies {

  /** Treatment contacts needed to count as having finished a course of treatment. */
  public static final int MIN_CONTACTS = 2;

  private TalkingTherapies() {}

  /**
   * The outcome flags of one episode.
   *
   * @param m the paired first and last scores of one episode
   * @return the outcome flags of one episode
   */
  public static TalkingTherapiesOutcome outcome(PairedMeasures m) {
    Objects.requireNonNull(m, "measures");
    boolean finished = m.treatmentContacts() >= MIN_CONTACTS;
    ClinicalEvents depression = ClinicalEvents.of(m.depression());
    ClinicalEvents anxiety = ClinicalEvents.of(m.anxiety());
    boolean caseStart =
        depression.isCase(m.depressionFirst()) || anxiety.isCase(m.anxietyFirst());
    boolean caseEnd =
        depression.isCase(m.depressionLast()) || anxiety.isCase(m.anxietyLast());
    int dep = reliable(depression, m.depressionFirst(), m.depressionLast());
    int anx = reliable(anxiety, m.anxietyFirst(), m.anxietyLast());
    boolean improved = (dep > 0 || anx > 0) && dep >= 0 && anx >= 0;
    boolean deteriorated = (dep < 0 || anx < 0) && dep <= 0 && anx <= 0;
    boolean recovered = caseStart && !caseEnd;
    return new TalkingTherapiesOutcome(
        finished, caseStart, caseEnd, recovered, improved, recovered && improved, deteriorated);
  }

  /** +1 reliable improvement, −1 reliable deterioration, 0 neither. */
  private static int reliable(ClinicalEvents events, double first, double last) {
    if (events.reliablyImproved(first, last)) {
      return 1;
    }
    return events.reliablyDeteriorated(first, last) ? -1 : 0;
  }

  /**
   * Cohort rates with Wilson 95 % intervals (see {@link TalkingTherapiesRates} for denominators).
   *
   * @param episodes the episodes, one per client, at least one
   * @return the rates
   */
  public static TalkingTherapiesRates rates(Collection<PairedMeasures> episodes) {
    Objects.requireNonNull(episodes, "episodes");
    TalkingTherapiesCounts counts = TalkingTherapiesCounts.NONE;
    for (PairedMeasures m : episodes) {
      Objects.requireNonNull(m, "episode");
      counts = counts.plus(TalkingTherapiesCounts.of(outcome(m)));
    }
    return counts.rates();
  }
}
