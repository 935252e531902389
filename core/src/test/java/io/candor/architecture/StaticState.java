package io.candor.architecture;

import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rule that Candor keeps no static mutable state: a static field is final and holds an
 * immutable value, or is allow-listed with the reason it is safe. Immutable values are primitives,
 * strings, boxed numbers, enums, a few immutable JDK types, unmodifiable collections of immutable
 * values, and Candor classes all of whose fields are final and hold such values (checked
 * recursively; collections and private arrays inside a Candor class are taken as the class's own,
 * copied at construction, by the rule of STYLE.md). The value is read by reflection, so a field
 * declared as an interface ({@code List}, {@code ScoreScale}) is judged by what it holds.
 */
final class StaticState {

  /** Types outside Candor whose instances are immutable (or thread-safe and never reconfigured). */
  static final Map<String, String> TRUSTED_TYPES = Map.of(
      "org.apache.commons.statistics.distribution.NormalDistribution",
      "Commons Statistics distributions are immutable",
      "tools.jackson.databind.json.JsonMapper",
      "Jackson 3 mappers are immutable once built (configuration makes a new mapper)",
      "tools.jackson.dataformat.csv.CsvMapper",
      "Jackson 3 mappers are immutable once built (configuration makes a new mapper)",
      "tools.jackson.databind.node.JsonNodeFactory",
      "Jackson's node factory holds no state",
      "io.candor.json.CandorModule",
      "registered once, in CandorJson's static initialiser, and never changed after");

  private static final Set<Class<?>> IMMUTABLE_JDK = Set.of(String.class, Boolean.class,
      Character.class, Byte.class, Short.class, Integer.class, Long.class, Float.class,
      Double.class, BigDecimal.class, BigInteger.class, Class.class, Pattern.class,
      LocalDate.class, Period.class, OptionalDouble.class, OptionalInt.class, Locale.class);

  private StaticState() {}

  /**
   * The ArchUnit condition: final, and immutable or allow-listed.
   *
   * @param allowed field ({@code Owner.NAME}, nested owners with {@code $}) to the reason it is safe
   * @param used collects the allow-list entries that matched, so stale ones can be reported
   */
  static ArchCondition<JavaField> finalAndImmutable(Map<String, String> allowed, Set<String> used) {
    return new ArchCondition<>("be final and hold an immutable value, or be allow-listed") {
      @Override
      public void check(JavaField field, ConditionEvents events) {
        String name = field.getOwner().getName() + "." + field.getName();
        if (allowed.containsKey(name)) {
          used.add(name);
          return;
        }
        if (!field.getModifiers().contains(JavaModifier.FINAL)) {
          events.add(SimpleConditionEvent.violated(field, name + " is static but not final"));
          return;
        }
        Object value;
        try {
          Field f = field.reflect();
          f.setAccessible(true);
          value = f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
          events.add(SimpleConditionEvent.violated(field, name + " cannot be read: " + e));
          return;
        }
        String why = mutable(value, new HashSet<>());
        if (why != null) {
          events.add(SimpleConditionEvent.violated(field, name + " holds mutable state: " + why));
        }
      }
    };
  }

  /** Why a value is not immutable, or null when it is. */
  static String mutable(Object value, Set<Class<?>> seen) {
    if (value == null) {
      return null;
    }
    Class<?> c = value.getClass();
    if (value instanceof Collection<?> coll) {
      if (!unmodifiable(c)) {
        return c.getName() + " can be modified";
      }
      for (Object e : coll) {
        String why = mutable(e, seen);
        if (why != null) {
          return "an element: " + why;
        }
      }
      return null;
    }
    if (value instanceof Map<?, ?> map) {
      if (!unmodifiable(c)) {
        return c.getName() + " can be modified";
      }
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String why = mutable(e.getKey(), seen);
        why = why != null ? why : mutable(e.getValue(), seen);
        if (why != null) {
          return "an entry: " + why;
        }
      }
      return null;
    }
    if (value instanceof Optional<?> o) {
      return o.isEmpty() ? null : mutable(o.get(), seen);
    }
    return mutableType(c, seen);
  }

  private static boolean unmodifiable(Class<?> c) {
    String n = c.getName();
    return n.startsWith("java.util.ImmutableCollections$") || n.startsWith("java.util.Collections$Unmodifiable")
        || n.startsWith("java.util.Collections$Empty") || n.startsWith("java.util.Collections$Singleton")
        || n.startsWith("com.google.common.collect.Immutable")
        || n.startsWith("com.google.common.collect.Regular")
        || n.startsWith("com.google.common.collect.Singleton");
  }

  /** Why instances of a class are not immutable, or null. */
  private static String mutableType(Class<?> c, Set<Class<?>> seen) {
    if (c.isPrimitive() || IMMUTABLE_JDK.contains(c) || TRUSTED_TYPES.containsKey(c.getName())
        || !seen.add(c)) {
      return null;
    }
    if (c.isArray()) {
      return "an array";
    }
    if (c.isEnum() || c.getSuperclass() != null && c.getSuperclass().isEnum()) {
      return fieldsFinal(c.isEnum() ? c : c.getSuperclass(), seen);
    }
    if (!c.getName().startsWith("io.candor.")) {
      return c.getName() + " is not known to be immutable";
    }
    return fieldsFinal(c, seen);
  }

  private static String fieldsFinal(Class<?> c, Set<Class<?>> seen) {
    for (Class<?> k = c; k != null && k.getName().startsWith("io.candor."); k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        int m = f.getModifiers();
        if (Modifier.isStatic(m) || f.isSynthetic()) {
          continue;
        }
        if (!Modifier.isFinal(m)) {
          return k.getName() + "." + f.getName() + " is not final";
        }
        Class<?> t = f.getType();
        if (Collection.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t)
            || t == Optional.class || t.isArray() && Modifier.isPrivate(m) || t == Object.class
            || t.isInterface() && t.getName().startsWith("io.candor.")) {
          continue; // the class's own copy (STYLE.md: copied at construction, never handed out)
        }
        String why = mutableType(t, seen);
        if (why != null) {
          return k.getName() + "." + f.getName() + ": " + why;
        }
      }
    }
    return null;
  }
}
