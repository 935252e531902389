package io.candor.json;

import io.candor.domain.Client;
import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Condition;
import io.candor.domain.Observation;
import io.candor.domain.ScoreScale;
import io.candor.domain.Trajectory;
import io.candor.evidence.Citation;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import io.candor.measure.Instrument;
import io.candor.measure.ItemScoring;
import io.candor.measure.Norms;
import io.candor.model.growth.GrowthFit;
import io.candor.progress.DropoutDefinition;
import io.candor.progress.DropoutHazard;
import io.candor.progress.ExpectedResponseModel;
import io.candor.simulation.Scenario;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
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
 * {@code type} names the value's class ({@link #typeName(Class)}: the simple name, with the
 * enclosing class for a nested one, e.g. {@code "Calibration.Report"}). {@link #fromJson(String,
 * Class)} checks the format name, the version ({@value #FORMAT_VERSION}; any other is refused with
 * a message) and the type before reading the value. One conversion is allowed: a {@code GrowthFit}
 * document (what {@code candor fit --json} writes) reads as the {@code ExpectedResponseModel} in
 * its {@code model} field.
 *
 * <h2>What can be written</h2>
 *
 * The types with a codec below, and records: every public record of Candor's API (results,
 * configurations such as {@code Scenario}, inputs such as {@code EventTime}), and records of your
 * own made of such values, are written component by component under their component names. Any
 * other type is refused, so nothing is written in a shape the format does not define. The tests
 * keep a golden file of format {@value #FORMAT_VERSION} for every public type, so a renamed
 * component cannot slip through.
 *
 * <h2>Values</h2>
 *
 * <ul>
 *   <li>{@code ClientId}: a string.
 *   <li>{@code Citation}: {@code {key, authors, year, title, where, doi|null}}; where a citation is
 *       referenced from a {@code Sourced} figure and is one of Candor's own ({@code
 *       io.candor.evidence.Citations}), just its key string.
 *   <li>{@code Sourced}: {@code {value, source, certainty, note}}.
 *   <li>{@code Statement}: {@code {text, source, certainty}}, the source as for {@code Sourced}.
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
 *       reliableChange|null, licence, itemScoring|null}}, norms as {@code {mean, sd}}, item scoring
 *       as {@code {items, itemMin, itemMax, reversed[], maxProratedMissing, instrumentId,
 *       riskItems[]}} ({@code riskItems} may be absent: none declared).
 *   <li>{@code GrowthFit} (written, and read only as its model): {@code {estimation, clients,
 *       observations, fixedEffects[{term, estimate, se, t}], randomEffects{interceptSd,
 *       slopeSd|null, correlation|null, clusterInterceptSd|null}, clusters (0 without a
 *       cluster level), residualSd, logLik, remlCriterion|null, aic, bic,
 *       convergence{converged, iterations, objective, message}, boundary[], model}}.
 *   <li>Latent trajectory classes ({@code TrajectoryClasses}, {@code MixtureFit},
 *       {@code ClassEnumeration}, {@code BootstrapTest}): see {@code docs/json.md}; a
 *       {@code MixtureFit} carries its criteria ({@code aic, bic, bicRows, sabic, icl, entropy})
 *       beside the numbers they are computed from, and reading checks that they agree.
 *   <li>{@code Scenario}: its record components as nested objects. When read, the value may give
 *       only the fields it changes: it is laid over {@code Scenario.calibratedDefault} of its
 *       {@code instrument} (PHQ-9 when absent); {@code caseMix} and {@code readiness.initial}
 *       replace the default map as a whole, the multiplier maps are merged key by key.
 *   <li>Records: their components by name; {@code Optional}, {@code OptionalDouble} and
 *       {@code OptionalInt} as the value or {@code null}; enums by constant name; lists as arrays;
 *       maps as objects.
 * </ul>
 *
 * Numbers are written in the shortest form that reads back to the same double, so a round trip is
 * exact. Unknown fields, missing required fields, values out of range and unknown instruments or
 * versions fail with an {@link IllegalArgumentException} naming the JSON path and the value.
 *
 * <p>Reading coerces nothing. A key given twice, a number written as a string ({@code "1.96"}), a
 * boolean written as a number or a string, an enum given by its position ({@code 1} or {@code
 * "1"}), the string {@code "null"} for an absent value, a fraction where a whole number belongs
 * ({@code 26.5}, {@code 26.0}), and a number a double cannot hold ({@code 1e400}, {@code 1e-400},
 * an integer of 310 digits) are each refused with the path, rather than read as something the
 * document did not say. Non-finite doubles, which a few results hold, are written as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} and read back only in that spelling.
 *
 * <p>Thread-safe.
 */
public final class CandorJson {

  /** The format name in every envelope. */
  public static final String FORMAT = "candor";

  /** The wire-format version this Candor writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /**
   * The module, mapper and root readers, made on first use: writing a document of a growth fit
   * or an expected-response model needs none of them ({@link GrowthFitJson}), and setting a
   * mapper up is most of what a short command-line run would spend on its JSON.
   */
  private static final class Mapper {
    static final CandorModule MODULE = new CandorModule();

