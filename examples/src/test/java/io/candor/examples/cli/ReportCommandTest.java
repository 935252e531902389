package io.candor.examples.cli;

import static io.candor.examples.cli.CandorCliTest.json;
import static io.candor.examples.cli.CandorCliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.examples.cli.CandorCliTest.Run;
import io.candor.json.CandorJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code candor report}: the issue's command line, its formats, audiences and bad input. */
class ReportCommandTest {

  @TempDir Path dir;

  /** The command line of the issue, with every option. */
  private static List<String> issue(String audience, String format) {
    return new ArrayList<>(List.of("report", "--instrument", "PHQ-9", "--intake", "18",
        "--course", "chronic", "--readiness", "contemplation", "--observed", "1:17,2:16",
        "--items", "2,2,1,3,1,0,2,1,1", "--horizon", "12", "--audience", audience, "--format",
        format, "--seed", "7", "--clients", "4000"));
  }

  private static Run run(List<String> args) {
    return CandorCliTest.run(args.toArray(String[]::new));
  }

  private static String flat(String s) {
    return s.replaceAll("\\s+", " ");
  }

  @Test
  void issueCommand_givesTheClientReportAsText_withTheRiskFlagFirst() {
    Run r = run(issue("client", "text"));
    assertEquals(0, r.status(), r.err());
    String out = flat(r.out());
    assertTrue(out.startsWith("What to expect from therapy"), out);
    assertTrue(out.contains("Of 100 people who start where you are, after 12 sessions:"));
    assertTrue(out.indexOf("question 9") < out.indexOf("Of 100 people"), "risk before numbers");
    assertTrue(out.contains("steadier days"), "chronic course");
    assertEquals("", r.err());
  }

  @Test
  void json_hasTheFieldsOfTheIssue_andReadsBackExactly() {
    Run run = run(issue("therapist", "json"));
    ReportResult back = CandorJson.fromJson(run.out(), ReportResult.class);
    assertEquals(run.out(), CandorJson.toJson(back) + System.lineSeparator());
    JsonNode v = json(run, "ReportResult");
    JsonNode p = v.get("probabilities").get(0);
    for (String field : List.of("outcome", "horizon", "estimate", "lower", "upper",
        "naturalFrequency")) {
      assertTrue(p.has(field), field + " in " + p);
    }
    assertEquals(100, p.get("naturalFrequency").get("denominator").asInt());
    assertTrue(v.get("curve").size() > 10);
    assertEquals(9, v.get("riskFlags").get(0).get("item").asInt());
    assertTrue(v.get("sources").size() > 5);
    assertTrue(v.get("text").asString().startsWith("Expectation report for the therapist"));
    assertEquals("THERAPIST", v.get("audience").asString());
    assertEquals(7, v.get("seed").asLong());
  }

