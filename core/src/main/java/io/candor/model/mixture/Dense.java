package io.candor.model.mixture;

/**
 * Small dense linear algebra for the mixture fitter: symmetric p × p matrices stored as their
 * upper triangle row by row ("packed"), Cholesky factors and solves. p is at most 3 here, so
 * plain loops are the fastest and clearest choice.
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
   * In-place Cholesky factorisation a = L Lᵀ of a full symmetric positive definite matrix (L in
   * the lower triangle, the upper triangle left as it was). Fails when a pivot is not above
   * {@code relTol} times the matrix's own diagonal entry: the matrix is then (numerically)
   * singular.
   *
   * @return true on success
   */
  static boolean cholesky(double[] a, int p, double relTol) {
    for (int j = 0; j < p; j++) {
      double diag = a[j * p + j];
      double d = diag;
      for (int k = 0; k < j; k++) {
        d -= a[j * p + k] * a[j * p + k];
      }
      if (!(d > relTol * diag) || !(diag > 0)) {
        return false;
      }
      double l = Math.sqrt(d);
      a[j * p + j] = l;
      for (int i = j + 1; i < p; i++) {
        double v = a[i * p + j];
        for (int k = 0; k < j; k++) {
          v -= a[i * p + k] * a[j * p + k];
        }
        a[i * p + j] = v / l;
      }
    }
    return true;
  }

  /** Solves L Lᵀ x = b in place (b becomes x), L from {@link #cholesky}. */
  static void cholSolve(double[] l, int p, double[] b) {
    for (int i = 0; i < p; i++) {
      double v = b[i];
      for (int k = 0; k < i; k++) {
        v -= l[i * p + k] * b[k];
      }
      b[i] = v / l[i * p + i];
    }
    for (int i = p - 1; i >= 0; i--) {
      double v = b[i];
      for (int k = i + 1; k < p; k++) {
        v -= l[k * p + i] * b[k];
      }
      b[i] = v / l[i * p + i];
    }
  }

  /** log |a| from its Cholesky factor. */
  static double logDet(double[] l, int p) {
    double s = 0;
    for (int i = 0; i < p; i++) {
      s += Math.log(l[i * p + i]);
    }
    return 2 * s;
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
