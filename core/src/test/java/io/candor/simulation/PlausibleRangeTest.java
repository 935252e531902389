package io.candor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Course;
import io.candor.evidence.Sourced;
import io.candor.measure.Instruments;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlausibleRangeTest {

  private static final Scenario PHQ = Scenario.calibratedDefault(Instruments.PHQ9);

  private static double row(Calibration.Report r, String target) {
    return r.rows().stream().filter(x -> x.target().equals(target)).findFirst().orElseThrow()
        .simulated().orElseThrow();
  }

  private static Calibration.Report calibrate(Scenario s) {
    return Calibration.run(s, Calibration.DEFAULT_SEED, 20_000, 2, d -> { });
  }

  /** Each end keeps its target inside the accepted range and within a point of that range's end. */
  @Test
  void everyEnd_movesItsCalibrationTargetToTheEndOfItsAcceptedRange() {
    check(PlausibleRange.IMPROVEMENT_RATE, "reliably improved at session 8", 0.45, 0.55);
    check(PlausibleRange.DROPOUT_HAZARD, "dropout", 0.177, 0.217);
    check(PlausibleRange.DETERIORATION_SHARE, "reliable deterioration", 0.05, 0.10);
  }

  private static void check(PlausibleRange range, String target, double low, double high) {
    double atLow = row(calibrate(range.apply(PHQ, range.low().value())), target);
    double atHigh = row(calibrate(range.apply(PHQ, range.high().value())), target);
    assertTrue(atLow >= low && atLow <= low + 0.01, range + " low gives " + atLow);
    assertTrue(atHigh <= high && atHigh >= high - 0.01, range + " high gives " + atHigh);
  }

  @Test
  void chronicShare_setsTheShareAndKeepsTheOthersProportions() {
    Scenario s = PlausibleRange.CHRONIC_SHARE.apply(PHQ, 0.33);
    Map<Course, Double> mix = s.caseMix();
    assertEquals(0.33, mix.get(Course.CHRONIC), 1e-12);
    double ratio = PHQ.caseMix().get(Course.RESOLVABLE) / PHQ.caseMix().get(Course.EPISODIC);
    assertEquals(ratio, mix.get(Course.RESOLVABLE) / mix.get(Course.EPISODIC), 1e-12);
    assertEquals(0.25, PlausibleRange.CHRONIC_SHARE.low().value());
  }

  @Test
  void chronicShare_doesNotApplyWhenTheCourseIsFixed() {
    Map<Course, Double> one = new EnumMap<>(Course.class);
    one.put(Course.RESOLVABLE, 0.0);
    one.put(Course.EPISODIC, 1.0);
    one.put(Course.CHRONIC, 0.0);
    Scenario fixed = PHQ.withCaseMix(one);
    assertFalse(PlausibleRange.CHRONIC_SHARE.appliesTo(fixed));
    assertTrue(PlausibleRange.DROPOUT_HAZARD.appliesTo(fixed));
    assertEquals("dropout.hazard", PlausibleRange.DROPOUT_HAZARD.parameter());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> PlausibleRange.CHRONIC_SHARE.apply(fixed, 0.3)).getMessage().contains("fixed"));
  }

  @Test
  void multipliers_scaleTheScenariosOwnValues_andEveryEndIsSourced() {
    Scenario slow = PlausibleRange.IMPROVEMENT_RATE.apply(PHQ, 0.5);
    assertEquals(PHQ.paths().chronicRate() * 0.5, slow.paths().chronicRate(), 1e-15);
    assertEquals(PHQ.dropout().hazard() * 2,
        PlausibleRange.DROPOUT_HAZARD.apply(PHQ, 2).dropout().hazard(), 1e-15);
    for (PlausibleRange r : PlausibleRange.values()) {
      for (Sourced end : new Sourced[] {r.low(), r.high()}) {
        assertFalse(end.note().isBlank(), r + " end without a note");
        assertEquals(r.source(), end.source());
      }
      assertTrue(r.low().value() < r.high().value(), r.toString());
    }
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> PlausibleRange.DETERIORATION_SHARE.apply(PHQ, 9)).getMessage()
        .contains("deterioration.proportion"));
    assertThrows(IllegalArgumentException.class, () -> PlausibleRange.DROPOUT_HAZARD.apply(PHQ, -1));
  }
}
