package io.candor.model.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.model.growth.Estimation;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import io.candor.progress.ExpectedCurve;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.ExpectedResponseModel;
import io.candor.progress.SessionExpectation;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class TrajectoryClassesTest {

  /** Two LCGA classes by hand: fast improvers (40 %) and no change (60 %), SD 2. */
  private static TrajectoryClasses twoShapes() {
    return TrajectoryClasses.of(TimeBasis.LOG, OptionalDouble.empty(), WithinClass.NONE,
        ResidualVariance.PER_CLASS, RandomCovariance.PER_CLASS, List.of(), List.of(
            new TrajectoryClass(1, 0.4, List.of(new TermEstimate("intercept", 18),
                new TermEstimate("time", -5)), 2, Optional.empty()),
            new TrajectoryClass(2, 0.6, List.of(new TermEstimate("intercept", 16),
                new TermEstimate("time", 0)), 2, Optional.empty())), List.of());
  }

  @Test
  void noObservations_giveThePriors() {
    ClassPosterior p = twoShapes().posterior(NewClient.withoutObservations());
    assertEquals(0.4, p.probability(1), 1e-15);
    assertEquals(0.6, p.probability(2), 1e-15);
    assertEquals(0, p.observations());
  }

  @Test
  void posterior_isBayesRuleByHand() {
    // intake 18 at session 0 and 13 at session 1: class 1 expects 18 and 18 − 5·log 2
    double[] t = {0, 1};
    double[] y = {18, 13};
    ClassPosterior p = twoShapes().posterior(NewClient.of(t, y));
    NormalDistribution n = NormalDistribution.of(0, 2);
    double f1 = 0.4 * n.density(0) * n.density(13 - (18 - 5 * Math.log(2)));
    double f2 = 0.6 * n.density(2) * n.density(-3);
    assertEquals(f1 / (f1 + f2), p.probability(1), 1e-12);
    assertEquals(1, p.mostLikely());
    // the intake alone already moves the probabilities towards the class that starts near it
    ClassPosterior intake = twoShapes().posterior(NewClient.of(new double[] {0},
        new double[] {19}));
    assertTrue(intake.probability(1) > 0.4, intake.toString());
    assertEquals(1, intake.observations());
  }

  @Test
  void forecast_isTheMixtureOfTheClassCurves() {
    TrajectoryClasses m = twoShapes();
    NewClient client = NewClient.of(new double[] {0, 1}, new double[] {17, 15});
    ClassForecast f = m.forecast(client, new double[] {3, 8}, 0.1, 0.5, 0.9);
    double p1 = f.posterior().probability(1);
    for (ForecastPoint point : f.points()) {
      double mu1 = m.mean(1, point.time());
      double mu2 = m.mean(2, point.time());
      assertEquals(p1 * mu1 + (1 - p1) * mu2, point.mean(), 1e-12);
      double var = p1 * (4 + mu1 * mu1) + (1 - p1) * (4 + mu2 * mu2) - point.mean() * point.mean();
      assertEquals(Math.sqrt(var), point.sd(), 1e-9);
      NormalDistribution z = NormalDistribution.of(0, 1);
      for (int i = 0; i < 3; i++) {
        double q = point.quantiles().get(i);
        double cdf = p1 * z.cumulativeProbability((q - mu1) / 2)
            + (1 - p1) * z.cumulativeProbability((q - mu2) / 2);
        assertEquals(f.percentiles().get(i), cdf, 1e-9);
      }
      assertEquals(2, point.classes().size());
      assertEquals(mu1, point.classes().get(0).mean(), 1e-12);
    }
    assertEquals(f.points().get(1), f.at(8));
  }

  /** K = 1 GMM forecasts equal the expected-response curve of the equivalent growth model. */
  @Test
  void oneClassGrowthMixtureForecast_equalsExpectedResponse() {
    GrowthData data = Datasets.dropout();
    MixtureFit fit = MixtureModel.withDefaults().with(TimeBasis.LOG)
        .with(WithinClass.RANDOM_INTERCEPT_SLOPE).withTolerance(1e-14).withMaxIterations(100_000)
        .fit(data, 1, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
    GrowthFit ml = GrowthModel.withDefaults().with(TimeBasis.LOG)
        .with(Estimation.ML).fit(data);
    ExpectedCurve curve = ExpectedResponse.of(ExpectedResponseModel.from(ml))
        .forecast(new int[] {0, 1, 2}, new double[] {16, 15, 15}, 10);
    ClassForecast f = fit.model().forecast(NewClient.of(new double[] {0, 1, 2},
        new double[] {16, 15, 15}), new double[] {4, 10});
    for (ForecastPoint p : f.points()) {
      SessionExpectation e = curve.at((int) p.time());
      assertEquals(e.mean(), p.mean(), 1e-5);
      assertEquals(e.sd(), p.sd(), 1e-5);
    }
  }

  @Test
  void badQueries_areRejectedNamingTheValue() {
    TrajectoryClasses m = twoShapes();
    assertMessage(() -> m.posterior(NewClient.of(new double[] {-1}, new double[] {3})),
        "times[0] must be > -1 for the log basis");
    assertMessage(() -> m.posterior(NewClient.withoutObservations().withCovariate("age", 40)),
        "the model has no membership covariate age");
    assertMessage(() -> m.forecast(NewClient.withoutObservations(), new double[] {1}, 1.5),
        "percentiles[0] must lie strictly between 0 and 1, was 1.5");
    assertMessage(() -> NewClient.of(new double[] {0, 1}, new double[] {3}),
        "times and scores must have the same length, were 2 and 1");
    assertMessage(() -> NewClient.of(new double[] {0}, new double[] {Double.NaN}),
        "scores[0] must be a finite number, was NaN");
    assertMessage(() -> m.trajectoryClass(3), "class index must be between 1 and 2, was 3");
  }

  @Test
  void inconsistentParts_areRejected() {
    TrajectoryClass a = new TrajectoryClass(1, 0.5, List.of(new TermEstimate("intercept", 18),
        new TermEstimate("time", -5)), 2, Optional.empty());
    TrajectoryClass b = new TrajectoryClass(2, 0.4, List.of(new TermEstimate("intercept", 16),
        new TermEstimate("time", 0)), 2, Optional.empty());
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.LOG, OptionalDouble.empty(),
        WithinClass.NONE, ResidualVariance.PER_CLASS, RandomCovariance.PER_CLASS, List.of(),
        List.of(a, b), List.of()), "class shares must sum to 1, sum to 0.9");
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.QUADRATIC, OptionalDouble.empty(),
        WithinClass.NONE, ResidualVariance.PER_CLASS, RandomCovariance.PER_CLASS, List.of(),
        List.of(a), List.of()), "has terms [intercept, time] but basis QUADRATIC has");
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.LOG, OptionalDouble.of(3),
        WithinClass.NONE, ResidualVariance.PER_CLASS, RandomCovariance.PER_CLASS, List.of(),
        List.of(a), List.of()), "only basis PIECEWISE has a knot");
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.LOG, OptionalDouble.empty(),
        WithinClass.RANDOM_INTERCEPT, ResidualVariance.PER_CLASS, RandomCovariance.PER_CLASS,
        List.of(), List.of(a), List.of()), "needs a within-class spread");
    assertMessage(() -> new WithinClassSpread(0, OptionalDouble.of(1), OptionalDouble.of(0.5)),
        "correlation is undefined when interceptSd (0) or slopeSd (1) is zero");
  }

  @Test
  void posterior_mostLikelyIsTheFirstOfTheHighest_andProbabilitiesMustSumToOne() {
    assertEquals(2, new ClassPosterior(List.of(0.2, 0.5, 0.3), 3).mostLikely());
    assertEquals(3, new ClassPosterior(List.of(0.2, 0.3, 0.5), 3).mostLikely());
    assertEquals(1, new ClassPosterior(List.of(0.4, 0.4, 0.2), 3).mostLikely());
    assertEquals(2, new ClassPosterior(List.of(0.2, 0.4, 0.4), 3).mostLikely());
    assertEquals(0.3, new ClassPosterior(List.of(0.2, 0.5, 0.3), 3).probability(3));
    assertMessage(() -> new ClassPosterior(List.of(0.5, 0.6), 1),
        "probabilities must sum to 1, sum to 1.1");
    assertMessage(() -> new ClassPosterior(List.of(0.5, 0.4), 1), "probabilities must sum to 1");
    assertMessage(() -> new ClassPosterior(List.of(1.0), 0).probability(0), "classIndex");
  }

  @Test
  void forecast_isReadAtTheTimesItCovers() {
    ClassForecast f = twoShapes().forecast(NewClient.withoutObservations(), new double[] {0, 2},
        0.1, 0.9);
    assertEquals(2, f.at(2).time());
    assertEquals(List.of(0.1, 0.9), f.percentiles());
    assertMessage(() -> f.at(1), "the forecast covers times [0, 2], not 1");
  }

  @Test
  void newClient_isAValue_describedByItsObservations() {
    NewClient a = NewClient.of(new double[] {0, 1.5}, new double[] {18, 12});
    assertEquals("NewClient[0:18, 1.5:12]", a.toString());
    assertEquals("NewClient[no observations; {age=40.0}]",
        NewClient.withoutObservations().withCovariate("age", 40).toString());
    assertEquals(a, NewClient.of(new double[] {0, 1.5}, new double[] {18, 12}));
    assertEquals(a.hashCode(), NewClient.of(new double[] {0, 1.5}, new double[] {18, 12})
        .hashCode());
    assertTrue(!a.equals(NewClient.of(new double[] {0, 1.5}, new double[] {18, 13})));
    assertTrue(!a.equals(NewClient.of(new double[] {0, 2}, new double[] {18, 12})));
    assertTrue(!a.equals(a.withCovariate("age", 40)));
    assertEquals(2, a.size());
    assertEquals(java.util.Map.of("age", 40.0), a.withCovariate("age", 40).covariates());
    double[] t = a.times();
    t[0] = 99;
    assertEquals(0, a.times()[0]);
    assertEquals(12, a.scores()[1]);
    assertMessage(() -> a.withCovariate("age", Double.NaN), "covariate age");
  }

  @Test
  void withinClassSpread_fromACovariance_andBack() {
    WithinClassSpread s = WithinClassSpread.fromCovariance(new double[] {7, 7, 9, -1.2, -1.2, 4},
        2, 2);
    assertEquals(3, s.interceptSd(), 1e-15);
    assertEquals(2, s.slopeSd().orElseThrow(), 1e-15);
    assertEquals(-0.2, s.correlation().orElseThrow(), 1e-15);
    assertEquals(2, s.size());
    double[] back = s.covariance();
    assertEquals(4, back.length);
    assertEquals(-1.2, back[1], 1e-12);
    assertEquals(back[1], back[2]);
    assertEquals(4, back[3], 1e-12);
    WithinClassSpread one = WithinClassSpread.fromCovariance(new double[] {-1e-18}, 0, 1);
    assertEquals(0, one.interceptSd());
    assertEquals(1, one.size());
    assertEquals(1, one.covariance().length);
    // no spread of the slope: no correlation
    WithinClassSpread flat = WithinClassSpread.fromCovariance(new double[] {9, 0, 0, 0}, 0, 2);
    assertTrue(flat.correlation().isEmpty());
    assertEquals(0, flat.covariance()[1]);
    // rounding beyond ±1 is clipped to the bound
    assertEquals(1, WithinClassSpread.fromCovariance(new double[] {1, 1 + 1e-12, 1 + 1e-12, 1},
        0, 2).correlation().orElseThrow());
  }

  @Test
  void trajectoryClass_namesItsTerms() {
    TrajectoryClass c = twoShapes().trajectoryClass(1);
    assertEquals(-5, c.coefficient("time"));
    assertMessage(() -> c.coefficient("age"), "class 1 has no term age; terms are [intercept,"
        + " time]");
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(part), "message was: " + e.getMessage());
  }
}
