package io.candor.internal;

import java.math.BigDecimal;

/**
 * Scores on an instrument's grid ({@code min + k · resolution}) as the doubles nearest to their
 * decimal values: 23.2, not {@code 0.1 · 232 = 23.200000000000003}.
 */
public final class Grid {

  private Grid() {}

  /**
   * The grid point nearest to {@code x}.
   *
   * @param min the grid's origin (the scale's minimum)
   * @param step the resolution (&gt; 0)
   * @param x a finite value
   * @return {@code min + k · step} for the nearest whole k, as the double nearest to that decimal
   */
  public static double nearest(double min, double step, double x) {
    double k = Math.rint((x - min) / step);
    if (step == Math.rint(step) && min == Math.rint(min)) {
      return min + step * k; // whole numbers: exact
    }
    double n = Math.rint(1 / step);
    if (n > 1 && n * step == 1 && min * n == Math.rint(min * n)) {
      return (min * n + k) / n; // step 1/n: one correctly rounded division of whole numbers
    }
    return new BigDecimal(Double.toString(step)).multiply(BigDecimal.valueOf(k))
        .add(new BigDecimal(Double.toString(min))).doubleValue();
  }
}
