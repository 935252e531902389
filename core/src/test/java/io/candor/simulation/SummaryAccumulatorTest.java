package io.candor.simulation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Course;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import org.junit.jupiter.api.Test;

class SummaryAccumulatorTest {

  /** An engine for the instrument whose scratch the tests fill by hand. */
  static Engine engine(Instrument instrument) {
    return new Engine(Scenario.calibratedDefault(instrument).withSessions(5));
  }

  /** Puts one hand-made client into the engine's scratch. */
  static Engine client(Engine e, Course course, boolean deteriorating, int dropout, double... ys) {
    System.arraycopy(ys, 0, e.scores, 0, ys.length);
    e.size = ys.length;
    e.course = course;
    e.deteriorating = deteriorating;
    e.dropoutSession = dropout;
    return e;
  }

  /**
   * Seven PHQ-9 clients (range 0-27, caseness >= 10, reliable change 6 points), sessions 0-5:
   * A improves reliably and recovers; B (chronic, deteriorating subgroup) worsens and drops out
   * at session 2; C has only the intake; D has a sudden gain of exactly the reliable-change
   * threshold; E one of exactly 25 % of its pre-gain score; F a sudden loss; G drops by 6 points
   * twice but its neighbours vary too much for a gain (criterion 3).
   */
  static SummaryAccumulator[] cohortInTwoParts() {
    SummaryAccumulator first = new SummaryAccumulator(5);
    SummaryAccumulator second = new SummaryAccumulator(5);
    addCohort(first, second);
    return new SummaryAccumulator[] {first, second};
  }

  /** Adds clients A-C to {@code first} and D-G to {@code second}. */
  private static void addCohort(SummaryAccumulator first, SummaryAccumulator second) {
    Engine e = engine(Instruments.PHQ9);
    first.accept(client(e, Course.RESOLVABLE, false, -1, 20, 14, 12, 8));
    first.accept(client(e, Course.CHRONIC, true, 2, 12, 19));
    first.accept(client(e, Course.EPISODIC, false, -1, 15));
    second.accept(client(e, Course.RESOLVABLE, false, -1, 20, 20, 20, 14, 14, 14));
    second.accept(client(e, Course.RESOLVABLE, false, -1, 24, 24, 24, 18, 18, 18));
    second.accept(client(e, Course.RESOLVABLE, false, -1, 8, 8, 8, 14, 14, 14));
    second.accept(client(e, Course.RESOLVABLE, false, -1, 14, 26, 20, 14, 8, 20));
  }

  static SummaryAccumulator cohort() {
    SummaryAccumulator[] parts = cohortInTwoParts();
    parts[0].merge(parts[1]);
    return parts[0];
  }

  @Test
  void accept_countsEachClientEventAsComputedByHand() {
    SummaryAccumulator a = cohort();
    assertEquals(7, a.clients);
    assertArrayEquals(new long[] {5, 1, 1}, new long[] {a.courseCounts[Course.RESOLVABLE.ordinal()],
        a.courseCounts[Course.EPISODIC.ordinal()], a.courseCounts[Course.CHRONIC.ordinal()]});
    assertEquals(1, a.deterioratingSubgroup);
    assertEquals(1, a.dropouts);
    assertArrayEquals(new long[] {0, 0, 1, 0, 0, 0}, a.dropoutsAt);
    assertArrayEquals(new long[] {7, 6, 5, 5, 4, 4}, a.observed);
    assertArrayEquals(new long[] {6, 5, 4, 4, 3, 4}, a.cases);
    assertArrayEquals(new long[] {0, 1, 1, 3, 3, 2}, a.reliablyImproved);
    assertArrayEquals(new long[] {113, 111, 84, 68, 54, 66}, a.scoreUnits);
    assertArrayEquals(new long[] {0, 1, 0, 2, 1, 0}, a.improvementEvents);
    assertArrayEquals(new long[] {1, 1, 0, 0, 0, 1}, a.improvementCensored);
    assertEquals(3, a.deteriorated);
    assertEquals(3, a.improvedAtEnd);
    assertEquals(1, a.recoveredAtEnd);
    assertEquals(5, a.gainEvaluable);
    assertEquals(2, a.gainClients);
    assertEquals(1, a.lossClients);
    assertEquals(28, a.scoreCounts[0].length);
    assertEquals(2, a.scoreCounts[0][20]);
    assertEquals(1, a.scoreCounts[5][20]);
    assertEquals(2, a.scoreCounts[5][14]);
  }

  @Test
  void merge_addsEveryCount_soSplittingTheCohortChangesNothing() {
    SummaryAccumulator whole = new SummaryAccumulator(5);
    addCohort(whole, whole);
    assertTrue(cohort().sameCounts(whole));
    SummaryAccumulator empty = new SummaryAccumulator(5);
    empty.merge(whole);
    assertTrue(empty.sameCounts(whole));
    assertFalse(new SummaryAccumulator(5).sameCounts(whole));
  }

  private static boolean shift(Engine e, int sign, double... y) {
    return SummaryAccumulator.hasShift(e, y, y.length, sign);
  }

  @Test
  void hasShift_countsAChangeOfExactlyTheThresholdAndExactlyAQuarterOfTheScore() {
    Engine e = engine(Instruments.PHQ9);
    assertTrue(shift(e, 1, 20, 20, 20, 14, 14, 14));
    assertFalse(shift(e, -1, 20, 20, 20, 14, 14, 14));
    assertFalse(shift(e, 1, 20, 20, 20, 15, 15, 15));
    assertTrue(shift(e, 1, 24, 24, 24, 18, 18, 18));
    // 6 points is less than 25 % of 25
    assertFalse(shift(e, 1, 25, 25, 25, 19, 19, 19));
    assertTrue(shift(e, -1, 8, 8, 8, 14, 14, 14));
  }

  @Test
  void hasShift_needsTheMeansToDifferByMoreThanTCritTimesThePooledSd() {
    Engine e = engine(Instruments.PHQ9);
    // i = 2: means 20 and 14, pooled SD 6, 6 < 2.776 * 6; i = 3: pooled SD sqrt(48)
    assertFalse(shift(e, 1, 14, 26, 20, 14, 8, 20));
    // the same drop with pooled SD sqrt(1/3): 6 > 2.776 * 0.577
    assertTrue(shift(e, 1, 20, 21, 20, 14, 15, 14));
  }

  @Test
  void hasShift_measuresSeverityFromTheHealthyEndOfTheScale() {
    // ORS: 0-40, higher is better, reliable change 5: a rise of 5 from 20 is 25 % of 40 - 20
    Engine w = engine(Instruments.ORS);
    assertEquals(5, w.rc);
    assertTrue(shift(w, 1, 20, 20, 20, 25, 25, 25));
    assertFalse(shift(w, 1, 19, 19, 19, 24, 24, 24));
    assertTrue(shift(w, -1, 25, 25, 25, 20, 20, 20));
  }

  @Test
  void hasShift_looksOnlyAtShiftsWithTwoScoresOnEachSide() {
    Engine e = engine(Instruments.PHQ9);
    // the drop from session 0 to 1 and the one into the last score are not candidates
    assertFalse(shift(e, 1, 20, 10, 10, 10));
    assertFalse(shift(e, 1, 20, 20, 20, 10));
    assertTrue(shift(e, 1, 20, 20, 10, 10));
  }
}
