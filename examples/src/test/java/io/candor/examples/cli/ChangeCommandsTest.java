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
    assertTrue(r.out().contains("own criterion (a change of at least 6 points [National Collaborating"
        + " Centre for Mental Health 2024, secondary]):"), r.out());
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
  void classify_cohortWhereHagemanArrindellHasNoCutoff_saysSoAndClassifiesByTheOthers() {
    // GAD-7 with a cohort SD of 422: the standard error of measurement exceeds the functional SD,
    // so Hageman-Arrindell's true-score cutoff does not exist (was an internal error, exit 70)
    String[] args = {"classify", "--instrument", "gad7", "--pre", "15", "--post", "4",
        "--cohort", "14.5,422,9.1,5.0,0.5,120"};
    CandorCliTest.Run text = run(args);
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().contains("HA    not available: HA cannot be used with these statistics:"
        + " its true-score cutoff needs a functional SD larger than the standard error"), text.out());
    assertTrue(text.out().contains("JT "), text.out());
    String[] json = java.util.Arrays.copyOf(args, args.length + 1);
    json[args.length] = "--json";
    CandorCliTest.Run j = run(json);
    assertEquals(0, j.status(), j.err());
    assertTrue(j.out().contains("HA cannot be used with these statistics"), j.out());
  }

  @Test
  void classify_cohortWhoseDifferenceScoresHaveNoReliableVariance_saysSoForHagemanArrindell() {
    // pre SD 4.2, post SD 5 and r12 0.9 give r_dd = −0.239 (was an internal error, exit 70)
    CandorCliTest.Run text = run("classify", "--instrument", "gad7", "--pre", "05", "--post", "5",
        "--cohort", "14.5,4.2,9.1,5.0,0.9,120");
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().contains("HA    not available: HA cannot be used with these statistics:"
        + " the reliability of the difference scores, r_dd = -0.239, is not positive"), text.out());
    assertTrue(text.out().contains("JT "), text.out());
    // a post SD below the standard error of measurement (was an internal error, exit 70)
    CandorCliTest.Run flat = run("classify", "--instrument", "gad7", "--pre", "15", "--post", "5",
        "--cohort", "14.5,4.2,9.1,0.01,0.5,120");
    assertEquals(0, flat.status(), flat.err());
    assertTrue(flat.out().contains("HA    not available: HA cannot be used with these statistics:"
        + " its post-treatment reliability"), flat.out());
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

  @Test
  void classify_instrumentWithoutNorms_givesThePublishedThresholdVerdict() {
    CandorCliTest.Run ors = run("classify", "--instrument", "ORS", "--pre", "15", "--post", "22");
    assertEquals(0, ors.status(), ors.err());
    assertTrue(ors.out().contains("improved"), ors.out());
    assertTrue(ors.out().contains("needs cohort statistics"), ors.out());
    CandorCliTest.Run wemwbs = run("classify", "--instrument", "WEMWBS", "--pre", "30", "--post", "45", "--json");
    JsonNode criterion = CandorCliTest.json(wemwbs, "ClassifyResult").get("criterion");
    assertEquals("RECOVERED", criterion.get("category").asString());
    assertEquals(8, criterion.get("threshold").get("value").asDouble());
  }

  @Test
  void classify_nothingClassifiable_exitsNonZeroSayingWhatIsMissing() {
    CandorCliTest.Run k10 = run("classify", "--instrument", "K10", "--pre", "30", "--post", "20");
    assertEquals(1, k10.status(), k10.out());
    assertTrue(k10.err().contains("--cohort"), k10.err());
    CandorCliTest.Run withCohort = run("classify", "--instrument", "K10", "--pre", "30", "--post", "20",
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
    CandorCliTest.Run r = run("classify", "--input", scores().toString(), "--id", "client", "--time", "session",
        "--score", "phq9", "--instrument", "PHQ-9", "--paired-score", "gad7",
        "--paired-instrument", "GAD-7");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("8 clients (1 with a single score left out)"), r.out());
    assertTrue(r.out().contains("HA "), r.out());
    assertTrue(r.out().contains("NHS Talking Therapies metrics"), r.out());
    CandorCliTest.Run json = run("classify", "--input", scores().toString(), "--id", "client", "--time",
        "session", "--score", "phq9", "--instrument", "PHQ-9", "--json");
    JsonNode root = CandorCliTest.json(json, "ClassifyBatchResult");
    assertEquals(8, root.get("clients").asInt());
    assertEquals(6, root.get("criterionThreshold").get("value").asDouble());
    assertEquals(6, root.get("comparison").get("rows").size());
    // c2: 14 -> 4 is 10 points (>= 6) and crosses the default cutoff c (about 8 here)
    assertEquals("RECOVERED", root.get("perClient").get(2).get("criterion").asString());
    assertEquals("IMPROVED", root.get("perClient").get(0).get("criterion").asString());
    assertEquals(8, io.candor.json.CandorJson.fromJson(json.out(), ClassifyBatchResult.class)
        .perClient().size());
    java.nio.file.Path csvFile = dir.resolve("per-client.csv");
    CandorCliTest.Run csv = run("classify", "--input", scores().toString(), "--id", "client", "--time",
        "session", "--score", "phq9", "--instrument", "PHQ-9", "--csv", csvFile.toString());
    assertEquals(0, csv.status(), csv.err());
    String table = java.nio.file.Files.readString(csvFile);
    assertTrue(table.startsWith("client,pre,post,observations,criterion,JT,GLN,HLL,EN,NK,HA"), table);
    assertEquals(9, table.strip().lines().count(), table);
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
        "--csv").status(), "--csv needs a file");
  }

  @Test
  void classify_significance_setsEveryCriticalValue() {
    CandorCliTest.Run r = run("classify", "--instrument", "PHQ-9", "--pre", "18", "--post", "9", "--json",
        "--significance", "0.05");
    JsonNode jt = CandorCliTest.json(r, "ClassifyResult").get("methods").get(0);
    assertEquals(1.959963984540054,
        jt.get("classification").get("reliableChange").get("criticalValue").asDouble(), 1e-15);
  }
}
