package io.candor.model.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * One K's solution from given parameters (class order, posteriors, summaries, diagnostics)
 * checked against the direct oracle of {@link EmTest}, and short searches on the small panel.
 */
class SearchTest {

  private static final EmTest.Setting LCGA =
      new EmTest.Setting(TimeBasis.LINEAR, 0, true, true, false);

  private static final EmTest.Setting GMM =
      new EmTest.Setting(TimeBasis.LINEAR, 2, true, true, false);

  /** Two growth-mixture classes with the same curve, residual variance and spread. */
  private static Params sameGmmClasses(ClientBlocks b) {
    Params g = EmTest.start(b, 2);
    g.beta[2] = g.beta[0];
    g.beta[3] = g.beta[1];
    g.sigma2[1] = g.sigma2[0];
    System.arraycopy(g.d, 0, g.d, 4, 4);
    return g;
  }

  /** Two random-intercept classes with the same curve, residual variance and spread. */
  private static Params sameRandomInterceptClasses(ClientBlocks b) {
    Params th = EmTest.start(b, 1);
    th.beta[2] = th.beta[0];
    th.beta[3] = th.beta[1];
    th.sigma2[1] = th.sigma2[0];
    th.d[1] = th.d[0];
    return th;
  }

  private static Em.Run run(Params th, boolean converged) {
    return new Em.Run(th, 0, 7, converged, null, 0);
  }

  private static StartSummary summary(int finals, int replicated) {
    List<Double> lls = new ArrayList<>();
    for (int i = 0; i < finals; i++) {
      lls.add(-10.0 - i);
    }
    return new StartSummary(finals, finals, 0, replicated, lls);
  }

  private static List<Degeneracy.Kind> kinds(MixtureFit fit) {
    return fit.degeneracies().stream().map(Degeneracy::kind).collect(Collectors.toList());
  }

  @Test
  void solution_ordersTheClassesBySlope_andReportsTheirPosteriorsAsTheOracleDoes() {
    ClientBlocks b = EmTest.blocks(LCGA);
    Params sorted = EmTest.start(b, 0); // class 1 falls (slope −3), class 2 is flat
    Params raw = sorted.reorder(new int[] {1, 0});
    MixtureModel model = MixtureModel.withDefaults();
    MixtureFit fit = Search.solution(model, b, run(raw, true), summary(1, 1), List.of());
    double[] tau = new double[b.m * 2];
    double ll = new EmTest.Oracle(b).estep(sorted, tau);
    assertEquals(ll, fit.logLik(), 1e-9 * Math.abs(ll));
    double entropy = 0;
    double modal = 0;
    int[] counts = new int[2];
    double[] postSum = new double[2];
    for (int i = 0; i < b.m; i++) {
      int c = tau[i * 2 + 1] > tau[i * 2] ? 1 : 0;
      counts[c]++;
      postSum[c] += tau[i * 2 + c];
      modal += Math.log(tau[i * 2 + c]);
      for (int j = 0; j < 2; j++) {
        if (tau[i * 2 + j] > 0) {
          entropy -= tau[i * 2 + j] * Math.log(tau[i * 2 + j]);
        }
      }
    }
    assertEquals(entropy, fit.classificationEntropy(), 1e-9);
    assertEquals(modal, fit.modalLogPosterior(), 1e-9);
    assertTrue(counts[0] > 0 && counts[1] > 0);
    for (int j = 0; j < 2; j++) {
      ClassSummary s = fit.classSummaries().get(j);
      assertEquals(j + 1, s.index());
      assertEquals(counts[j], s.count());
      assertEquals(postSum[j] / counts[j], s.avePosterior().getAsDouble(), 1e-12);
    }
    TrajectoryClass first = fit.model().classes().get(0);
    assertEquals(20, first.coefficient("intercept"), 1e-12);
    assertEquals(-3, first.coefficient("time"), 1e-12);
    assertEquals(0.4, first.share(), 1e-12);
    assertEquals(Math.sqrt(2), first.residualSd(), 1e-12);
    TrajectoryClass second = fit.model().classes().get(1);
    assertEquals(14, second.coefficient("intercept"), 1e-12);
    assertEquals(0.6, second.share(), 1e-12);
    assertEquals(b.m, fit.clients());
    assertEquals(b.rows, fit.observations());
    assertTrue(fit.convergence().converged());
    assertEquals(7, fit.convergence().iterations());
    assertEquals(-2 * ll, fit.convergence().objective(), 1e-9 * Math.abs(ll));
    assertTrue(fit.convergence().message().startsWith("EM with exact M-steps converged after 7"
        + " iterations"), fit.convergence().message());
    assertEquals(List.of(), fit.degeneracies());
  }

