package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ConvolutionTest {

  private static double[] naive(double[] a, double[] b) {
    double[] c = new double[a.length + b.length - 1];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        c[i + j] += a[i] * b[j];
      }
    }
    return c;
  }

  private static double[] random(UniformRandomProvider rng, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = rng.nextDouble();
    }
    return a;
  }

  /** Small, just below, at and above the work at which the FFT takes over (2^15 products). */
  @Test
  void of_isTheProductOfPolynomials_onTheDirectAndTheFftPath() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
    int[][] sizes = {{1, 1}, {3, 5}, {128, 256}, {256, 128}, {129, 256}, {300, 301}, {700, 90}};
    for (int[] s : sizes) {
      double[] a = random(rng, s[0]);
      double[] b = random(rng, s[1]);
      double[] expected = naive(a, b);
      double[] c = Convolution.of(a, b);
      assertEquals(expected.length, c.length, s[0] + "x" + s[1]);
      for (int k = 0; k < c.length; k++) {
        assertEquals(expected[k], c[k], 1e-9, s[0] + "x" + s[1] + " at " + k);
      }
    }
  }

  /** The transform of an impulse at 1 is the roots of unity; the inverse brings it back (times n). */
  @Test
  void fft_ofAShiftedImpulse_givesTheRootsOfUnity() {
    for (int n : new int[] {2, 4, 8, 16}) {
      double[] re = new double[n];
      double[] im = new double[n];
      re[1] = 1;
      Convolution.fft(re, im, false);
      for (int k = 0; k < n; k++) {
        assertEquals(Math.cos(2 * Math.PI * k / n), re[k], 1e-12, n + " re " + k);
        assertEquals(-Math.sin(2 * Math.PI * k / n), im[k], 1e-12, n + " im " + k);
      }
      Convolution.fft(re, im, true);
      for (int k = 0; k < n; k++) {
        assertEquals(k == 1 ? n : 0, re[k], 1e-12, n + " back " + k);
        assertEquals(0, im[k], 1e-12);
      }
    }
  }
}
