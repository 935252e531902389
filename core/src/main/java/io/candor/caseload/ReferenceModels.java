package io.candor.caseload;

import io.candor.domain.Cohort;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import io.candor.progress.ExpectedResponseModel;
import io.candor.simulation.Arm;
import io.candor.simulation.Calibration;
import io.candor.simulation.Scenario;
import io.candor.simulation.Simulator;
import java.util.Objects;

/**
 * Expected-response models fitted on the calibrated simulator, for caseload views that need one
 * when the caller gives none: REML, log(session + 1) basis, random intercept and slope, on
 * {@value #CLIENTS} treated clients of the scenario drawn with the calibration's seed ({@link
 * Calibration#DEFAULT_SEED}): the recipe of the shipped reference models. Deterministic.
 */
final class ReferenceModels {

  /** The fixed seed of the reference cohort. */
  static final long SEED = Calibration.DEFAULT_SEED;

  /** Clients in the reference cohort. */
  static final int CLIENTS = 4000;

  private ReferenceModels() {}

  /** The model of the scenario's treated clients, drawn with {@link #SEED}. */
  static ExpectedResponseModel fitted(Scenario scenario) {
    return fitted(scenario, SEED);
  }

  /** The model of the scenario's treated clients, drawn with that seed. */
  static ExpectedResponseModel fitted(Scenario scenario, long seed) {
    Objects.requireNonNull(scenario, "scenario");
    Cohort cohort = Simulator.of(scenario).cohort(seed, CLIENTS, Arm.TREATED, 1);
    return ExpectedResponseModel.from(GrowthModel.withDefaults().with(TimeBasis.LOG)
        .fit(GrowthData.fromCohort(cohort, scenario.instrument())));
  }
}