  @Test
  void solution_withEqualSlopes_ordersByIntercept() {
    ClientBlocks b = EmTest.blocks(LCGA);
    Params th = EmTest.start(b, 0);
    th.beta[1] = 0; // both flat: 20 and 14
    MixtureFit fit = Search.solution(MixtureModel.withDefaults(), b, run(th, true),
        summary(1, 1), List.of());
    assertEquals(14, fit.model().classes().get(0).coefficient("intercept"), 1e-12);
    assertEquals(20, fit.model().classes().get(1).coefficient("intercept"), 1e-12);
  }

  @Test
  void solution_withMembershipCovariates_averagesThePriorsOverTheClients() {
    EmTest.Setting s = new EmTest.Setting(TimeBasis.LINEAR, 0, true, true, true);
    ClientBlocks b = EmTest.blocks(s);
    Params th = EmTest.start(b, 0);
    MixtureModel model = MixtureModel.withDefaults().withMembershipCovariates("severe");
    MixtureFit fit = Search.solution(model, b, run(th, true), summary(1, 1), List.of());
    EmTest.Oracle o = new EmTest.Oracle(b);
    double share = 0;
    for (int i = 0; i < b.m; i++) {
      share += o.priors(th, i)[0] / b.m;
    }
    assertEquals(share, fit.model().classes().get(0).share(), 1e-12);
    assertEquals(1 - share, fit.model().classes().get(1).share(), 1e-12);
  }

  @Test
  void solution_reportsAnUnconvergedRun_andABestReachedByOneFinalRunOnly() {
    ClientBlocks b = EmTest.blocks(LCGA);
    List<Em.Run> finals = List.of(new Em.Run(null, -10, 1, true, null, 0),
        new Em.Run(null, -11.5, 1, true, null, 0));
    MixtureFit fit = Search.solution(MixtureModel.withDefaults(), b,
        run(EmTest.start(b, 0), false), summary(2, 1), finals);
    assertEquals(List.of(Degeneracy.Kind.NOT_CONVERGED, Degeneracy.Kind.BEST_NOT_REPLICATED),
        kinds(fit));
    assertEquals("the best run stopped at the iteration limit (7) before converging; raise"
        + " maxIterations", fit.degeneracies().get(0).detail());
    assertEquals("only 1 of 2 final runs reached the best log-likelihood -10.000000 (the next"
        + " best: -11.500000); try more starts", fit.degeneracies().get(1).detail());
    assertFalse(fit.convergence().converged());
    assertEquals("EM stopped at the iteration limit (7) before converging",
        fit.convergence().message());
    // replicated twice, or one final run only: nothing to report
    assertEquals(List.of(), kinds(Search.solution(MixtureModel.withDefaults(), b,
        run(EmTest.start(b, 0), true), summary(2, 2), finals)));
    assertEquals(List.of(), kinds(Search.solution(MixtureModel.withDefaults(), b,
        run(EmTest.start(b, 0), true), summary(1, 1), finals)));
  }

  @Test
  void solution_reportsEmptyAndSmallClasses() {
    ClientBlocks b = EmTest.blocks(LCGA);
    Params th = EmTest.start(b, 0);
    th.beta[b.p] = 1e3; // the flat class lies far from every client
    MixtureFit fit = Search.solution(MixtureModel.withDefaults(), b, run(th, true),
        summary(1, 1), List.of());
    assertEquals(List.of(Degeneracy.Kind.EMPTY_CLASS), kinds(fit));
    assertEquals(OptionalInt.of(2), fit.degeneracies().get(0).classIndex());
    assertEquals("no client has class 2 as its most likely class (share 0.6000)",
        fit.degeneracies().get(0).detail());
    MixtureFit small = Search.solution(MixtureModel.withDefaults().withSmallClassShare(0.45), b,
        run(EmTest.start(b, 0), true), summary(1, 1), List.of());
    assertEquals(List.of(Degeneracy.Kind.SMALL_CLASS), kinds(small));
    int count = small.classSummaries().get(0).count();
    assertEquals("class 1 has share 0.4000 (" + count + " client" + (count == 1 ? "" : "s")
        + " most likely in it), below 0.4500", small.degeneracies().get(0).detail());
    assertEquals(List.of(), kinds(Search.solution(MixtureModel.withDefaults()
        .withSmallClassShare(0.4), b, run(EmTest.start(b, 0), true), summary(1, 1), List.of())));
  }

