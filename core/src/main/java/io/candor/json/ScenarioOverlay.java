package io.candor.json;

import io.candor.domain.Course;
import io.candor.domain.ReadinessStage;
import io.candor.internal.Checks;
import io.candor.internal.Enums;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.simulation.Scenario;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the value of a {@code Scenario} document laid over {@link Scenario#calibratedDefault} for
 * its {@code instrument} (PHQ-9 when absent), so a scenario file may set only the fields it
 * changes. The share maps {@code caseMix} and {@code readiness.initial} replace the default map as
 * a whole (a course or stage left out has share 0); the multiplier maps are merged key by key. Any
 * unknown field, unknown course or stage, value of the wrong type or invalid value raises an
 * {@link IllegalArgumentException} naming the JSON path and the value.
 */
final class ScenarioOverlay {

  /** Candor's strict mapper: record binding of the overlaid tree. */
  private static final JsonMapper MAPPER = CandorJson.mapper();
  private static final Set<String> REPLACED_MAPS = Set.of("caseMix", "readiness.initial");
  private static final Map<String, Class<? extends Enum<?>>> ENUM_MAPS =
      Map.of(
          "caseMix", Course.class,
          "readiness.initial", ReadinessStage.class,
          "readiness.rateMultiplier", ReadinessStage.class,
          "readiness.dropoutMultiplier", ReadinessStage.class);

  private ScenarioOverlay() {}

  static Scenario read(JsonIn in) {
    if (!in.isObject()) {
      throw in.error("must be a JSON object, was " + in.node());
    }
    Instrument instrument = in.optional("instrument")
        .map(id -> id.at(() -> Instruments.byId(id.string())))
        .orElse(Instruments.PHQ9);
    ObjectNode base = MAPPER.valueToTree(Scenario.calibratedDefault(instrument));
    overlay(base, (ObjectNode) in.node(), in.path(), "");
    try {
      return MAPPER.treeToValue(base, Scenario.class);
    } catch (JacksonException e) {
      throw JsonErrors.binding(in.path(), e);
    }
  }

  private static void overlay(ObjectNode base, ObjectNode user, String root, String prefix) {
    for (Map.Entry<String, JsonNode> entry : user.properties()) {
      String name = entry.getKey();
      String field = prefix.isEmpty() ? name : prefix + "." + name;
      String path = root + "." + (prefix.isEmpty() ? "" : prefix + ".") + JsonIn.key(name);
      JsonNode value = entry.getValue();
      if (!base.has(name)) {
        throw new IllegalArgumentException(
            path + " is not a known field; allowed: " + String.join(", ", base.propertyNames()));
      }
      Class<? extends Enum<?>> keys = ENUM_MAPS.get(field);
      if (keys != null) {
        if (!value.isObject()) {
          throw new IllegalArgumentException(path + " must be an object keyed by "
              + keys.getSimpleName() + ", was " + JsonIn.describe(value));
        }
        ObjectNode target = REPLACED_MAPS.contains(field)
            ? zeroMap(keys) : (ObjectNode) base.get(name);
        Map<String, String> given = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
          String key = enumName(keys, path, e.getKey());
          String earlier = given.put(key, e.getKey());
          if (earlier != null) {
            throw new IllegalArgumentException(path + " names " + key + " twice, as "
                + Checks.quote(earlier) + " and as " + Checks.quote(e.getKey()));
          }
          JsonIn share = new JsonIn(e.getValue(), path + "." + key);
          target.put(key, share.number());
        }
        base.set(name, target);
      } else if (value.isObject() && base.get(name).isObject()) {
        overlay((ObjectNode) base.get(name), (ObjectNode) value, root, field);
      } else if (value.isObject() || value.isArray() || value.isNull()) {
        throw new IllegalArgumentException(path + " must be a " + kind(base.get(name)) + ", was "
            + JsonIn.describe(value));
      } else {
        JsonNode was = base.get(name);
        boolean sameKind =
            was.isNumber() ? value.isNumber() : was.isBoolean() ? value.isBoolean() : value.isString();
        if (!sameKind) {
          throw new IllegalArgumentException(path + " must be a " + kind(was) + ", was "
              + JsonIn.describe(value));
        }
        JsonIn given = new JsonIn(value, path);
        if (was.isIntegralNumber()) {
          base.put(name, given.integer());
        } else if (was.isNumber()) {
          base.put(name, given.number());
        } else {
          base.set(name, value);
        }
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

  private static String enumName(Class<? extends Enum<?>> type, String path, String key) {
    String what = type == Course.class ? "course" : "readiness stage";
    try {
      return type == Course.class
          ? Enums.parse(Course.class, what, key).name()
          : Enums.parse(ReadinessStage.class, what, key).name();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": unknown " + what + " " + Checks.quote(key) + "; "
          + e.getMessage(), e);
    }
  }
}
