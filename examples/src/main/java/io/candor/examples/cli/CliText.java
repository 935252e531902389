package io.candor.examples.cli;

import io.candor.domain.ScoreScale;
import io.candor.evidence.Sourced;
import io.candor.measure.Instrument;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The one number formatter of the command-line tool: every number a command prints as text or
 * writes to CSV goes through here, so the same value reads the same everywhere.
 */
public final class CliText {

  /** Longer values are cut in messages. */
  private static final int QUOTED_LENGTH = 60;

  private CliText() {}

  /**
   * A user's text as a message shows it: in double quotes, control characters written as Unicode
   * escapes so that the message stays on one line, and cut after {@value #QUOTED_LENGTH}
   * characters with the full length said, so that a message carries the one offending value and
   * never a whole record. The library's own messages quote likewise, except that they cut after
   * 60 characters of the text, each escape counting as one.
   *
   * @param text the text
   * @return the quoted text, e.g. {@code "1:15;2"} or {@code "abc…" (1203 characters)}
   */
  public static String quote(String text) {
    boolean[] cut = new boolean[1];
    String shown = "\"" + shortened(text, QUOTED_LENGTH, cut) + "\"";
    return cut[0] ? shown + " (" + text.length() + " characters)" : shown;
  }

  /**
   * Text for a one-line message: control characters written as Unicode escapes, and cut with an
   * ellipsis so that the result, escapes counted, has at most {@code longest} characters (never
   * inside a surrogate pair or an escape).
   */
  static String shortened(String text, int longest) {
    return shortened(text, longest, new boolean[1]);
  }

  /** {@link #shortened(String, int)}, saying in {@code cut[0]} whether it cut. */
  private static String shortened(String text, int longest, boolean[] cut) {
    StringBuilder sb = new StringBuilder(Math.min(text.length(), longest) + 8);
    int mark = -1; // where the text is cut if it does not fit: room for the ellipsis
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      String piece = c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029'
          ? String.format(Locale.ROOT, "\\u%04x", c) : new String(Character.toChars(c));
      if (mark < 0 && sb.length() + piece.length() > longest - 1) {
        mark = sb.length();
      }
      sb.append(piece);
      if (sb.length() > longest) {
        cut[0] = true;
        return sb.substring(0, mark) + "\u2026";
      }
      i += Character.charCount(c);
    }
    return sb.toString();
  }

  /**
   * A number in its shortest exact form, without a trailing ".0" when it is whole (10, 2.91,
   * 0.30000000000000004 stays as the double it is); for values that are exact in the data.
   */
  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /**
   * A score at its scale's resolution: whole for PHQ-9 (18), one decimal for ORS (23.2); other
   * scales in the shortest form.
   */
  static String score(ScoreScale scale, double v) {
    if (scale instanceof Instrument i) {
      int decimals = decimals(i.resolution());
      if (decimals >= 0) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v + 0.0);
      }
    }
    return number(v);
  }

  /** Decimals a resolution needs (1 → 0, 0.1 → 1, 0.5 → 1, 0.25 → 2), or -1 for an odd one. */
  private static int decimals(double resolution) {
    for (int d = 0; d <= 6; d++) {
      double scaled = resolution * Math.pow(10, d);
      if (Math.abs(scaled - Math.rint(scaled)) < 1e-9) {
        return d;
      }
    }
    return -1;
  }

  /** A derived quantity (mean, SD, index) with two decimals; {@code -} when not finite. */
  static String fixed(double v) {
    return fixed(v, 2);
  }

  /** A derived quantity with this many decimals; {@code -} when not finite. */
  static String fixed(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v + 0.0) : "-";
  }

  /** An optional derived quantity with two decimals; {@code -} when absent. */
  static String fixed(OptionalDouble v) {
    return v.isPresent() ? fixed(v.getAsDouble()) : "-";
  }

  /**
   * A whole number when the value is whole (a score, a cutoff), otherwise two decimals: for
   * values that may be either.
   */
  static String compact(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : fixed(v);
  }

  /** A share (0-1) as a percentage with one decimal, {@code 12.5 %}; {@code -} when not finite. */
  static String percent(double share) {
    return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f %%", 100 * share + 0.0) : "-";
  }

  /** An optional share as a percentage; {@code -} when absent. */
  static String percent(OptionalDouble share) {
    return share.isPresent() ? percent(share.getAsDouble()) : "-";
  }

  /** A count with its noun in the right number: {@code 1 client}, {@code 2 clients}. */
  static String count(long n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }

  /** An enum constant as a user types it: {@code reliable-improvement}. */
  static String word(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Where a figure comes from, as running text shows it after the figure:
   * {@code Kroenke et al. 2001, primary}.
   */
  static String source(Sourced figure) {
    return figure.source().shortForm() + ", " + figure.certainty().name().toLowerCase(Locale.ROOT);
  }

  /** An enum constant in running text: {@code reliable improvement}. */
  static String words(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
