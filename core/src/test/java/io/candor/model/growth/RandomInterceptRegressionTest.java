package io.candor.model.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RandomInterceptRegressionTest {

  private static final String[] CLUSTERS = {"a", "a", "a", "b", "b", "c", "c", "c"};
  private static final double[] X = {1, 2, 3, 1, 4, 2, 5, 3};
  private static final double[] Y = {2.1, 3.9, 6.2, 3.0, 8.8, 2.2, 7.9, 4.5};

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void fit_givesTheIccAndAnIntervalAroundIt() {
    RandomInterceptFit fit = RandomInterceptRegression.withDefaults()
        .fit(CLUSTERS, Y, List.of("x"), List.of(X));
    assertEquals(3, fit.clusters());
    assertEquals(8, fit.observations());
    assertEquals(List.of("intercept", "x"),
        fit.fixedEffects().stream().map(FixedEffect::term).toList());
    double tau2 = fit.clusterSd() * fit.clusterSd();
    assertEquals(tau2 / (tau2 + fit.residualSd() * fit.residualSd()), fit.icc(), 1e-12);
    assertTrue(fit.iccLower() <= fit.icc() && fit.icc() <= fit.iccUpper());
    assertTrue(fit.fixedEffect("x").estimate() > 1.5);
    RandomInterceptFit narrower = RandomInterceptRegression.withDefaults()
        .withConfidenceLevel(0.5).fit(CLUSTERS, Y, List.of("x"), List.of(X));
    assertTrue(narrower.iccUpper() <= fit.iccUpper());
  }

  @Test
  void fit_rejectsBadInput_namingTheValue() {
    RandomInterceptRegression r = RandomInterceptRegression.withDefaults();
    assertTrue(message(() -> r.fit(new String[] {"a", "a", "a"}, new double[] {1, 2, 3},
        List.of(), List.of())).contains("at least 2 clusters; the data have 1 (a)"));
    assertTrue(message(() -> r.fit(new String[] {"a", "b"}, new double[] {1, 2}, List.of(),
        List.of())).contains("2 rows for 2 clusters"));
    double[] constant = {4, 4, 4, 4, 4, 4, 4, 4};
    assertTrue(message(() -> r.fit(CLUSTERS, Y, List.of("x"), List.of(constant)))
        .contains("predictor x is the same in every row (4)"));
    double[] twice = X.clone();
    for (int i = 0; i < twice.length; i++) {
      twice[i] *= 2;
    }
    assertTrue(message(() -> r.fit(CLUSTERS, Y, List.of("x", "x2"), List.of(X, twice)))
        .contains("term x2 is (almost) a linear combination"));
    assertTrue(message(() -> r.fit(CLUSTERS, Y, List.of("x"), List.of(new double[] {1})))
        .contains("has 1 values"));
    double[] nan = Y.clone();
    nan[2] = Double.NaN;
    assertTrue(message(() -> r.fit(CLUSTERS, nan, List.of(), List.of())).contains("row 3"));
    String[] blank = CLUSTERS.clone();
    blank[0] = "";
    assertTrue(message(() -> r.fit(blank, Y, List.of(), List.of())).contains("row 1"));
    assertThrows(IllegalArgumentException.class, () -> r.withConfidenceLevel(1.5));
    assertEquals("there are 3 rows for 3 fixed effects; need more rows than fixed effects",
        message(() -> r.fit(new String[] {"a", "a", "b"}, new double[] {1, 2, 4},
            List.of("x", "z"), List.of(new double[] {1, 2, 3}, new double[] {2, 1, 5}))));
    assertEquals("predictor x in row 2 must be finite, was NaN", message(() -> r.fit(CLUSTERS, Y,
        List.of("x"), List.of(new double[] {1, Double.NaN, 3, 1, 4, 2, 5, 3}))));
    assertEquals("a random intercept per cluster needs at least 2 clusters; the data have 0",
        message(() -> r.fit(new String[0], new double[0], List.of("x"),
            List.of(new double[0]))));
  }

  @Test
  void configuration_comparesByValue() {
    assertEquals(RandomInterceptRegression.withDefaults(),
        RandomInterceptRegression.withDefaults().with(Estimation.REML));
    assertEquals(Estimation.ML,
        RandomInterceptRegression.withDefaults().with(Estimation.ML).estimation());
    assertTrue(RandomInterceptRegression.withDefaults().toString().contains("REML"));
  }

  /**
   * lme4 1.1-31 on {@code reference/therapists/prepost.csv} ({@code lmer(post ~ pre (+ age) +
   * (1 | therapist))}, the ICC interval from lme4's own deviance function; see the files'
   * headers): fixed effects, SEs and t values, both SDs, θ, the criterion, the ICC with its
   * interval, and every therapist's BLUP and conditional variance, in first-seen order.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"te_reml, REML, ''", "te_ml, ML, ''", "te_age_reml, REML, age"})
  void fit_agreesWithLme4_onThePrePostData(String name, Estimation estimation, String extra) {
    Properties r = Reference.properties("therapists", name);
    List<String[]> rows = Reference.csv("therapists", "prepost.csv");
    String[] therapists = Reference.strings(rows, "therapist");
    List<String> names = new ArrayList<>(List.of("pre"));
    List<double[]> predictors = new ArrayList<>(List.of(Reference.doubles(rows, "pre")));
    if (!extra.isEmpty()) {
      names.add(extra);
      predictors.add(Reference.doubles(rows, extra));
    }
    RandomInterceptFit fit = RandomInterceptRegression.withDefaults().with(estimation)
        .fit(therapists, Reference.doubles(rows, "post"), names, predictors);
    double tol = 1e-6;
    assertEquals(estimation, fit.estimation());
    assertEquals(rows.size() - 1, fit.observations());
    assertEquals(1 + names.size(), fit.fixedEffects().size());
    for (int j = 0; j < fit.fixedEffects().size(); j++) {
      FixedEffect f = fit.fixedEffects().get(j);
      Reference.assertRelative(Reference.num(r, "fixef." + j), f.estimate(), tol, "fixef." + j);
      Reference.assertRelative(Reference.num(r, "se." + j), f.se(), tol, "se." + j);
      assertEquals(f.estimate() / f.se(), f.t(), 1e-12 * Math.abs(f.t()), "t." + j);
    }
    assertEquals(fit.fixedEffects().get(1), fit.fixedEffect("pre"));
    Reference.assertRelative(Reference.num(r, "therapist.sd"), fit.clusterSd(), tol, "tau");
    Reference.assertRelative(Reference.num(r, "sigma"), fit.residualSd(), tol, "sigma");
    Reference.assertRelative(Reference.num(r, "theta"), fit.theta(), tol, "theta");
    Reference.assertRelative(Reference.num(r, "logLik"), fit.logLik(), 1e-9, "logLik");
    Reference.assertRelative(Reference.num(r, "deviance"), fit.deviance(), 1e-9, "deviance");
    Reference.assertRelative(Reference.num(r, "icc"), fit.icc(), tol, "icc");
    Reference.assertRelative(Reference.num(r, "icc.lower"), fit.iccLower(), tol, "icc lower");
    Reference.assertRelative(Reference.num(r, "icc.upper"), fit.iccUpper(), tol, "icc upper");
    assertEquals(0.95, fit.confidenceLevel());
    assertTrue(!fit.boundary() && fit.convergence().converged(), fit.toString());

    List<String[]> blups = Reference.csv("therapists", name + "_therapists.csv");
    String[] ids = Reference.strings(blups, "therapist");
    double[] b = Reference.doubles(blups, "b");
    double[] v = Reference.doubles(blups, "v");
    assertEquals(ids.length, fit.clusters());
    assertEquals(ids.length, fit.clusterEffects().size());
    List<String> firstSeen = new ArrayList<>();
    for (String t : therapists) {
      if (!firstSeen.contains(t)) {
        firstSeen.add(t);
      }
    }
    int rowsSeen = 0;
    for (int c = 0; c < fit.clusters(); c++) {
      ClusterEffects e = fit.clusterEffects().get(c);
      assertEquals(firstSeen.get(c), e.cluster());
      int j = List.of(ids).indexOf(e.cluster());
      assertEquals(b[j], e.intercept(), tol * fit.clusterSd(), e.cluster() + " BLUP");
      Reference.assertRelative(v[j], e.interceptVariance(), tol, e.cluster() + " variance");
      long count = java.util.Arrays.stream(therapists).filter(e.cluster()::equals).count();
      assertEquals(count, e.observations(), e.cluster());
      assertEquals(count, e.clients(), e.cluster());
      rowsSeen += e.observations();
    }
    assertEquals(fit.observations(), rowsSeen);
  }

  @Test
  void iccInterval_startsAtZero_whenTheClustersDoNotDiffer() {
    // every cluster has the same outcomes: the between-cluster variance is estimated as 0
    String[] clusters = {"a", "a", "a", "b", "b", "b", "c", "c", "c"};
    double[] y = {1, 4, 2, 2, 1, 4, 4, 2, 1};
    RandomInterceptFit fit = RandomInterceptRegression.withDefaults()
        .fit(clusters, y, List.of(), List.of());
    assertEquals(0, fit.theta(), 1e-6);
    assertTrue(fit.boundary(), fit.toString());
    assertEquals(0, fit.iccLower());
    assertTrue(fit.iccUpper() > 0 && fit.iccUpper() < 1, fit.toString());
    assertEquals(List.of("intercept"), fit.fixedEffects().stream().map(FixedEffect::term).toList());
    assertEquals(7.0 / 3, fit.fixedEffect("intercept").estimate(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> fit.fixedEffect("pre"));
  }

  @Test
  void fitRecord_needsMoreRowsThanClusters_andTheIccInsideItsInterval() {
    RandomInterceptFit f = RandomInterceptRegression.withDefaults()
        .fit(CLUSTERS, Y, List.of("x"), List.of(X));
    assertEquals(4, copy(f, 4, f.icc(), f.icc(), f.icc()).observations());
    assertTrue(message(() -> copy(f, 3, f.icc(), f.iccLower(), f.iccUpper()))
        .contains("observations"));
    // the interval may end at the estimate
    assertEquals(f.icc(), copy(f, 8, f.icc(), f.icc(), f.iccUpper()).iccLower());
    assertEquals(f.icc(), copy(f, 8, f.icc(), f.iccLower(), f.icc()).iccUpper());
    assertTrue(message(() -> copy(f, 8, f.iccUpper() + 0.01, f.iccLower(), f.iccUpper()))
        .startsWith("icc "));
    assertTrue(message(() -> copy(f, 8, f.iccLower() / 2, f.iccLower(), f.iccUpper()))
        .startsWith("icc "));
    assertTrue(f.toString().startsWith("RandomInterceptFit[REML, 8 rows in 3 clusters, "),
        f.toString());
    assertEquals(0.95, RandomInterceptRegression.withDefaults().confidenceLevel());
    assertTrue(!RandomInterceptRegression.withDefaults()
        .equals(RandomInterceptRegression.withDefaults().withConfidenceLevel(0.9)));
    assertTrue(!RandomInterceptRegression.withDefaults()
        .equals(RandomInterceptRegression.withDefaults().with(Estimation.ML)));
    assertEquals(RandomInterceptRegression.withDefaults().withConfidenceLevel(0.9).hashCode(),
        RandomInterceptRegression.withDefaults().withConfidenceLevel(0.9).hashCode());
  }

  private static RandomInterceptFit copy(RandomInterceptFit f, int observations, double icc,
      double lower, double upper) {
    return new RandomInterceptFit(f.estimation(), observations, f.clusters(), f.fixedEffects(),
        f.clusterSd(), f.residualSd(), icc, lower, upper, f.confidenceLevel(), f.logLik(),
        f.deviance(), f.theta(), f.clusterEffects(), f.boundary(), f.convergence());
  }
}