  @Test
  void solution_reportsAResidualSdNearZero_onlyWhenEachClassHasItsOwn() {
    ClientBlocks b = EmTest.blocks(LCGA);
    Params th = EmTest.start(b, 0);
    th.sigma2[0] = 1e-9;
    MixtureFit fit = Search.solution(MixtureModel.withDefaults(), b, run(th, true),
        summary(1, 1), List.of());
    assertTrue(kinds(fit).contains(Degeneracy.Kind.ZERO_RESIDUAL_SD), kinds(fit).toString());
    Degeneracy d = fit.degeneracies().stream()
        .filter(x -> x.kind() == Degeneracy.Kind.ZERO_RESIDUAL_SD).findFirst().orElseThrow();
    assertEquals(OptionalInt.of(1), d.classIndex());
    assertTrue(d.detail().startsWith("class 1 has residual SD 3.162e-05, below 0.001 of the"
        + " pooled residual SD"), d.detail());
    Params common = EmTest.start(b, 0);
    common.sigma2[0] = 1e-9;
    common.sigma2[1] = 1e-9;
    assertFalse(kinds(Search.solution(MixtureModel.withDefaults().with(ResidualVariance.COMMON),
        b, run(common, true), summary(1, 1), List.of())).contains(
            Degeneracy.Kind.ZERO_RESIDUAL_SD));
    // an SD of 2 % of the pooled SD is small but not zero
    Params modest = EmTest.start(b, 0);
    modest.sigma2[0] = 2 * 0.02 * 0.02;
    assertFalse(kinds(Search.solution(MixtureModel.withDefaults(), b, run(modest, true),
        summary(1, 1), List.of())).contains(Degeneracy.Kind.ZERO_RESIDUAL_SD));
  }

  @Test
  void solution_reportsRandomEffectsOnTheBoundary_perClassOrCommon() {
    EmTest.Setting s = new EmTest.Setting(TimeBasis.LINEAR, 2, true, true, false);
    ClientBlocks b = EmTest.blocks(s);
    Params th = EmTest.start(b, 2);
    th.d[3] = 1e-6; // class 1's slope variance
    MixtureModel gmm = MixtureModel.withDefaults().with(WithinClass.RANDOM_INTERCEPT_SLOPE);
    MixtureFit fit = Search.solution(gmm, b, run(th, true), summary(1, 1), List.of());
    assertEquals(List.of(Degeneracy.Kind.ZERO_RANDOM_VARIANCE), kinds(fit));
    Degeneracy d = fit.degeneracies().get(0);
    assertEquals(OptionalInt.of(1), d.classIndex());
    assertEquals("class 1 random-effect covariance is on the boundary: slope SD 0.00100 (below"
        + " 0.05 times the residual SD): practically no between-client spread; a model without"
        + " it may do", d.detail());
    Params common = EmTest.start(b, 2);
    for (int j = 0; j < 2; j++) {
      common.d[j * 4] = 1e-8;
      common.d[j * 4 + 1] = 0;
      common.d[j * 4 + 2] = 0;
    }
    MixtureFit c = Search.solution(gmm.with(RandomCovariance.COMMON), b, run(common, true),
        summary(1, 1), List.of());
    assertEquals(List.of(Degeneracy.Kind.ZERO_RANDOM_VARIANCE), kinds(c));
    assertEquals(OptionalInt.empty(), c.degeneracies().get(0).classIndex());
    assertTrue(c.degeneracies().get(0).detail().startsWith("the common random-effect covariance"
        + " is on the boundary: intercept SD 0.000100"), c.degeneracies().get(0).detail());
    EmTest.Setting one = new EmTest.Setting(TimeBasis.LINEAR, 1, true, true, false);
    ClientBlocks b1 = EmTest.blocks(one);
    Params ri = EmTest.start(b1, 1);
    ri.d[1] = 1e-8;
    MixtureFit r = Search.solution(MixtureModel.withDefaults().with(WithinClass.RANDOM_INTERCEPT),
        b1, run(ri, true), summary(1, 1), List.of());
    assertEquals(List.of(Degeneracy.Kind.ZERO_RANDOM_VARIANCE), kinds(r));
    assertEquals(OptionalInt.of(2), r.degeneracies().get(0).classIndex());
  }

