package io.candor.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NHS Talking Therapies metrics, rule by rule. */
class TalkingTherapiesTest {

  private static final Instrument PHQ = Instruments.PHQ9;
  private static final Instrument GAD = Instruments.GAD7;

  private static PairedMeasures ep(double p1, double p2, double g1, double g2, int contacts) {
    return new PairedMeasures(PHQ, p1, p2, GAD, g1, g2, contacts);
  }

  @Test
  void recovery_needsCaseAtStartAndNoCaseOnEitherMeasureAtEnd() {
    assertTrue(TalkingTherapies.outcome(ep(15, 9, 10, 7, 6)).recovered());
    assertFalse(TalkingTherapies.outcome(ep(15, 9, 10, 8, 6)).recovered(), "GAD-7 8 is a case");
    assertFalse(TalkingTherapies.outcome(ep(15, 10, 5, 2, 6)).recovered(), "PHQ-9 10 is a case");
    TalkingTherapiesOutcome notCase = TalkingTherapies.outcome(ep(9, 2, 7, 0, 6));
    assertFalse(notCase.caseAtStart());
    assertFalse(notCase.recovered());
  }

  @Test
  void reliableImprovement_isSixPhqOrFourGadPoints_withoutReliableWorseningOnTheOther() {
    assertTrue(TalkingTherapies.outcome(ep(15, 9, 10, 10, 6)).reliablyImproved(), "PHQ -6");
    assertFalse(TalkingTherapies.outcome(ep(15, 10, 10, 10, 6)).reliablyImproved(), "PHQ -5");
    assertTrue(TalkingTherapies.outcome(ep(15, 15, 12, 8, 6)).reliablyImproved(), "GAD -4");
    TalkingTherapiesOutcome mixed = TalkingTherapies.outcome(ep(15, 8, 6, 12, 6));
    assertFalse(mixed.reliablyImproved(), "PHQ improves but GAD worsens reliably");
    assertFalse(mixed.reliablyDeteriorated());
  }

  @Test
  void reliableRecovery_isRecoveryAndReliableImprovement() {
    assertTrue(TalkingTherapies.outcome(ep(15, 7, 10, 5, 3)).reliablyRecovered());
    // 11 -> 9 recovers on PHQ-9 but is not a reliable change: recovered, not reliably recovered
    TalkingTherapiesOutcome o = TalkingTherapies.outcome(ep(11, 9, 7, 6, 3));
    assertTrue(o.recovered());
    assertFalse(o.reliablyRecovered());
  }

  @Test
  void reliableDeterioration_isAReliableRiseWithoutReliableImprovementOnTheOther() {
    assertTrue(TalkingTherapies.outcome(ep(8, 14, 6, 6, 4)).reliablyDeteriorated());
    assertTrue(TalkingTherapies.outcome(ep(8, 8, 6, 10, 4)).reliablyDeteriorated());
    assertFalse(TalkingTherapies.outcome(ep(8, 13, 6, 6, 4)).reliablyDeteriorated());
  }

  @Test
  void rates_countOnlyFinishedTreatment_andUseWilsonIntervals() {
    List<PairedMeasures> cohort = List.of(
        ep(15, 7, 10, 5, 6),    // finished, case, reliably recovered
        ep(18, 11, 12, 9, 8),   // finished, case, reliably improved, not recovered
        ep(12, 12, 9, 9, 5),    // finished, case, unchanged
        ep(6, 13, 4, 5, 4),     // finished, not a case, reliable deterioration
        ep(20, 4, 15, 2, 1));   // one contact: did not finish, ignored
    TalkingTherapiesRates r = TalkingTherapies.rates(cohort);
    assertEquals(5, r.episodes());
    assertEquals(4, r.finishedTreatment());
    assertEquals(3, r.caseAtStart());
    Rate recovery = r.recovery().orElseThrow();
    assertEquals(1, recovery.count());
    assertEquals(3, recovery.denominator());
    // Wilson 95 % for 1/3: centre (1 + z²/2)/(3 + z²), z = 1.959964
    double z = 1.959963984540054;
    double centre = (1 + z * z / 2) / (3 + z * z);
    double half = z * Math.sqrt(1.0 / 3 * 2.0 / 3 / 3 + z * z / 36) / (1 + z * z / 3);
    assertEquals(centre - half, recovery.lower(), 1e-9);
    assertEquals(centre + half, recovery.upper(), 1e-9);
    assertEquals(2, r.reliableImprovement().orElseThrow().count());
    assertEquals(4, r.reliableImprovement().orElseThrow().denominator());
    assertEquals(1, r.reliableRecovery().orElseThrow().count());
    assertEquals(1, r.reliableDeterioration().orElseThrow().count());
    assertTrue(TalkingTherapies.rates(List.of()).recovery().isEmpty());
  }

  @Test
  void pairedMeasures_rejectBadInput() {
    assertThrows(IllegalArgumentException.class, () -> ep(28, 9, 10, 5, 6));
    assertThrows(IllegalArgumentException.class, () -> ep(15, 9, 22, 5, 6));
    assertThrows(IllegalArgumentException.class, () -> ep(15, 9, 10, 5, -1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> new PairedMeasures(PHQ, 15, 9, Instruments.K10, 30, 20, 6));
    assertTrue(e.getMessage().contains("reliable-change threshold"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Rate.wilson(3, 0));
    assertThrows(IllegalArgumentException.class, () -> Rate.wilson(4, 3));
  }

  @Test
  void wilsonLimits_stayWithin0And1_forEveryCount() {
    // the score interval's limits for 0 of n and n of n are 0 and 1 exactly in theory; in
    // floating point the upper one can come out an ulp above 1
    for (int n : new int[] {1, 2, 3, 7, 10, 99, 1000, 65_537, 1_000_003, Integer.MAX_VALUE}) {
      for (int count : new int[] {0, 1, n / 2, n - 1, n}) {
        Rate r = Rate.wilson(count, n);
        assertTrue(0 <= r.lower() && r.lower() <= r.proportion()
            && r.proportion() <= r.upper() && r.upper() <= 1, r.toString());
      }
    }
    assertEquals(1.0, Rate.wilson(Integer.MAX_VALUE, Integer.MAX_VALUE).upper());
    assertEquals(0.0, Rate.wilson(0, Integer.MAX_VALUE).lower());
  }

  @Test
  void finishedTreatment_startsAtExactlyTwoContacts() {
    assertEquals(2, TalkingTherapies.MIN_CONTACTS);
    assertTrue(TalkingTherapies.outcome(ep(15, 7, 10, 5, 2)).finishedTreatment());
    assertFalse(TalkingTherapies.outcome(ep(15, 7, 10, 5, 1)).finishedTreatment());
  }

  @Test
  void rates_countEachEventOverItsOwnDenominator() {
    List<PairedMeasures> cohort = List.of(
        ep(15, 7, 10, 5, 2),    // finished (2 contacts), case, reliably recovered
        ep(12, 12, 9, 9, 5),    // finished, case, unchanged
        ep(13, 12, 10, 10, 3)); // finished, case, unchanged
    TalkingTherapiesRates r = TalkingTherapies.rates(cohort);
    assertEquals(3, r.finishedTreatment());
    assertEquals(3, r.caseAtStart());
    assertEquals(1, r.reliableImprovement().orElseThrow().count());
    assertEquals(0, r.reliableDeterioration().orElseThrow().count());
    assertEquals(1, r.recovery().orElseThrow().count());
    assertEquals("1/3 = 33.3 % (95 % CI 6.1-79.2 %)", r.recovery().orElseThrow().toString());
  }
}
