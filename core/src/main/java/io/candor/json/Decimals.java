package io.candor.json;

/**
 * Parses plain decimal numbers, {@code [+-]?(\d+[.]?\d*|[.]\d+)([eE][+-]?\d+)?} with {@code .} or
 * {@code ,} as the decimal mark, straight from a char buffer, with the same result as {@link
 * Double#parseDouble(String)}.
 *
 * <p>Most cells in a data file have at most 15 significant digits and a small exponent; for those
 * the digits form an integer {@code m < 2^53} and the value is {@code m · 10^e} or {@code m / 10^-e}
 * with {@code |e| ≤ 22}. Both factors are exact doubles, so one IEEE multiplication or division
 * gives the correctly rounded result (Clinger's fast path, as in every mature number parser).
 * Everything else goes to {@link Double#parseDouble(String)}.
 */
final class Decimals {

  /** Returned for text that is not a decimal number (no decimal number parses to NaN). */
  static final double INVALID = Double.NaN;

  private static final double[] POWERS = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  private static final long EXACT = 1L << 53;

  private Decimals() {}

  /**
   * The value of {@code text[from, to)}, or {@link #INVALID} when it is not a plain decimal number
   * with the given decimal mark; overflow gives an infinity, as {@link Double#parseDouble} does.
   */
  static double parse(char[] text, int from, int to, char mark) {
    int i = from;
    boolean negative = false;
    if (i < to && (text[i] == '+' || text[i] == '-')) {
      negative = text[i] == '-';
      i++;
    }
    long mantissa = 0;
    int significant = 0; // digits taken into the mantissa after its leading zeros (18 fit a long)
    int scale = 0; // power of ten to apply to the mantissa
    boolean exact = true; // false once a digit could not be taken into the mantissa
    int intDigits = 0;
    for (; i < to; i++) {
      int d = text[i] - '0';
      if (d < 0 || d > 9) {
        break;
      }
      intDigits++;
      if (significant < 18) {
        mantissa = mantissa * 10 + d;
        if (mantissa != 0) {
          significant++;
        }
      } else {
        scale++;
        exact = exact && d == 0;
      }
    }
    int fracDigits = 0;
    if (i < to && text[i] == mark) {
      for (i++; i < to; i++) {
        int d = text[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        fracDigits++;
        if (significant < 18) {
          mantissa = mantissa * 10 + d;
          if (mantissa != 0) {
            significant++;
          }
          scale--;
        } else {
          exact = exact && d == 0;
        }
      }
    }
    if (intDigits + fracDigits == 0) {
      return INVALID;
    }
    if (i < to && (text[i] == 'e' || text[i] == 'E')) {
      i++;
      boolean negativeExponent = false;
      if (i < to && (text[i] == '+' || text[i] == '-')) {
        negativeExponent = text[i] == '-';
        i++;
      }
      int exponent = 0;
      int expDigits = 0;
      for (; i < to; i++) {
        int d = text[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        expDigits++;
        if (exponent < 100_000) {
          exponent = exponent * 10 + d;
        }
      }
      if (expDigits == 0) {
        return INVALID;
      }
      scale += negativeExponent ? -exponent : exponent;
    }
    if (i != to) {
      return INVALID;
    }
    if (exact && mantissa <= EXACT && scale >= -22 && scale <= 22) {
      double v = scale >= 0 ? mantissa * POWERS[scale] : mantissa / POWERS[-scale];
      return negative ? -v : v;
    }
    String s = new String(text, from, to - from);
    return Double.parseDouble(mark == '.' ? s : s.replace(mark, '.'));
  }
}