  @Test
  void solution_reportsClassesWithTheSameCurveAndSpread() {
    ClientBlocks b = EmTest.blocks(LCGA);
    Params th = EmTest.start(b, 0);
    th.beta[2] = th.beta[0];
    th.beta[3] = th.beta[1] + 1e-5; // the same curve, up to 1e-5 · 4 at time 4
    th.sigma2[1] = th.sigma2[0];
    MixtureFit fit = Search.solution(MixtureModel.withDefaults(), b, run(th, true),
        summary(1, 1), List.of());
    assertTrue(kinds(fit).contains(Degeneracy.Kind.INDISTINCT_CLASSES), kinds(fit).toString());
    // a curve apart by 0.01 at time 4, or a residual SD apart by 0.01, is distinct
    for (int variant = 0; variant < 2; variant++) {
      Params other = th.copy();
      if (variant == 0) {
        other.beta[3] = other.beta[1] + 0.0025;
      } else {
        other.sigma2[1] = Math.pow(Math.sqrt(other.sigma2[0]) + 0.01, 2);
      }
      assertFalse(kinds(Search.solution(MixtureModel.withDefaults(), b, run(other, true),
          summary(1, 1), List.of())).contains(Degeneracy.Kind.INDISTINCT_CLASSES));
    }
    // a random slope variance makes otherwise equal curves differ in spread
    ClientBlocks b2 = EmTest.blocks(GMM);
    Params g = sameGmmClasses(b2);
    MixtureModel gmm = MixtureModel.withDefaults().with(WithinClass.RANDOM_INTERCEPT_SLOPE);
    assertTrue(kinds(Search.solution(gmm, b2, run(g, true), summary(1, 1), List.of()))
        .contains(Degeneracy.Kind.INDISTINCT_CLASSES));
    g.d[7] += 0.01;
    assertFalse(kinds(Search.solution(gmm, b2, run(g, true), summary(1, 1), List.of()))
        .contains(Degeneracy.Kind.INDISTINCT_CLASSES));
  }

  @Test
  void solution_comparesEveryPairOfClasses_includingTheSecondWithTheThird() {
    ClientBlocks b = EmTest.blocks(LCGA);
    Params two = EmTest.start(b, 0);
    Params th = new Params(3, b.p, 0, b.cw);
    for (int j = 0; j < 3; j++) {
      int from = j == 0 ? 0 : 1; // class 1 falls; classes 2 and 3 are the same flat curve
      System.arraycopy(two.beta, from * b.p, th.beta, j * b.p, b.p);
      th.sigma2[j] = two.sigma2[from];
      th.eta[j] = Math.log(j == 0 ? 0.4 : 0.3);
    }
    MixtureFit fit = Search.solution(MixtureModel.withDefaults(), b, run(th, true),
        summary(1, 1), List.of());
    List<Degeneracy> same = fit.degeneracies().stream()
        .filter(d -> d.kind() == Degeneracy.Kind.INDISTINCT_CLASSES).collect(Collectors.toList());
    assertEquals(1, same.size(), fit.degeneracies().toString());
    assertEquals(OptionalInt.of(2), same.get(0).classIndex());
    assertTrue(same.get(0).detail().startsWith("classes 2 and 3 have the same curve and spread"
        + " (they differ by at most 0.00 at the observed times"), same.get(0).detail());
  }

  /** The largest |SD_a − SD_c| over the curve times, with Var(y) = σ² + d₀₀ + 2t·d₀₁ + t²·d₁₁. */
  private static double spreadGap(ClientBlocks b, Params th, int a, int c) {
    double[] x = new double[b.p];
    double worst = 0;
    for (double t : b.curveTimes) {
      b.design.designRow(t, new double[0], x);
      double[] sd = new double[2];
      int[] cls = {a, c};
      for (int i = 0; i < 2; i++) {
        int j = cls[i];
        double v = th.sigma2[j];
        if (th.q == 1) {
          v += th.d[j];
        } else if (th.q == 2) {
          v += th.d[4 * j] + 2 * x[1] * th.d[4 * j + 1] + x[1] * x[1] * th.d[4 * j + 3];
        }
        sd[i] = Math.sqrt(v);
      }
      worst = Math.max(worst, Math.abs(sd[0] - sd[1]));
    }
    return worst;
  }

