package io.candor.model.therapist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.model.growth.Estimation;
import io.candor.model.growth.Reference;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Therapist effects on end scores agree with lme4 1.1-31 ({@code lmer(post ~ pre + (1 |
 * therapist))} and with {@code age}) on {@code reference/therapists/prepost.csv}: fixed effects and
 * SEs, therapist and residual SDs, the criterion, the ICC and its profile-likelihood interval
 * (computed in R from lme4's own deviance function), and every therapist's BLUP and conditional
 * variance, including therapists with one and two clients.
 */
class TherapistEffectsReferenceTest {

  private static final double TOL = 1e-6;

  static Stream<Arguments> cases() {
    TherapistEffects d = TherapistEffects.withDefaults();
    return Stream.of(
        Arguments.of("te_reml", d),
        Arguments.of("te_ml", d.with(Estimation.ML)),
        Arguments.of("te_age_reml", d.withCovariates("age")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void therapistEffects_agreeWithLme4(String name, TherapistEffects config) {
    Properties r = Reference.properties("therapists", name);
    TherapistEffectsFit fit =
        config.fit(PrePost.data(), RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
    for (int j = 0; j < fit.fixedEffects().size(); j++) {
      close(Reference.num(r, "fixef." + j), fit.fixedEffects().get(j).estimate(), "fixef." + j);
      close(Reference.num(r, "se." + j), fit.fixedEffects().get(j).se(), "se." + j);
    }
    close(Reference.num(r, "therapist.sd"), fit.therapistSd(), "therapist SD");
    close(Reference.num(r, "sigma"), fit.residualSd(), "sigma");
    close(Reference.num(r, "deviance"), fit.convergence().objective(), "deviance");
    close(Reference.num(r, "icc"), fit.icc().estimate(), "icc");
    close(Reference.num(r, "icc.lower"), fit.icc().lower(), "icc lower");
    close(Reference.num(r, "icc.upper"), fit.icc().upper(), "icc upper");
    assertEquals(IccInterval.PROFILE_LIKELIHOOD, fit.icc().method());

    List<String[]> rows = Reference.csv("therapists", name + "_therapists.csv");
    String[] ids = Reference.strings(rows, "therapist");
    double[] b = Reference.doubles(rows, "b");
    double[] v = Reference.doubles(rows, "v");
    assertEquals(ids.length, fit.effects().size());
    for (int j = 0; j < ids.length; j++) {
      TherapistEffect e = fit.effect(ids[j]);
      assertEquals(b[j], e.effect(), TOL * fit.therapistSd(), ids[j] + " effect");
      close(Math.sqrt(v[j]), e.effectSd(), ids[j] + " effect SD");
      assertTrue(e.rankLower() <= e.rankUpper());
    }
  }

  private static void close(double expected, double actual, String what) {
    Reference.assertRelative(expected, actual, TOL, what);
  }
}
