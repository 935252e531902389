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
    double[] finalTotals = GrowthBlock.mergeTotals(totals);
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
        return finalTotals.clone();
      }

      @Override
      public double[] criterionTerms(double[] theta) {
        TreeMap<Integer, double[]> parts = new TreeMap<>();
        blocks.forEach((k, b) -> parts.put(k, b.criterionTerms(theta)));
        return GrowthBlock.sumTerms(parts);
      }

      @Override
      public List<ClientEffects> clientEffects(double[] theta, double[] beta, double sigma2) {
        return List.of();
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
  }
}
