package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Course;
import io.candor.measure.Instruments;
import io.candor.robustness.Refusals;
import io.candor.simulation.Scenario;
import org.junit.jupiter.api.Test;

/** Scenario documents: written in full, read laid over the calibrated default. */
class ScenarioJsonTest {

  private static final Scenario PHQ = Scenario.calibratedDefault(Instruments.PHQ9);

  /** A Scenario document with this value. */
  static String document(String value) {
    return "{\"format\": \"candor\", \"formatVersion\": 1, \"type\": \"Scenario\", \"value\": "
        + value + "}";
  }

  private static Scenario scenario(String value) {
    return CandorJson.fromJson(document(value), Scenario.class);
  }

  /** The refusal's message, checked to be one line that repeats no record of the document. */
  private static String error(String value) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scenario(value));
    Refusals.check(e, document(value));
    return e.getMessage();
  }

  @Test
  void writeThenRead_givesAnEqualScenario() {
    assertEquals(PHQ, CandorJson.fromJson(CandorJson.toJson(PHQ), Scenario.class));
    Scenario gad = Scenario.calibratedDefault(Instruments.GAD7);
    assertEquals(gad, CandorJson.fromJson(CandorJson.toJson(gad), Scenario.class));
  }

  @Test
  void partialJson_overridesOnlyWhatItNames() {
    Scenario s = scenario("{\"sessions\": 16, \"dropout\": {\"hazard\": 0.02}}");
    assertEquals(16, s.sessions());
    assertEquals(0.02, s.dropout().hazard());
    assertEquals(PHQ.dropout().progressEffect(), s.dropout().progressEffect());
    assertEquals(PHQ.paths(), s.paths());
  }

  @Test
  void caseMix_replacesTheWholeMapAndAcceptsLowerCase() {
    Scenario s = scenario("{\"caseMix\": {\"chronic\": 1}}");
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
  void rejectsFractionalWholeNumbers_stringNumbers_andDuplicateKeys() {
    assertTrue(error("{\"sessions\": 12.5}").contains("scenario.sessions must be a whole number, was 12.5"),
        error("{\"sessions\": 12.5}"));
    assertTrue(error("{\"sessions\": \"12\"}").contains("scenario.sessions must be a number, was \"12\""));
    String mechanism = error("{\"dropout\": {\"missingness\": \"SOMETIMES\"}}");
    assertTrue(mechanism.contains("scenario.dropout.missingness") && mechanism.contains("SOMETIMES"), mechanism);
    assertTrue(error("{\"sessions\": 10, \"sessions\": 20}").contains("sessions"));
    assertEquals(20, scenario("{\"sessions\": 20, \"intake\": {\"sd\": 4}}").sessions());
  }

  @Test
  void hugeOrInfiniteNumbers_areRejectedPlainly() {
    String m = error("{\"sessions\": 1e400}");
    assertTrue(m.contains("scenario.sessions must be a whole number"), m);
    m = error("{\"sessions\": 99999999999}");
    assertTrue(m.contains("scenario.sessions must be a whole number"), m);
    m = error("{\"intake\": {\"sd\": 1e400}}");
    assertTrue(m.startsWith("scenario.intake.sd must be a finite number"), m);
    m = error("{\"intake\": {\"sd\": 1e-400}}");
    assertTrue(m.startsWith("scenario.intake.sd is too close to zero"), m);
    m = error("{\"intake\": {\"sd\": 1" + "0".repeat(309) + "}}");
    assertTrue(m.startsWith("scenario.intake.sd must be a finite number"), m);
    m = error("{\"caseMix\": {\"chronic\": 1e400}}");
    assertTrue(m.startsWith("scenario.caseMix.CHRONIC must be a finite number"), m);
  }

  @Test
  void wholeNumbers_areNotTruncated() {
    String m = error("{\"waitlist\": {\"weeks\": 1.002}}");
    assertTrue(m.startsWith("scenario.waitlist.weeks must be a whole number, was 1.002"), m);
    m = error("{\"sessions\": 12.0}");
    assertTrue(m.startsWith("scenario.sessions must be a whole number"), m);
  }

  @Test
  void mapValues_mustBeNumbers_notStrings() {
    String m = error("{\"caseMix\": {\"chronic\": \"1\"}}");
    assertTrue(m.startsWith("scenario.caseMix.CHRONIC must be a number, was \"1\""), m);
    m = error("{\"readiness\": {\"rateMultiplier\": {\"ACTION\": \"1.5\"}}}");
    assertTrue(m.startsWith("scenario.readiness.rateMultiplier.ACTION must be a number"), m);
    m = error("{\"readiness\": {\"rateMultiplier\": {\"ACTION\": null}}}");
    assertTrue(m.startsWith("scenario.readiness.rateMultiplier.ACTION must be a number"), m);
  }

  @Test
  void mapKeysNamingTheSameConstant_areRefusedNotOneDropped() {
    String m = error("{\"readiness\": {\"rateMultiplier\": {\" ACTION\": 1.5, \"ACTION\": 2}}}");
    assertTrue(m.startsWith("scenario.readiness.rateMultiplier names ACTION twice"), m);
    m = error("{\"caseMix\": {\"chronic\": 0.5, \"Chronic\": 0.5}}");
    assertTrue(m.startsWith("scenario.caseMix names CHRONIC twice"), m);
  }

  @Test
  void blankOrUnknownInstrument_namesTheField() {
    String m = error("{\"instrument\": \" \"}");
    assertTrue(m.startsWith("scenario.instrument"), m);
    m = error("{\"instrument\": \"PHQ.29\"}");
    assertTrue(m.startsWith("scenario.instrument") && m.contains("PHQ.29"), m);
  }

  @Test
  void truncatedJson_givesLineAndColumn_withoutJacksonSourceNoise() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> CandorJson.fromJson("[", Scenario.class)).getMessage();
    assertFalse(m.contains("REDACTED"), m);
    assertFalse(m.contains("Source:"), m);
    assertTrue(m.startsWith("not valid JSON (line 1"), m);
  }
}
