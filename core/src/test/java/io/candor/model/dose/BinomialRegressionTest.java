package io.candor.model.dose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinomialRegressionTest {

  private static final double[] SESSIONS = {1, 1, 2, 2, 3, 4, 4, 6, 8, 8, 10, 12, 12, 16, 20};
  private static final boolean[] IMPROVED = {false, false, false, true, false, true, false, true,
      true, false, true, true, true, false, true};

  @Test
  void fit_onLogSessions_isTheDoseEffectFit() {
    double[] log = new double[SESSIONS.length];
    for (int i = 0; i < log.length; i++) {
      log[i] = Math.log(SESSIONS[i]);
    }
    for (Link link : Link.values()) {
      BinomialRegressionFit g = BinomialRegression.withDefaults().with(link)
          .fit(IMPROVED, List.of("log(sessions)"), List.of(log));
      DoseEffectFit d = DoseEffect.withDefaults().with(link).fitClients(SESSIONS, IMPROVED);
      assertEquals(d.intercept().estimate(), g.coefficients().get(0).estimate(), 1e-12);
      assertEquals(d.slope().estimate(), g.coefficients().get(1).estimate(), 1e-12);
      assertEquals(d.slope().stdErr(), g.coefficients().get(1).stdErr(), 1e-12);
      assertEquals(d.deviance(), g.deviance(), 1e-10);
      assertEquals(d.aic(), g.aic(), 1e-10);
      assertEquals(d.proportionAt(5), g.probability(Math.log(5)), 1e-12);
    }
  }

  @Test
  void fit_rejectsBadInput_namingIt() {
    BinomialRegression b = BinomialRegression.withDefaults();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.fit(new boolean[] {true, true, true, true}, List.of("x"),
            List.of(new double[] {1, 2, 3, 4})));
    assertTrue(e.getMessage().contains("present in all 4 cases"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> b.fit(
        new boolean[] {true, false, true, false}, List.of("x"), List.of(new double[] {2, 2, 2, 2})));
    assertTrue(e.getMessage().contains("predictor x is the same for every case (2)"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> b.fit(
        new boolean[] {true, false, true, false}, List.of("x"), List.of(new double[] {1, 2})));
    assertTrue(e.getMessage().contains("2 values for 4 cases"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.fit(new boolean[] {true, false},
        List.of("x"), List.of(new double[] {1, 2})));
    BinomialRegressionFit fit = b.fit(IMPROVED, List.of("s"), List.of(SESSIONS));
    e = assertThrows(IllegalArgumentException.class, () -> fit.probability(1, 2));
    assertEquals("expected 1 predictor values [s], got 2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> b.fit(
        new boolean[] {true, false, true}, List.of("x"), List.of(new double[] {1, Double.NaN, 3})));
    assertEquals("predictor x for case 2 must be finite, was NaN", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.withEpsilon(0));
    assertEquals(b, BinomialRegression.withDefaults().with(Link.LOGIT));
  }

  @Test
  void fitters_areValues_thatKeepEverySetting() {
    BinomialRegression a = BinomialRegression.withDefaults().with(Link.PROBIT).withEpsilon(1e-9)
        .withMaxIterations(40);
    BinomialRegression b = BinomialRegression.withDefaults().withMaxIterations(40)
        .withEpsilon(1e-9).with(Link.PROBIT);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(Link.PROBIT, a.link());
    assertEquals("BinomialRegression[PROBIT, epsilon 1.0E-9, at most 40 iterations]",
        a.toString());
    assertNotEquals(a, a.with(Link.LOGIT));
    assertNotEquals(a, a.withEpsilon(1e-8));
    assertNotEquals(a, a.withMaxIterations(41));
    assertNotEquals(a.hashCode(), a.withMaxIterations(41).hashCode());
    assertThrows(IllegalArgumentException.class, () -> a.withMaxIterations(0));
    BinomialRegressionFit once = a.withMaxIterations(1).fit(IMPROVED, List.of("s"),
        List.of(SESSIONS));
    assertEquals(1, once.convergence().iterations());
    assertEquals("IRLS did not converge in 1 iterations", once.convergence().message());
    assertTrue(once.coefficients().get(1).estimate() > 0, "one IRLS step moves the slope");
  }

  @Test
  void separation_isReportedOnlyWhenAFittedProbabilityIsNumerically0Or1() {
    // R: glm warns "fitted probabilities numerically 0 or 1 occurred" when a fitted mean is
    // within 10 * .Machine$double.eps of 0 or 1
    for (Link link : Link.values()) {
      BinomialRegression b = BinomialRegression.withDefaults().with(link);
      BinomialRegressionFit mixed = b.fit(IMPROVED, List.of("s"), List.of(SESSIONS));
      assertFalse(mixed.separation(), mixed.convergence().message());
      assertFalse(mixed.convergence().message().contains("numerically"));
      BinomialRegressionFit separated = b.fit(new boolean[] {false, false, false, true, true, true},
          List.of("s"), List.of(new double[] {1, 2, 3, 4, 5, 6}));
      assertTrue(separated.separation(), link.toString());
      assertTrue(separated.convergence().message()
          .endsWith("; fitted probabilities numerically 0 or 1 occurred"),
          separated.convergence().message());
    }
  }
}
