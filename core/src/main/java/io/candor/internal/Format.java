package io.candor.internal;

import java.util.Locale;

/** Numbers in Candor's plain-text reports. */
public final class Format {

  /** Below this a p-value is printed as a bound: doubles cannot resolve it (R prints "< 2.2e-16"). */
  public static final double SMALLEST_P = 1e-16;

  private Format() {}

  /**
   * A p-value for a sentence: {@code "p = 0.0123"}, {@code "p = 3.2e-07"} or, below
   * {@link #SMALLEST_P} (a computed 0 included), {@code "p < 1e-16"}.
   *
   * @param p a probability
   * @return the text
   */
  public static String p(double p) {
    return p < SMALLEST_P ? "p < 1e-16" : "p = " + pValue(p);
  }

  /**
   * A p-value for a table cell: {@code "0.0123"}, {@code "3.2e-07"} or {@code "<1e-16"}.
   *
   * @param p a probability
   * @return the text
   */
  public static String pValue(double p) {
    if (p < SMALLEST_P) {
      return "<1e-16";
    }
    return p < 1e-4 ? String.format(Locale.ROOT, "%.2g", p) : String.format(Locale.ROOT, "%.4f", p);
  }
}
