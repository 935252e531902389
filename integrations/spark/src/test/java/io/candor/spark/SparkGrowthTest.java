package io.candor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Cohort;
import io.candor.measure.Instruments;
import io.candor.model.growth.ClientEffects;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.RandomPart;
import io.candor.model.growth.TimeBasis;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.Simulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class SparkGrowthTest {

  private static final Cohort COHORT = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9))
      .cohort(9L, 400, Arm.TREATED, 2);
  private static final LongColumns COLS = LongColumns.of("id", "session", "score");

  private static void assertSameFit(GrowthFit single, GrowthFit spark) {
    double[] a = single.beta();
    double[] b = spark.beta();
    for (int j = 0; j < a.length; j++) {
      assertEquals(a[j], b[j], 1e-9 * Math.abs(a[j]), "beta " + j);
      assertEquals(single.fixedEffects().get(j).se(), spark.fixedEffects().get(j).se(),
          1e-9 * single.fixedEffects().get(j).se(), "se " + j);
    }
    double[][] da = single.randomCovariance();
    double[][] db = spark.randomCovariance();
    for (int j = 0; j < da.length; j++) {
      for (int k = 0; k < da.length; k++) {
        assertEquals(da[j][k], db[j][k], 1e-9 * Math.abs(da[j][j]), "D " + j + "," + k);
      }
    }
    assertEquals(single.residualSd(), spark.residualSd(), 1e-9 * single.residualSd());
    assertEquals(single.deviance(), spark.deviance(), 1e-9 * Math.abs(single.deviance()));
    assertEquals(single.convergence().converged(), spark.convergence().converged());
  }

  @Test
  void fit_equalsTheSingleMachineFitWithoutCollectingRows() {
    GrowthData data = GrowthData.fromCohort(COHORT, "PHQ-9");
    for (GrowthModel model : List.of(GrowthModel.withDefaults().with(TimeBasis.LOG),
        GrowthModel.withDefaults().with(RandomPart.INTERCEPT))) {
      GrowthFit single = model.fit(data);
      SparkGrowth.Fit spark = SparkGrowth.fit(SparkTests.rows(COHORT, 3), COLS, model);
      assertSameFit(single, spark.fit());
      Map<String, Row> effects = new HashMap<>();
      for (Row r : spark.clientEffects().collectAsList()) {
        effects.put(r.getString(0), r);
      }
      assertEquals(single.clients(), effects.size());
      for (ClientEffects e : single.clientEffects().subList(0, 50)) {
        Row r = effects.get(e.client());
        assertEquals(e.intercept(), r.getDouble(2), 1e-9 * single.interceptSd());
        assertEquals(e.slope(), r.getDouble(3), 1e-9);
      }
    }
  }

  @Test
  void fit_doesNotDependOnThePartitioning() {
    GrowthModel model = GrowthModel.withDefaults().with(RandomPart.INTERCEPT);
    GrowthFit two = SparkGrowth.fit(SparkTests.rows(COHORT, 2), COLS, model).fit();
    GrowthFit five = SparkGrowth.fit(SparkTests.rows(COHORT, 5), COLS, model).fit();
    assertEquals(java.util.Arrays.toString(two.beta()), java.util.Arrays.toString(five.beta()));
    assertEquals(two.deviance(), five.deviance());
  }

  @Test
  void fit_onAnInstrument_recordsItAndChecksEveryScore() {
    GrowthModel model = GrowthModel.withDefaults().with(RandomPart.INTERCEPT);
    SparkGrowth.Fit fit = SparkGrowth.fit(SparkTests.rows(COHORT, 2), COLS, model, Instruments.PHQ9);
    assertEquals(Instruments.PHQ9, fit.fit().scale());
    assertEquals(model.fit(GrowthData.fromCohort(COHORT, "PHQ-9")).timeRange(), fit.fit().timeRange());
    Dataset<Row> high = SparkTests.spark().createDataFrame(List.of(
        RowFactory.create("a", "PHQ-9", 0, 20.0), RowFactory.create("a", "PHQ-9", 1, 35.0)),
        SparkTests.LONG);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SparkGrowth.fit(high, COLS, model, Instruments.PHQ9));
    assertTrue(e.getMessage().contains("score of client a at time 1.0"), e.getMessage());
  }

  @Test
  void badInput_failsClearly() {
    IllegalArgumentException covariate = assertThrows(IllegalArgumentException.class,
        () -> SparkGrowth.fit(SparkTests.rows(COHORT, 2), COLS,
            GrowthModel.withDefaults().withCovariates("age")));
    assertTrue(covariate.getMessage().startsWith("column \"age\" (a covariate) not found"),
        covariate.getMessage());
    Dataset<Row> constant = SparkTests.spark().createDataFrame(List.of(
        RowFactory.create("a", "PHQ-9", 1, 20.0), RowFactory.create("b", "PHQ-9", 1, 15.0),
        RowFactory.create("c", "PHQ-9", 1, 14.0)), SparkTests.LONG);
    IllegalArgumentException time = assertThrows(IllegalArgumentException.class,
        () -> SparkGrowth.fit(constant, COLS, GrowthModel.withDefaults()));
    assertEquals("the time column is constant (every time is 1): growth cannot be estimated",
        time.getMessage());
  }
}
