package io.candor.charts;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Golden files: committed SVG and PNG bytes under {@code src/test/resources/golden}. A difference
 * fails the test and leaves the new output under {@code target/golden-actual} to look at; after an
 * intended change, {@link #REGENERATE} rewrites them.
 */
final class Golden {

  /** The command that rewrites every golden file (from the repository root). */
  static final String REGENERATE = "mvn -B -q -pl integrations/charts -am test"
      + " -Dtest='io.candor.charts.**' -Dsurefire.failIfNoSpecifiedTests=false"
      + " -Dcharts.regenerate=true";

  private Golden() {}

  static void check(String name, byte[] actual) {
    Path dir = Path.of(System.getProperty("charts.goldenDir", "src/test/resources/golden"));
    Path file = dir.resolve(name);
    try {
      if (Boolean.getBoolean("charts.regenerate")) {
        Files.createDirectories(dir);
        Files.write(file, actual);
        return;
      }
      if (!Files.exists(file)) {
        fail("no golden file " + file + "; create it with " + REGENERATE);
      }
      byte[] expected = Files.readAllBytes(file);
      if (!Arrays.equals(expected, actual)) {
        Path out = Path.of("target", "golden-actual", name);
        Files.createDirectories(out.getParent());
        Files.write(out, actual);
        fail(name + " differs from its golden file (" + expected.length + " bytes expected, "
            + actual.length + " drawn); the new output is in " + out + ". If the change is"
            + " intended: " + REGENERATE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
