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
}
