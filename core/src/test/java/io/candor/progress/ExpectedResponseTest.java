package io.candor.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import io.candor.measure.Direction;
import io.candor.measure.Instruments;
import io.candor.model.DataRange;
import io.candor.model.growth.ClientEffects;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.Interactions;
import io.candor.model.growth.TimeBasis;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class ExpectedResponseTest {

  /** sleepstudy-like toy panel: 8 clients, sessions 0..5, log-shaped decline. */
  static GrowthData panel() {
    double[][] y = {
      {20, 16, 14, 13, 12, 12}, {18, 17, 15, 15, 13, 12}, {22, 18, 17, 14, 13, 11},
      {15, 13, 12, 10, 10, 9}, {24, 22, 21, 20, 19, 19}, {19, 15, 12, 11, 9, 8},
      {17, 16, 16, 14, 14, 13}, {21, 17, 15, 14, 14, 12}};
    String[] ids = new String[48];
    double[] t = new double[48];
    double[] s = new double[48];
    for (int c = 0; c < 8; c++) {
      for (int k = 0; k < 6; k++) {
        ids[6 * c + k] = "c" + c;
        t[6 * c + k] = k;
        s[6 * c + k] = y[c][k];
      }
    }
    return GrowthData.of(ids, t, s);
  }

  static GrowthFit fit() {
    return GrowthModel.withDefaults().with(TimeBasis.LOG).fit(panel());
  }

  @Test
  void forecastAt_isTheForecastCurveAtThatSession() {
    for (BandUncertainty bands : BandUncertainty.values()) {
      ExpectedResponse er = ExpectedResponse.of(ExpectedResponseModel.from(fit())).with(bands);
      int[] sessions = {0, 1, 3};
      double[] scores = {300, 290, 310};
      ExpectedCurve curve = er.forecast(sessions, scores, 9);
      for (int t = 0; t <= 9; t++) {
        assertEquals(curve.sessions().get(t), er.forecastAt(sessions, scores, t));
      }
    }
    assertThrows(IllegalArgumentException.class,
        () -> ExpectedResponse.of(ExpectedResponseModel.from(fit())).forecastAt(new int[] {0},
            new double[] {1}, -1));
  }

  @Test
  void forecast_equalsTheFittedBlupPredictionForAFittedClient() {
    GrowthFit fit = fit();
    ExpectedResponse er = ExpectedResponse.of(ExpectedResponseModel.from(fit));
    ExpectedCurve curve = er.forecast(new int[] {0, 1, 2, 3, 4, 5},
        new double[] {20, 16, 14, 13, 12, 12}, 8);
    ClientEffects c0 = fit.clientEffects().get(0);
    double[] b = fit.beta();
    for (int t = 0; t <= 8; t++) {
      double expected = b[0] + c0.intercept() + (b[1] + c0.slope()) * Math.log1p(t);
      assertEquals(expected, curve.at(t).mean(), 1e-9);
    }
  }

  @Test
  void forecast_agreesWithDenseGaussianConditioning() {
    GrowthFit fit = fit();
    ExpectedResponse er = ExpectedResponse.of(ExpectedResponseModel.from(fit))
        .with(BandUncertainty.RANDOM_AND_RESIDUAL);
    int[] sess = {0, 2, 3};
    double[] obs = {19, 15, 16};
    ExpectedCurve curve = er.forecast(sess, obs, 6);
    double[][] dm = fit.randomCovariance();
    double s2 = fit.residualSd() * fit.residualSd();
    double[] b = fit.beta();
    // joint covariance of (y_obs, y_new) under the model
    int target = 6;
    double[] times = {0, 2, 3, target};
    RealMatrix cov = new Array2DRowRealMatrix(4, 4);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        double[] zi = {1, Math.log1p(times[i])};
        double[] zj = {1, Math.log1p(times[j])};
        double v = 0;
        for (int a = 0; a < 2; a++) {
          for (int c = 0; c < 2; c++) {
            v += zi[a] * dm[a][c] * zj[c];
          }
        }
        cov.setEntry(i, j, v + (i == j ? s2 : 0));
      }
    }
    RealMatrix soo = cov.getSubMatrix(0, 2, 0, 2);
    RealVector sno = cov.getRowVector(3).getSubVector(0, 3);
    RealVector resid = new ArrayRealVector(3);
    for (int k = 0; k < 3; k++) {
      resid.setEntry(k, obs[k] - b[0] - b[1] * Math.log1p(times[k]));
    }
    RealMatrix inv = new LUDecomposition(soo).getSolver().getInverse();
    double mean = b[0] + b[1] * Math.log1p(target) + sno.dotProduct(inv.operate(resid));
    double var = cov.getEntry(3, 3) - sno.dotProduct(inv.operate(sno));
    assertEquals(mean, curve.at(target).mean(), 1e-9);
    assertEquals(Math.sqrt(var), curve.at(target).sd(), 1e-9);
  }

  @Test
  void fixedEffectUncertainty_widensTheBands() {
    ExpectedResponse er = ExpectedResponse.of(ExpectedResponseModel.from(fit()));
    ExpectedCurve narrow = er.fromIntake(20, 10);
    ExpectedCurve wide = er.with(BandUncertainty.WITH_FIXED_EFFECTS).fromIntake(20, 10);
    for (int t = 1; t <= 10; t++) {
      assertTrue(wide.at(t).sd() > narrow.at(t).sd());
      assertEquals(narrow.at(t).mean(), wide.at(t).mean(), 1e-12);
    }
    assertEquals(5, narrow.percentiles().size());
    SessionExpectation s = narrow.at(4);
    assertEquals(s.mean(), s.quantiles().get(2), 1e-12);
    assertTrue(s.quantiles().get(0) < s.quantiles().get(4));
  }

  @Test
  void higherIntake_raisesTheExpectedCurve() {
    ExpectedResponse er = ExpectedResponse.of(ExpectedResponseModel.from(fit()));
    assertTrue(er.fromIntake(24, 6).at(6).mean() > er.fromIntake(16, 6).at(6).mean());
  }

  @Test
  void preparedCurve_signalsFourLevelsWithReasons() {
    ExpectedResponse er = ExpectedResponse.of(ExpectedResponseModel.from(fit()));
    AlertRules rules = AlertRules.withDefaults().withFunctionalCutoff(10);
    PreparedCurve pc = er.prepare(20, 12, rules);
    SessionExpectation at4 = pc.curve().at(4);
    Alert asExpected = pc.evaluate(4, at4.mean());
    assertEquals(Signal.ADEQUATE_PROGRESS, asExpected.signal());
    assertEquals(0.5, asExpected.worsePercentile(), 1e-12);
    assertTrue(asExpected.onTrack());
    Alert yellow = pc.evaluate(4, at4.mean() + 1.0 * at4.sd());
    assertEquals(Signal.LESS_THAN_EXPECTED, yellow.signal());
    assertFalse(yellow.onTrack());
    Alert red = pc.evaluate(4, at4.mean() + 2 * at4.sd());
    assertEquals(Signal.AT_RISK, red.signal());
    assertFalse(red.onTrack());
    assertTrue(red.reason().contains("at risk"), red.reason());
    assertTrue(red.reason().contains("not a clinical verdict"), red.reason());
    assertEquals(Signal.FUNCTIONAL, pc.evaluate(4, 9).signal());
    // higher-is-better scale: a high score is good
    PreparedCurve better = er.prepare(20, 12, AlertRules.withDefaults()
        .with(Direction.HIGHER_IS_BETTER));
    assertEquals(Signal.ADEQUATE_PROGRESS, better.evaluate(4, at4.mean() + 2 * at4.sd())
        .signal());
  }

  @Test
  void badInput_isRejectedWithClearMessages() {
    ExpectedResponse er = ExpectedResponse.of(ExpectedResponseModel.from(fit()));
    PreparedCurve pc = er.prepare(20, 5, AlertRules.withDefaults());
    assertThrows(IllegalArgumentException.class, () -> pc.evaluate(6, 10));
    assertThrows(IllegalArgumentException.class, () -> pc.evaluate(2, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> er.withPercentiles(0, 0.5));
    assertThrows(IllegalArgumentException.class, () -> er.withCovariates(Map.of("age", 3.0)));
    assertThrows(IllegalArgumentException.class, () -> er.fromIntake(Double.NaN, 4));
    assertThrows(IllegalArgumentException.class,
        () -> er.forecast(new int[] {0, 1}, new double[] {3}, 4));
    assertThrows(IllegalArgumentException.class,
        () -> AlertRules.withDefaults().withPercentiles(0.95, 0.9));
    assertThrows(IllegalArgumentException.class, () -> pc.curve().at(9));
  }

  @Test
  void modelWithCovariates_needsTheirValues() {
    GrowthData d = panel();
    double[] group = new double[d.size()];
    for (int i = 0; i < group.length; i++) {
      group[i] = (i / 6) % 2;
    }
    GrowthFit f = GrowthModel.withDefaults().with(TimeBasis.LOG).withCovariates("group")
        .with(Interactions.COVARIATE_BY_TIME).fit(d.withCovariate("group", group));
    ExpectedResponse er = ExpectedResponse.of(ExpectedResponseModel.from(f));
    assertThrows(IllegalArgumentException.class, () -> er.fromIntake(20, 4));
    ExpectedCurve c = er.withCovariates(Map.of("group", 1.0)).fromIntake(20, 4);
    assertTrue(c.conditioning().contains("group=1"), c.conditioning());
  }

  @Test
  void model_rejectsInconsistentShapes() {
    ExpectedResponseModel m = ExpectedResponseModel.from(fit());
    assertThrows(IllegalArgumentException.class, () -> new ExpectedResponseModel(m.basis(),
        m.knot(), m.randomSlope(), m.covariates(), m.interactions(), m.terms(),
        m.fixedEffects().subList(0, 1), m.fixedCovariance(), m.randomCovariance(),
        m.residualVariance(), m.fittedOn()));
    assertThrows(IllegalArgumentException.class, () -> new ExpectedResponseModel(
        TimeBasis.QUADRATIC, m.knot(), m.randomSlope(), m.covariates(), m.interactions(),
        m.terms(), m.fixedEffects(), m.fixedCovariance(), m.randomCovariance(),
        m.residualVariance(), m.fittedOn()));
    assertThrows(IllegalArgumentException.class, () -> new ExpectedResponseModel(m.basis(),
        m.knot(), m.randomSlope(), m.covariates(), m.interactions(), m.terms(),
        m.fixedEffects(), m.fixedCovariance(), m.randomCovariance(), -1, m.fittedOn()));
  }

  @Test
  void model_recordsScaleSizeAndRangesOfItsData() {
    ExpectedResponseModel.FittedOn on = ExpectedResponseModel.from(fit()).fittedOn();
    assertEquals("outcome", on.scale().id());
    assertEquals(8, on.clients());
    assertEquals(48, on.observations());
    assertEquals(new DataRange(15, 24), on.intakes());
    assertEquals(new DataRange(0, 5), on.sessions());
    assertTrue(on.provenance().contains("8 clients and 48 observations"), on.provenance());
    ExpectedResponseModel phq = ExpectedResponseModel.from(
        GrowthModel.withDefaults().with(TimeBasis.LOG).fit(panel().withScale(Instruments.PHQ9)));
    assertEquals(Instruments.PHQ9, phq.fittedOn().scale());
    assertEquals("fitted on the toy panel", phq.withProvenance("fitted on the toy panel").fittedOn().provenance());
  }

  @Test
  void curveInsideTheFittedRanges_hasNoExtrapolation() {
    ExpectedCurve c = ExpectedResponse.of(ExpectedResponseModel.from(fit())).fromIntake(20, 5);
    assertFalse(c.extrapolates());
    assertTrue(c.extrapolations().isEmpty());
  }

  @Test
  void intakeOutsideTheFittedIntakes_isFlaggedAsExtrapolation() {
    ExpectedCurve c = ExpectedResponse.of(ExpectedResponseModel.from(fit())).fromIntake(27, 5);
    assertEquals(List.of(new Extrapolation(Extrapolation.Kind.INTAKE, 27, new DataRange(15, 24))),
        c.extrapolations());
    assertTrue(c.extrapolations().get(0).message().contains("intake 27 lies outside the intake"
        + " scores the model was fitted on (15 to 24)"), c.extrapolations().get(0).message());
  }

  @Test
  void sessionsBeyondTheFittedSessions_areFlaggedAsExtrapolation() {
    ExpectedResponse er = ExpectedResponse.of(ExpectedResponseModel.from(fit()));
    ExpectedCurve c = er.forecast(new int[] {0, 7}, new double[] {20, 14}, 6);
    assertEquals(List.of(new Extrapolation(Extrapolation.Kind.SESSION, 7, new DataRange(0, 5))),
        c.extrapolations());
    assertTrue(c.extrapolations().get(0).message().contains("session 7"), c.toString());
    PreparedCurve p = er.prepare(20, 12, AlertRules.withDefaults());
    assertTrue(p.curve().extrapolates());
  }

  @Test
  void modelOnAnInstrument_checksScoresAndRefusesAnotherInstrument() {
    ExpectedResponse er = ExpectedResponse.of(ExpectedResponseModel.from(
        GrowthModel.withDefaults().fit(panel().withScale(Instruments.PHQ9))));
    assertEquals(Instruments.PHQ9, er.scale());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> er.fromIntake(28, 3));
    assertEquals("PHQ-9 intake must be between 0 and 27, was 28", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> er.withScale(Instruments.GAD7));
    assertEquals("the model was fitted on PHQ-9 scores; it cannot give expectations on GAD-7", e.getMessage());
    assertEquals(Instruments.PHQ9, er.withScale(Instruments.PHQ9).scale());
  }

  @Test
  void dataOffTheScale_isRefusedWhenTheScaleIsStated() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> panel().withScale(Instruments.GAD7));
    assertTrue(e.getMessage().equals("GAD-7 score of client c2 at time 0 must be between 0 and 21, was 22"),
        e.getMessage());
  }

  @Test
  void fittedOn_rejectsIntakesOffItsScaleAndBlankProvenance() {
    assertThrows(IllegalArgumentException.class, () -> new ExpectedResponseModel.FittedOn(
        Instruments.PHQ9, 1, 1, new DataRange(3, 30), new DataRange(0, 4), "x"));
    assertThrows(IllegalArgumentException.class, () -> new ExpectedResponseModel.FittedOn(
        Instruments.PHQ9, 1, 1, new DataRange(3, 20), new DataRange(0, 4), " "));
    assertThrows(IllegalArgumentException.class, () -> new DataRange(2, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new Extrapolation(Extrapolation.Kind.INTAKE, 3, new DataRange(2, 4)));
  }

  @Test
  void expectedResponses_areValues_andBandUncertaintyIsAChoice() {
    ExpectedResponseModel m = ExpectedResponseModel.from(fit());
    ExpectedResponse a = ExpectedResponse.of(m).with(BandUncertainty.WITH_FIXED_EFFECTS).withPercentiles(0.1, 0.9);
    ExpectedResponse b = ExpectedResponse.of(m).withPercentiles(0.9, 0.1).with(BandUncertainty.WITH_FIXED_EFFECTS);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, a.with(BandUncertainty.RANDOM_AND_RESIDUAL));
    assertEquals(BandUncertainty.RANDOM_AND_RESIDUAL, ExpectedResponse.of(m).bandUncertainty());
    assertTrue(a.toString().contains("WITH_FIXED_EFFECTS"), a.toString());
    assertTrue(a.with(BandUncertainty.WITH_FIXED_EFFECTS).fromIntake(20, 10).includesFixedEffectUncertainty());
  }

  @Test
  void forecast_saysWhatItIsConditionedOn() {
    ExpectedResponse er = ExpectedResponse.of(ExpectedResponseModel.from(fit()));
    assertEquals("no observations (population curve)",
        er.forecast(new int[0], new double[0], 3).conditioning());
    assertEquals("intake 18, session 2 15.5",
        er.forecast(new int[] {0, 2}, new double[] {18, 15.5}, 3).conditioning());
    assertEquals("session 1 12", er.forecast(new int[] {1}, new double[] {12}, 3).conditioning());
  }
}
