package io.candor.fhir;

import java.util.Locale;
import java.util.Objects;

/**
 * What the reader does with a {@code QuestionnaireResponse} for another questionnaire, or an
 * {@code Observation} whose code is not a known total score. Inside a recognised questionnaire an
 * unknown item or answer code is always an error.
 */
public enum Unrecognised {
  /** Fail with a message naming the FHIR path (the default: nothing is guessed). */
  FAIL,
  /** Leave it out and report it among the {@link Exclusion}s with its code. */
  EXCLUDE;

  /**
   * Parses {@code fail} or {@code exclude}, ignoring case.
   *
   * @param text the name
   * @return the constant
   * @throws IllegalArgumentException naming the allowed values
   */
  public static Unrecognised parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    String key = text.toString().strip().toUpperCase(Locale.ROOT);
    for (Unrecognised u : values()) {
      if (u.name().equals(key)) {
        return u;
      }
    }
    throw new IllegalArgumentException("unrecognised must be fail or exclude, was "
        + FhirPaths.quote(text.toString()));
  }
}
