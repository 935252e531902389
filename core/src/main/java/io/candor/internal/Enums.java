package io.candor.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** Case-insensitive enum parsing with a message that lists the allowed names. */
public final class Enums {

  private Enums() {}

  /**
   * Parses {@code text} as a constant of {@code type}, ignoring case, "-" and " " (read as "_").
   * The message for an unknown value lists the constants as a user types them: lower case with
   * "-" ({@code reliable-improvement}).
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String field, CharSequence text) {
    Objects.requireNonNull(text, field);
    String key = text.toString().trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(key)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        field + " must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "))
            + "; was " + Checks.quote(text));
  }
}
