package io.candor.model.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.ClientId;
import io.candor.domain.Observation;
import io.candor.domain.ScoreScale;
import io.candor.domain.Trajectory;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Times to reliable improvement and recovery from trajectories. */
class EventTimesTest {

  private static Trajectory phq(int[] sessions, double[] scores) {
    return Trajectory.ofScores(ClientId.of("c1"), Instruments.PHQ9, sessions, scores);
  }

  @Test
  void reliableImprovement_firstSessionWithEnoughFall() {
    double threshold = Instruments.PHQ9.reliableChange().orElseThrow().value();
    Trajectory t = phq(new int[] {1, 2, 3, 5, 6}, new double[] {20, 18, 20 - threshold + 1, 20 - threshold, 3});
    assertEquals(
        EventTime.event(5),
        EventTimes.reliableImprovement(t, Instruments.PHQ9, TimeScale.SESSIONS));
  }

  @Test
  void reliableImprovement_censoredAtLastObservationWhenNeverReached() {
    Trajectory t = phq(new int[] {1, 2, 4}, new double[] {20, 19, 18});
    assertEquals(
        EventTime.censored(4),
        EventTimes.reliableImprovement(t, Instruments.PHQ9, TimeScale.SESSIONS));
  }

  @Test
  void reliableImprovement_isDirectionAware() {
    Trajectory t =
        Trajectory.ofScores(
            ClientId.of("c2"), ScoreScale.unbounded("wellbeing"), new int[] {0, 1, 2},
            new double[] {10, 5, 16});
    assertEquals(
        EventTime.event(2),
        EventTimes.reliableImprovement(t, 5, Direction.HIGHER_IS_BETTER, TimeScale.SESSIONS));
    assertEquals(
        EventTime.event(1),
        EventTimes.reliableImprovement(t, 5, Direction.HIGHER_IS_WORSE, TimeScale.SESSIONS));
  }

  @Test
  void recovery_needsReliableImprovementAndLeavingCaseness() {
    Trajectory t = phq(new int[] {1, 2, 3}, new double[] {14, 7, 4});
    // 14 -> 7 is reliable (>= 6) and below the cutoff 10
    assertEquals(
        EventTime.event(2),
        EventTimes.recovery(t, Instruments.PHQ9, TimeScale.SESSIONS).orElseThrow());
    Trajectory notCase = phq(new int[] {1, 2}, new double[] {6, 0});
    assertFalse(EventTimes.recovery(notCase, Instruments.PHQ9, TimeScale.SESSIONS).isPresent());
  }

  @Test
  void recovery_isCensoredAtTheLastObservation_whenTheClientImprovesButStaysACase() {
    // 20 -> 12 is a reliable fall (>= 6) but 12 is still at or above the cutoff 10
    Trajectory t = phq(new int[] {1, 2, 3}, new double[] {20, 16, 12});
    assertEquals(EventTime.censored(3),
        EventTimes.recovery(t, Instruments.PHQ9, TimeScale.SESSIONS).orElseThrow());
  }

