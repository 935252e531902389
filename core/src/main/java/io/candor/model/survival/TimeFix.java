package io.candor.model.survival;

import java.util.Arrays;

/**
 * R's {@code survival::aeqSurv} (applied by {@code Surv(..., timefix = TRUE)}, the default):
 * times closer than {@code √ε} — absolutely, or relative to the mean of the distinct times — are
 * treated as tied and moved to the smallest time of their run, so that values such as {@code 0.1 +
 * 0.2} and {@code 0.3} count as one time, as in R.
 */
final class TimeFix {

  /** R's default tolerance, {@code sqrt(.Machine$double.eps)}. */
  static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

  private TimeFix() {}

  /**
   * For ascending distinct times, the index of the time each one is moved to, or {@code null} when
   * no two are tied.
   */
  static int[] leaders(double[] distinct, int n) {
    if (n < 2) {
      return null;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += Math.abs(distinct[i]);
    }
    double mean = sum / n;
    int[] lead = null;
    for (int r = 1; r < n; r++) {
      double dy = distinct[r] - distinct[r - 1];
      if (dy <= TOLERANCE || dy / mean <= TOLERANCE) {
        if (lead == null) {
          lead = new int[n];
          for (int i = 0; i < r; i++) {
            lead[i] = i;
          }
        }
        lead[r] = lead[r - 1];
      } else if (lead != null) {
        lead[r] = r;
      }
    }
    return lead;
  }

  /**
   * Applies the rule to several arrays at once, in place, with the runs found over all their times
   * together (as R does for the whole {@code Surv} object, across strata).
   */
  static void pooled(double[][] arrays) {
    int total = 0;
    for (double[] a : arrays) {
      total += a.length;
    }
    double[] u = new double[total];
    int p = 0;
    for (double[] a : arrays) {
      System.arraycopy(a, 0, u, p, a.length);
      p += a.length;
    }
    Arrays.sort(u);
    int n = 0;
    for (int i = 0; i < total; i++) {
      if (n == 0 || u[i] != u[n - 1]) {
        u[n++] = u[i];
      }
    }
    int[] lead = leaders(u, n);
    if (lead == null) {
      return;
    }
    for (double[] a : arrays) {
      for (int i = 0; i < a.length; i++) {
        a[i] = u[lead[Arrays.binarySearch(u, 0, n, a[i])]];
      }
    }
  }
}
