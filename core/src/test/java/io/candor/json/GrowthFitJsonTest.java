package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.candor.domain.PlainScale;
import io.candor.domain.ScoreScale;
import io.candor.evidence.Certainty;
import io.candor.evidence.Citation;
import io.candor.evidence.Sourced;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.SeverityBand;
import io.candor.model.DataRange;
import io.candor.model.growth.ClusterPart;
import io.candor.model.growth.Estimation;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.Interactions;
import io.candor.model.growth.RandomPart;
import io.candor.model.growth.TimeBasis;
import io.candor.progress.ExpectedResponseModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.node.ObjectNode;

/**
 * The streaming writer of fits and models ({@link GrowthFitJson}) against the mapper: a document
 * written without a mapper is the mapper's document to the byte, and a model is written exactly as
 * Jackson writes any record, component by component.
 */
class GrowthFitJsonTest {

  /** The document as the mapper writes it: the envelope as a tree, then pretty-printed. */
  private static String mapperDocument(Object value) {
    JsonMapper mapper = CandorJson.mapper();
    ObjectNode envelope = mapper.createObjectNode();
    envelope.put("format", CandorJson.FORMAT);
    envelope.put("formatVersion", CandorJson.FORMAT_VERSION);
    envelope.put("type", CandorJson.typeName(value.getClass()));
    envelope.set("value", mapper.valueToTree(value));
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(envelope);
  }

  private static Map<String, GrowthFit> fits() {
    GrowthData panel = GoldenJsonTest.growthPanel();
    String[] ids = new String[panel.size()];
    String[] therapists = new String[panel.size()];
    double[] age = new double[panel.size()];
    int at = 0;
    for (int c = 0; c < panel.clientCount(); c++) {
      for (int i = 0; i < panel.observations(c); i++) {
        ids[at] = panel.clients().get(c);
        therapists[at] = "T" + c % 4;
        age[at++] = 20 + c % 7;
      }
    }
    GrowthData rows = GrowthData.of(ids, panel.groupedTimes(), panel.groupedScores());
    GrowthModel log = GrowthModel.withDefaults().with(TimeBasis.LOG);
    Map<String, GrowthFit> m = new LinkedHashMap<>();
    m.put("log slope REML on PHQ-9", log.fit(panel));
    m.put("log slope REML, plain scale", log.fit(rows));
    m.put("linear intercept ML", GrowthModel.withDefaults().with(RandomPart.INTERCEPT)
        .with(Estimation.ML).fit(rows));
    m.put("quadratic", GrowthModel.withDefaults().with(TimeBasis.QUADRATIC).fit(rows));
    m.put("piecewise", GrowthModel.withDefaults().withPiecewise(3).fit(rows));
    m.put("covariate and interaction", log.withCovariates("age").with(Interactions.COVARIATE_BY_TIME)
        .fit(rows.withCovariate("age", age)));
    m.put("clients in therapists", log.with(RandomPart.INTERCEPT).with(ClusterPart.INTERCEPT)
        .fit(rows.withClusters(therapists)));
    m.put("user-defined instrument", log.fit(rows.withScale(custom())));
    return m;
  }

  private static Instrument custom() {
    Citation citation = Citation.of("example2020", "Example, A., & Sample, B.", 2020,
        "An example citation", "Journal of Examples, 1, 1-10", "10.1000/example");
    Sourced sourced = new Sourced(10, citation, Certainty.PRIMARY, "an example figure");
    return Instrument.builder("EX-27", "A scale of the user's (\"custom\", ü)")
        .range(0, 27).resolution(1).direction(Direction.HIGHER_IS_WORSE)
        .reliability(new Sourced(0.85, citation, Certainty.SECONDARY, "internal consistency"))
        .casenessCutoff(sourced)
        .bands(new Sourced(0, citation, Certainty.ASSUMPTION, "bands"),
            new SeverityBand("low", 0, 9), new SeverityBand("high", 10, 27))
        .licence("public domain (example)")
        .build();
  }

