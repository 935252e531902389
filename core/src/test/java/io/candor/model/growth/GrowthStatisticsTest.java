package io.candor.model.growth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Fitting from statistics assembled bucket by bucket, as a distributed job does. */
class GrowthStatisticsTest {

  /** Statistics built the way GrowthStatistics prescribes, from rows in any order. */
  static GrowthStatistics assemble(GrowthModel model, String[] ids, double[] t, double[] y,
      double[] covariate, long shuffleSeed) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(shuffleSeed));
    TreeMap<Integer, List<Integer>> buckets = new TreeMap<>();
    for (int i : order) {
      buckets.computeIfAbsent(GrowthRows.bucket(ids[i]), b -> new ArrayList<>()).add(i);
    }
    TreeMap<Integer, GrowthRows> rows = new TreeMap<>();
    for (Map.Entry<Integer, List<Integer>> e : buckets.entrySet()) {
      List<Integer> b = e.getValue();
      String[] bi = new String[b.size()];
      double[] bt = new double[b.size()];
      double[] by = new double[b.size()];
      double[][] bc = covariate == null ? new double[0][] : new double[1][b.size()];
      for (int j = 0; j < b.size(); j++) {
        bi[j] = ids[b.get(j)];
        bt[j] = t[b.get(j)];
        by[j] = y[b.get(j)];
        if (covariate != null) {
          bc[0][j] = covariate[b.get(j)];
        }
      }
      rows.put(e.getKey(),
          GrowthRows.of(bi, bt, by, covariate == null ? List.of() : List.of("x"), bc));
    }
    TreeMap<Integer, double[]> sums = new TreeMap<>();
    rows.forEach((k, r) -> sums.put(k, new double[] {r.scoreSum(), r.size()}));
    double centre = GrowthRows.centre(sums);
    TreeMap<Integer, GrowthBlock> blocks = new TreeMap<>();
    TreeMap<Integer, double[]> totals = new TreeMap<>();
    rows.forEach((k, r) -> {
      blocks.put(k, r.statistics(model, centre));
      totals.put(k, blocks.get(k).totals());
    });
    return statistics(model, centre, GrowthBlock.mergeTotals(totals), theta -> {
      TreeMap<Integer, double[]> parts = new TreeMap<>();
      blocks.forEach((k, b) -> parts.put(k, b.criterionTerms(theta)));
      return GrowthBlock.sumTerms(parts);
    }, (theta, beta, sigma2) -> List.of());
  }

  /** The client effects of statistics: {@link GrowthStatistics#clientEffects}. */
  private interface Effects {
    List<ClientEffects> of(double[] theta, double[] beta, double sigma2);
  }

  /** Statistics on the unbounded scale from their parts. */
  private static GrowthStatistics statistics(GrowthModel model, double centre, double[] totals,
      java.util.function.Function<double[], double[]> terms, Effects effects) {
    return new GrowthStatistics() {
      @Override
      public GrowthModel model() {
        return model;
      }

      @Override
      public io.candor.domain.ScoreScale scale() {
        return io.candor.domain.ScoreScale.unbounded("outcome");
      }

      @Override
      public double centre() {
        return centre;
      }

      @Override
      public double[] totals() {
        return totals.clone();
      }

      @Override
      public double[] criterionTerms(double[] theta) {
        return terms.apply(theta);
      }

      @Override
      public List<ClientEffects> clientEffects(double[] theta, double[] beta, double sigma2) {
        return effects.of(theta, beta, sigma2);
      }
    };
  }

  @Test
  void fitFromStatisticsAssembledInAnyRowOrder_equalsTheInMemoryFitBitForBit() {
    GrowthData data = GrowthModelTest.simulate(3, 400, 8);
    String[] ids = new String[data.size()];
    double[] t = data.groupedTimes();
    double[] y = data.groupedScores();
    int r = 0;
    for (int c = 0; c < data.clientCount(); c++) {
      for (int i = 0; i < data.observations(c); i++) {
        ids[r++] = data.clients().get(c);
      }
    }
    for (GrowthModel model : List.of(GrowthModel.withDefaults().with(TimeBasis.LOG),
        GrowthModel.withDefaults().with(RandomPart.INTERCEPT))) {
      GrowthFit direct = model.fit(GrowthData.of(ids, t, y));
      GrowthFit assembled = model.fit(assemble(model, ids, t, y, null, 99));
      assertArrayEquals(direct.beta(), assembled.beta());
      assertArrayEquals(direct.theta(), assembled.theta());
      assertEquals(direct.deviance(), assembled.deviance());
      assertEquals(direct.residualSd(), assembled.residualSd());
      assertTrue(assembled.clientEffects().isEmpty());
    }
  }

  @Test
  void fitOfRowsInAnyOrder_equalsTheFitOfRowsInTimeOrderBitForBit() {
    GrowthData data = GrowthModelTest.simulate(5, 300, 7);
    int n = data.size();
    String[] ids = new String[n];
    int r = 0;
    for (int c = 0; c < data.clientCount(); c++) {
      for (int i = 0; i < data.observations(c); i++) {
        ids[r++] = data.clients().get(c);
      }
    }
    double[] t = data.groupedTimes();
    double[] y = data.groupedScores();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(3));
    String[] shuffledIds = new String[n];
    double[] shuffledT = new double[n];
    double[] shuffledY = new double[n];
    for (int i = 0; i < n; i++) {
      shuffledIds[i] = ids[order.get(i)];
      shuffledT[i] = t[order.get(i)];
      shuffledY[i] = y[order.get(i)];
    }
    GrowthModel model = GrowthModel.withDefaults().with(TimeBasis.LOG);
    GrowthFit inOrder = model.fit(GrowthData.of(ids, t, y));
    GrowthFit shuffled = model.fit(GrowthData.of(shuffledIds, shuffledT, shuffledY));
    assertArrayEquals(inOrder.beta(), shuffled.beta());
    assertArrayEquals(inOrder.theta(), shuffled.theta());
    assertEquals(inOrder.deviance(), shuffled.deviance());
    java.util.Map<String, ClientEffects> byId = new java.util.HashMap<>();
    shuffled.clientEffects().forEach(e -> byId.put(e.client(), e));
    for (ClientEffects e : inOrder.clientEffects()) {
      assertEquals(e, byId.get(e.client()));
    }
  }

  @Test
  void criterionFromOutcomeSumsByDesign_equalsTheClientByClientCriterion() {
    // sessions 0-5, each after the intake missed with probability 0.3: many clients share a design
    Random rng = new Random(7);
    List<String> ids = new ArrayList<>();
    List<Double> times = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (int c = 0; c < 600; c++) {
      double b0 = 3 * rng.nextGaussian();
      double b1 = rng.nextGaussian();
      for (int s = 0; s < 6; s++) {
        if (s == 0 || rng.nextDouble() > 0.3) {
          ids.add("c" + c);
          times.add((double) s);
          scores.add(17 + b0 + (-3 + b1) * Math.log1p(s) + 2 * rng.nextGaussian());
        }
      }
    }
    GrowthData data = GrowthData.of(ids.toArray(new String[0]),
        times.stream().mapToDouble(Double::doubleValue).toArray(),
        scores.stream().mapToDouble(Double::doubleValue).toArray());
    double[] t = data.timeArray();
    for (RandomPart random : RandomPart.values()) {
      for (Estimation estimation : Estimation.values()) {
        GrowthModel model = GrowthModel.withDefaults().with(TimeBasis.LOG).with(random)
            .with(estimation);
        StatisticsDeviance shared = new StatisticsDeviance(model, new InMemoryStatistics(model,
            data));
        ProfiledDeviance byClient = new ProfiledDeviance(2, random.size(), 1,
            estimation == Estimation.REML, data.starts(), data.scoreArray(), (c, i, x) -> {
              x[0] = 1;
              x[1] = Math.log1p(t[i]);
            }, null, 0);
        double[][] thetas = random == RandomPart.INTERCEPT
            ? new double[][] {{0}, {0.3}, {1.4}, {25}}
            : new double[][] {{0, 0, 0}, {1, 0, 1}, {1.4, -0.2, 0.5}, {0.7, 0.9, 0}, {30, 5, 8}};
        for (double[] theta : thetas) {
          double expected = byClient.evaluate(theta);
          assertEquals(expected, shared.evaluate(theta), 1e-11 * Math.abs(expected),
              model + " at θ " + java.util.Arrays.toString(theta));
        }
      }
    }
  }

  @Test
  void statisticsForAnotherModel_areRejected() {
    GrowthData data = GrowthModelTest.simulate(3, 50, 5);
    GrowthModel linear = GrowthModel.withDefaults();
    GrowthStatistics s = assemble(linear, data.clients().stream()
        .flatMap(c -> java.util.stream.Stream.generate(() -> c).limit(5)).toArray(String[]::new),
        data.groupedTimes(), data.groupedScores(), null, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> linear.with(TimeBasis.LOG).fit(s));
    assertTrue(e.getMessage().startsWith("the statistics were built for"), e.getMessage());
  }

  @Test
  void growthRows_validateTheirInput() {
    assertThrows(IllegalArgumentException.class,
        () -> GrowthRows.of(new String[0], new double[0], new double[0], List.of(), new double[0][]));
    assertThrows(IllegalArgumentException.class, () -> GrowthRows.of(new String[] {"a"},
        new double[] {Double.NaN}, new double[] {1}, List.of(), new double[0][]));
    IllegalArgumentException cov = assertThrows(IllegalArgumentException.class,
        () -> GrowthRows.of(new String[] {"a", "a"}, new double[] {0, 1}, new double[] {1, 2},
            List.of("age"), new double[][] {{30, 31}}));
    assertEquals("covariate age must be the same on every row of a client; client a has 30 and 31",
        cov.getMessage());
    GrowthRows rows = GrowthRows.of(new String[] {"b", "a", "a"}, new double[] {0, 1, 0},
        new double[] {5, 2, 1}, List.of(), new double[0][]);
    assertEquals(2, rows.clientCount());
    assertEquals(8, rows.scoreSum());
    assertTrue(GrowthRows.bucket("client-1") >= 0 && GrowthRows.bucket("client-1") < GrowthRows.BUCKETS);
    // buckets follow String.hashCode, which every JVM computes alike
    assertEquals(Math.floorMod("client-1".hashCode(), 1024), GrowthRows.bucket("client-1"));
    assertEquals(Math.floorMod("Zürich-7".hashCode(), 1024), GrowthRows.bucket("Zürich-7"));
    assertEquals("row 2 (client b): time and score must be finite, were 1.0 and NaN",
        assertThrows(IllegalArgumentException.class, () -> GrowthRows.of(new String[] {"a", "b"},
            new double[] {0, 1}, new double[] {1, Double.NaN}, List.of(), new double[0][]))
            .getMessage());
    assertEquals("covariate age in row 2 (client b) must be finite, was NaN", assertThrows(
        IllegalArgumentException.class, () -> GrowthRows.of(new String[] {"a", "b"},
            new double[] {0, 1}, new double[] {1, 2}, List.of("age"),
            new double[][] {{30, Double.NaN}})).getMessage());
    assertEquals("client id in row 2 must not be blank", assertThrows(
        IllegalArgumentException.class, () -> GrowthRows.of(new String[] {"a", ""},
            new double[] {0, 1}, new double[] {1, 2}, List.of(), new double[0][])).getMessage());
    assertEquals(List.of("age"), GrowthRows.of(new String[] {"a"}, new double[] {0},
        new double[] {1}, List.of("age"), new double[][] {{30}}).covariateNames());
    assertEquals("GrowthRows[3 rows, 2 clients]", rows.toString());
    assertThrows(IllegalArgumentException.class, () -> GrowthRows.centre(new TreeMap<>()));
  }

  /** Every row of {@code data} in one {@link GrowthRows}, with the data's covariates. */
  private static GrowthRows oneBlock(GrowthData data) {
    int n = data.size();
    String[] ids = new String[n];
    List<String> names = data.covariateNames();
    double[][] cov = new double[names.size()][n];
    int r = 0;
    for (int c = 0; c < data.clientCount(); c++) {
      for (int i = 0; i < data.observations(c); i++) {
        ids[r] = data.clients().get(c);
        for (int k = 0; k < names.size(); k++) {
          cov[k][r] = data.covariate(k, c);
        }
        r++;
      }
    }
    return GrowthRows.of(ids, data.groupedTimes(), data.groupedScores(), names, cov);
  }

  /** Statistics of a single block holding every client (its own client effects included). */
  private static GrowthStatistics single(GrowthModel model, GrowthRows rows) {
    double centre = GrowthRows.centre(new TreeMap<>(Map.of(0,
        new double[] {rows.scoreSum(), rows.size()})));
    GrowthBlock block = rows.statistics(model, centre);
    return statistics(model, centre, block.totals(), block::criterionTerms,
        block::clientEffects);
  }

  /** The row-by-row elimination ({@link ProfiledDeviance}) of the same model and data. */
  private static ProfiledDeviance rowByRow(GrowthModel model, GrowthData data) {
    double[] t = data.timeArray();
    int[] idx = model.covariateIndices(data);
    double[] covs = new double[idx.length];
    return new ProfiledDeviance(model.termNames().size(), model.random().size(), 1,
        model.estimation() == Estimation.REML, data.starts(), data.scoreArray(), (c, i, x) -> {
          for (int j = 0; j < idx.length; j++) {
            covs[j] = data.covariate(idx[j], c);
          }
          model.designRow(t[i], covs, x);
        }, null, 0);
  }

  /**
   * A block normally holds the few clients of one bucket; here one block holds all 120 clients
   * of the unbalanced reference panel (clients seen at the same and at different times, two
   * covariates). At arbitrary θ, including θ large enough that the product of the clients'
   * factors passes 1e100, its criterion and its clients' conditional modes and variances are
   * those of the row-by-row elimination, for both random parts, with and without covariates
   * (the shared-design and the general route), under REML and ML.
   */
  @Test
  void oneBlockOfManyClients_givesTheCriterionAndEffectsOfTheRowByRowElimination() {
    GrowthData data = Reference.dropout();
    GrowthRows rows = oneBlock(data);
    GrowthModel d = GrowthModel.withDefaults();
    List<GrowthModel> models = List.of(d, d.with(TimeBasis.LOG).with(RandomPart.INTERCEPT)
        .with(Estimation.ML), d.with(TimeBasis.QUADRATIC), d.with(RandomPart.INTERCEPT)
        .withCovariates("severe").with(Estimation.ML), d.with(TimeBasis.LOG)
        .withCovariates("severe", "age").with(Interactions.COVARIATE_BY_TIME));
    for (GrowthModel model : models) {
      boolean slope = model.random() == RandomPart.INTERCEPT_SLOPE;
      double[][] thetas = slope
          ? new double[][] {{0.7, -0.2, 0.4}, {1.3, 0.5, 0}, {9, 2, 4}, {0, 0.3, 0.2}}
          : new double[][] {{0.7}, {0}, {12}};
      GrowthStatistics stats = single(model, rows);
      StatisticsDeviance fromBlock = new StatisticsDeviance(model, stats);
      ProfiledDeviance oracle = rowByRow(model, data);
      for (double[] th : thetas) {
        String what = model + " at " + java.util.Arrays.toString(th);
        double expected = oracle.evaluate(th);
        assertEquals(expected, fromBlock.evaluate(th), 1e-10 * Math.abs(expected), what);
        ProfiledDeviance.Solution s = fromBlock.solve(th);
        ProfiledDeviance.Effects e = oracle.effects(th, oracle.solve(th).beta);
        List<ClientEffects> effects = stats.clientEffects(th, s.beta, 1);
        assertEquals(data.clientCount(), effects.size());
        for (ClientEffects ce : effects) {
          int c = data.clients().indexOf(ce.client());
          assertEquals(data.observations(c), ce.observations(), what);
          assertEquals(e.groupB[2 * c], ce.intercept(), 1e-8, what + " b0 " + ce.client());
          assertEquals(e.groupB[2 * c + 1], ce.slope(), 1e-8, what + " b1 " + ce.client());
          assertEquals(e.groupV[3 * c], ce.interceptVariance(), 1e-10, what);
          assertEquals(e.groupV[3 * c + 1], ce.slopeVariance(), 1e-10, what);
          assertEquals(e.groupV[3 * c + 2], ce.covariance(), 1e-10, what);
        }
      }
      GrowthFit direct = model.fit(data);
      GrowthFit fromStats = model.fit(stats);
      for (int j = 0; j < direct.beta().length; j++) {
        FixedEffect a = direct.fixedEffects().get(j);
        FixedEffect b = fromStats.fixedEffects().get(j);
        assertEquals(a.estimate(), b.estimate(), 1e-6 * (Math.abs(a.estimate()) + a.se()));
        assertEquals(a.se(), b.se(), 1e-6 * a.se());
      }
      assertEquals(direct.deviance(), fromStats.deviance(), 1e-9 * Math.abs(direct.deviance()));
      assertEquals(direct.timeRange(), fromStats.timeRange());
      assertEquals(direct.firstScoreRange(), fromStats.firstScoreRange());
      assertEquals(direct.observations(), fromStats.observations());
      assertEquals(direct.clients(), fromStats.clients());
    }
  }

  @Test
  void statisticsOfAConstantCovariate_areRefusedAsTheRowsAre_whateverItsSign() {
    GrowthData data = GrowthModelTest.simulate(4, 30, 4);
    GrowthModel model = GrowthModel.withDefaults().withCovariates("x");
    for (double value : new double[] {2, -2}) {
      double[] x = new double[data.size()];
      java.util.Arrays.fill(x, value);
      GrowthData withX = data.withCovariate("x", x);
      String fromRows = assertThrows(IllegalArgumentException.class, () -> model.fit(withX))
          .getMessage();
      assertEquals("covariate x is the same for every client (" + (int) value + "), so its"
          + " effect cannot be separated from the intercept", fromRows);
      String fromStatistics = assertThrows(IllegalArgumentException.class,
          () -> model.fit(single(model, oneBlock(withX)))).getMessage();
      assertEquals(fromRows, fromStatistics);
    }
  }

  /**
   * Totals of two blocks merged, in either order, are the totals of all their rows: sums to
   * rounding, ranges exactly. Two covariates whose ranges come from different blocks (x = the
   * client's number rises, z = 500 − x falls) so that each range end is taken from the right
   * block and the right covariate.
   */
  @Test
  void totalsOfTwoBlocksMerged_areTheTotalsOfAllTheirRows() {
    GrowthData base = Reference.dropout(); // clients sorted by id: split them in two
    Map<String, Double> x = new java.util.HashMap<>();
    Map<String, Double> z = new java.util.HashMap<>();
    for (int c = 0; c < base.clientCount(); c++) {
      x.put(base.clients().get(c), (double) c);
      z.put(base.clients().get(c), 500.0 - c);
    }
    GrowthData data = base.withClientCovariate("x", x).withClientCovariate("z", z);
    GrowthModel model = GrowthModel.withDefaults().with(TimeBasis.LOG).withCovariates("x", "z");
    GrowthRows all = oneBlock(data);
    double centre = all.scoreSum() / all.size();
    int half = data.starts()[60];
    int n = data.size();
    String[] ids = new String[n];
    double[][] cov = new double[2][n];
    for (int c = 0, r = 0; c < data.clientCount(); c++) {
      for (int i = 0; i < data.observations(c); i++, r++) {
        ids[r] = data.clients().get(c);
        cov[0][r] = c;
        cov[1][r] = 500.0 - c;
      }
    }
    double[] t = data.groupedTimes();
    double[] y = data.groupedScores();
    double[] first = part(model, centre, ids, t, y, cov, 0, half);
    double[] second = part(model, centre, ids, t, y, cov, half, n);
    double[] whole = all.statistics(model, centre).totals();
    for (double[] merged : List.of(GrowthBlock.mergeTotals(first, second),
        GrowthBlock.mergeTotals(second, first))) {
      assertEquals(whole.length, merged.length);
      for (int i = 0; i < whole.length; i++) {
        // sums to rounding (Σ(y − centre) is about 0, hence the absolute part)
        assertEquals(whole[i], merged[i], 1e-9 * Math.abs(whole[i]) + 1e-8, "entry " + i);
      }
      // the covariate ranges (min x, min z, max x, max z) are taken exactly
      assertTrue(java.util.Arrays.equals(new double[] {0, 381, 119, 500},
          java.util.Arrays.copyOfRange(merged, whole.length - 4, whole.length)));
    }
  }

  private static double[] part(GrowthModel model, double centre, String[] ids, double[] t,
      double[] y, double[][] cov, int from, int to) {
    return GrowthRows.of(java.util.Arrays.copyOfRange(ids, from, to),
        java.util.Arrays.copyOfRange(t, from, to), java.util.Arrays.copyOfRange(y, from, to),
        List.of("x", "z"), new double[][] {java.util.Arrays.copyOfRange(cov[0], from, to),
            java.util.Arrays.copyOfRange(cov[1], from, to)}).statistics(model, centre).totals();
  }

  /**
   * The two-term route sums the outcome centred on the centre it is given, which need not be the
   * rows' mean (a bucket's rows are centred on the mean of all buckets): rows b (0, 5), a (0, 1),
   * a (1, 2), c (2, 4) centred on 1 give y − 1 = 4, 0, 1, 3 at s = t = 0, 0, 1, 2.
   */
  @Test
  void twoTermTotals_areTheSumsOfTheOutcomeCentredOnTheGivenCentre() {
    GrowthRows rows = GrowthRows.of(new String[] {"b", "a", "a", "c"},
        new double[] {0, 0, 1, 2}, new double[] {5, 1, 2, 4}, List.of(), new double[0][]);
    double[] t = rows.statistics(GrowthModel.withDefaults(), 1).totals();
    assertEquals(2, t[GrowthBlock.T_P]);
    assertEquals(4, t[GrowthBlock.T_N]);
    assertEquals(3, t[GrowthBlock.T_M]);
    assertEquals(16 + 0 + 1 + 9, t[GrowthBlock.T_YTY]);
    assertEquals(1, t[GrowthBlock.T_SLOPE_CLIENTS], "only a is seen at two times");
    int xy = GrowthBlock.T_XY;
    int xx = GrowthBlock.T_XY + 2; // upper triangle of the 2 × 2 cross-products
    assertArrayEquals(new double[] {4 + 0 + 1 + 3, 0 + 0 + 1 + 2 * 3}, new double[] {t[xy],
        t[xy + 1]}, "Σ(y − 1), Σ t (y − 1)");
    assertArrayEquals(new double[] {4, 0 + 0 + 1 + 2, 1 + 4}, new double[] {t[xx], t[xx + 1],
        t[xx + 3]}, "n, Σ t, Σ t²");
  }

  @Test
  void block_countsItsClients_andRefusesAThetaOfTheWrongLength() {
    GrowthRows rows = GrowthRows.of(new String[] {"b", "a", "a", "c"},
        new double[] {0, 1, 0, 2}, new double[] {5, 2, 1, 4}, List.of(), new double[0][]);
    GrowthBlock slope = rows.statistics(GrowthModel.withDefaults(), 3);
    assertEquals(3, slope.clientCount());
    assertEquals("GrowthBlock[3 clients, p = 2, q = 2]", slope.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> slope.criterionTerms(new double[] {1}));
    assertEquals("theta must have 3 entries, had 1", e.getMessage());
    assertEquals(8, slope.criterionTerms(new double[] {1, 0, 1}).length);
    GrowthBlock intercept = rows.statistics(GrowthModel.withDefaults()
        .with(RandomPart.INTERCEPT).with(TimeBasis.QUADRATIC), 3);
    e = assertThrows(IllegalArgumentException.class,
        () -> intercept.criterionTerms(new double[] {1, 0, 1}));
    assertEquals("theta must have 1 entries, had 3", e.getMessage());
    assertEquals(2 + 3 + 9, intercept.criterionTerms(new double[] {1}).length);
  }
}