  @Test
  void solution_measuresTheSpreadOfNearlyEqualClassesByTheirMarginalSd() {
    ClientBlocks b2 = EmTest.blocks(GMM);
    Params g = sameGmmClasses(b2);
    g.d[5] += 2e-4; // the intercept–slope covariance and the slope variance of class 2
    g.d[6] += 2e-4;
    g.d[7] += 1e-4;
    MixtureModel gmm = MixtureModel.withDefaults().with(WithinClass.RANDOM_INTERCEPT_SLOPE);
    double gap = spreadGap(b2, g, 0, 1);
    assertTrue(gap > 1e-5 && gap < 1e-3, "gap " + gap);
    assertEquals(List.of("classes 1 and 2 have the same curve and spread (they differ by at most "
        + String.format(java.util.Locale.ROOT, "%.3g", gap) + " at the observed times"),
        Search.solution(gmm, b2, run(g, true), summary(1, 1), List.of()).degeneracies()
            .stream().filter(d -> d.kind() == Degeneracy.Kind.INDISTINCT_CLASSES)
            .map(d -> d.detail().substring(0, d.detail().indexOf(", pooled")))
            .collect(Collectors.toList()));
    ClientBlocks b1 = EmTest.blocks(new EmTest.Setting(TimeBasis.LINEAR, 1, true, true, false));
    Params ri = sameRandomInterceptClasses(b1);
    ri.d[1] = ri.d[0] + 5e-4;
    double riGap = spreadGap(b1, ri, 0, 1);
    assertTrue(riGap > 1e-5 && riGap < 1e-3, "gap " + riGap);
    assertEquals(List.of("classes 1 and 2 have the same curve and spread (they differ by at most "
        + String.format(java.util.Locale.ROOT, "%.3g", riGap) + " at the observed times"),
        Search.solution(MixtureModel.withDefaults().with(WithinClass.RANDOM_INTERCEPT), b1,
            run(ri, true), summary(1, 1), List.of()).degeneracies().stream()
            .filter(d -> d.kind() == Degeneracy.Kind.INDISTINCT_CLASSES)
            .map(d -> d.detail().substring(0, d.detail().indexOf(", pooled")))
            .collect(Collectors.toList()));
  }

  @Test
  void solution_comparesACommonRandomSpreadWithTheFirstClassResidualSd() {
    EmTest.Setting s = new EmTest.Setting(TimeBasis.LINEAR, 2, true, false, false);
    ClientBlocks b = EmTest.blocks(s);
    Params th = EmTest.start(b, 2); // residual SDs √2 (class 1) and √3 (class 2)
    for (int j = 0; j < 2; j++) {
      th.d[j * 4] = 0.08 * 0.08; // intercept SD 0.08: above 0.05·√2 = 0.0707, below 0.05·√3
      th.d[j * 4 + 1] = 0;
      th.d[j * 4 + 2] = 0;
    }
    MixtureModel gmm = MixtureModel.withDefaults().with(WithinClass.RANDOM_INTERCEPT_SLOPE)
        .with(RandomCovariance.COMMON);
    assertFalse(kinds(Search.solution(gmm, b, run(th, true), summary(1, 1), List.of()))
        .contains(Degeneracy.Kind.ZERO_RANDOM_VARIANCE));
    for (int j = 0; j < 2; j++) {
      th.d[j * 4] = 0.07 * 0.07; // below 0.05·√2
    }
    assertTrue(kinds(Search.solution(gmm, b, run(th, true), summary(1, 1), List.of()))
        .contains(Degeneracy.Kind.ZERO_RANDOM_VARIANCE));
  }

  @Test
  void fit_runsTheStartsAndTheBestToConvergence_identicallyForAnyThreadCount() {
    ClientBlocks b = EmTest.blocks(LCGA);
    MixtureModel model = MixtureModel.withDefaults().withStarts(6).withFinalStarts(3)
        .withStartIterations(3);
    MixtureFit one = Search.fit(model, b, 2, RandomSource.XO_RO_SHI_RO_128_PP.create(5), 1);
    MixtureFit two = Search.fit(model, b, 2, RandomSource.XO_RO_SHI_RO_128_PP.create(5), 2);
    assertEquals(one, two);
    assertEquals(6, one.starts().starts());
    assertEquals(3, one.starts().finalStarts());
    assertEquals(3, one.starts().finalLogLiks().size());
    List<Double> lls = one.starts().finalLogLiks();
    assertEquals(one.logLik(), lls.get(0), 1e-9 * Math.abs(one.logLik()));
    for (int i = 1; i < lls.size(); i++) {
      assertTrue(lls.get(i) <= lls.get(i - 1));
    }
    long replicated = lls.stream()
        .filter(l -> lls.get(0) - l <= Search.REPLICATION * (1 + Math.abs(lls.get(0)))).count();
    assertEquals(replicated, one.starts().bestReplicated());
    assertTrue(one.convergence().converged());
  }

  /** The pooled residual SD: the class variances weighted by the expected rows of each class. */
  private static double pooledSd(ClientBlocks b, Params th) {
    double[] tau = new double[b.m * 2];
    new EmTest.Oracle(b).estep(th, tau);
    double v = 0;
    for (int i = 0; i < b.m; i++) {
      for (int j = 0; j < 2; j++) {
        v += tau[i * 2 + j] * b.n(i) * th.sigma2[j];
      }
    }
    return Math.sqrt(v / b.rows);
  }

