package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CaseloadWeekTest {

  static Map<Outcome, Double> discharges(double improved, double recovered, double none,
      double worse, double dropout) {
    Map<Outcome, Double> d = new EnumMap<>(Outcome.class);
    d.put(Outcome.RELIABLE_IMPROVEMENT, improved);
    d.put(Outcome.RECOVERY, recovered);
    d.put(Outcome.NO_RELIABLE_CHANGE, none);
    d.put(Outcome.RELIABLE_DETERIORATION, worse);
    d.put(Outcome.DROPOUT, dropout);
    return d;
  }

  static CaseloadWeek week(Map<Outcome, Double> discharges) {
    return new CaseloadWeek(3, 1.5, 1, 2, 18, 16, 4, OptionalDouble.of(0.3),
        OptionalDouble.empty(), OptionalDouble.of(0.05), discharges);
  }

  @Test
  void dischargesTotal_addsTheExclusiveOutcomes_recoveryBeingPartOfImprovement() {
    CaseloadWeek w = week(discharges(0.5, 0.25, 0.25, 0.125, 0.0625));
    assertEquals(0.9375, w.dischargesTotal());
    assertEquals(0.25, w.discharges().get(Outcome.RECOVERY));
  }

  @Test
  void everyOutcomeNeedsADischargeFigure_andTheMapIsACopy() {
    Map<Outcome, Double> d = discharges(0, 0, 0, 0, 0);
    d.remove(Outcome.DROPOUT);
    assertEquals("discharges.DROPOUT is missing",
        assertThrows(IllegalArgumentException.class, () -> week(d)).getMessage());
    Map<Outcome, Double> given = discharges(1, 0, 0, 0, 0);
    CaseloadWeek w = week(given);
    given.put(Outcome.DROPOUT, 5.0);
    assertEquals(0, w.discharges().get(Outcome.DROPOUT));
    assertThrows(UnsupportedOperationException.class,
        () -> w.discharges().put(Outcome.DROPOUT, 1.0));
    assertThrows(IllegalArgumentException.class,
        () -> week(discharges(-1, 0, 0, 0, 0)));
  }
  @Test
  void sharesMustBeProbabilities() {
    Map<Outcome, Double> d = discharges(0, 0, 0, 0, 0);
    for (int k = 0; k < 3; k++) {
      OptionalDouble[] s = {OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()};
      s[k] = OptionalDouble.of(1.5);
      String m = assertThrows(IllegalArgumentException.class, () -> new CaseloadWeek(3, 1, 1, 2, 18,
          16, 4, s[0], s[1], s[2], d)).getMessage();
      assertEquals(new String[] {"shareChronic", "shareNotOnTrack", "shareReliablyWorse"}[k]
          + " must be a probability in [0, 1], was 1.5", m);
    }
  }
}
