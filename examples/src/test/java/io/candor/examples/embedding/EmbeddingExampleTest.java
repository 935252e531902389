package io.candor.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the README's embedding example and checks that the README shows exactly that code. */
class EmbeddingExampleTest {

  @Test
  void example_printsWhatTheReadmeSays() {
    StringWriter s = new StringWriter();
    EmbeddingExample.run(new PrintWriter(s));
    String out = s.toString();
    assertTrue(out.contains("In the clinical range now? false"), out);
    assertTrue(out.contains("Severity band: mild"), out);
    assertTrue(out.contains("Improvement so far: 10.0 points"), out);
    assertTrue(out.contains("Round trip exact? true"), out);
  }

  @Test
  void readme_containsTheExampleVerbatim() throws Exception {
    String source = Files.readString(
        Path.of("src/main/java/io/candor/examples/embedding/EmbeddingExample.java"));
    String code = source.substring(source.indexOf("// README-EXAMPLE-START") + "// README-EXAMPLE-START".length(),
        source.indexOf("// README-EXAMPLE-END"));
    String readme = Files.readString(Path.of("../README.md"));
    for (String line : code.strip().lines().map(String::strip).toList()) {
      assertTrue(readme.contains(line), "README lacks the example line: " + line);
    }
  }
}
