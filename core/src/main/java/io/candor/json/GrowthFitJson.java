package io.candor.json;

import io.candor.domain.ScoreScale;
import io.candor.measure.Instrument;
import io.candor.model.Convergence;
import io.candor.model.DataRange;
import io.candor.model.growth.Boundary;
import io.candor.model.growth.FixedEffect;
import io.candor.model.growth.GrowthFit;
import io.candor.progress.ExpectedResponseModel;
import java.io.StringWriter;
import java.util.List;
import java.util.OptionalDouble;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.SerializationContext;

/**
 * The one writer of {@code GrowthFit} and {@code ExpectedResponseModel} values: token by token on
 * jackson-core's streaming {@link JsonGenerator}, in the fields documented in {@link CandorJson}.
 * {@link CandorModule} writes both types through it inside any document, and {@link
 * CandorJson#toJson} writes a whole document of either with a bare generator (no {@code
 * JsonMapper}): setting a mapper up costs a short command-line run more than the fit of ten
 * thousand clients, and the document is the same to the byte.
 *
 * <p>The only value that needs the mapper is a user-defined instrument as the scale (written in
 * full by the instrument codec); {@link #writesAlone(ScoreScale)} says when a document can do
 * without one.
 */
final class GrowthFitJson {

  /** The {@code type} of a fit's document: {@code CandorJson.typeName(GrowthFit.class)}. */
  static final String FIT_TYPE = "GrowthFit";

  /** The {@code type} of a model's document. */
  static final String MODEL_TYPE = "ExpectedResponseModel";

  private static final JsonFactory FACTORY = new JsonFactory();

  /**
   * What the mapper's {@code writerWithDefaultPrettyPrinter()} gives a generator: the layout of
   * jackson-core's {@code DefaultPrettyPrinter} with its default separators ({@link
   * MapperLayout}).
   */
  private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
    @Override
    public PrettyPrinter getPrettyPrinter() {
      return new MapperLayout();
    }