  @Test
  void solution_flagsAResidualSdBelowAThousandthOfThePooledSd_namingBoth() {
    ClientBlocks b = EmTest.blocks(LCGA);
    for (double ratio : new double[] {0.0009, 0.0011}) {
      Params th = EmTest.start(b, 0);
      th.sigma2[0] = 1e-9;
      double pooled = pooledSd(b, th);
      assertTrue(pooled > 1 && pooled < 2, "the premise: pooled SD " + pooled);
      th.sigma2[0] = Math.pow(ratio * pooled, 2);
      pooled = pooledSd(b, th);
      MixtureFit fit = Search.solution(MixtureModel.withDefaults(), b, run(th, true),
          summary(1, 1), List.of());
      if (ratio < 0.001) {
        assertEquals(List.of(Degeneracy.Kind.ZERO_RESIDUAL_SD), kinds(fit));
        assertEquals(String.format(java.util.Locale.ROOT, "class 1 has residual SD %.4g, below"
            + " 0.001 of the pooled residual SD %.4g", Math.sqrt(th.sigma2[0]), pooled),
            fit.degeneracies().get(0).detail());
      } else {
        assertEquals(List.of(), kinds(fit));
      }
    }
  }

  @Test
  void solution_flagsARandomSdBelowAFifthOfTheResidualSd_separatelyForInterceptAndSlope() {
    EmTest.Setting s = new EmTest.Setting(TimeBasis.LINEAR, 2, true, true, false);
    ClientBlocks b = EmTest.blocks(s);
    MixtureModel gmm = MixtureModel.withDefaults().with(WithinClass.RANDOM_INTERCEPT_SLOPE);
    double residual = Math.sqrt(2); // class 1 of the start
    for (double ratio : new double[] {0.045, 0.055}) {
      for (int entry : new int[] {0, 3}) {
        Params th = EmTest.start(b, 2);
        th.d[1] = 0;
        th.d[2] = 0;
        th.d[entry] = Math.pow(ratio * residual, 2);
        List<Degeneracy.Kind> k = kinds(Search.solution(gmm, b, run(th, true), summary(1, 1),
            List.of()));
        assertEquals(ratio < 0.05 ? List.of(Degeneracy.Kind.ZERO_RANDOM_VARIANCE) : List.of(), k,
            "ratio " + ratio + ", entry " + entry);
      }
    }
  }

  @Test
  void solution_flagsCurvesWithinAThousandthOfThePooledSd_namingThePair() {
    ClientBlocks b = EmTest.blocks(LCGA);
    Params th = EmTest.start(b, 0);
    th.beta[2] = th.beta[0];
    th.sigma2[1] = th.sigma2[0];
    double pooled = pooledSd(b, th);
    for (double gap : new double[] {0.0009, 0.0011}) {
      // slopes apart by gap · pooled / 4: curves apart by gap · pooled at time 4
      th.beta[3] = th.beta[1] + gap * pooled / 4;
      MixtureFit fit = Search.solution(MixtureModel.withDefaults(), b, run(th, true),
          summary(1, 1), List.of());
      if (gap < 0.001) {
        Degeneracy d = fit.degeneracies().stream()
            .filter(x -> x.kind() == Degeneracy.Kind.INDISTINCT_CLASSES).findFirst()
            .orElseThrow();
        assertEquals(OptionalInt.of(1), d.classIndex());
        assertEquals(String.format(java.util.Locale.ROOT, "classes 1 and 2 have the same curve"
            + " and spread (they differ by at most %.3g at the observed times, pooled residual"
            + " SD %.4g): fewer distinct trajectories than classes", gap * pooled,
            pooledSd(b, th)), d.detail());
      } else {
        assertFalse(kinds(fit).contains(Degeneracy.Kind.INDISTINCT_CLASSES));
      }
    }
  }

