package io.candor.fhir;

/**
 * What the reader does with a {@code QuestionnaireResponse} for another questionnaire, or an
 * {@code Observation} whose code is not a known total score. Inside a recognised questionnaire an
 * unknown item or answer code is always an error.
 */
public enum Unrecognised {
  /** Fail with a message naming the FHIR path (the default: nothing is guessed). */
  FAIL,
  /** Leave it out and report it among the {@link Exclusion}s with its code. */
  EXCLUDE
}
