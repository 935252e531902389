package io.candor.fhir;

import java.util.Objects;

/**
 * A resource in the input that gave no score, and why: the reader never drops anything silently.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path where it was ({@code Bundle.entry[4].resource})
 * @param reason why it gave no score
 * @param detail the specifics (the status, the code, the resource type)
 */
public record Exclusion(String path, Reason reason, String detail) {

  /** Why a resource gave no score. */
  public enum Reason {
    /** Not a score: a Patient, a Questionnaire definition or another resource type. */
    NOT_A_SCORE,
    /** Status is not completed/amended (responses) or final/amended/corrected (observations). */
    NOT_FINAL,
    /** An Observation derived from a QuestionnaireResponse that was scored from its items. */
    DERIVED_FROM_RESPONSE,
    /** An Observation with no value, only a data-absent reason. */
    NO_VALUE,
    /** Another questionnaire or observation code, with {@link Unrecognised#EXCLUDE}. */
    UNRECOGNISED
  }

  /**
   * Checks for nulls.
   *
   * @param path where it was ({@code Bundle.entry[4].resource})
   * @param reason why it gave no score
   * @param detail the specifics (the status, the code, the resource type)
   */
  public Exclusion {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
