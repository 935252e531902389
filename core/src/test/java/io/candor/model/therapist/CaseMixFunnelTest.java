package io.candor.model.therapist;

import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.candor.measure.Instruments;
import io.candor.testing.CandorGenerators;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CaseMixFunnelTest {

  @Test
  void expectedEvents_addUpToObservedEvents_andAdjustedRatesCentreOnTheOverallRate() {
    FunnelFit f = CaseMixFunnel.withDefaults().fit(PrePost.data());
    double expected = f.points().stream().mapToDouble(FunnelPoint::expected).sum();
    int observed = f.points().stream().mapToInt(FunnelPoint::observed).sum();
    // a logistic model with an intercept reproduces the total (score equations)
    assertEquals(observed, expected, 1e-6);
    assertEquals(f.events(), observed);
    assertEquals((double) f.events() / f.cases(), f.overall(), 0);
    for (FunnelPoint p : f.points()) {
      assertEquals(p.observed() / p.expected() * f.overall(), p.adjusted(), 1e-15);
      assertTrue(p.lower998() <= p.lower95() && p.upper95() <= p.upper998());
    }
  }

  @Test
  void limits_narrowWithCaseload_andOverdispersionOnlyWidensThem() {
    TherapistData d = PrePost.data();
    FunnelFit none = CaseMixFunnel.withDefaults().fit(d);
    FunnelFit mult = CaseMixFunnel.withDefaults().with(Overdispersion.MULTIPLICATIVE).fit(d);
    FunnelFit add = CaseMixFunnel.withDefaults().with(Overdispersion.ADDITIVE).fit(d);
    for (int j = 0; j < none.points().size(); j++) {
      FunnelPoint a = none.points().get(j);
      assertTrue(mult.points().get(j).upper95() >= a.upper95());
      assertTrue(add.points().get(j).upper95() >= a.upper95());
      for (FunnelPoint b : none.points()) {
        if (b.cases() > a.cases()) {
          assertTrue(b.upper95() - b.lower95() <= a.upper95() - a.lower95() + 1e-12);
        }
      }
    }
    assertEquals(none.phi(), add.phi(), 0, "phi is reported whatever the adjustment");
  }

  @Test
  void limitsAt_givesEachTherapistsOwnLimitsAndNarrowsWithCases() {
    TherapistData d = PrePost.data();
    for (CaseMixFunnel config : List.of(CaseMixFunnel.withDefaults(),
        CaseMixFunnel.withDefaults().with(Overdispersion.MULTIPLICATIVE),
        CaseMixFunnel.withDefaults().with(Overdispersion.ADDITIVE),
        CaseMixFunnel.withDefaults().with(ControlLimits.EXACT_BINOMIAL))) {
      FunnelFit f = config.fit(d);
      for (FunnelPoint p : f.points()) {
        FunnelLimits l = f.limitsAt(p.cases());
        assertEquals(List.of(p.lower95(), p.upper95(), p.lower998(), p.upper998()),
            List.of(l.lower95(), l.upper95(), l.lower998(), l.upper998()), config.toString());
      }
      if (config.equals(CaseMixFunnel.withDefaults())) {
        FunnelLimits few = f.limitsAt(10);
        FunnelLimits many = f.limitsAt(1000);
        assertTrue(many.upper95() - many.lower95() < few.upper95() - few.lower95());
      }
    }
    var e = assertThrows(IllegalArgumentException.class,
        () -> CaseMixFunnel.withDefaults().fit(d).limitsAt(0));
    assertTrue(e.getMessage().contains("cases"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new FunnelLimits(5, 0.5, 0.4, 0.1, 0.9));
  }

  @Test
  void exactLimits_bracketTheNormalOnesForLargeCaseloads() {
    TherapistData d = PrePost.data();
    FunnelFit exact = CaseMixFunnel.withDefaults().with(ControlLimits.EXACT_BINOMIAL).fit(d);
    FunnelFit normal = CaseMixFunnel.withDefaults().fit(d);
    for (int j = 0; j < exact.points().size(); j++) {
      if (exact.points().get(j).cases() >= 30) {
        assertEquals(normal.points().get(j).upper95(), exact.points().get(j).upper95(), 0.03);
      }
    }
  }

  @Test
  void exactBinomialLimit_matchesSpiegelhaltersInterpolationByHand() {
    // n = 10, p0 = 0.3: F(5) = 0.952651, F(6) = 0.989408; P = 0.975 -> r = 6,
    // alpha = (0.989408 - 0.975) / (0.989408 - 0.952651) = 0.39198; limit = (6 - 0.39198) / 10
    assertEquals(0.560802, CaseMixFunnel.exact(0.975, 10, 0.3), 1e-6);
    assertEquals(0, CaseMixFunnel.exact(0.001, 2, 0.3), 0, "clipped at 0");
  }

  @Test
  void winsorisedPhi_andDerSimonianLairdTau2_byHand() {
    double[] z = {-3, -1, 0, 1, 2, 5, -0.5, 0.5, 1.5, -2};
    // sorted: -3 -2 -1 -0.5 0 0.5 1 1.5 2 5; type-7 10th pct = -2.1, 90th = 2.3
    assertEquals(-2.1, CaseMixFunnel.quantile7(sortedCopy(z), 0.1), 1e-12);
    assertEquals(2.3, CaseMixFunnel.quantile7(sortedCopy(z), 0.9), 1e-12);
    double phi = (2.1 * 2.1 + 1 + 0 + 1 + 4 + 2.3 * 2.3 + 0.25 + 0.25 + 2.25 + 4) / 10;
    assertEquals(phi, CaseMixFunnel.phi(z, 0.1), 1e-12);
    double[] s = {0.1, 0.2};
    // I = 2, phi = 3: (6 - 1) / (125 - (100^2 + 25^2) / 125) = 5 / 40
    assertEquals(0.125, CaseMixFunnel.tau2(3, s), 1e-12);
    assertEquals(0, CaseMixFunnel.tau2(0.4, s), 0, "I phi <= I - 1: no excess variation");
  }

  private static double[] sortedCopy(double[] z) {
    double[] c = z.clone();
    Arrays.sort(c);
    return c;
  }

  @Test
  void fit_namesTherapistsWithoutCasesForTheOutcome() {
    TherapistData d = TherapistData.of(Instruments.PHQ9,
        new String[] {"A", "A", "A", "B", "B", "C"}, new String[] {"1", "2", "3", "4", "5", "6"},
        new double[] {15, 18, 12, 20, 11, 6}, new double[] {8, 15, 9, 9, 12, 3});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CaseMixFunnel.withDefaults().fit(d));
    assertTrue(e.getMessage().contains("therapist C has no cases for recovery (no client at"
        + " caseness at intake)"), e.getMessage());
  }

  @Test
  void fit_rejectsExactLimitsWithOverdispersion_andInstrumentsWithoutThresholds() {
    TherapistData d = PrePost.data();
    assertThrows(IllegalStateException.class, () -> CaseMixFunnel.withDefaults()
        .with(ControlLimits.EXACT_BINOMIAL).with(Overdispersion.ADDITIVE).fit(d));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CaseMixFunnel.withDefaults().withCovariates("height").fit(d));
    assertTrue(e.getMessage().contains("height"), e.getMessage());
  }

  @Test
  void fit_rejectsAnOutcomeThatNeverOrAlwaysHappens() {
    TherapistData d = TherapistData.of(Instruments.PHQ9, new String[] {"A", "A", "B", "B"},
        new String[] {"1", "2", "3", "4"}, new double[] {15, 18, 12, 20},
        new double[] {14, 17, 12, 19});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CaseMixFunnel.withDefaults().fit(d));
    assertTrue(e.getMessage().contains("no case had recovery (0 of 4)"), e.getMessage());
  }

  @Test
  void notes_supportAndNeverLabel() {
    for (FunnelPosition p : FunnelPosition.values()) {
      String note = p.note().toLowerCase(Locale.ROOT);
      for (String word : new String[] {"poor", "good", "bad", "best", "worst", "underperform"}) {
        assertFalse(note.contains(word), p + ": " + note);
      }
      if (p.outside95()) {
        assertTrue(note.contains("worth a closer look at case mix and data"), note);
      }
    }
    assertEquals(FunnelPosition.ABOVE_998, FunnelPosition.of(0.9, 0.2, 0.6, 0.1, 0.8));
    assertEquals(FunnelPosition.BELOW_95, FunnelPosition.of(0.15, 0.2, 0.6, 0.1, 0.8));
    assertEquals(FunnelPosition.INSIDE_95, FunnelPosition.of(0.6, 0.2, 0.6, 0.1, 0.8));
  }

  @Test
  void funnel_isInvariantToTherapistOrder_property() {
    qt().withExamples(15)
        .forAll(quick(CandorGenerators.therapistData(Instruments.PHQ9, 8, 15)))
        .checkAssert(d -> {
          FunnelFit a;
          try {
            a = CaseMixFunnel.withDefaults().with(FunnelOutcome.RELIABLE_IMPROVEMENT).fit(d);
          } catch (IllegalArgumentException degenerate) {
            return; // every case improved, or none did: nothing to compare
          }
          int n = d.size();
          int[] rev = new int[n];
          for (int i = 0; i < n; i++) {
            rev[i] = n - 1 - i;
          }
          TherapistData r = TherapistData.of(d.instrument(), pick(d.therapistOfClients(), rev),
              pick(d.clients(), rev), pick(d.pre(), rev), pick(d.post(), rev));
          FunnelFit b = CaseMixFunnel.withDefaults().with(FunnelOutcome.RELIABLE_IMPROVEMENT)
              .fit(r);
          assertEquals(a.overall(), b.overall(), 1e-15);
          for (FunnelPoint p : a.points()) {
            FunnelPoint q = b.point(p.therapist());
            assertEquals(p.observed(), q.observed());
            assertEquals(p.expected(), q.expected(), 1e-9 * p.expected());
            assertEquals(p.upper95(), q.upper95(), 1e-12);
          }
        });
  }

  private static String[] pick(String[] a, int[] idx) {
    return Arrays.stream(idx).mapToObj(i -> a[i]).toArray(String[]::new);
  }

  private static double[] pick(double[] a, int[] idx) {
    return Arrays.stream(idx).mapToDouble(i -> a[i]).toArray();
  }
}
