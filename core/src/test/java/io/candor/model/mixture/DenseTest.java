package io.candor.model.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DenseTest {

  @Test
  void packedLength_isTheNumberOfEntriesInTheUpperTriangle() {
    assertEquals(1, Dense.packedLength(1));
    assertEquals(3, Dense.packedLength(2));
    assertEquals(6, Dense.packedLength(3));
    assertEquals(10, Dense.packedLength(4));
  }

  @Test
  void packedIndex_numbersTheUpperTriangleRowByRow_andIsSymmetric() {
    int p = 4;
    int next = 0;
    for (int j = 0; j < p; j++) {
      for (int k = j; k < p; k++) {
        assertEquals(next, Dense.packedIndex(p, j, k), "(" + j + ", " + k + ")");
        assertEquals(next, Dense.packedIndex(p, k, j), "(" + k + ", " + j + ")");
        next++;
      }
    }
  }

  @Test
  void unpack_fillsBothTrianglesFromTheGivenOffset() {
    double[] packed = {99, 1, 2, 3, 4, 5, 6};
    double[] full = new double[9];
    Dense.unpack(packed, 1, 3, full);
    assertArrayEquals(new double[] {1, 2, 3, 2, 4, 5, 3, 5, 6}, full);
  }

  @Test
  void cholesky_thenSolve_solvesTheSystem() {
    // A = [[4, 2, 0], [2, 5, 1], [0, 1, 3]], x = (1, −1, 2): A x = (2, −1, 5)
    double[] a = {4, 2, 0, 2, 5, 1, 0, 1, 3};
    assertTrue(Dense.cholesky(a, 3, 1e-12));
    assertEquals(2, a[0], 1e-15); // U00 = √4
    assertEquals(1, a[1], 1e-15); // U01 = 2 / 2
    assertEquals(2, a[4], 1e-15); // U11 = √(5 − 1)
    double[] b = {2, -1, 5};
    Dense.cholSolve(a, 3, b);
    assertArrayEquals(new double[] {1, -1, 2}, b, 1e-12);
  }

  @Test
  void cholesky_refusesAMatrixWhoseFirstOrLaterPivotIsNotPositive() {
    assertFalse(Dense.cholesky(new double[] {0, 0, 0, 1}, 2, 0));
    assertFalse(Dense.cholesky(new double[] {-1, 0, 0, 1}, 2, 0));
    assertFalse(Dense.cholesky(new double[] {1, 1, 1, 1}, 2, 1e-12));
    // the pivot 1e-9 of a diagonal 1 passes a relative tolerance of 1e-10, not one of 1e-8
    assertTrue(Dense.cholesky(new double[] {1, 1, 1, 1 + 1e-9}, 2, 1e-10));
    assertFalse(Dense.cholesky(new double[] {1, 1, 1, 1 + 1e-9}, 2, 1e-8));
  }

  @Test
  void quadratic_isXTransposeAX_forThePackedMatrixAtTheOffsets() {
    // A = [[2, 1, 0], [1, 3, −1], [0, −1, 4]], x = (1, 2, −1)
    double[] packed = {7, 7, 2, 1, 0, 3, -1, 4};
    double[] x = {5, 1, 2, -1};
    double expected = 0;
    double[][] a = {{2, 1, 0}, {1, 3, -1}, {0, -1, 4}};
    double[] xs = {1, 2, -1};
    for (int j = 0; j < 3; j++) {
      for (int k = 0; k < 3; k++) {
        expected += xs[j] * a[j][k] * xs[k];
      }
    }
    assertEquals(expected, Dense.quadratic(packed, 2, 3, x, 1), 1e-12);
    assertEquals(2 + 4 + 12 + 4 + 4, expected, 1e-12);
  }

  @Test
  void semiCholesky_ofOneByOne_isTheRootOfTheVariance_andZeroForANegativeOne() {
    double[] out = new double[4];
    Dense.semiCholesky(new double[] {7, 9}, 1, 1, out);
    assertEquals(3, out[0], 1e-15);
    Dense.semiCholesky(new double[] {-4}, 0, 1, out);
    assertEquals(0, out[0]);
  }

  @Test
  void semiCholesky_ofTwoByTwo_isTheLowerFactor() {
    // D = [[4, 2], [2, 10]] = L Lᵀ with L = [[2, 0], [1, 3]], stored after one unused entry
    double[] out = {9, 9, 9, 9};
    Dense.semiCholesky(new double[] {-5, 4, 2, 2, 10}, 1, 2, out);
    assertArrayEquals(new double[] {2, 0, 1, 3}, out, 1e-15);
  }

  @Test
  void semiCholesky_ofAZeroInterceptVariance_givesAZeroFirstColumn() {
    double[] out = new double[4];
    Dense.semiCholesky(new double[] {0, 0, 0, 4}, 0, 2, out);
    assertArrayEquals(new double[] {0, 0, 0, 2}, out);
    // a negative slope remainder (rounding) is treated as zero
    Dense.semiCholesky(new double[] {1, 2, 2, 3}, 0, 2, out);
    assertArrayEquals(new double[] {1, 0, 2, 0}, out);
  }
}
