package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Cohort;
import io.candor.measure.Instruments;
import io.candor.model.growth.AsymptoticCurve;
import io.candor.model.growth.AsymptoticFit;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
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
  void growthFit_isWrittenWithItsEstimatesAndRefusedOnRead() {
    GrowthFit fit = GrowthModel.withDefaults().fit(GrowthData.fromCohort(COHORT, "PHQ-9"));
    String json = CandorJson.toJson(fit);
    assertTrue(json.contains("\"fixedEffects\""), json);
    assertTrue(json.contains("\"remlCriterion\""), json);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CandorJson.fromJson(json, GrowthFit.class));
    assertTrue(e.getMessage().contains("ExpectedResponseModel"), e.getMessage());
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
