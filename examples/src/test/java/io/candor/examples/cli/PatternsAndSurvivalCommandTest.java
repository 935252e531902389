package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.examples.cli.CandorCliTest.Run;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class PatternsAndSurvivalCommandTest {

  @TempDir static Path dir;
  static Path sgdata;
  static Path grouped;

  @BeforeAll
  static void writeData() throws IOException {
    sgdata = dir.resolve("sgdata.csv");
    try (InputStream in = PatternsCommand.class.getResourceAsStream("sgdata.csv")) {
      Files.copy(in, sgdata);
    }
    List<String> lines = Files.readAllLines(sgdata);
    List<String> out = new ArrayList<>();
    out.add(lines.get(0) + ",stage,dropped");
    for (String l : lines.subList(1, lines.size())) {
      int id = Integer.parseInt(l.substring(0, l.indexOf(',')));
      out.add(l + "," + (id % 2 == 0 ? "action" : "contemplation") + "," + (id % 3 == 0 ? "yes" : "no"));
    }
    grouped = dir.resolve("grouped.csv");
    Files.write(grouped, out);
  }

  private static String[] patterns(String... extra) {
    List<String> a = new ArrayList<>(List.of("patterns", "--input", sgdata.toString(), "--id", "id",
        "--time", "session", "--score", "bdi", "--instrument", "BDI-II"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  private static String[] survival(Path file, String... extra) {
    List<String> a = new ArrayList<>(List.of("survival", "--input", file.toString(), "--id", "id",
        "--time", "session", "--score", "bdi", "--instrument", "BDI-II"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  private static void assertUsageError(Run r, String fragment) {
    assertEquals(2, r.status(), r.out() + r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("candor: "), r.err());
    assertTrue(r.err().contains(fragment), r.err());
  }

  @Test
  void patterns_reproducesSuddengainsPackageOnSgdata() {
    Run r = CandorCliTest.run(patterns("--cutoff", "7", "--min-session", "1", "--max-session", "12"));
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Sudden gains: 24 in 15 of 43 clients (34.9 %); 8 with more than one"), r.out());
    assertTrue(r.out().contains("by person (first gain): mean 11.40 (SD 3.98)"), r.out());
    assertTrue(r.out().contains("3 of 15 first gains"), r.out());
  }

  @Test
  void patterns_jsonHasGainsAndLossesWithRequiredFields() {
    Run r = CandorCliTest.run(patterns("--cutoff", "7", "--min-session", "1", "--max-session", "12", "--json"));
    JsonNode root = CandorCliTest.json(r, "PatternsResult");
    assertEquals(24, root.get("gains").get("changes").asInt());
    assertEquals(15, root.get("gains").get("clientsWithChange").asInt());
    JsonNode first = root.get("clients").get(0);
    assertEquals("1", first.get("client").asString());
    JsonNode g = first.get("gains").get(0);
    assertEquals(3, g.get("preSession").asInt());
    assertEquals(4, g.get("postSession").asInt());
    assertEquals(34.0, g.get("preScore").asDouble());
    assertEquals(23.0, g.get("postScore").asDouble());
    assertEquals(11.0, g.get("magnitude").asDouble());
    assertTrue(g.get("reversalSession").isInt());
    assertTrue(first.get("losses").isArray());
    assertEquals(43, root.get("clients").size());
    assertTrue(first.has("earlyResponse"));
    assertTrue(first.get("plateaus").isArray());
    PatternsResult back = io.candor.json.CandorJson.fromJson(r.out(), PatternsResult.class);
    assertEquals(43, back.clients().size());
  }

  @Test
  void patterns_criteriaOptionsChangeTheResult() {
    Run strict = CandorCliTest.run(patterns("--cutoff", "20", "--min-session", "1", "--max-session", "12"));
    assertTrue(strict.out().contains("Sudden gains: 1 in 1 of 43"), strict.out());
    Run pkg = CandorCliTest.run(patterns("--cutoff", "7", "--min-session", "1", "--max-session", "12",
        "--reversal", "suddengains-package", "--schedule", "consecutive-observations"));
    assertEquals(0, pkg.status(), pkg.err());
    Run loose = CandorCliTest.run(patterns("--cutoff", "7", "--no-mean-difference", "--no-relative"));
    assertEquals(0, loose.status(), loose.err());
    assertFalse(loose.out().contains("Sudden gains: 24 in"), loose.out());
  }

  @Test
  void patterns_badInputExits2WithOneLine() {
    assertUsageError(CandorCliTest.run(patterns("--relative", "1.5")), "relative");
    assertUsageError(CandorCliTest.run(patterns("--schedule", "weekly")), "schedule");
    assertUsageError(CandorCliTest.run(patterns("--reversal", "never")), "reversal");
    assertUsageError(CandorCliTest.run(patterns("--cutoff", "-1")), "cutoff");
    assertUsageError(CandorCliTest.run(patterns("--min-session", "5", "--max-session", "2")), "min-session");
    Run badCol = CandorCliTest.run("patterns", "--input", sgdata.toString(), "--id", "id", "--time", "week",
        "--score", "bdi", "--instrument", "BDI-II");
    assertUsageError(badCol, "week");
    Run badInstrument = CandorCliTest.run("patterns", "--input", sgdata.toString(), "--id", "id", "--time",
        "session", "--score", "bdi", "--instrument", "HAMD");
    assertUsageError(badInstrument, "HAMD");
    Run outOfRange = CandorCliTest.run("patterns", "--input", sgdata.toString(), "--id", "id", "--time",
        "session", "--score", "bdi", "--instrument", "PHQ-9");
    assertUsageError(outOfRange, "line");
  }

  @Test
  void survival_jsonStrataAndLogRank() {
    Run r = CandorCliTest.run(survival(grouped, "--event", "recovery", "--by", "stage", "--json"));
    JsonNode root = CandorCliTest.json(r, "SurvivalResult");
    JsonNode strata = root.get("fit").get("strata");
    assertEquals(2, strata.size());
    assertEquals("action", strata.get(0).get("name").asString());
    JsonNode km = strata.get(0).get("fit");
    for (String f : List.of("time", "nRisk", "nEvent", "survival", "stdErr", "lower", "upper")) {
      assertEquals(km.get("time").size(), km.get(f).size(), f);
    }
    assertTrue(km.has("median"));
    assertTrue(km.has("medianLower"));
    assertTrue(km.get("medianUpper").isNull());
    JsonNode lr = root.get("fit").get("logRank");
    assertEquals(1, lr.get("df").asInt());
    assertTrue(lr.get("p").asDouble() > 0 && lr.get("p").asDouble() <= 1);
  }

  @Test
  void survival_unstratifiedHasNoLogRank() {
    Run r = CandorCliTest.run(survival(sgdata, "--event", "reliable-improvement", "--json"));
    JsonNode root = CandorCliTest.json(r, "SurvivalResult").get("fit");
    assertEquals(1, root.get("strata").size());
    assertEquals("all", root.get("strata").get(0).get("name").asString());
    assertTrue(root.get("logRank").isNull());
    assertEquals(5.0, root.get("strata").get(0).get("fit").get("median").asDouble());
  }

  @Test
  void patternsAndSurvival_countOneClientInTheSingular() throws IOException {
    Path one = Files.writeString(dir.resolve("one.csv"),
        "id,session,bdi\na,0,30\na,1,29\na,2,28\na,3,16\na,4,15\na,5,15\n");
    Run p = CandorCliTest.run("patterns", "--input", one.toString(), "--id", "id", "--time",
        "session", "--score", "bdi", "--instrument", "BDI-II");
    assertEquals(0, p.status(), p.err());
    assertTrue(p.out().contains("Non-linear progress on BDI-II: 1 client\n"), p.out());
    assertTrue(p.out().contains("Sudden gains: 1 in 1 of 1 client ("), p.out());
    assertFalse(p.out().contains("1 clients"), p.out());
    Path two = Files.writeString(dir.resolve("two.csv"),
        "id,session,bdi\na,0,30\na,1,29\na,2,10\nb,0,5\nb,1,4\n");
    Run s = CandorCliTest.run(survival(two, "--event", "recovery"));
    assertEquals(0, s.status(), s.err());
    assertTrue(s.out().contains("1 client not in the clinical range at intake is left out"),
        s.out());
  }

  @Test
  void survival_readsGroupAndDropoutFlagInOnePass() {
    Run r = CandorCliTest.run(survival(grouped, "--event", "dropout", "--dropped-column",
        "dropped", "--by", "stage", "--json"));
    assertEquals(0, r.status(), r.err());
    assertEquals(2, CandorCliTest.json(r, "SurvivalResult").get("fit").get("strata").size());
  }

  @Test
  void survival_relapseCountsOnlyRecoveredClients() {
    Run r = CandorCliTest.run(survival(sgdata, "--event", "relapse", "--json"));
    JsonNode root = CandorCliTest.json(r, "SurvivalResult");
    assertEquals("relapse", root.get("event").asString());
    int n = root.get("fit").get("strata").get(0).get("fit").get("n").asInt();
    assertEquals(43, n + root.get("leftOut").asInt());
  }

  @Test
  void survival_dropoutByPlannedOrFlag() {
    Run planned = CandorCliTest.run(survival(grouped, "--event", "dropout", "--planned", "12"));
    assertEquals(0, planned.status(), planned.err());
    assertTrue(planned.out().contains("before session 12"), planned.out());
    Run flagged = CandorCliTest.run(survival(grouped, "--event", "dropout", "--dropped-column", "dropped", "--json"));
    assertEquals(14, CandorCliTest.json(flagged, "SurvivalResult").get("fit").get("strata").get(0)
        .get("fit").get("events").asInt());
  }

  @Test
  void survival_dropoutReportsEngagement() {
    Run r = CandorCliTest.run(survival(grouped, "--event", "dropout", "--planned", "12", "--by", "stage", "--json"));
    JsonNode e = CandorCliTest.json(r, "SurvivalResult").get("engagement");
    assertEquals(43, e.get("starters").asInt());
    assertEquals(2, e.get("dropouts").asInt());
    assertEquals("all", e.get("overall").get("group").asString());
    assertEquals(2, e.get("byGroup").size(), "two groups");
    assertTrue(e.has("reliableImprovementCompleters"));
    assertTrue(e.has("recoveryAllStarters"));
    Run text = CandorCliTest.run(survival(grouped, "--event", "dropout", "--planned", "12"));
    assertTrue(text.out().contains("completers"), text.out());
    assertTrue(text.out().contains("Dropout hazard per session (all): s2 2/43"), text.out());
  }

  @Test
  void survival_unknownEvent_listsTheValuesAsTyped() {
    assertUsageError(CandorCliTest.run(survival(grouped, "--event", "remission")),
        "event must be one of reliable-improvement, recovery, dropout, relapse");
  }

  @Test
  void survival_textSaysOneClientNotOneClients() throws IOException {
    Path f = Files.writeString(dir.resolve("one-left.csv"), "id,session,bdi\n"
        + "a,0,30\na,1,20\na,2,10\nb,0,5\nb,1,4\nc,0,28\nc,1,27\n");
    Run r = CandorCliTest.run(survival(f, "--event", "recovery"));
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("1 client not in the clinical range at intake is left out"), r.out());
  }

  @Test
  void patterns_neverPrintsANegativeShareOfTheNetChange() throws IOException {
    // client a: a 15-point sudden gain, then ends worse than at intake (share was -750 %)
    Path f = Files.writeString(dir.resolve("worse.csv"), "id,session,bdi\n"
        + "a,1,30\na,2,31\na,3,30\na,4,15\na,5,14\na,6,15\na,7,32\na,8,32\n");
    Run r = CandorCliTest.run("patterns", "--input", f.toString(), "--id", "id", "--time",
        "session", "--score", "bdi", "--instrument", "BDI-II", "--cutoff", "7");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("Sudden gains: 1 in 1 of 1 client ("), r.out());
    assertFalse(r.out().matches("(?s).*-\\d+\\.\\d %.*"), r.out());
    assertTrue(r.out().contains("Non-linear progress on BDI-II: 1 client\n")
        || r.out().contains("Non-linear progress on BDI-II: 1 client\r\n"), r.out());
  }

  @Test
  void survival_badInputExits2WithOneLine() {
    assertUsageError(CandorCliTest.run(survival(grouped, "--event", "dropout")), "--planned");
    assertUsageError(CandorCliTest.run(survival(grouped, "--event", "recovery", "--planned", "6")), "only");
    assertUsageError(CandorCliTest.run(survival(grouped, "--event", "remission")), "event");
    assertUsageError(CandorCliTest.run(survival(grouped, "--event", "dropout", "--dropped-column", "stage")),
        "true/false");
    assertUsageError(CandorCliTest.run(survival(grouped, "--event", "recovery", "--by", "region")), "region");
    assertUsageError(CandorCliTest.run(survival(grouped, "--event", "recovery", "--conf-type", "arcsin")), "arcsin");
  }

  @Test
  void demoSection_summarisesSgdata() {
    StringWriter s = new StringWriter();
    PrintWriter out = new PrintWriter(s);
    PatternsCommand.demoSection(out);
    out.flush();
    assertTrue(s.toString().contains("24 sudden gains in 15 of 43 clients (34.9 %)"), s.toString());
    assertTrue(s.toString().contains("Tang & DeRubeis 1999"));
  }
}