    static final JsonMapper MAPPER =
        JsonMapper.builder()
            .addModule(MODULE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // nothing is coerced: no string as a number or boolean, no number as a boolean or as
            // an enum's position, no fraction truncated to a whole number, no "null" string as
            // absent
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            // trees keep a number's exact decimal value, so one beyond the double range is
            // refused rather than read as infinity or zero (JsonNumbers)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** The types with a codec of their own (everything else written is a record). */
    static final List<Class<?>> CODEC_TYPES = MODULE.codecTypes();

    /** Readers that give the root its type's name in error paths. */
    static final Map<Class<?>, Function<JsonIn, ?>> ROOT_READERS =
        Map.ofEntries(
            Map.entry(Trajectory.class, Codecs::readTrajectory),
            Map.entry(Cohort.class, Codecs::readCohort),
            Map.entry(Client.class, Codecs::readClient),
            Map.entry(ClientId.class, Codecs::readClientId),
            Map.entry(Condition.class, Codecs::readCondition),
            Map.entry(Observation.class, Codecs::readObservation),
            Map.entry(Instrument.class, Codecs::readInstrument),
            Map.entry(ScoreScale.class, Codecs::readScale),
            Map.entry(Norms.class, Codecs::readNorms),
            Map.entry(ItemScoring.class, Codecs::readItemScoring),
            Map.entry(Sourced.class, Codecs::readSourced),
            Map.entry(Citation.class, Codecs::readCitation),
            Map.entry(DropoutDefinition.class, Codecs::readDropoutDefinition),
            Map.entry(DropoutHazard.class, Codecs::readDropoutHazard),
            Map.entry(Scenario.class, ScenarioOverlay::read),
            Map.entry(io.candor.model.mixture.TrajectoryClasses.class,
                MixtureCodecs::readTrajectoryClasses),
            Map.entry(io.candor.model.mixture.MixtureFit.class, MixtureCodecs::readMixtureFit),
            Map.entry(io.candor.model.mixture.ClassEnumeration.class,
                MixtureCodecs::readClassEnumeration),
            Map.entry(io.candor.model.mixture.BootstrapTest.class,
                MixtureCodecs::readBootstrapTest));

    private Mapper() {}
  }

  /** What a Candor document looks like, for messages about text that is not one. */
  private static final String SHAPE =
      "a Candor document is {\"format\": \"candor\", \"formatVersion\": 1, \"type\": ..., \"value\": ...}";

  private CandorJson() {}

  /**
   * A mapper with {@link CandorModule} and strict reading; shared and thread-safe.
   *
   * @return the mapper
   */
  public static JsonMapper mapper() {
    return Mapper.MAPPER;
  }

  /**
   * The name a document gives a value's type: the simple class name, preceded by the enclosing
   * classes' simple names for a nested class ({@code "Trajectory"}, {@code "Calibration.Report"}).
   * A class written by the codec of an interface it implements is named after that interface: a
   * {@code PlainScale} is a {@code "ScoreScale"}, a {@code DropoutDefinition.BeforeSession} a
   * {@code "DropoutDefinition"}.
   *
   * @param type the class
   * @return its name in the {@code type} field of an envelope
   */
  public static String typeName(Class<?> type) {
    Class<?> wire = wireClass(Objects.requireNonNull(type, "type"));
    String name = wire.getSimpleName();
    for (Class<?> outer = wire.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
      name = outer.getSimpleName() + "." + name;
    }
    return name;
  }
  /** "an" before a vowel (ExpectedResponseModel, IconArray), else "a". */
  private static String article(String word) {
    return "AEIOU".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }


  /** The class whose codec writes values of {@code type}: a codec type it is, or {@code type}. */
  static Class<?> wireClass(Class<?> type) {
    for (Class<?> c : Mapper.CODEC_TYPES) {
      if (c.isAssignableFrom(type)) {
        return c;
      }
    }
    return type;
  }

  /** The types with a codec of their own, in registration order. */
  static List<Class<?>> codecTypes() {
    return Mapper.CODEC_TYPES;
  }

