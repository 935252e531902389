package io.candor.domain;

import io.candor.internal.Checks;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * A presenting condition as the service records it: a name, an optional ICD-11 code, its expected
 * {@link Course}, and its onset or duration when known. Candor never diagnoses; it takes the
 * condition as given.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name free-text name, e.g. "depression"
 * @param icd11Code ICD-11 code such as {@code 6A70} or {@code 6A71.1}, when recorded
 * @param course expected course
 * @param onset date of onset, when known
 * @param duration how long the condition has lasted at intake, when known (not negative)
 */
public record Condition(
    String name,
    Optional<String> icd11Code,
    Course course,
    Optional<LocalDate> onset,
    Optional<Period> duration) {

  /** ICD-11 stem codes: a digit or letter, a letter, two alphanumerics, optional .extension. */
  private static final java.util.regex.Pattern ICD11 =
      java.util.regex.Pattern.compile("[0-9A-HJ-NP-Z][A-HJ-NP-Z][0-9A-HJ-NP-Z][0-9A-HJ-NP-Z](\\.[0-9A-HJ-NP-Z]{1,2})?");

  /**
   * Validates the components.
   *
   * @param name free-text name, e.g. "depression"
   * @param icd11Code ICD-11 code such as {@code 6A70} or {@code 6A71.1}, when recorded
   * @param course expected course
   * @param onset date of onset, when known
   * @param duration how long the condition has lasted at intake, when known (not negative)
   */
  public Condition {
    Checks.nonBlank("condition name", name);
    Objects.requireNonNull(icd11Code, "icd11Code");
    Objects.requireNonNull(course, "course");
    Objects.requireNonNull(onset, "onset");
    Objects.requireNonNull(duration, "duration");
    icd11Code.ifPresent(
        code -> {
          if (!ICD11.matcher(code).matches()) {
            throw new IllegalArgumentException(
                "icd11Code must look like an ICD-11 code such as 6A70 or 6A71.1, was "
                    + Checks.quote(code));
          }
        });
    duration.ifPresent(
        d -> {
          if (d.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + d);
          }
        });
  }

  /**
   * A condition with a name and a course only.
   *
   * @param name the condition's name, e.g. {@code "depression"}
   * @param course its expected course
   * @return a condition with a name and a course only
   */
  public static Condition of(String name, Course course) {
    return new Condition(name, Optional.empty(), course, Optional.empty(), Optional.empty());
  }

  /**
   * A copy with an ICD-11 code.
   *
   * @param code the ICD-11 code, e.g. {@code "6A70"}
   * @return the copy
   */
  public Condition withIcd11Code(String code) {
    return new Condition(name, Optional.of(code), course, onset, duration);
  }

  /**
   * A copy with an onset date.
   *
   * @param date the onset date
   * @return the copy
   */
  public Condition withOnset(LocalDate date) {
    return new Condition(name, icd11Code, course, Optional.of(date), duration);
  }

  /**
   * A copy with a duration at intake.
   *
   * @param period the duration of the condition at intake
   * @return the copy
   */
  public Condition withDuration(Period period) {
    return new Condition(name, icd11Code, course, onset, Optional.of(period));
  }
}
