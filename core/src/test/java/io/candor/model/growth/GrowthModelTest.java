package io.candor.model.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.quicktheories.generators.SourceDSL.arbitrary;

import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Trajectory;
import io.candor.internal.Checks;
import io.candor.measure.Instruments;
import io.candor.testing.CandorGenerators;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.GaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class GrowthModelTest {

  /** A small simulated panel: clients × sessions 0..k−1, log-shaped decline. */
  static GrowthData simulate(long seed, int clients, int sessions) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ContinuousSampler g = GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), 0, 1);
    int n = clients * sessions;
    String[] ids = new String[n];
    double[] t = new double[n];
    double[] y = new double[n];
    int r = 0;
    for (int c = 0; c < clients; c++) {
      double b0 = 3 * g.sample();
      double b1 = g.sample();
      for (int s = 0; s < sessions; s++) {
        ids[r] = "c" + c;
        t[r] = s;
        y[r] = 17 + b0 + (-3 + b1) * Math.log1p(s) + 2 * g.sample();
        r++;
      }
    }
    return GrowthData.of(ids, t, y);
  }

  @Test
  void logBasis_isMathLog1pToTheBit() {
    double[] times = {-0.0, 0.0, 1, 2, 9, 1023, 1024, 2.5, -0.5, 1e6};
    for (double t : times) {
      assertEquals(Double.doubleToRawLongBits(Math.log1p(t)),
          Double.doubleToRawLongBits(TimeBasis.LOG.firstTerm(t)), "time " + t);
    }
    for (int t = 0; t < 2000; t++) {
      assertEquals(Math.log1p(t), TimeBasis.LOG.firstTerm(t), 0.0, "time " + t);
    }
  }

  @Test
  void fit_rejectsConstantTimeColumn() {
    GrowthData d = GrowthData.of(new String[] {"a", "a", "b", "b"}, new double[] {3, 3, 3, 3},
        new double[] {1, 2, 3, 4});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GrowthModel.withDefaults().fit(d));
    assertTrue(e.getMessage().contains("time column is constant"), e.getMessage());
  }

  @Test
  void fit_rejectsTooFewClientsForRandomSlope() {
    GrowthData d = GrowthData.of(new String[] {"a", "a", "a", "b", "b", "b"},
        new double[] {0, 1, 2, 0, 1, 2}, new double[] {10, 8, 7, 12, 9, 9});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GrowthModel.withDefaults().fit(d));
    assertTrue(e.getMessage().contains("at least 3 clients"), e.getMessage());
  }

  @Test
  void data_rejectsNonFiniteScoreNamingTheRow() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GrowthData.of(new String[] {"a", "b"}, new double[] {0, 1},
            new double[] {1, Double.NaN}));
    assertTrue(e.getMessage().contains("score in row 2"), e.getMessage());
  }

  @Test
  void data_rejectsNonFiniteTimeBlankIdAndLengthMismatch() {
    assertThrows(IllegalArgumentException.class, () -> GrowthData.of(new String[] {"a"},
        new double[] {Double.POSITIVE_INFINITY}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> GrowthData.of(new String[] {" "},
        new double[] {0}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> GrowthData.of(new String[] {"a"},
        new double[] {0, 1}, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> GrowthData.of(new String[0],
        new double[0], new double[0]));
  }

  @Test
  void fit_namesScoresTooLargeToSquare_insteadOfBlamingIdentification() {
    GrowthData ok = simulate(3, 20, 4);
    double[] y = ok.groupedScores();
    y[7] = 1e308;
    String[] ids = new String[y.length];
    for (int c = 0, r = 0; c < ok.clientCount(); c++) {
      for (int k = 0; k < ok.observations(c); k++) {
        ids[r++] = ok.clients().get(c);
      }
    }
    GrowthData d = GrowthData.of(ids, ok.groupedTimes(), y);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GrowthModel.withDefaults().fit(d));
    assertEquals("the scores are too large to fit: their sum of squares overflows a double"
        + " (largest 1.0E308, client " + ids[7] + "); rescale the score column", e.getMessage());
  }

  @Test
  void data_ofIndexed_groupsLikeOf() {
    GrowthData byId = GrowthData.of(new String[] {"b", "a", "b", "c"},
        new double[] {0, 0, 1, 0}, new double[] {5, 6, 7, 8});
    GrowthData indexed = GrowthData.ofIndexed(List.of("b", "a", "c"), new int[] {0, 1, 0, 2},
        new double[] {0, 0, 1, 0}, new double[] {5, 6, 7, 8});
    assertEquals(byId.clients(), indexed.clients());
    assertEquals(List.of("b", "a", "c"), indexed.clients());
    assertTrue(Arrays.equals(byId.groupedScores(), indexed.groupedScores()));
    assertTrue(Arrays.equals(byId.groupedTimes(), indexed.groupedTimes()));
    assertEquals(2, indexed.observations(0));
    assertEquals(40.0, indexed.withCovariate("age", new double[] {20, 30, 20, 40}).covariate("age", 2));
  }

  @Test
  void data_ofIndexedFirstRows_equalsTheDataOfThoseRowsAlone() {
    List<String> ids = List.of("b", "a", "c");
    int[] clientOf = {0, 1, 0, 2, 1, 2, -7};
    double[] t = {0, 0, 1, 0, 1, 1, Double.NaN};
    double[] y = {5, 4, 3, 2, 1, 0, Double.NaN};
    GrowthData exact = GrowthData.ofIndexed(ids, Arrays.copyOf(clientOf, 6), Arrays.copyOf(t, 6),
        Arrays.copyOf(y, 6));
    GrowthData first = GrowthData.ofIndexed(ids, clientOf, t, y, 6);
    assertEquals(exact.clients(), first.clients());
    assertEquals(6, first.size());
    assertTrue(Arrays.equals(exact.groupedTimes(), first.groupedTimes()));
    assertTrue(Arrays.equals(exact.groupedScores(), first.groupedScores()));
    for (int rows : new int[] {0, 8}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> GrowthData.ofIndexed(ids, clientOf, t, y, rows));
      assertEquals("rows must be between 1 and the shortest column's length 7 (clientOfRow 7,"
          + " times 7, scores 7), was " + rows, e.getMessage());
    }
    // the rows beyond are not read, but the first ones are checked as always
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GrowthData.ofIndexed(ids, clientOf, t, y, 7)).getMessage()
        .contains("client index in row 7 must be between 0 and 2, was -7"));
  }

  @Test
  void data_ofIndexed_rejectsInconsistentIndices() {
    double[] t = {0, 1};
    double[] y = {1, 2};
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GrowthData.ofIndexed(List.of("a", "a"), new int[] {0, 1}, t, y)).getMessage()
        .contains("listed twice"));
    // many ids, two with the same hash code ("Aa", "BB"), and one repeated far from its first
    List<String> many = new java.util.ArrayList<>();
    for (int c = 0; c < 1000; c++) {
      many.add("c" + c);
    }
    many.add("Aa");
    many.add("BB");
    int[] clientOf = new int[many.size()];
    for (int c = 0; c < clientOf.length; c++) {
      clientOf[c] = c;
    }
    double[] ones = new double[many.size()];
    assertEquals(1002, GrowthData.ofIndexed(many, clientOf, ones, ones).clientCount());
    many.add("c500");
    int[] repeated = Arrays.copyOf(clientOf, many.size());
    repeated[1002] = 1002;
    assertEquals("client id c500 is listed twice (indices 500 and 1002)",
        assertThrows(IllegalArgumentException.class, () -> GrowthData.ofIndexed(many, repeated,
            new double[many.size()], new double[many.size()])).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GrowthData.ofIndexed(List.of("a"), new int[] {0, 1}, t, y)).getMessage()
        .contains("client index in row 2 must be between 0 and 0, was 1"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GrowthData.ofIndexed(List.of("a", "b", "c"), new int[] {0, 1}, t, y)).getMessage()
        .contains("client c has no row"));
    assertThrows(IllegalArgumentException.class,
        () -> GrowthData.ofIndexed(List.of("a"), new int[] {0, 0}, t, new double[] {1, Double.NaN}));
    assertThrows(IllegalArgumentException.class,
        () -> GrowthData.ofIndexed(List.of(), new int[0], new double[0], new double[0]));
  }

  @Test
  void data_rejectsCovariateVaryingWithinClient() {
    GrowthData d = GrowthData.of(new String[] {"a", "a"}, new double[] {0, 1},
        new double[] {1, 2});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> d.withCovariate("age", new double[] {30, 31}));
    assertTrue(e.getMessage().contains("same on every row"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> d.withCovariate("time", new double[] {1, 1}));
    assertThrows(IllegalArgumentException.class,
        () -> d.withClientCovariate("x", Map.of("b", 1.0)));
  }

  @Test
  void fit_rejectsConstantCovariateAndUnknownCovariate() {
    GrowthData d = simulate(1, 20, 4);
    double[] same = new double[d.size()];
    Arrays.fill(same, 2);
    GrowthData withSame = d.withCovariate("group", same);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GrowthModel.withDefaults().withCovariates("group").fit(withSame));
    assertTrue(e.getMessage().contains("same for every client"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> GrowthModel.withDefaults().withCovariates("nope").fit(d));
  }

  @Test
  void fit_rejectsLogBasisWithTimeAtMinusOne() {
    GrowthData d = GrowthData.of(new String[] {"a", "a", "b", "b"}, new double[] {-1, 1, 0, 1},
        new double[] {1, 2, 3, 4});
    assertThrows(IllegalArgumentException.class,
        () -> GrowthModel.withDefaults().with(TimeBasis.LOG)
            .with(RandomPart.INTERCEPT).fit(d));
  }

  @Test
  void piecewiseKnot_atOrBeyondTheObservedTimes_isRefusedNamingKnotAndRange() {
    GrowthData d = simulate(4, 30, 6); // sessions 0..5
    for (double knot : new double[] {0, 5, 99, -1}) {
      GrowthModel m = GrowthModel.withDefaults().withPiecewise(knot);
      String message = assertThrows(IllegalArgumentException.class, () -> m.fit(d)).getMessage();
      assertTrue(message.startsWith("piecewise knot " + Checks.fmt(knot) + " must lie strictly"
          + " between the earliest and the latest observed time (0 and 5)"), message);
      String fromStatistics = assertThrows(IllegalArgumentException.class,
          () -> m.fit(new InMemoryStatistics(m, d))).getMessage();
      assertEquals(message, fromStatistics);
    }
    assertTrue(GrowthModel.withDefaults().withPiecewise(2).fit(d).convergence().converged());
  }

  @Test
  void withBasis_rejectsPiecewiseWithoutKnot() {
    assertThrows(IllegalArgumentException.class,
        () -> GrowthModel.withDefaults().with(TimeBasis.PIECEWISE));
    assertThrows(IllegalArgumentException.class,
        () -> GrowthModel.withDefaults().withPiecewise(Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> GrowthModel.withDefaults().withCovariates("a", "a"));
  }

  @Test
  void fit_acceptsClientsWithOneObservationAndOutcomesOutsideAnyScale() {
    List<String> ids = new ArrayList<>();
    List<Double> t = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    GrowthData base = simulate(3, 30, 5);
    double[] bt = base.groupedTimes();
    double[] by = base.groupedScores();
    for (int i = 0; i < bt.length; i++) {
      ids.add("c" + (i / 5));
      t.add(bt[i]);
      y.add(by[i] * 100 + 400); // reaction-time-like values
    }
    ids.add("single");
    t.add(2.0);
    y.add(900.0);
    GrowthData d = GrowthData.of(ids.toArray(new String[0]),
        t.stream().mapToDouble(Double::doubleValue).toArray(),
        y.stream().mapToDouble(Double::doubleValue).toArray());
    GrowthFit fit = GrowthModel.withDefaults().with(TimeBasis.LOG).fit(d);
    assertEquals(31, fit.clients());
    assertEquals(1, fit.clientEffects().get(30).observations());
    assertTrue(fit.convergence().converged());
  }

  @Test
  void fit_flagsZeroSlopeVarianceAsBoundaryNotError() {
    // No between-client slope variation at all: parallel lines plus noise.
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11);
    ContinuousSampler g = GaussianSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), 0, 1);
    int m = 15;
    String[] ids = new String[m * 3];
    double[] t = new double[m * 3];
    double[] y = new double[m * 3];
    for (int c = 0; c < m; c++) {
      double b0 = 5 * g.sample();
      for (int s = 0; s < 3; s++) {
        ids[3 * c + s] = "c" + c;
        t[3 * c + s] = s;
        y[3 * c + s] = 20 + b0 - s + 0.01 * g.sample();
      }
    }
    GrowthFit fit = GrowthModel.withDefaults().fit(GrowthData.of(ids, t, y));
    assertTrue(fit.isBoundary(), fit.toString());
    assertTrue(fit.boundary().contains(Boundary.ZERO_SLOPE_VARIANCE)
        || fit.boundary().contains(Boundary.PERFECT_CORRELATION), fit.boundary().toString());
  }

  @Test
  void fromCohort_usesSessionsAndScoresOfOneScale() {
    List<Trajectory> ts = new ArrayList<>();
    for (int c = 0; c < 6; c++) {
      ts.add(Trajectory.ofScores(ClientId.of("k" + c), Instruments.PHQ9, new int[] {0, 2, 4},
          new double[] {18 - c, 14 - c / 2.0, 11 + (c % 3)}));
    }
    GrowthData d = GrowthData.fromCohort(Cohort.of(ts), Instruments.PHQ9.id());
    assertEquals(18, d.size());
    assertEquals(6, d.clientCount());
    assertThrows(IllegalArgumentException.class,
        () -> GrowthData.fromCohort(Cohort.of(ts), "GAD-7"));
    GrowthFit fit = GrowthModel.withDefaults().with(RandomPart.INTERCEPT).fit(d);
    assertTrue(fit.fixedEffect("time").estimate() < 0);
    assertEquals(Instruments.PHQ9, fit.scale());
  }

  @Test
  void shiftingAllScores_shiftsOnlyTheIntercept() {
    GrowthData d = simulate(5, 40, 6);
    GrowthModel model = GrowthModel.withDefaults().with(TimeBasis.LOG);
    GrowthFit base = model.fit(d);
    qt().withExamples(8).forAll(doubles().between(-1e4, 1e4)).checkAssert(shift -> {
      GrowthFit f = model.fit(d.withScoresShifted(shift));
      assertEquals(base.beta()[0] + shift, f.beta()[0], 1e-8);
      // Other estimates: unchanged up to the optimiser's resolution of the flat optimum, about 1e-7 relative (the
      // shifted scores themselves carry rounding of order 1e-12 × |shift|).
      assertEquals(base.beta()[1], f.beta()[1], 1e-6);
      assertEquals(base.residualSd(), f.residualSd(), 1e-6 * base.residualSd());
      assertEquals(base.interceptSd(), f.interceptSd(), 1e-6 * base.interceptSd());
      assertEquals(base.slopeSd().orElseThrow(), f.slopeSd().orElseThrow(), 1e-6);
      assertEquals(base.logLik(), f.logLik(), 1e-6);
    });
  }

  @Test
  void relabellingAndReorderingClients_leavesEstimatesAndPredictionsUnchanged() {
    GrowthData d = simulate(9, 30, 5);
    double[] t = d.groupedTimes();
    double[] y = d.groupedScores();
    GrowthModel model = GrowthModel.withDefaults().with(TimeBasis.LOG);
    GrowthFit base = model.fit(d);
    qt().withExamples(5).forAll(integers().between(1, 1000)).checkAssert(seed -> {
      // new labels, and clients listed in a permuted order
      UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
      int m = d.clientCount();
      int[] perm = new int[m];
      for (int i = 0; i < m; i++) {
        perm[i] = i;
      }
      for (int i = m - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int tmp = perm[i];
        perm[i] = perm[j];
        perm[j] = tmp;
      }
      String[] ids = new String[t.length];
      double[] t2 = new double[t.length];
      double[] y2 = new double[t.length];
      int r = 0;
      for (int k = 0; k < m; k++) {
        int c = perm[k];
        for (int s = 0; s < 5; s++) {
          ids[r] = "new-" + (1000 - c) + "-" + seed;
          t2[r] = t[5 * c + s];
          y2[r] = y[5 * c + s];
          r++;
        }
      }
      GrowthFit f = model.fit(GrowthData.of(ids, t2, y2));
      for (double time : new double[] {0, 3, 10}) {
        assertEquals(base.predictPopulation(time), f.predictPopulation(time), 1e-6);
      }
      assertEquals(base.residualSd(), f.residualSd(), 1e-6);
      assertEquals(base.interceptSd(), f.interceptSd(), 1e-6);
      // BLUP of the same client under its new label
      ClientEffects before = base.clientEffects().get(perm[0]);
      ClientEffects after = f.clientEffects().get(0);
      assertEquals(before.intercept(), after.intercept(), 1e-5);
      assertEquals(before.slope(), after.slope(), 1e-5);
    });
  }

  @Test
  void toString_summarisesTheFit() {
    GrowthFit fit = GrowthModel.withDefaults().fit(Reference.sleepstudy());
    assertTrue(fit.toString().contains("intercept"));
    assertEquals(6, fit.parameterCount());
    assertEquals(List.of("intercept", "time"), fit.model().termNames());
  }

  @Test
  void modelsAndData_areValues_andEveryChoiceIsAnEnum() {
    GrowthModel a = GrowthModel.withDefaults().with(TimeBasis.LOG).with(Estimation.ML).with(RandomPart.INTERCEPT)
        .withCovariates("group").with(Interactions.COVARIATE_BY_TIME);
    GrowthModel b = GrowthModel.withDefaults().withCovariates("group").with(Interactions.COVARIATE_BY_TIME)
        .with(RandomPart.INTERCEPT).with(Estimation.ML).with(TimeBasis.LOG);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(List.of("intercept", "time", "group", "group:time"), a.termNames());
    assertEquals(Interactions.NONE, GrowthModel.withDefaults().interactions());
    GrowthData d1 = GrowthData.of(new String[] {"a", "a", "b"}, new double[] {0, 1, 0}, new double[] {3, 2, 4});
    GrowthData d2 = GrowthData.of(new String[] {"a", "a", "b"}, new double[] {0, 1, 0}, new double[] {3, 2, 4});
    assertEquals(d1, d2);
    assertEquals(d1.hashCode(), d2.hashCode());
    assertTrue(!d1.equals(d1.withScoresShifted(1)));
  }

  // ---------------------------------------------------------------- clients nested in therapists

  @Test
  void withClusters_rejectsAClientUnderTwoTherapists_namingTheClient() {
    GrowthData d = GrowthData.of(new String[] {"a", "a", "b", "b"}, new double[] {0, 1, 0, 1},
        new double[] {10, 8, 12, 9});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> d.withClusters(new String[] {"T1", "T2", "T1", "T1"}));
    assertTrue(e.getMessage().contains("client a is listed under two clusters: T1 (row 1) and"
        + " T2 (row 2)"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> d.withClusters(new String[] {"T1", "T1", " ", "T2"}));
    assertThrows(IllegalArgumentException.class, () -> d.withClusters(new String[] {"T1"}));
    assertThrows(IllegalStateException.class, () -> d.clusterOf(0));
  }

  @Test
  void fit_withClusterLevel_rejectsDataWithoutClustersOrWithOneTherapist() {
    GrowthData d = simulate(3, 12, 4);
    GrowthModel three = GrowthModel.withDefaults().with(ClusterPart.INTERCEPT);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> three.fit(d));
    assertTrue(e.getMessage().contains("withClusters"), e.getMessage());
    String[] one = new String[d.size()];
    Arrays.fill(one, "T1");
    e = assertThrows(IllegalArgumentException.class, () -> three.fit(d.withClusters(one)));
    assertTrue(e.getMessage().contains("at least 2 clusters") && e.getMessage().contains("T1"),
        e.getMessage());
  }

  /** The simulated panel with clients c0.. assigned to therapists round robin. */
  private static GrowthData clustered(long seed, int clients, int therapists) {
    GrowthData d = simulate(seed, clients, 5);
    String[] th = new String[d.size()];
    for (int i = 0; i < th.length; i++) {
      th[i] = "T" + (i / 5) % therapists;
    }
    return d.withClusters(th);
  }

  @Test
  void threeLevelFit_reportsTherapistSdAndBlups_andItsModelIsMarginalOverTherapists() {
    GrowthData d = clustered(5, 60, 6);
    GrowthFit fit = GrowthModel.withDefaults().with(ClusterPart.INTERCEPT)
        .with(TimeBasis.LOG).fit(d);
    assertEquals(6, fit.clusters());
    assertEquals(4, fit.theta().length);
    assertEquals(7, fit.parameterCount());
    double tau = fit.clusterInterceptSd().orElseThrow();
    assertEquals(6, fit.clusterEffects().size());
    assertEquals(10, fit.clusterEffects().get(0).clients());
    assertEquals(50, fit.clusterEffects().get(0).observations());
    double sum = fit.clusterEffects().stream().mapToDouble(ClusterEffects::intercept).sum();
    assertTrue(Math.abs(sum) < 1e-6 * 6 * Math.max(tau, 1), "BLUPs sum to ~0: " + sum);
    assertTrue(fit.toString().contains("cluster (therapist) SD"), fit.toString());
    double[][] marginal = io.candor.progress.ExpectedResponseModel.from(fit).randomCovariance()
        .stream().map(r -> r.stream().mapToDouble(Double::doubleValue).toArray())
        .toArray(double[][]::new);
    assertEquals(fit.randomCovariance()[0][0] + tau * tau, marginal[0][0], 1e-12);
    assertEquals(fit.randomCovariance()[1][1], marginal[1][1], 1e-12);
    GrowthFit two = GrowthModel.withDefaults().with(TimeBasis.LOG).fit(d);
    assertTrue(two.clusterInterceptSd().isEmpty());
    assertTrue(two.clusterEffects().isEmpty());
    assertTrue(fit.logLik() >= two.logLik() - 1e-9, "nested model cannot fit worse");
  }

  @Test
  void threeLevelFit_isInvariantToTherapistLabelsAndRowOrder() {
    qt().withExamples(8).forAll(integers().between(1, 1000)).checkAssert(seed -> {
      GrowthData d = clustered(seed, 24, 5);
      GrowthModel model = GrowthModel.withDefaults().with(ClusterPart.INTERCEPT)
          .with(RandomPart.INTERCEPT);
      GrowthFit base = model.fit(d);
      // reverse the rows and rename the therapists
      int n = d.size();
      String[] ids = new String[n];
      String[] th = new String[n];
      double[] t = d.groupedTimes();
      double[] y = d.groupedScores();
      double[] t2 = new double[n];
      double[] y2 = new double[n];
      String[] clientOfRow = new String[n];
      int r = 0;
      for (int c = 0; c < d.clientCount(); c++) {
        for (int i = 0; i < d.observations(c); i++) {
          clientOfRow[r++] = d.clients().get(c);
        }
      }
      for (int i = 0; i < n; i++) {
        int from = n - 1 - i;
        ids[i] = clientOfRow[from];
        th[i] = "renamed-" + d.clusterOf(d.clients().indexOf(clientOfRow[from]));
        t2[i] = t[from];
        y2[i] = y[from];
      }
      GrowthFit f = model.fit(GrowthData.of(ids, t2, y2).withClusters(th));
      assertEquals(base.deviance(), f.deviance(), 1e-8 * Math.abs(base.deviance()));
      assertEquals(base.clusterInterceptSd().orElseThrow(), f.clusterInterceptSd().orElseThrow(),
          1e-5 * (1 + base.residualSd()));
      for (ClusterEffects e : base.clusterEffects()) {
        ClusterEffects other = f.clusterEffects().stream()
            .filter(x -> x.cluster().equals("renamed-" + e.cluster())).findFirst().orElseThrow();
        assertEquals(e.intercept(), other.intercept(), 1e-4 * (1 + base.residualSd()));
      }
    });
  }

  // ---------------------------------------------------------------- numerical edge cases

  /** Each row's client id, in the grouped row order of {@code d}. */
  private static String[] rowClients(GrowthData d) {
    String[] ids = new String[d.size()];
    int r = 0;
    for (int c = 0; c < d.clientCount(); c++) {
      for (int i = 0; i < d.observations(c); i++) {
        ids[r++] = d.clients().get(c);
      }
    }
    return ids;
  }

  /**
   * Panels of 2 to 25 generated PHQ-9 trajectories (every {@code TrajectoryShape}, missed
   * sessions and dropout) as unbounded growth data.
   */
  private static org.quicktheories.core.Gen<GrowthData> panels() {
    return quick(rng -> {
      int m = 2 + rng.nextInt(24);
      List<String> ids = new ArrayList<>();
      List<Double> t = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (int c = 0; c < m; c++) {
        Trajectory tr = CandorGenerators.trajectory(Instruments.PHQ9).generate(rng);
        for (int i = 0; i < tr.size(); i++) {
          ids.add("c" + c);
          t.add((double) tr.sessionAt(i));
          y.add(tr.scoreAt(i));
        }
      }
      return GrowthData.of(ids.toArray(new String[0]),
          t.stream().mapToDouble(Double::doubleValue).toArray(),
          y.stream().mapToDouble(Double::doubleValue).toArray());
    });
  }

  private static GrowthData scaled(GrowthData d, double factor) {
    double[] y = d.groupedScores();
    for (int i = 0; i < y.length; i++) {
      y[i] *= factor;
    }
    return GrowthData.of(rowClients(d), d.groupedTimes(), y);
  }

  private static GrowthModel model(Estimation estimation, RandomPart random) {
    return GrowthModel.withDefaults().with(estimation).with(random);
  }

  /**
   * Scores multiplied by f: every fixed effect and SD is multiplied by f, and (as the density of
   * each score is divided by f) the log-likelihood falls by n·log f under ML and by (n − p)·log f
   * under REML, which moves AIC, BIC, the deviance and the REML criterion by twice that. Stated
   * tolerances (the optimiser resolves θ to about 1e-6 relative, and the estimates follow θ):
   * fixed effects to 1e-6 of (|estimate| + SE), SEs and SDs to 1e-5 of (SD + residual SD);
   * criteria to 1e-6 of the shift. A panel the model refuses is refused at every scale.
   */
  @Test
  void rescalingScoresBy1e8Or1eMinus8_scalesEstimatesAndSds_andShiftsCriteriaByTheLogFactor() {
    qt().withExamples(30).forAll(panels(), arbitrary().pick(1e-8, 1e8),
        arbitrary().enumValues(Estimation.class), arbitrary().enumValues(RandomPart.class))
        .checkAssert((d, f, estimation, random) -> {
          GrowthModel m = model(estimation, random);
          GrowthFit base;
          try {
            base = m.fit(d);
          } catch (IllegalArgumentException refused) {
            assertThrows(IllegalArgumentException.class, () -> m.fit(scaled(d, f)));
            return;
          }
          GrowthFit g = m.fit(scaled(d, f));
          for (int j = 0; j < base.beta().length; j++) {
            FixedEffect b = base.fixedEffects().get(j);
            FixedEffect s = g.fixedEffects().get(j);
            double tol = 1e-6 * (Math.abs(b.estimate()) + b.se());
            assertEquals(b.estimate(), s.estimate() / f, tol, b.term());
            assertEquals(b.se(), s.se() / f, 1e-5 * b.se(), b.term() + " SE");
          }
          double sdTol = 1e-5 * (base.interceptSd() + base.residualSd());
          assertEquals(base.residualSd(), g.residualSd() / f, 1e-5 * base.residualSd());
          assertEquals(base.interceptSd(), g.interceptSd() / f, sdTol);
          if (random == RandomPart.INTERCEPT_SLOPE) {
            assertEquals(base.slopeSd().orElseThrow(), g.slopeSd().orElseThrow() / f,
                1e-5 * (base.slopeSd().orElseThrow() + base.residualSd()));
          }
          int n = base.observations();
          int p = base.beta().length;
          double logShift = (estimation == Estimation.REML ? n - p : n) * Math.log(f);
          assertEquals(base.logLik() - logShift, g.logLik(), 1e-6 * (1 + Math.abs(logShift)));
          assertEquals(base.aic() + 2 * logShift, g.aic(), 1e-6 * (1 + Math.abs(logShift)));
          assertEquals(base.bic() + 2 * logShift, g.bic(), 1e-6 * (1 + Math.abs(logShift)));
          assertTrue(Double.isFinite(g.deviance()) && Double.isFinite(g.logLik()));
        });
  }

  @Test
  void fit_rejectsASingleClient_withEitherRandomPart() {
    GrowthData one = GrowthData.of(new String[] {"a", "a", "a", "a"},
        new double[] {0, 1, 2, 3}, new double[] {20, 15, 12, 10});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GrowthModel.withDefaults().with(RandomPart.INTERCEPT).fit(one));
    assertTrue(e.getMessage().contains("at least 2 clients; these data have 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> GrowthModel.withDefaults().fit(one));
    assertTrue(e.getMessage().contains("at least 3 clients observed at two or more different"
        + " times; these data have 1"), e.getMessage());
  }

  @Test
  void fit_refusesConstantScores_forEveryPanelAndModel() {
    qt().withExamples(30).forAll(panels(), integers().between(0, 27),
        arbitrary().enumValues(Estimation.class), arbitrary().enumValues(RandomPart.class))
        .checkAssert((d, value, estimation, random) -> {
          double[] y = new double[d.size()];
          Arrays.fill(y, value);
          GrowthData constant = GrowthData.of(rowClients(d), d.groupedTimes(), y);
          IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
              () -> model(estimation, random).fit(constant));
          assertTrue(!e.getMessage().isBlank());
        });
  }

  @Test
  void fit_refusesScoresTheModelReproducesExactly_ratherThanReportAnOptimisersStoppingPoint() {
    String[] ids = {"a", "a", "a", "b", "b", "b", "c", "c", "c", "d", "d", "d"};
    double[] t = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2};
    // every client constant, at different levels: a random intercept leaves no residual
    double[] flat = {7, 7, 7, 9, 9, 9, 4, 4, 4, 12, 12, 12};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GrowthModel.withDefaults().with(RandomPart.INTERCEPT)
            .fit(GrowthData.of(ids, t, flat)));
    assertTrue(e.getMessage().contains("the scores lie exactly on the model's lines")
        && e.getMessage().contains("every client's scores are constant"), e.getMessage());
    // parallel lines: a random intercept and the fixed slope reproduce them
    double[] parallel = {7, 6, 5, 8, 7, 6, 9, 8, 7, 10, 9, 8};
    assertThrows(IllegalArgumentException.class, () -> GrowthModel.withDefaults()
        .with(RandomPart.INTERCEPT).fit(GrowthData.of(ids, t, parallel)));
    // each client on a line of their own: a random slope reproduces them
    double[] lines = {7, 6, 5, 8, 8, 8, 9, 7, 5, 10, 11, 12};
    e = assertThrows(IllegalArgumentException.class,
        () -> GrowthModel.withDefaults().fit(GrowthData.of(ids, t, lines)));
    assertTrue(e.getMessage().contains("lie on a line of their own"), e.getMessage());
    // ... which a random intercept alone does not: a residual is left, and the fit is a result
    GrowthFit ri = GrowthModel.withDefaults().with(RandomPart.INTERCEPT)
        .fit(GrowthData.of(ids, t, lines));
    assertTrue(ri.residualSd() > 0.5, ri.toString());
    // one score off its line is enough for a fit
    double[] almost = lines.clone();
    almost[11] = 11.5;
    GrowthFit fit = GrowthModel.withDefaults().fit(GrowthData.of(ids, t, almost));
    assertTrue(fit.residualSd() > 0.01 && Double.isFinite(fit.logLik()), fit.toString());
  }

  @Test
  void fit_refusesEveryClientWithOneObservation() {
    qt().withExamples(30).forAll(panels(), arbitrary().enumValues(RandomPart.class))
        .checkAssert((d, random) -> {
          int m = d.clientCount();
          double[] t = new double[m];
          double[] y = new double[m];
          for (int c = 0; c < m; c++) {
            t[c] = d.groupedTimes()[d.starts()[c]];
            y[c] = d.groupedScores()[d.starts()[c]];
          }
          GrowthData single = GrowthData.of(d.clients().toArray(new String[0]), t, y);
          assertThrows(IllegalArgumentException.class,
              () -> GrowthModel.withDefaults().with(random).fit(single));
        });
  }

  @Test
  void fit_refusesCollinearCovariates_namingTheTermThatAddsNothing() {
    GrowthData d = simulate(21, 20, 4);
    qt().withExamples(20).forAll(doubles().between(-50, 50), doubles().between(-50, 50),
        integers().between(1, 1000)).assuming((a, b, seed) -> Math.abs(a) > 1e-3)
        .checkAssert((a, b, seed) -> {
          UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
          Map<String, Double> x = new java.util.HashMap<>();
          Map<String, Double> z = new java.util.HashMap<>();
          for (String c : d.clients()) {
            double v = 18 + rng.nextInt(60);
            x.put(c, v);
            z.put(c, a * v + b); // exactly determined by x and the intercept
          }
          GrowthData withBoth = d.withClientCovariate("age", x).withClientCovariate("z", z);
          IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
              () -> GrowthModel.withDefaults().withCovariates("age", "z").fit(withBoth));
          assertTrue(e.getMessage().contains("term z is (almost) a linear combination of the terms"
              + " before it [intercept, time, age]"), e.getMessage());
        });
  }

  @Test
  void threeLevelFit_refusesOneClientPerTherapist_asTherapistAndClientAreConfounded() {
    GrowthData d = simulate(2, 8, 4);
    String[] th = new String[d.size()];
    for (int i = 0; i < th.length; i++) {
      th[i] = "T" + i / 4; // therapist Tk has client ck only
    }
    for (RandomPart random : RandomPart.values()) {
      GrowthModel three = GrowthModel.withDefaults().with(ClusterPart.INTERCEPT)
          .with(random);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> three.fit(d.withClusters(th)));
      assertTrue(e.getMessage().contains("every cluster (therapist) has a single client"),
          e.getMessage());
    }
    // one therapist with two clients is enough to tell the two levels apart
    th[4] = "T0";
    th[5] = "T0";
    th[6] = "T0";
    th[7] = "T0";
    GrowthFit fit = GrowthModel.withDefaults().with(ClusterPart.INTERCEPT)
        .with(RandomPart.INTERCEPT).fit(d.withClusters(th));
    assertEquals(7, fit.clusters());
    assertTrue(Double.isFinite(fit.clusterInterceptSd().orElseThrow()));
  }

  // ---------------------------------------------------------------- identification limits

  private static String refusal(GrowthModel model, GrowthData data) {
    return assertThrows(IllegalArgumentException.class, () -> model.fit(data)).getMessage();
  }

  /** Clients a, b, c, ... with these numbers of rows at times 0, 1, 2, ... and noisy scores. */
  private static GrowthData rows(int... counts) {
    List<String> ids = new ArrayList<>();
    List<Double> t = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      for (int i = 0; i < counts[c]; i++) {
        ids.add(String.valueOf((char) ('a' + c)));
        t.add((double) i);
        y.add(10.0 + 3 * c - i + ((c * 7 + i * 3) % 5) * 0.37);
      }
    }
    return GrowthData.of(ids.toArray(new String[0]),
        t.stream().mapToDouble(Double::doubleValue).toArray(),
        y.stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Test
  void fit_atTheSmallestIdentifiableSizes_isAResult_andOneFewerIsRefusedByName() {
    GrowthModel intercept = GrowthModel.withDefaults().with(RandomPart.INTERCEPT);
    // a random intercept: 2 clients are enough
    assertEquals(2, intercept.fit(rows(4, 4)).clients());
    // a random slope: 3 clients seen at two or more times are enough (a fourth is seen once)
    assertEquals(4, GrowthModel.withDefaults().fit(rows(3, 3, 3, 1)).clients());
    assertTrue(refusal(GrowthModel.withDefaults(), rows(3, 3, 1, 1)).contains("a random slope"
        + " needs at least 3 clients observed at two or more different times; these data have"
        + " 2"));
    // statistics held elsewhere are checked alike
    GrowthData twoSlopes = rows(3, 3, 1, 1);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> GrowthModel.withDefaults()
        .fit(new InMemoryStatistics(GrowthModel.withDefaults(), twoSlopes))).getMessage()
        .contains("a random slope needs at least 3 clients"));
    // as many observations as random effects
    assertEquals("there are 6 observations but 6 random effects (2 per client for 3 clients):"
        + " the variance components cannot be identified; use fewer random effects or more data",
        refusal(GrowthModel.withDefaults(), rows(2, 2, 2)));
    assertTrue(refusal(intercept, GrowthData.of(new String[] {"a", "b", "c"},
        new double[] {0, 1, 2}, new double[] {4, 6, 3})).startsWith("there are 3 observations but 3"
        + " random effects (1 per client for 3 clients)"));
    // as many observations as fixed effects (5: intercept, time, time², x, z)
    GrowthData two = rows(3, 2).withClientCovariate("x", Map.of("a", 1.0, "b", 2.0))
        .withClientCovariate("z", Map.of("a", 3.0, "b", 5.0));
    assertEquals("there are 5 observations for 5 fixed effects; need more observations than"
        + " fixed effects", refusal(intercept.with(TimeBasis.QUADRATIC)
        .withCovariates("x", "z"), two));
  }

  @Test
  void fit_withAClusterLevel_checksCountsAndRankAsWithout() {
    // three clients, two therapists, only two clients seen twice: too few for a random slope
    GrowthData few = rows(3, 3, 1).withClusters(new String[] {"T1", "T1", "T1", "T1", "T1",
        "T1", "T2"});
    assertTrue(refusal(GrowthModel.withDefaults().with(ClusterPart.INTERCEPT), few)
        .contains("a random slope needs at least 3 clients"));
    // a covariate that is a multiple of another
    GrowthData d = clustered(8, 24, 3);
    Map<String, Double> x = new java.util.HashMap<>();
    Map<String, Double> z = new java.util.HashMap<>();
    for (int c = 0; c < d.clientCount(); c++) {
      x.put(d.clients().get(c), (double) (c % 4));
      z.put(d.clients().get(c), 2.0 * (c % 4));
    }
    GrowthData collinear = d.withClientCovariate("x", x).withClientCovariate("z", z);
    assertTrue(refusal(GrowthModel.withDefaults().with(ClusterPart.INTERCEPT)
        .withCovariates("x", "z"), collinear).contains("term z is (almost) a linear combination"
        + " of the terms before it [intercept, time, x]"));
    // two therapists are enough
    GrowthFit fit = GrowthModel.withDefaults().with(ClusterPart.INTERCEPT)
        .with(RandomPart.INTERCEPT).fit(clustered(8, 24, 2));
    assertEquals(2, fit.clusters());
  }

  @Test
  void fit_refusalsOfDegenerateScores_sayWhatIsDegenerate() {
    String[] ids = {"a", "a", "a", "b", "b", "b", "c", "c", "c"};
    double[] t = {0, 1, 2, 0, 1, 2, 0, 1, 2};
    double[] seven = new double[9];
    Arrays.fill(seven, 7);
    for (GrowthModel m : List.of(GrowthModel.withDefaults(),
        GrowthModel.withDefaults().with(RandomPart.INTERCEPT))) {
      assertEquals("every score is 7: with no variation there is nothing to model (the residual"
          + " SD would be 0)", refusal(m, GrowthData.of(ids, t, seven)));
    }
    // each client's own level on a common curve: a random intercept with a quadratic basis
    // reproduces it exactly
    double[] curve = new double[9];
    for (int i = 0; i < 9; i++) {
      curve[i] = 4 * (i / 3) + 10 - 3 * t[i] + 0.5 * t[i] * t[i];
    }
    assertEquals("the scores lie exactly on the model's lines: with an intercept of each"
        + " client's own, nothing is left over (the residual SD would be 0), so the variance"
        + " components cannot be estimated (as when every client's scores are constant)",
        refusal(GrowthModel.withDefaults().with(RandomPart.INTERCEPT)
            .with(TimeBasis.QUADRATIC), GrowthData.of(ids, t, curve)));
  }

  @Test
  void fit_namesTimesTooLargeToSquare_andTheFirstLargestValuesClient() {
    GrowthData d = rows(3, 3, 3, 3);
    double[] t = d.groupedTimes();
    t[4] = 1e200;
    String[] ids = rowClients(d);
    assertEquals("the times are too large to fit: their sum of squares overflows a double"
        + " (largest 1.0E200, client b); rescale the time column",
        refusal(GrowthModel.withDefaults(), GrowthData.of(ids, t, d.groupedScores())));
    // the largest score in the very first row, and a tie later: the first is named
    double[] y = d.groupedScores();
    y[0] = -1e300;
    y[7] = 1e300;
    assertEquals("the scores are too large to fit: their sum of squares overflows a double"
        + " (largest -1.0E300, client a); rescale the score column",
        refusal(GrowthModel.withDefaults(), GrowthData.of(ids, d.groupedTimes(), y)));
  }

  @Test
  void logBasis_refusesATimeOfMinusOne_byName_fromRowsAndFromStatistics() {
    GrowthData d = GrowthData.of(new String[] {"a", "a", "b", "b", "c", "c"},
        new double[] {-1, 1, 0, 1, 0, 2}, new double[] {1, 2, 3, 4, 2, 2});
    GrowthModel log = GrowthModel.withDefaults().with(TimeBasis.LOG).with(RandomPart.INTERCEPT);
    String message = "the log basis uses log(time + 1), so time must be > -1; was -1";
    assertEquals(message, refusal(log, d));
    assertEquals(message, assertThrows(IllegalArgumentException.class,
        () -> log.fit(new InMemoryStatistics(log, d))).getMessage());
    // the cluster route checks the rows alone
    GrowthModel clusteredLog = log.with(ClusterPart.INTERCEPT);
    GrowthData twoTherapists = d.withClusters(new String[] {"T1", "T1", "T1", "T1", "T2", "T2"});
    assertEquals(message, refusal(clusteredLog, twoTherapists));
    // just above -1 is a time like any other
    GrowthData near = GrowthData.of(new String[] {"a", "a", "b", "b", "c", "c"},
        new double[] {-0.5, 1, 0, 1, 0, 2}, new double[] {1, 2, 3, 4, 2, 2.5});
    assertEquals(3, log.fit(near).clients());
  }

  @Test
  void secondCovariateConstant_isNamed_fromRowsAndFromStatistics() {
    GrowthData d = simulate(6, 20, 4);
    Map<String, Double> age = new java.util.HashMap<>();
    Map<String, Double> same = new java.util.HashMap<>();
    for (int c = 0; c < d.clientCount(); c++) {
      age.put(d.clients().get(c), 20.0 + c);
      same.put(d.clients().get(c), 3.0);
    }
    GrowthData both = d.withClientCovariate("age", age).withClientCovariate("x", same);
    GrowthModel model = GrowthModel.withDefaults().withCovariates("age", "x");
    String message = "covariate x is the same for every client (3), so its effect cannot be"
        + " separated from the intercept";
    assertEquals(message, refusal(model, both));
    assertEquals(message, assertThrows(IllegalArgumentException.class,
        () -> model.fit(new InMemoryStatistics(model, both))).getMessage());
  }

  @Test
  void designRows_andTheDescriptionOfAModel() {
    GrowthModel m = GrowthModel.withDefaults().withPiecewise(2.5).with(ClusterPart.INTERCEPT)
        .withCovariates("age");
    assertEquals(ClusterPart.INTERCEPT, m.cluster());
    assertEquals(ClusterPart.NONE, GrowthModel.withDefaults().cluster());
    assertEquals("GrowthModel[PIECEWISE(knot 2.5), INTERCEPT_SLOPE, cluster INTERCEPT, REML,"
        + " terms [intercept, time, time_after_knot, age]]", m.toString());
    assertEquals("GrowthModel[LINEAR, INTERCEPT_SLOPE, REML, terms [intercept, time]]",
        GrowthModel.withDefaults().toString());
    assertTrue(Arrays.equals(new double[] {1, Math.log1p(3)},
        GrowthModel.withDefaults().with(TimeBasis.LOG).randomRow(3)));
    assertTrue(Arrays.equals(new double[] {1},
        GrowthModel.withDefaults().with(RandomPart.INTERCEPT).randomRow(3)));
    double[] x = new double[4];
    m.designRow(4, new double[] {30}, x);
    assertTrue(Arrays.equals(new double[] {1, 4, 1.5, 30}, x), Arrays.toString(x));
  }

  // ---------------------------------------------------------------- canonical order, accessors

  /** Ids that fall into two buckets only, so that each bucket holds many clients. */
  private static List<String> collidingIds(int count) {
    int b0 = GrowthRows.bucket("p0");
    int b1 = GrowthRows.bucket("p1");
    List<String> ids = new ArrayList<>();
    for (int i = 0; ids.size() < count; i++) {
      int b = GrowthRows.bucket("p" + i);
      if (b == b0 || b == b1) {
        ids.add("p" + i);
      }
    }
    return ids;
  }

  /**
   * The fit of rows without a cluster level does not depend on the order the rows come in: the
   * clients of a bucket are taken in id order and each client's rows by time (then score), so
   * clients listed in reverse with their rows latest first give the same bits, and the intake
   * range is that of each client's earliest score (the lowest of two at the same time).
   */
  @Test
  void fit_ofTheSameRowsInAnyOrder_isTheSameToTheLastBit() {
    List<String> ids = collidingIds(24);
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(17);
    int k = 5;
    double[][] y = new double[ids.size()][k];
    double lowIntake = Double.POSITIVE_INFINITY;
    double highIntake = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < ids.size(); c++) {
      double level = 15 + 6 * rng.nextDouble();
      for (int s = 0; s < k; s++) {
        y[c][s] = level - s * (1 + rng.nextDouble()) + 2 * rng.nextDouble();
      }
    }
    // client 0 has a second row at time 0, scored much lower: that is its intake
    List<String> idA = new ArrayList<>();
    List<Double> tA = new ArrayList<>();
    List<Double> yA = new ArrayList<>();
    for (int c = 0; c < ids.size(); c++) {
      for (int s = 0; s < k; s++) {
        idA.add(ids.get(c));
        tA.add((double) s);
        yA.add(y[c][s]);
      }
      double intake = y[c][0];
      if (c == 0) {
        idA.add(ids.get(c));
        tA.add(0.0);
        yA.add(y[c][0] - 40);
        intake = y[c][0] - 40; // the lowest intake of all
      }
      lowIntake = Math.min(lowIntake, intake);
      highIntake = Math.max(highIntake, intake);
    }
    int n = idA.size();
    String[] ia = idA.toArray(new String[0]);
    double[] ta = tA.stream().mapToDouble(Double::doubleValue).toArray();
    double[] ya = yA.stream().mapToDouble(Double::doubleValue).toArray();
    String[] ib = new String[n];
    double[] tb = new double[n];
    double[] yb = new double[n];
    for (int i = 0; i < n; i++) {
      ib[i] = ia[n - 1 - i];
      tb[i] = ta[n - 1 - i];
      yb[i] = ya[n - 1 - i];
    }
    for (GrowthModel model : List.of(GrowthModel.withDefaults(),
        GrowthModel.withDefaults().with(RandomPart.INTERCEPT).with(TimeBasis.QUADRATIC))) {
      GrowthFit a = model.fit(GrowthData.of(ia, ta, ya));
      GrowthFit b = model.fit(GrowthData.of(ib, tb, yb));
      assertTrue(Arrays.equals(a.beta(), b.beta()), model.toString());
      assertTrue(Arrays.equals(a.theta(), b.theta()), model.toString());
      assertEquals(a.deviance(), b.deviance());
      assertEquals(new io.candor.model.DataRange(lowIntake, highIntake), a.firstScoreRange());
      assertEquals(a.firstScoreRange(), b.firstScoreRange());
      assertEquals(new io.candor.model.DataRange(0, k - 1), b.timeRange());
      for (ClientEffects e : a.clientEffects()) {
        ClientEffects other = b.clientEffects().stream()
            .filter(x -> x.client().equals(e.client())).findFirst().orElseThrow();
        assertEquals(e, other);
      }
    }
    // the rows route of a clustered fit takes the same intake
    String[] th = new String[n];
    for (int i = 0; i < n; i++) {
      th[i] = "T" + ids.indexOf(ib[i]) % 3;
    }
    GrowthFit three = GrowthModel.withDefaults().with(ClusterPart.INTERCEPT)
        .with(RandomPart.INTERCEPT).fit(GrowthData.of(ib, tb, yb).withClusters(th));
    assertEquals(new io.candor.model.DataRange(lowIntake, highIntake), three.firstScoreRange());
  }

  @Test
  void fitAccessors_agreeWithEachOther() {
    GrowthData d = simulate(12, 40, 5);
    Map<String, Double> age = new java.util.HashMap<>();
    for (int c = 0; c < d.clientCount(); c++) {
      age.put(d.clients().get(c), 20.0 + (c * 7) % 30);
    }
    GrowthFit fit = GrowthModel.withDefaults().with(TimeBasis.LOG).withCovariates("age")
        .fit(d.withClientCovariate("age", age));
    double[][] v = fit.fixedCovariance();
    assertEquals(3, v.length);
    for (int j = 0; j < 3; j++) {
      FixedEffect f = fit.fixedEffects().get(j);
      assertEquals(f.se() * f.se(), v[j][j], 1e-12 * v[j][j]);
      assertEquals(f.estimate() / f.se(), f.t(), 1e-12 * Math.abs(f.t()));
      for (int l = 0; l < 3; l++) {
        assertEquals(v[j][l], v[l][j], 1e-12 * Math.sqrt(v[j][j] * v[l][l]));
      }
    }
    assertTrue(v[0][1] != 0);
    double[][] dd = fit.randomCovariance();
    assertEquals(fit.interceptSd() * fit.interceptSd(), dd[0][0], 1e-12 * dd[0][0]);
    assertEquals(Math.pow(fit.slopeSd().orElseThrow(), 2), dd[1][1], 1e-12 * dd[1][1]);
    double cov = fit.correlation().orElseThrow() * fit.interceptSd() * fit.slopeSd().orElseThrow();
    assertEquals(cov, dd[0][1], 1e-12 * Math.abs(cov));
    assertEquals(dd[0][1], dd[1][0]);
    double expected = fit.beta()[0] + fit.beta()[1] * Math.log1p(3) + fit.beta()[2] * 31;
    assertEquals(expected, fit.predictPopulation(3, 31), 1e-12 * Math.abs(expected));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> fit.predictPopulation(3));
    assertEquals("expected 1 covariate values [age], got 0", e.getMessage());
    String text = fit.toString();
    assertTrue(text.startsWith("Linear mixed-effects growth model, REML, 200 observations of 40"
        + " clients\n"), text);
    assertTrue(text.contains(", slope SD ") && text.contains(", correlation ")
        && !text.contains("cluster") && !text.contains("boundary"), text);
    GrowthFit ri = GrowthModel.withDefaults().with(RandomPart.INTERCEPT).fit(d);
    assertEquals(1, ri.randomCovariance().length);
    assertTrue(ri.correlation().isEmpty() && ri.slopeSd().isEmpty());
    assertTrue(!ri.toString().contains("slope SD") && !ri.toString().contains("correlation"),
        ri.toString());
    GrowthFit three = GrowthModel.withDefaults().with(ClusterPart.INTERCEPT)
        .fit(clustered(5, 30, 3));
    assertTrue(three.toString().contains("observations of 30 clients in 3 clusters\n"),
        three.toString());
  }

  @Test
  void data_refusalsNameTheRowAndTheClient() {
    assertEquals("client id in row 2 must not be blank", assertThrows(
        IllegalArgumentException.class, () -> GrowthData.of(new String[] {"a", " "},
            new double[] {0, 1}, new double[] {1, 2})).getMessage());
    assertEquals("time in row 2 (client b) must be finite, was NaN", assertThrows(
        IllegalArgumentException.class, () -> GrowthData.of(new String[] {"a", "b"},
            new double[] {0, Double.NaN}, new double[] {1, 2})).getMessage());
    GrowthData d = GrowthData.of(new String[] {"a", "b", "b"}, new double[] {0, 0, 1},
        new double[] {1, 2, 3});
    assertEquals("covariate age in row 3 (client b) must be finite, was Infinity",
        assertThrows(IllegalArgumentException.class, () -> d.withCovariate("age",
            new double[] {1, 2, Double.POSITIVE_INFINITY})).getMessage());
    assertEquals("covariate age must be the same on every row of a client; client b has 2 and 4"
        + " (row 3)", assertThrows(IllegalArgumentException.class,
            () -> d.withCovariate("age", new double[] {1, 2, 4})).getMessage());
    assertEquals("cluster id in row 3 (client b) must not be blank", assertThrows(
        IllegalArgumentException.class, () -> d.withClusters(new String[] {"T", "T", ""}))
        .getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> d.withClientCovariate("time", Map.of("a", 1.0, "b", 2.0)));
    assertEquals("GrowthData[3 observations, 2 clients]", d.toString());
    assertEquals("GrowthData[3 observations, 2 clients in 1 clusters, covariates [age]]",
        d.withCovariate("age", new double[] {1, 2, 2}).withClusters(new String[] {"T", "T", "T"})
            .toString());
  }

  @Test
  void data_onAScale_refuseScoresOutsideItNamingClientAndTime() {
    GrowthData d = GrowthData.of(new String[] {"a", "b", "b"}, new double[] {0, 0, 2},
        new double[] {20, 12, 28});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> d.withScale(Instruments.PHQ9));
    assertTrue(e.getMessage().contains("score of client b at time 2"), e.getMessage());
    GrowthData inRange = GrowthData.of(new String[] {"a", "b", "b"}, new double[] {0, 0, 2},
        new double[] {20, 12, 27});
    assertEquals(Instruments.PHQ9, inRange.withScale(Instruments.PHQ9).scale());
  }
}
