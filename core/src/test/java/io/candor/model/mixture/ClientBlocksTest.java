package io.candor.model.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientBlocksTest {

  private static final GrowthModel LINEAR = GrowthModel.withDefaults().with(TimeBasis.LINEAR);
  private static final GrowthModel QUADRATIC =
      GrowthModel.withDefaults().with(TimeBasis.QUADRATIC);

  /** Four clients: a and b seen at 0, 1, 2 (one design), c at 0 and 2, d once at 1. */
  private static GrowthData small() {
    return GrowthData.of(new String[] {"a", "a", "a", "b", "b", "b", "c", "c", "d"},
        new double[] {0, 1, 2, 0, 1, 2, 0, 2, 1},
        new double[] {3, 5, 4, 6, 8, 10, 1, 7, 2});
  }

  @Test
  void of_centresTheOutcomeOnItsMean_andKeepsItsMaximumLikelihoodVariance() {
    ClientBlocks b = ClientBlocks.of(small(), LINEAR, List.of());
    double mean = 46.0 / 9;
    assertEquals(mean, b.yMean, 1e-14);
    double ss = 0;
    for (double y : new double[] {3, 5, 4, 6, 8, 10, 1, 7, 2}) {
      ss += (y - mean) * (y - mean);
    }
    assertEquals(ss / 9, b.yVariance, 1e-12);
    assertEquals(9, b.rows);
    assertEquals(4, b.m);
    assertEquals(2, b.p);
    assertEquals(3, b.pk);
    assertEquals(7, b.len);
    assertEquals(4, b.xx);
    assertEquals(1, b.cw);
    assertEquals(List.of("a", "b", "c", "d"), b.clients);
    assertEquals(List.of("intercept", "time"), b.terms);
    assertArrayEquals(new int[] {0, 3, 6, 8, 9}, b.start);
  }

  @Test
  void of_holdsEachClientsSufficientStatistics_asANaiveSumOverItsRowsGives() {
    for (GrowthModel design : List.of(LINEAR, QUADRATIC)) {
      GrowthData data = small();
      ClientBlocks b = ClientBlocks.of(data, design, List.of());
      double[] t = data.groupedTimes();
      double[] y = data.groupedScores();
      int p = design.termNames().size();
      int row = 0;
      for (int c = 0; c < data.clientCount(); c++) {
        double[] expected = new double[b.len];
        for (int r = 0; r < data.observations(c); r++, row++) {
          double[] x = new double[p];
          design.designRow(t[row], new double[0], x);
          double yc = y[row] - b.yMean;
          expected[0] += 1;
          expected[1] += yc * yc;
          for (int j = 0; j < p; j++) {
            expected[2 + j] += x[j] * yc;
            for (int k = j; k < p; k++) {
              expected[2 + p + Dense.packedIndex(p, j, k)] += x[j] * x[k];
            }
          }
        }
        double[] actual = java.util.Arrays.copyOfRange(b.s, c * b.len, (c + 1) * b.len);
        assertArrayEquals(expected, actual, 1e-12, design.basis() + " client " + c);
        assertEquals(data.observations(c), b.n(c));
      }
    }
  }

  @Test
  void of_groupsClientsWithTheSameTimesIntoOneDesignPattern() {
    ClientBlocks b = ClientBlocks.of(small(), LINEAR, List.of());
    assertEquals(3, b.patterns);
    assertArrayEquals(new int[] {0, 0, 1, 2}, b.pattern);
    // n, then yᵀy and Xᵀy left at 0, then XᵀX = [[n, Σt], [Σt, Σt²]]
    assertArrayEquals(new double[] {
        3, 0, 0, 0, 3, 3, 5,
        2, 0, 0, 0, 2, 2, 4,
        1, 0, 0, 0, 1, 1, 1}, b.patternDesign);
  }

  @Test
  void of_setsTheMembershipDesignToOneAndTheClientsCovariates() {
    GrowthData data = small().withCovariate("severe",
        new double[] {1, 1, 1, 0, 0, 0, 1, 1, 0.5});
    ClientBlocks b = ClientBlocks.of(data, LINEAR, List.of("severe"));
    assertEquals(2, b.cw);
    assertArrayEquals(new double[] {1, 1, 1, 0, 1, 1, 1, 0.5}, b.w);
  }

  @Test
  void of_setsEachOfSeveralMembershipCovariatesInItsOwnColumn() {
    GrowthData data = small()
        .withCovariate("severe", new double[] {1, 1, 1, 0, 0, 0, 1, 1, 0.5})
        .withCovariate("age", new double[] {30, 30, 30, 41, 41, 41, 25, 25, 60});
    ClientBlocks b = ClientBlocks.of(data, LINEAR, List.of("age", "severe"));
    assertEquals(3, b.cw);
    assertArrayEquals(new double[] {1, 30, 1, 1, 41, 0, 1, 25, 1, 1, 60, 0.5}, b.w);
  }

  @Test
  void of_acceptsACovariateThatDiffersOnlyForTheLastClient() {
    GrowthData data = small().withCovariate("late",
        new double[] {0, 0, 0, 0, 0, 0, 0, 0, 1});
    assertArrayEquals(new double[] {1, 0, 1, 0, 1, 0, 1, 1},
        ClientBlocks.of(data, LINEAR, List.of("late")).w);
  }

  @Test
  void of_refusesAConstantOrMissingMembershipCovariate() {
    GrowthData data = small().withCovariate("same", new double[] {2, 2, 2, 2, 2, 2, 2, 2, 2});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClientBlocks.of(data, LINEAR, List.of("same")));
    assertTrue(e.getMessage().contains("membership covariate same is the same for every client"
        + " (2)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ClientBlocks.of(data, LINEAR, List.of("age")));
    assertTrue(e.getMessage().contains("membership covariate age is not in the data"),
        e.getMessage());
  }

  @Test
  void of_refusesConstantTime_timesAtOrBelowMinusOneOnTheLogBasis_andCollinearTerms() {
    GrowthData constant = GrowthData.of(new String[] {"a", "b"}, new double[] {3, 3},
        new double[] {1, 2});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClientBlocks.of(constant, LINEAR, List.of()));
    assertTrue(e.getMessage().contains("the time column is constant (every time is 3)"),
        e.getMessage());
    GrowthModel log = GrowthModel.withDefaults().with(TimeBasis.LOG);
    GrowthData atMinusOne = GrowthData.of(new String[] {"a", "a", "b"},
        new double[] {-1, 0, 1}, new double[] {1, 2, 3});
    e = assertThrows(IllegalArgumentException.class,
        () -> ClientBlocks.of(atMinusOne, log, List.of()));
    assertTrue(e.getMessage().contains("time must be > -1; was -1"), e.getMessage());
    GrowthData aboveMinusOne = GrowthData.of(new String[] {"a", "a", "b"},
        new double[] {-0.5, 0, 1}, new double[] {1, 2, 3});
    assertEquals(3, ClientBlocks.of(aboveMinusOne, log, List.of()).rows);
    assertEquals(3, ClientBlocks.of(atMinusOne, LINEAR, List.of()).rows);
    GrowthData twoTimes = GrowthData.of(new String[] {"a", "a", "b", "b"},
        new double[] {0, 1, 0, 1}, new double[] {1, 2, 3, 5});
    e = assertThrows(IllegalArgumentException.class,
        () -> ClientBlocks.of(twoTimes, QUADRATIC, List.of()));
    assertTrue(e.getMessage().contains("term time^2 is (almost) a linear combination of the"
        + " terms before it [intercept, time]"), e.getMessage());
  }

  @Test
  void of_checksTheRankOfAllClientsTogether_notOfEachClient() {
    // the first client, seen once, cannot identify a line; all clients together can
    GrowthData data = GrowthData.of(new String[] {"a", "b", "b", "c", "c", "c"},
        new double[] {1, 0, 2, 0, 1, 3}, new double[] {4, 3, 6, 2, 5, 9});
    assertEquals(6, ClientBlocks.of(data, QUADRATIC, List.of()).rows);
  }

  @Test
  void of_refusesAPiecewiseKnotOutsideTheObservedTimes() {
    for (double knot : new double[] {0, 2, 3}) {
      GrowthModel outside = GrowthModel.withDefaults().withPiecewise(knot);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ClientBlocks.of(small(), outside, List.of()));
      assertTrue(e.getMessage().startsWith("piecewise knot"), e.getMessage());
    }
  }

  @Test
  void curveTimes_areTheDistinctObservedTimesInOrder_plusAKnotInsideThem() {
    GrowthData data = GrowthData.of(new String[] {"a", "a", "a", "b", "b", "c", "c"},
        new double[] {2, 0, 5, 5, 2, 1, 3}, new double[] {1, 2, 3, 4, 5, 6, 8});
    assertArrayEquals(new double[] {0, 1, 2, 3, 5},
        ClientBlocks.of(data, LINEAR, List.of()).curveTimes);
    assertArrayEquals(new double[] {0, 1, 2, 3, 5, 2.5},
        ClientBlocks.of(data, GrowthModel.withDefaults().withPiecewise(2.5), List.of())
            .curveTimes);
  }

  @Test
  void curveTimes_areAtMost101_evenlySpacedOverTheRangeWhenMoreTimesWereSeen() {
    for (int distinct : new int[] {101, 102, 150}) {
      String[] ids = new String[distinct];
      double[] t = new double[distinct];
      double[] y = new double[distinct];
      for (int i = 0; i < distinct; i++) {
        ids[i] = "c" + (i % 7);
        t[distinct - 1 - i] = 5 + i * i; // unevenly spaced, given last to first
        y[i] = Math.sin(i);
      }
      double[] out = ClientBlocks.of(GrowthData.of(ids, t, y), LINEAR, List.of()).curveTimes;
      assertEquals(101, out.length);
      double range = (distinct - 1) * (distinct - 1);
      for (int i = 0; i < 101; i++) {
        double expected = 5 + (distinct == 101 ? i * i : range * i / 100.0);
        assertEquals(expected, out[i], 1e-9, distinct + " times, entry " + i);
      }
    }
  }

  @Test
  void single_keepsTheScoresUncentred_andTheGivenMembershipDesign() {
    double[] w = {1, 0.5};
    ClientBlocks b = ClientBlocks.single(LINEAR, new double[] {0, 2}, new double[] {4, 8}, w);
    w[1] = 9;
    assertEquals(0, b.yMean);
    assertEquals(40, b.yVariance, 1e-12); // (4² + 8²) / 2, around 0
    assertArrayEquals(new double[] {2, 80, 12, 16, 2, 2, 4}, b.s, 1e-15);
    assertArrayEquals(new double[] {1, 0.5}, b.w);
    assertEquals(2, b.cw);
    assertEquals(List.of("new client"), b.clients);
  }
}
