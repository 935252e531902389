package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code candor classify}, {@code candor instruments} and the demo section. */
class ChangeCommandsTest {

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = CandorCli.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void classify_printsEveryMethodWithSources() {
    Run r = run("classify", "--instrument", "PHQ-9", "--pre", "18", "--post", "9");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("JT       -2.89"), r.out());
    assertTrue(r.out().contains("HLL   not available"), r.out());
    assertTrue(r.out().contains("Jacobson NS, Truax P (1991)"), r.out());
    assertTrue(r.out().contains("not a diagnosis"), r.out());
  }

  @Test
  void classify_json_hasIndexThresholdAndCategoryPerMethod() {
    Run r = run("classify", "--instrument", "phq9", "--pre", "18", "--post", "9", "--json",
        "--cutoff", "caseness");
    assertEquals(0, r.status(), r.err());
    JsonNode root = JsonMapper.builder().build().readTree(r.out());
    assertEquals("PHQ-9", root.get("instrument").asString());
    assertEquals("CASENESS", root.get("cutoff").get("type").asString());
    JsonNode jt = root.get("methods").get(0);
    assertEquals("JT", jt.get("abbreviation").asString());
    // 1.96 * 5.5 * sqrt(2 * .16) = 6.098...
    assertEquals(6.098088880952786, jt.get("threshold").asDouble(), 1e-12);
    assertEquals("RECOVERED", jt.get("category").asString());
    assertEquals(false, root.get("methods").get(2).get("available").asBoolean());
  }

  @Test
  void classify_withCohort_enablesEveryMethod() {
    Run r = run("classify", "--instrument", "PHQ-9", "--pre", "18", "--post", "9",
        "--cohort", "16.45,6.18,10.6,7.27,0.75,40", "--json");
    assertEquals(0, r.status(), r.err());
    JsonNode methods = JsonMapper.builder().build().readTree(r.out()).get("methods");
    for (JsonNode m : methods) {
      assertTrue(m.get("available").asBoolean(), m.toString());
    }
  }

  @Test
  void classify_badArguments_printOneLineAndExit2() {
    Run range = run("classify", "--instrument", "PHQ-9", "--pre", "18", "--post", "30");
    assertEquals(2, range.status());
    assertEquals(1, range.err().strip().lines().count(), range.err());
    assertTrue(range.err().contains("--post"), range.err());
    Run unknown = run("classify", "--instrument", "BAI", "--pre", "1", "--post", "2");
    assertEquals(2, unknown.status());
    assertTrue(unknown.err().contains("unknown instrument"), unknown.err());
    Run cutoff = run("classify", "--instrument", "K10", "--pre", "30", "--post", "20", "--cutoff", "b");
    assertEquals(2, cutoff.status());
    assertTrue(cutoff.err().contains("functional norms"), cutoff.err());
    Run cohort = run("classify", "--instrument", "PHQ-9", "--pre", "18", "--post", "9", "--cohort", "1,2");
    assertEquals(2, cohort.status());
    Run missing = run("classify", "--instrument", "PHQ-9", "--pre", "18");
    assertEquals(2, missing.status());
    Run notNumber = run("classify", "--instrument", "PHQ-9", "--pre", "x", "--post", "9");
    assertEquals(2, notNumber.status());
    Run badType = run("classify", "--instrument", "PHQ-9", "--pre", "18", "--post", "9", "--cutoff", "d");
    assertEquals(2, badType.status());
  }

  @Test
  void instruments_listsFiguresCertaintyAndCitations() {
    Run r = run("instruments");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("CORE-10"), r.out());
    assertTrue(r.out().contains("primary"), r.out());
    assertTrue(r.out().contains("[barkham2013]"), r.out());
    Run j = run("instruments", "--json");
    assertEquals(0, j.status(), j.err());
    JsonNode list = JsonMapper.builder().build().readTree(j.out()).get("instruments");
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

  @Test
  void classify_instrumentWithoutNorms_givesThePublishedThresholdVerdict() {
    Run ors = run("classify", "--instrument", "ORS", "--pre", "15", "--post", "22");
    assertEquals(0, ors.status(), ors.err());
    assertTrue(ors.out().contains("improved"), ors.out());
    assertTrue(ors.out().contains("needs cohort statistics"), ors.out());
    Run wemwbs = run("classify", "--instrument", "WEMWBS", "--pre", "30", "--post", "45", "--json");
    assertEquals(0, wemwbs.status(), wemwbs.err());
    JsonNode criterion = JsonMapper.builder().build().readTree(wemwbs.out()).get("criterion");
    assertEquals("RECOVERED", criterion.get("category").asString());
    assertEquals(8, criterion.get("threshold").asDouble());
  }

  @Test
  void classify_nothingClassifiable_exitsNonZeroSayingWhatIsMissing() {
    Run k10 = run("classify", "--instrument", "K10", "--pre", "30", "--post", "20");
    assertEquals(1, k10.status(), k10.out());
    assertTrue(k10.err().contains("--cohort"), k10.err());
    Run withCohort = run("classify", "--instrument", "K10", "--pre", "30", "--post", "20",
        "--cohort", "28,6,20,7,0.5,50");
    assertEquals(0, withCohort.status(), withCohort.err());
  }

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  private java.nio.file.Path scores() throws java.io.IOException {
    StringBuilder sb = new StringBuilder("client,session,phq9,gad7\n");
    int[][] phq = {{18, 14, 9}, {22, 21, 20}, {14, 8, 4}, {11, 12, 12}, {6, 10, 14}, {25, 18, 12},
        {16, 13, 10}, {19, 12, 6}};
    int[][] gad = {{14, 10, 7}, {17, 16, 16}, {12, 6, 3}, {9, 9, 9}, {5, 8, 11}, {18, 12, 9},
        {13, 10, 8}, {15, 9, 5}};
    for (int c = 0; c < phq.length; c++) {
      for (int k = 0; k < 3; k++) {
        sb.append("c").append(c).append(',').append(k).append(',').append(phq[c][k]).append(',')
            .append(gad[c][k]).append('\n');
      }
    }
    sb.append("single,0,15,12\n");
    java.nio.file.Path f = dir.resolve("scores.csv");
    java.nio.file.Files.writeString(f, sb.toString());
    return f;
  }

  @Test
  void classify_batch_classifiesFirstAgainstLastWithTheMethodComparison() throws Exception {
    Run r = run("classify", "--input", scores().toString(), "--id", "client", "--time", "session",
        "--score", "phq9", "--instrument", "PHQ-9", "--paired-score", "gad7",
        "--paired-instrument", "GAD-7");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("8 clients (1 with a single score left out)"), r.out());
    assertTrue(r.out().contains("HA "), r.out());
    assertTrue(r.out().contains("NHS Talking Therapies metrics"), r.out());
    Run json = run("classify", "--input", scores().toString(), "--id", "client", "--time",
        "session", "--score", "phq9", "--instrument", "PHQ-9", "--json");
    assertEquals(0, json.status(), json.err());
    JsonNode root = JsonMapper.builder().build().readTree(json.out());
    assertEquals(8, root.get("clients").asInt());
    assertEquals("CRITERION", root.get("methods").get(0).get("method").asString());
    // c2: 14 -> 4 is 10 points (>= 6) and crosses the default cutoff c (about 8 here)
    assertEquals("RECOVERED", root.get("perClient").get(2).get("criterion").asString());
    assertEquals("IMPROVED", root.get("perClient").get(0).get("criterion").asString());
    Run csv = run("classify", "--input", scores().toString(), "--id", "client", "--time",
        "session", "--score", "phq9", "--instrument", "PHQ-9", "--csv");
    assertEquals(0, csv.status(), csv.err());
    assertTrue(csv.out().startsWith("client,pre,post,observations,criterion,JT,GLN,HLL,EN,NK,HA"),
        csv.out());
    assertEquals(9, csv.out().strip().lines().count(), csv.out());
  }

  @Test
  void classify_batch_badCombinationsExit2() throws Exception {
    String f = scores().toString();
    assertEquals(2, run("classify", "--input", f, "--instrument", "PHQ-9").status());
    assertEquals(2, run("classify", "--input", f, "--id", "client", "--time", "session", "--score",
        "phq9", "--instrument", "PHQ-9", "--pre", "3").status());
    assertEquals(2, run("classify", "--input", f, "--id", "client", "--time", "session", "--score",
        "phq9", "--instrument", "PHQ-9", "--paired-score", "gad7").status());
    assertEquals(2, run("classify", "--instrument", "PHQ-9", "--pre", "18", "--post", "9",
        "--csv").status());
  }

  @Test
  void classify_significance_setsEveryCriticalValue() {
    Run r = run("classify", "--instrument", "PHQ-9", "--pre", "18", "--post", "9", "--json",
        "--significance", "0.05");
    assertEquals(0, r.status(), r.err());
    JsonNode jt = JsonMapper.builder().build().readTree(r.out()).get("methods").get(0);
    assertEquals(1.959963984540054, jt.get("criticalValue").asDouble(), 1e-15);
  }
}