  @Test
  void html_isOnePageWithIconArrays() {
    Run r = run(issue("client", "html"));
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().startsWith("<!DOCTYPE html>"));
    assertTrue(r.out().contains("<svg") && r.out().contains("question 9"));
    assertTrue(r.out().strip().endsWith("</html>"));
  }

  @Test
  void sameSeed_givesTheSameBytes_anotherSeedOthers() {
    assertEquals(run(issue("therapist", "json")).out(), run(issue("therapist", "json")).out());
    List<String> other = issue("therapist", "json");
    other.set(other.indexOf("7"), "8");
    assertNotEquals(run(issue("therapist", "json")).out(), run(other).out());
  }

  @Test
  void outAndCsv_areWritten_andTheCsvCarriesTheRiskFlag() throws IOException {
    Path out = dir.resolve("report.html");
    Path csv = dir.resolve("p.csv");
    List<String> args = issue("client", "html");
    args.addAll(List.of("--out", out.toString(), "--csv", csv.toString()));
    Run r = run(args);
    assertEquals(0, r.status(), r.err());
    assertEquals("", r.out());
    assertTrue(Files.readString(out).startsWith("<!DOCTYPE html>"));
    List<String> lines = Files.readAllLines(csv);
    assertTrue(lines.get(0).startsWith("client,outcome,horizon,estimate,lower,upper"));
    assertTrue(lines.get(1).contains("PHQ-9 item 9 = 1"), lines.get(1));
  }

  @Test
  void service_addsUpACaseloadFile() throws IOException {
    Path file = dir.resolve("caseload.csv");
    Files.writeString(file, "id,session,phq9\na,0,18\na,1,16\nb,0,12\nc,0,22\nc,1,21\nc,2,19\n");
    Run r = CandorCliTest.run("report", "--instrument", "PHQ-9", "--audience", "service",
        "--input", file.toString(), "--id", "id", "--time", "session", "--score", "phq9",
        "--clients", "2000");
    assertEquals(0, r.status(), r.err());
    String out = flat(r.out());
    assertTrue(out.contains("3 clients; the numbers are at session 12"), out);
    assertTrue(out.contains("Item responses were not given for 3 of 3 clients"));
    JsonNode v = json(CandorCliTest.run("report", "--instrument", "PHQ-9", "--audience",
        "service", "--input", file.toString(), "--id", "id", "--time", "session", "--score",
        "phq9", "--clients", "2000", "--format", "json"), "ReportResult");
    assertEquals(3, v.get("reports").size());
    assertEquals(3, v.get("service").get("clients").size());
  }

  @Test
  void singleProfile_worksForTheServiceAudienceToo() {
    Run r = run(issue("service", "text"));
    assertEquals(0, r.status(), r.err());
    assertTrue(flat(r.out()).contains("Clients with a risk-item flag for clinician review (1 of 1):"
        + " client"), r.out());
  }

  private static void assertBad(String expected, List<String> args) {
    Run r = run(args);
    assertEquals(2, r.status(), r.out() + r.err());
    assertTrue(r.err().startsWith("candor: "), r.err());
    assertTrue(r.err().contains(expected), "expected \"" + expected + "\" in " + r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  private static List<String> with(String option, String value) {
    List<String> args = issue("client", "text");
    int i = args.indexOf(option);
    if (i >= 0) {
      args.set(i + 1, value);
    } else {
      args.addAll(List.of(option, value));
    }
    return args;
  }

  @Test
  void badInput_namesTheValue() {
    assertBad("--intake: PHQ-9 intake must be between 0 and 27, was 30", with("--intake", "30"));
    assertBad("--observed sessions must be increasing and after the intake (session 0), was 1"
        + " after 2", with("--observed", "2:16,1:17"));
    assertBad("--items: PHQ-9 needs exactly 9 item responses, was 3", with("--items", "1,2,3"));
    assertBad("--items: PHQ-9 item 9 must be 0-3, was 7", with("--items", "2,2,1,3,1,0,2,1,7"));
    assertBad("--items: item 2 must be a whole number (or empty when not answered), was x",
        with("--items", "1,x,1,1,1,1,1,1,1"));
    assertBad("Invalid value for option '--audience': expected one of client, therapist, service"
        + " (case-insensitive) but was 'patient'", with("--audience", "patient"));
    assertBad("Invalid value for option '--format': expected one of text, json, html"
        + " (case-insensitive) but was 'pdf'", with("--format", "pdf"));
    assertBad("--horizon must be between 1 and the last planned session 20, was 30",
        with("--horizon", "30"));
    assertBad("--missed must be COUNT/OF, e.g. 1/6, was 3", with("--missed", "3"));
    assertBad("attendance missed must be", with("--missed", "5/3"));
    assertBad("--observed: observed session 21 is after the last planned session 20",
        with("--observed", "1:17,21:16"));
    assertBad("--items: the responses add up to 13 but the PHQ-9 score at session 2 is 16",
        with("--items-session", "2"));
    assertBad("--json and --format html contradict each other", withJson());
    List<String> noIntake = issue("client", "text");
    int i = noIntake.indexOf("--intake");
    noIntake.remove(i);
    noIntake.remove(i);
    assertBad("give --intake SCORE", noIntake);
    assertBad("--observed scores update the report through an expected-response model, and"
        + " Candor ships none for CORE-10", List.of("report", "--instrument", "CORE-10",
            "--intake", "20", "--observed", "1:18", "--audience", "client"));
    assertBad("--input is for --audience service", List.of("report", "--instrument", "PHQ-9",
        "--audience", "client", "--input", "x.csv", "--id", "a", "--time", "b", "--score", "c"));
  }

  private static List<String> withJson() {
    List<String> args = with("--format", "html");
    args.add("--json");
    return args;
  }

  /** Fits {@link ClassesCommandTest#twoShapes}'s data with {@code candor classes --json}. */
  private Path twoShapes(boolean withSevere) throws IOException {
    Path csv = ClassesCommandTest.twoShapes(dir);
    Path json = dir.resolve(withSevere ? "classes-severe.json" : "classes.json");
    List<String> args = new ArrayList<>(List.of("classes", "--input", csv.toString(), "--id",
        "client", "--time", "session", "--score", "phq9", "--basis", "log", "--classes", "1-3",
        "--starts", "8", "--json", "--out", json.toString()));
    if (withSevere) {
      args.addAll(List.of("--membership", "severe"));
    }
    Run fit = run(args);
    assertEquals(0, fit.status(), fit.err());
    return json;
  }

  @Test
  void classesFromCandorClasses_areInEveryAudienceAndFormat_withTheirSource() throws IOException {
    Path classes = twoShapes(false);
    List<String> client = issue("client", "text");
    client.addAll(List.of("--classes", classes.toString()));
    Run r = run(client);
    assertEquals(0, r.status(), r.err());
    String out = flat(r.out());
    assertTrue(out.contains("A computer model sorted the scores of 90 people into 2 patterns."),
        out);
    assertTrue(out.contains("follow a pattern where scores get much better by about session"));
    List<String> therapist = issue("therapist", "text");
    therapist.addAll(List.of("--classes", classes.toString()));
    String text = flat(run(therapist).out());
    assertTrue(text.contains("Classes: classes.json: 2 classes (their number chosen by BIC), 720 scores,"
        + " fitted on 90 clients."), text);
    therapist.set(therapist.indexOf("text"), "json");
    Run json = run(therapist);
    JsonNode v = json(json, "ReportResult");
    JsonNode c = v.get("reports").get(0).get("report").get("classes");
    assertEquals(2, c.get("patterns").size());
    assertEquals(90, c.get("fittedClients").asInt());
    assertEquals(3, c.get("observations").asInt(), "the intake and two observed scores");
    assertEquals(json.out(), CandorJson.toJson(CandorJson.fromJson(json.out(),
        ReportResult.class)) + System.lineSeparator());
  }

  @Test
  void classesWithMembershipCovariates_needTheClientsValues() throws IOException {
    Path classes = twoShapes(true);
    List<String> args = issue("therapist", "text");
    args.addAll(List.of("--classes", classes.toString()));
    assertBad("--classes " + classes + ": the classes' membership model needs the client's value"
        + " of [severe]", args);
    args.addAll(List.of("--class-covariate", "severe=1"));
    Run r = run(args);
    assertEquals(0, r.status(), r.err());
    assertTrue(flat(r.out()).contains("Latent trajectory classes"));
    List<String> twice = new ArrayList<>(args);
    twice.addAll(List.of("--class-covariate", "severe=0"));
    assertBad("--class-covariate severe is given twice", twice);
    List<String> unknown = new ArrayList<>(args);
    unknown.addAll(List.of("--class-covariate", "age=40"));
    assertBad("\"age\" is not a membership covariate of the classes; they have [severe]",
        unknown);
  }

  @Test
  void badClassesFiles_areNamedWithWhatIsWrong() throws IOException {
    Path notClasses = dir.resolve("model.json");
    Files.writeString(notClasses, CandorJson.toJson(io.candor.json.ExpectedResponseModels
        .reference(io.candor.measure.Instruments.PHQ9)));
    assertBad("--classes " + notClasses + ": type is \"ExpectedResponseModel\" but a"
        + " ClassEnumeration (candor classes --json), MixtureFit or TrajectoryClasses was expected",
        with("--classes", notClasses.toString()));
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"format\": \"candor\"");
    assertBad("--classes " + broken + ": not valid JSON", with("--classes", broken.toString()));
    assertBad("--class-covariate needs --classes FILE.json", with("--class-covariate", "a=1"));
    assertBad("cannot read " + dir.resolve("none.json"),
        with("--classes", dir.resolve("none.json").toString()));
  }

  @Test
  void demo_opensWithAReport() {
    Run r = CandorCliTest.run("demo");
    assertEquals(0, r.status(), r.err());
    List<String> firstScreen = r.out().lines().limit(30).toList();
    String screen = flat(String.join("\n", firstScreen));
    assertTrue(screen.contains("What to expect from therapy"), screen);
    assertTrue(screen.contains("Of 100 people who start where you are"), screen);
  }

  @Test
  void demo_usesNoVerdictOrPromiseWords() {
    Run r = CandorCliTest.run("demo");
    assertEquals(0, r.status(), r.err());
    Matcher m = Pattern.compile(
        "(?i)\\b(will|won'?t|cure[sd]?|fail(s|ed|ing|ure|ures)?|guarantee[sd]?|hopeless)\\b")
        .matcher(r.out());
    assertFalse(m.find(), () -> "verdict word \"" + m.group() + "\" in the demo");
  }
}
