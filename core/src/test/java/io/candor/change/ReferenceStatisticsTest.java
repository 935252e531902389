package io.candor.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Cohort statistics as R computes them ({@code mean}, {@code sd}, {@code cor}). */
class ReferenceStatisticsTest {

  @Test
  void of_meansAreRsCorrectedMeans_notTheNaiveSumOverN() {
    // R 4.2: mean(c(5.6, 29.8, 25.8)) == 20.4 is TRUE; (5.6 + 29.8 + 25.8) / 3 is
    // 20.400000000000002. R adds one correction pass, and so does Candor.
    ReferenceStatistics s =
        ReferenceStatistics.of(new double[] {5.6, 29.8, 25.8}, new double[] {5.6, 29.8, 25.8});
    assertEquals(20.4, s.preMean(), 0);
    assertEquals(20.4, s.postMean(), 0);
    assertEquals(1.0, s.correlation(), 0);
    assertEquals(3, s.n());
  }

  @Test
  void of_handChecked() {
    // pre 10, 14, 18: mean 14, SD 4; post 9, 8, 13: mean 10, SD sqrt(7); r = 16/(4·sqrt(7)·2)
    ReferenceStatistics s =
        ReferenceStatistics.of(new double[] {10, 14, 18}, new double[] {9, 8, 13});
    assertEquals(14, s.preMean(), 1e-15);
    assertEquals(4, s.preSd(), 1e-15);
    assertEquals(10, s.postMean(), 1e-15);
    assertEquals(Math.sqrt(7), s.postSd(), 1e-15);
    assertEquals(16 / (4 * Math.sqrt(7) * 2), s.correlation(), 1e-15);
  }

  @Test
  void of_rejectsScoresWithoutSpread_namingWhichSide() {
    IllegalArgumentException pre = assertThrows(IllegalArgumentException.class,
        () -> ReferenceStatistics.of(new double[] {12, 12, 12}, new double[] {9, 8, 13}));
    assertTrue(pre.getMessage().startsWith("pre scores have no spread"), pre.getMessage());
    IllegalArgumentException post = assertThrows(IllegalArgumentException.class,
        () -> ReferenceStatistics.of(new double[] {10, 14, 18}, new double[] {7, 7, 7}));
    assertTrue(post.getMessage().startsWith("post scores have no spread"), post.getMessage());
  }
}