  /**
   * Whether {@link #toJson(Object)} writes values of this class: the types with a codec (see the
   * class documentation) and their implementations, and records.
   *
   * @param type the class
   * @return true when values of the class can be written
   */
  public static boolean writes(Class<?> type) {
    Objects.requireNonNull(type, "type");
    if (type.isRecord()) {
      return true;
    }
    for (Class<?> c : Mapper.CODEC_TYPES) {
      if (c.isAssignableFrom(type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes a value inside the versioned envelope.
   *
   * @param value a value of a type that {@link #writes(Class)}
   * @return the document, pretty-printed
   * @throws IllegalArgumentException if the value's type is not part of the wire format, or the
   *     value cannot be written as JSON
   */
  public static String toJson(Object value) {
    Objects.requireNonNull(value, "value");
    if (value instanceof GrowthFit fit && GrowthFitJson.writesAlone(fit.scale())) {
      return GrowthFitJson.document(GrowthFitJson.FIT_TYPE, fit);
    }
    if (value instanceof ExpectedResponseModel model
        && GrowthFitJson.writesAlone(model.fittedOn().scale())) {
      return GrowthFitJson.document(GrowthFitJson.MODEL_TYPE, model);
    }
    Class<?> type = value.getClass();
    if (!writes(type)) {
      throw new IllegalArgumentException(type.getName() + " is not part of Candor's wire format;"
          + " CandorJson writes Candor's values and records (see CandorJson's documentation)");
    }
    ObjectNode envelope = Mapper.MAPPER.createObjectNode();
    envelope.put("format", FORMAT);
    envelope.put("formatVersion", FORMAT_VERSION);
    envelope.put("type", typeName(type));
    try {
      envelope.set("value", Mapper.MAPPER.valueToTree(value));
      return Mapper.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(envelope);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "cannot write " + typeName(type) + " as JSON: " + JsonErrors.clean(e.getOriginalMessage()), e);
    }
  }

  /**
   * Reads a value written by {@link #toJson(Object)}.
   *
   * @param <T> the type
   * @param json the document
   * @param type the type expected; {@code ExpectedResponseModel} also reads a {@code GrowthFit}
   *     document (the model in it)
   * @return the value
   * @throws IllegalArgumentException if the text is empty or not JSON, the envelope is not Candor's,
   *     the version or type differs, or the value is invalid; the message names the path and value
   */
  public static <T> T fromJson(String json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    if (json.isBlank()) {
      throw new IllegalArgumentException("the text is empty; " + SHAPE);
    }
    JsonNode root;
    try {
      root = Mapper.MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(JsonErrors.parse("not valid JSON", e), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new IllegalArgumentException("the document is JSON null, not a Candor document; " + SHAPE);
    }
    if (!root.isObject() || !root.has("format")) {
      throw new IllegalArgumentException("not a Candor document (no \"format\" field); " + SHAPE);
    }
    JsonIn env = new JsonIn(root, "document");
    env.only("format", "formatVersion", "type", "value");
    String format = env.field("format").string();
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException("format must be \"" + FORMAT + "\", was " + Checks.quote(format));
    }
    int version = env.field("formatVersion").integer();
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "formatVersion " + version + " is not supported; this Candor reads version " + FORMAT_VERSION);
    }
    String typeName = env.field("type").string();
    if (!env.node().has("value")) {
      throw new IllegalArgumentException("document.value is missing");
    }
    JsonIn value = new JsonIn(env.node().get("value"), "document.value");
    if (type == ExpectedResponseModel.class && typeName.equals(typeName(GrowthFit.class))) {
      JsonIn fit = new JsonIn(value.node(), CandorModule.decapitalize(typeName));
      return type.cast(treeToValue(fit.field("model"), type));
    }
    if (!typeName.equals(typeName(type))) {
      throw new IllegalArgumentException(
          "type is " + Checks.quote(typeName) + " but " + article(typeName(type)) + " "
              + typeName(type) + " was expected");
    }
    if (value.node().isNull()) {
      throw new IllegalArgumentException("document.value must not be null");
    }
    JsonIn named = new JsonIn(value.node(), CandorModule.decapitalize(type.getSimpleName()));
    Function<JsonIn, ?> rootReader = Mapper.ROOT_READERS.get(wireClass(type));
    if (rootReader != null) {
      Object read = rootReader.apply(named);
      if (!type.isInstance(read)) {
        throw new IllegalArgumentException(named.path() + " holds a " + read.getClass().getSimpleName()
            + ", not a " + type.getSimpleName());
      }
      return type.cast(read);
    }
    return treeToValue(named, type);
  }

  /**
   * Converts a JSON tree (without envelope) to a Candor type, with Candor's error messages.
   *
   * @param <T> the type
   * @param tree the value's tree
   * @param type the type
   * @return the value
   * @throws IllegalArgumentException naming the path and value when the tree is invalid
   */
  public static <T> T treeToValue(JsonNode tree, Class<T> type) {
    Objects.requireNonNull(tree, "tree");
    return treeToValue(new JsonIn(tree, CandorModule.decapitalize(type.getSimpleName())), type);
  }

  private static <T> T treeToValue(JsonIn in, Class<T> type) {
    if (in.node().isNull() || in.node().isMissingNode()) {
      throw new IllegalArgumentException(in.path() + " must be a " + typeName(type) + ", was null");
    }
    try {
      T value = Mapper.MAPPER.treeToValue(in.node(), type);
      if (value == null) {
        throw new IllegalArgumentException(in.path() + " must be a " + typeName(type) + ", was null");
      }
      return value;
    } catch (JacksonException e) {
      throw JsonErrors.binding(in.path(), e);
    }
  }
}
