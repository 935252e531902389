package io.candor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

  /**
   * Static fields that are not immutable, each with the reason it is safe. A new entry needs a
   * reason a reviewer can check; an entry that matches no field fails the test.
   */
  private static final Map<String, String> STATIC_STATE_ALLOWED = Map.ofEntries(
      Map.entry("io.candor.json.ExpectedResponseModels.LOADED",
          "a cache of immutable models read from Candor's own resources; a ConcurrentHashMap, so"
              + " every thread sees one model per instrument and no result depends on it"),
      Map.entry("io.candor.caseload.Convolution.TWIDDLES",
          "a cache of FFT twiddle factors keyed by the transform size, a power of two (so at most"
              + " 31 entries); an entry depends only on its key, is made once by computeIfAbsent and"
              + " its arrays are never written after"),
      Map.entry("io.candor.json.Decimals.POWERS", "private table of powers of ten, read only"),
      Map.entry("io.candor.model.dose.DoseEffect.MILESTONES",
          "a package-private table of constants, read only"),
      Map.entry("io.candor.model.dose.DoseEffectExamples.HOWARD_SESSIONS",
          "private table of published constants, read only"),
      Map.entry("io.candor.progress.ExpectedResponse.DEFAULT_PERCENTILES",
          "private table of constants, copied before it is handed out"),
      Map.entry("io.candor.model.mixture.Em.ONE",
          "private one-element covariate row (the intercept) for class priors without"
              + " covariates, read only"),
      Map.entry("io.candor.model.mixture.TrajectoryClasses.DEFAULT_PERCENTILES",
          "private table of constants, copied by forecast before use"),
      Map.entry("io.candor.expectation.Ensemble.OUTCOMES",
          "private copy of Outcome.values(), read only"),
      Map.entry("io.candor.expectation.Expectations.DEFAULT_HORIZONS",
          "private table of constants, shared by configurations that never write it (horizons()"
              + " returns a copy)"),
      Map.entry("io.candor.expectation.Readability.ONES", "private table of number words, read only"),
      Map.entry("io.candor.expectation.Readability.TENS", "private table of number words, read only"),
      Map.entry("io.candor.simulation.SimulatedPanel.COURSES",
          "private copy of Course.values(), read only"),
      Map.entry("io.candor.simulation.SimulatedPanel.STAGES",
          "private copy of ReadinessStage.values(), read only"),
      Map.entry("io.candor.model.growth.TimeBasis.LOG1P",
          "private table of log1p of whole session numbers, filled once in the static"
              + " initialiser, read only"),
      Map.entry("io.candor.json.GrowthFitJson.FACTORY",
          "Jackson's JsonFactory, thread-safe once configured (built once here and never"
              + " reconfigured); it only creates generators"),
      Map.entry("io.candor.simulation.Engine.COURSES", "private copy of Course.values(), read only"),
      Map.entry("io.candor.simulation.Engine.STAGES",
          "private copy of ReadinessStage.values(), read only"),
      Map.entry("io.candor.simulation.SummaryAccumulator.T_CRIT",
          "a package-private table of t critical values, read only"),
      Map.entry("io.candor.domain.Urica.PC", "package-private item key of the URICA, read only"),
      Map.entry("io.candor.domain.Urica.C", "package-private item key of the URICA, read only"),
      Map.entry("io.candor.domain.Urica.A", "package-private item key of the URICA, read only"),
      Map.entry("io.candor.domain.Urica.M", "package-private item key of the URICA, read only"),
      Map.entry("io.candor.testing.CandorGenerators.CONDITION_NAMES",
          "private pool of sample names for generators, read only"),
      Map.entry("io.candor.testing.CandorGenerators.ICD11",
          "private pool of sample codes for generators, read only"));

  @Test
  void staticFields_areFinalAndImmutable_orAllowListedWithAReason() {
    Set<String> used = new TreeSet<>();
    fields()
        .that().areStatic()
        .and().areDeclaredInClassesThat().resideInAPackage("io.candor..")
        .and().doNotHaveModifier(JavaModifier.SYNTHETIC)
        .should(StaticState.finalAndImmutable(STATIC_STATE_ALLOWED, used))
        .check(classes);
    Set<String> stale = new TreeSet<>(STATIC_STATE_ALLOWED.keySet());
    stale.removeAll(used);
    assertTrue(stale.isEmpty(), "allow-listed static fields that no longer exist: " + stale);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("io.candor.(**)").should().beFreeOfCycles().check(classes);
  }
}
