package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationCommandsTest {

  @TempDir Path dir;

  /** A Scenario document with this (partial) value. */
  static String scenario(String value) {
    return "{\"format\": \"candor\", \"formatVersion\": 1, \"type\": \"Scenario\", \"value\": "
        + value + "}";
  }

  private static CandorCliTest.Run run(String... args) {
    return CandorCliTest.run(args);
  }

  @Test
  void simulateCsv_isByteIdenticalForAnyThreadCount() throws IOException {
    Path one = dir.resolve("one.csv");
    Path three = dir.resolve("three.csv");
    assertEquals(0, run("simulate", "--clients", "5000", "--seed", "7", "--threads", "1",
        "--out", one.toString()).status());
    CandorCliTest.Run r = run("simulate", "--clients", "5000", "--seed", "7", "--threads", "3",
        "--out", three.toString());
    assertEquals(0, r.status(), r.err());
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(three));
    String csv = Files.readString(one, StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("id,scale,session,score,arm,course,readiness\nsim-000001,PHQ-9,0,"),
        csv.substring(0, 80));
    assertTrue(csv.contains("sim-005000,PHQ-9,"));
  }

  @Test
  void simulateSummary_isIdenticalForAnyThreadCountAndSeedMatters() {
    CandorCliTest.Run a = run("simulate", "--clients", "20000", "--summary", "--json",
        "--threads", "1");
    CandorCliTest.Run b = run("simulate", "--clients", "20000", "--summary", "--json",
        "--threads", "2");
    assertEquals(0, a.status(), a.err());
    assertEquals(a.out(), b.out());
    assertTrue(a.out().contains("\"dropoutRate\""), a.out());
    assertTrue(a.out().contains("\"bySession\""));
    CandorCliTest.Run c = run("simulate", "--clients", "20000", "--summary", "--json",
        "--seed", "1");
    assertTrue(!c.out().equals(a.out()));
    CandorCliTest.Run text = run("simulate", "--clients", "2000", "--summary", "--arm",
        "waitlist");
    assertEquals(0, text.status(), text.err());
    assertTrue(text.out().contains("waitlist arm"), text.out());
  }

  @Test
  void simulate_readsAScenarioFile() throws IOException {
    Path f = dir.resolve("s.json");
    Files.writeString(f, scenario("{\"sessions\": 12, \"dropout\": {\"hazard\": 0.0}}"));
    CandorCliTest.Run r = run("simulate", "--clients", "300", "--summary", "--scenario",
        f.toString(), "--json");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("\"lastSession\" : 12"), r.out());
    assertTrue(r.out().contains("\"dropoutRate\" : 0.0"), r.out());
    assertTrue(r.out().contains("\"type\" : \"SimulationReport\""), r.out());
  }

  @Test
  void simulate_writesScoresAtTheInstrumentsResolution() throws IOException {
    // ORS is scored in tenths: 23.2, never 23.200000000000003
    Path f = Files.writeString(dir.resolve("ors.json"), scenario("{\"instrument\": \"ORS\"}"));
    Path csv = dir.resolve("ors.csv");
    CandorCliTest.Run r = run("simulate", "--clients", "300", "--scenario", f.toString(), "--out",
        csv.toString());
    assertEquals(0, r.status(), r.err());
    List<String> lines = Files.readAllLines(csv);
    assertTrue(lines.size() > 300);
    for (String line : lines.subList(1, lines.size())) {
      String score = line.split(",")[3];
      assertTrue(score.matches("\\d{1,2}(\\.\\d)?"), line);
    }
  }

  @Test
  void simulate_badArgumentsExit2WithOneLine() throws IOException {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, scenario("{\"intake\": {\"sd\": -1}}"));
    for (String[] args : new String[][] {
        {"simulate", "--clients", "0", "--summary"},
        {"simulate", "--clients", "10"},
        {"simulate", "--clients", "10", "--summary", "--arm", "placebo"},
        {"simulate", "--clients", "10", "--summary", "--threads", "0"},
        {"simulate", "--clients", "10", "--summary", "--scenario", "nope.json"},
        {"simulate", "--clients", "10", "--summary", "--scenario", f.toString()}}) {
      CandorCliTest.Run r = run(args);
      assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("candor: "), r.err());
    }
    CandorCliTest.Run r = run("simulate", "--clients", "10", "--summary", "--scenario",
        f.toString());
    assertTrue(r.err().contains("intake.sd") && r.err().contains("-1"), r.err());
  }

  @Test
  void calibrate_printsRowsAndPasses() {
    // the full 20,000-client calibration is CalibrationTest's job (core); a smaller run here
    CandorCliTest.Run r = run("calibrate", "--clients", "4000");
    assertEquals(r.out().contains("FAIL") ? 1 : 0, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("Howard et al. 1986"), r.out());
    assertTrue(r.out().contains("Whiteford et al. 2013"), r.out());
    assertTrue(r.out().contains("PASS"));
    assertTrue(r.out().contains("4000 clients per arm"));
    CandorCliTest.Run j = run("calibrate", "--clients", "2000", "--json", "--seed", "3");
    assertTrue(j.out().contains("\"verdict\""), j.out());
    assertTrue(j.out().contains("\"citation\" : \"howard1986\""), j.out());
  }

  @Test
  void calibrate_exitsOneWhenARowFails() throws IOException {
    Path f = dir.resolve("miscalibrated.json");
    Files.writeString(f, scenario("{\"dropout\": {\"hazard\": 0.05}}"));
    CandorCliTest.Run r = run("calibrate", "--clients", "1000", "--scenario", f.toString());
    assertEquals(1, r.status(), r.out() + r.err());
    assertTrue(r.out().contains("FAIL"));
    assertEquals(2, run("calibrate", "--clients", "10").status());
  }

  @Test
  void demoSection_hedgesAndCites() {
    StringWriter s = new StringWriter();
    SimulateCommand.demoSection(new PrintWriter(s, true));
    String text = s.toString();
    assertTrue(text.contains("in 100 clients get reliably worse"), text);
    assertTrue(text.contains("Lambert 2013"));
    assertTrue(text.contains("not a forecast"));
    StringWriter again = new StringWriter();
    SimulateCommand.demoSection(new PrintWriter(again, true));
    assertEquals(text, again.toString());
  }

  @Test
  void longRuns_reportProgressOnStderrOnly() {
    CandorCliTest.Run r = run("simulate", "--clients", "200000", "--summary", "--json",
        "--threads", "2");
    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().contains("candor: simulated 200000 of 200000 clients"), r.err());
    assertTrue(r.out().startsWith("{"), r.out());
    assertTrue(run("simulate", "--clients", "1000", "--summary").err().isEmpty());
  }

  @Test
  void inWords_roundsToTensOrHundreds() {
    assertEquals("about 7 in 100", SimulateCommand.inWords(0.068));
    assertEquals("about 5 in 10", SimulateCommand.inWords(0.523));
    assertEquals("about 2 in 10", SimulateCommand.inWords(0.197));
  }
}
