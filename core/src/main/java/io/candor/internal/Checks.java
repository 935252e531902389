package io.candor.internal;

import java.util.Collection;
import java.util.Objects;

/**
 * Argument checks shared by every public entry point. Each check names the parameter, shows the
 * value and says what is allowed, so that a message reads well to a developer embedding Candor in a
 * clinical application. All checks are NaN-safe: a NaN never passes a numeric check.
 *
 * <p>Not part of the API (the package is not exported).
 */
public final class Checks {

  private Checks() {}

  /** Throws unless {@code value} is finite. Returns it for chaining. */
  public static double finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, was " + value);
    }
    return value;
  }

  /** Throws unless {@code value} is finite and strictly positive. */
  public static double positive(String name, double value) {
    if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(name + " must be > 0 and finite, was " + value);
    }
    return value;
  }

  /** Throws unless {@code value} is finite and not negative. */
  public static double nonNegative(String name, double value) {
    if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(name + " must be >= 0 and finite, was " + value);
    }
    return value;
  }

  /** Throws unless {@code value} is a probability in [0, 1]. */
  public static double probability(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be a probability in [0, 1], was " + value);
    }
    return value;
  }

  /** Throws unless {@code value} lies strictly inside (0, 1). */
  public static double openUnit(String name, double value) {
    if (!(value > 0 && value < 1)) {
      throw new IllegalArgumentException(name + " must lie strictly between 0 and 1, was " + value);
    }
    return value;
  }

  /** Throws unless {@code lo <= value <= hi} (NaN fails). */
  public static double inRange(String name, double value, double lo, double hi) {
    if (!(value >= lo && value <= hi)) {
      throw new IllegalArgumentException(
          name + " must be between " + fmt(lo) + " and " + fmt(hi) + ", was " + fmt(value));
    }
    return value;
  }

  /** Throws unless {@code lo <= value <= hi}. */
  public static int inRange(String name, int value, int lo, int hi) {
    if (value < lo || value > hi) {
      throw new IllegalArgumentException(
          name + " must be between " + lo + " and " + hi + ", was " + value);
    }
    return value;
  }

  /** Throws unless {@code value >= min}. */
  public static int atLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
    }
    return value;
  }

  /** Throws unless the string is non-null and has a non-blank character. */
  public static String nonBlank(String name, String value) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, was " + quote(value));
    }
    return value;
  }

  /** Throws unless the collection is non-null and non-empty and holds no null element. */
  public static <C extends Collection<?>> C nonEmptyNoNulls(String name, C values) {
    Objects.requireNonNull(values, name);
    if (values.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return noNulls(name, values);
  }

  /** Throws unless the collection is non-null and holds no null element. */
  public static <C extends Collection<?>> C noNulls(String name, C values) {
    Objects.requireNonNull(values, name);
    int i = 0;
    for (Object v : values) {
      if (v == null) {
        throw new IllegalArgumentException(name + " must not contain null (index " + i + ")");
      }
      i++;
    }
    return values;
  }

  /** Throws unless every element of the array is finite. */
  public static double[] allFinite(String name, double[] values) {
    Objects.requireNonNull(values, name);
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            name + "[" + i + "] must be a finite number, was " + values[i]);
      }
    }
    return values;
  }

  /** Formats a double without a trailing ".0" when it is integral, for messages. */
  public static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** At most this many characters of a user's text appear in a message. */
  public static final int QUOTED_LENGTH = 60;

  /**
   * A user's text as a message shows it: in double quotes, control characters written as
   * Unicode escapes (backslash, u, four hex digits) so the message stays on one line, and cut after {@value #QUOTED_LENGTH}
   * characters with the full length said ({@code "abc…" (1203 characters)}), so that a message
   * carries the one offending value and never a whole record.
   *
   * @param text the text
   * @return the quoted text
   */
  public static String quote(CharSequence text) {
    Objects.requireNonNull(text, "text");
    int n = text.length();
    int shown = n <= QUOTED_LENGTH ? n : QUOTED_LENGTH - 1;
    if (shown < n && Character.isHighSurrogate(text.charAt(shown - 1))) {
      shown--;
    }
    StringBuilder sb = new StringBuilder(shown + 24).append('"');
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (shown < n) {
      sb.append("\u2026\" (").append(n).append(" characters)");
    } else {
      sb.append('"');
    }
    return sb.toString();
  }

  /**
   * Checks that a piecewise basis's knot lies strictly inside the observed times: at or beyond
   * either end the slope after the knot is not identified by the data.
   *
   * @param knot the knot
   * @param minTime the earliest observed time
   * @param maxTime the latest observed time
   * @throws IllegalArgumentException naming the knot and the observed range
   */
  public static void knotInside(double knot, double minTime, double maxTime) {
    if (!(knot > minTime && knot < maxTime)) {
      throw new IllegalArgumentException("piecewise knot " + fmt(knot) + " must lie strictly"
          + " between the earliest and the latest observed time (" + fmt(minTime) + " and "
          + fmt(maxTime) + "): at or beyond either end the slope after the knot cannot be"
          + " estimated");
    }
  }
}
