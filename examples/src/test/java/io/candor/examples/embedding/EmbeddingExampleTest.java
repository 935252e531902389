package io.candor.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the README's examples and checks that the README shows exactly that code. */
class EmbeddingExampleTest {

  /** What an example prints on standard output (the README's examples print there). */
  private static String run(Runnable example) {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      example.run();
    } finally {
      System.out.flush();
      System.setOut(saved);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void embeddingExample_printsWhatTheReadmeSays() {
    String out = run(EmbeddingExample::run);
    assertTrue(out.contains("In the clinical range now? false"), out);
    assertTrue(out.contains("Severity band: mild"), out);
    assertTrue(out.contains("Improvement so far: 10.0 points"), out);
    assertTrue(out.contains("Round trip exact? true"), out);
  }

  @Test
  void changeExample_printsWhatTheReadmeSays() {
    assertEquals(String.format("IMPROVED%n6.10%nRECOVERED%n"), run(EmbeddingExample::change));
  }

  @Test
  void suddenGainExample_printsWhatTheReadmeSays() {
    assertEquals(String.format("3 -> 4: 12.0 points, reversed: false%n"), run(EmbeddingExample::suddenGains));
  }

  @Test
  void expectedResponseExample_runs() {
    String out = run(EmbeddingExample::expectedResponse);
    System.out.print(out);
    assertTrue(out.contains("on track: "), out);
    assertTrue(out.contains("session 3: score 17"), out);
  }

  @Test
  void referenceModelExample_printsACurveItsProvenanceAndTheExtrapolation() {
    String out = run(EmbeddingExample::referenceModel);
    assertTrue(out.matches("(?s)session 12: 1\\d\\.\\d\\R.*"), out);
    assertTrue(out.contains("SIMULATED data, not real clients"), out);
    assertTrue(out.contains("extrapolation: intake 5 lies outside"), out);
    assertTrue(out.contains("extrapolation: session 40 lies outside"), out);
  }

  @Test
  void readmeExamples_defineEveryVariableTheyUse() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    java.util.regex.Matcher block = java.util.regex.Pattern.compile("(?s)```java(.*?)```").matcher(readme);
    int blocks = 0;
    while (block.find()) {
      String code = block.group(1);
      blocks++;
      assertFalse(code.matches("(?s).*(?<![\\w.])out\\.print.*"),
          "a README example prints to an undefined out:" + code);
      if (code.contains("(cohort,")) {
        assertTrue(code.contains("Cohort cohort = "), "a README example uses an undefined cohort:" + code);
      }
    }
    assertTrue(blocks >= 7, "java blocks found: " + blocks);
  }

  @Test
  void timeToEventExample_runs() {
    String out = run(EmbeddingExample::timeToEvent);
    System.out.print(out);
    assertTrue(out.contains("median sessions to improvement: "), out);
    assertTrue(out.contains("50% improved by about 8 sessions"), out);
  }

  @Test
  void simulationExample_runs() {
    String out = run(EmbeddingExample::simulation);
    System.out.print(out);
    assertTrue(out.matches("(?s)dropout 0\\.(1[7-9]|2[0-2]), reliably worse 0\\.0[5-9].*"), out);
  }

  @Test
  void fhirExample_printsWhatTheReadmeSays() {
    String out = run(() -> EmbeddingExample.fhir(
        Path.of("..", "integrations", "fhir", "src", "test", "resources", "fhir", "bundle.json")));
    assertEquals(String.format("3 trajectories; excluded {NOT_A_SCORE=3, NOT_FINAL=2,"
        + " DERIVED_FROM_RESPONSE=1}%nPatient/p1 2024-01-08: PHQ-9 item 9 = 1: risk item answered"
        + " above zero — clinician review%n6 resources to write back%n"), out);
  }

  @Test
  void longFormatExample_printsWhatTheReadmeSays() {
    assertEquals(String.format("2 clients, 3 rows%nbad.csv line 3, column 3 (phq9): PHQ-9 score must"
        + " be a whole number (the instrument's resolution) between 0 and 27, was 15.5%n"),
        run(EmbeddingExample::longFormat));
  }

  @Test
  void therapistsExample_runs() {
    String out = run(EmbeddingExample::therapists);
    System.out.print(out);
    assertTrue(out.startsWith("ICC 0."), out);
    assertTrue(out.lines().skip(1).allMatch(l -> l.contains("worth a closer look")), out);
  }

  @Test
  void therapistSideExample_printsTheBurnoutStatementAndTheLengthBias() {
    String out = run(EmbeddingExample::therapistSide);
    System.out.print(out);
    assertTrue(out.startsWith("Burnout score: 28, in the moderate band (23-41). Up 4 points since"
        + " 2025-03-03 (24); measurement error alone can explain changes of up to 7.6 points"), out);
    assertTrue(out.contains("clients who improve leave sooner"), out);
  }

  @Test
  void readme_containsEveryExampleVerbatim() throws Exception {
    String source = Files.readString(
        Path.of("src/main/java/io/candor/examples/embedding/EmbeddingExample.java"));
    String readme = Files.readString(Path.of("../README.md"));
    String start = "// README-EXAMPLE-START";
    int blocks = 0;
    for (int at = source.indexOf(start); at >= 0; at = source.indexOf(start, at + 1)) {
      String code = source.substring(at + start.length(), source.indexOf("// README-EXAMPLE-END", at));
      for (String line : code.strip().lines().map(String::strip).toList()) {
        assertTrue(readme.contains(line), "README lacks the example line: " + line);
      }
      blocks++;
    }
    assertTrue(blocks >= 7, "examples found: " + blocks);
  }
}
