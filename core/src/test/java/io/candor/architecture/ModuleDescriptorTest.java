package io.candor.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module exports every API package that has classes, and never {@code io.candor.internal}. */
class ModuleDescriptorTest {

  @Test
  void exportsApiPackagesButNotInternal() throws Exception {
    Path classes = Path.of("target", "classes");
    ModuleDescriptor descriptor;
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      descriptor = ModuleDescriptor.read(in);
    }
    assertEquals("io.candor.core", descriptor.name());
    Set<String> exported =
        descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    assertFalse(exported.contains("io.candor.internal"), "internal must not be exported");
    Set<String> packagesWithClasses;
    try (Stream<Path> files = Files.walk(classes.resolve("io/candor"))) {
      packagesWithClasses =
          files
              .filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("package-info.class"))
              .map(p -> classes.relativize(p.getParent()).toString().replace('/', '.'))
              .collect(Collectors.toSet());
    }
    for (String pkg : packagesWithClasses) {
      if (!pkg.equals("io.candor.internal")) {
        assertTrue(exported.contains(pkg), pkg + " has classes but is not exported");
      }
    }
  }
}
