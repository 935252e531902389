package io.candor.json;

import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.candor.measure.Instruments;
import io.candor.model.dose.BinomialRegressionFit;
import io.candor.model.growth.RandomInterceptFit;
import io.candor.model.growth.RandomInterceptRegression;
import io.candor.model.therapist.CaseMixFunnel;
import io.candor.model.therapist.FunnelFit;
import io.candor.model.therapist.FunnelOutcome;
import io.candor.model.therapist.TherapistComparison;
import io.candor.model.therapist.TherapistData;
import io.candor.model.therapist.TherapistEffects;
import io.candor.model.therapist.TherapistEffectsFit;
import io.candor.testing.CandorGenerators;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Therapist comparisons and the models behind them round-trip exactly through the envelope. */
class TherapistJsonTest {

  private static <T> void assertRoundTrip(T value, Class<T> type) {
    assertEquals(value, CandorJson.fromJson(CandorJson.toJson(value), type));
  }

  @Test
  void therapistResults_roundTrip_property() {
    qt().withExamples(15)
        .forAll(quick(CandorGenerators.therapistData(Instruments.PHQ9, 8, 20)))
        .checkAssert(d -> {
          FunnelFit funnel;
          TherapistEffectsFit effects;
          try {
            funnel = CaseMixFunnel.withDefaults().with(FunnelOutcome.RELIABLE_IMPROVEMENT)
                .withCovariates("age").fit(d);
            effects = TherapistEffects.withDefaults().fit(d,
                RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
          } catch (IllegalArgumentException degenerate) {
            return; // e.g. every case improved, or one client per therapist: nothing to write
          }
          assertRoundTrip(funnel, FunnelFit.class);
          assertRoundTrip(funnel.caseMix(), BinomialRegressionFit.class);
          assertRoundTrip(effects, TherapistEffectsFit.class);
          assertRoundTrip(TherapistComparison.of(funnel, effects), TherapistComparison.class);
          RandomInterceptFit ri = RandomInterceptRegression.withDefaults()
              .fit(d.therapistOfClients(), d.post(), List.of("pre"), List.of(d.pre()));
          assertRoundTrip(ri, RandomInterceptFit.class);
        });
  }

  @Test
  void comparison_hasTheDocumentedFields_andRejectsAnOutOfRangeValueNamingThePath() {
    TherapistData d = CandorGenerators.therapistData(Instruments.PHQ9, 6, 20)
        .generate(RandomSource.XO_RO_SHI_RO_128_PP.create(4L));
    TherapistComparison c = TherapistComparison.compare(d, TherapistEffects.withDefaults(),
        CaseMixFunnel.withDefaults(), RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
    String json = CandorJson.toJson(c);
    for (String field : new String[] {"\"overall\"", "\"icc\"", "\"therapistSd\"",
        "\"residualSd\"", "\"fixedEffects\"", "\"therapists\"", "\"lower95\"", "\"upper998\"",
        "\"effectSd\"", "\"rankLower\"", "\"rankUpper\""}) {
      assertTrue(json.contains(field), field);
    }
    String broken = json.replaceFirst("\"overall\" : [0-9.Ee-]+", "\"overall\" : 1.5");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CandorJson.fromJson(broken, TherapistComparison.class));
    assertTrue(e.getMessage().contains("overall"), e.getMessage());
  }
}
