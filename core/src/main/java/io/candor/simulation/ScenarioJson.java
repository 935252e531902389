package io.candor.simulation;

import io.candor.domain.Course;
import io.candor.domain.ReadinessStage;
import io.candor.internal.Enums;
import io.candor.measure.Instruments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@link Scenario} as JSON (Jackson 3): nested objects named as the record
 * components, e.g. {@code {"sessions": 20, "dropout": {"hazard": 0.01}}}.
 *
 * <p>Reading is forgiving about what is left out and strict about what is there: the text is laid
 * over {@link Scenario#calibratedDefault} for its {@code instrument} (PHQ-9 when absent), so a
 * file may set only the fields it changes. The share maps {@code caseMix} and
 * {@code readiness.initial} replace the default map as a whole (a course or stage left out has
 * share 0); the multiplier maps are merged key by key. Any unknown field, unknown course or stage,
 * value of the wrong type or invalid value (a negative SD, a probability outside [0, 1], shares
 * not summing to 1) raises an {@link IllegalArgumentException} naming the field and the value.
 *
 * <p>Thread-safe (the mapper is immutable).
 */
public final class ScenarioJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final Set<String> REPLACED_MAPS = Set.of("caseMix", "readiness.initial");
  private static final Map<String, Class<? extends Enum<?>>> ENUM_MAPS =
      Map.of(
          "caseMix", Course.class,
          "readiness.initial", ReadinessStage.class,
          "readiness.rateMultiplier", ReadinessStage.class,
          "readiness.dropoutMultiplier", ReadinessStage.class);

  private ScenarioJson() {}

  /**
   * The scenario as pretty-printed JSON; {@link #read(String)} gives it back equal.
   *
   * @param scenario the scenario
   * @return the scenario as pretty-printed JSON; {@link #read(String)} gives it back equal
   */
  public static String write(Scenario scenario) {
    Objects.requireNonNull(scenario, "scenario");
    return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(scenario);
  }

  /**
   * Reads a scenario, laid over the calibrated default of its instrument.
   *
   * @param json the JSON text
   * @return the scenario
   * @throws IllegalArgumentException for malformed JSON or any invalid field, naming it
   */
  public static Scenario read(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode user;
    try {
      user = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("scenario is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (user == null || !user.isObject()) {
      throw new IllegalArgumentException("scenario JSON must be an object");
    }
    JsonNode instrument = user.get("instrument");
    String id = "PHQ-9";
    if (instrument != null) {
      if (!instrument.isString()) {
        throw new IllegalArgumentException("instrument must be an instrument id such as \"PHQ-9\","
            + " was " + instrument);
      }
      id = instrument.asString();
    }
    ObjectNode base = MAPPER.valueToTree(Scenario.calibratedDefault(Instruments.byId(id)));
    overlay(base, (ObjectNode) user, "");
    try {
      return MAPPER.treeToValue(base, Scenario.class);
    } catch (JacksonException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof IllegalArgumentException iae) {
          throw new IllegalArgumentException(iae.getMessage(), e);
        }
      }
      throw new IllegalArgumentException(
          "scenario field " + path(e) + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String path(JacksonException e) {
    List<String> names = new ArrayList<>();
    for (JacksonException.Reference r : e.getPath()) {
      names.add(r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]");
    }
    return names.isEmpty() ? "(top level)" : String.join(".", names);
  }

  private static void overlay(ObjectNode base, ObjectNode user, String prefix) {
    for (Map.Entry<String, JsonNode> entry : user.properties()) {
      String name = entry.getKey();
      String field = prefix.isEmpty() ? name : prefix + "." + name;
      JsonNode value = entry.getValue();
      if (!base.has(name)) {
        throw new IllegalArgumentException(
            "unknown scenario field \"" + field + "\"; known here: " + base.propertyNames());
      }
      Class<? extends Enum<?>> keys = ENUM_MAPS.get(field);
      if (keys != null) {
        if (!value.isObject()) {
          throw new IllegalArgumentException(field + " must be an object keyed by "
              + keys.getSimpleName() + ", was " + value);
        }
        ObjectNode target = REPLACED_MAPS.contains(field)
            ? zeroMap(keys) : (ObjectNode) base.get(name);
        for (Map.Entry<String, JsonNode> e : value.properties()) {
          target.set(enumName(keys, field, e.getKey()), e.getValue());
        }
        base.set(name, target);
      } else if (value.isObject() && base.get(name).isObject()) {
        overlay((ObjectNode) base.get(name), (ObjectNode) value, field);
      } else if (value.isObject() || value.isArray() || value.isNull()) {
        throw new IllegalArgumentException(field + " must be a " + kind(base.get(name)) + ", was "
            + value);
      } else {
        JsonNode was = base.get(name);
        boolean sameKind =
            was.isNumber() ? value.isNumber() : was.isBoolean() ? value.isBoolean() : value.isString();
        if (!sameKind) {
          throw new IllegalArgumentException(field + " must be a " + kind(was) + ", was " + value);
        }
        if (was.isIntegralNumber() && !(value.isIntegralNumber()
            || value.isNumber() && value.asDouble() == Math.rint(value.asDouble()))) {
          throw new IllegalArgumentException(field + " must be a whole number, was " + value);
        }
        base.set(name, value);
      }
    }
  }

  private static String kind(JsonNode n) {
    return n.isObject() ? "object" : n.isBoolean() ? "boolean" : n.isNumber() ? "number" : "string";
  }

  private static ObjectNode zeroMap(Class<? extends Enum<?>> keys) {
    ObjectNode m = MAPPER.createObjectNode();
    for (Enum<?> e : keys.getEnumConstants()) {
      m.put(e.name(), 0.0);
    }
    return m;
  }

  private static String enumName(Class<? extends Enum<?>> type, String field, String key) {
    String what = type == Course.class ? "course" : "readiness stage";
    try {
      return type == Course.class
          ? Enums.parse(Course.class, what, key).name()
          : Enums.parse(ReadinessStage.class, what, key).name();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": unknown " + what + " \"" + key + "\"; "
          + e.getMessage(), e);
    }
  }
}
