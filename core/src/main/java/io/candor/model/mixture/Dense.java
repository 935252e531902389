package io.candor.model.mixture;

import io.candor.internal.SmallCholesky;

/**
 * Small dense linear algebra for the mixture fitter: symmetric p × p matrices stored as their
 * upper triangle row by row ("packed"), and Cholesky solves through the library's one small
 * Cholesky ({@link SmallCholesky}).
 */
final class Dense {

  private Dense() {}

  /** Length of a packed symmetric p × p matrix. */
  static int packedLength(int p) {
    return p * (p + 1) / 2;
  }

  /** Index of element (j, k), j ≤ k, in a packed symmetric p × p matrix. */
  static int packedIndex(int p, int j, int k) {
    if (j > k) {
      int t = j;
      j = k;
      k = t;
    }
    return j * p - j * (j - 1) / 2 + (k - j);
  }

  /** Copies a packed symmetric matrix (at {@code offset}) into a full row-major one. */
  static void unpack(double[] packed, int offset, int p, double[] full) {
    int idx = offset;
    for (int j = 0; j < p; j++) {
      for (int k = j; k < p; k++) {
        double v = packed[idx++];
        full[j * p + k] = v;
        full[k * p + j] = v;
      }
    }
  }

  /**
   * Factors a full symmetric positive definite matrix in place with
   * {@link SmallCholesky#factor}, comparing each pivot with {@code relTol} times the matrix's own
   * diagonal entry.
   *
   * @return true on success; false when the matrix is (numerically) singular
   */
  static boolean cholesky(double[] a, int p, double relTol) {
    return SmallCholesky.factor(a, p, SmallCholesky.diagonal(a, p), relTol) < 0;
  }

  /** Solves UᵀU x = b in place (b becomes x), U from {@link #cholesky}. */
  static void cholSolve(double[] u, int p, double[] b) {
    SmallCholesky.forward(u, p, b);
    System.arraycopy(SmallCholesky.backward(u, p, b), 0, b, 0, p);
  }

  /** xᵀ A x for a packed symmetric A at {@code offset}. */
  static double quadratic(double[] packed, int offset, int p, double[] x, int xOffset) {
    double s = 0;
    int idx = offset;
    for (int j = 0; j < p; j++) {
      double xj = x[xOffset + j];
      s += xj * xj * packed[idx++];
      for (int k = j + 1; k < p; k++) {
        s += 2 * xj * x[xOffset + k] * packed[idx++];
      }
    }
    return s;
  }

  /**
   * The lower Cholesky factor of a positive semi-definite 1 × 1 or 2 × 2 matrix (row-major, full),
   * allowing zero pivots: a zero variance gives a zero column.
   */
  static void semiCholesky(double[] d, int dOffset, int q, double[] out) {
    if (q == 1) {
      out[0] = Math.sqrt(Math.max(0, d[dOffset]));
      return;
    }
    double d00 = Math.max(0, d[dOffset]);
    double d01 = d[dOffset + 1];
    double d11 = Math.max(0, d[dOffset + 3]);
    double l00 = Math.sqrt(d00);
    double l10 = l00 > 0 ? d01 / l00 : 0;
    out[0] = l00;
    out[1] = 0;
    out[2] = l10;
    out[3] = Math.sqrt(Math.max(0, d11 - l10 * l10));
  }
}
