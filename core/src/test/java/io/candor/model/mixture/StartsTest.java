package io.candor.model.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The random starts against a direct computation: each client's own least-squares line, the
 * k-means++ choice of seed clients for scripted random numbers, the assignment of every client
 * to the seed line that fits it best, and one M-step from that partition.
 */
class StartsTest {

  /** Clients a..e have their own line; f, seen once, has none. */
  private static final String[] IDS = {"a", "a", "a", "b", "b", "b", "c", "c", "c", "d", "d",
      "d", "d", "e", "e", "f"};
  private static final double[] TIMES = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 3, 0, 2, 1};
  private static final double[] SCORES = {10, 8, 6, 11, 9, 8, 3, 4, 5, 2, 4, 5, 7, 6, 7, 5};
  private static final GrowthModel LINEAR = GrowthModel.withDefaults().with(TimeBasis.LINEAR);

  /** Scripted random numbers: nextInt and nextDouble answer from queues. */
  static final class Script implements UniformRandomProvider {
    final Deque<Integer> ints = new ArrayDeque<>();
    final Deque<Double> doubles = new ArrayDeque<>();
    final StringBuilder asked = new StringBuilder();

    Script withInts(int... v) {
      for (int x : v) {
        ints.add(x);
      }
      return this;
    }

    Script withDoubles(double... v) {
      for (double x : v) {
        doubles.add(x);
      }
      return this;
    }

    @Override
    public long nextLong() {
      throw new AssertionError("not scripted");
    }

    @Override
    public int nextInt(int n) {
      int v = ints.remove();
      asked.append("int(").append(n).append(") ");
      assertTrue(v >= 0 && v < n);
      return v;
    }

    @Override
    public double nextDouble() {
      asked.append("double ");
      return doubles.remove();
    }
  }

  private static GrowthData data() {
    return GrowthData.of(IDS, TIMES, SCORES);
  }

  private static ClientBlocks blocks(List<String> membership) {
    GrowthData d = data().withCovariate("x",
        new double[] {1, 1, 1, 2, 2, 2, 0, 0, 0, 1, 1, 1, 1, 0, 0, 3});
    return ClientBlocks.of(d, LINEAR, membership);
  }

  /** Rows of client i: centred scores and times. */
  private static double[][] rows(ClientBlocks b, int i) {
    int n = b.start[i + 1] - b.start[i];
    double[][] r = new double[n][2];
    double[] scores = data().groupedScores();
    for (int k = 0; k < n; k++) {
      r[k][0] = b.times[b.start[i] + k];
      r[k][1] = scores[b.start[i] + k] - b.yMean;
    }
    return r;
  }

  /** Least squares of (intercept, slope) over the rows of the given clients; null if singular. */
  private static double[] line(ClientBlocks b, int... clients) {
    double n = 0;
    double st = 0;
    double stt = 0;
    double sy = 0;
    double sty = 0;
    for (int i : clients) {
      for (double[] r : rows(b, i)) {
        n++;
        st += r[0];
        stt += r[0] * r[0];
        sy += r[1];
        sty += r[0] * r[1];
      }
    }
    double det = n * stt - st * st;
    if (!(det > 1e-9 * (1 + n * stt))) {
      return null;
    }
    return new double[] {(stt * sy - st * sty) / det, (n * sty - st * sy) / det};
  }

  private static double rss(ClientBlocks b, double[] line, int... clients) {
    double s = 0;
    for (int i : clients) {
      for (double[] r : rows(b, i)) {
        double e = r[1] - line[0] - line[1] * r[0];
        s += e * e;
      }
    }
    return s;
  }

  private static int[] all(ClientBlocks b) {
    int[] a = new int[b.m];
    for (int i = 0; i < b.m; i++) {
      a[i] = i;
    }
    return a;
  }

  private static int[] members(int[] part, int j) {
    return java.util.stream.IntStream.range(0, part.length).filter(i -> part[i] == j).toArray();
  }

  /** The LCGA start of a partition, computed directly. */
  private static Params expected(ClientBlocks b, int[] part, int k) {
    Params th = new Params(k, 2, 0, b.cw);
    double rssTotal = 0;
    for (int j = 0; j < k; j++) {
      int[] mem = members(part, j);
      double[] line = mem.length == 0 ? null : line(b, mem);
      if (line == null) {
        line = line(b, all(b));
      }
      th.beta[j * 2] = line[0];
      th.beta[j * 2 + 1] = line[1];
      rssTotal += rss(b, line, mem);
      th.eta[j * b.cw] = Math.log(Math.max(mem.length, 0.5) / b.m);
    }
    java.util.Arrays.fill(th.sigma2, rssTotal / b.rows);
    if (b.cw > 1) {
      double ref = th.eta[0];
      for (int j = 0; j < k; j++) {
        th.eta[j * b.cw] -= ref;
      }
    }
    return th;
  }

  @Test
  void single_isOrdinaryLeastSquaresOverEveryClient() {
    ClientBlocks b = blocks(List.of());
    Params th = new Starts(b, 0).single();
    Params expected = expected(b, new int[b.m], 1);
    EmTest.assertParams(expected, th, 1e-10, "one class");
    assertEquals(0, th.eta[0], 1e-15);
  }

  @Test
  void single_ofAGrowthMixture_startsFromTheWithinClientVarianceAndTheSpreadOfOwnLines() {
    ClientBlocks b = blocks(List.of());
    // own lines of the eligible clients a..e, and the residual variance within clients
    double[][] own = new double[5][];
    double rssOwn = 0;
    double df = 0;
    for (int i = 0; i < 5; i++) {
      own[i] = line(b, i);
      int n = b.n(i);
      if (n > 2) {
        rssOwn += rss(b, own[i], i);
        df += n - 2;
      }
    }
    double[] mean = new double[2];
    for (double[] o : own) {
      mean[0] += o[0] / 5;
      mean[1] += o[1] / 5;
    }
    double[] cov = new double[4];
    for (double[] o : own) {
      for (int a = 0; a < 2; a++) {
        for (int c = 0; c < 2; c++) {
          cov[a * 2 + c] += (o[a] - mean[a]) * (o[c] - mean[c]) / 4;
        }
      }
    }
    Params one = new Starts(b, 1).single();
    assertEquals(rssOwn / df, one.sigma2[0], 1e-10);
    assertEquals(cov[0], one.d[0], 1e-10);
    Params two = new Starts(b, 2).single();
    assertEquals(rssOwn / df, two.sigma2[0], 1e-10);
    assertArrayEquals(cov, two.d, 1e-10);
    assertArrayEquals(expected(b, new int[b.m], 1).beta, two.beta, 1e-10);
  }

  @Test
  void draw_seedsByKMeansPlusPlus_assignsEachClientToTheBestSeedLine_andStartsFromThatPartition() {
    ClientBlocks b = blocks(List.of());
    Starts starts = new Starts(b, 0);
    double[][] own = new double[5][];
    for (int i = 0; i < 5; i++) {
      own[i] = line(b, i);
    }
    // the metric: the squared distance of two lines averaged over every observed time
    double[] t = b.times;
    for (int first = 0; first < 5; first++) {
      double[] d2 = new double[5];
      double total = 0;
      for (int e = 0; e < 5; e++) {
        for (double time : t) {
          double diff = own[e][0] - own[first][0] + (own[e][1] - own[first][1]) * time;
          d2[e] += diff * diff / t.length;
        }
        total += e == first ? 0 : d2[e];
      }
      // besides a spread of u, each side of every step of the D² distribution, 1e-9 apart: a
      // metric other than the pooled one moves the steps (clients are seen at different times)
      List<Double> us = new java.util.ArrayList<>(List.of(0.0, 0.13, 0.41, 0.66, 0.9, 0.999));
      double step = 0;
      int last = first == 4 ? 3 : 4; // the step after it is 1
      for (int e = 0; e < last; e++) {
        if (e != first) {
          step += d2[e] / total;
          us.add(step - 1e-9);
          us.add(step + 1e-9);
        }
      }
      for (double u : us) {
        int second = -1;
        double acc = 0;
        for (int e = 0; e < 5 && second < 0; e++) {
          if (e != first) {
            acc += d2[e] / total;
            if (u < acc) {
              second = e;
            }
          }
        }
        int[] seeds = {first, second};
        int[] part = new int[b.m];
        for (int i = 0; i < b.m; i++) {
          part[i] = rss(b, own[seeds[1]], i) < rss(b, own[seeds[0]], i) ? 1 : 0;
        }
        part[first] = 0;
        part[second] = 1;
        Script rng = new Script().withInts(first).withDoubles(u);
        Params th = starts.draw(1, 2, rng)[0];
        EmTest.assertParams(expected(b, part, 2), th, 1e-9,
            "seeds " + first + ", " + second + " (u " + u + ")");
        assertEquals("int(5) double ", rng.asked.toString());
      }
    }
  }

  @Test
  void draw_ofThreeClasses_choosesThreeDistinctSeeds_eachFromTheRemainingClients() {
    ClientBlocks b = blocks(List.of());
    Script rng = new Script().withInts(2, 0, 1).withDoubles(0.5, 0.5, 0.2, 0.99);
    Params[] th = new Starts(b, 0).draw(2, 3, rng);
    assertEquals(2, th.length);
    assertEquals("int(5) double double int(5) double double ", rng.asked.toString());
    for (Params p : th) {
      // each class holds at least its seed: no class falls back to the overall line with a
      // share of 0.5 / m
      for (int j = 0; j < 3; j++) {
        assertTrue(p.eta[j] >= Math.log(1.0 / b.m) - 1e-12);
      }
    }
  }

  @Test
  void draw_withFewerOwnLinesThanClasses_drawsThePartitionUniformly_givingEachClassAClient() {
    ClientBlocks b = blocks(List.of());
    // five clients have their own line: six classes need the uniform partition
    Script rng = new Script().withInts(3, 3, 3, 3, 3, 3);
    Params th = new Starts(b, 0).draw(1, 6, rng)[0];
    assertEquals("int(6) int(6) int(6) int(6) int(6) int(6) ", rng.asked.toString());
    // clients 0..5 are forced into classes 0..5: every class has one client
    int[] part = {0, 1, 2, 3, 4, 5};
    EmTest.assertParams(expected(b, part, 6), th, 1e-9, "uniform partition");
    Script rng2 = new Script().withInts(1, 1, 1, 1, 1, 1);
    Params th2 = new Starts(b, 0).draw(1, 7, rng2)[0];
    assertEquals(Math.log(0.5 / 6), th2.eta[6], 1e-12); // the seventh class has no client
  }

  @Test
  void draw_whenEveryOwnLineCoincides_picksTheNextSeedUniformlyAmongTheOthers() {
    ClientBlocks b = EmTest.linearBlocks(new String[] {"a", "a", "b", "b", "c", "c", "d"},
        new double[] {0, 1, 0, 1, 0, 1, 0}, new double[] {1, 3, 1, 3, 1, 3, 2});
    Script rng = new Script().withInts(1, 1);
    Params th = new Starts(b, 0).draw(1, 2, rng)[0];
    assertEquals("int(3) int(2) ", rng.asked.toString());
    // seeds b and c; a (tied) goes to the first seed's class, d too
    assertEquals(Math.log(3.0 / 4), th.eta[0], 1e-12);
    assertEquals(Math.log(1.0 / 4), th.eta[1], 1e-12);
  }

  @Test
  void draw_ofAGrowthMixture_startsFromTheSpreadOfOwnLinesWithinThePartitionsClasses() {
    ClientBlocks b = blocks(List.of());
    double[][] own = new double[5][];
    for (int i = 0; i < 5; i++) {
      own[i] = line(b, i);
    }
    for (int q = 1; q <= 2; q++) {
      // seeds a (0) and b (1) for u = 0: b is the first client with a positive distance from a
      Starts starts = new Starts(b, q);
      Params lcga = new Starts(b, 0).draw(1, 2, new Script().withInts(0).withDoubles(0))[0];
      Params th = starts.draw(1, 2, new Script().withInts(0).withDoubles(0))[0];
      int[] part = new int[b.m];
      for (int i = 0; i < b.m; i++) {
        part[i] = rss(b, own[1], i) < rss(b, own[0], i) ? 1 : 0;
      }
      part[0] = 0;
      part[1] = 1;
      EmTest.assertParams(expected(b, part, 2), lcga, 1e-9, "LCGA");
      double[][] mean = new double[2][2];
      int[] n = new int[2];
      for (int e = 0; e < 5; e++) {
        n[part[e]]++;
        for (int a = 0; a < 2; a++) {
          mean[part[e]][a] += own[e][a];
        }
      }
      assertTrue(n[0] >= 1 && n[1] >= 1);
      double[] cov = new double[4];
      for (int e = 0; e < 5; e++) {
        int j = part[e];
        for (int a = 0; a < 2; a++) {
          for (int c = 0; c < 2; c++) {
            cov[a * 2 + c] += (own[e][a] - mean[j][a] / n[j]) * (own[e][c] - mean[j][c] / n[j])
                / (5 - 2);
          }
        }
      }
      for (int j = 0; j < 2; j++) {
        if (q == 1) {
          assertEquals(cov[0], th.d[j], 1e-10, "q 1, class " + j);
        } else {
          assertArrayEquals(cov, java.util.Arrays.copyOfRange(th.d, 4 * j, 4 * j + 4), 1e-10,
              "q 2, class " + j);
        }
      }
      assertArrayEquals(lcga.beta, th.beta, 1e-12);
    }
  }

  @Test
  void growthMixtureStart_withoutAnyClientSeenMoreOftenThanItHasTerms_takesHalfTheVariance() {
    ClientBlocks b = EmTest.linearBlocks(new String[] {"a", "a", "b", "b", "c", "c"},
        new double[] {0, 1, 0, 2, 1, 3}, new double[] {5, 7, 4, 9, 6, 6});
    Params th = new Starts(b, 1).single();
    assertEquals(b.yVariance / 2, th.sigma2[0], 1e-12);
    // and with one class per own line there is no spread within the classes to start from
    Params three = new Starts(b, 1).draw(1, 3, new Script().withInts(0).withDoubles(0.5, 0.5))[0];
    assertEquals(b.yVariance / 2, three.d[0], 1e-12);
    assertEquals(b.yVariance / 2, three.d[2], 1e-12);
  }

  @Test
  void draw_withMembershipCovariates_makesTheFirstClassTheReferenceOfTheLogits() {
    ClientBlocks b = blocks(List.of("x"));
    Params th = new Starts(b, 0).draw(1, 2, new Script().withInts(0).withDoubles(0.999))[0];
    assertEquals(0, th.eta[0]);
    assertEquals(0, th.eta[1]);
    assertEquals(0, th.eta[3]);
    Params plain = new Starts(blocks(List.of()), 0).draw(1, 2,
        new Script().withInts(0).withDoubles(0.999))[0];
    assertEquals(plain.eta[1] - plain.eta[0], th.eta[2], 1e-12);
  }

  @Test
  void draw_fromExactLines_startsFromHalfTheOutcomeVariance() {
    ClientBlocks b = EmTest.linearBlocks(new String[] {"a", "a", "a", "b", "b", "b"},
        new double[] {0, 1, 2, 0, 1, 2}, new double[] {1, 2, 3, 9, 7, 5});
    Params th = new Starts(b, 0).draw(1, 2, new Script().withInts(0).withDoubles(0.5))[0];
    assertEquals(b.yVariance / 2, th.sigma2[0], 1e-12);
    assertEquals(b.yVariance / 2, th.sigma2[1], 1e-12);
    assertTrue(th.sigma2[0] > 0);
  }
}
