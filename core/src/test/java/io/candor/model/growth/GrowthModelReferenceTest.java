package io.candor.model.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agreement with lme4 1.1-31 on the reference set written by
 * {@code src/test/resources/reference/growth/make_reference.R}.
 */
class GrowthModelReferenceTest {

  /** Relative tolerance for estimates (lme4 itself is converged to about this). */
  private static final double TOL = 2e-6;

  @Test
  void sleepstudy_reml_matchesPublishedLme4Figures() {
    GrowthFit fit = GrowthModel.withDefaults().fit(Reference.sleepstudy());
    assertEquals(1743.628, fit.remlCriterion().orElseThrow(), 0.0005);
    assertEquals(251.405, fit.fixedEffect("intercept").estimate(), 0.0005);
    assertEquals(6.825, fit.fixedEffect("intercept").se(), 0.0005);
    assertEquals(10.467, fit.fixedEffect("time").estimate(), 0.0005);
    assertEquals(1.546, fit.fixedEffect("time").se(), 0.0005);
    // lme4 1.1-31 gives 24.74045 (reference file); the issue quotes 24.741 as printed by older lme4.
    assertEquals(24.741, fit.interceptSd(), 0.001);
    assertEquals(5.922, fit.slopeSd().orElseThrow(), 0.0005);
    assertEquals(0.066, fit.correlation().orElseThrow(), 0.0005);
    assertEquals(25.592, fit.residualSd(), 0.0005);
    assertTrue(fit.convergence().converged());
    assertFalse(fit.isBoundary());
  }

  static Stream<Arguments> cases() {
    GrowthModel d = GrowthModel.withDefaults();
    return Stream.of(
        Arguments.of("sleepstudy_reml", d, false),
        Arguments.of("sleepstudy_ml", d.with(Estimation.ML), false),
        Arguments.of("sleepstudy_intercept", d.with(RandomPart.INTERCEPT), false),
        Arguments.of("dropout_linear", d, true),
        Arguments.of("dropout_log", d.with(TimeBasis.LOG), true),
        Arguments.of("dropout_log_ml", d.with(TimeBasis.LOG).with(Estimation.ML),
            true),
        Arguments.of("dropout_quadratic", d.with(TimeBasis.QUADRATIC), true),
        Arguments.of("dropout_piecewise", d.withPiecewise(4), true),
        Arguments.of("dropout_interaction", d.with(TimeBasis.LOG)
            .withCovariates("severe", "age").with(Interactions.COVARIATE_BY_TIME), true),
        Arguments.of("dropout_intercept", d.with(TimeBasis.LOG)
            .with(RandomPart.INTERCEPT), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fit_agreesWithLme4(String name, GrowthModel model, boolean dropout) {
    Properties r = Reference.properties(name);
    GrowthFit fit = model.fit(dropout ? Reference.dropout() : Reference.sleepstudy());
    Reference.assertFixedPartAndCriteria(r, fit, TOL);
    close(Reference.num(r, "sd.0"), fit.interceptSd(), "sd.0");
    if (model.random() == RandomPart.INTERCEPT_SLOPE) {
      close(Reference.num(r, "sd.1"), fit.slopeSd().orElseThrow(), "sd.1");
      close(Reference.num(r, "cor"), fit.correlation().orElseThrow(), "cor");
    }
    for (int g = 0; g < 3; g++) {
      String id = r.getProperty("blup." + g + ".id");
      ClientEffects e = fit.clientEffects().stream().filter(c -> c.client().equals(id))
          .findFirst().orElseThrow();
      closeAbs(Reference.num(r, "blup." + g + ".0"), e.intercept(), fit.interceptSd(), "blup0");
      close(Reference.num(r, "blup." + g + ".var.0"), e.interceptVariance(), "blupvar0");
      if (model.random() == RandomPart.INTERCEPT_SLOPE) {
        closeAbs(Reference.num(r, "blup." + g + ".1"), e.slope(), fit.slopeSd().orElseThrow(),
            "blup1");
        close(Reference.num(r, "blup." + g + ".var.1"), e.slopeVariance(), "blupvar1");
      }
    }
  }

  private static void close(double expected, double actual, String what) {
    Reference.assertRelative(expected, actual, TOL, what);
  }

  private static void closeAbs(double expected, double actual, double scale, String what) {
    assertEquals(expected, actual, TOL * scale, what);
  }
}
