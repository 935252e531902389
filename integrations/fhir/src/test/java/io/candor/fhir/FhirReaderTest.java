package io.candor.fhir;

import static io.candor.fhir.HapiValidation.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.ClientId;
import io.candor.domain.Trajectory;
import io.candor.measure.Instruments;
import io.candor.measure.RiskFlag;
import io.candor.robustness.LargeInputs;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;

class FhirReaderTest {

  private static final FhirReader READER = FhirReader.withDefaults();

  private static QuestionnaireResponse phq9(String json) {
    return (QuestionnaireResponse) FhirJson.parse(json, "test");
  }

  private static Bundle bundle(String json) {
    return FhirJson.parseBundle(json, "bundle.json");
  }

  private static IllegalArgumentException readFails(String bundleJson) {
    return assertThrows(IllegalArgumentException.class, () -> READER.read(bundle(bundleJson)));
  }

  @Test
  void exampleResources_areValidFhirR4ByHapi() {
    HapiValidation.assertValid(FhirJson.parse(resource("phq9-response.json"), "phq9"));
    Bundle b = bundle(resource("bundle.json"));
    HapiValidation.assertValid(b);
    for (Bundle.BundleEntryComponent e : b.getEntry()) {
      HapiValidation.assertValid(e.getResource());
    }
  }

  @Test
  void score_phq9ByLoincLinkIdsAndAnswerCodes_withItem9Flagged() {
    FormScore s = READER.score(phq9(resource("phq9-response.json")));
    assertEquals(LoincForm.PHQ9, s.form());
    assertEquals(14, s.total());
    assertEquals(9, s.answered());
    assertEquals(OptionalInt.of(2), s.responses().get(0));
    assertEquals(List.of(new RiskFlag("PHQ-9", 9, OptionalInt.of(1))), s.riskFlags());
  }

  @Test
  void score_noFlagWhenItem9IsZero_butTheScoreIsStillGiven() {
    String json = resource("phq9-response.json")
        .replace("\"LA6569-3\",\n                \"display\": \"Several days\"\n              }\n            }\n          ]\n        },\n        {\n          \"linkId\": \"44261-6\"",
            "\"LA6568-5\",\n                \"display\": \"Not at all\"\n              }\n            }\n          ]\n        },\n        {\n          \"linkId\": \"44261-6\"")
        .replace("\"valueInteger\": 14", "\"valueInteger\": 13");
    FormScore s = READER.score(phq9(json));
    assertEquals(13, s.total());
    assertTrue(s.riskFlags().isEmpty());
  }

  @Test
  void read_bundle_buildsOneTrajectoryPerPatientAndInstrumentInDateOrder() {
    FhirCohort c = READER.read(bundle(resource("bundle.json")));
    assertEquals(3, c.cohort().size());
    Trajectory p1 = c.cohort().find(ClientId.of("Patient/p1"), "PHQ-9").orElseThrow();
    assertEquals(List.of(0, 1, 2), List.of(p1.sessionAt(0), p1.sessionAt(1), p1.sessionAt(2)));
    assertEquals(List.of(14.0, 9.0, 4.0), List.of(p1.scoreAt(0), p1.scoreAt(1), p1.scoreAt(2)));
    assertEquals(LocalDate.of(2024, 1, 15), p1.observations().get(1).date().orElseThrow());
    Trajectory gad = c.cohort().find(ClientId.of("Patient/p1"), "GAD-7").orElseThrow();
    assertEquals(Instruments.GAD7, gad.scale());
    assertEquals(List.of(11.0, 4.0), List.of(gad.scoreAt(0), gad.scoreAt(1)));
    Trajectory p2 = c.cohort().find(ClientId.of("Patient/p2"), "PHQ-9").orElseThrow();
    assertEquals(List.of(19.0, 15.0), List.of(p2.scoreAt(0), p2.scoreAt(1)));

    assertEquals(1, c.flagged().size());
    ImportedScore flagged = c.flagged().get(0);
    assertEquals("QuestionnaireResponse/phq9-p1-1", flagged.reference());
    assertEquals(0, flagged.session());
    assertEquals(ImportedScore.Origin.OBSERVATION, c.scores().get(c.scores().size() - 1).origin());
  }

