package io.candor.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package has a {@code package-info.java}, and every public type and every public member of a
 * public type has a Javadoc comment (checked on the sources: the comment must end on the line
 * before the declaration or its annotations).
 */
class DocumentationTest {

  private static final Path MAIN = Path.of("src", "main", "java");

  @Test
  void everyPackageHasPackageInfo() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(MAIN.resolve("io/candor"))) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        boolean hasJava;
        try (Stream<Path> files = Files.list(dir)) {
          hasJava = files.anyMatch(p -> p.toString().endsWith(".java"));
        }
        if (hasJava && !Files.exists(dir.resolve("package-info.java"))) {
          missing.add(MAIN.relativize(dir).toString());
        }
      }
    }
    assertTrue(missing.isEmpty(), "packages without package-info.java: " + missing);
  }

  @Test
  void everyPublicDeclarationHasJavadoc() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (file.getFileName().toString().equals("package-info.java")
            || file.getFileName().toString().equals("module-info.java")) {
          continue;
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (!line.matches("^(  )?public\\s.*") || line.contains(" = ") && !line.contains("(")) {
            continue; // only top-level types and their direct members; constants may share a comment
          }
          if (line.matches("^  public\\s.*") && line.contains(" = ")) {
            continue;
          }
          int j = i - 1;
          boolean override = false;
          while (j >= 0 && lines.get(j).strip().startsWith("@")) {
            override |= lines.get(j).strip().equals("@Override");
            j--;
          }
          if (override) {
            continue; // Javadoc is inherited from the overridden declaration
          }
          if (j < 0 || !lines.get(j).strip().endsWith("*/")) {
            missing.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + line.strip());
          }
        }
      }
    }
    assertTrue(missing.isEmpty(), missing.size() + " public declarations without Javadoc:\n" + String.join("\n", missing));
  }

  /** What lasts goes to docs/, linked from the README; there is no diary folder. */
  @Test
  void designNotesLiveInDocs_andTheReadmeLinksEveryOne() throws IOException {
    Path root = Path.of("..");
    assertTrue(!Files.exists(root.resolve("notes")), "notes/ must not exist: move what lasts into docs/");
    String readme = Files.readString(root.resolve("README.md"));
    List<String> unlinked = new ArrayList<>();
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      for (Path d : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
        if (!readme.contains("docs/" + d.getFileName())) {
          unlinked.add(d.getFileName().toString());
        }
      }
    }
    assertTrue(unlinked.isEmpty(), "docs not linked from the README: " + unlinked);
  }
}
