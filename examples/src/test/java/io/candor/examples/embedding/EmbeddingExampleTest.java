package io.candor.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Runs the README's examples and checks that the README shows exactly that code. */
class EmbeddingExampleTest {

  private static String run(Consumer<PrintWriter> example) {
    StringWriter s = new StringWriter();
    example.accept(new PrintWriter(s));
    return s.toString();
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
    String out = run(w -> EmbeddingExample.fhir(w,
        Path.of("..", "integrations", "fhir", "src", "test", "resources", "fhir", "bundle.json")));
    assertEquals(String.format("3 trajectories; excluded {NOT_A_SCORE=3, NOT_FINAL=2,"
        + " DERIVED_FROM_RESPONSE=1}%nPatient/p1 2024-01-08: PHQ-9 item 9 = 1: risk item answered"
        + " above zero — clinician review%n6 resources to write back%n"), out);
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
    assertTrue(blocks >= 6, "examples found: " + blocks);
  }
}
