package io.candor.internal;

/**
 * Cholesky factorisation of small dense symmetric matrices (p × p, row-major, upper triangle
 * used), as the model fitters need for their p × p fixed-effect systems: A = UᵀU with U upper
 * triangular.
 *
 * <p>Not part of the API (the package is not exported). Stateless; thread-safe.
 */
public final class SmallCholesky {

  private SmallCholesky() {}

  /**
   * Factors {@code a} in place: afterwards its upper triangle holds U (the strict lower triangle
   * is left as it was).
   *
   * @param a the matrix, p × p row-major; overwritten
   * @param p the order
   * @param scale per column, the value a pivot is compared with (e.g. the original diagonal)
   * @param tolerance a pivot must exceed {@code tolerance × scale[j]}
   * @return −1 on success, else the first column j whose pivot was too small (a is then
   *     partly overwritten)
   */
  public static int factor(double[] a, int p, double[] scale, double tolerance) {
    for (int j = 0; j < p; j++) {
      double d = a[j * p + j];
      for (int l = 0; l < j; l++) {
        d -= a[l * p + j] * a[l * p + j];
      }
      if (!(d > tolerance * scale[j]) || !Double.isFinite(d)) {
        return j;
      }
      double r = Math.sqrt(d);
      a[j * p + j] = r;
      for (int l = j + 1; l < p; l++) {
        double v = a[j * p + l];
        for (int i = 0; i < j; i++) {
          v -= a[i * p + j] * a[i * p + l];
        }
        a[j * p + l] = v / r;
      }
    }
    return -1;
  }

  /**
   * The diagonal of a p × p row-major matrix.
   *
   * @param a the matrix
   * @param p the order
   * @return a new array of its diagonal entries
   */
  public static double[] diagonal(double[] a, int p) {
    double[] d = new double[p];
    for (int j = 0; j < p; j++) {
      d[j] = a[j * p + j];
    }
    return d;
  }

  /**
   * Solves Uᵀz = b in place (forward substitution with the factor's transpose).
   *
   * @param u the factor (upper triangle)
   * @param p the order
   * @param b the right-hand side; overwritten with z
   */
  public static void forward(double[] u, int p, double[] b) {
    for (int j = 0; j < p; j++) {
      double v = b[j];
      for (int i = 0; i < j; i++) {
        v -= u[i * p + j] * b[i];
      }
      b[j] = v / u[j * p + j];
    }
  }

  /**
   * Solves Ux = z (back substitution).
   *
   * @param u the factor (upper triangle)
   * @param p the order
   * @param z the right-hand side
   * @return x, a new array
   */
  public static double[] backward(double[] u, int p, double[] z) {
    double[] x = new double[p];
    for (int j = p - 1; j >= 0; j--) {
      double v = z[j];
      for (int l = j + 1; l < p; l++) {
        v -= u[j * p + l] * x[l];
      }
      x[j] = v / u[j * p + j];
    }
    return x;
  }

  /**
   * (UᵀU)⁻¹ = U⁻¹U⁻ᵀ from the factor.
   *
   * @param u the factor (upper triangle)
   * @param p the order
   * @return the inverse, p × p row-major, a new array
   */
  public static double[] inverse(double[] u, int p) {
    double[] inv = new double[p * p];
    for (int col = 0; col < p; col++) {
      for (int j = col; j >= 0; j--) {
        double v = j == col ? 1.0 : 0.0;
        for (int l = j + 1; l <= col; l++) {
          v -= u[j * p + l] * inv[l * p + col];
        }
        inv[j * p + col] = v / u[j * p + j];
      }
    }
    double[] out = new double[p * p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double s = 0;
        for (int l = Math.max(i, j); l < p; l++) {
          s += inv[i * p + l] * inv[j * p + l];
        }
        out[i * p + j] = s;
      }
    }
    return out;
  }
}
