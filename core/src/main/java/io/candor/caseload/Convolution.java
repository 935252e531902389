package io.candor.caseload;

/**
 * Linear convolution of two real sequences by a radix-2 complex FFT (both sequences packed into
 * one complex transform). Used to merge the blocks of a {@link PoissonBinomial}.
 *
 * <p>Stateless; thread-safe.
 */
final class Convolution {

  /** Below this product of lengths the direct sum is cheaper than the transforms. */
  private static final long DIRECT_WORK = 1L << 15;

  private Convolution() {}

  /** The convolution c[k] = Σ a[i]·b[k − i]. */
  static double[] of(double[] a, double[] b) {
    int n = a.length + b.length - 1;
    if ((long) a.length * b.length <= DIRECT_WORK) {
      double[] c = new double[n];
      for (int i = 0; i < a.length; i++) {
        double ai = a[i];
        for (int j = 0; j < b.length; j++) {
          c[i + j] += ai * b[j];
        }
      }
      return c;
    }
    int size = Integer.highestOneBit(n - 1) << 1;
    double[] re = new double[size];
    double[] im = new double[size];
    System.arraycopy(a, 0, re, 0, a.length);
    System.arraycopy(b, 0, im, 0, b.length);
    fft(re, im, false);
    // Z = A + iB with A, B the transforms of the real inputs: A_k = (Z_k + conj Z_{-k}) / 2,
    // B_k = (Z_k − conj Z_{-k}) / 2i, and C_k = A_k·B_k.
    double[] cr = new double[size];
    double[] ci = new double[size];
    for (int k = 0; k < size; k++) {
      int m = (size - k) & (size - 1);
      double zr = re[k];
      double zi = im[k];
      double wr = re[m];
      double wi = -im[m]; // conj Z_{-k}
      double ar = (zr + wr) / 2;
      double ai = (zi + wi) / 2;
      double br = (zi - wi) / 2; // (Z − conj Z_{-k}) / 2i
      double bi = -(zr - wr) / 2;
      cr[k] = ar * br - ai * bi;
      ci[k] = ar * bi + ai * br;
    }
    fft(cr, ci, true);
    double[] c = new double[n];
    for (int k = 0; k < n; k++) {
      c[k] = cr[k] / size;
    }
    return c;
  }

  private static final java.util.concurrent.ConcurrentMap<Integer, double[][]> TWIDDLES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** cos(2πk/n) and sin(2πk/n) for k < n/2, computed once per size. */
  private static double[][] twiddles(int n) {
    return TWIDDLES.computeIfAbsent(n, size -> {
      double[] c = new double[Math.max(1, size / 2)];
      double[] s = new double[c.length];
      for (int k = 0; k < c.length; k++) {
        c[k] = Math.cos(2 * Math.PI * k / size);
        s[k] = Math.sin(2 * Math.PI * k / size);
      }
      return new double[][] {c, s};
    });
  }

  private static double[] twiddleCos(int n) {
    return twiddles(n)[0];
  }

  private static double[] twiddleSin(int n) {
    return twiddles(n)[1];
  }

  /** In-place iterative radix-2 FFT (unnormalised; {@code inverse} flips the sign of the angle). */
  static void fft(double[] re, double[] im, boolean inverse) {
    int n = re.length;
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    double[] cos = twiddleCos(n);
    double[] sin = twiddleSin(n);
    double sign = inverse ? 1 : -1;
    for (int len = 2; len <= n; len <<= 1) {
      int half = len >> 1;
      int stride = n / len;
      for (int k = 0; k < half; k++) {
        double wr = cos[k * stride];
        double wi = sign * sin[k * stride];
        for (int i = k; i < n; i += len) {
          int j = i + half;
          double xr = re[j] * wr - im[j] * wi;
          double xi = re[j] * wi + im[j] * wr;
          re[j] = re[i] - xr;
          im[j] = im[i] - xi;
          re[i] += xr;
          im[i] += xi;
        }
      }
    }
  }
}
