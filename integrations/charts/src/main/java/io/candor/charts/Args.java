package io.candor.charts;

import java.util.Locale;
import java.util.Objects;

/** Argument checks and number words shared by the charts (not public). */
final class Args {

  private Args() {}

  static String nonBlank(String name, String value) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  static int inRange(String name, int value, int lo, int hi) {
    if (value < lo || value > hi) {
      throw new IllegalArgumentException(
          name + " must be between " + lo + " and " + hi + ", was " + value);
    }
    return value;
  }

  static double inRange(String name, double value, double lo, double hi) {
    if (!(value >= lo && value <= hi)) {
      throw new IllegalArgumentException(
          name + " must be between " + num(lo) + " and " + num(hi) + ", was " + value);
    }
    return value;
  }

  static double finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, was " + value);
    }
    return value;
  }

  /** A number as people write it: no trailing zeros, at most two decimals, a point. */
  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.2f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** One decimal, a point. */
  static String one(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** A share as a percentage with one decimal, e.g. "42.5%". */
  static String pct1(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  /** A share as a whole percentage, e.g. "42%". */
  static String pct(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }
}
