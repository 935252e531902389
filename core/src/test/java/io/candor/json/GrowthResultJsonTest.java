package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Cohort;
import io.candor.measure.Instruments;
import io.candor.model.growth.AsymptoticCurve;
import io.candor.model.growth.AsymptoticFit;
import io.candor.model.growth.ClusterPart;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.RandomPart;
import io.candor.model.growth.TimeBasis;
import io.candor.progress.ExpectedResponseModel;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.Simulator;
import org.junit.jupiter.api.Test;

/** Growth results through the envelope: the model round-trips, the fit is a written report. */
class GrowthResultJsonTest {

  private static final Cohort COHORT =
      Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9)).cohort(5L, 400, Arm.TREATED, 1);

  @Test
  void expectedResponseModel_roundTripsExactly() {
    GrowthFit fit = GrowthModel.withDefaults().with(TimeBasis.LOG).fit(GrowthData.fromCohort(COHORT, "PHQ-9"));
    ExpectedResponseModel model = ExpectedResponseModel.from(fit);
    assertEquals(model, CandorJson.fromJson(CandorJson.toJson(model), ExpectedResponseModel.class));
  }

  @Test
  void growthFit_isWrittenWithItsEstimates_andReadsBackAsItsModel() {
    GrowthFit fit = GrowthModel.withDefaults().fit(GrowthData.fromCohort(COHORT, "PHQ-9"));
    String json = CandorJson.toJson(fit);
    for (String field : new String[] {"\"estimation\"", "\"clients\"", "\"observations\"",
        "\"fixedEffects\"", "\"term\"", "\"estimate\"", "\"se\"", "\"randomEffects\"",
        "\"interceptSd\"", "\"slopeSd\"", "\"correlation\"", "\"residualSd\"", "\"logLik\"",
        "\"remlCriterion\"", "\"aic\"", "\"bic\"", "\"convergence\"", "\"boundary\"",
        "\"model\"", "\"type\" : \"GrowthFit\""}) {
      assertTrue(json.contains(field), field);
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CandorJson.fromJson(json, GrowthFit.class));
    assertTrue(e.getMessage().contains("ExpectedResponseModel"), e.getMessage());
    ExpectedResponseModel model = CandorJson.fromJson(json, ExpectedResponseModel.class);
    assertEquals(ExpectedResponseModel.from(fit), model);
    assertEquals(Instruments.PHQ9, model.fittedOn().scale());
  }

  @Test
  void threeLevelFit_writesTheClusterSd_andOthersWriteNull() {
    GrowthData data = GrowthData.fromCohort(COHORT, "PHQ-9");
    String[] therapists = new String[data.size()];
    int at = 0;
    for (int c = 0; c < data.clientCount(); c++) {
      for (int i = 0; i < data.observations(c); i++) {
        therapists[at++] = "T" + c % 8;
      }
    }
    String[] ids = new String[data.size()];
    at = 0;
    for (int c = 0; c < data.clientCount(); c++) {
      for (int i = 0; i < data.observations(c); i++) {
        ids[at++] = data.clients().get(c);
      }
    }
    GrowthFit fit = GrowthModel.withDefaults().with(ClusterPart.INTERCEPT).fit(
        GrowthData.of(ids, data.groupedTimes(), data.groupedScores()).withClusters(therapists));
    String json = CandorJson.toJson(fit);
    assertTrue(json.contains("\"clusterInterceptSd\" : "
        + fit.clusterInterceptSd().getAsDouble()), json);
    assertTrue(json.contains("\"clusters\" : 8"), json);
    assertEquals(ExpectedResponseModel.from(fit),
        CandorJson.fromJson(json, ExpectedResponseModel.class));
    String two = CandorJson.toJson(GrowthModel.withDefaults().fit(data));
    assertTrue(two.contains("\"clusterInterceptSd\" : null") && two.contains("\"clusters\" : 0"));
  }

  @Test
  void randomInterceptFit_writesNullSlopeAndCorrelation() {
    GrowthFit fit = GrowthModel.withDefaults().with(RandomPart.INTERCEPT)
        .fit(GrowthData.fromCohort(COHORT, "PHQ-9"));
    String json = CandorJson.toJson(fit);
    assertTrue(json.contains("\"slopeSd\" : null"), json);
    assertTrue(json.contains("\"correlation\" : null"), json);
    ExpectedResponseModel back = CandorJson.fromJson(json, ExpectedResponseModel.class);
    assertEquals(ExpectedResponseModel.from(fit), back);
  }

  @Test
  void emptyText_jsonNull_andOtherJson_areRefusedWithAPlainMessage() {
    for (String text : new String[] {"", "  \n", "null", "{\"basis\": \"LINEAR\"}", "[1, 2]", "3"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> CandorJson.fromJson(text, ExpectedResponseModel.class), text);
      assertTrue(e.getMessage().contains("a Candor document is {\"format\": \"candor\""), e.getMessage());
    }
    String nullValue = "{\"format\": \"candor\", \"formatVersion\": 1, \"type\": \"ExpectedResponseModel\","
        + " \"value\": null}";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CandorJson.fromJson(nullValue, ExpectedResponseModel.class));
    assertEquals("document.value must not be null", e.getMessage());
  }

  @Test
  void modelWithAMissingOrNullComponent_namesIt() {
    GrowthFit fit = GrowthModel.withDefaults().fit(GrowthData.fromCohort(COHORT, "PHQ-9"));
    String json = CandorJson.toJson(ExpectedResponseModel.from(fit));
    String noScale = json.replaceFirst("\"scale\" : \"PHQ-9\",", "");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CandorJson.fromJson(noScale, ExpectedResponseModel.class));
    assertTrue(e.getMessage().contains("scale"), e.getMessage());
    String nullScale = json.replaceFirst("\"scale\" : \"PHQ-9\"", "\"scale\" : null");
    e = assertThrows(IllegalArgumentException.class,
        () -> CandorJson.fromJson(nullScale, ExpectedResponseModel.class));
    assertTrue(e.getMessage().contains("scale"), e.getMessage());
    String textNumber = json.replaceFirst("\"residualVariance\" : [0-9.Ee-]+", "\"residualVariance\" : \"x\"");
    e = assertThrows(IllegalArgumentException.class,
        () -> CandorJson.fromJson(textNumber, ExpectedResponseModel.class));
    assertTrue(e.getMessage().startsWith("expectedResponseModel.residualVariance must be a number, was \"x\""), e.getMessage());
  }

  @Test
  void asymptoticFit_roundTrips() {
    int n = 0;
    for (var t : COHORT.trajectories()) {
      n += t.size();
    }
    double[] times = new double[n];
    double[] scores = new double[n];
    int k = 0;
    for (var t : COHORT.trajectories()) {
      for (int i = 0; i < t.size(); i++) {
        times[k] = t.sessionAt(i);
        scores[k++] = t.scoreAt(i);
      }
    }
    AsymptoticFit fit = AsymptoticCurve.fit(times, scores);
    assertEquals(fit, CandorJson.fromJson(CandorJson.toJson(fit), AsymptoticFit.class));
  }
}
