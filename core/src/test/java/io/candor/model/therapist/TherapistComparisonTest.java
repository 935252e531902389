package io.candor.model.therapist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instruments;
import java.util.Locale;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class TherapistComparisonTest {

  private static TherapistComparison compare(TherapistData d) {
    return TherapistComparison.compare(d, TherapistEffects.withDefaults(),
        CaseMixFunnel.withDefaults(), RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
  }

  @Test
  void compare_joinsTheFunnelAndTheEffectsByTherapist() {
    TherapistData d = PrePost.data();
    TherapistComparison c = compare(d);
    FunnelFit f = CaseMixFunnel.withDefaults().fit(d);
    assertEquals(d.therapists().size(), c.therapists().size());
    assertEquals(f.overall(), c.overall(), 0);
    for (TherapistComparison.Row r : c.therapists()) {
      FunnelPoint p = f.point(r.therapist());
      assertEquals(p.cases(), r.n());
      assertEquals(p.adjusted(), r.adjusted(), 0);
      assertEquals(p.note(), r.remark());
      assertTrue(r.clients() >= r.n());
    }
    assertEquals(TherapistComparison.NOTE, c.note());
    assertTrue(c.caseloadForStableEstimate().isPresent());
  }

  @Test
  void text_isSupportNeverALeagueTable() {
    String text = compare(PrePost.data()).toText();
    assertTrue(text.contains("not a league table"), text);
    assertTrue(text.contains("clients for their own estimate to reach reliability 0.70"), text);
    String lower = text.toLowerCase(Locale.ROOT);
    assertFalse(lower.contains("poor") || lower.contains("best therapist"), text);
  }

  @Test
  void of_rejectsFitsOfDifferentData() {
    TherapistData a = PrePost.data();
    TherapistData b = TherapistData.of(Instruments.PHQ9, new String[] {"X", "X", "Y", "Y", "Y"},
        new String[] {"1", "2", "3", "4", "5"}, new double[] {15, 18, 12, 20, 14},
        new double[] {8, 17, 12, 9, 13});
    FunnelFit f = CaseMixFunnel.withDefaults().fit(a);
    TherapistEffectsFit e = TherapistEffects.withDefaults().fit(b,
        RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
    assertThrows(IllegalArgumentException.class, () -> TherapistComparison.of(f, e));
  }

  @Test
  void text_printsSharesAsPercentagesOfTheFittedValues() {
    TherapistData d = PrePost.data();
    TherapistComparison c = TherapistComparison.compare(d, TherapistEffects.withDefaults()
            .with(IccInterval.PARAMETRIC_BOOTSTRAP).withReplicates(40),
        CaseMixFunnel.withDefaults().with(Overdispersion.MULTIPLICATIVE),
        RandomSource.XO_RO_SHI_RO_128_PP.create(7L));
    String text = c.toText();
    IccEstimate icc = c.icc();
    assertTrue(text.contains(String.format(Locale.ROOT, "overall rate %.1f %%",
        100 * c.overall())), text);
    assertTrue(text.contains(String.format(Locale.ROOT, "(ICC): %.1f %% (%.0f %% CI %.1f to %.1f %%,"
        + " 40 bootstrap replicates)", 100 * icc.estimate(), 100 * icc.level(),
        100 * icc.lower(), 100 * icc.upper())), text);
    assertTrue(text.contains(String.format(Locale.ROOT, "Limits widened for over-dispersion"
        + " (multiplicative): phi %.3f, tau2 %.5f", c.phi(), c.tau2())), text);
    assertTrue(text.contains("in PHQ-9 points (lower is favourable); rank range: 95 % interval"),
        text);
    for (TherapistComparison.Row r : c.therapists()) {
      String line = text.lines().filter(l -> l.startsWith(r.therapist() + " ")).findFirst()
          .orElseThrow();
      assertTrue(line.contains(String.format(Locale.ROOT, "%8.1f%% %7.1f-%5.1f%% %7.1f-%5.1f%%",
          100 * r.adjusted(), 100 * r.lower95(), 100 * r.upper95(), 100 * r.lower998(),
          100 * r.upper998())), line);
      assertEquals(r.position() != FunnelPosition.INSIDE_95, line.endsWith("  " + r.remark()),
          line);
    }
    String plain = compare(d).toText();
    assertTrue(plain.contains(", profile likelihood)"), plain);
    assertFalse(plain.contains("over-dispersion"), plain);
  }

  @Test
  void text_saysWhenNoCaseloadTellsTherapistsApart() {
    TherapistComparison c = compare(PrePost.data());
    TherapistComparison zero = new TherapistComparison(c.instrument(), c.direction(), c.outcome(),
        c.limits(), c.overdispersion(), c.overall(), c.cases(), c.events(), c.phi(), c.tau2(),
        c.caseMix(), c.icc(), 0, c.residualSd(), c.fixedEffects(), c.reliabilityTarget(),
        java.util.OptionalInt.empty(), c.therapists(), c.note());
    assertTrue(zero.toText().contains("The therapists' effects are estimated at zero: no caseload"
        + " is enough to tell them apart in these data."), zero.toText());
  }
}
