package io.candor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Course;
import io.candor.evidence.Sourced;
import io.candor.measure.Instruments;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioTest {

  private static final Scenario PHQ = Scenario.calibratedDefault(Instruments.PHQ9);

  @Test
  void everyDefault_hasASource() {
    Map<String, Sourced> src = ScenarioDefaults.sources();
    assertTrue(src.size() >= 40);
    for (Map.Entry<String, Sourced> e : src.entrySet()) {
      assertTrue(!e.getValue().note().isBlank(), e.getKey());
    }
    assertEquals(PHQ.dropout().hazard(), src.get("dropout.hazard").value());
    assertEquals(PHQ.sessions(), (int) src.get("sessions").value());
  }

  @Test
  void scenario_validatesDirectConstruction() {
    assertThrows(IllegalArgumentException.class, () -> PHQ.withSessions(0));
    assertThrows(IllegalArgumentException.class,
        () -> new Scenario.Jumps(0.7, 0.5, 0.5, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new Scenario.Variation(1.0, 1, 1, 0.8));
    assertThrows(IllegalArgumentException.class,
        () -> PHQ.withIntake(new Scenario.Intake(40, 4, Scenario.Entry.CASES_ONLY)));
    assertThrows(IllegalArgumentException.class,
        () -> PHQ.withCaseMix(Map.of(Course.CHRONIC, 1.0)));
  }

  @Test
  void measurementError_followsReliability() {
    double r = PHQ.variation().reliability();
    assertEquals(PHQ.intake().sd() * Math.sqrt((1 - r) / r), PHQ.measurementErrorSd(), 1e-15);
  }
}