  @Test
  void recovery_needsACasenessCutoff() {
    Trajectory t = Trajectory.ofScores(ClientId.of("w"), Instruments.WEMWBS, new int[] {1, 2},
        new double[] {30, 50});
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class,
        () -> EventTimes.recovery(t, Instruments.WEMWBS, TimeScale.SESSIONS));
    assertEquals("WEMWBS has no caseness cutoff", e.getMessage());
  }

  @Test
  void anInstrumentWithoutAReliableChangeThreshold_isRefusedBeforeAnyScoreIsRead() {
    // a caseness cutoff and a reliability, but no published threshold and no clinical SD
    Instrument bare = Instrument.builder("X", "no norms").range(0, 10)
        .direction(Direction.HIGHER_IS_WORSE)
        .casenessCutoff(Sourced.assumption(5, Citations.JACOBSON_1991, "test"))
        .reliability(Sourced.assumption(0.8, Citations.JACOBSON_1991, "test"))
        .licence("test").build();
    String expected = "X has no reliable-change threshold: no published one and no clinical SD to"
        + " derive the Jacobson-Truax threshold from; pass a threshold in points instead";
    // not a case at intake, and a single observation: no score is ever compared
    Trajectory notCase = Trajectory.ofScores(ClientId.of("n"), bare, new int[] {0, 1},
        new double[] {3, 1});
    Trajectory single = Trajectory.ofScores(ClientId.of("s"), bare, new int[] {0},
        new double[] {8});
    assertEquals(expected, assertThrows(IllegalStateException.class,
        () -> EventTimes.recovery(notCase, bare, TimeScale.SESSIONS)).getMessage());
    assertEquals(expected, assertThrows(IllegalStateException.class,
        () -> EventTimes.reliableImprovement(single, bare, TimeScale.SESSIONS)).getMessage());
    assertEquals(expected, assertThrows(IllegalStateException.class,
        () -> EventTimes.recovery(single, bare, TimeScale.SESSIONS)).getMessage());
  }

  @Test
  void days_countFromIntakeDate() {
    LocalDate d0 = LocalDate.of(2026, 1, 5);
    Trajectory t =
        Trajectory.of(
            ClientId.of("c3"),
            Instruments.PHQ9,
            List.of(
                Observation.of(1, d0, 20),
                Observation.of(2, d0.plusDays(7), 19),
                Observation.of(3, d0.plusDays(15), 10)));
    assertEquals(
        EventTime.event(15),
        EventTimes.reliableImprovement(t, Instruments.PHQ9, TimeScale.DAYS));
  }

  @Test
  void days_rejectMissingDates() {
    Trajectory t = phq(new int[] {1, 2}, new double[] {20, 10});
    IllegalArgumentException x =
        assertThrows(
            IllegalArgumentException.class,
            () -> EventTimes.reliableImprovement(t, Instruments.PHQ9, TimeScale.DAYS));
    assertTrue(x.getMessage().contains("date") && x.getMessage().contains("c1"), x.getMessage());
  }

  @Test
  void rejects_nonPositiveThreshold() {
    Trajectory t = phq(new int[] {1, 2}, new double[] {20, 10});
    IllegalArgumentException x =
        assertThrows(
            IllegalArgumentException.class,
            () -> EventTimes.reliableImprovement(t, 0, Direction.HIGHER_IS_WORSE,
                TimeScale.SESSIONS));
    assertTrue(x.getMessage().contains("threshold"), x.getMessage());
  }

  @Test
  void reliableImprovement_agreesWithMilestones_onAnInstrumentWithoutAPublishedThreshold() {
    // BDI-II has no published threshold: both use Jacobson-Truax from its clinical norms (9.35)
    Trajectory t = Trajectory.ofScores(ClientId.of("b"), Instruments.BDI2,
        new int[] {0, 1, 2, 3}, new double[] {30, 25, 21, 20});
    assertEquals(EventTime.event(3), EventTimes.reliableImprovement(t, Instruments.BDI2, TimeScale.SESSIONS));
    assertEquals(3, io.candor.progress.Milestones.reliableImprovement(t).getAsInt());
  }

  @Test
  void reliableImprovement_countsAChangeOfExactlyTheThresholdOnADecimalScale() {
    // ORS: 12.9 -> 17.9 is 5 points, the published threshold, though 17.9 - 12.9 < 5 in binary
    Trajectory t = Trajectory.ofScores(ClientId.of("o"), Instruments.ORS,
        new int[] {0, 1}, new double[] {12.9, 17.9});
    assertTrue(17.9 - 12.9 < 5);
    assertEquals(EventTime.event(1), EventTimes.reliableImprovement(t, Instruments.ORS, TimeScale.SESSIONS));
    assertEquals(1, io.candor.progress.Milestones.reliableImprovement(t).getAsInt());
  }
}