    @Override
    public boolean hasPrettyPrinter() {
      return true;
    }
  };

  private GrowthFitJson() {}

  /**
   * The layout of jackson-core's {@code DefaultPrettyPrinter} with the default separators, which
   * the mapper's documents have: an object's entries on lines of their own, indented by two spaces
   * a level, {@code "name" : value}; an array's values on one line, {@code [ a, b ]}; empty ones
   * {@code { }} and {@code [ ]}. Written out because constructing a {@code DefaultPrettyPrinter}
   * links a string concatenation through method handles, which costs a short run more than the
   * rest of writing the document; {@code GrowthFitJsonTest} holds the two to the same bytes.
   */
  private static final class MapperLayout implements PrettyPrinter {
    private static final String LINE_FEED = System.lineSeparator();
    private int nesting;

    private void indent(JsonGenerator g, int level) {
      g.writeRaw(LINE_FEED);
      for (int i = 0; i < level; i++) {
        g.writeRaw("  ");
      }
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
      g.writeRaw(' ');
    }

    @Override
    public void writeStartObject(JsonGenerator g) {
      g.writeRaw('{');
      nesting++;
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) {
      indent(g, nesting);
    }

    @Override
    public void writeObjectNameValueSeparator(JsonGenerator g) {
      g.writeRaw(" : ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) {
      g.writeRaw(',');
      indent(g, nesting);
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) {
      nesting--;
      if (entries > 0) {
        indent(g, nesting);
      } else {
        g.writeRaw(' ');
      }
      g.writeRaw('}');
    }

    @Override
    public void writeStartArray(JsonGenerator g) {
      g.writeRaw('[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {
      g.writeRaw(' ');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) {
      g.writeRaw(',');
      g.writeRaw(' ');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) {
      g.writeRaw(' ');
      g.writeRaw(']');
    }
  }

  /**
   * Whether a value on this scale can be written without a mapper: every scale but a
   * user-defined instrument.
   */
  static boolean writesAlone(ScoreScale scale) {
    return !(scale instanceof Instrument i) || Codecs.isBuiltIn(i);
  }

  /**
   * A whole document (the envelope of {@link CandorJson#toJson}) holding a fit or a model whose
   * scale {@link #writesAlone(ScoreScale) writes alone}, pretty-printed as the mapper prints it.
   */
  static String document(String type, Object value) {
    StringWriter text = new StringWriter(4096);
    try (JsonGenerator g = FACTORY.createGenerator(PRETTY, text)) {
      g.writeStartObject();
      g.writeStringProperty("format", CandorJson.FORMAT);
      g.writeNumberProperty("formatVersion", CandorJson.FORMAT_VERSION);
      g.writeStringProperty("type", type);
      g.writeName("value");
      if (value instanceof GrowthFit fit) {
        write(fit, g, null);
      } else {
        write((ExpectedResponseModel) value, g, null);
      }
      g.writeEndObject();
    }
    return text.toString();
  }

  /**
   * A growth fit: {@code {estimation, clients, observations, fixedEffects[{term, estimate, se,
   * t}], randomEffects{interceptSd, slopeSd|null, correlation|null, clusterInterceptSd|null},
   * clusters, residualSd, logLik, remlCriterion|null, aic, bic, convergence{converged, iterations,
   * objective, message}, boundary[], model}} where {@code model} is its {@code
   * ExpectedResponseModel}.
   *
   * @param ctxt the serialisation context inside a mapper, or null for a bare generator (then the
   *     scale must {@link #writesAlone(ScoreScale) write alone})
   */
  static void write(GrowthFit fit, JsonGenerator g, SerializationContext ctxt) {
    g.writeStartObject();
    g.writeStringProperty("estimation", fit.estimation().name());
    g.writeNumberProperty("clients", fit.clients());
    g.writeNumberProperty("observations", fit.observations());
    g.writeArrayPropertyStart("fixedEffects");
    for (FixedEffect f : fit.fixedEffects()) {
      g.writeStartObject();
      g.writeStringProperty("term", f.term());
      g.writeNumberProperty("estimate", f.estimate());
      g.writeNumberProperty("se", f.se());
      g.writeNumberProperty("t", f.t());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectPropertyStart("randomEffects");
    g.writeNumberProperty("interceptSd", fit.interceptSd());
    optional(g, "slopeSd", fit.slopeSd());
    optional(g, "correlation", fit.correlation());
    optional(g, "clusterInterceptSd", fit.clusterInterceptSd());
    g.writeEndObject();
    g.writeNumberProperty("clusters", fit.clusters());
    g.writeNumberProperty("residualSd", fit.residualSd());
    g.writeNumberProperty("logLik", fit.logLik());
    optional(g, "remlCriterion", fit.remlCriterion());
    g.writeNumberProperty("aic", fit.aic());
    g.writeNumberProperty("bic", fit.bic());
    Convergence c = fit.convergence();
    g.writeObjectPropertyStart("convergence");
    g.writeBooleanProperty("converged", c.converged());
    g.writeNumberProperty("iterations", c.iterations());
    g.writeNumberProperty("objective", c.objective());
    g.writeStringProperty("message", c.message());
    g.writeEndObject();
    g.writeArrayPropertyStart("boundary");
    String[] boundary = new String[fit.boundary().size()];
    int b = 0;
    for (Boundary flag : fit.boundary()) {
      boundary[b++] = flag.name();
    }
    java.util.Arrays.sort(boundary);
    for (String name : boundary) {
      g.writeString(name);
    }
    g.writeEndArray();
    g.writeName("model");
    write(ExpectedResponseModel.from(fit), g, ctxt);
    g.writeEndObject();
  }

  /**
   * An expected-response model, component by component as a record: {@code {basis, knot,
   * randomSlope, covariates[], interactions, terms[], fixedEffects[], fixedCovariance[[]],
   * randomCovariance[[]], residualVariance, fittedOn{scale, clients, observations, intakes{min,
   * max}, sessions{min, max}, provenance}}}.
   *
   * @param ctxt as for {@link #write(GrowthFit, JsonGenerator, SerializationContext)}
   */
  static void write(ExpectedResponseModel m, JsonGenerator g, SerializationContext ctxt) {
    g.writeStartObject();
    g.writeStringProperty("basis", m.basis().name());
    g.writeNumberProperty("knot", m.knot());
    g.writeBooleanProperty("randomSlope", m.randomSlope());
    strings(g, "covariates", m.covariates());
    g.writeBooleanProperty("interactions", m.interactions());
    strings(g, "terms", m.terms());
    g.writeName("fixedEffects");
    numbers(g, m.fixedEffects());
    matrix(g, "fixedCovariance", m.fixedCovariance());
    matrix(g, "randomCovariance", m.randomCovariance());
    g.writeNumberProperty("residualVariance", m.residualVariance());
    ExpectedResponseModel.FittedOn on = m.fittedOn();
    g.writeObjectPropertyStart("fittedOn");
    g.writeName("scale");
    scale(on.scale(), g, ctxt);
    g.writeNumberProperty("clients", on.clients());
    g.writeNumberProperty("observations", on.observations());
    range(g, "intakes", on.intakes());
    range(g, "sessions", on.sessions());
    g.writeStringProperty("provenance", on.provenance());
    g.writeEndObject();
    g.writeEndObject();
  }

  /** As {@code Codecs.writeScale}: a built-in instrument's id, a plain scale's three fields. */
  private static void scale(ScoreScale s, JsonGenerator g, SerializationContext ctxt) {
    if (s instanceof Instrument i) {
      if (Codecs.isBuiltIn(i)) {
        g.writeString(i.id());
      } else if (ctxt != null) {
        ctxt.writeValue(g, i);
      } else {
        throw new IllegalStateException("a user-defined instrument is written by the mapper");
      }
      return;
    }
    g.writeStartObject();
    g.writeStringProperty("id", s.id());
    g.writeNumberProperty("minScore", s.minScore());
    g.writeNumberProperty("maxScore", s.maxScore());
    g.writeEndObject();
  }

  private static void optional(JsonGenerator g, String name, OptionalDouble v) {
    if (v.isPresent()) {
      g.writeNumberProperty(name, v.getAsDouble());
    } else {
      g.writeNullProperty(name);
    }
  }

  private static void strings(JsonGenerator g, String name, List<String> values) {
    g.writeArrayPropertyStart(name);
    for (String s : values) {
      g.writeString(s);
    }
    g.writeEndArray();
  }

  private static void numbers(JsonGenerator g, List<Double> values) {
    g.writeStartArray();
    for (double v : values) {
      g.writeNumber(v);
    }
    g.writeEndArray();
  }

  private static void matrix(JsonGenerator g, String name, List<List<Double>> rows) {
    g.writeArrayPropertyStart(name);
    for (List<Double> row : rows) {
      numbers(g, row);
    }
    g.writeEndArray();
  }

  private static void range(JsonGenerator g, String name, DataRange r) {
    g.writeObjectPropertyStart(name);
    g.writeNumberProperty("min", r.min());
    g.writeNumberProperty("max", r.max());
    g.writeEndObject();
  }
}
