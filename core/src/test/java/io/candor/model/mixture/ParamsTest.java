package io.candor.model.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;

class ParamsTest {

  /** k = 3 classes, p = 2 terms, q = 2, cw = 2, every entry distinct. */
  private static Params filled() {
    Params th = new Params(3, 2, 2, 2);
    for (int i = 0; i < th.beta.length; i++) {
      th.beta[i] = 10 + i;
    }
    for (int i = 0; i < th.sigma2.length; i++) {
      th.sigma2[i] = 20 + i;
    }
    for (int i = 0; i < th.d.length; i++) {
      th.d[i] = 30 + i;
    }
    th.eta[0] = 0;
    th.eta[1] = 0;
    th.eta[2] = 0.5;
    th.eta[3] = -1;
    th.eta[4] = 2;
    th.eta[5] = 3;
    return th;
  }

  @Test
  void constructor_sizesTheArraysByClassesTermsRandomEffectsAndMembershipDesign() {
    Params th = new Params(3, 2, 2, 2);
    assertEquals(6, th.beta.length);
    assertEquals(3, th.sigma2.length);
    assertEquals(12, th.d.length);
    assertEquals(6, th.eta.length);
    assertEquals(0, new Params(2, 3, 0, 1).d.length);
  }

  @Test
  void copy_isAnEqualButIndependentCopy() {
    Params th = filled();
    Params c = th.copy();
    assertArrayEquals(th.beta, c.beta);
    assertArrayEquals(th.sigma2, c.sigma2);
    assertArrayEquals(th.d, c.d);
    assertArrayEquals(th.eta, c.eta);
    assertNotSame(th.beta, c.beta);
    c.beta[0] = -1;
    assertEquals(10, th.beta[0]);
  }

  @Test
  void reorder_movesEachClassBlock_andMakesTheNewFirstClassTheLogitReference() {
    Params th = filled();
    Params c = th.reorder(new int[] {2, 0, 1});
    assertArrayEquals(new double[] {14, 15, 10, 11, 12, 13}, c.beta);
    assertArrayEquals(new double[] {22, 20, 21}, c.sigma2);
    assertArrayEquals(new double[] {38, 39, 40, 41, 30, 31, 32, 33, 34, 35, 36, 37}, c.d);
    // old logits (0, 0), (0.5, −1), (2, 3) in the order 2, 0, 1, minus the new first row (2, 3)
    assertArrayEquals(new double[] {0, 0, -2, -3, -1.5, -4}, c.eta, 1e-15);
    assertArrayEquals(new double[] {0, 0, 0.5, -1, 2, 3}, th.eta); // the original is unchanged
  }

  @Test
  void logPriors_isTheLogSoftmaxOfTheLinearPredictors() {
    double[] eta = {0, 0, 0.5, -1, 2, 3};
    double[] w = {7, 1, 0.5};
    double[] out = new double[3];
    Params.logPriors(eta, 3, 2, w, 1, out);
    double[] v = {0, 0.5 - 0.5, 2 + 1.5};
    double denom = Math.exp(v[0]) + Math.exp(v[1]) + Math.exp(v[2]);
    for (int j = 0; j < 3; j++) {
      assertEquals(v[j] - Math.log(denom), out[j], 1e-14, "class " + j);
    }
  }

  @Test
  void logPriors_withoutCovariates_areTheNormalisedLogShares_evenForHugeLogits() {
    double[] out = new double[2];
    Params.logPriors(new double[] {1000, 1000 + Math.log(3)}, 2, 1, new double[] {1}, 0, out);
    assertEquals(Math.log(0.25), out[0], 1e-12);
    assertEquals(Math.log(0.75), out[1], 1e-12);
    Params.logPriors(new double[] {-1000, -1000 + Math.log(3)}, 2, 1, new double[] {1}, 0, out);
    assertEquals(Math.log(0.25), out[0], 1e-12);
    assertEquals(Math.log(0.75), out[1], 1e-12);
  }
}
