package io.candor.fhir;

import io.candor.domain.ClientId;
import io.candor.measure.RiskFlag;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One score read from FHIR, placed in its patient's trajectory.
 *
 * <p>Immutable and thread-safe.
 *
 * @param client the patient ({@code Patient/123} from the subject reference)
 * @param instrument the instrument's id ({@code PHQ-9})
 * @param session its place in the patient's trajectory on this instrument, counted from the
 *     reader's first session in date order
 * @param date the calendar day it was taken (in its own time zone)
 * @param dateTime {@code authored} or {@code effectiveDateTime} as given
 * @param score the total score
 * @param prorated whether missing items were prorated
 * @param riskFlags risk flags (only from a {@code QuestionnaireResponse}; an {@code Observation}
 *     total carries no item responses)
 * @param origin the kind of resource it came from
 * @param reference the resource as a FHIR reference ({@code QuestionnaireResponse/qr-1}, or the
 *     entry's {@code fullUrl})
 * @param path where it was in the input ({@code Bundle.entry[3].resource})
 */
public record ImportedScore(
    ClientId client,
    String instrument,
    int session,
    LocalDate date,
    String dateTime,
    double score,
    boolean prorated,
    List<RiskFlag> riskFlags,
    Origin origin,
    String reference,
    String path) {

  /** Where a score came from. */
  public enum Origin {
    /** Scored by Candor from a {@code QuestionnaireResponse}'s item answers. */
    QUESTIONNAIRE_RESPONSE,
    /** Read as a total from an {@code Observation}. */
    OBSERVATION
  }

  /**
   * Copies the flags and checks for nulls.
   *
   * @param client the patient ({@code Patient/123} from the subject reference)
   * @param instrument the instrument's id ({@code PHQ-9})
   * @param session its place in the patient's trajectory on this instrument, counted from the reader's first session in date order
   * @param date the calendar day it was taken (in its own time zone)
   * @param dateTime {@code authored} or {@code effectiveDateTime} as given
   * @param score the total score
   * @param prorated whether missing items were prorated
   * @param riskFlags risk flags (only from a {@code QuestionnaireResponse}; an {@code Observation} total carries no item responses)
   * @param origin the kind of resource it came from
   * @param reference the resource as a FHIR reference ({@code QuestionnaireResponse/qr-1}, or the entry's {@code fullUrl})
   * @param path where it was in the input ({@code Bundle.entry[3].resource})
   */
  public ImportedScore {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(dateTime, "dateTime");
    riskFlags = List.copyOf(riskFlags);
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(path, "path");
  }
}
