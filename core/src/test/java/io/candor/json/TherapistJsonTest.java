package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.candor.measure.Instruments;
import io.candor.model.dose.BinomialRegressionFit;
import io.candor.model.growth.RandomInterceptFit;
import io.candor.model.growth.RandomInterceptRegression;
import io.candor.model.therapist.CaseMixFunnel;
import io.candor.model.therapist.FunnelFit;
import io.candor.model.therapist.TherapistComparison;
import io.candor.model.therapist.TherapistData;
import io.candor.model.therapist.TherapistEffects;
import io.candor.model.therapist.TherapistEffectsFit;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class TherapistJsonTest {

  static TherapistData data(long seed, int therapists) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int n = therapists * 12;
    String[] t = new String[n];
    String[] c = new String[n];
    double[] pre = new double[n];
    double[] post = new double[n];
    double[] age = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = "T" + (i % therapists);
      c[i] = "c" + i;
      pre[i] = 8 + rng.nextInt(20);
      post[i] = Math.max(0, Math.min(27, Math.round(pre[i] * 0.6 + rng.nextInt(9) - 4)));
      age[i] = 20 + rng.nextInt(50);
    }
    return TherapistData.of(Instruments.PHQ9, t, c, pre, post).withCovariate("age", age);
  }

  private static <T> void assertRoundTrip(T value, Class<T> type) {
    assertEquals(value, CandorJson.fromJson(CandorJson.toJson(value), type));
  }

  @Test
  void therapistResults_roundTrip() {
    TherapistData d = data(3, 8);
    TherapistComparison cmp = TherapistComparison.compare(d, TherapistEffects.withDefaults(),
        CaseMixFunnel.withDefaults(), RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
    assertRoundTrip(cmp, TherapistComparison.class);
    assertRoundTrip(CaseMixFunnel.withDefaults().fit(d), FunnelFit.class);
    assertRoundTrip(TherapistEffects.withDefaults().fit(d,
        RandomSource.XO_RO_SHI_RO_128_PP.create(9L)), TherapistEffectsFit.class);
    assertRoundTrip(RandomInterceptRegression.withDefaults().fit(d.therapistOfClients(), d.post(),
        List.of("pre"), List.of(d.pre())), RandomInterceptFit.class);
    assertRoundTrip(CaseMixFunnel.withDefaults().fit(d).caseMix(), BinomialRegressionFit.class);
  }
}
