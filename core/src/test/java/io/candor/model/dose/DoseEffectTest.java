package io.candor.model.dose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

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
    assertMessage(
        assertThrows(
            IllegalArgumentException.class,
            () -> PROBIT.fit(new double[] {1, 2}, new int[] {5, 5}, new int[] {1})),
        "improved", "2", "1");
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

  /** No NaN, no infinity and no 20-digit number in what a user reads. */
  private static void assertPrintable(DoseEffectFit f) {
    for (String out : List.of(f.toText(), io.candor.json.CandorJson.toJson(f))) {
      assertFalse(out.contains("NaN") || out.contains("Infinity"), out);
      assertFalse(out.matches("(?s).*\\d{20}.*"), out);
    }
    for (SessionsEstimate m : f.milestones()) {
      assertTrue(Double.isFinite(m.sessions()) && Double.isFinite(m.upper()) && m.lower() >= 0,
          m.toString());
    }
  }

  @Test
  void nobodyOrEveryoneImproved_hasNoMilestone_ratherThanInfinitelyManySessions() {
    // no client improved at any dose: the fitted curve is flat at 0 (R: slope ~ 0, huge SEs)
    DoseEffectFit none =
        PROBIT.fit(new double[] {1, 2, 3, 4}, new int[] {3, 3, 3, 3}, new int[] {0, 0, 0, 0});
    assertTrue(none.milestones().isEmpty(), none.toString());
    assertTrue(none.sessionsFor(0.5).isEmpty());
    assertTrue(none.toText().contains("does not rise"), none.toText());
    assertPrintable(none);
    DoseEffectFit all = PROBIT.with(Link.LOGIT).fitClients(new double[] {1, 2, 3, 4},
        new boolean[] {true, true, true, true});
    assertTrue(all.sessionsFor(0.5).isEmpty() || all.sessionsFor(0.5).orElseThrow().sessions()
        <= 4, all.toString());
    assertPrintable(all);
  }

  /**
   * Complete separation: everyone below some dose did not improve, everyone from it on did. R
   * warns "fitted probabilities numerically 0 or 1 occurred" and reports huge coefficients and
   * standard errors; Candor flags {@code separation}, says so in the text, and every number it
   * prints stays finite and readable.
   */
  @Test
  void completeSeparation_isFlagged_andEveryPrintedNumberIsFinite_property() {
    qt().withExamples(40).forAll(integers().between(2, 30), integers().between(1, 12),
        integers().between(1, 12), integers().between(0, 3))
        .checkAssert((threshold, below, above, form) -> {
          Link link = Link.values()[form % 2];
          boolean perClient = form >= 2;
          List<Double> s = new ArrayList<>();
          List<Boolean> y = new ArrayList<>();
          for (int i = 0; i < below; i++) {
            s.add(1.0 + (threshold - 1.0) * i / below);
            y.add(false);
          }
          for (int i = 0; i < above; i++) {
            s.add(threshold + 2.0 * i);
            y.add(true);
          }
          DoseEffect config = PROBIT.with(link);
          DoseEffectFit f;
          if (perClient) {
            boolean[] improved = new boolean[y.size()];
            for (int i = 0; i < improved.length; i++) {
              improved[i] = y.get(i);
            }
            f = config.fitClients(s.stream().mapToDouble(Double::doubleValue).toArray(), improved);
          } else {
            int k = s.size();
            int[] n = new int[k];
            int[] yes = new int[k];
            for (int i = 0; i < k; i++) {
              n[i] = 5;
              yes[i] = y.get(i) ? 5 : 0;
            }
            f = config.fit(s.stream().mapToDouble(Double::doubleValue).toArray(), n, yes);
          }
          assertTrue(f.separation(), f.toString());
          assertTrue(f.slope().estimate() > 0);
          assertTrue(f.toText().contains("separated"), f.toText());
          assertTrue(f.convergence().message().endsWith("numerically 0 or 1 occurred"),
              f.convergence().message());
          assertPrintable(f);
        });
  }

  @Test
  void quasiSeparation_isFlagged_andPutsHalfAtTheSharedDose() {
    // below 3 sessions nobody improved, above 3 everybody; at 3 one of two did: the curve is
    // (numerically) a step at 3 sessions, where the share is exactly one half
    DoseEffectFit f = PROBIT.fitClients(new double[] {1, 2, 3, 3, 4, 5, 6},
        new boolean[] {false, false, false, true, true, true, true});
    assertTrue(f.separation());
    assertEquals(3, f.sessionsFor(0.5).orElseThrow().sessions(), 1e-6);
    assertEquals(0.5, f.proportionAt(3), 1e-9);
    assertPrintable(f);
  }

  @Test
  void fitters_areValues() {
    DoseEffect a = DoseEffect.withDefaults().with(Link.LOGIT).withEpsilon(1e-10).withMaxIterations(50);
    DoseEffect b = DoseEffect.withDefaults().withMaxIterations(50).withEpsilon(1e-10).with(Link.LOGIT);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, a.withConfidenceLevel(0.9));
    assertEquals(0.9, a.withConfidenceLevel(0.9).confidenceLevel());
    assertEquals(Link.LOGIT, a.link());
    assertNotEquals(a.hashCode(), a.with(Link.PROBIT).hashCode());
    assertEquals(Link.PROBIT, Link.parse("Probit"));
    assertEquals(Link.LOGIT, Link.parse("logit"));
    assertEquals(0.95, a.confidenceLevel());
    assertEquals(1e-10, a.epsilon());
    assertEquals(50, a.maxIterations());
    assertEquals("DoseEffect[LOGIT, confidence level 0.95, epsilon 1.0E-10, at most 50 iterations]", a.toString());
  }

  @Test
  void separated_readsCompleteQuasiAndReversedSeparationFromTheData() {
    double[] x = {0, 1, 2, 3};
    assertTrue(DoseEffect.separated(x, new double[] {0, 0, 1, 1}), "complete");
    assertTrue(DoseEffect.separated(x, new double[] {0, 0.5, 1, 1}), "quasi: both at x = 1");
    assertTrue(DoseEffect.separated(x, new double[] {1, 1, 0, 0}), "reversed");
    assertTrue(DoseEffect.separated(x, new double[] {1, 0.5, 0, 0}), "reversed quasi");
    assertTrue(DoseEffect.separated(x, new double[] {0, 0, 0, 0}), "nobody improved");
    assertTrue(DoseEffect.separated(x, new double[] {1, 1, 1, 1}), "everybody improved");
    assertFalse(DoseEffect.separated(x, new double[] {0, 1, 0, 1}), "overlapping");
    assertFalse(DoseEffect.separated(x, new double[] {0.2, 0.4, 0.5, 0.9}), "mixed everywhere");
    assertFalse(DoseEffect.separated(x, new double[] {0, 0.5, 0.5, 1}), "two mixed rows");
  }

  @Test
  void degreesOfFreedom_areRowsOrClientsMinusTwoAndMinusOne() {
    // R: glm(...)$df.residual and $df.null
    DoseEffectFit table = PROBIT.fit(DoseEffectExamples.howard1986());
    int rows = DoseEffectExamples.howard1986().size();
    assertEquals(rows - 2, table.dfResidual());
    assertEquals(rows - 1, table.dfNull());
    DoseEffectFit clients = PROBIT.fitClients(new double[] {1, 2, 3, 3, 4, 5, 6},
        new boolean[] {false, true, false, true, false, true, true});
    assertEquals(5, clients.dfResidual());
    assertEquals(6, clients.dfNull());
  }

  @Test
  void logitLink_clampsAsRsCCode_beyondPlusMinus30() {
    // R's binomial()$linkinv and $mu.eta (C_logit_linkinv, C_logit_mu_eta): THRESH 30,
    // DBL_EPSILON outside
    double eps = Math.ulp(1.0);
    assertEquals(eps / (1 + eps), Link.LOGIT.linkinv(-31), 0);
    assertEquals((1 / eps) / (1 + 1 / eps), Link.LOGIT.linkinv(31), 0);
    assertEquals(Math.exp(30) / (1 + Math.exp(30)), Link.LOGIT.linkinv(30), 0);
    assertEquals(Math.exp(-30) / (1 + Math.exp(-30)), Link.LOGIT.linkinv(-30), 0);
    assertEquals(eps, Link.LOGIT.muEta(30.5), 0);
    assertEquals(eps, Link.LOGIT.muEta(-30.5), 0);
    double op = 1 + Math.exp(30);
    assertEquals(Math.exp(30) / (op * op), Link.LOGIT.muEta(30), 0);
    double om = 1 + Math.exp(-30);
    assertEquals(Math.exp(-30) / (om * om), Link.LOGIT.muEta(-30), 0);
    assertEquals(0, Link.LOGIT.linkfun(0.5), 1e-15);
    assertEquals(Math.log(3), Link.LOGIT.linkfun(0.75), 1e-15);
  }

  @Test
  void sessionsText_switchesToScientificNotationAt100000() {
    assertEquals("99999.9", DoseEffectFit.sessionsText(99999.94));
    assertEquals("1.00e+05", DoseEffectFit.sessionsText(1e5));
    assertEquals("0.0", DoseEffectFit.sessionsText(0));
  }

  @Test
  void sessionsEstimate_needsOrderedFiniteLimits() {
    SessionsEstimate point = new SessionsEstimate(0.5, 8, 8, 8, Math.log(8), 0, 0.95, false);
    assertEquals(8, point.lower());
    assertEquals(0, new SessionsEstimate(0.5, 8, 0, 12, Math.log(8), 0.1, 0.95, false).lower());
    for (Link link : Link.values()) {
      assertThrows(IllegalArgumentException.class, () -> link.quantile(0));
      assertThrows(IllegalArgumentException.class, () -> link.quantile(1));
      assertEquals(0, link.quantile(0.5), 1e-15);
    }
    assertThrows(IllegalArgumentException.class,
        () -> new SessionsEstimate(0.5, 8, 9, 12, Math.log(8), 0.1, 0.95, false));
    assertThrows(IllegalArgumentException.class,
        () -> new SessionsEstimate(0.5, 8, 4, 7, Math.log(8), 0.1, 0.95, false));
    assertThrows(IllegalArgumentException.class,
        () -> new SessionsEstimate(0.5, 8, -1, 12, Math.log(8), 0.1, 0.95, false));
    assertThrows(IllegalArgumentException.class, () -> new SessionsEstimate(0.5, 8, 4,
        Double.POSITIVE_INFINITY, Math.log(8), 0.1, 0.95, false));
  }

  @Test
  void doseRow_acceptsExactlyOneSession_andItsProportionIsImprovedOverN() {
    assertEquals(0.75, new DoseRow(1, 4, 3).proportion());
    assertEquals(2.5, new DoseRow(2.5, 4, 3).sessions());
    assertThrows(IllegalArgumentException.class, () -> new DoseRow(Math.nextDown(1.0), 4, 3));
    assertThrows(IllegalArgumentException.class, () -> new DoseRow(2, 4, 5));
    assertThrows(IllegalArgumentException.class, () -> new DoseRow(2, 4, -1));
    assertEquals(4, new DoseRow(2, 4, 4).improved());
    assertEquals(0, new DoseRow(2, 4, 0).improved());
  }

  @Test
  void toText_namesTheLinkTheDataFormTheConvergenceAndTheLevel() {
    String table = PROBIT.fit(DoseEffectExamples.howard1986()).toText();
    assertTrue(table.startsWith("Dose-effect (probit link): share improved = Phi("), table);
    assertTrue(table.contains(" table rows"), table);
    assertTrue(table.contains(", converged after "), table);
    assertTrue(table.contains("(95% CI "), table);
    assertFalse(table.contains("beyond the sessions observed"), table);
    assertFalse(table.contains("numerically"));
    DoseEffectFit clients = PROBIT.with(Link.LOGIT).withConfidenceLevel(0.8).withMaxIterations(1)
        .fitClients(new double[] {1, 1, 2, 2, 3, 3}, new boolean[] {false, false, false, true,
            false, true});
    String text = clients.toText();
    assertTrue(text.startsWith("Dose-effect (logit link): share improved = logistic("), text);
    assertTrue(text.contains("fitted to 6 clients"), text);
    assertTrue(text.contains(", NOT converged after 1 iterations"), text);
    assertTrue(text.contains("(80% CI "), text);
    assertTrue(text.contains("75% expected to have improved by"), text);
    assertTrue(text.contains("beyond the sessions observed"), text);
  }

  @Test
  void coefficients_carryWaldZAndTwoSidedP() {
    Coefficient c = DoseEffect.coefficient("b", 2, 0.5);
    assertEquals(4, c.z(), 0);
    assertEquals(2 * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
        .cumulativeProbability(-4), c.p(), 1e-18);
    assertEquals(c.p(), DoseEffect.coefficient("b", -2, 0.5).p(), 0);
  }
}
