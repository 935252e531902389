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
    assertTrue(WithinClassSpread.fromCovariance(new double[] {0, 0, 0, 4}, 0, 2).correlation()
        .isEmpty());
    assertMessage(() -> new WithinClassSpread(1, OptionalDouble.of(0), OptionalDouble.of(0.5)),
        "correlation is undefined when interceptSd (1) or slopeSd (0) is zero");
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

  @Test
  void everyInconsistency_isNamed() {
    List<TermEstimate> linear = List.of(new TermEstimate("intercept", 18),
        new TermEstimate("time", -2));
    WithinClassSpread s1 = new WithinClassSpread(2, OptionalDouble.empty(), OptionalDouble.empty());
    WithinClassSpread s2 = new WithinClassSpread(3, OptionalDouble.empty(), OptionalDouble.empty());
    TrajectoryClass a = new TrajectoryClass(1, 0.5, linear, 2, Optional.empty());
    TrajectoryClass b = new TrajectoryClass(2, 0.5, linear, 3, Optional.empty());
    TrajectoryClass ra = new TrajectoryClass(1, 0.5, linear, 2, Optional.of(s1));
    TrajectoryClass rb = new TrajectoryClass(2, 0.5, linear, 2, Optional.of(s2));
    WithinClass none = WithinClass.NONE;
    WithinClass ri = WithinClass.RANDOM_INTERCEPT;
    ResidualVariance per = ResidualVariance.PER_CLASS;
    RandomCovariance perD = RandomCovariance.PER_CLASS;
    OptionalDouble noKnot = OptionalDouble.empty();
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.LINEAR, noKnot, none, per, perD, List.of(),
        List.of(b, a), List.of()), "classes[0] has index 2; classes must be numbered 1..2 in"
        + " order");
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.PIECEWISE, noKnot, none, per, perD,
        List.of(), List.of(a, b), List.of()), "basis PIECEWISE needs a knot");
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.LINEAR, noKnot, none, per, perD, List.of(),
        List.of(ra, rb), List.of()), "class 1 has a within-class spread but the model is LCGA");
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.LINEAR, noKnot,
        WithinClass.RANDOM_INTERCEPT_SLOPE, per, perD, List.of(), List.of(ra, rb), List.of()),
        "class 1 needs a within-class spread with 2 random effect(s)");
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.LINEAR, noKnot, none,
        ResidualVariance.COMMON, perD, List.of(), List.of(a, b), List.of()),
        "residualVariance is COMMON but class 2 has residualSd 3.0 and class 1 2.0");
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.LINEAR, noKnot, ri, per,
        RandomCovariance.COMMON, List.of(), List.of(ra, rb), List.of()),
        "randomCovariance is COMMON but class 2 has spread");
    assertEquals(2, TrajectoryClasses.of(TimeBasis.LINEAR, noKnot, ri, per, perD, List.of(),
        List.of(ra, rb), List.of()).size());
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.LINEAR, noKnot, none, per, perD,
        List.of("intercept"), List.of(a, b), List.of()), "membership covariate intercept is"
        + " reserved or repeated");
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.LINEAR, noKnot, none, per, perD,
        List.of("x", "x"), List.of(a, b), List.of()), "membership covariate x is reserved or"
        + " repeated");
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.LINEAR, noKnot, none, per, perD,
        List.of("x"), List.of(a, b), List.of(new MembershipCoefficient(2, "intercept", 0.1))),
        "membership must have 2 coefficients (intercept and [x] for classes 2..2), has 1");
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.LINEAR, noKnot, none, per, perD,
        List.of(), List.of(a, b), List.of(new MembershipCoefficient(2, "intercept", 0.1))),
        "membership must have 0 coefficients (none without membership covariates), has 1");
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.LINEAR, noKnot, none, per, perD,
        List.of("x"), List.of(a, b), List.of(new MembershipCoefficient(2, "x", 0.1),
            new MembershipCoefficient(2, "intercept", 0.1))),
        "membership[0] must be class 2 term intercept, was class 2 term x");
    assertEquals(List.of("x"), TrajectoryClasses.of(TimeBasis.LINEAR, noKnot, none, per, perD,
        List.of("x"), List.of(a, b), List.of(new MembershipCoefficient(2, "intercept", 0.1),
            new MembershipCoefficient(2, "x", 0.2))).membershipCovariates());
  }

  @Test
  void threeClassesAndTwoMembershipCovariates_takeTheCoefficientsClassByClass_andTermByTerm() {
    List<TermEstimate> flat = List.of(new TermEstimate("intercept", 15),
        new TermEstimate("time", 0));
    List<TrajectoryClass> three = List.of(new TrajectoryClass(1, 0.2, flat, 2, Optional.empty()),
        new TrajectoryClass(2, 0.3, flat, 2, Optional.empty()),
        new TrajectoryClass(3, 0.5, flat, 2, Optional.empty()));
    List<MembershipCoefficient> mem = List.of(new MembershipCoefficient(2, "intercept", 0.3),
        new MembershipCoefficient(2, "x", -0.7), new MembershipCoefficient(2, "z", 0.4),
        new MembershipCoefficient(3, "intercept", -0.2), new MembershipCoefficient(3, "x", 1.1),
        new MembershipCoefficient(3, "z", -0.5));
    TrajectoryClasses m = TrajectoryClasses.of(TimeBasis.LINEAR, OptionalDouble.empty(),
        WithinClass.NONE, ResidualVariance.PER_CLASS, RandomCovariance.PER_CLASS,
        List.of("x", "z"), three, mem);
    assertEquals(mem, m.membership());
    // without observations the posterior is the multinomial-logit prior: class 1 is the reference
    ClassPosterior p = m.posterior(NewClient.withoutObservations().withCovariate("x", 2)
        .withCovariate("z", -1));
    double e2 = Math.exp(0.3 - 0.7 * 2 - 0.4);
    double e3 = Math.exp(-0.2 + 1.1 * 2 + 0.5);
    assertEquals(1 / (1 + e2 + e3), p.probability(1), 1e-12);
    assertEquals(e2 / (1 + e2 + e3), p.probability(2), 1e-12);
    assertEquals(e3 / (1 + e2 + e3), p.probability(3), 1e-12);
    List<MembershipCoefficient> swapped = new java.util.ArrayList<>(mem);
    swapped.set(4, mem.get(5));
    swapped.set(5, mem.get(4));
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.LINEAR, OptionalDouble.empty(),
        WithinClass.NONE, ResidualVariance.PER_CLASS, RandomCovariance.PER_CLASS,
        List.of("x", "z"), three, swapped), "membership[4] must be class 3 term x, was class 3"
        + " term z");
    List<MembershipCoefficient> wrongClass = new java.util.ArrayList<>(mem);
    wrongClass.set(3, new MembershipCoefficient(2, "intercept", -0.2));
    assertMessage(() -> TrajectoryClasses.of(TimeBasis.LINEAR, OptionalDouble.empty(),
        WithinClass.NONE, ResidualVariance.PER_CLASS, RandomCovariance.PER_CLASS,
        List.of("x", "z"), three, wrongClass), "membership[3] must be class 3 term intercept, was"
        + " class 2 term intercept");
  }

  /**
   * Data simulated from a model (the bootstrap's null model) have the model's moments: two
   * classes with a random intercept and slope (SD 2 and 0.5, correlation −0.4) and residual SD 1
   * and 1.5; 20,000 clients at times 0 to 3. Means, variances and the covariance of a client's
   * first and last score agree with their formulas to four standard errors.
   */
  @Test
  void simulatedData_haveTheModelsMoments() {
    WithinClassSpread spread = new WithinClassSpread(2, OptionalDouble.of(0.5),
        OptionalDouble.of(-0.4));
    TrajectoryClasses m = TrajectoryClasses.of(TimeBasis.LINEAR, OptionalDouble.empty(),
        WithinClass.RANDOM_INTERCEPT_SLOPE, ResidualVariance.PER_CLASS, RandomCovariance.COMMON,
        List.of(), List.of(
            new TrajectoryClass(1, 0.3, List.of(new TermEstimate("intercept", 20),
                new TermEstimate("time", -3)), 1, Optional.of(spread)),
            new TrajectoryClass(2, 0.7, List.of(new TermEstimate("intercept", 14),
                new TermEstimate("time", 0.5)), 1.5, Optional.of(spread))), List.of());
    int clients = 20_000;
    String[] ids = new String[4 * clients];
    double[] t = new double[4 * clients];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = "c" + i / 4;
      t[i] = i % 4;
    }
    GrowthData data = GrowthData.of(ids, t, new double[ids.length]);
    GrowthData sim = Bootstrap.simulate(m, data, RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
    double[] y = sim.groupedScores();
    double[][] shares = {{0.3, 20, -3, 1}, {0.7, 14, 0.5, 1.5}};
    double v0 = 4;
    double v1 = 0.25;
    double c01 = -0.4 * 2 * 0.5;
    for (int time : new int[] {0, 3}) {
      double mean = 0;
      double second = 0;
      for (double[] c : shares) {
        double mu = c[1] + c[2] * time;
        double var = v0 + 2 * c01 * time + v1 * time * time + c[3] * c[3];
        mean += c[0] * mu;
        second += c[0] * (var + mu * mu);
      }
      double variance = second - mean * mean;
      double sampleMean = 0;
      for (int c = 0; c < clients; c++) {
        sampleMean += y[4 * c + time];
      }
      sampleMean /= clients;
      double sampleVar = 0;
      for (int c = 0; c < clients; c++) {
        double d = y[4 * c + time] - sampleMean;
        sampleVar += d * d;
      }
      sampleVar /= clients - 1;
      assertEquals(mean, sampleMean, 4 * Math.sqrt(variance / clients), "mean at " + time);
      assertEquals(variance, sampleVar, 4 * variance * Math.sqrt(3.0 / clients),
          "variance at " + time);
    }
    // within a client: cov(y0, y3) = cov of the random parts + cov of the class means
    double m0 = 0.3 * 20 + 0.7 * 14;
    double m3 = 0.3 * 11 + 0.7 * 15.5;
    double expected = v0 + 3 * c01 + 0.3 * 20 * 11 + 0.7 * 14 * 15.5 - m0 * m3;
    double s0 = 0;
    double s3 = 0;
    double s03 = 0;
    for (int c = 0; c < clients; c++) {
      s0 += y[4 * c];
      s3 += y[4 * c + 3];
      s03 += y[4 * c] * y[4 * c + 3];
    }
    double cov = (s03 - s0 * s3 / clients) / (clients - 1);
    assertEquals(expected, cov, 0.25, "covariance of first and last score");
  }

  /** Two classes from the fitter's arrays: 20 − 3t and 12 + 0.5t (or flat quadratic terms). */
  private static TrajectoryClasses fromParams(MixtureModel model) {
    int p = model.design().termNames().size();
    int q = model.withinClass().randomEffects();
    int cw = 1 + model.membershipCovariates().size();
    Params th = new Params(2, p, q, cw);
    th.beta[0] = 20;
    th.beta[1] = -3;
    th.beta[p] = 12;
    th.beta[p + 1] = 0.5;
    th.sigma2[0] = 4;
    th.sigma2[1] = model.residualVariance() == ResidualVariance.PER_CLASS ? 2.25 : 4;
    if (q == 1) {
      th.d[0] = 9;
      th.d[1] = model.randomCovariance() == RandomCovariance.PER_CLASS ? 1 : 9;
    } else if (q == 2) {
      double[] d = {9, 1.2, 1.2, 4, 1, 0, 0, 0.25};
      System.arraycopy(d, 0, th.d, 0, 8);
      if (model.randomCovariance() == RandomCovariance.COMMON) {
        System.arraycopy(d, 0, th.d, 4, 4);
      }
    }
    for (int a = 0; a < cw; a++) {
      th.eta[cw + a] = 0.5 - a;
    }
    return TrajectoryClasses.from(model, th, 100, new double[] {0.25, 0.75});
  }

  @Test
  void mixtureQuantile_ofOneComponent_isItsNormalQuantile() {
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.9);
    assertEquals(10 + 2 * z, TrajectoryClasses.mixtureQuantile(0.9, new double[] {1, 0},
        new double[] {10, 50}, new double[] {2, 3}), 1e-12);
    assertEquals(10 + 2 * z, TrajectoryClasses.mixtureQuantile(0.9, new double[] {0.5, 0.5},
        new double[] {10, 10}, new double[] {2, 2}), 1e-12);
  }

  @Test
  void forecast_sortsThePercentiles_andNamesABadTimeByItsPosition() {
    TrajectoryClasses m = twoShapes();
    NewClient client = NewClient.of(new double[] {0}, new double[] {17});
    ClassForecast f = m.forecast(client, new double[] {2}, 0.9, 0.1, 0.5);
    assertEquals(List.of(0.1, 0.5, 0.9), f.percentiles());
    List<Double> q = f.points().get(0).quantiles();
    assertTrue(q.get(0) < q.get(1) && q.get(1) < q.get(2), q.toString());
    assertMessage(() -> m.forecast(client, new double[] {2, -3}, 0.5), "times[1] must be > -1");
  }

  @Test
  void posterior_withMembershipCovariates_needsEachOfThemAndNoOther() {
    MixtureModel model = MixtureModel.withDefaults().withMembershipCovariates("severe");
    TrajectoryClasses m = fromParams(model);
    NewClient client = NewClient.of(new double[] {0, 1}, new double[] {118, 116});
    assertMessage(() -> m.posterior(client), "membership covariate severe has no value");
    assertMessage(() -> m.posterior(client.withCovariate("severe", 1).withCovariate("age", 30)),
        "the model has no membership covariate age");
    // the prior odds of class 2 are exp(0.5 − 0.5 · severe)
    ClassPosterior none = m.posterior(NewClient.withoutObservations().withCovariate("severe", 1));
    assertEquals(0.5, none.probability(2), 1e-12);
    ClassPosterior zero = m.posterior(NewClient.withoutObservations().withCovariate("severe", 0));
    assertEquals(1 / (1 + Math.exp(-0.5)), zero.probability(2), 1e-12);
  }

  @Test
  void fromFittedParameters_keepsTheSettings_andShiftsTheInterceptsBack() {
    MixtureModel model = MixtureModel.withDefaults().withPiecewise(3)
        .with(WithinClass.RANDOM_INTERCEPT_SLOPE).with(ResidualVariance.COMMON)
        .with(RandomCovariance.COMMON).withMembershipCovariates("severe");
    TrajectoryClasses c = fromParams(model);
    assertEquals(TimeBasis.PIECEWISE, c.basis());
    assertEquals(OptionalDouble.of(3), c.knot());
    assertEquals(WithinClass.RANDOM_INTERCEPT_SLOPE, c.withinClass());
    assertEquals(ResidualVariance.COMMON, c.residualVariance());
    assertEquals(RandomCovariance.COMMON, c.randomCovariance());
    assertEquals(List.of("severe"), c.membershipCovariates());
    assertEquals(List.of("intercept", "time", "time_after_knot"), c.terms());
    assertEquals(List.of(new MembershipCoefficient(2, "intercept", 0.5),
        new MembershipCoefficient(2, "severe", -0.5)), c.membership());
    assertEquals(120, c.trajectoryClass(1).coefficient("intercept"), 1e-12);
    assertEquals(112, c.trajectoryClass(2).coefficient("intercept"), 1e-12);
    assertEquals(0.5, c.trajectoryClass(2).coefficient("time"), 1e-12);
    assertEquals(3, c.trajectoryClass(1).spread().orElseThrow().interceptSd(), 1e-12);
    // back to the fitter's arrays for data centred on 100
    Params back = c.params(100);
    assertEquals(20, back.beta[0], 1e-12);
    assertEquals(4, back.sigma2[1], 1e-12);
    assertEquals(0.5, back.eta[2], 1e-12);
    assertEquals(-0.5, back.eta[3], 1e-12);
    assertEquals(1.2, back.d[5], 1e-12);
  }

  @Test
  void parameterCount_countsCurvesSdsCovariancesAndMembership() {
    MixtureModel lcga = MixtureModel.withDefaults();
    assertEquals(2 * 2 + 2 + 1, fromParams(lcga).parameterCount());
    assertEquals(2 * 2 + 1 + 1, fromParams(lcga.with(ResidualVariance.COMMON)).parameterCount());
    assertEquals(2 * 3 + 2 + 1,
        fromParams(lcga.with(TimeBasis.QUADRATIC)).parameterCount());
    MixtureModel ri = lcga.with(WithinClass.RANDOM_INTERCEPT);
    assertEquals(2 * 2 + 2 + 2 + 1, fromParams(ri).parameterCount());
    assertEquals(2 * 2 + 2 + 1 + 1, fromParams(ri.with(RandomCovariance.COMMON))
        .parameterCount());
    MixtureModel ris = lcga.with(WithinClass.RANDOM_INTERCEPT_SLOPE);
    assertEquals(2 * 2 + 2 + 6 + 1, fromParams(ris).parameterCount());
    assertEquals(2 * 2 + 2 + 3 + 1, fromParams(ris.with(RandomCovariance.COMMON))
        .parameterCount());
    assertEquals(2 * 2 + 2 + 1 * 3, fromParams(lcga.withMembershipCovariates("a", "b"))
        .parameterCount());
  }

  @Test
  void toString_listsEachClassWithItsCurveAndSpread() {
    String n = System.lineSeparator();
    assertEquals("2 trajectory classes (LCGA, basis LINEAR)" + n
        + "  class 1: share 0.250, intercept 120.0 time -3.000, residual SD 2.000" + n
        + "  class 2: share 0.750, intercept 112.0 time 0.5000, residual SD 1.500",
        fromParams(MixtureModel.withDefaults()).toString());
    assertEquals("2 trajectory classes (GMM, RANDOM_INTERCEPT_SLOPE, basis PIECEWISE knot 3)" + n
        + "  class 1: share 0.250, intercept 120.0 time -3.000 time_after_knot 0.000, residual SD"
        + " 2.000, intercept SD 3.000, slope SD 2.000" + n
        + "  class 2: share 0.750, intercept 112.0 time 0.5000 time_after_knot 0.000, residual SD"
        + " 1.500, intercept SD 1.000, slope SD 0.5000",
        fromParams(MixtureModel.withDefaults().withPiecewise(3)
            .with(WithinClass.RANDOM_INTERCEPT_SLOPE)).toString());
    assertTrue(fromParams(MixtureModel.withDefaults().with(WithinClass.RANDOM_INTERCEPT))
        .toString().endsWith("residual SD 1.500, intercept SD 1.000"));
  }

  @Test
  void equalsAndHashCode_compareEveryPart() {
    MixtureModel model = MixtureModel.withDefaults();
    TrajectoryClasses a = fromParams(model);
    assertEquals(a, fromParams(model));
    assertEquals(a.hashCode(), fromParams(model).hashCode());
    for (TrajectoryClasses other : List.of(fromParams(model.with(TimeBasis.LOG)),
        fromParams(model.with(ResidualVariance.COMMON)),
        fromParams(model.withMembershipCovariates("x")),
        fromParams(model.with(WithinClass.RANDOM_INTERCEPT)),
        fromParams(model.withPiecewise(2)))) {
      assertTrue(!a.equals(other) && !other.equals(a), other.toString());
    }
    assertTrue(!a.equals(fromParams(model.with(WithinClass.RANDOM_INTERCEPT)
        .with(RandomCovariance.COMMON)).toString()));
    TrajectoryClasses ri = fromParams(model.with(WithinClass.RANDOM_INTERCEPT));
    TrajectoryClasses riCommon = fromParams(model.with(WithinClass.RANDOM_INTERCEPT)
        .with(RandomCovariance.COMMON));
    assertTrue(!ri.equals(riCommon));
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(part), "message was: " + e.getMessage());
  }
}