  @Test
  void toJson_writesEveryKindOfFitAndItsModelAsTheMapperDoes() {
    for (Map.Entry<String, GrowthFit> e : fits().entrySet()) {
      GrowthFit fit = e.getValue();
      assertEquals(mapperDocument(fit), CandorJson.toJson(fit), e.getKey());
      ExpectedResponseModel model = ExpectedResponseModel.from(fit);
      assertEquals(mapperDocument(model), CandorJson.toJson(model), e.getKey() + " (model)");
    }
  }

  @Test
  void writesAlone_everyScaleButAUserDefinedInstrument() {
    assertTrue(GrowthFitJson.writesAlone(Instruments.PHQ9));
    assertTrue(GrowthFitJson.writesAlone(ScoreScale.unbounded("outcome")));
    assertTrue(GrowthFitJson.writesAlone(new PlainScale("ms", 0, 5000)));
    assertFalse(GrowthFitJson.writesAlone(custom()));
  }

  @Test
  void documentTypes_areTheTypeNamesOfCandorJson() {
    assertEquals(CandorJson.typeName(GrowthFit.class), GrowthFitJson.FIT_TYPE);
    assertEquals(CandorJson.typeName(ExpectedResponseModel.class), GrowthFitJson.MODEL_TYPE);
  }

  /** A mapper that writes a model as Jackson writes any record (scales by their codec only). */
  private static JsonMapper recordMapper() {
    SimpleModule scales = new SimpleModule("scales");
    scales.addSerializer(ScoreScale.class, new ValueSerializer<ScoreScale>() {
      @Override
      public void serialize(ScoreScale value, tools.jackson.core.JsonGenerator gen,
          SerializationContext ctxt) {
        gen.writeTree(Codecs.writeScale(value));
      }
    });
    return JsonMapper.builder().addModule(scales).build();
  }

  @Test
  void model_isWrittenAsJacksonWritesARecord_forAnyValues() {
    JsonMapper records = recordMapper();
    qt().withExamples(300)
        .forAll(doubles().any(), doubles().any(), strings().allPossible().ofLengthBetween(1, 40),
            integers().between(0, 3))
        .checkAssert((a, b, provenance, kind) -> {
          double fixed = Double.isFinite(a) ? a : 0;
          double cov = Double.isFinite(b) ? b : -0.0;
          double variance = Math.abs(cov) > 0 ? Math.abs(cov) : 1;
          List<String> covariates = kind == 3 ? List.of("age", "x") : List.of();
          TimeBasis basis = kind == 1 ? TimeBasis.QUADRATIC : TimeBasis.LOG;
          boolean slope = kind != 2;
          List<String> terms = new ArrayList<>(List.of("intercept", "time"));
          if (basis == TimeBasis.QUADRATIC) {
            terms.add("time^2");
          }
          terms.addAll(covariates);
          int p = terms.size();
          List<Double> effects = new ArrayList<>();
          List<List<Double>> fixedCov = new ArrayList<>();
          for (int j = 0; j < p; j++) {
            effects.add(j == 0 ? fixed : fixed / (j + 1));
            List<Double> row = new ArrayList<>();
            for (int k = 0; k < p; k++) {
              row.add(j == k ? variance : cov);
            }
            fixedCov.add(row);
          }
          List<List<Double>> randomCov = slope
              ? List.of(List.of(variance, cov), List.of(cov, variance))
              : List.of(List.of(variance));
          ScoreScale scale = kind == 0 ? Instruments.PHQ9 : ScoreScale.unbounded("outcome");
          double low = kind == 0 ? 5 : fixed;
          ExpectedResponseModel model = new ExpectedResponseModel(basis, 0, slope, covariates,
              false, terms, effects, fixedCov, randomCov, variance,
              new ExpectedResponseModel.FittedOn(scale, kind * 1000, kind * 9000,
                  new DataRange(low, kind == 0 ? 27 : Math.abs(fixed) + 1), new DataRange(0, 9),
                  provenance.isBlank() ? "x" + provenance : provenance));
          String expected = records.writerWithDefaultPrettyPrinter().writeValueAsString(model);
          String written = CandorJson.mapper().writerWithDefaultPrettyPrinter()
              .writeValueAsString(model);
          assertEquals(expected, written);
        });
  }
}
