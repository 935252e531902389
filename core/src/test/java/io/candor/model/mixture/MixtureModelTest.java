package io.candor.model.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.candor.model.growth.Estimation;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.RandomPart;
import io.candor.model.growth.TimeBasis;
import io.candor.json.CandorJson;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MixtureModelTest {

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
  }

  /** Ordinary least squares by the normal equations, for an independent check. */
  private static double[] ols(double[][] x, double[] y) {
    int p = x[0].length;
    double[][] a = new double[p][p + 1];
    for (int i = 0; i < y.length; i++) {
      for (int j = 0; j < p; j++) {
        for (int k = 0; k < p; k++) {
          a[j][k] += x[i][j] * x[i][k];
        }
        a[j][p] += x[i][j] * y[i];
      }
    }
    for (int c = 0; c < p; c++) { // Gauss-Jordan
      for (int r = 0; r < p; r++) {
        if (r != c) {
          double f = a[r][c] / a[c][c];
          for (int k = 0; k <= p; k++) {
            a[r][k] -= f * a[c][k];
          }
        }
      }
    }
    double[] b = new double[p];
    for (int j = 0; j < p; j++) {
      b[j] = a[j][p] / a[j][j];
    }
    return b;
  }

  @ParameterizedTest
  @EnumSource(value = TimeBasis.class, names = {"LINEAR", "LOG", "QUADRATIC"})
  void oneClassLcga_isOrdinaryLeastSquares(TimeBasis basis) {
    GrowthData data = Datasets.dropout();
    MixtureFit fit = MixtureModel.withDefaults().with(basis).fit(data, 1, rng(1));
    double[] t = data.groupedTimes();
    double[] y = data.groupedScores();
    GrowthModel design = GrowthModel.withDefaults().with(basis);
    int p = design.termNames().size();
    double[][] x = new double[t.length][p];
    for (int i = 0; i < t.length; i++) {
      design.designRow(t[i], new double[0], x[i]);
    }
    double[] beta = ols(x, y);
    double rss = 0;
    for (int i = 0; i < t.length; i++) {
      double r = y[i];
      for (int j = 0; j < p; j++) {
        r -= x[i][j] * beta[j];
      }
      rss += r * r;
    }
    TrajectoryClass c = fit.model().trajectoryClass(1);
    for (int j = 0; j < p; j++) {
      assertEquals(beta[j], c.coefficients().get(j).estimate(), 1e-10 * (1 + Math.abs(beta[j])));
    }
    int n = t.length;
    assertEquals(Math.sqrt(rss / n), c.residualSd(), 1e-10);
    double logLik = -0.5 * n * (Math.log(2 * Math.PI * rss / n) + 1);
    assertEquals(logLik, fit.logLik(), 1e-8);
    assertEquals(p + 1, fit.parameterCount());
    assertEquals(1.0, c.share());
    assertTrue(fit.converged());
    assertTrue(fit.relativeEntropy().isEmpty());
    assertEquals(fit.bic(), fit.icl(), 1e-9);
  }

  @Test
  void oneClassGmm_equalsGrowthModelMaximumLikelihood() {
    for (GrowthData data : List.of(Datasets.sleepstudy(), Datasets.dropout())) {
      for (RandomPart part : RandomPart.values()) {
        GrowthFit ml = GrowthModel.withDefaults().with(part).with(Estimation.ML)
            .fit(data);
        WithinClass within = part == RandomPart.INTERCEPT ? WithinClass.RANDOM_INTERCEPT
            : WithinClass.RANDOM_INTERCEPT_SLOPE;
        MixtureFit fit = MixtureModel.withDefaults().with(within).withTolerance(1e-14)
            .withMaxIterations(100_000).fit(data, 1, rng(1));
        TrajectoryClass c = fit.model().trajectoryClass(1);
        String what = data + " " + part;
        assertEquals(ml.logLik(), fit.logLik(), 1e-6 * Math.abs(ml.logLik()), what);
        for (int j = 0; j < 2; j++) {
          double b = ml.fixedEffects().get(j).estimate();
          assertEquals(b, c.coefficients().get(j).estimate(), 1e-6 * (1 + Math.abs(b)), what);
        }
        assertEquals(ml.residualSd(), c.residualSd(), 1e-6 * ml.residualSd(), what);
        WithinClassSpread s = c.spread().orElseThrow();
        assertEquals(ml.interceptSd(), s.interceptSd(), 1e-6 * ml.interceptSd(), what);
        if (part == RandomPart.INTERCEPT_SLOPE) {
          assertEquals(ml.slopeSd().orElseThrow(), s.slopeSd().orElseThrow(),
              1e-6 * ml.slopeSd().orElseThrow(), what);
          assertEquals(ml.correlation().orElseThrow(), s.correlation().orElseThrow(), 1e-5, what);
        }
        assertEquals(ml.parameterCount(), fit.parameterCount(), what);
        assertTrue(fit.converged(), what);
      }
    }
  }

  @Test
  void fit_isBitIdenticalForAnyThreadCount() {
    GrowthData data = KnownMixture.fourShapes(1).sample(400, 8, 3).data();
    MixtureModel m = MixtureModel.withDefaults().with(TimeBasis.LOG).withStarts(12)
        .withFinalStarts(4);
    MixtureFit one = m.withThreads(1).fit(data, 3, rng(9));
    MixtureFit two = m.withThreads(2).fit(data, 3, rng(9));
    MixtureFit five = m.withThreads(5).fit(data, 3, rng(9));
    assertEquals(one, two);
    assertEquals(one, five);
    assertEquals(Double.doubleToLongBits(one.logLik()), Double.doubleToLongBits(five.logLik()));
    MixtureFit other = m.fit(data, 3, rng(10));
    assertNotEquals(one.starts(), other.starts());
  }

  @Test
  void gmm_isBitIdenticalForAnyThreadCount() {
    GrowthData data = KnownMixture.fourShapes(2).sample(300, 8, 4).data();
    MixtureModel m = MixtureModel.withDefaults().with(TimeBasis.LOG)
        .with(WithinClass.RANDOM_INTERCEPT_SLOPE).withStarts(8).withFinalStarts(3);
    assertEquals(m.withThreads(1).fit(data, 2, rng(5)), m.withThreads(3).fit(data, 2, rng(5)));
  }

  @Test
  void em_neverLowersTheLogLikelihood() {
    GrowthData data = KnownMixture.fourShapes(2).sample(300, 10, 8).data();
    for (WithinClass w : WithinClass.values()) {
      for (ResidualVariance r : ResidualVariance.values()) {
        MixtureModel model = MixtureModel.withDefaults().with(TimeBasis.LOG).with(w).with(r)
            .with(RandomCovariance.COMMON);
        ClientBlocks b = ClientBlocks.of(data, model.design(), List.of());
        int q = w.randomEffects();
        Params[] starts = new Starts(b, q).draw(4, 3, rng(2));
        for (Params start : starts) {
          Em em = new Em(b, 3, q, r == ResidualVariance.PER_CLASS, false, 1e-12);
          Em.Run plain = em.run(start.copy(), 300);
          assertEquals(0, plain.decreases(), w + " " + r);
          Em.Run fast = em.runAccelerated(start.copy(), 300);
          assertEquals(0, fast.decreases(), w + " " + r);
          if (plain.converged() && fast.converged()) {
            assertEquals(plain.logLik(), fast.logLik(), 1e-6 * Math.abs(plain.logLik()));
          }
        }
      }
    }
  }

  @Test
  void classes_areOrderedByTimeCoefficientThenIntercept() {
    MixtureFit fit = MixtureModel.withDefaults().with(TimeBasis.LOG).withStarts(10)
        .fit(KnownMixture.fourShapes(0).sample(600, 10, 5).data(), 4, rng(3));
    List<TrajectoryClass> cls = fit.model().classes();
    for (int j = 1; j < cls.size(); j++) {
      assertTrue(cls.get(j - 1).coefficient("time") <= cls.get(j).coefficient("time"));
      assertEquals(j + 1, cls.get(j).index());
    }
  }

  @Test
  void commonVariances_areShared() {
    GrowthData data = KnownMixture.fourShapes(2).sample(300, 8, 6).data();
    MixtureFit fit = MixtureModel.withDefaults().with(WithinClass.RANDOM_INTERCEPT_SLOPE)
        .with(ResidualVariance.COMMON).with(RandomCovariance.COMMON).withStarts(6)
        .fit(data, 2, rng(1));
    TrajectoryClass a = fit.model().trajectoryClass(1);
    TrajectoryClass b = fit.model().trajectoryClass(2);
    assertEquals(a.residualSd(), b.residualSd());
    assertEquals(a.spread(), b.spread());
    // 2 × 2 coefficients + 1 residual SD + 3 covariance parameters + 1 share
    assertEquals(9, fit.parameterCount());
  }

  @Test
  void singleObservationClients_areAllowed() {
    KnownMixture truth = KnownMixture.fourShapes(0);
    GrowthData full = truth.sample(200, 8, 11).data();
    double[] t = full.groupedTimes();
    double[] y = full.groupedScores();
    int n = t.length;
    String[] ids = new String[n + 30];
    double[] tt = new double[n + 30];
    double[] yy = new double[n + 30];
    List<String> clients = full.clients();
    int row = 0;
    for (int c = 0; c < clients.size(); c++) {
      for (int o = 0; o < full.observations(c); o++) {
        ids[row] = clients.get(c);
        tt[row] = t[row];
        yy[row] = y[row];
        row++;
      }
    }
    for (int i = 0; i < 30; i++) {
      ids[n + i] = "intake-only-" + i;
      tt[n + i] = 0;
      yy[n + i] = 14 + i % 8;
    }
    GrowthData data = GrowthData.of(ids, tt, yy);
    for (WithinClass w : WithinClass.values()) {
      MixtureFit fit = MixtureModel.withDefaults().with(TimeBasis.LOG).with(w)
          .withStarts(8).fit(data, 2, rng(4));
      assertEquals(230, fit.clients());
      ClientPosteriors post = fit.posteriors(data);
      assertEquals(230, post.clients().size());
      assertTrue(fit.converged(), w.toString());
    }
  }

  @Test
  void membershipCovariate_shiftsClassProbabilities() {
    // class membership depends on a client-level covariate: x = 1 clients are mostly in the fast class
    KnownMixture truth = new KnownMixture(TimeBasis.LOG, new double[] {0.5, 0.5},
        new double[][] {{17, -5}, {16, 0}}, new double[] {2, 2}, 0);
    KnownMixture.Sample s = truth.sample(600, 8, 12);
    java.util.Map<String, Double> x = new java.util.HashMap<>();
    UniformRandomProvider r = rng(13);
    for (int c = 0; c < s.truth().length; c++) {
      boolean fast = s.truth()[c] == 0;
      x.put("c" + c, r.nextDouble() < (fast ? 0.8 : 0.2) ? 1.0 : 0.0);
    }
    GrowthData data = s.data().withClientCovariate("x", x);
    MixtureFit fit = MixtureModel.withDefaults().with(TimeBasis.LOG)
        .withMembershipCovariates("x").withStarts(10).fit(data, 2, rng(14));
    List<MembershipCoefficient> m = fit.model().membership();
    assertEquals(2, m.size());
    assertEquals("intercept", m.get(0).term());
    assertEquals("x", m.get(1).term());
    // class 2 is the flat class; x = 1 lowers its odds: true log odds ratio log(0.2·0.2/(0.8·0.8)) = −2.77
    assertEquals(-2.77, m.get(1).estimate(), 0.6);
    assertEquals(2 * 2 + 2 + 2, fit.parameterCount()); // curves, residual SDs, logit (intercept, x)
    ClassPosterior p1 = fit.model().posterior(NewClient.withoutObservations().withCovariate("x", 1));
    ClassPosterior p0 = fit.model().posterior(NewClient.withoutObservations().withCovariate("x", 0));
    assertTrue(p1.probability(1) > 0.7 && p0.probability(1) < 0.3, p1 + " " + p0);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> fit.model().posterior(NewClient.withoutObservations()));
    assertTrue(missing.getMessage().contains("membership covariate x"), missing.getMessage());
  }

  @Test
  void badInput_isRejectedWithTheValueNamed() {
    GrowthData data = Datasets.dropout();
    MixtureModel m = MixtureModel.withDefaults();
    assertMessage(() -> m.fit(data, 0, rng(1)), "classes must be at least 1, was 0");
    GrowthData tiny = GrowthData.of(new String[] {"a", "a", "b", "b"}, new double[] {0, 1, 0, 1},
        new double[] {1, 2, 3, 5});
    assertMessage(() -> m.fit(tiny, 3, rng(1)), "classes (3) must not exceed the number of clients (2)");
    assertMessage(() -> m.compare(data, 5, 1, rng(1)), "minClasses (5) must not exceed maxClasses (1)");
    assertMessage(() -> m.compare(data, 0, 2, rng(1)), "minClasses must be at least 1, was 0");
    assertMessage(() -> m.withStarts(0), "starts must be between 1 and 100000, was 0");
    assertMessage(() -> m.withThreads(0), "threads must be between 1 and 256, was 0");
    assertMessage(() -> m.withTolerance(Double.NaN), "tolerance must be between");
    assertMessage(() -> m.with(TimeBasis.PIECEWISE), "withPiecewise");
    assertMessage(() -> m.withPiecewise(99).fit(tiny, 1, rng(1)),
        "piecewise knot 99 must lie strictly between the earliest and the latest observed time"
            + " (0 and 1)");
    assertMessage(() -> m.withMembershipCovariates("x", "x"), "membership covariate x is reserved or listed twice");
    assertMessage(() -> m.withMembershipCovariates("nope").fit(data, 2, rng(1)),
        "membership covariate nope is not in the data");
    GrowthData constant = GrowthData.of(new String[] {"a", "b"}, new double[] {3, 3},
        new double[] {1, 2});
    assertMessage(() -> m.fit(constant, 1, rng(1)), "the time column is constant");
    GrowthData negative = GrowthData.of(new String[] {"a", "a"}, new double[] {-1, 2},
        new double[] {1, 2});
    assertMessage(() -> m.with(TimeBasis.LOG).fit(negative, 1, rng(1)), "time must be > -1");
    GrowthData twoTimes = GrowthData.of(new String[] {"a", "a", "b", "b"},
        new double[] {0, 1, 0, 1}, new double[] {1, 2, 3, 4});
    assertMessage(() -> m.with(TimeBasis.QUADRATIC).fit(twoTimes, 1, rng(1)),
        "term time^2 is (almost) a linear combination");
    assertMessage(() -> GrowthData.of(new String[] {"a"}, new double[] {0},
        new double[] {Double.NaN}), "score in row 1 (client a) must be finite, was NaN");
  }

  @Test
  void degenerateData_failWithTheReason() {
    // every client's scores lie exactly on a line: a residual SD per class collapses
    String[] ids = new String[40];
    double[] t = new double[40];
    double[] y = new double[40];
    for (int i = 0; i < 40; i++) {
      ids[i] = "c" + i / 4;
      t[i] = i % 4;
      y[i] = (i / 4 % 2 == 0 ? 10 : 20) - (i / 4 % 2 == 0 ? 1 : 2) * (i % 4);
    }
    GrowthData exact = GrowthData.of(ids, t, y);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MixtureModel.withDefaults().withStarts(5).fit(exact, 2, rng(1)));
    assertTrue(e.getMessage().contains("none of the 5 starts gave a proper 2-class solution"),
        e.getMessage());
    assertTrue(e.getMessage().contains("residual SD collapsing to zero"), e.getMessage());
    ClassEnumeration en = MixtureModel.withDefaults().with(ResidualVariance.COMMON).withStarts(5)
        .compare(GrowthData.of(ids, t, y), 1, 1, rng(1));
    assertEquals(1, en.fits().size());
  }

  @Test
  void overfitting_isReportedAsDegenerate() {
    // one class in truth, ten asked for: small, empty or indistinct classes must be reported
    GrowthData data = new KnownMixture(TimeBasis.LINEAR, new double[] {1},
        new double[][] {{15, -0.5}}, new double[] {2}, 0).sample(60, 6, 21).data();
    MixtureFit fit = MixtureModel.withDefaults().withStarts(10).fit(data, 6, rng(2));
    assertFalse(fit.degeneracies().isEmpty(), fit.toString());
    assertTrue(fit.degeneracies().stream().anyMatch(d -> d.kind() == Degeneracy.Kind.SMALL_CLASS
        || d.kind() == Degeneracy.Kind.EMPTY_CLASS || d.kind() == Degeneracy.Kind.INDISTINCT_CLASSES),
        fit.toString());
  }

  @Test
  void configuration_hasValueSemantics() {
    MixtureModel a = MixtureModel.withDefaults().with(TimeBasis.LOG).withStarts(20);
    MixtureModel b = MixtureModel.withDefaults().withStarts(20).with(TimeBasis.LOG);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, a.withStarts(21));
    assertTrue(a.toString().contains("LOG") && a.toString().contains("20 starts"), a.toString());
    assertEquals(50, MixtureModel.withDefaults().starts());
    assertEquals(0.05, MixtureModel.withDefaults().smallClassShare());
    assertEquals(List.of("intercept", "time", "time_after_knot"),
        MixtureModel.withDefaults().withPiecewise(4).terms());
  }

  @Test
  void everySetting_isReadBack_keptByTheOtherSettings_andPartOfEquality() {
    MixtureModel d = MixtureModel.withDefaults();
    assertEquals(TimeBasis.LINEAR, d.basis());
    assertTrue(d.knot().isEmpty());
    assertEquals(WithinClass.NONE, d.withinClass());
    assertEquals(ResidualVariance.PER_CLASS, d.residualVariance());
    assertEquals(RandomCovariance.PER_CLASS, d.randomCovariance());
    assertEquals(List.of(), d.membershipCovariates());
    assertEquals(10, d.finalStarts());
    assertEquals(10, d.startIterations());
    assertEquals(5000, d.maxIterations());
    assertEquals(1e-10, d.tolerance());
    assertEquals(1, d.threads());
    assertEquals(SelectionCriterion.BIC, d.criterion());
    assertEquals(0, d.bootstrapReplicates());
    MixtureModel m = d.withPiecewise(3).with(WithinClass.RANDOM_INTERCEPT)
        .with(ResidualVariance.COMMON).with(RandomCovariance.COMMON)
        .withMembershipCovariates("x", "y").withStarts(7).withFinalStarts(3)
        .withStartIterations(4).withMaxIterations(99).withTolerance(1e-6).withThreads(2)
        .with(SelectionCriterion.ICL).withBootstrapReplicates(11).withSmallClassShare(0);
    assertEquals(TimeBasis.PIECEWISE, m.basis());
    assertEquals(3.0, m.knot().orElseThrow());
    assertEquals(WithinClass.RANDOM_INTERCEPT, m.withinClass());
    assertEquals(ResidualVariance.COMMON, m.residualVariance());
    assertEquals(RandomCovariance.COMMON, m.randomCovariance());
    assertEquals(List.of("x", "y"), m.membershipCovariates());
    assertEquals(7, m.starts());
    assertEquals(3, m.finalStarts());
    assertEquals(4, m.startIterations());
    assertEquals(99, m.maxIterations());
    assertEquals(1e-6, m.tolerance());
    assertEquals(2, m.threads());
    assertEquals(SelectionCriterion.ICL, m.criterion());
    assertEquals(11, m.bootstrapReplicates());
    assertEquals(0.0, m.smallClassShare());
    assertEquals("MixtureModel[PIECEWISE(knot 3), RANDOM_INTERCEPT, residual SD COMMON, random"
        + " covariance COMMON, membership [x, y], 7 starts (4 iterations, best 3 to convergence,"
        + " tolerance 1.0E-6, at most 99 iterations), 2 thread(s), select by ICL, bootstrap 11,"
        + " small class < 0.0]", m.toString());
    assertEquals("MixtureModel[LINEAR, NONE, residual SD PER_CLASS, 50 starts (10 iterations,"
        + " best 10 to convergence, tolerance 1.0E-10, at most 5000 iterations), 1 thread(s),"
        + " select by BIC, small class < 0.05]", d.toString());
    // another basis drops the knot
    assertTrue(m.with(TimeBasis.QUADRATIC).knot().isEmpty());
    assertEquals(List.of("intercept", "time", "time^2"), m.with(TimeBasis.QUADRATIC).terms());
    // each setting takes part in equality
    List<MixtureModel> variants = List.of(d.with(TimeBasis.LOG), d.withPiecewise(2),
        d.withPiecewise(3), d.with(WithinClass.RANDOM_INTERCEPT), d.with(ResidualVariance.COMMON),
        d.with(RandomCovariance.COMMON), d.withMembershipCovariates("x"), d.withStarts(7),
        d.withFinalStarts(3), d.withStartIterations(4), d.withMaxIterations(99),
        d.withTolerance(1e-6), d.withThreads(2), d.with(SelectionCriterion.AIC),
        d.withBootstrapReplicates(11), d.withSmallClassShare(0.1));
    for (int i = 0; i < variants.size(); i++) {
      assertNotEquals(d, variants.get(i), variants.get(i).toString());
      for (int j = i + 1; j < variants.size(); j++) {
        assertNotEquals(variants.get(i), variants.get(j));
      }
    }
  }

  @Test
  void settings_acceptTheEndsOfTheirRanges_andRefuseBeyondNamingTheValue() {
    MixtureModel d = MixtureModel.withDefaults();
    assertEquals(100_000, d.withStarts(100_000).withFinalStarts(100_000).finalStarts());
    assertEquals(1, d.withStartIterations(1).withMaxIterations(1).maxIterations());
    assertEquals(1e-2, d.withTolerance(1e-2).tolerance());
    assertEquals(256, d.withThreads(256).threads());
    assertEquals(10_000, d.withBootstrapReplicates(10_000).bootstrapReplicates());
    assertMessage(() -> d.withFinalStarts(0), "finalStarts must be between 1 and 100000, was 0");
    assertMessage(() -> d.withStartIterations(0), "startIterations must be between 1 and");
    assertMessage(() -> d.withMaxIterations(0), "maxIterations must be between 1 and");
    assertMessage(() -> d.withBootstrapReplicates(-1), "bootstrapReplicates must be between 0");
    assertMessage(() -> d.withSmallClassShare(1), "smallClassShare must be in [0, 1), was 1.0");
    assertMessage(() -> d.withSmallClassShare(-0.01), "smallClassShare must be in [0, 1)");
    assertMessage(() -> d.withSmallClassShare(Double.NaN), "smallClassShare must be in [0, 1)");
    assertMessage(() -> d.withPiecewise(Double.POSITIVE_INFINITY), "knot");
    assertMessage(() -> d.withMembershipCovariates("intercept"), "membership covariate"
        + " intercept is reserved");
    assertMessage(() -> d.withMembershipCovariates(" "), "membership covariate");
    assertThrows(NullPointerException.class, () -> d.with((WithinClass) null));
    assertThrows(NullPointerException.class, () -> d.with((SelectionCriterion) null));
  }

  /**
   * The criteria of a fit follow their definitions from its log-likelihood, parameter count,
   * clients and rows (AIC 2k, BIC k·ln n, rows-BIC k·ln N, sample-size-adjusted BIC
   * k·ln((n + 2)/24), ICL = BIC − 2·Σ log of each client's modal posterior), and the enumeration
   * selects by the configured one among proper fits.
   */
  @Test
  void criteria_followTheirDefinitions_andTheEnumerationSelectsByTheConfiguredOne() {
    GrowthData data = KnownMixture.fourShapes(0).sample(80, 5, 3).data();
    ClassEnumeration en = MixtureModel.withDefaults().with(TimeBasis.LOG).withStarts(4)
        .with(SelectionCriterion.AIC).compare(data, 1, 3, rng(5));
    assertEquals(SelectionCriterion.AIC, en.criterion());
    assertEquals(List.of(1, 2, 3), en.fits().stream().map(MixtureFit::classes).toList());
    for (MixtureFit f : en.fits()) {
      int k = f.parameterCount();
      double ll = f.logLik();
      assertEquals(80, f.clients());
      assertEquals(400, f.observations());
      assertEquals(-2 * ll + 2 * k, f.aic(), 1e-9);
      assertEquals(-2 * ll + k * Math.log(80), f.bic(), 1e-9);
      assertEquals(-2 * ll + k * Math.log(400), f.bicRows(), 1e-9);
      assertEquals(-2 * ll + k * Math.log(82 / 24.0), f.sabic(), 1e-9);
      assertEquals(f.bic() - 2 * f.modalLogPosterior(), f.icl(), 1e-9);
      assertEquals(f.aic(), f.criterion(SelectionCriterion.AIC));
      assertEquals(f.bic(), f.criterion(SelectionCriterion.BIC));
      assertEquals(f.bicRows(), f.criterion(SelectionCriterion.BIC_ROWS));
      assertEquals(f.sabic(), f.criterion(SelectionCriterion.SABIC));
      assertEquals(f.icl(), f.criterion(SelectionCriterion.ICL));
      assertEquals(f.convergence().converged(), f.converged());
      assertEquals(f.starts().bestReplicated(), f.bestReplicated());
      assertEquals(f.classSummaries().stream().mapToInt(ClassSummary::count).min().orElseThrow(),
          f.smallestCount());
      assertEquals(f.model().classes().stream().mapToDouble(TrajectoryClass::share).min()
          .orElseThrow(), f.smallestShare());
      if (f.classes() == 1) {
        assertTrue(f.relativeEntropy().isEmpty());
      } else {
        assertEquals(1 - f.classificationEntropy() / (80 * Math.log(f.classes())),
            f.relativeEntropy().orElseThrow(), 1e-12);
      }
      assertTrue(f.toString().startsWith(String.format(java.util.Locale.ROOT,
          "K = %d: logLik %.3f, %d parameters, BIC %.3f, ICL %.3f", f.classes(), ll, k,
          f.bic(), f.icl())), f.toString());
      assertEquals(f.classes() > 1, f.toString().contains(", entropy "), f.toString());
    }
    // each client's posterior, read three ways
    ClientPosteriors post = en.fits().get(2).posteriors(data);
    assertEquals(3, post.classes());
    assertEquals(data.clients(), post.clients());
    assertEquals("ClientPosteriors[80 clients, 3 classes]", post.toString());
    for (int c = 0; c < 80; c++) {
      double[] pr = post.probabilities(c);
      assertEquals(3, pr.length);
      assertEquals(1, pr[0] + pr[1] + pr[2], 1e-12);
      int modal = 0;
      for (int j = 0; j < 3; j++) {
        assertEquals(pr[j], post.probability(c, j + 1));
        modal = pr[j] > pr[modal] ? j : modal;
      }
      assertEquals(modal + 1, post.mostLikely(c));
    }
    assertMessage(() -> post.probability(80, 1), "client must be between 0 and 79, was 80");
    assertMessage(() -> post.probabilities(80), "client must be between 0 and 79, was 80");
    assertMessage(() -> post.mostLikely(80), "client must be between 0 and 79, was 80");
    assertMessage(() -> post.probability(0, 4), "classIndex must be between 1 and 3, was 4");
    // a fit stopped by its iteration limit says so
    MixtureFit stopped = MixtureModel.withDefaults().with(TimeBasis.LOG).withStarts(2)
        .withFinalStarts(1).withStartIterations(1).withMaxIterations(2).fit(data, 3, rng(6));
    assertFalse(stopped.converged(), stopped.convergence().toString());
    assertMessage(() -> MixtureModel.withDefaults().compare(data, 1, 81, rng(1)),
        "maxClasses (81) must not exceed the number of clients (80)");
    MixtureFit two = en.fits().get(1);
    assertMessage(() -> new MixtureFit(two.model(), two.clients(), two.observations(),
        two.logLik(), two.classificationEntropy(), two.modalLogPosterior(),
        List.of(two.classSummaries().get(1), two.classSummaries().get(0)), two.starts(),
        two.convergence(), two.degeneracies()), "classSummaries[0] has index 2; must be 1");
    MixtureFit best = en.fits().stream().filter(MixtureFit::proper)
        .min(java.util.Comparator.comparingDouble(MixtureFit::aic)).orElseThrow();
    assertEquals(best, en.selected());
    assertEquals(en.fits().get(1), en.fit(2).orElseThrow());
    assertTrue(en.fit(4).isEmpty());
    // descending or repeated K is refused
    assertMessage(() -> new ClassEnumeration(SelectionCriterion.BIC, List.of(en.fits().get(1),
        en.fits().get(0)), List.of(), List.of()), "fits must have distinct K in ascending order");
    assertMessage(() -> new ClassEnumeration(SelectionCriterion.BIC, List.of(en.fits().get(1),
        en.fits().get(1)), List.of(), List.of()), "fits must have distinct K in ascending order");
  }

  @Test
  void bootstrapAndStartRecords_checkTheirCounts() {
    // p = (1 + exceedances) / (1 + replicates that gave a statistic)
    assertEquals(4.0 / 16, new BootstrapTest(2, 5.0, 19, 4, 3).pValue(), 1e-15);
    assertEquals(1.0 / 20, new BootstrapTest(2, 5.0, 19, 0, 0).pValue(), 1e-15);
    assertEquals(15, new BootstrapTest(2, 5.0, 19, 4, 15).exceedances());
    assertMessage(() -> new BootstrapTest(2, 5.0, 19, 4, 16), "exceedances");
    assertEquals(List.of(-10.0, -10.0, -12.5), new StartSummary(5, 3, 0, 2,
        List.of(-10.0, -10.0, -12.5)).finalLogLiks());
    assertMessage(() -> new StartSummary(5, 3, 0, 1, List.of(-12.5, -10.0, -10.0)),
        "finalLogLiks must be in descending order");
    assertEquals(java.util.Optional.of(RandomPart.INTERCEPT),
        WithinClass.RANDOM_INTERCEPT.randomPart());
    assertTrue(WithinClass.NONE.randomPart().isEmpty());
    assertEquals(3, WithinClass.RANDOM_INTERCEPT_SLOPE.covarianceParameters());
  }

  private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(part), "message was: " + e.getMessage());
  }

  @Test
  void posteriors_ofFittedClients_matchTheNewClientPosterior() {
    GrowthData data = KnownMixture.fourShapes(2).sample(200, 6, 31).data();
    for (WithinClass w : WithinClass.values()) {
      MixtureFit fit = MixtureModel.withDefaults().with(TimeBasis.LOG).with(w).withStarts(6)
          .fit(data, 3, rng(7));
      ClientPosteriors all = fit.posteriors(data);
      double[] t = data.groupedTimes();
      double[] y = data.groupedScores();
      int row = 0;
      for (int c = 0; c < 5; c++) {
        int n = data.observations(c);
        NewClient nc = NewClient.of(java.util.Arrays.copyOfRange(t, row, row + n),
            java.util.Arrays.copyOfRange(y, row, row + n));
        row += n;
        ClassPosterior p = fit.model().posterior(nc);
        assertArrayEquals(all.probabilities(c),
            p.probabilities().stream().mapToDouble(Double::doubleValue).toArray(), 1e-9);
        assertEquals(all.mostLikely(c), p.mostLikely());
      }
    }
  }

  @Test
  void bootstrapTest_favoursTheTrueNumberOfClasses_andIgnoresThreads() {
    KnownMixture two = new KnownMixture(TimeBasis.LOG, new double[] {0.6, 0.4},
        new double[][] {{18, -4.5}, {15, 0}}, new double[] {2, 2}, 0);
    GrowthData data = two.sample(120, 6, 51).data();
    MixtureModel m = MixtureModel.withDefaults().with(TimeBasis.LOG).withStarts(4)
        .withFinalStarts(2).withBootstrapReplicates(19);
    ClassEnumeration e = m.compare(data, 1, 3, rng(52));
    assertEquals(2, e.bootstrap().size());
    BootstrapTest twoVsOne = e.bootstrap().get(0);
    BootstrapTest threeVsTwo = e.bootstrap().get(1);
    assertEquals(2, twoVsOne.classes());
    assertEquals(2 * (e.fit(2).orElseThrow().logLik() - e.fit(1).orElseThrow().logLik()),
        twoVsOne.statistic(), 1e-9);
    assertEquals(0.05, twoVsOne.pValue(), 1e-12); // no replicate from one class comes close
    assertTrue(threeVsTwo.pValue() > 0.05, threeVsTwo.toString());
    assertEquals(e, m.withThreads(2).compare(data, 1, 3, rng(52)));
  }

  @Test
  void simulatedData_keepTheClientsTimesAndCovariates() {
    GrowthData data = Datasets.dropout();
    MixtureFit fit = MixtureModel.withDefaults().with(WithinClass.RANDOM_INTERCEPT_SLOPE)
        .withMembershipCovariates("severe").withStarts(4).fit(data, 2, rng(3));
    GrowthData sim = Bootstrap.simulate(fit.model(), data, rng(4));
    assertEquals(data.clients(), sim.clients());
    assertArrayEquals(data.groupedTimes(), sim.groupedTimes());
    for (int c = 0; c < data.clientCount(); c++) {
      assertEquals(data.covariate("severe", c), sim.covariate("severe", c));
    }
    assertFalse(java.util.Arrays.equals(data.groupedScores(), sim.groupedScores()));
  }

  @Test
  void identicalClasses_areReportedAsIndistinctAndEmpty() {
    GrowthData data = KnownMixture.fourShapes(0).sample(200, 6, 61).data();
    MixtureModel model = MixtureModel.withDefaults().with(TimeBasis.LOG);
    ClientBlocks b = ClientBlocks.of(data, model.design(), List.of());
    Params one = new Starts(b, 0).single();
    Params two = new Params(2, 2, 0, 1);
    for (int j = 0; j < 2; j++) { // two copies of the one-class solution: EM keeps them equal
      System.arraycopy(one.beta, 0, two.beta, 2 * j, 2);
      two.sigma2[j] = one.sigma2[0];
      two.eta[j] = Math.log(0.5);
    }
    Em.Run run = new Em(b, 2, 0, true, true, 1e-10).runAccelerated(two, 1000);
    MixtureFit fit = Search.solution(model, b, run, new StartSummary(1, 1, 0, 1,
        List.of(run.logLik())), List.of(run));
    List<Degeneracy.Kind> kinds = fit.degeneracies().stream().map(Degeneracy::kind).toList();
    assertTrue(kinds.contains(Degeneracy.Kind.INDISTINCT_CLASSES), kinds.toString());
    assertTrue(kinds.contains(Degeneracy.Kind.EMPTY_CLASS), kinds.toString());
    assertFalse(fit.proper());
    // with no proper fit to choose from, the enumeration still selects the best by its criterion
    assertEquals(fit, new ClassEnumeration(SelectionCriterion.BIC, List.of(fit), List.of(),
        List.of()).selected());
  }

  @Test
  void randomVarianceAtZero_isReportedAsABoundaryFit() {
    GrowthData data = KnownMixture.fourShapes(0).sample(300, 8, 62).data();
    MixtureFit fit = MixtureModel.withDefaults().with(TimeBasis.LOG)
        .with(WithinClass.RANDOM_INTERCEPT).withMaxIterations(20_000).fit(data, 4, rng(63));
    assertTrue(fit.degeneracies().stream()
        .anyMatch(d -> d.kind() == Degeneracy.Kind.ZERO_RANDOM_VARIANCE), fit.toString());
    assertTrue(fit.proper(), fit.toString());
  }

  /**
   * {@code distinct} trajectories over five sessions, each repeated by {@code copies} clients:
   * trajectory d starts at 20 − 3d and falls by 1 + d/2 a session; unless {@code linear} it also
   * bends (a session-2 dip of 1 + d), so a line cannot reproduce it exactly.
   */
  private static GrowthData repeatedTrajectories(int distinct, int copies, boolean linear) {
    List<String> ids = new ArrayList<>();
    List<Double> t = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int d = 0; d < distinct; d++) {
      for (int c = 0; c < copies; c++) {
        for (int time = 0; time < 5; time++) {
          ids.add("t" + d + "c" + c);
          t.add((double) time);
          y.add(20 - 3.0 * d - (1 + d / 2.0) * time - (!linear && time == 2 ? 1 + d : 0));
        }
      }
    }
    return GrowthData.of(ids.toArray(String[]::new), t.stream().mapToDouble(v -> v).toArray(),
        y.stream().mapToDouble(v -> v).toArray());
  }

  @Test
  void moreClassesThanDistinctTrajectories_areFlaggedOrRefused_neverNaN_property() {
    // D distinct trajectories, K > D classes: the extra classes can only copy a trajectory
    // another class already has (INDISTINCT_CLASSES) or hold nobody (EMPTY_CLASS); exactly linear
    // trajectories make every residual SD collapse, which no start survives (a clear error).
    // Comparing K = 1..K selects the D-class solution.
    qt().withExamples(24).forAll(integers().between(1, 3), integers().between(1, 2),
        integers().between(3, 6), integers().between(0, 5))
        .checkAssert((distinct, extra, copies, form) -> {
          boolean linear = form % 2 == 1;
          WithinClass within = WithinClass.values()[form / 2];
          GrowthData data = repeatedTrajectories(distinct, copies, linear);
          int k = distinct + extra;
          MixtureModel model = MixtureModel.withDefaults().with(within).withStarts(8)
              .withFinalStarts(3).withMaxIterations(2_000);
          MixtureFit fit;
          try {
            fit = model.fit(data, k, rng(distinct * 100 + extra * 10 + copies));
          } catch (IllegalArgumentException e) {
            assertTrue(linear, "bent trajectories have a proper solution with D classes: " + e);
            assertTrue(e.getMessage().contains("none of the 8 starts gave a proper " + k
                + "-class solution"), e.getMessage());
            return;
          }
          assertFalse(linear && within == WithinClass.NONE, "a line through every client: "
              + fit);
          assertFalse(fit.proper(), fit.toString());
          assertTrue(fit.degeneracies().stream().anyMatch(
              d -> d.kind() == Degeneracy.Kind.INDISTINCT_CLASSES
                  || d.kind() == Degeneracy.Kind.EMPTY_CLASS), fit.toString());
          for (String out : List.of(fit.toString(), CandorJson.toJson(fit))) {
            assertFalse(out.contains("NaN") || out.contains("Infinity"), out);
          }
          ClassEnumeration all = model.compare(data, 1, k, rng(7));
          assertEquals(distinct, all.selected().classes(), all.selected().toString());
        });
  }
}
