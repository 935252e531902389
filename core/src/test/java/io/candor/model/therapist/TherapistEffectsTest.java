package io.candor.model.therapist;

import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.candor.measure.Instruments;
import io.candor.model.growth.Estimation;
import io.candor.testing.CandorGenerators;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class TherapistEffectsTest {

  private static UniformRandomProvider rng(long seed) {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
  }

  @Test
  void fit_isReproducibleFromTheGeneratorsState() {
    TherapistData d = PrePost.data();
    TherapistEffects config = TherapistEffects.withDefaults()
        .with(IccInterval.PARAMETRIC_BOOTSTRAP).withReplicates(50).withRankDraws(200);
    TherapistEffectsFit a = config.fit(d, rng(42));
    TherapistEffectsFit b = config.fit(d, rng(42));
    assertEquals(a, b);
    assertNotEquals(a.effects(), config.fit(d, rng(43)).effects(), "other draws, other ranks");
  }

  @Test
  void bootstrapInterval_isPlausibleNextToTheProfileInterval() {
    TherapistData d = PrePost.data();
    TherapistEffectsFit profile = TherapistEffects.withDefaults().fit(d, rng(1));
    TherapistEffectsFit boot = TherapistEffects.withDefaults()
        .with(IccInterval.PARAMETRIC_BOOTSTRAP).withReplicates(200).fit(d, rng(1));
    assertEquals(profile.icc().estimate(), boot.icc().estimate(), 0);
    assertEquals(200, boot.icc().replicates());
    assertEquals(IccInterval.PARAMETRIC_BOOTSTRAP, boot.icc().method());
    // both intervals cover the estimate and overlap heavily (0.035-0.167 by profile likelihood)
    assertTrue(boot.icc().lower() < profile.icc().estimate()
        && profile.icc().estimate() < boot.icc().upper(), boot.icc().toString());
    assertTrue(Math.abs(boot.icc().upper() - profile.icc().upper()) < 0.06, boot.icc().toString());
  }

  @Test
  void rankIntervals_areWiderForSmallCaseloads_andStayWithinOneToK() {
    TherapistEffectsFit fit = TherapistEffects.withDefaults().fit(PrePost.data(), rng(3));
    int k = fit.therapists();
    TherapistEffect one = fit.effect("T01"); // one client
    for (TherapistEffect e : fit.effects()) {
      assertTrue(e.rankLower() >= 1 && e.rankUpper() <= k, e.toString());
    }
    int widest = fit.effects().stream().mapToInt(e -> e.rankUpper() - e.rankLower()).max()
        .orElseThrow();
    assertTrue(one.rankUpper() - one.rankLower() >= widest - 3, one.toString());
    assertEquals(1, one.clients());
    assertTrue(one.reliability() < 0.2, "one client says little: " + one.reliability());
    TherapistEffect big = fit.effects().stream().max((a, b) -> a.clients() - b.clients())
        .orElseThrow();
    assertTrue(big.reliability() > one.reliability());
    assertTrue(big.effectSd() < one.effectSd());
  }

  @Test
  void intervalsFromTheSameDraws_nestByLevel() {
    // the same generator state gives the same bootstrap replicates and rank draws at any level,
    // so a 50 % interval lies inside the 95 % one and is narrower
    TherapistData d = PrePost.data();
    TherapistEffects boot = TherapistEffects.withDefaults()
        .with(IccInterval.PARAMETRIC_BOOTSTRAP).withReplicates(40).withRankDraws(200);
    TherapistEffectsFit wide = boot.fit(d, rng(9));
    TherapistEffectsFit narrow = boot.withConfidenceLevel(0.5).fit(d, rng(9));
    assertTrue(wide.icc().lower() <= narrow.icc().lower()
        && narrow.icc().upper() <= wide.icc().upper(), narrow.icc() + " in " + wide.icc());
    assertTrue(narrow.icc().upper() - narrow.icc().lower()
        < wide.icc().upper() - wide.icc().lower(), narrow.icc() + " in " + wide.icc());
    int narrowWidth = 0;
    int wideWidth = 0;
    for (TherapistEffect n : narrow.effects()) {
      TherapistEffect w = wide.effect(n.therapist());
      assertTrue(w.rankLower() <= n.rankLower() && n.rankUpper() <= w.rankUpper(),
          n + " in " + w);
      narrowWidth += n.rankUpper() - n.rankLower();
      wideWidth += w.rankUpper() - w.rankLower();
    }
    assertTrue(narrowWidth < wideWidth, narrowWidth + " < " + wideWidth);
  }

  @Test
  void caseloadForReliability_followsSpearmanBrown() {
    TherapistEffectsFit fit = TherapistEffects.withDefaults().fit(PrePost.data(), rng(3));
    double tau2 = fit.therapistSd() * fit.therapistSd();
    double sigma2 = fit.residualSd() * fit.residualSd();
    int n = fit.caseloadForReliability().orElseThrow();
    double at = tau2 / (tau2 + sigma2 / n);
    double below = tau2 / (tau2 + sigma2 / (n - 1));
    assertTrue(at >= 0.7 && below < 0.7, n + ": " + below + " -> " + at);
    TherapistEffectsFit stricter = TherapistEffects.withDefaults().withReliabilityTarget(0.9)
        .fit(PrePost.data(), rng(3));
    assertTrue(stricter.caseloadForReliability().orElseThrow() > n);
  }

  @Test
  void fit_rejectsConstantAndUnknownCovariates_namingThem() {
    TherapistData d = PrePost.data();
    double[] same = new double[d.size()];
    Arrays.fill(same, 40);
    TherapistData constant = d.withCovariate("site", same);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TherapistEffects.withDefaults().withCovariates("site").fit(constant, rng(1)));
    assertTrue(e.getMessage().contains("site") && e.getMessage().contains("(40)"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> TherapistEffects.withDefaults().withCovariates("nope").fit(d, rng(1)));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
  }

  @Test
  void configuration_validatesAndComparesByValue() {
    TherapistEffects d = TherapistEffects.withDefaults();
    assertEquals(d, TherapistEffects.withDefaults().withConfidenceLevel(0.95));
    assertNotEquals(d, d.withRankDraws(500));
    assertEquals(d.hashCode(), TherapistEffects.withDefaults().hashCode());
    assertTrue(d.toString().contains("post ~ pre + (1 | therapist)"), d.toString());
    assertThrows(IllegalArgumentException.class, () -> d.withConfidenceLevel(1));
    assertThrows(IllegalArgumentException.class, () -> d.withReplicates(5));
    assertThrows(IllegalArgumentException.class, () -> d.withRankDraws(10));
    assertThrows(IllegalArgumentException.class, () -> d.withReliabilityTarget(0));
    assertThrows(IllegalArgumentException.class, () -> d.withCovariates("age", "age"));
    assertThrows(IllegalArgumentException.class, () -> d.withCovariates("pre"));
  }

  @Test
  void configuration_keepsComparesHashesAndPrintsEverySetting() {
    TherapistEffects a = TherapistEffects.withDefaults().with(Estimation.ML)
        .with(IccInterval.PARAMETRIC_BOOTSTRAP).withReplicates(200).withCovariates("age");
    assertEquals("TherapistEffects[post ~ pre + age + (1 | therapist), ML, ICC interval"
        + " PARAMETRIC_BOOTSTRAP (200 replicates), level 0.95, 1000 rank draws, reliability"
        + " target 0.7]", a.toString());
    assertEquals(a, TherapistEffects.withDefaults().withCovariates("age").withReplicates(200)
        .with(IccInterval.PARAMETRIC_BOOTSTRAP).with(Estimation.ML));
    for (TherapistEffects other : java.util.List.of(a.with(Estimation.REML),
        a.with(IccInterval.PROFILE_LIKELIHOOD), a.withConfidenceLevel(0.9), a.withReplicates(300),
        a.withRankDraws(2000), a.withCovariates(), a.withReliabilityTarget(0.8))) {
      assertNotEquals(a, other, other.toString());
      assertNotEquals(a.hashCode(), other.hashCode(), other.toString());
    }
    assertTrue(TherapistEffects.withDefaults().toString().contains("ICC interval"
        + " PROFILE_LIKELIHOOD, level"), TherapistEffects.withDefaults().toString());
  }

  @Test
  void iccIntervals_parseTheirNamesAndShortForms() {
    for (IccInterval i : IccInterval.values()) {
      assertEquals(i, IccInterval.parse(i.name().toLowerCase(java.util.Locale.ROOT)
          .replace('_', '-')));
    }
    assertEquals(IccInterval.PROFILE_LIKELIHOOD, IccInterval.parse(" Profile "));
    assertEquals(IccInterval.PARAMETRIC_BOOTSTRAP, IccInterval.parse("BOOTSTRAP"));
    assertThrows(IllegalArgumentException.class, () -> IccInterval.parse("profiles"));
    assertThrows(IllegalArgumentException.class, () -> IccInterval.parse(null));
  }

  @Test
  void iccEstimate_acceptsAPointInterval_andRefusesCrossedLimits() {
    IccEstimate point = new IccEstimate(0.1, 0.1, 0.1, 0.95, IccInterval.PROFILE_LIKELIHOOD, 0);
    assertEquals(0.1, point.lower());
    assertThrows(IllegalArgumentException.class,
        () -> new IccEstimate(0.1, 0.2, 0.1, 0.95, IccInterval.PROFILE_LIKELIHOOD, 0));
  }

  @Test
  void effects_areInvariantToRenamingTherapists_property() {
    qt().withExamples(10)
        .forAll(quick(CandorGenerators.therapistData(Instruments.PHQ9, 6, 12)))
        .checkAssert(d -> {
          if (d.size() <= d.therapists().size() + 2) {
            return; // too few clients to separate therapist from residual variance
          }
          String[] renamed = Arrays.stream(d.therapistOfClients()).map(t -> "x" + t)
              .toArray(String[]::new);
          TherapistData r = TherapistData.of(d.instrument(), renamed, d.clients(), d.pre(),
              d.post());
          TherapistEffectsFit a = TherapistEffects.withDefaults().fit(d, rng(5));
          TherapistEffectsFit b = TherapistEffects.withDefaults().fit(r, rng(5));
          assertEquals(a.icc(), b.icc());
          for (int j = 0; j < a.effects().size(); j++) {
            assertEquals(a.effects().get(j).effect(), b.effects().get(j).effect(), 0);
            assertEquals(a.effects().get(j).rankLower(), b.effects().get(j).rankLower());
          }
        });
  }

  /**
   * End scores that are the same function of intake under every therapist: the between-therapist
   * variance is estimated as 0, a boundary result. Every therapist is then the average therapist,
   * and no ranking is supported: each rank interval is the whole 1..k.
   */
  @Test
  void zeroBetweenTherapistVariance_isABoundaryResult_withEveryRankIntervalOneToK() {
    int k = 4;
    String[] th = new String[20];
    String[] cl = new String[20];
    double[] pre = new double[20];
    double[] post = new double[20];
    for (int i = 0; i < 20; i++) {
      th[i] = "T" + (i % k);
      cl[i] = "c" + i;
      pre[i] = 10 + (i % 7);
      post[i] = pre[i] - 3 + ((i * 7) % 5 - 2);
    }
    TherapistData d = TherapistData.of(Instruments.PHQ9, th, cl, pre, post);
    for (IccInterval interval : IccInterval.values()) {
      TherapistEffectsFit fit = TherapistEffects.withDefaults().with(interval).withReplicates(50)
          .withRankDraws(200).fit(d, rng(5));
      assertTrue(fit.boundary());
      assertEquals(0, fit.therapistSd());
      assertEquals(0, fit.icc().estimate());
      assertEquals(0, fit.icc().lower());
      assertTrue(fit.icc().upper() > 0 && fit.icc().upper() < 1, fit.icc().toString());
      assertTrue(fit.caseloadForReliability().isEmpty(), "no caseload makes 0 variance reliable");
      for (TherapistEffect e : fit.effects()) {
        assertEquals(0, e.effect());
        assertEquals(0, e.effectSd());
        assertEquals(0, e.reliability());
        assertEquals(1, e.rankLower(), e.toString());
        assertEquals(k, e.rankUpper(), e.toString());
      }
      String json = io.candor.json.CandorJson.toJson(fit);
      assertTrue(!json.contains("NaN") && !json.contains("Infinity"), json);
    }
  }

  @Test
  void tiedEffects_shareTheRanksTheyTie_forEveryDraw() {
    // two therapists whose draws always tie (effect 0, SD 0) beside one clearly better and one
    // clearly worse: the tied pair's intervals are 2..3, not an arbitrary 2 and 3
    int[][] ranks = TherapistEffects.withDefaults().withRankDraws(100).rankIntervals(
        new double[] {-5, 0, 0, 5}, new double[] {0.01, 0, 0, 0.01},
        io.candor.measure.Direction.HIGHER_IS_WORSE, rng(9));
    assertEquals(java.util.List.of(1, 2, 2, 4), Arrays.stream(ranks[0]).boxed().toList());
    assertEquals(java.util.List.of(1, 3, 3, 4), Arrays.stream(ranks[1]).boxed().toList());
  }
}
