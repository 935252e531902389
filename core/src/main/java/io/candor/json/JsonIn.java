package io.candor.json;

import io.candor.internal.Checks;
import io.candor.internal.Enums;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * A JSON node together with its path from the document root, so that every error names the field
 * ({@code trajectory.observations[2].score}) and the offending value.
 */
final class JsonIn {

  private static final java.util.regex.Pattern PLAIN_KEY =
      java.util.regex.Pattern.compile("[A-Za-z0-9_$@-]{1," + Checks.QUOTED_LENGTH + "}");

  private final JsonNode node;
  private final String path;

  JsonIn(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  String path() {
    return path;
  }

  JsonNode node() {
    return node;
  }

  boolean isString() {
    return node.isString();
  }

  boolean isObject() {
    return node.isObject();
  }

  boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  IllegalArgumentException error(String what) {
    return new IllegalArgumentException(path + " " + what);
  }

  /** The required field {@code name}; missing or null is an error. */
  JsonIn field(String name) {
    requireObject();
    JsonNode v = node.get(name);
    if (v == null) {
      throw new IllegalArgumentException(path + "." + name + " is missing");
    }
    if (v.isNull()) {
      throw new IllegalArgumentException(path + "." + name + " must not be null");
    }
    return new JsonIn(v, path + "." + name);
  }

  /** The optional field {@code name}: absent or null gives empty. */
  Optional<JsonIn> optional(String name) {
    requireObject();
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(new JsonIn(v, path + "." + name));
  }

  /** Fails on a property the format does not define. */
  JsonIn only(String... names) {
    requireObject();
    List<String> allowed = List.of(names);
    for (String p : node.propertyNames()) {
      if (!allowed.contains(p)) {
        throw new IllegalArgumentException(
            path + "." + key(p) + " is not a known field; allowed: " + String.join(", ", allowed));
      }
    }
    return this;
  }

  private void requireObject() {
    if (!node.isObject()) {
      throw new IllegalArgumentException(path + " must be a JSON object, was " + describe(node));
    }
  }

  /** A finite number, exactly the nearest double (see {@link JsonNumbers}). */
  double number() {
    if (!node.isNumber()) {
      throw new IllegalArgumentException(path + " must be a number, was " + describe(node));
    }
    double v;
    try {
      v = JsonNumbers.toDouble(node);
    } catch (JsonNumbers.ValueError e) {
      throw new IllegalArgumentException(e.after(path), e);
    }
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(path + " must be a finite number, was " + describe(node));
    }
    return v;
  }

  int integer() {
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new IllegalArgumentException(path + " must be a whole number, was " + describe(node));
    }
    return node.intValue();
  }

  String string() {
    if (!node.isString()) {
      throw new IllegalArgumentException(path + " must be a string, was " + describe(node));
    }
    return node.stringValue();
  }

  boolean bool() {
    if (!node.isBoolean()) {
      throw new IllegalArgumentException(path + " must be true or false, was " + describe(node));
    }
    return node.booleanValue();
  }

  /**
   * A key of the document as a path shows it: as it is when it is a short plain name, quoted (and
   * cut, control characters escaped) otherwise, so a path stays one short line.
   */
  static String key(String name) {
    return PLAIN_KEY.matcher(name).matches() ? name : Checks.quote(name);
  }

  /**
   * A value as an error message shows it: a string quoted and cut if long, a number as written
   * (an integer of very many digits by its length), an object or array by its kind only, so that a
   * message never repeats a whole record.
   */
  static String describe(JsonNode node) {
    if (node.isString()) {
      return Checks.quote(node.stringValue());
    }
    if (node.isObject()) {
      return node.isEmpty() ? "an empty object" : "an object";
    }
    if (node.isArray()) {
      return node.isEmpty() ? "an empty array" : "an array";
    }
    return node.isBigInteger() ? JsonNumbers.integerText(node.bigIntegerValue()) : node.toString();
  }

  <E extends Enum<E>> E enumValue(Class<E> type) {
    String s = string();
    return at(() -> Enums.parse(type, "value", s));
  }

  LocalDate date() {
    String s = string();
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(path + " must be an ISO date such as 2025-03-31, was " + Checks.quote(s), e);
    }
  }

  Period period() {
    String s = string();
    try {
      return Period.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(path + " must be an ISO period such as P2Y6M, was " + Checks.quote(s), e);
    }
  }

  List<JsonIn> array() {
    if (!node.isArray()) {
      throw new IllegalArgumentException(path + " must be a JSON array, was " + describe(node));
    }
    List<JsonIn> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(new JsonIn(node.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  <T> List<T> list(Function<JsonIn, T> element) {
    List<JsonIn> items = array();
    List<T> out = new ArrayList<>(items.size());
    for (JsonIn item : items) {
      out.add(element.apply(item));
    }
    return out;
  }

  /** Runs a constructor, prefixing a validation failure with this path. */
  <T> T at(Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }
}
