package io.candor.model.therapist;

import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.candor.change.ClinicalEvents;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.testing.CandorGenerators;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    // I = 4 equal weights, phi = 1: (4 - 3) / (4 - 4 / 4) = 1 / 3, though phi is not above 1
    assertEquals(1.0 / 3, CaseMixFunnel.tau2(1, new double[] {1, 1, 1, 1}), 1e-15);
    assertEquals(0, CaseMixFunnel.tau2(0.75, new double[] {1, 1, 1, 1}), 0, "I phi = I - 1");
    double[] three = {1, 2, 5};
    assertEquals(1, CaseMixFunnel.quantile7(three, 0), 0);
    assertEquals(3.5, CaseMixFunnel.quantile7(three, 0.75), 1e-15);
    assertEquals(5, CaseMixFunnel.quantile7(three, 1), 0, "the maximum, as R's quantile(x, 1)");
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

  @Test
  void configuration_keepsComparesHashesAndPrintsEverySetting() {
    CaseMixFunnel a = CaseMixFunnel.withDefaults().with(FunnelOutcome.RELIABLE_IMPROVEMENT)
        .with(Overdispersion.MULTIPLICATIVE).withCovariates("age", "sessions")
        .withWinsorisation(0.2);
    CaseMixFunnel b = CaseMixFunnel.withDefaults().withWinsorisation(0.2)
        .withCovariates("age", "sessions").with(Overdispersion.MULTIPLICATIVE)
        .with(FunnelOutcome.RELIABLE_IMPROVEMENT);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(FunnelOutcome.RELIABLE_IMPROVEMENT, a.outcome());
    assertEquals(List.of("age", "sessions"), a.covariates());
    assertEquals("CaseMixFunnel[reliable-improvement ~ pre + age + sessions, NORMAL limits,"
        + " over-dispersion MULTIPLICATIVE, Winsorised 0.2]", a.toString());
    assertEquals("CaseMixFunnel[recovery ~ pre, NORMAL limits, over-dispersion NONE,"
        + " Winsorised 0.1]", CaseMixFunnel.withDefaults().toString());
    for (CaseMixFunnel other : List.of(a.with(FunnelOutcome.RECOVERY),
        a.with(ControlLimits.EXACT_BINOMIAL), a.with(Overdispersion.ADDITIVE),
        a.withCovariates("age"), a.withWinsorisation(0.25))) {
      assertNotEquals(a, other, other.toString());
      assertNotEquals(a.hashCode(), other.hashCode(), other.toString());
    }
    assertTrue(a.withWinsorisation(0).toString().endsWith("Winsorised 0]"));
    assertThrows(IllegalArgumentException.class, () -> a.withWinsorisation(0.5));
    assertThrows(IllegalArgumentException.class, () -> a.withWinsorisation(-0.01));
    assertThrows(IllegalArgumentException.class, () -> a.withWinsorisation(Double.NaN));
  }

  @Test
  void choices_parseTheirNamesAndShortForms_inAnyCase() {
    for (ControlLimits l : ControlLimits.values()) {
      assertEquals(l, ControlLimits.parse(l.name().toLowerCase(Locale.ROOT)));
    }
    assertEquals(ControlLimits.EXACT_BINOMIAL, ControlLimits.parse(" Exact "));
    assertThrows(IllegalArgumentException.class, () -> ControlLimits.parse("exactly"));
    assertThrows(IllegalArgumentException.class, () -> ControlLimits.parse(null));
    for (Overdispersion o : Overdispersion.values()) {
      assertEquals(o, Overdispersion.parse(o.name()));
    }
    assertThrows(IllegalArgumentException.class, () -> Overdispersion.parse(null));
    for (FunnelOutcome o : FunnelOutcome.values()) {
      assertEquals(o, FunnelOutcome.parse(o.label()));
      assertEquals(o, FunnelOutcome.parse(o.name()));
    }
    assertEquals(FunnelOutcome.RELIABLE_DETERIORATION, FunnelOutcome.parse("deterioration"));
    assertEquals(FunnelOutcome.RELIABLE_DETERIORATION,
        FunnelOutcome.parse(" Reliable_Deterioration "));
    assertThrows(IllegalArgumentException.class, () -> FunnelOutcome.parse("recovered"));
    assertThrows(IllegalArgumentException.class, () -> FunnelOutcome.parse(null));
  }

  @Test
  void outcomes_sayWhatTheInstrumentLacks() {
    ClinicalEvents phq9 = ClinicalEvents.of(Instruments.PHQ9);
    for (FunnelOutcome o : FunnelOutcome.values()) {
      assertTrue(o.missing(phq9).isEmpty(), o.toString());
    }
    ClinicalEvents wemwbs = ClinicalEvents.of(Instruments.WEMWBS);
    assertEquals(Optional.of(Instruments.WEMWBS.id() + " has no caseness cutoff, so recovery"
        + " cannot be decided"), FunnelOutcome.RECOVERY.missing(wemwbs));
    Instrument bare = Instrument.builder("X", "no norms").range(0, 10)
        .direction(Direction.HIGHER_IS_WORSE)
        .casenessCutoff(Sourced.assumption(5, Citations.JACOBSON_1991, "test"))
        .reliability(Sourced.assumption(0.8, Citations.JACOBSON_1991, "test"))
        .licence("test").build();
    ClinicalEvents none = ClinicalEvents.of(bare);
    assertTrue(none.missingThreshold().isPresent());
    assertTrue(FunnelOutcome.RECOVERY.missing(none).isEmpty());
    assertEquals(none.missingThreshold(), FunnelOutcome.RELIABLE_IMPROVEMENT.missing(none));
    assertEquals(none.missingThreshold(), FunnelOutcome.RELIABLE_DETERIORATION.missing(none));
  }

  @Test
  void positions_treatAValueOnALimitAsInside() {
    assertEquals(FunnelPosition.INSIDE_95, FunnelPosition.of(0.2, 0.2, 0.4, 0.1, 0.5));
    assertEquals(FunnelPosition.INSIDE_95, FunnelPosition.of(0.4, 0.2, 0.4, 0.1, 0.5));
    assertEquals(FunnelPosition.BELOW_95, FunnelPosition.of(0.1, 0.2, 0.4, 0.1, 0.5));
    assertEquals(FunnelPosition.ABOVE_95, FunnelPosition.of(0.5, 0.2, 0.4, 0.1, 0.5));
    assertEquals(FunnelPosition.BELOW_998, FunnelPosition.of(0.09, 0.2, 0.4, 0.1, 0.5));
    assertEquals(FunnelPosition.ABOVE_998, FunnelPosition.of(0.51, 0.2, 0.4, 0.1, 0.5));
  }
}
