package io.candor.model.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Course;
import io.candor.domain.ReadinessStage;
import io.candor.measure.Instruments;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.TimeBasis;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.SimulatedClient;
import io.candor.simulation.Simulator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Data from a known mixture give back the number of classes (by BIC) and the class shares within
 * sampling error. Fixed seeds: these are regression tests of the whole search.
 */
class MixtureRecoveryTest {

  /** Within three binomial standard errors of the truth. */
  private static void assertShare(double truth, double estimate, int n, String what) {
    double se = Math.sqrt(truth * (1 - truth) / n);
    assertEquals(truth, estimate, 3 * se, what);
  }

  @Test
  void lcgaData_giveBackFourClassesAndTheirShares() {
    KnownMixture truth = KnownMixture.fourShapes(0);
    GrowthData data = truth.sample(800, 10, 41).data();
    ClassEnumeration e = MixtureModel.withDefaults().with(TimeBasis.LOG).withStarts(20)
        .compare(data, 1, 6, RandomSource.XO_RO_SHI_RO_128_PP.create(42L));
    MixtureFit chosen = e.selected();
    assertEquals(4, chosen.classes(), e.fits().stream().map(f -> f.classes() + ": " + f.bic())
        .toList().toString());
    for (int j = 0; j < 4; j++) {
      TrajectoryClass c = chosen.model().trajectoryClass(j + 1);
      assertShare(truth.shares[j], c.share(), 800, "class " + (j + 1));
      assertEquals(truth.beta[j][0], c.coefficient("intercept"), 0.5, "class " + (j + 1));
      assertEquals(truth.beta[j][1], c.coefficient("time"), 0.3, "class " + (j + 1));
      assertEquals(truth.sigma[j], c.residualSd(), 0.15, "class " + (j + 1));
    }
    assertTrue(chosen.bestReplicated() > 1);
  }

  @Test
  void growthMixtureData_giveBackFourClassesWithARandomIntercept() {
    KnownMixture truth = KnownMixture.fourShapes(1.0);
    KnownMixture.Sample s = truth.sample(1200, 10, 43);
    ClassEnumeration e = MixtureModel.withDefaults().with(TimeBasis.LOG)
        .with(WithinClass.RANDOM_INTERCEPT).with(RandomCovariance.COMMON).withStarts(20)
        .compare(s.data(), 1, 6, RandomSource.XO_RO_SHI_RO_128_PP.create(44L));
    MixtureFit chosen = e.selected();
    assertEquals(4, chosen.classes(), e.fits().stream().map(f -> f.classes() + ": " + f.bic())
        .toList().toString());
    for (int j = 0; j < 4; j++) {
      TrajectoryClass c = chosen.model().trajectoryClass(j + 1);
      assertShare(truth.shares[j], c.share(), 1200, "class " + (j + 1));
      assertEquals(1.0, c.spread().orElseThrow().interceptSd(), 0.2, "class " + (j + 1));
    }
    // LCGA on the same data needs more classes to absorb the within-class spread
    MixtureFit lcga = MixtureModel.withDefaults().with(TimeBasis.LOG).withStarts(20)
        .compare(s.data(), 1, 6, RandomSource.XO_RO_SHI_RO_128_PP.create(44L)).selected();
    assertTrue(lcga.classes() > 4, "LCGA chose " + lcga.classes());
  }

  /**
   * The simulator's case mix (resolvable 48 %, episodic 27 %, chronic 25 %) with course paths made
   * distinct (resolvable clients improve three times as fast; chronic clients level off above the
   * caseness cutoff), small between-client differences at intake, and no jumps, dropout,
   * deterioration or readiness effects: three classes, one per course, in the case-mix shares.
   */
  @Test
  void simulatorCourseMix_givesBackThreeClassesOnePerCourse() {
    Scenario base = Scenario.calibratedDefault(Instruments.PHQ9);
    Map<ReadinessStage, Double> neutral = new EnumMap<>(ReadinessStage.class);
    for (ReadinessStage st : ReadinessStage.values()) {
      neutral.put(st, 1.0);
    }
    Scenario.Paths p = base.paths();
    Scenario sc = base.withSessions(12)
        .withPaths(new Scenario.Paths(p.remissionLevel(), p.chronicLevel(), 0.15, 0.05, 0.05, 0, 0))
        .withReadiness(new Scenario.Readiness(base.readiness().initial(), neutral, neutral, 0, 0))
        .withIntake(new Scenario.Intake(base.intake().mean(), 0.3, Scenario.Entry.ANY_SCORE))
        .withVariation(new Scenario.Variation(0, 1, 1, base.variation().reliability()))
        .withJumps(new Scenario.Jumps(0, 0, 0, 0))
        .withDeterioration(new Scenario.Deterioration(0, 0, 0))
        .withDropout(new Scenario.Dropout(0, 0, Scenario.Missingness.AT_RANDOM, 0));
    Simulator sim = Simulator.of(sc);
    int n = 600;
    List<SimulatedClient> clients = sim.simulate(5L, n, Arm.TREATED, 1);
    GrowthData data = GrowthData.fromCohort(sim.cohort(5L, n, Arm.TREATED, 1), "PHQ-9");
    ClassEnumeration e = MixtureModel.withDefaults().with(TimeBasis.QUADRATIC)
        .with(WithinClass.RANDOM_INTERCEPT).withStarts(20)
        .compare(data, 1, 5, RandomSource.XO_RO_SHI_RO_128_PP.create(6L));
    MixtureFit chosen = e.selected();
    assertEquals(3, chosen.classes(), e.fits().stream().map(f -> f.classes() + ": " + f.bic())
        .toList().toString());
    // classes in Candor's order: steepest first = resolvable, then episodic, then chronic
    Course[] byClass = {Course.RESOLVABLE, Course.EPISODIC, Course.CHRONIC};
    ClientPosteriors post = chosen.posteriors(data);
    int agree = 0;
    Map<Course, Integer> realised = new EnumMap<>(Course.class);
    for (int c = 0; c < n; c++) {
      Course course = clients.get(c).course();
      realised.merge(course, 1, Integer::sum);
      assertEquals(clients.get(c).client().id().value(), post.clients().get(c));
      if (byClass[post.mostLikely(c) - 1] == course) {
        agree++;
      }
    }
    assertTrue(agree >= 0.97 * n, agree + " of " + n + " classified as their course");
    for (int j = 0; j < 3; j++) {
      double mix = base.caseMix().get(byClass[j]);
      double share = chosen.model().trajectoryClass(j + 1).share();
      assertShare(mix, share, n, byClass[j].toString());
      assertEquals(realised.get(byClass[j]) / (double) n, share, 0.01, byClass[j].toString());
    }
  }
}
