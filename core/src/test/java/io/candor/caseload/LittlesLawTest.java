package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class LittlesLawTest {

  @Test
  void standingShares_twoTypesWithDifferentExitRates() {
    // half the clients leave with probability 1/4 a week (mean stay 4), half with 1/12 (mean 12)
    double[] shares = LittlesLaw.standingShares(new double[] {0.5, 0.5}, new double[] {4, 12});
    assertArrayEquals(new double[] {0.25, 0.75}, shares, 1e-15);
    assertEquals(30, LittlesLaw.meanCaseload(2.5, 12), 1e-12);
  }

  @Test
  void standingShares_matchAnIndependentQueueSimulation() {
    // arrivals: 3 a week, 40 % fast (exit probability 0.3 a week), 60 % slow (0.08)
    double[] exit = {0.3, 0.08};
    double[] share = {0.4, 0.6};
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99L);
    long[] count = new long[2];
    long[] standing = new long[2];
    int weeks = 200_000;
    for (int w = 0; w < weeks; w++) {
      for (int a = 0; a < 3; a++) {
        count[rng.nextDouble() < share[0] ? 0 : 1]++;
      }
      for (int k = 0; k < 2; k++) {
        long stay = 0;
        for (long i = 0; i < count[k]; i++) {
          if (rng.nextDouble() >= exit[k]) {
            stay++;
          }
        }
        count[k] = stay;
        if (w >= 1000) {
          standing[k] += count[k];
        }
      }
    }
    // counted at the end of each week after exits, a geometric stay has mean (1 - p) / p weeks
    double[] meanWeeks = {(1 - exit[0]) / exit[0], (1 - exit[1]) / exit[1]};
    double[] predicted = LittlesLaw.standingShares(share, meanWeeks);
    double total = standing[0] + standing[1];
    assertEquals(predicted[0], standing[0] / total, 0.003);
    assertEquals(predicted[1], standing[1] / total, 0.003);
    assertEquals(LittlesLaw.meanCaseload(3 * share[1], meanWeeks[1]),
        standing[1] / (double) (weeks - 1000), 0.3);
  }

  @Test
  void standingShares_rejectsBadInput() {
    assertThrows(IllegalArgumentException.class,
        () -> LittlesLaw.standingShares(new double[] {1}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class,
        () -> LittlesLaw.standingShares(new double[] {0.5, -0.5}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class,
        () -> LittlesLaw.standingShares(new double[] {0, 0}, new double[] {1, 2}));
  }
}
