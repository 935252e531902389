package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.RandomPart;
import io.candor.progress.ExpectedResponseModel;
import org.junit.jupiter.api.Test;

class GrowthJsonTest {

  private static GrowthFit fit(RandomPart random) {
    String[] ids = new String[24];
    double[] t = new double[24];
    double[] y = new double[24];
    for (int i = 0; i < 24; i++) {
      ids[i] = "c" + (i / 4);
      t[i] = i % 4;
      y[i] = 20 - 2 * (i % 4) + ((i / 4) % 3) * 1.5 + ((i * 7) % 5) * 0.3 - (i % 4) * ((i / 4) % 2);
    }
    return GrowthModel.withDefaults().with(random).fit(GrowthData.of(ids, t, y));
  }

  @Test
  void write_thenReadModel_givesTheSameModel() {
    GrowthFit f = fit(RandomPart.INTERCEPT_SLOPE);
    String json = GrowthJson.write(f);
    for (String field : new String[] {"\"method\"", "\"nClients\"", "\"nObservations\"",
        "\"fixedEffects\"", "\"term\"", "\"estimate\"", "\"se\"", "\"randomEffects\"",
        "\"interceptSd\"", "\"slopeSd\"", "\"correlation\"", "\"residualSd\"", "\"logLik\"",
        "\"remlCriterion\"", "\"aic\"", "\"bic\"", "\"converged\"", "\"iterations\""}) {
      assertTrue(json.contains(field), field);
    }
    assertEquals(ExpectedResponseModel.from(f), GrowthJson.readModel(json, "fit.json"));
    String bare = GrowthJson.write(ExpectedResponseModel.from(f));
    assertEquals(ExpectedResponseModel.from(f), GrowthJson.readModel(bare, "bare.json"));
  }

  @Test
  void randomInterceptFit_writesNullSlope() {
    String json = GrowthJson.write(fit(RandomPart.INTERCEPT));
    assertTrue(json.contains("\"slopeSd\" : null"), json);
  }

  @Test
  void readModel_rejectsOtherJsonNamingTheSource() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GrowthJson.readModel("{\"a\": 1}", "x.json"));
    assertTrue(e.getMessage().startsWith("x.json"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GrowthJson.readModel("not json", "y"));
  }
}
