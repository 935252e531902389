package io.candor.model.dose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import io.candor.evidence.Certainty;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Howard-shaped example, hand-checked behaviour and validation of the dose–effect fit. */
class DoseEffectTest {

  private static final DoseEffect PROBIT = DoseEffect.withDefaults();

  @Test
  void howard1986_probitGivesAboutHalfAt8AndThreeQuartersAt26Sessions() {
    DoseEffectFit f = PROBIT.fit(DoseEffectExamples.howard1986());
    assertEquals(0.50, f.proportionAt(8), 0.01);
    assertEquals(0.75, f.proportionAt(26), 0.01);
    assertEquals(0.85, f.proportionAt(52), 0.015);
    SessionsEstimate half = f.milestones().get(0);
    SessionsEstimate threeQuarters = f.milestones().get(1);
    assertEquals(0.5, half.proportion());
    assertEquals(8, half.sessions(), 0.5);
    assertEquals(26, threeQuarters.sessions(), 1.5);
    assertTrue(half.lower() < half.sessions() && half.sessions() < half.upper());
    assertFalse(half.extrapolated());
    assertTrue(f.toText().contains("50% expected to have improved by 8.0 sessions"), f.toText());
  }

  @Test
  void howard1986Shares_areSourcedWithHonestCertainty() {
    List<io.candor.evidence.Sourced> shares = DoseEffectExamples.howard1986Shares();
    assertEquals(7, shares.size());
    assertEquals(Certainty.PRIMARY, shares.get(3).certainty());
    assertEquals(Certainty.PRIMARY, shares.get(5).certainty());
    assertEquals(Certainty.ASSUMPTION, shares.get(0).certainty());
    assertEquals(Certainty.SECONDARY, shares.get(6).certainty());
  }

  @Test
  void perClientAndAggregated_giveTheSameCoefficients() {
    List<DoseRow> table = DoseEffectExamples.howard1986();
    List<Double> s = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    for (DoseRow r : table) {
      for (int i = 0; i < r.n(); i++) {
        s.add(r.sessions());
        y.add(i < r.improved());
      }
    }
    double[] sa = new double[s.size()];
    boolean[] ya = new boolean[s.size()];
    for (int i = 0; i < sa.length; i++) {
      sa[i] = s.get(i);
      ya[i] = y.get(i);
    }
    DoseEffectFit agg = PROBIT.fit(table);
    DoseEffectFit per = PROBIT.fitClients(sa, ya);
    assertEquals(agg.intercept().estimate(), per.intercept().estimate(), 1e-7);
    assertEquals(agg.slope().estimate(), per.slope().estimate(), 1e-7);
    // both stop at R's deviance tolerance, one iteration apart: SEs agree to ~1e-5
    assertEquals(agg.slope().stdErr(), per.slope().stdErr(), 1e-5);
    assertTrue(per.perClient());
    assertEquals(700, per.observations());
    assertEquals(7, agg.observations());
    // deviances differ by the binomial constant but their difference does not
    assertEquals(
        agg.nullDeviance() - agg.deviance(), per.nullDeviance() - per.deviance(), 1e-6);
  }

  @Test
  void sessionsFor_invertsProportionAt() {
    DoseEffectFit f = PROBIT.fit(DoseEffectExamples.howard1986());
    qt().forAll(doubles().between(0.05, 0.95))
        .checkAssert(
            p -> {
              SessionsEstimate e = f.sessionsFor(p).orElseThrow();
              assertEquals(p, f.proportionAt(Math.max(1, e.sessions())), 1e-9 + (e.sessions() < 1 ? 1 : 0));
              assertTrue(e.lower() <= e.sessions() && e.sessions() <= e.upper());
            });
  }

  @Test
  void separatedData_areFlaggedLikeRsWarning() {
    // R 4.2.2: glm(cbind(y, n - y) ~ log(s), binomial("probit")) with y = 0, 0, 10 of 10:
    // coefficients -20.17934, 19.47174 after 24 iterations, warning "fitted probabilities
    // numerically 0 or 1 occurred"
    DoseEffectFit f =
        PROBIT.fit(new double[] {1, 2, 4}, new int[] {10, 10, 10}, new int[] {0, 0, 10});
    assertTrue(f.separation());
    assertEquals(-20.17934, f.intercept().estimate(), 1e-5);
    assertEquals(19.47174, f.slope().estimate(), 1e-5);
    assertEquals(24, f.convergence().iterations());
    assertTrue(f.convergence().message().contains("numerically 0 or 1"));
    assertTrue(f.toText().contains("not reliable"), f.toText());
    assertFalse(PROBIT.fit(DoseEffectExamples.howard1986()).separation());
  }

