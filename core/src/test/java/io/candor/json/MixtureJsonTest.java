package io.candor.json;

import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.candor.model.growth.GrowthData;
import io.candor.model.growth.TimeBasis;
import io.candor.model.mixture.ClassEnumeration;
import io.candor.model.mixture.MixtureFit;
import io.candor.model.mixture.MixtureModel;
import io.candor.model.mixture.NewClient;
import io.candor.model.mixture.RandomCovariance;
import io.candor.model.mixture.ResidualVariance;
import io.candor.model.mixture.TrajectoryClasses;
import io.candor.model.mixture.WithinClass;
import io.candor.testing.Gen;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Latent trajectory classes round-trip exactly through the envelope; bad documents name the path. */
class MixtureJsonTest {

  /** A small random panel (2 shapes, some dropout, a client-level covariate) and a configuration. */
  record Case(GrowthData data, MixtureModel model) {}

  private static final Gen<Case> CASES = rng -> {
    ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
    int clients = 20 + rng.nextInt(30);
    List<String> ids = new ArrayList<>();
    List<Double> ts = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    Map<String, Double> x = new LinkedHashMap<>();
    for (int c = 0; c < clients; c++) {
      boolean fast = rng.nextBoolean();
      double b = z.sample();
      int last = 1 + rng.nextInt(7);
      for (int t = 0; t <= last; t++) {
        ids.add("c" + c);
        ts.add((double) t);
        ys.add((fast ? 18 - 4 * Math.log1p(t) : 15 - 0.3 * t) + b + 1.5 * z.sample());
      }
      x.put("c" + c, fast == rng.nextDouble() < 0.7 ? 1.0 : 0.0);
    }
    GrowthData data = GrowthData.of(ids.toArray(new String[0]),
        ts.stream().mapToDouble(Double::doubleValue).toArray(),
        ys.stream().mapToDouble(Double::doubleValue).toArray()).withClientCovariate("x", x);
    TimeBasis[] bases = {TimeBasis.LINEAR, TimeBasis.LOG, TimeBasis.QUADRATIC};
    MixtureModel m = MixtureModel.withDefaults().withStarts(3).withFinalStarts(2)
        .with(WithinClass.values()[rng.nextInt(3)])
        .with(ResidualVariance.values()[rng.nextInt(2)])
        .with(RandomCovariance.values()[rng.nextInt(2)]);
    int basis = rng.nextInt(4);
    m = basis == 3 ? m.withPiecewise(2) : m.with(bases[basis]);
    if (rng.nextBoolean()) {
      m = m.withMembershipCovariates("x");
    }
    return new Case(data, m);
  };

  private static <T> void assertRoundTrip(T value, Class<T> type) {
    assertEquals(value, CandorJson.fromJson(CandorJson.toJson(value), type));
  }

  @Test
  void fitsModelsAndForecasts_roundTripExactly_property() {
    qt().withExamples(12).forAll(quick(CASES)).checkAssert(c -> {
      ClassEnumeration e;
      try {
        e = c.model().compare(c.data(), 1, 2, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
      } catch (IllegalArgumentException degenerate) {
        return; // e.g. shrunk to noise-free scores that lie exactly on the curves: nothing to write
      }
      assertRoundTrip(e, ClassEnumeration.class);
      for (MixtureFit f : e.fits()) {
        assertRoundTrip(f, MixtureFit.class);
        assertRoundTrip(f.model(), TrajectoryClasses.class);
        NewClient client = NewClient.of(new double[] {0, 1}, new double[] {17, 15});
        if (!f.model().membershipCovariates().isEmpty()) {
          client = client.withCovariate("x", 1);
        }
        TrajectoryClasses back = CandorJson.fromJson(CandorJson.toJson(f.model()),
            TrajectoryClasses.class);
        assertEquals(f.model().forecast(client, new double[] {2, 5}),
            back.forecast(client, new double[] {2, 5}));
      }
    });
  }

  private static String sampleFit() {
    Case c = CASES.generate(RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
    return CandorJson.toJson(MixtureModel.withDefaults().withStarts(3).fit(c.data(), 2,
        RandomSource.XO_RO_SHI_RO_128_PP.create(4L)));
  }

  @Test
  void fit_hasTheFieldsTheIssueNames() {
    String json = sampleFit();
    for (String field : new String[] {"\"k\"", "\"logLik\"", "\"parameters\"", "\"aic\"",
        "\"bic\"", "\"sabic\"", "\"icl\"", "\"entropy\"", "\"converged\"", "\"bestReplicated\"",
        "\"classes\"", "\"share\"", "\"coefficients\"", "\"term\"", "\"estimate\"",
        "\"residualSd\"", "\"avePosterior\"", "\"bicRows\""}) {
      assertTrue(json.contains(field), field);
    }
  }

  @Test
  void editedCriterion_isRejectedNamingThePath() {
    String json = sampleFit().replaceFirst("\"aic\" : [0-9.Ee-]+", "\"aic\" : 1.5");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CandorJson.fromJson(json, MixtureFit.class));
    assertTrue(e.getMessage().contains("mixtureFit.aic is 1.5 but the other fields give"),
        e.getMessage());
  }

  @Test
  void badDocuments_nameThePathAndValue() {
    String json = sampleFit();
    assertMessage(json.replaceFirst("\"basis\" : \"[A-Z]+\"", "\"basis\" : \"CUBIC\""),
        "mixtureFit.model.basis");
    assertMessage(json.replaceFirst("\"share\" : [0-9.Ee-]+", "\"share\" : 1.5"),
        "mixtureFit.classes[0]: share must be a probability in [0, 1], was 1.5");
    assertMessage(json.replaceFirst("\"residualSd\" : [0-9.Ee-]+", "\"residualSd\" : -1"),
        "mixtureFit.classes[0]: residualSd must be > 0");
    assertMessage(json.replaceFirst("\"k\" : 2,", "\"k\" : 2, \"colour\" : 1,"),
        "mixtureFit.colour is not a known field");
    assertMessage(json.replaceFirst("\"term\" : \"intercept\"", "\"term\" : \"level\""),
        "has terms [level");
  }

  private static void assertMessage(String json, String part) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CandorJson.fromJson(json, MixtureFit.class));
    assertTrue(e.getMessage().contains(part), e.getMessage());
  }
}