  @Test
  void read_bundle_reportsEveryResourceThatGaveNoScore() {
    FhirCohort c = READER.read(bundle(resource("bundle.json")));
    assertEquals(Map.of(Exclusion.Reason.NOT_A_SCORE, 3, Exclusion.Reason.NOT_FINAL, 2,
        Exclusion.Reason.DERIVED_FROM_RESPONSE, 1), c.excludedCounts());
    Exclusion enteredInError = c.exclusions().stream()
        .filter(e -> e.reason() == Exclusion.Reason.NOT_FINAL).findFirst().orElseThrow();
    assertEquals("Bundle.entry[6].resource(QuestionnaireResponse/phq9-p1-x)", enteredInError.path());
    assertEquals("status entered-in-error", enteredInError.detail());
    assertEquals(7, c.scores().size());
  }

  @Test
  void read_firstSessionIsConfigurable() {
    FhirCohort c = READER.withFirstSession(1).read(bundle(resource("bundle.json")));
    assertEquals(1, c.cohort().trajectories().get(0).sessionAt(0));
  }

  @Test
  void wrongQuestionnaire_failsNamingThePath() {
    String json = resource("phq9-response.json").replace("http://loinc.org/q/44249-1",
        "http://loinc.org/q/89204-2");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> READER.score(phq9(json)));
    assertTrue(e.getMessage().startsWith("QuestionnaireResponse(QuestionnaireResponse/phq9-p1-1)"
        + ".questionnaire: http://loinc.org/q/89204-2 is not a questionnaire Candor scores"),
        e.getMessage());
  }

  @Test
  void wrongQuestionnaireInABundle_failsOrIsExcludedAsAsked() {
    String json = resource("bundle.json").replace("\"http://loinc.org/q/44249-1\",\n        "
        + "\"status\": \"completed\",\n        \"subject\": {\n          \"reference\": "
        + "\"Patient/p1\"\n        },\n        \"authored\": \"2024-01-22",
        "\"http://example.org/Questionnaire/consent\",\n        \"status\": \"completed\",\n        "
        + "\"subject\": {\n          \"reference\": \"Patient/p1\"\n        },\n        "
        + "\"authored\": \"2024-01-22");
    assertTrue(json.contains("consent"));
    IllegalArgumentException e = readFails(json);
    assertTrue(e.getMessage().startsWith(
        "Bundle.entry[3].resource(QuestionnaireResponse/phq9-p1-3).questionnaire"), e.getMessage());
    FhirCohort c = READER.with(Unrecognised.EXCLUDE).read(bundle(json));
    assertEquals(1, c.excludedCounts().get(Exclusion.Reason.UNRECOGNISED));
    assertEquals(2, c.cohort().find(ClientId.of("Patient/p1"), "PHQ-9").orElseThrow().size());
  }

  @Test
  void missingAnswer_failsNamingTheItemsNotAnswered() {
    String json = resource("phq9-response.json").replaceFirst(
        "(?s)\\{\\s*\"linkId\": \"44254-1\".*?\\]\\s*\\},", "");
    assertTrue(!json.contains("44254-1"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> READER.score(phq9(json)));
    assertEquals("QuestionnaireResponse(QuestionnaireResponse/phq9-p1-1).item: PHQ-9: 1 of 9 items"
        + " are missing; the instrument defines no proration, so every item must be answered"
        + " (not answered: PHQ-9 items [4], LOINC [44254-1])", e.getMessage());
  }

  @Test
  void declinedAnswer_countsAsNotAnswered() {
    String json = resource("phq9-response.json").replaceFirst(
        "\"system\": \"http://loinc.org\",\n                \"code\": \"LA6571-9\"",
        "\"system\": \"http://terminology.hl7.org/CodeSystem/data-absent-reason\",\n"
            + "                \"code\": \"asked-declined\"");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> READER.score(phq9(json)));
    assertTrue(e.getMessage().contains("not answered: PHQ-9 items [4]"), e.getMessage());
  }

  @Test
  void unknownItemCode_failsNamingTheLinkIdAndPath() {
    String json = resource("phq9-response.json").replace("\"44251-7\"", "\"12345-6\"");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> READER.score(phq9(json)));
    assertTrue(e.getMessage().startsWith("QuestionnaireResponse(QuestionnaireResponse/phq9-p1-1)"
        + ".item[0].item[4].linkId: \"12345-6\" is not an item of PHQ-9"), e.getMessage());
    // a linkId holding a tab is quoted with the tab escaped: the message stays on one line
    String tab = resource("phq9-response.json").replace("\"44251-7\"", "\"12345\\t6\"");
    IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
        () -> READER.score(phq9(tab)));
    assertTrue(t.getMessage().contains(".linkId: \"12345\\u00096\" is not an item of PHQ-9"),
        t.getMessage());
    assertEquals("unrecognised must be fail or exclude, was \"ex\\u000aclude\"",
        assertThrows(IllegalArgumentException.class, () -> Unrecognised.parse("ex\nclude"))
            .getMessage());
  }

  @Test
  void unknownAnswerCode_failsNamingTheAnswerPath() {
    String json = resource("phq9-response.json").replaceFirst("LA6570-1", "LA9999-9");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> READER.score(phq9(json)));
    assertTrue(e.getMessage().startsWith("QuestionnaireResponse(QuestionnaireResponse/phq9-p1-1)"
        + ".item[0].item[0].answer[0].valueCoding: unknown answer code http://loinc.org|LA9999-9"
        + " for PHQ-9 item 1; known: LOINC LA6568-5 = 0, LA6569-3 = 1, LA6570-1 = 2, LA6571-9 = 3"),
        e.getMessage());
  }

  @Test
  void outOfRangeIntegerAnswer_failsNamingThePath() {
    String json = resource("bundle.json").replace("\"valueInteger\": 2\n", "\"valueInteger\": 4\n");
    IllegalArgumentException e = readFails(json);
    assertTrue(e.getMessage().contains(".answer[0].valueInteger: GAD-7 item 1 must be 0-3, was 4"),
        e.getMessage());
  }

  @Test
  void statedTotalThatDisagrees_fails() {
    String json = resource("phq9-response.json").replace("\"valueInteger\": 14", "\"valueInteger\": 15");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> READER.score(phq9(json)));
    assertTrue(e.getMessage().endsWith("item[0].item[9].answer[0]: the stated total 15 differs from"
        + " the total of the item answers, 14"), e.getMessage());
  }

  @Test
  void derivedObservationThatDisagrees_fails() {
    String json = resource("bundle.json").replace("\"valueInteger\": 9", "\"valueInteger\": 10");
    IllegalArgumentException e = readFails(json);
    assertTrue(e.getMessage().contains("(Observation/phq9-total-p1-2).value: the total 10 (PHQ-9)"
        + " disagrees with the QuestionnaireResponse it is derived from"), e.getMessage());
  }

  @Test
  void observationOfAnotherCode_failsOrIsExcluded() {
    String json = resource("bundle.json").replace("\"code\": \"44261-6\"\n            }\n          ]\n"
        + "        },\n        \"subject\": {\n          \"reference\": \"Patient/p2\"\n        },\n"
        + "        \"effectiveDateTime\": \"2024-02-01\"",
        "\"code\": \"8480-6\"\n            }\n          ]\n        },\n        \"subject\": {\n"
            + "          \"reference\": \"Patient/p2\"\n        },\n        \"effectiveDateTime\": \"2024-02-01\"");
    assertTrue(json.contains("8480-6"));
    IllegalArgumentException e = readFails(json);
    assertTrue(e.getMessage().startsWith("Bundle.entry[10].resource(Observation/phq9-total-p2-1)"
        + ".code: http://loinc.org|8480-6 is not a total score Candor reads"), e.getMessage());
    FhirCohort c = READER.with(Unrecognised.EXCLUDE).read(bundle(json));
    assertEquals("code http://loinc.org|8480-6", c.exclusions().stream()
        .filter(x -> x.reason() == Exclusion.Reason.UNRECOGNISED).findFirst().orElseThrow().detail());
  }

  @Test
  void observationOutOfRange_failsNamingTheValue() {
    String json = resource("bundle.json").replace("\"valueInteger\": 19", "\"valueInteger\": 28");
    IllegalArgumentException e = readFails(json);
    assertTrue(e.getMessage().startsWith("Bundle.entry[10].resource(Observation/phq9-total-p2-1)"
        + ".value: PHQ-9 total must be between 0 and 27, was 28"), e.getMessage());
  }

  @Test
  void missingSubjectOrDate_failNamingThePath() {
    IllegalArgumentException subject = assertThrows(IllegalArgumentException.class,
        () -> READER.read(bundle(resource("bundle.json").replaceFirst(
            "\"subject\": \\{\n          \"reference\": \"Patient/p1\"\n        \\},", ""))));
    assertTrue(subject.getMessage().contains(".subject is missing"), subject.getMessage());
    IllegalArgumentException date = assertThrows(IllegalArgumentException.class,
        () -> READER.read(bundle(resource("bundle.json").replace(
            "\"authored\": \"2024-01-22\",", ""))));
    assertTrue(date.getMessage().contains("(QuestionnaireResponse/gad7-p1-2).authored is missing"),
        date.getMessage());
  }

  @Test
  void twoScoresAtTheSameTime_failNamingBoth() {
    String json = resource("bundle.json").replace("2024-01-15T09:30:00+00:00\",\n        \"item\"",
        "2024-01-22T09:30:00+00:00\",\n        \"item\"");
    IllegalArgumentException e = readFails(json);
    assertTrue(e.getMessage().contains("patient Patient/p1 has two PHQ-9 scores at"
        + " 2024-01-22T09:30:00+00:00"), e.getMessage());
  }

  @Test
  void wrongResourceType_failsClearly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> FhirJson.parseBundle(resource("phq9-response.json"), "phq9-response.json"));
    assertEquals("phq9-response.json: expected a FHIR Bundle, was a QuestionnaireResponse (wrap"
        + " QuestionnaireResponses and Observations in a Bundle of type collection)", e.getMessage());
    IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
        () -> FhirJson.parse("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"colour\": 1}",
            "x.json"));
    assertTrue(invalid.getMessage().startsWith("x.json: not valid FHIR R4 JSON"), invalid.getMessage());
  }

  @Test
  void customLinkIds_areReadWhenRegistered() {
    String json = resource("phq9-response.json").replace("\"44250-9\"", "\"mood-1\"");
    assertThrows(IllegalArgumentException.class, () -> READER.score(phq9(json)));
    FhirReader custom = READER.withForms(LoincForm.PHQ9.withLinkId("mood-1", 1), LoincForm.GAD7);
    assertEquals(14, custom.score(phq9(json)).total());
  }

  @Test
  void configuration_hasValueSemanticsAndValidates() {
    assertEquals(FhirReader.withDefaults(), FhirReader.withDefaults().withFirstSession(0));
    assertEquals(FhirReader.withDefaults().hashCode(),
        FhirReader.withDefaults().with(Unrecognised.FAIL).hashCode());
    assertTrue(READER.toString().contains("PHQ-9"));
    assertThrows(IllegalArgumentException.class, () -> READER.withFirstSession(-1));
    assertThrows(IllegalArgumentException.class, () -> READER.withForms());
    assertThrows(IllegalArgumentException.class,
        () -> READER.withForms(LoincForm.PHQ9, LoincForm.PHQ9.withCanonical("x")));
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void parse_tenMegabyteInputs_areRefusedShortlyWithoutStackOverflowOrMemoryBlowUp() {
    String deep = LargeInputs.of("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":",
        "[", "");
    LargeInputs.assertRefused(deep, () -> FhirJson.parseBundle(deep, "deep.json"));
    String deepObjects = LargeInputs.of("{\"resourceType\":\"Bundle\",\"meta\":", "{\"extension\":", "");
    LargeInputs.assertRefused(deepObjects, () -> FhirJson.parseBundle(deepObjects, "objects.json"));
    String hugeNumber = LargeInputs.of("{\"resourceType\":\"Observation\",\"status\":\"final\","
        + "\"code\":{\"text\":\"x\"},\"valueInteger\":1", "0", "}");
    LargeInputs.assertRefused(hugeNumber, () -> FhirJson.parse(hugeNumber, "number.json"));
  }
}