  @Test
  void solution_comparesTheSpreadOfRandomInterceptClasses() {
    ClientBlocks b = EmTest.blocks(new EmTest.Setting(TimeBasis.LINEAR, 1, true, true, false));
    Params th = sameRandomInterceptClasses(b);
    MixtureModel ri = MixtureModel.withDefaults().with(WithinClass.RANDOM_INTERCEPT);
    assertTrue(kinds(Search.solution(ri, b, run(th, true), summary(1, 1), List.of()))
        .contains(Degeneracy.Kind.INDISTINCT_CLASSES));
    th.d[1] = th.d[0] + 0.1; // SD √1.6 against √1.5 plus the residual variance 2
    assertFalse(kinds(Search.solution(ri, b, run(th, true), summary(1, 1), List.of()))
        .contains(Degeneracy.Kind.INDISTINCT_CLASSES));
    // a covariance of intercept and slope alone changes the spread over time
    ClientBlocks b2 = EmTest.blocks(GMM);
    Params g = sameGmmClasses(b2);
    g.d[5] += 0.05;
    g.d[6] += 0.05;
    MixtureModel gmm = MixtureModel.withDefaults().with(WithinClass.RANDOM_INTERCEPT_SLOPE);
    assertFalse(kinds(Search.solution(gmm, b2, run(g, true), summary(1, 1), List.of()))
        .contains(Degeneracy.Kind.INDISTINCT_CLASSES));
  }

  @Test
  void solution_ofOneClass_neverReportsAnUnreplicatedBest() {
    ClientBlocks b = EmTest.blocks(LCGA);
    Params one = new Starts(b, 0).single();
    List<Em.Run> finals = List.of(new Em.Run(null, -10, 1, true, null, 0),
        new Em.Run(null, -11.5, 1, true, null, 0));
    assertEquals(List.of(), kinds(Search.solution(MixtureModel.withDefaults(), b,
        run(one, true), summary(2, 1), finals)));
  }

  @Test
  void fit_continuesTheBestShortRuns_asTheDocumentedProcedureDoes() {
    // 400 iterations: the continued runs converge; 6: each continues for the 4 left and stops;
    // 2: the short runs are the final runs
    for (int maxIterations : new int[] {400, 6, 2}) {
      for (EmTest.Setting s : List.of(LCGA,
          new EmTest.Setting(TimeBasis.LINEAR, 1, true, false, false))) {
        procedure(s, maxIterations, 2, 1e-9);
      }
    }
    // a loose tolerance stops two of eight final runs 1.3e-5 and 9.7e-7 apart near ℓ = −38.37:
    // within 1e-6·(1 + |ℓ|) = 3.9e-5 of each other, so the best counts as replicated twice
    for (double tol : new double[] {1e-5, 1e-6}) {
      assertEquals(2, procedure(LCGA, 400, 8, tol).starts().bestReplicated());
    }
  }

  /** Fits 3 classes from 8 starts and checks the fit against the procedure by hand. */
  private static MixtureFit procedure(EmTest.Setting s, int maxIterations, int finalStarts,
      double tol) {
    ClientBlocks b = EmTest.blocks(s);
    MixtureModel model = MixtureModel.withDefaults().withStarts(8).withFinalStarts(finalStarts)
        .withStartIterations(2).withMaxIterations(maxIterations).withTolerance(tol);
    if (s.q() > 0) {
      model = model.with(WithinClass.RANDOM_INTERCEPT).with(RandomCovariance.COMMON);
    }
    int k = 3;
    MixtureFit fit = Search.fit(model, b, k, RandomSource.XO_RO_SHI_RO_128_PP.create(11), 1);
    // the procedure by hand: draw, run 2 iterations each, continue the best 2
    Params[] init = new Starts(b, s.q()).draw(8, k, RandomSource.XO_RO_SHI_RO_128_PP.create(11));
    List<Em.Run> first = new ArrayList<>();
    for (Params p : init) {
      first.add(new Em(b, k, s.q(), true, s.perD(), tol).run(p, 2));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      order.add(i);
    }
    order.sort((x, y) -> Double.compare(first.get(y).logLik(), first.get(x).logLik()));
    List<Double> finals = new ArrayList<>();
    List<Integer> passes = new ArrayList<>();
    int taken = 0;
    for (int i : order) {
      Em.Run r = first.get(i);
      if (r.failure() != null || taken == finalStarts) {
        continue;
      }
      taken++;
      Em.Run more = r.converged() || maxIterations == 2 ? r
          : new Em(b, k, s.q(), true, s.perD(), tol).runAccelerated(r.params(), maxIterations - 2);
      if (more.failure() == null) {
        finals.add(more.logLik());
        passes.add(more == r ? r.iterations() : r.iterations() + more.iterations());
      }
    }
    int bestRun = finals.indexOf(java.util.Collections.max(finals));
    assertEquals(passes.get(bestRun), fit.convergence().iterations(), s + ", " + maxIterations);
    assertTrue(fit.convergence().iterations() <= maxIterations);
    finals.sort((x, y) -> Double.compare(y, x));
    assertEquals(finals, fit.starts().finalLogLiks(), s.toString());
    double best = finals.get(0);
    assertEquals(finals.stream().filter(l -> best - l <= 1e-6 * (1 + Math.abs(best))).count(),
        fit.starts().bestReplicated(), s.toString());
    assertEquals(finals.get(0), fit.logLik(), 1e-9 * Math.abs(fit.logLik()));
    return fit;
  }

