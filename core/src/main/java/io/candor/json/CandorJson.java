package io.candor.json;

import io.candor.domain.Client;
import io.candor.domain.Cohort;
import io.candor.domain.Condition;
import io.candor.domain.Observation;
import io.candor.domain.Trajectory;
import io.candor.evidence.Citation;
import io.candor.evidence.Sourced;
import io.candor.measure.Instrument;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Candor's JSON wire format: a versioned envelope around any Candor value or result.
 *
 * <h2>Envelope</h2>
 *
 * <pre>{@code
 * {"format": "candor", "formatVersion": 1, "type": "Trajectory", "value": { ... }}
 * }</pre>
 *
 * {@code type} is the simple class name of the value. {@link #fromJson(String, Class)} checks the
 * format name, the version ({@value #FORMAT_VERSION}; any other is refused with a message) and the
 * type before reading the value.
 *
 * <h2>Values</h2>
 *
 * <ul>
 *   <li>{@code ClientId}: a string.
 *   <li>{@code Citation}: {@code {key, authors, year, title, where, doi|null}}; where a citation is
 *       referenced from a {@code Sourced} figure and is one of Candor's own ({@code
 *       io.candor.evidence.Citations}), just its key string.
 *   <li>{@code Sourced}: {@code {value, source, certainty, note}}.
 *   <li>{@code Condition}: {@code {name, icd11Code|null, course, onset|null, duration|null}}; dates
 *       ISO-8601 ({@code 2025-03-31}), durations ISO periods ({@code P2Y6M}); enums by constant name.
 *   <li>{@code Client}: {@code {id, conditions[], readiness, intakeDate|null}}.
 *   <li>{@code Observation}: {@code {session, date|null, score}}.
 *   <li>{@code Trajectory}: {@code {client, scale, observations[]}}; {@code scale} is a built-in
 *       instrument's id ({@code "PHQ-9"}), a full instrument object for a user-defined instrument,
 *       or {@code {id, minScore, maxScore}} for a plain scale.
 *   <li>{@code Cohort}: {@code {trajectories[]}}.
 *   <li>{@code Instrument}: a built-in one as its id; a user-defined one as {@code {id, name,
 *       minScore, maxScore, resolution, direction, casenessCutoff|null, bands[{label, lower,
 *       upper}], bandsSource|null, reliability, clinicalNorms|null, functionalNorms|null,
 *       reliableChange|null, licence, itemScoring|null}}, norms as {@code {mean, sd}}.
 *   <li>Result records of the model, change and progress packages: their record components by
 *       name, {@code Optional} as the value or {@code null}.
 * </ul>
 *
 * Numbers are written in the shortest form that reads back to the same double, so a round trip is
 * exact. Unknown fields, missing required fields, values out of range and unknown instruments or
 * versions fail with an {@link IllegalArgumentException} naming the JSON path and the value.
 *
 * <p>Thread-safe.
 */
public final class CandorJson {

  /** The format name in every envelope. */
  public static final String FORMAT = "candor";

  /** The wire-format version this Candor writes and reads. */
  public static final int FORMAT_VERSION = 1;

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .addModule(new CandorModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .build();

  /** Readers that give the root its type's name in error paths. */
  private static final Map<Class<?>, Function<JsonIn, ?>> ROOT_READERS =
      Map.of(
          Trajectory.class, Codecs::readTrajectory,
          Cohort.class, Codecs::readCohort,
          Client.class, Codecs::readClient,
          Condition.class, Codecs::readCondition,
          Observation.class, Codecs::readObservation,
          Instrument.class, Codecs::readInstrument,
          Sourced.class, Codecs::readSourced,
          Citation.class, Codecs::readCitation);

  private CandorJson() {}

  /**
   * A mapper with {@link CandorModule} and strict reading; shared and thread-safe.
   *
   * @return a mapper with {@link CandorModule} and strict reading; shared and thread-safe
   */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /**
   * Writes a value inside the versioned envelope.
   *
   * @param value the value: a Candor domain, measure or result type
   * @return the JSON text
   * @throws IllegalArgumentException if the value cannot be written as JSON
   */
  public static String toJson(Object value) {
    Objects.requireNonNull(value, "value");
    ObjectNode envelope = MAPPER.createObjectNode();
    envelope.put("format", FORMAT);
    envelope.put("formatVersion", FORMAT_VERSION);
    envelope.put("type", value.getClass().getSimpleName());
    try {
      envelope.set("value", MAPPER.valueToTree(value));
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(envelope);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads a value written by {@link #toJson(Object)}.
   *
   * @param <T> the type of the value
   * @param json the JSON text, envelope included
   * @param type the type the envelope must name
   * @return the value
   * @throws IllegalArgumentException if the text is not JSON, the envelope is not Candor's, the
   *     version or type differs, or the value is invalid; the message names the path and value
   */
  public static <T> T fromJson(String json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonIn env = new JsonIn(root, "document");
    env.only("format", "formatVersion", "type", "value");
    String format = env.field("format").string();
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("format must be \"" + FORMAT + "\", was \"" + format + "\"");
    }
    int version = env.field("formatVersion").integer();
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "formatVersion " + version + " is not supported; this Candor reads version " + FORMAT_VERSION);
    }
    String typeName = env.field("type").string();
    if (!typeName.equals(type.getSimpleName())) {
      throw new IllegalArgumentException(
          "type is \"" + typeName + "\" but a " + type.getSimpleName() + " was expected");
    }
    JsonIn value = env.field("value");
    Function<JsonIn, ?> rootReader = ROOT_READERS.get(type);
    if (rootReader != null) {
      JsonIn named = new JsonIn(value.node(), CandorModule.decapitalize(type.getSimpleName()));
      return type.cast(rootReader.apply(named));
    }
    return treeToValue(value.node(), type);
  }

  /**
   * Converts a JSON tree (without envelope) to a Candor type, with Candor's error messages.
   *
   * @param <T> the type of the value
   * @param tree the JSON tree of the value, without the envelope
   * @param type the Candor type to read
   * @return the value
   * @throws IllegalArgumentException naming the path and value when the tree is invalid
   */
  public static <T> T treeToValue(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JacksonException e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
        cause = cause.getCause();
      }
      String path = e.getPathReference();
      String detail =
          cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
      throw new IllegalArgumentException(
          type.getSimpleName() + (path == null ? "" : " at " + path) + ": " + detail, e);
    }
  }
}
