package io.candor.model.therapist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.candor.model.dose.Coefficient;
import io.candor.model.growth.Reference;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The case-mix-adjusted funnel agrees to 1e-10 with an independent base-R computation
 * ({@code glm}, {@code qbinom}/{@code pbinom}, {@code quantile}) in
 * {@code reference/therapists/make_reference.R}: the case-mix coefficients, every therapist's
 * expected events and adjusted rate, φ, τ², and the limits of every kind (normal, exact binomial,
 * multiplicative and additive over-dispersion).
 */
class CaseMixFunnelReferenceTest {

  private static final double TOL = 1e-10;

  static Stream<Arguments> cases() {
    CaseMixFunnel d = CaseMixFunnel.withDefaults();
    return Stream.of(
        Arguments.of("funnel_recovery", d.with(FunnelOutcome.RECOVERY)),
        Arguments.of("funnel_improvement_age",
            d.with(FunnelOutcome.RELIABLE_IMPROVEMENT).withCovariates("age")),
        Arguments.of("funnel_deterioration", d.with(FunnelOutcome.RELIABLE_DETERIORATION)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void funnel_agreesWithBaseR(String name, CaseMixFunnel config) {
    Properties r = Reference.properties("therapists", name);
    List<String[]> rows = Reference.csv("therapists", name + ".csv");
    TherapistData data = PrePost.data();
    String[] ids = Reference.strings(rows, "therapist");
    String[][] variants = {{"normal", "NORMAL", "NONE"}, {"exact", "EXACT_BINOMIAL", "NONE"},
        {"mult", "NORMAL", "MULTIPLICATIVE"}, {"add", "NORMAL", "ADDITIVE"}};
    for (String[] variant : variants) {
      FunnelFit fit = config.with(ControlLimits.valueOf(variant[1]))
          .with(Overdispersion.valueOf(variant[2])).fit(data);
      close(Reference.num(r, "overall"), fit.overall(), "overall");
      close(Reference.num(r, "phi"), fit.phi(), "phi");
      close(Reference.num(r, "tau2"), fit.tau2(), "tau2");
      assertEquals((int) Reference.num(r, "iterations"), fit.caseMix().convergence().iterations());
      close(Reference.num(r, "deviance"), fit.caseMix().deviance(), "deviance");
      List<Coefficient> cf = fit.caseMix().coefficients();
      for (int j = 0; j < cf.size(); j++) {
        close(Reference.num(r, "coef." + j), cf.get(j).estimate(), "coef." + j);
        close(Reference.num(r, "coef.se." + j), cf.get(j).stdErr(), "coef.se." + j);
      }
      assertEquals(ids.length, fit.points().size());
      for (int i = 0; i < ids.length; i++) {
        FunnelPoint p = fit.point(ids[i]);
        String at = name + " " + variant[0] + " " + ids[i] + " ";
        assertEquals((int) Reference.doubles(rows, "n")[i], p.cases(), at + "n");
        assertEquals((int) Reference.doubles(rows, "observed")[i], p.observed(), at + "observed");
        close(Reference.doubles(rows, "expected")[i], p.expected(), at + "expected");
        close(Reference.doubles(rows, "adjusted")[i], p.adjusted(), at + "adjusted");
        close(Reference.doubles(rows, variant[0] + "_lower95")[i], p.lower95(), at + "lower95");
        close(Reference.doubles(rows, variant[0] + "_upper95")[i], p.upper95(), at + "upper95");
        close(Reference.doubles(rows, variant[0] + "_lower998")[i], p.lower998(), at + "lower998");
        close(Reference.doubles(rows, variant[0] + "_upper998")[i], p.upper998(), at + "upper998");
      }
    }
  }

  private static void close(double expected, double actual, String what) {
    Reference.assertRelative(expected, actual, TOL, what);
  }
}
