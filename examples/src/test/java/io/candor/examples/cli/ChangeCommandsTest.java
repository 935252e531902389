package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code candor classify}, {@code candor instruments} and the demo section. */
class ChangeCommandsTest {

  private static CandorCliTest.Run run(String... args) {
    return CandorCliTest.run(args);
  }

  @Test
  void classify_printsEveryMethodWithSources() {
    CandorCliTest.Run r = run("classify", "--instrument", "PHQ-9", "--pre", "18", "--post", "9");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("JT       -2.89"), r.out());
    assertTrue(r.out().contains("HLL   not available"), r.out());
    assertTrue(r.out().contains("Jacobson NS, Truax P (1991)"), r.out());
    assertTrue(r.out().contains("not a diagnosis"), r.out());
  }

  @Test
  void classify_json_hasIndexThresholdAndCategoryPerMethod() {
    CandorCliTest.Run r = run("classify", "--instrument", "phq9", "--pre", "18", "--post", "9", "--json",
        "--cutoff", "caseness");
    JsonNode root = CandorCliTest.json(r, "ClassifyResult");
    assertEquals("PHQ-9", root.get("instrument").asString());
    assertEquals("CASENESS", root.get("cutoff").get("type").asString());
    JsonNode jt = root.get("methods").get(0);
    assertEquals("JT", jt.get("abbreviation").asString());
    JsonNode rc = jt.get("classification").get("reliableChange");
    // 1.96 * 5.5 * sqrt(2 * .16) = 6.098...
    assertEquals(6.098088880952786,
        rc.get("criticalValue").asDouble() * rc.get("standardError").asDouble(), 1e-12);
    assertEquals("RECOVERED", jt.get("classification").get("category").asString());
    assertTrue(root.get("methods").get(2).get("classification").isNull());
    assertTrue(root.get("methods").get(2).get("notAvailable").isString());
    ClassifyResult back = io.candor.json.CandorJson.fromJson(r.out(), ClassifyResult.class);
    assertEquals(6, back.methods().size());
  }

  @Test
  void classify_withCohort_enablesEveryMethod() {
    CandorCliTest.Run r = run("classify", "--instrument", "PHQ-9", "--pre", "18", "--post", "9",
        "--cohort", "16.45,6.18,10.6,7.27,0.75,40", "--json");
    JsonNode methods = CandorCliTest.json(r, "ClassifyResult").get("methods");
    for (JsonNode m : methods) {
      assertTrue(m.get("classification").isObject(), m.toString());
    }
  }

  @Test
  void classify_badArguments_printOneLineAndExit2() {
    CandorCliTest.Run range = run("classify", "--instrument", "PHQ-9", "--pre", "18", "--post", "30");
    assertEquals(2, range.status());
    assertEquals(1, range.err().strip().lines().count(), range.err());
    assertTrue(range.err().contains("--post"), range.err());
    CandorCliTest.Run unknown = run("classify", "--instrument", "BAI", "--pre", "1", "--post", "2");
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("unknown instrument"), unknown.err());
    CandorCliTest.Run cutoff = run("classify", "--instrument", "K10", "--pre", "30", "--post", "20", "--cutoff", "b");
    assertEquals(2, cutoff.status());
    assertTrue(cutoff.err().contains("functional norms"), cutoff.err());
    CandorCliTest.Run cohort = run("classify", "--instrument", "PHQ-9", "--pre", "18", "--post", "9", "--cohort", "1,2");
    assertEquals(2, cohort.status());
    CandorCliTest.Run missing = run("classify", "--instrument", "PHQ-9", "--pre", "18");
    assertEquals(2, missing.status());
    CandorCliTest.Run notNumber = run("classify", "--instrument", "PHQ-9", "--pre", "x", "--post", "9");
    assertEquals(2, notNumber.status());
    CandorCliTest.Run badType = run("classify", "--instrument", "PHQ-9", "--pre", "18", "--post", "9", "--cutoff", "d");
    assertEquals(2, badType.status());
  }

  @Test
  void instruments_listsFiguresCertaintyAndCitations() {
    CandorCliTest.Run r = run("instruments");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("CORE-10"), r.out());
    assertTrue(r.out().contains("primary"), r.out());
    assertTrue(r.out().contains("[barkham2013]"), r.out());
    CandorCliTest.Run j = run("instruments", "--json");
    JsonNode list = CandorCliTest.json(j, "InstrumentCatalog").get("instruments");
    assertEquals(8, list.size());
    JsonNode phq = list.get(0).get("figures").get("clinicalSd");
    assertEquals(5.5, phq.get("value").asDouble(), 0);
    assertEquals("SECONDARY", phq.get("certainty").asString());
  }

  @Test
  void demoSection_showsMethodsAndTalkingTherapiesRates() {
    StringWriter s = new StringWriter();
    ClassifyCommand.demoSection(new PrintWriter(s));
    String out = s.toString();
    assertTrue(out.contains("HA"), out);
    assertTrue(out.contains("recovery"), out);
    assertTrue(out.contains("95 % CI"), out);
  }
}
