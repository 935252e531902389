package io.candor.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.robustness.Refusals;
import org.junit.jupiter.api.Test;

class FhirJsonTest {

  private static String error(String json) {
    String m = assertThrows(IllegalArgumentException.class, () -> FhirJson.parse(json, "x.json"))
        .getMessage();
    Refusals.checkMessage(m, json);
    return m;
  }

  @Test
  void textThatIsNotJson_isRefusedOnOneLineWithLineAndColumn() {
    String m = error("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
        + "{\"resourceType\":\"Observation\"I,\"status\":\"final\"}}]}");
    assertTrue(m.startsWith("x.json: not valid FHIR R4 JSON (line 1, column 96): HAPI-1861: "), m);
    assertTrue(m.endsWith("was expecting comma to separate Object entries"), m);
  }

  @Test
  void hapisExplanation_isCutAndKeptOnOneLine() {
    String m = error("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"c\\nolour"
        + "x".repeat(2000) + "\": 1}");
    assertTrue(m.startsWith("x.json: not valid FHIR R4 JSON: HAPI-"), m);
    assertTrue(m.endsWith("\u2026") && m.length() < 400, m);
    assertEquals("not valid FHIR R4 JSON", FhirJson.explain(null));
    assertEquals("not valid FHIR R4 JSON (line 2, column 3): a\\u0009b",
        FhirJson.explain("a\tb\n at [line: 2, column: 3]"));
  }

  @Test
  void aPropertyWithAnEmptyName_isRefusedNotAnExceptionOfTheParser() {
    // HAPI FHIR 8.12's JsonParser reads the first character of each property's name
    for (String json : new String[] {
        "{\"resourceType\": \"Patient\", \"\": true}",
        "{\"resourceType\": \"Patient\", \"name\": [{\"\": \"x\"}]}",
        "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [{\"resource\":"
            + " {\"resourceType\": \"QuestionnaireResponse\", \"status\": \"completed\","
            + " \"item\": [{\"\": \"44260-8\"}]}}]}"}) {
      String m = error(json);
      assertTrue(m.matches("x\\.json: not valid FHIR R4 JSON \\(line 1, column \\d+\\):"
          + " a property has an empty name"), m);
    }
    assertEquals("x.json: not valid FHIR R4 JSON (line 2, column 3): a property has an empty name",
        error("{\"resourceType\": \"Patient\",\n  \"\": true}"));
  }

  @Test
  void hapisExplanation_isCutAfterItsEscapesAreWritten() {
    // NUL characters written as six-character escapes: cut before escaping, 300 became 1,800
    String m = error("{\"resourceType\": \"Patient\", \"id\": \"p1\", \"active\": o"
        + "\u0000".repeat(400) + "}");
    assertTrue(m.startsWith("x.json: not valid FHIR R4 JSON (line 1, column "), m);
    assertTrue(m.contains("\\u0000\\u0000") && m.endsWith("\u2026"), m);
    String explained = FhirJson.explain("\u0000".repeat(400));
    assertEquals("not valid FHIR R4 JSON: " + "\\u0000".repeat(50) + "\u2026", explained);
    assertEquals("not valid FHIR R4 JSON: " + "x".repeat(300),
        FhirJson.explain("x".repeat(300)));
    assertEquals("not valid FHIR R4 JSON: " + "x".repeat(300) + "\u2026",
        FhirJson.explain("x".repeat(301)));
  }

  @Test
  void aResourcesTextInAMessage_isQuotedOnOneLineAndCut() {
    assertEquals("\"a\\u000ab\"", FhirPaths.quote("a\nb"));
    assertEquals("\"" + "x".repeat(59) + "\u2026\" (500 characters)", FhirPaths.quote("x".repeat(500)));
    assertEquals("id must not be blank, was \"\\u000a \"", assertThrows(
        IllegalArgumentException.class, () -> FhirPaths.nonBlank("id", "\n ")).getMessage());
  }
}
