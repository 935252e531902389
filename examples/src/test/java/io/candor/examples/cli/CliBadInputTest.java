package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.candor.examples.cli.CandorCliTest.Run;
import io.candor.json.CandorJson;
import io.candor.progress.ExpectedResponseModel;
import io.candor.robustness.Refusals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of bad argument or bad input, for every subcommand, through {@link CandorCli#run}:
 * exactly one line on stderr starting with {@code candor: } that names what was wrong, status 2,
 * no stack trace, and no record of an input file repeated ({@link Refusals}).
 */
class CliBadInputTest {

  @TempDir static Path dir;
  static Path good;
  static Path model;

  static Run run(String... args) {
    return CandorCliTest.run(args);
  }

  static Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  @BeforeAll
  static void writeFiles() throws IOException {
    good = write("good.csv", "id,session,score,group,dropped\n"
        + "a,0,20,x,no\na,1,18,x,no\na,2,10,x,no\na,3,9,x,no\na,4,8,x,no\n"
        + "b,0,22,y,yes\nb,1,21,y,yes\nb,2,20,y,yes\n");
    Path sim = dir.resolve("sim.csv");
    Run s = run("simulate", "--clients", "60", "--out", sim.toString(), "--seed", "3");
    assertEquals(0, s.status(), s.err());
    Run f = run("fit", "--input", sim.toString(), "--id", "id", "--time", "session", "--score",
        "score", "--json");
    assertEquals(0, f.status(), f.err());
    model = write("model.json", f.out());
  }

  /** Asserts status 2, exactly one stderr line, the prefix and a key phrase. */
  static void assertBad(String phrase, String... args) {
    Run r = run(args);
    String what = String.join(" ", args) + " -> status " + r.status() + ", err: " + r.err();
    assertEquals(CandorCli.USAGE, r.status(), what);
    assertEquals(1, r.err().lines().count(), what);
    assertTrue(r.err().startsWith("candor: "), what);
    assertTrue(r.err().toLowerCase(Locale.ROOT).contains(phrase.toLowerCase(Locale.ROOT)), what);
    assertFalse(r.err().contains("\tat "), what);
    String message = r.err().strip().substring("candor: ".length());
    for (String a : args) {
      Path file = Path.of(a);
      if (a.contains(java.io.File.separator) && Files.isRegularFile(file)) {
        try {
          Refusals.checkMessage(message, Files.readString(file));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      } else {
        Refusals.checkMessage(message);
      }
    }
  }

  @Test
  void aFileNameWithControlCharacters_isShownWithThemEscaped() {
    // found by the CLI fuzz target: an --svg path holding a tab, shown raw after "cannot write"
    Path missing = dir.resolve("no\tsuch.csv");
    Run r = run(patterns(missing));
    assertEquals(CandorCli.USAGE, r.status(), r.err());
    assertEquals("candor: cannot read " + dir.resolve("no\\u0009such.csv")
        + ": no such file or directory", r.err().strip());
    Run w = run("simulate", "--clients", "5", "--out", dir.resolve("x\u0001/y\n.csv").toString());
    assertEquals(CandorCli.USAGE, w.status(), w.err());
    assertTrue(w.err().startsWith("candor: cannot write " + dir.resolve("x\\u0001/y")), w.err());
    assertEquals(1, w.err().lines().count(), w.err());
    // then, after 987,139 executions: a name of 200 control characters, each written as a
    // six-character escape, made a message of 1,570 characters; it is cut
    Run cut = run(patterns(dir.resolve("\u0014".repeat(200))));
    assertEquals(CandorCli.USAGE, cut.status(), cut.err());
    String message = cut.err().strip();
    int length = message.length() - "candor: ".length(); // cut before an escape that does not fit
    assertTrue(length <= CandorCli.LONGEST_MESSAGE && length > CandorCli.LONGEST_MESSAGE - 6,
        message);
    assertTrue(message.startsWith("candor: cannot read " + dir.resolve("\\u0014\\u0014")), message);
    assertTrue(message.endsWith("\\u0014\u2026"), message);
  }

  static String[] cmd(String first, List<String> base, String... extra) {
    List<String> a = new ArrayList<>();
    a.add(first);
    a.addAll(base);
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  static String[] patterns(Path file, String... extra) {
    return cmd("patterns", List.of("--input", file.toString(), "--id", "id", "--time", "session",
        "--score", "score", "--instrument", "PHQ-9"), extra);
  }

  static String[] survival(Path file, String... extra) {
    return cmd("survival", List.of("--input", file.toString(), "--id", "id", "--time", "session",
        "--score", "score", "--instrument", "PHQ-9"), extra);
  }

  static String[] fit(Path file, String... extra) {
    return cmd("fit", List.of("--input", file.toString(), "--id", "id", "--time", "session",
        "--score", "score"), extra);
  }

  // ---------------------------------------------------------------- one long-format reader

  @Test
  void everyCsvCommand_rejectsARepeatedSession_withTheSameMessage() throws IOException {
    Path dup = write("dup.csv", "id,session,score\na,0,20\na,1,18\na,1,17\nb,0,22\nb,1,20\n"
        + "c,0,15\nc,1,14\nd,0,20\nd,1,12\n");
    String message = "dup.csv line 4, column 2 (session): client a has session 1 twice (first on"
        + " line 3); keep one row per client and time";
    assertBad(message, patterns(dup));
    assertBad(message, survival(dup, "--event", "recovery"));
    assertBad(message, fit(dup)); // fit used to fit the repeated session as another observation
    assertBad(message, classifyFile(dup));
  }

  static String[] classifyFile(Path file, String... extra) {
    return cmd("classify", List.of("--input", file.toString(), "--id", "id", "--time", "session",
        "--score", "score", "--instrument", "PHQ-9"), extra);
  }

  @Test
  void classify_takesTheSameInputOptions_allOrNone() throws IOException {
    assertBad("Missing required argument(s): --input=FILE", "classify", "--instrument", "PHQ-9",
        "--id", "id", "--time", "session", "--score", "score");
    assertBad("Missing required argument(s): --id=COL", "classify", "--instrument", "PHQ-9",
        "--input", good.toString(), "--time", "session", "--score", "score");
    Path eu = write("classify-eu.csv", "id;session;score\na;0;20\na;1;9\nb;0;22\nb;1;21\n");
    Run r = run(classifyFile(eu, "--delimiter", ";", "--json"));
    assertEquals(0, r.status(), r.err());
  }

  @Test
  void everyCsvCommand_checksScoresAgainstTheInstrumentsResolution() throws IOException {
    Path half = write("half.csv", "id,session,score\na,0,20\na,1,15.5\nb,0,22\nb,1,20\n");
    String message = "half.csv line 3, column 3 (score): PHQ-9 score must be a whole number (the"
        + " instrument's resolution) between 0 and 27, was 15.5";
    assertBad(message, patterns(half));
    assertBad(message, survival(half, "--event", "recovery"));
    assertBad(message, fit(half, "--instrument", "PHQ-9"));
    assertBad(message, classifyFile(half));
  }

  @Test
  void everyCsvCommand_namesAHugeNumber_withLineAndColumn() throws IOException {
    Path huge = write("huge.csv", "id,session,score\na,0,20\na,1,1e308\nb,0,22\nb,1,20\n"
        + "c,0,15\nc,1,14\n");
    String message = "huge.csv line 3, column 3 (score): number 1e308 is out of range";
    assertBad(message, fit(huge)); // fit used to say the fixed effects were not identifiable
    assertBad(message, patterns(huge));
  }

  @Test
  void delimiterAndDecimal_rejectUnknownWordsAndConflicts() throws IOException {
    assertBad("Invalid value for option '--delimiter': expected one of ',', ';', '|' or tab but"
        + " was ':'", fit(good, "--delimiter", ":"));
    assertBad("Invalid value for option '--decimal': expected one of point, comma"
        + " (case-insensitive) but was 'dot'", fit(good, "--decimal", "dot"));
    assertBad("a decimal comma needs another delimiter", fit(good, "--decimal", "comma"));
    Path eu = write("eu.csv", "id;session;score\na;0;20\na;1;18,5\n");
    assertBad("eu.csv line 3, column 3 (score): expected a decimal number with a decimal point,"
        + " was \"18,5\" (the file seems to use a decimal comma)", patterns(eu, "--delimiter", ";"));
    assertBad("column \"id\" not found; the header has [id;session;score] (one column: is the"
        + " file separated by another delimiter?)", patterns(eu));
  }

  // ---------------------------------------------------------------- every subcommand

  @Test
  void help_worksForEverySubcommand_andExits0() {
    for (String c : List.of("demo", "report", "instruments", "classify", "fit", "expect",
        "patterns", "survival", "simulate", "calibrate")) {
      Run r = run(c, "--help");
      assertEquals(0, r.status(), c + ": " + r.err());
      assertTrue(r.out().contains("Usage: candor " + c), c + ": " + r.out());
      assertEquals("", r.err(), c);
    }
    assertEquals(0, run("--help").status());
  }

  @Test
  void unknownOption_isRejectedByEverySubcommand() {
    for (String c : List.of("demo", "report", "instruments", "classify", "fit", "expect",
        "patterns", "survival", "simulate", "calibrate")) {
      assertBad("Unknown option: '--bogus'", c, "--bogus");
    }
    assertBad("Unmatched argument", "nosuchcommand");
    assertBad("Unmatched argument", "instruments", "extra");
  }

  @Test
  void aLongOrControlCharacterArgument_isNamedOnOneShortLine() {
    Run r = run("classify", "--instrume\u0007t" + "x".repeat(3000), "--pre", "10");
    assertBad("Unknown option: '--instrume\\u0007txxx", "classify",
        "--instrume\u0007t" + "x".repeat(3000), "--pre", "10");
    assertTrue(r.err().strip().length() < 320 && r.err().strip().endsWith("\u2026"), r.err());
  }

  // ---------------------------------------------------------------- classify

  @Test
  void classify_rejectsMissingOptions_badNumbers_andOutOfRangeScores() {
    assertBad("give both --pre and --post", "classify", "--instrument", "PHQ-9", "--pre", "10");
    assertBad("unknown instrument \"NOPE\"", "classify", "--instrument", "NOPE", "--pre", "1",
        "--post", "2");
    assertBad("'x' is not a double", "classify", "--instrument", "PHQ-9", "--pre", "x", "--post", "3");
    assertBad("--pre must be between 0 and 27, was NaN", "classify", "--instrument", "PHQ-9",
        "--pre", "NaN", "--post", "3");
    assertBad("--post must be between 0 and 27, was -1", "classify", "--instrument", "PHQ-9",
        "--pre", "10", "--post", "-1");
    assertBad("WEMWBS --pre must be between 14 and 70", "classify", "--instrument", "WEMWBS",
        "--pre", "10", "--post", "30");
    assertBad("cutoff type must be one of", "classify", "--instrument", "PHQ-9", "--pre", "10",
        "--post", "3", "--cutoff", "z");
    assertBad("should be specified only once", "classify", "--instrument", "PHQ-9", "--pre", "10",
        "--post", "3", "--pre", "4");
  }

  @Test
  void classify_namesTheBadCohortValue() {
    String[] base = {"classify", "--instrument", "PHQ-9", "--pre", "10", "--post", "3", "--cohort"};
    assertBad("needs 6 comma-separated values", concat(base, "1,2"));
    assertBad("--cohort preMean must be a number, was \"a\"", concat(base, "a,2,3,4,0.5,20"));
    assertBad("--cohort n must be a whole number, was \"1.5\"", concat(base, "1,2,3,4,0.5,1.5"));
    assertBad("--cohort preSd must be > 0", concat(base, "1,-2,3,4,0.5,20"));
    assertBad("--cohort correlation", concat(base, "1,2,3,4,5,20"));
    assertBad("--cohort n must be >= 2", concat(base, "1,2,3,4,0.5,0"));
  }

  // ---------------------------------------------------------------- patterns and survival input

  @Test
  void longInput_readsExcelCsvWithByteOrderMarkAndCrlf() throws IOException {
    Path bom = write("bom.csv", "\uFEFFid,session,score\r\na,0,20\r\na,1,10\r\na,2,9\r\n");
    Run r = run(patterns(bom));
    assertEquals(0, r.status(), r.err());
  }

  @Test
  void longInput_rejectsMissingUnreadableAndMalformedFiles() throws IOException {
    Path missing = dir.resolve("missing.csv");
    assertBad("cannot read " + missing + ": no such file or directory", patterns(missing));
    assertBad("no such file or directory", survival(missing, "--event", "recovery"));
    Path folder = Files.createDirectories(dir.resolve("folder.csv"));
    assertBad("folder.csv", patterns(folder));
    assertBad("is empty: expected a header row", patterns(write("zero.csv", "")));
    assertBad("has a header but no rows", patterns(write("header.csv", "id,session,score\n")));
    assertBad("line 2: expected 3 fields as in the header, found 2",
        patterns(write("short.csv", "id,session,score\na,0\n")));
  }

  @Test
  void longInput_namesTheMissingColumnAndTheBadCell() throws IOException {
    assertBad("column \"ID\" not found", cmd("patterns", List.of("--input", good.toString(),
        "--id", "ID", "--time", "session", "--score", "score", "--instrument", "PHQ-9")));
    assertBad("line 2, column 3 (score): expected a decimal number with a decimal point, was \"abc\"",
        patterns(write("nonnum.csv", "id,session,score\na,0,abc\n")));
    assertBad("line 2, column 2 (session)",
        survival(write("badsession.csv", "id,session,score\na,x,4\n"), "--event", "recovery"));
    assertBad("PHQ-9 score must be between 0 and 27, was 40",
        patterns(write("range.csv", "id,session,score\na,0,40\n")));
    assertBad("column \"nocol\" not found", survival(good, "--event", "recovery", "--by", "nocol"));
  }

  @Test
  void longInput_rejectsUnknownInstrumentAndBadSessionWindow() {
    assertBad("unknown instrument \"NOPE\"", cmd("patterns", List.of("--input", good.toString(),
        "--id", "id", "--time", "session", "--score", "score", "--instrument", "NOPE")));
    assertBad("Missing required option: '--instrument", cmd("patterns", List.of("--input",
        good.toString(), "--id", "id", "--time", "session", "--score", "score")));
    assertBad("--min-session 5 must not exceed --max-session 2",
        patterns(good, "--min-session", "5", "--max-session", "2"));
    assertBad("--min-session must be >= 0, was -4", patterns(good, "--min-session", "-4"));
    assertBad("--max-session must be >= 0, was -1",
        survival(good, "--event", "recovery", "--max-session", "-1"));
    assertBad("no observations between sessions 50", patterns(good, "--min-session", "50"));
  }

  @Test
  void patterns_rejectsBadCriteria_andAMissingCutoff() {
    assertBad("schedule must be one of", patterns(good, "--schedule", "x"));
    assertBad("reversal rule must be one of", patterns(good, "--reversal", "x"));
    assertBad("alpha must lie strictly between 0 and 1, was NaN", patterns(good, "--alpha", "NaN"));
    assertBad("cutoff must be > 0", patterns(good, "--cutoff", "-1"));
    assertBad("relative fraction", patterns(good, "--relative", "5"));
    assertBad("early response session must be >= 1", patterns(good, "--early-session", "-1"));
    assertBad("early response fraction", patterns(good, "--early-fraction", "2"));
    assertBad("plateau length must be >= 2", patterns(good, "--plateau-length", "0"));
    assertBad("K10 has no reliable-change threshold: no published one and no clinical SD to derive"
        + " the Jacobson-Truax threshold from, which is the default sudden-gain cutoff; give the"
        + " cutoff in points with --cutoff", cmd("patterns", List.of("--input", k10().toString(),
        "--id", "id", "--time", "session", "--score", "score", "--instrument", "K10")));
  }

  static Path k10() {
    try {
      return write("k10.csv", "id,session,score\na,0,30\na,1,29\na,2,20\nb,0,35\nb,1,34\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void survival_rejectsUnknownEventAndBadDropoutOptions() {
    assertBad("event must be one of", survival(good, "--event", "nope"));
    assertBad("Missing required option: '--event", survival(good));
    assertBad("needs exactly one of --planned N or --dropped-column", survival(good, "--event", "dropout"));
    assertBad("--planned must be >= 1, was 0", survival(good, "--event", "dropout", "--planned", "0"));
    assertBad("apply only to --event dropout", survival(good, "--event", "recovery", "--planned", "3"));
    assertBad("column \"group\" must hold true/false",
        survival(good, "--event", "dropout", "--dropped-column", "group"));
    assertBad("confidenceType must be one of", survival(good, "--event", "recovery", "--conf-type", "x"));
  }

  @Test
  void survivalDropout_worksOnAnInstrumentWithoutReliableChange_withoutTheEngagementReport() {
    // K10 has no reliable-change threshold: the dropout curve needs none, the engagement report
    // (dropouts before reliable improvement) does and is left out instead of failing
    Path k10 = k10();
    Run r = run(cmd("survival", List.of("--input", k10.toString(), "--id", "id", "--time",
        "session", "--score", "score", "--instrument", "K10", "--event", "dropout", "--planned",
        "3", "--json")));
    assertTrue(CandorCliTest.json(r, "SurvivalResult").get("engagement").isNull(), r.out());
  }

  // ---------------------------------------------------------------- simulate and calibrate

  @Test
  void simulate_rejectsBadClientsThreadsArmAndOutput() throws IOException {
    assertBad("--clients must be >= 1, was 0", "simulate", "--clients", "0", "--summary");
    assertBad("--clients must be >= 1, was -5", "simulate", "--clients", "-5", "--summary");
    assertBad("'x' is not a long", "simulate", "--clients", "x", "--summary");
    assertBad("give --out cohort.csv to write the simulated cohort, or --summary", "simulate",
        "--clients", "10");
    assertBad("--csv applies to --summary", "simulate", "--clients", "10", "--out",
        dir.resolve("c.csv").toString(), "--csv", dir.resolve("t.csv").toString());
    assertBad("--threads must be 1-256, was 0", "simulate", "--clients", "10", "--summary",
        "--threads", "0");
    assertBad("arm must be one of", "simulate", "--clients", "10", "--summary", "--arm", "nope");
    Path nowhere = dir.resolve("no/such/dir/out.csv");
    assertBad("cannot write " + nowhere + ": no such file or directory", "simulate", "--clients",
        "10", "--out", nowhere.toString());
    Run r = run("simulate", "--clients", "10", "--summary");
    assertEquals(0, r.status(), r.err());
    assertFalse(r.err().startsWith("candor: candor"), r.err());
  }

  @Test
  void simulateAndCalibrate_rejectMalformedScenarioJson() throws IOException {
    Path bad = write("bad.json", "{ not json");
    Path unknown = write("unknown.json", "{\"format\": \"candor\", \"formatVersion\": 1,"
        + " \"type\": \"Scenario\", \"value\": {\"nope\": 1}}");
    Path array = write("array.json", "[1, 2]");
    Path bare = write("bare.json", "{\"sessions\": 12}");
    for (String c : List.of("simulate", "calibrate")) {
      String[] base = c.equals("simulate")
          ? new String[] {c, "--clients", "10", "--summary", "--scenario"}
          : new String[] {c, "--scenario"};
      assertBad("bad.json: not valid JSON (line 1, column 3)", concat(base, bad.toString()));
      assertBad("scenario.nope is not a known field", concat(base, unknown.toString()));
      assertBad("not a Candor document", concat(base, array.toString()));
      assertBad("bare.json: not a Candor document (no \"format\" field)", concat(base, bare.toString()));
      assertBad("--scenario must be \"default\" or a readable JSON file",
          concat(base, dir.resolve("missing.json").toString()));
    }
  }

  @Test
  void calibrate_rejectsTooFewClientsAndBadThreads() {
    assertBad("clients must be >= 100", "calibrate", "--clients", "0");
    assertBad("clients must be >= 100", "calibrate", "--clients", "-1");
    assertBad("--threads must be 1-256, was 0", "calibrate", "--threads", "0");
  }

  // ---------------------------------------------------------------- fit and expect

  @Test
  void fit_rejectsMissingFileColumnAndBadOptions() throws IOException {
    assertBad("no such file or directory", fit(dir.resolve("missing.csv")));
    assertBad("column \"nocol\" not found", fit(good, "--covariate", "nocol"));
    assertBad("expected a decimal number", fit(write("nonnum2.csv", "id,session,score\na,0,abc\n")));
    assertBad("Invalid value for option '--basis': expected one of linear, log, quadratic,"
        + " piecewise:K (case-insensitive) but was 'nope'", fit(good, "--basis", "nope"));
    assertBad("Invalid value for option '--random': expected one of intercept, slope"
        + " (case-insensitive) but was 'x'", fit(good, "--random", "x"));
    assertBad("Invalid value for option '--method': expected one of reml, ml (case-insensitive)"
        + " but was 'x'", fit(good, "--method", "x"));
  }

  @Test
  void expect_rejectsBadModelAndMalformedObserved() throws IOException {
    assertBad("no such file or directory", "expect", "--model",
        dir.resolve("missing.json").toString(), "--intake", "20");
    assertBad("notjson.json: not valid JSON (line 1, column 3)", "expect", "--model",
        write("notjson.json", "{ nope").toString(), "--intake", "20");
    assertBad("empty.json: the text is empty", "expect", "--model",
        write("empty.json", "").toString(), "--intake", "20");
    assertBad("null.json: the document is JSON null", "expect", "--model",
        write("null.json", "null").toString(), "--intake", "20");
    assertBad("give --model FILE (from candor fit --json), or --instrument PHQ-9 or GAD-7",
        "expect", "--intake", "20");
    String m = model.toString();
    assertBad("intake must be a finite number", "expect", "--model", m, "--intake", "NaN");
    assertBad("--observed must be SESSION:SCORE", "expect", "--model", m, "--intake", "20",
        "--observed", "1:15,2");
    assertBad("--observed session must be a whole number", "expect", "--model", m, "--intake",
        "20", "--observed", "a:15");
    assertBad("--observed score must be a finite number", "expect", "--model", m, "--intake",
        "20", "--observed", "1:x");
    assertBad("--observed sessions must be increasing", "expect", "--model", m, "--intake", "20",
        "--observed", "2:15,1:14");
    assertBad("--sessions must be between 0 and 520", "expect", "--model", m, "--intake", "20", "--sessions", "-1");
    assertBad("--covariate must be NAME=VALUE", "expect", "--model", m, "--intake", "20",
        "--covariate", "foo");
  }

  // ---------------------------------------------------------------- JSON output

  @Test
  void jsonOutputs_areVersionedCandorDocuments_readBackByCandorJson() {
    Map<Class<?>, String[]> runs = new LinkedHashMap<>();
    runs.put(InstrumentCatalog.class, new String[] {"instruments", "--json"});
    runs.put(ClassifyResult.class,
        new String[] {"classify", "--instrument", "PHQ-9", "--pre", "20", "--post", "5", "--json"});
    runs.put(PatternsResult.class, patterns(good, "--json"));
    runs.put(SurvivalResult.class, survival(good, "--event", "recovery", "--json"));
    runs.put(SimulationReport.class, new String[] {"simulate", "--clients", "20", "--summary", "--json"});
    runs.put(CalibrationResult.class, new String[] {"calibrate", "--clients", "200", "--json"});
    runs.put(ExpectResult.class,
        new String[] {"expect", "--instrument", "PHQ-9", "--intake", "18", "--observed", "1:17", "--json"});
    runs.put(ExpectedResponseModel.class, fit(dir.resolve("sim.csv"), "--json"));
    for (Map.Entry<Class<?>, String[]> e : runs.entrySet()) {
      Run r = run(e.getValue());
      assertTrue(r.status() == 0 || r.status() == CalibrateCommand.FAILED, r.err());
      Object back = CandorJson.fromJson(r.out(), e.getKey());
      assertTrue(e.getKey().isInstance(back), String.join(" ", e.getValue()));
      String again = CandorJson.toJson(back) + System.lineSeparator();
      if (e.getKey() != ExpectedResponseModel.class) {
        assertEquals(r.out(), again, "exact round trip of " + e.getKey().getSimpleName());
      }
    }
  }

  @Test
  void simulateSummaryJson_writesNullNotNaN_forSessionsNoOneAttended() {
    JsonMapper mapper = JsonMapper.builder().build();
    int withEmptySession = 0;
    for (int seed = 1; seed <= 8; seed++) {
      Run r = run("simulate", "--clients", "1", "--seed", Integer.toString(seed), "--summary",
          "--json");
      assertEquals(0, r.status(), r.err());
      assertFalse(r.out().contains("NaN"), r.out());
      for (tools.jackson.databind.JsonNode row : mapper.readTree(r.out()).get("value").get("bySession")) {
        if (row.get("observed").asLong() == 0) {
          withEmptySession++;
          assertTrue(row.get("meanScore").isNull(), row.toString());
          assertTrue(row.get("caseRate").isNull(), row.toString());
        }
      }
      Run text = run("simulate", "--clients", "1", "--seed", Integer.toString(seed), "--summary");
      assertFalse(text.out().contains("NaN"), text.out());
    }
    assertTrue(withEmptySession > 0, "one client who stops early leaves later sessions empty");
  }

  // ---------------------------------------------------------------- handler

  @Test
  void describe_turnsFileSystemExceptionsIntoReadableReasons() {
    java.io.UncheckedIOException e = new java.io.UncheckedIOException("cannot read x.csv: x.csv",
        new java.nio.file.NoSuchFileException("x.csv"));
    assertEquals("cannot read x.csv: no such file or directory", CandorCli.describe(e));
    assertEquals("y.csv: permission denied",
        CandorCli.describe(new java.nio.file.AccessDeniedException("y.csv")));
    assertTrue(CandorCli.describe(new IllegalStateException("boom")).startsWith("internal error"));
    assertFalse(CandorCli.isBadInput(new IllegalStateException("boom")));
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
