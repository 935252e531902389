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
      throw new IllegalArgumentException(
          name + " must not be blank, was " + (value == null ? "null" : quote(value)));
    }
    return value;
  }

  /** At most this many characters of a resource's text appear in a message. */
  static final int QUOTED_LENGTH = 60;

  /**
   * Text from a resource as a message shows it: in double quotes, control characters written as
   * Unicode escapes so the message stays on one line, and cut after {@value #QUOTED_LENGTH}
   * characters with the full length said, as candor-core quotes a user's value.
   */
  static String quote(String text) {
    int n = text.length();
    int shown = n <= QUOTED_LENGTH ? n : QUOTED_LENGTH - 1;
    if (shown < n && Character.isHighSurrogate(text.charAt(shown - 1))) {
      shown--;
    }
    StringBuilder sb = new StringBuilder(shown + 24).append('"');
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      sb.append(c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029'
          ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
    }
    return shown < n ? sb.append("\u2026\" (").append(n).append(" characters)").toString()
        : sb.append('"').toString();
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
            path + " must give at least a day (yyyy-mm-dd), was " + quote(text));
      }
      OffsetDateTime t = OffsetDateTime.parse(text);
      return new When(text, t.toLocalDate(), t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(path + " is not a FHIR dateTime: " + quote(text), e);
    }
  }
}
