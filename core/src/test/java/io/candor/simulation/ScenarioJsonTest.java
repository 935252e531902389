package io.candor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Course;
import io.candor.evidence.Sourced;
import io.candor.measure.Instruments;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioJsonTest {

  private static final Scenario PHQ = Scenario.calibratedDefault(Instruments.PHQ9);

  private static String error(String json) {
    return assertThrows(IllegalArgumentException.class, () -> ScenarioJson.read(json))
        .getMessage();
  }

  @Test
  void writeThenRead_givesAnEqualScenario() {
    assertEquals(PHQ, ScenarioJson.read(ScenarioJson.write(PHQ)));
    Scenario gad = Scenario.calibratedDefault(Instruments.GAD7);
    assertEquals(gad, ScenarioJson.read(ScenarioJson.write(gad)));
  }

  @Test
  void partialJson_overridesOnlyWhatItNames() {
    Scenario s = ScenarioJson.read("{\"sessions\": 16, \"dropout\": {\"hazard\": 0.02}}");
    assertEquals(16, s.sessions());
    assertEquals(0.02, s.dropout().hazard());
    assertEquals(PHQ.dropout().progressEffect(), s.dropout().progressEffect());
    assertEquals(PHQ.paths(), s.paths());
  }

  @Test
  void caseMix_replacesTheWholeMapAndAcceptsLowerCase() {
    Scenario s = ScenarioJson.read("{\"caseMix\": {\"chronic\": 1}}");
    assertEquals(1.0, s.caseMix().get(Course.CHRONIC));
    assertEquals(0.0, s.caseMix().get(Course.RESOLVABLE));
  }

  @Test
  void negativeSd_isRejectedNamingFieldAndValue() {
    String m = error("{\"intake\": {\"sd\": -2}}");
    assertTrue(m.contains("intake.sd") && m.contains("-2"), m);
  }

  @Test
  void probabilityOutsideUnitInterval_isRejected() {
    String m = error("{\"dropout\": {\"hazard\": 1.5}}");
    assertTrue(m.contains("dropout.hazard") && m.contains("1.5"), m);
    m = error("{\"readiness\": {\"forward\": -0.1}}");
    assertTrue(m.contains("readiness.forward") && m.contains("-0.1"), m);
  }

  @Test
  void unknownCourse_isRejectedNamingIt() {
    String m = error("{\"caseMix\": {\"relapsing\": 0.5, \"chronic\": 0.5}}");
    assertTrue(m.contains("caseMix") && m.contains("relapsing") && m.contains("chronic"), m);
  }

  @Test
  void sharesNotSummingToOne_areRejected() {
    String m = error("{\"caseMix\": {\"chronic\": 0.5}}");
    assertTrue(m.contains("caseMix") && m.contains("sum"), m);
  }

  @Test
  void unknownField_wrongTypeAndBadJson_areRejected() {
    assertTrue(error("{\"dropuot\": {}}").contains("dropuot"));
    String m = error("{\"dropout\": {\"hazard\": \"high\"}}");
    assertTrue(m.contains("hazard"), m);
    assertTrue(error("{\"sessions\": ").contains("JSON"));
    assertTrue(error("[1]").contains("object"));
    assertTrue(error("{\"dropout\": 3}").contains("dropout"));
    assertTrue(error("{\"instrument\": \"XYZ\"}").contains("XYZ"));
  }

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
        () -> PHQ.withIntake(new Scenario.Intake(40, 4, true)));
    assertThrows(IllegalArgumentException.class,
        () -> PHQ.withCaseMix(Map.of(Course.CHRONIC, 1.0)));
  }

  @Test
  void measurementError_followsReliability() {
    double r = PHQ.variation().reliability();
    assertEquals(PHQ.intake().sd() * Math.sqrt((1 - r) / r), PHQ.measurementErrorSd(), 1e-15);
  }

  @Test
  void scenarioJson_rejectsFractionalWholeNumbers_stringNumbers_andDuplicateKeys() {
    IllegalArgumentException frac =
        assertThrows(IllegalArgumentException.class, () -> ScenarioJson.read("{\"sessions\": 12.5}"));
    assertTrue(frac.getMessage().contains("sessions must be a whole number, was 12.5"),
        frac.getMessage());
    IllegalArgumentException text =
        assertThrows(IllegalArgumentException.class, () -> ScenarioJson.read("{\"sessions\": \"12\"}"));
    assertTrue(text.getMessage().contains("sessions must be a number, was \"12\""), text.getMessage());
    IllegalArgumentException flag =
        assertThrows(IllegalArgumentException.class,
            () -> ScenarioJson.read("{\"dropout\": {\"notAtRandom\": 1}}"));
    assertTrue(flag.getMessage().contains("dropout.notAtRandom must be a boolean"), flag.getMessage());
    IllegalArgumentException dup =
        assertThrows(IllegalArgumentException.class,
            () -> ScenarioJson.read("{\"sessions\": 10, \"sessions\": 20}"));
    assertTrue(dup.getMessage().contains("sessions"), dup.getMessage());
    // whole numbers for decimal fields stay fine
    assertTrue(ScenarioJson.read("{\"sessions\": 20, \"intake\": {\"sd\": 4}}").sessions() == 20);
  }
}
