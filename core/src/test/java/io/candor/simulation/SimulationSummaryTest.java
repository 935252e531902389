package io.candor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Course;
import io.candor.measure.Instruments;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class SimulationSummaryTest {

  /** The hand-computed cohort of {@link SummaryAccumulatorTest#cohortInTwoParts()}. */
  private static SimulationSummary summary() {
    return new SimulationSummary(Arm.TREATED, "PHQ-9", 0, 1, SummaryAccumulatorTest.cohort());
  }

  @Test
  void accessors_reportTheHandComputedCounts() {
    SimulationSummary s = summary();
    assertEquals(Arm.TREATED, s.arm());
    assertEquals("PHQ-9", s.instrument());
    assertEquals(7, s.clients());
    assertEquals(5, s.lastSession());
    assertEquals(5, s.clientsWithCourse(Course.RESOLVABLE));
    assertEquals(1, s.clientsWithCourse(Course.CHRONIC));
    assertEquals(1, s.deterioratingSubgroup());
    assertEquals(1, s.dropouts());
    assertEquals(1.0 / 7, s.dropoutRate());
    assertEquals(1, s.dropoutsAt(2));
    assertEquals(0, s.dropoutsAt(1));
    assertEquals(3, s.deteriorated());
    assertEquals(OptionalDouble.of(0.5), s.deteriorationRate());
    assertEquals(OptionalDouble.of(0.5), s.improvedAtEndRate());
    assertEquals(OptionalDouble.of(1.0 / 6), s.reliableRecoveryRate());
    assertEquals(5, s.suddenGainEvaluable());
    assertEquals(2, s.suddenGainClients());
    assertEquals(OptionalDouble.of(0.4), s.suddenGainRate());
    assertEquals(OptionalDouble.of(0.2), s.suddenLossRate());
    assertEquals(5, s.observedAt(3));
    assertEquals(OptionalDouble.of(6.0 / 7), s.caseRateAt(0));
    assertEquals(OptionalDouble.of(0.6), s.reliablyImprovedAt(3));
    assertEquals(3, s.reliablyImprovedCountAt(4));
    assertEquals(OptionalDouble.of(113.0 / 7), s.meanScoreAt(0));
    assertEquals(OptionalDouble.of(18.5), s.meanScoreAt(1));
  }

  @Test
  void scoreQuantiles_areOrderStatisticsOfTheObservedScores() {
    SimulationSummary s = summary();
    // session 0: 8 12 14 15 20 20 24
    assertEquals(8, s.scoreQuantileAt(0, 0).orElseThrow());
    assertEquals(15, s.scoreQuantileAt(0, 0.5).orElseThrow());
    assertEquals(20, s.scoreQuantileAt(0, 5.0 / 7).orElseThrow());
    assertEquals(24, s.scoreQuantileAt(0, 1).orElseThrow());
    // a scale with a minimum and a resolution: score = min + units * resolution
    SimulationSummary w = new SimulationSummary(Arm.TREATED, "ORS", 2.5, 0.5,
        SummaryAccumulatorTest.cohort());
    assertEquals(10.0, w.scoreQuantileAt(0, 0.5).orElseThrow());
    assertEquals(2.5 + 0.5 * 113 / 7, w.meanScoreAt(0).orElseThrow(), 1e-12);
  }

  @Test
  void timeToFirstImprovement_isAKaplanMeierOverTheHandComputedEvents() {
    SimulationSummary s = summary();
    long[] events = {0, 1, 0, 2, 1, 0};
    long[] censored = {1, 1, 0, 0, 0, 1};
    long[] atRisk = {7, 6, 4, 4, 2, 1};
    double[] improved = {0, 1.0 / 6, 1.0 / 6, 7.0 / 12, 19.0 / 24, 19.0 / 24};
    for (int t = 0; t <= 5; t++) {
      assertEquals(events[t], s.improvementEventsAt(t), "events at " + t);
      assertEquals(censored[t], s.improvementCensoredAt(t), "censored at " + t);
      assertEquals(atRisk[t], s.improvementAtRiskAt(t), "at risk at " + t);
      assertEquals(improved[t], s.improvedBy(t), 1e-15, "improved by " + t);
    }
  }

  @Test
  void improvedBy_staysAtItsLastValueOnceNobodyIsAtRisk() {
    Engine e = SummaryAccumulatorTest.engine(Instruments.PHQ9);
    SummaryAccumulator a = new SummaryAccumulator(5);
    a.accept(SummaryAccumulatorTest.client(e, Course.RESOLVABLE, false, 2, 20, 14));
    a.accept(SummaryAccumulatorTest.client(e, Course.RESOLVABLE, false, 2, 20, 20));
    SimulationSummary s = new SimulationSummary(Arm.TREATED, "PHQ-9", 0, 1, a);
    assertEquals(0.5, s.improvedBy(1));
    assertEquals(0, s.improvementAtRiskAt(2));
    assertEquals(0.5, s.improvedBy(5));
    assertEquals(OptionalDouble.empty(), s.meanScoreAt(2));
    assertEquals(OptionalDouble.empty(), s.caseRateAt(2));
    assertEquals(OptionalDouble.empty(), s.scoreQuantileAt(2, 0.5));
    assertEquals(OptionalDouble.empty(), s.suddenGainRate());
    assertEquals(OptionalDouble.empty(), s.suddenLossRate());
  }

  @Test
  void sessionsOutsideTheSummary_areRefusedNamingTheRange() {
    SimulationSummary s = summary();
    IllegalArgumentException high = assertThrows(IllegalArgumentException.class,
        () -> s.observedAt(6));
    assertEquals("session must be 0-5, was 6", high.getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.improvedBy(-1));
    assertThrows(IllegalArgumentException.class, () -> s.scoreQuantileAt(0, 1.5));
  }

  @Test
  void combine_addsTheCountsOfTwoSummaries_andEqualsTheWholeCohort() {
    SummaryAccumulator[] parts = SummaryAccumulatorTest.cohortInTwoParts();
    SimulationSummary first = new SimulationSummary(Arm.TREATED, "PHQ-9", 0, 1, parts[0]);
    SimulationSummary second = new SimulationSummary(Arm.TREATED, "PHQ-9", 0, 1, parts[1]);
    SimulationSummary both = first.combine(second);
    assertEquals(summary(), both);
    assertEquals(summary().hashCode(), both.hashCode());
    assertEquals(3, first.clients());
    assertEquals(7, both.clients());
    assertEquals(5, both.lastSession());
    assertNotEquals(first, both);
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
        () -> first.combine(new SimulationSummary(Arm.WAITLIST, "PHQ-9", 0, 1, parts[1])));
    assertEquals("cannot combine a summary of TREATED, PHQ-9, sessions 0-5 with one of WAITLIST,"
        + " PHQ-9, sessions 0-5", other.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> first.combine(new SimulationSummary(Arm.TREATED, "PHQ-9", 0, 1,
            new SummaryAccumulator(4))));
  }

  @Test
  void toString_namesTheHeadlineFigures() {
    assertEquals("SimulationSummary[TREATED, PHQ-9, clients=7, dropout=" + (1.0 / 7)
        + ", deterioration=0.5, suddenGains=0.4, observed=[7, 6, 5, 5, 4, 4]]",
        summary().toString());
    Engine e = SummaryAccumulatorTest.engine(Instruments.PHQ9);
    SummaryAccumulator a = new SummaryAccumulator(1);
    a.accept(SummaryAccumulatorTest.client(e, Course.RESOLVABLE, false, 1, 20));
    assertTrue(new SimulationSummary(Arm.TREATED, "PHQ-9", 0, 1, a).toString()
        .contains("deterioration=n/a, suddenGains=n/a"));
  }
}