  @Test
  void fit_whenEveryContinuedRunOfABatchFails_continuesTheNextBatch() {
    // three classes on a random panel: five of the eight short runs fail already; of the other
    // three, continued best first, the first two fail and the third gives the solution, so with
    // batches of one start there are three batches, with batches of two there are two
    ClientBlocks b = ClientBlocks.of(SquaremTest.panel(1),
        GrowthModel.withDefaults().with(TimeBasis.QUADRATIC), List.of());
    for (int finalStarts : new int[] {1, 2, 3}) {
      MixtureModel model = MixtureModel.withDefaults().with(TimeBasis.QUADRATIC).withStarts(8)
          .withFinalStarts(finalStarts).withStartIterations(2).withMaxIterations(400)
          .withTolerance(1e-9);
      MixtureFit fit = Search.fit(model, b, 3, RandomSource.XO_RO_SHI_RO_128_PP.create(11), 1);
      // by hand: the short runs best first, continued batch by batch until one gives a solution
      Params[] init = new Starts(b, 0).draw(8, 3, RandomSource.XO_RO_SHI_RO_128_PP.create(11));
      List<Em.Run> first = new ArrayList<>();
      for (Params p : init) {
        first.add(new Em(b, 3, 0, true, true, 1e-9).run(p, 2));
      }
      List<Em.Run> candidates = first.stream().filter(r -> r.failure() == null)
          .sorted((x, y) -> Double.compare(y.logLik(), x.logLik())).collect(Collectors.toList());
      List<Double> finals = new ArrayList<>();
      int failed = 8 - candidates.size();
      int batches = 0;
      for (int from = 0; from < candidates.size() && finals.isEmpty(); from += finalStarts) {
        batches++;
        for (Em.Run r : candidates.subList(from, Math.min(candidates.size(), from + finalStarts))) {
          Em.Run more = new Em(b, 3, 0, true, true, 1e-9).runAccelerated(r.params(), 398);
          if (more.failure() == null) {
            finals.add(more.logLik());
          } else {
            failed++;
          }
        }
      }
      assertEquals(new int[] {3, 2, 1}[finalStarts - 1], batches, "batches of " + finalStarts);
      finals.sort((x, y) -> Double.compare(y, x));
      assertEquals(finals, fit.starts().finalLogLiks(), "batches of " + finalStarts);
      assertEquals(failed, fit.starts().failedStarts(), "batches of " + finalStarts);
      assertEquals(finals.get(0), fit.logLik(), 1e-9 * Math.abs(fit.logLik()));
    }
  }

  @Test
  void fit_ofOneClass_isTheSingleLeastSquaresStart() {
    ClientBlocks b = EmTest.blocks(LCGA);
    MixtureFit fit = Search.fit(MixtureModel.withDefaults(), b, 1,
        RandomSource.XO_RO_SHI_RO_128_PP.create(1), 1);
    assertEquals(1, fit.starts().starts());
    Params ols = new Starts(b, 0).single();
    assertEquals(ols.beta[0] + b.yMean, fit.model().classes().get(0).coefficient("intercept"),
        1e-9);
    assertEquals(ols.beta[1], fit.model().classes().get(0).coefficient("time"), 1e-9);
  }

  @Test
  void fit_whenNoStartGivesASolution_namesTheFailures() {
    ClientBlocks b = EmTest.exactLines();
    Search.NoSolution e = assertThrows(Search.NoSolution.class,
        () -> Search.fit(MixtureModel.withDefaults(), b, 1,
            RandomSource.XO_RO_SHI_RO_128_PP.create(1), 1));
    assertEquals("the only start gave a proper 1-class solution (1 with a residual SD collapsing"
        + " to zero): the data do not support 1 class with a residual SD per class",
        e.getMessage());
    e = assertThrows(Search.NoSolution.class,
        () -> Search.fit(MixtureModel.withDefaults().with(ResidualVariance.COMMON)
            .withStarts(3), b, 2, RandomSource.XO_RO_SHI_RO_128_PP.create(1), 1));
    assertTrue(e.getMessage().startsWith("none of the 3 starts gave a proper 2-class solution ("),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("): the data do not support 2 classes"), e.getMessage());
  }
}
