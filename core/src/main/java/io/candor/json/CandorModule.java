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
import io.candor.evidence.Statement;
import io.candor.measure.Instrument;
import io.candor.measure.ItemScoring;
import io.candor.measure.Norms;
import io.candor.model.growth.GrowthFit;
import io.candor.progress.DropoutDefinition;
import io.candor.progress.DropoutHazard;
import io.candor.progress.ExpectedResponseModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The Jackson 3 module for Candor's evidence, domain and measure types. Register it on your own
 * mapper ({@code JsonMapper.builder().addModule(new CandorModule()).build()}) or use
 * {@link CandorJson#mapper()}, which has it already. Result records of the model packages need no
 * module: Jackson reads and writes records directly, and fields of the types below go through this
 * module.
 *
 * <p>Field names are those documented in {@link CandorJson}. Reading validates exactly as the
 * constructors do; a failure names the JSON path and the value.
 */
public final class CandorModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  /** The types this module writes with a codec of its own, in registration order. */
  private final transient List<Class<?>> types = new ArrayList<>();

  /** Creates the module. */
  public CandorModule() {
    super("candor");
    JsonNumbers.register(this);
    pair(Citation.class, Codecs::write, Codecs::readCitation);
    pair(Sourced.class, Codecs::write, Codecs::readSourced);
    pair(Statement.class, Codecs::write, Codecs::readStatement);
    pair(ClientId.class, c -> stringNode(c.value()), Codecs::readClientId);
    pair(Condition.class, Codecs::write, Codecs::readCondition);
    pair(Client.class, Codecs::write, Codecs::readClient);
    pair(Observation.class, Codecs::write, Codecs::readObservation);
    pair(Trajectory.class, Codecs::write, Codecs::readTrajectory);
    pair(Cohort.class, Codecs::write, Codecs::readCohort);
    pair(Instrument.class, Codecs::writeInstrumentRef, Codecs::readInstrument);
    pair(ScoreScale.class, Codecs::writeScale, Codecs::readScale);
    pair(Norms.class, Codecs::write, Codecs::readNorms);
    pair(ItemScoring.class, Codecs::write, Codecs::readItemScoring);
    pair(DropoutDefinition.class, Codecs::write, Codecs::readDropoutDefinition);
    pair(DropoutHazard.class, Codecs::write, Codecs::readDropoutHazard);
    pair(io.candor.model.mixture.TrajectoryClasses.class, MixtureCodecs::write,
        MixtureCodecs::readTrajectoryClasses);
    pair(io.candor.model.mixture.MixtureFit.class, MixtureCodecs::write,
        MixtureCodecs::readMixtureFit);
    pair(io.candor.model.mixture.ClassEnumeration.class, MixtureCodecs::write,
        MixtureCodecs::readClassEnumeration);
    pair(io.candor.model.mixture.BootstrapTest.class, MixtureCodecs::write,
        MixtureCodecs::readBootstrapTest);
    // A growth fit is a report (estimates, diagnostics) with its model: written, and read back only
    // as the io.candor.progress.ExpectedResponseModel it contains (CandorJson.fromJson).
    types.add(GrowthFit.class);
    addSerializer(GrowthFit.class, new StreamSerializer<>(GrowthFitJson::write));
    addDeserializer(GrowthFit.class, new TreeDeserializer<>(GrowthFit.class, in -> {
      throw new IllegalArgumentException(in.path() + ": a GrowthFit is written as a report; read"
          + " the document as an ExpectedResponseModel to get the fitted model back");
    }));
    // An expected-response model is a record, read component by component; it is written by the
    // same streaming code whether alone or inside a fit's document.
    addSerializer(ExpectedResponseModel.class, new StreamSerializer<>(GrowthFitJson::write));
  }

  /**
   * The types written and read by this module's own codecs (the rest of Candor's wire format is
   * records, written component by component).
   *
   * @return the types, in registration order
   */
  List<Class<?>> codecTypes() {
    return List.copyOf(types);
  }

  private static JsonNode stringNode(String s) {
    return tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(s);
  }

  private <T> void pair(Class<T> type, Function<T, ? extends JsonNode> writer, Function<JsonIn, T> reader) {
    types.add(type);
    addSerializer(type, new TreeSerializer<>(writer));
    addDeserializer(type, new TreeDeserializer<>(type, reader));
  }

  private static final class TreeSerializer<T> extends ValueSerializer<T> {
    private final Function<T, ? extends JsonNode> writer;

    TreeSerializer(Function<T, ? extends JsonNode> writer) {
      this.writer = writer;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
      gen.writeTree(writer.apply(value));
    }
  }

  /** Writes a value token by token on the generator. */
  private interface Streamer<T> {
    void write(T value, JsonGenerator gen, SerializationContext ctxt);
  }

  private static final class StreamSerializer<T> extends ValueSerializer<T> {
    private final Streamer<T> writer;

    StreamSerializer(Streamer<T> writer) {
      this.writer = writer;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
      writer.write(value, gen, ctxt);
    }
  }

  private static final class TreeDeserializer<T> extends ValueDeserializer<T> {
    private final Class<T> type;
    private final Function<JsonIn, T> reader;

    TreeDeserializer(Class<T> type, Function<JsonIn, T> reader) {
      this.type = type;
      this.reader = reader;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonNode tree = ctxt.readTree(p);
      String path = pathOf(p);
      return reader.apply(new JsonIn(tree, path.isEmpty() ? decapitalize(type.getSimpleName()) : path));
    }

    @Override
    public Class<?> handledType() {
      return type;
    }
  }

  private static String pathOf(JsonParser p) {
    if (p.streamReadContext() == null) {
      return "";
    }
    String pointer = p.streamReadContext().pathAsPointer().toString();
    StringBuilder sb = new StringBuilder();
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(part).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(part);
      }
    }
    return sb.toString();
  }

  static String decapitalize(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
