package io.candor.expectation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Course;
import io.candor.domain.Observation;
import io.candor.domain.ReadinessStage;
import io.candor.measure.Instruments;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ClientProfileTest {

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void of_hasTheDefaults_andWithersCopy() {
    ClientProfile p = ClientProfile.of(Instruments.PHQ9, 18);
    assertEquals(20, p.plannedSessions());
    assertEquals(0, p.lastObservedSession());
    ClientProfile q = p.withCourse(Course.CHRONIC).withReadiness(ReadinessStage.ACTION)
        .withPlannedSessions(12).withObserved(1, 17).withObserved(3, 15).withAttendance(4, 1)
        .withHomework(3, 2);
    assertEquals(Optional.of(Course.CHRONIC), q.course());
    assertEquals(List.of(Observation.of(1, 17), Observation.of(3, 15)), q.observed());
    assertEquals(3, q.lastObservedSession());
    assertEquals(0.25, q.attendance().orElseThrow().missedShare());
    assertEquals(2 / 3.0, q.homework().orElseThrow().completedShare());
    assertTrue(p.observed().isEmpty(), "the original is unchanged");
  }

  @Test
  void scoresOutsideTheRange_areRejectedNamingTheField() {
    assertTrue(message(() -> ClientProfile.of(Instruments.PHQ9, 28))
        .contains("PHQ-9 intake must be between 0 and 27, was 28"));
    assertTrue(message(() -> ClientProfile.of(Instruments.PHQ9, Double.NaN)).contains("NaN"));
    assertTrue(message(() -> ClientProfile.of(Instruments.PHQ9, 18).withObserved(2, -1))
        .contains("score at session 2 must be between 0 and 27, was -1"));
  }

  @Test
  void sessionsOutOfOrderOrAfterThePlan_areRejected() {
    ClientProfile p = ClientProfile.of(Instruments.PHQ9, 18).withObserved(3, 15);
    assertTrue(message(() -> p.withObserved(2, 14))
        .contains("session 2 came after session 3"));
    assertTrue(message(() -> p.withObserved(3, 14)).contains("strictly increasing"));
    assertTrue(message(() -> ClientProfile.of(Instruments.PHQ9, 18).withObserved(0, 14))
        .contains("after the intake"));
    assertTrue(message(() -> p.withObserved(21, 14))
        .contains("observed session 21 is after the last planned session 20"));
    assertTrue(message(() -> p.withPlannedSessions(2)).contains("observed session 3"));
    assertTrue(message(() -> p.withPlannedSessions(0)).contains("plannedSessions"));
    assertTrue(message(() -> p.withPlannedSessions(501)).contains("plannedSessions"));
  }

  @Test
  void items_needTheInstrumentsCountAndRange_andMatchTheirSessionsScore() {
    ClientProfile p = ClientProfile.of(Instruments.PHQ9, 13).withObserved(1, 12);
    assertTrue(message(() -> p.withItems(ClientProfile.ItemResponses.of(1, 2, 3)))
        .contains("PHQ-9 needs exactly 9 item responses, was 3"));
    assertTrue(message(() -> p.withItems(ClientProfile.ItemResponses.of(2, 2, 1, 3, 1, 0, 2, 1, 4)))
        .contains("PHQ-9 item 9 must be 0-3, was 4"));
    ClientProfile.ItemResponses thirteen = ClientProfile.ItemResponses.of(2, 2, 1, 3, 1, 0, 2, 1, 1);
    assertEquals(OptionalInt.empty(), p.withItems(thirteen).items().orElseThrow().session());
    assertEquals(OptionalInt.of(0), p.withItems(thirteen.atSession(0)).items().orElseThrow()
        .session());
    assertTrue(message(() -> p.withItems(thirteen.atSession(1)))
        .contains("the responses add up to 13 but the PHQ-9 score at session 1 is 12"));
    assertTrue(message(() -> p.withItems(thirteen.atSession(2)))
        .contains("session 2 has no observed score"));
    assertTrue(message(() -> ClientProfile.of(Instruments.OQ45, 80)
        .withItems(ClientProfile.ItemResponses.of(1, 2))).contains("OQ-45 has no item scoring"));
    assertThrows(IllegalArgumentException.class, () -> thirteen.atSession(-1));
    assertThrows(IllegalArgumentException.class,
        () -> new ClientProfile.ItemResponses(OptionalInt.empty(), List.of()));
  }

  @Test
  void engagementCounts_areChecked() {
    ClientProfile p = ClientProfile.of(Instruments.PHQ9, 18);
    assertTrue(message(() -> p.withAttendance(0, 0)).contains("attendance offered"));
    assertTrue(message(() -> p.withAttendance(3, 4)).contains("attendance missed"));
    assertTrue(message(() -> p.withHomework(2, 3)).contains("homework completed"));
    assertTrue(message(() -> p.withHomework(0, 0)).contains("homework assigned"));
  }

  @Test
  void instrumentsWithoutACutoffOrAThreshold_cannotHaveAReport() {
    assertTrue(message(() -> ClientProfile.of(Instruments.BDI2, 20))
        .contains("reliable-change threshold"));
  }
}
