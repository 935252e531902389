package io.candor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the package arrows of STYLE.md true: a layer may use the layers below it, never those
 * above; {@code json} and {@code testing} sit on top and nothing depends on them; there are no
 * cycles between packages.
 */
class ArchitectureTest {

  /** Bottom to top. A package may depend on packages earlier in this list (and internal). */
  private static final List<String> LAYERS =
      List.of(
          "io.candor.evidence..",
          "io.candor.domain..",
          "io.candor.measure..",
          "io.candor.change..",
          "io.candor.model..",
          "io.candor.progress..",
          "io.candor.simulation..",
          "io.candor.caseload..",
          "io.candor.expectation..");

  private static JavaClasses classes;

  private static JavaClasses imported;

  /** Candor's main (non-test) classes, imported once for every architecture test. */
  static synchronized JavaClasses mainClasses() {
    if (imported == null) {
      imported =
          new ClassFileImporter()
              .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
              .importPackages("io.candor");
    }
    return imported;
  }

  @BeforeAll
  static void importClasses() {
    classes = mainClasses();
  }

  @Test
  void layersDependOnlyDownwards() {
    for (int i = 0; i < LAYERS.size(); i++) {
      List<String> above = new ArrayList<>(LAYERS.subList(i + 1, LAYERS.size()));
      above.add("io.candor.json..");
      above.add("io.candor.testing..");
      noClasses()
          .that()
          .resideInAPackage(LAYERS.get(i))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(above.toArray(String[]::new))
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  @Test
  void nothingDependsOnJsonOrTesting() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.candor.json..", "io.candor.testing..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.candor.json..", "io.candor.testing..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.candor.json..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.candor.testing..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void internalDependsOnNothingElseInCandor() {
    noClasses()
        .that()
        .resideInAPackage("io.candor.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            LAYERS.toArray(String[]::new))
        .check(classes);
  }

  @Test
  void domainAndEvidenceStayFreeOfFrameworks() {
    noClasses()
        .that()
        .resideInAnyPackage("io.candor.evidence..", "io.candor.domain..", "io.candor.measure..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("tools.jackson..", "picocli..")
        .check(classes);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("io.candor.(**)").should().beFreeOfCycles().check(classes);
  }
}
