package io.candor.model.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

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
  }

  @Test
  void configuration_comparesByValue() {
    assertEquals(RandomInterceptRegression.withDefaults(),
        RandomInterceptRegression.withDefaults().with(Estimation.REML));
    assertEquals(Estimation.ML,
        RandomInterceptRegression.withDefaults().with(Estimation.ML).estimation());
    assertTrue(RandomInterceptRegression.withDefaults().toString().contains("REML"));
  }
}
