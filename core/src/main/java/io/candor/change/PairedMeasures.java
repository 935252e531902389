package io.candor.change;

import io.candor.internal.Checks;
import io.candor.measure.Instrument;
import java.util.Objects;

/**
 * One NHS Talking Therapies episode: first and last scores on a depression measure (PHQ-9) and on an
 * anxiety measure (GAD-7 or an anxiety-disorder-specific measure given as an {@link Instrument} with
 * a caseness cutoff and a reliable-change threshold), and the number of attended treatment contacts.
 *
 * <p>Immutable and thread-safe.
 *
 * @param depression the depression instrument (normally {@code Instruments.PHQ9})
 * @param depressionFirst first depression score
 * @param depressionLast last depression score
 * @param anxiety the anxiety instrument (GAD-7 or a disorder-specific measure)
 * @param anxietyFirst first anxiety score
 * @param anxietyLast last anxiety score
 * @param treatmentContacts attended treatment contacts (≥ 0)
 */
public record PairedMeasures(
    Instrument depression,
    double depressionFirst,
    double depressionLast,
    Instrument anxiety,
    double anxietyFirst,
    double anxietyLast,
    int treatmentContacts) {

  /**
   * Validates the scores against the instruments' ranges and that both instruments have the caseness
   * cutoff and reliable-change threshold ({@link ClinicalEvents#reliableChangeThreshold()}) the
   * metrics need.
   *
   * @param depression the depression instrument (normally {@code Instruments.PHQ9})
   * @param depressionFirst first depression score
   * @param depressionLast last depression score
   * @param anxiety the anxiety instrument (GAD-7 or a disorder-specific measure)
   * @param anxietyFirst first anxiety score
   * @param anxietyLast last anxiety score
   * @param treatmentContacts attended treatment contacts (≥ 0)
   */
  public PairedMeasures {
    Objects.requireNonNull(depression, "depression");
    Objects.requireNonNull(anxiety, "anxiety");
    depression.checkScore("first depression score", depressionFirst);
    depression.checkScore("last depression score", depressionLast);
    anxiety.checkScore("first anxiety score", anxietyFirst);
    anxiety.checkScore("last anxiety score", anxietyLast);
    Checks.atLeast("treatmentContacts", treatmentContacts, 0);
    for (Instrument i : new Instrument[] {depression, anxiety}) {
      if (i.casenessCutoff().isEmpty()
          || ClinicalEvents.of(i).reliableChangeThreshold().isEmpty()) {
        throw new IllegalArgumentException(
            i.id() + " needs a caseness cutoff and a reliable-change threshold (see"
                + " ClinicalEvents) for the Talking Therapies metrics");
      }
    }
  }
}
