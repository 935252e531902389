package io.candor.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void trajectoryClassesExample_printsTheClassesAndANewClientsClass() {
    String out = run(EmbeddingExample::trajectoryClasses);
    System.out.print(out);
    assertTrue(out.startsWith("class 1: "), out);
    assertTrue(out.contains(" per log(session + 1)"), out);
    assertTrue(out.matches("(?s).*most likely class \\d \\(\\d+ %\\); session 12: \\d+\\.\\d \\(80 % band"
        + " -?\\d+\\.\\d--?\\d+\\.\\d\\).*"), out);
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
  void generatorsExample_printsWhatTheReadmeSays() {
    assertEquals(String.format("sudden gain found: true%n"), run(EmbeddingExample::generators));
  }

  /**
   * The README's generator example as a JPMS module that requires only {@code io.candor.core}: it
   * must compile (Commons RNG's {@code RandomSource} is readable through candor-core) and run.
   */
  @Test
  void generatorsExample_compilesAndRunsInAModuleThatRequiresOnlyCandorCore(@TempDir Path dir)
      throws Exception {
    String source = Files.readString(
        Path.of("src/main/java/io/candor/examples/embedding/EmbeddingExample.java"));
    int method = source.indexOf("public static void generators(");
    int start = source.indexOf("// README-EXAMPLE-START", method);
    String body = source.substring(start, source.indexOf("// README-EXAMPLE-END", start));
    // the imports the example's own code uses, nothing else of EmbeddingExample's
    List<String> imports = source.lines().filter(l -> l.startsWith("import "))
        .filter(l -> body.matches("(?s).*\\b" + l.substring(l.lastIndexOf('.') + 1, l.length() - 1)
            + "\\b.*"))
        .toList();
    Path src = dir.resolve("src/recipe");
    Files.createDirectories(src.resolve("recipe"));
    Files.writeString(src.resolve("module-info.java"),
        "module recipe { requires io.candor.core; exports recipe; }\n");
    Files.writeString(src.resolve("recipe/Recipe.java"), "package recipe;\n" + String.join("\n", imports)
        + "\npublic final class Recipe {\n  private Recipe() {}\n"
        + "  public static void main(String[] args) {\n" + body + "\n  }\n}\n");
    // candor-core and what it depends on, as modules; nothing else of the test class path
    List<Path> modulePath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      boolean candor = ModuleFinder.of(p).findAll().stream()
          .anyMatch(m -> m.descriptor().name().equals("io.candor.core"));
      String s = p.toString().replace('\\', '/');
      if (candor || s.contains("/org/apache/commons/") || s.contains("/tools/jackson/")
          || s.contains("/com/fasterxml/jackson/")) {
        modulePath.add(p);
      }
    }
    String mp = modulePath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    Path classes = dir.resolve("classes");
    StringWriter diagnostics = new StringWriter();
    boolean compiled = ToolProvider.getSystemJavaCompiler().getTask(diagnostics, null, null,
        List.of("-d", classes.toString(), "--module-path", mp, "--module-source-path",
            dir.resolve("src").toString(), "--module", "recipe", "-Xlint:all", "-Werror"),
        null, null).call();
    assertTrue(compiled, "the recipe does not compile as a module: " + diagnostics);

    ModuleFinder finder = ModuleFinder.of(
        Stream.concat(Stream.of(classes), modulePath.stream()).toArray(Path[]::new));
    Configuration cf = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), Set.of("recipe"));
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    Class<?> recipe = layer.findLoader("recipe").loadClass("recipe.Recipe");
    String out = run(() -> {
      try {
        recipe.getMethod("main", String[].class).invoke(null, (Object) new String[0]);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    });
    assertEquals(String.format("sudden gain found: true%n"), out);
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
  void expectationExample_printsTheFrequencyTheFlagAndTheClientText() {
    String out = run(EmbeddingExample::expectation);
    assertTrue(out.matches("(?s)much better at 12: \\d+ of 100 \\(\\d+ to \\d+\\)\\R.*"), out);
    assertTrue(out.contains("PHQ-9 item 9 = 1: risk item answered above zero"), out);
    assertTrue(out.contains("What to expect from therapy"), out);
    assertTrue(out.contains("(therapist page written)"), out);
  }

  @Test
  void timeToEventExample_runs() {
    String out = run(EmbeddingExample::timeToEvent);
    System.out.print(out);
    assertTrue(out.contains("median sessions to improvement: "), out);
    assertTrue(out.contains("50% improved by about 8 sessions"), out);
  }

  @Test
  void chartExample_printsTheDescriptionThatTheSvgCarries() {
    String[] svg = new String[1];
    String out = run(() -> svg[0] = EmbeddingExample.chart());
    assertTrue(out.startsWith("Expected PHQ-9 score by session given intake 18"), out);
    assertTrue(out.contains("session 3 16 ("), out);
    assertTrue(svg[0].contains("<desc id='") && svg[0].contains(out.strip()), "desc in the SVG");
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
