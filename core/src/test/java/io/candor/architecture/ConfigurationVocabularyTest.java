package io.candor.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps one configuration vocabulary across the exported packages (STYLE.md): {@code withDefaults()}
 * for the default configuration, {@code with(EnumStrategy)} for a choice, {@code withXxx(value)}
 * for a number or a value, enums rather than boolean switches, and value semantics ({@code equals},
 * {@code hashCode}, {@code toString}) for everything that has copy methods.
 */
class ConfigurationVocabularyTest {

  /**
   * {@code withXxx(SomeEnum)} methods that set a piece of data rather than choose a strategy: a
   * client's readiness stage and the course of their condition are facts about the client, not
   * configuration choices.
   */
  private static final Set<String> ENUM_DATA_WITHERS = Set.of("io.candor.domain.Client.withReadiness",
      "io.candor.expectation.ClientProfile.withReadiness",
      "io.candor.expectation.ClientProfile.withCourse");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = ArchitectureTest.mainClasses();
  }

  private static List<JavaClass> exportedPublicTypes() {
    List<JavaClass> out = new ArrayList<>();
    for (JavaClass c : classes) {
      if (!c.getPackageName().startsWith("io.candor.internal")
          && c.getModifiers().contains(JavaModifier.PUBLIC)
          && (c.getEnclosingClass().isEmpty()
              || c.getEnclosingClass().get().getModifiers().contains(JavaModifier.PUBLIC))) {
        out.add(c);
      }
    }
    return out;
  }

  private static List<JavaMethod> publicMethods(JavaClass c) {
    return c.getMethods().stream()
        .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
        .filter(m -> !m.getModifiers().contains(JavaModifier.SYNTHETIC)
            && !m.getModifiers().contains(JavaModifier.BRIDGE))
        .toList();
  }

  private static boolean returnsOwnType(JavaMethod m) {
    return m.getRawReturnType().equals(m.getOwner());
  }

  @Test
  void theDefaultConfigurationIsCalledWithDefaults() {
    List<String> bad = new ArrayList<>();
    for (JavaClass c : exportedPublicTypes()) {
      for (JavaMethod m : publicMethods(c)) {
        if (m.getModifiers().contains(JavaModifier.STATIC) && m.getRawParameterTypes().isEmpty()
            && returnsOwnType(m) && m.getName().toLowerCase(java.util.Locale.ROOT).contains("default")
            && !m.getName().equals("withDefaults")) {
          bad.add(m.getFullName());
        }
      }
    }
    assertTrue(bad.isEmpty(), "default configurations must be called withDefaults(): " + bad);
  }

  @Test
  void noPublicMethodTakesABooleanSwitch() {
    List<String> bad = new ArrayList<>();
    for (JavaClass c : exportedPublicTypes()) {
      for (JavaMethod m : publicMethods(c)) {
        if (m.getRawParameterTypes().stream().anyMatch(p -> p.getName().equals("boolean"))) {
          bad.add(m.getFullName());
        }
      }
      if (!c.isRecord()) { // a record's canonical constructor carries data, not switches
        c.getConstructors().stream()
            .filter(k -> k.getModifiers().contains(JavaModifier.PUBLIC))
            .filter(k -> k.getRawParameterTypes().stream().anyMatch(p -> p.getName().equals("boolean")))
            .forEach(k -> bad.add(k.getFullName()));
      }
    }
    assertTrue(bad.isEmpty(), "use an enum instead of a boolean switch: " + bad);
  }

  /**
   * Configuration records (a simulation scenario and its parts, alert rules, a change context)
   * hold their choices as enums too; result records may hold boolean facts.
   */
  @Test
  void configurationRecordsHoldNoBooleanSwitches() {
    List<String> bad = new ArrayList<>();
    for (JavaClass c : exportedPublicTypes()) {
      boolean configuration = c.isRecord()
          && (Set.of("io.candor.progress.AlertRules", "io.candor.change.ChangeContext",
                  "io.candor.simulation.Scenario").contains(c.getName())
              || c.getName().startsWith("io.candor.simulation.Scenario$"));
      if (configuration) {
        c.getFields().stream()
            .filter(f -> !f.getModifiers().contains(JavaModifier.STATIC))
            .filter(f -> f.getRawType().getName().equals("boolean"))
            .forEach(f -> bad.add(f.getFullName()));
      }
    }
    assertTrue(bad.isEmpty(), "use an enum instead of a boolean switch: " + bad);
  }

  @Test
  void aChoiceOfStrategyIsMadeWithWithEnum() {
    List<String> bad = new ArrayList<>();
    for (JavaClass c : exportedPublicTypes()) {
      for (JavaMethod m : publicMethods(c)) {
        if (m.getName().startsWith("with") && !m.getName().equals("with")
            && m.getRawParameterTypes().size() == 1 && m.getRawParameterTypes().get(0).isEnum()
            && returnsOwnType(m)
            && !ENUM_DATA_WITHERS.contains(c.getName() + "." + m.getName())) {
          bad.add(m.getFullName());
        }
      }
    }
    assertTrue(bad.isEmpty(), "a choice of strategy is with(EnumStrategy): " + bad);
  }

  @Test
  void everythingWithCopyMethodsHasValueSemantics() {
    List<String> bad = new ArrayList<>();
    for (JavaClass c : exportedPublicTypes()) {
      if (c.isRecord() || c.isEnum() || c.isInterface()) {
        continue;
      }
      boolean copies = publicMethods(c).stream()
          .anyMatch(m -> m.getName().startsWith("with") && returnsOwnType(m)
              && !m.getModifiers().contains(JavaModifier.STATIC));
      if (!copies) {
        continue;
      }
      for (String name : List.of("equals", "hashCode", "toString")) {
        boolean declared = c.getMethods().stream().anyMatch(m -> m.getName().equals(name)
            && m.getRawParameterTypes().size() == (name.equals("equals") ? 1 : 0));
        if (!declared) {
          bad.add(c.getName() + "." + name);
        }
      }
    }
    assertTrue(bad.isEmpty(), "configuration objects and values need equals, hashCode and toString: " + bad);
  }
}
