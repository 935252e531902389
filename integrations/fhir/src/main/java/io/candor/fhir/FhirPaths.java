package io.candor.fhir;

import io.candor.domain.ClientId;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;

/** Small helpers shared by the reader: checks, subject references and dates, with FHIR paths. */
final class FhirPaths {

  private FhirPaths() {}

  static String nonBlank(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, was " + (value == null ? "null" : "\"" + value + "\""));
    }
    return value;
  }

  /**
   * The client id for a subject reference: {@code Patient/123} (base URL and version dropped), or
   * the reference as given ({@code urn:uuid:...}).
   */
  static ClientId client(Reference subject, String path) {
    if (subject == null || subject.isEmpty() || !subject.hasReference()) {
      throw new IllegalArgumentException(
          path + " is missing: every score needs the patient it belongs to (a reference such as Patient/123)");
    }
    String ref = subject.getReference().strip();
    String id = ref;
    if (!ref.startsWith("urn:")) {
      int history = ref.indexOf("/_history/");
      if (history >= 0) {
        id = ref.substring(0, history);
      }
      String[] parts = id.split("/");
      if (parts.length >= 2) {
        id = parts[parts.length - 2] + "/" + parts[parts.length - 1];
      }
    }
    try {
      return ClientId.of(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ".reference: " + e.getMessage(), e);
    }
  }

  /** A point in time from a FHIR dateTime with at least a day. */
  record When(String text, LocalDate date, OffsetDateTime instant) implements Comparable<When> {
    @Override
    public int compareTo(When o) {
      return instant.compareTo(o.instant);
    }
  }

  static When when(DateTimeType value, String path) {
    if (value == null || value.isEmpty() || value.getValueAsString() == null) {
      throw new IllegalArgumentException(path + " is missing: a score needs the date it was taken");
    }
    String text = value.getValueAsString();
    try {
      if (text.length() == 10) {
        LocalDate d = LocalDate.parse(text);
        return new When(text, d, d.atStartOfDay().atOffset(ZoneOffset.UTC));
      }
      if (text.length() < 10) {
        throw new IllegalArgumentException(
            path + " must give at least a day (yyyy-mm-dd), was \"" + text + "\"");
      }
      OffsetDateTime t = OffsetDateTime.parse(text);
      return new When(text, t.toLocalDate(), t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(path + " is not a FHIR dateTime: \"" + text + "\"", e);
    }
  }
}
