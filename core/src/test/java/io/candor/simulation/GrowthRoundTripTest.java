package io.candor.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Cohort;
import io.candor.domain.Course;
import io.candor.measure.Instruments;
import io.candor.model.growth.FixedEffect;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.RandomPart;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Round trip: a scenario whose generating process is exactly a linear mixed model (a random
 * intercept, no change, independent week-to-week deviations and measurement error) is simulated
 * and fitted with Candor's growth model, which must recover the generating parameters.
 *
 * <p>The generating values: intercept = intake mean 13.5, slope 0, intercept SD = intake SD 3,
 * residual SD = √(sd² + SEM² + 1/12) where SEM = 3·√((1 − r)/r) comes from the reliability
 * (r = 0.84) and 1/12 is the variance added by rounding to whole points. Tolerance: 3 standard
 * errors, from the fit for the fixed effects and from the large-sample formulas
 * SE(σ̂_b) ≈ (σ_b² + σ²/n)·√(2/(N − 1)) / (2σ_b) and SE(σ̂) ≈ σ/√(2N(n − 1)) for the SDs
 * (N clients, n scores each). Fixed seed; the chance of a false failure is below 1 %.
 */
class GrowthRoundTripTest {

  @Test
  void randomInterceptWorld_isRecoveredByTheGrowthModel() {
    Scenario base = Scenario.calibratedDefault(Instruments.PHQ9);
    Map<Course, Double> mix = new EnumMap<>(Course.class);
    mix.put(Course.RESOLVABLE, 1.0);
    mix.put(Course.EPISODIC, 0.0);
    mix.put(Course.CHRONIC, 0.0);
    double mean = 13.5;
    double sdB = 3.0;
    double sdWeek = 1.5;
    double r = 0.84;
    Scenario flat = base.withSessions(10)
        .withCaseMix(mix)
        .withIntake(new Scenario.Intake(mean, sdB, Scenario.Entry.ANY_SCORE))
        .withPaths(new Scenario.Paths(4, 10.5, 0, 0, 0, 0, 0))
        .withVariation(new Scenario.Variation(0, sdWeek, 1, r))
        .withJumps(new Scenario.Jumps(0, 0.5, 0, 0))
        .withDeterioration(new Scenario.Deterioration(0, 0, 0))
        .withDropout(new Scenario.Dropout(0, 0, Scenario.Missingness.AT_RANDOM, 0));
    int clients = 600;
    int n = 11;
    Cohort cohort = Simulator.of(flat).cohort(11, clients, Arm.TREATED, 2);
    GrowthFit fit = GrowthModel.withDefaults().with(RandomPart.INTERCEPT)
        .fit(GrowthData.fromCohort(cohort, "PHQ-9"));
    assertTrue(fit.convergence().converged(), fit.convergence().message());

    FixedEffect intercept = fit.fixedEffects().get(0);
    FixedEffect slope = fit.fixedEffects().get(1);
    assertTrue(Math.abs(intercept.estimate() - mean) < 3 * intercept.se(), intercept.toString());
    assertTrue(Math.abs(slope.estimate()) < 3 * slope.se(), slope.toString());

    double sem = sdB * Math.sqrt((1 - r) / r);
    double sigma = Math.sqrt(sdWeek * sdWeek + sem * sem + 1.0 / 12);
    double seSigma = sigma / Math.sqrt(2.0 * clients * (n - 1));
    assertTrue(Math.abs(fit.residualSd() - sigma) < 3 * seSigma,
        fit.residualSd() + " vs " + sigma + " (SE " + seSigma + ")");
    double seB = (sdB * sdB + sigma * sigma / n) * Math.sqrt(2.0 / (clients - 1)) / (2 * sdB);
    assertTrue(Math.abs(fit.interceptSd() - sdB) < 3 * seB,
        fit.interceptSd() + " vs " + sdB + " (SE " + seB + ")");
  }
}