  @Test
  void logitLink_fitsTheSameShapeWithDifferentCoefficients() {
    DoseEffectFit f = PROBIT.with(Link.LOGIT).fit(DoseEffectExamples.howard1986());
    assertEquals(Link.LOGIT, f.link());
    assertEquals(0.5, f.proportionAt(f.milestones().get(0).sessions()), 1e-12);
  }

  @Test
  void decreasingCurve_hasNoMilestones() {
    DoseEffectFit f =
        PROBIT.fit(new double[] {1, 2, 4, 8}, new int[] {50, 50, 50, 50}, new int[] {30, 25, 20, 15});
    assertTrue(f.slope().estimate() < 0);
    assertTrue(f.milestones().isEmpty());
    assertTrue(f.sessionsFor(0.5).isEmpty());
    assertTrue(f.toText().contains("does not rise"));
  }

  @Test
  void jackson_serialisesTheFit() {
    JsonNode node = JsonMapper.builder().build().valueToTree(PROBIT.fit(DoseEffectExamples.howard1986()));
    assertTrue(node.get("slope").has("stdErr"), node.toString());
    assertEquals(2, node.get("milestones").size());
    assertTrue(node.get("convergence").get("converged").asBoolean());
  }

  private static void assertMessage(IllegalArgumentException x, String... parts) {
    for (String p : parts) {
      assertTrue(x.getMessage().contains(p), "'" + p + "' in: " + x.getMessage());
    }
  }

  @Test
  void rejects_sessionsBelowOneOrNotFinite() {
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> new DoseRow(0.5, 10, 1)),
        "sessions", "0.5", ">= 1");
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> new DoseRow(Double.NaN, 10, 1)),
        "sessions", "NaN");
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> PROBIT.fitClients(new double[] {1, 0}, new boolean[] {true, false})),
        "sessions[1]", "0");
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> PROBIT.fit(new double[] {2, Double.POSITIVE_INFINITY}, new int[] {1, 1},
                new int[] {0, 1})),
        "sessions[1]", "Infinity");
    assertThrows(
        IllegalArgumentException.class,
        () -> PROBIT.fit(DoseEffectExamples.howard1986()).proportionAt(0));
  }

  @Test
  void rejects_improvedAboveNOrNegative() {
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> new DoseRow(2, 10, 11)),
        "improved", "11", "10");
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> new DoseRow(2, 10, -1)),
        "improved", "-1");
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> new DoseRow(2, 0, 0)), "n", "0");
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> PROBIT.fit(new double[] {1, 2}, new int[] {5, 5}, new int[] {1, 6})),
        "improved[1]", "6", "5");
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> PROBIT.fit(new double[] {1, 2}, new int[] {5, 0}, new int[] {1, 0})),
        "n[1]", "0");
  }

  @Test
  void rejects_emptyAndMismatchedData() {
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> PROBIT.fit(List.of())), "table",
        "empty");
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> PROBIT.fitClients(new double[0], new boolean[0])),
        "sessions", "empty");
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> PROBIT.fitClients(new double[] {1, 2, 3}, new boolean[] {true, false})),
        "improved", "3", "2");
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> PROBIT.fit(new double[] {1, 2}, new int[] {5}, new int[] {1, 2})),
        "n", "2", "1");
  }

  @Test
  void rejects_singleSessionValue() {
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> PROBIT.fit(List.of(new DoseRow(4, 10, 3), new DoseRow(4, 12, 5)))),
        "two different values", "4");
  }

  @Test
  void rejects_badConfiguration() {
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> PROBIT.withConfidenceLevel(0)),
        "confidenceLevel", "0");
    assertThrows(IllegalArgumentException.class, () -> PROBIT.withEpsilon(-1));
    assertThrows(IllegalArgumentException.class, () -> PROBIT.withMaxIterations(0));
    assertMessage(
        assertThrows(IllegalArgumentException.class, () -> Link.parse("cloglog")), "cloglog");
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> PROBIT.fit(DoseEffectExamples.howard1986()).sessionsFor(1.0)),
        "p", "1");
  }

  @Test
  void fitters_areValues() {
    DoseEffect a = DoseEffect.withDefaults().with(Link.LOGIT).withEpsilon(1e-10).withMaxIterations(50);
    DoseEffect b = DoseEffect.withDefaults().withMaxIterations(50).withEpsilon(1e-10).with(Link.LOGIT);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, a.withConfidenceLevel(0.9));
    assertEquals(0.95, a.confidenceLevel());
    assertEquals(1e-10, a.epsilon());
    assertEquals(50, a.maxIterations());
    assertEquals("DoseEffect[LOGIT, confidence level 0.95, epsilon 1.0E-10, at most 50 iterations]", a.toString());
  }
}
