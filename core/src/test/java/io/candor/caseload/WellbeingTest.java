package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.measure.MultiScaleInstrument;
import io.candor.measure.MultiScaleInstruments;
import io.candor.measure.Norms;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class WellbeingTest {

  private static final MultiScaleInstrument PROQOL = MultiScaleInstruments.PROQOL5;
  private static final LocalDate MARCH = LocalDate.of(2025, 3, 3);
  private static final LocalDate JUNE = LocalDate.of(2025, 6, 2);
  private static final LocalDate SEPTEMBER = LocalDate.of(2025, 9, 1);

  private static WellbeingAssessment proqol(LocalDate date, double cs, double bo, double sts) {
    return new WellbeingAssessment(date, PROQOL.ofScaleScores(Map.of("CS", cs, "BO", bo, "STS", sts)));
  }

  /** 1.96 x SD x sqrt(2 (1 - r)) with the ProQOL Burnout defaults (SD 5.46, alpha .75). */
  private static final double BO_THRESHOLD = 1.96 * 5.46 * Math.sqrt(2 * (1 - 0.75));

  @Test
  void singleAssessment_reportsBandsAndTheThresholdAheadOfAnyChange() {
    WellbeingReport r = Wellbeing.withDefaults().report(PROQOL,
        List.of(new WellbeingAssessment(MARCH, PROQOL.score(threes()))));
    assertEquals(3, r.scales().size());
    ScaleReport bo = r.scale("BO");
    assertEquals(Optional.of("moderate"), bo.band());
    assertEquals(Optional.of("23-41"), bo.bandRange());
    ScaleChange c = bo.reliableChange().orElseThrow();
    assertEquals(BO_THRESHOLD, c.threshold(), 1e-12);
    assertTrue(c.since().isEmpty() && c.assessment().isEmpty());
    assertTrue(c.basis().contains("Jacobson-Truax") && c.basis().contains("hameed2023")
        || c.basis().contains("Hameed"), c.basis());
    assertTrue(bo.statement().contains("would need to differ by 7.6 points or more"), bo.statement());
    assertTrue(r.credit().orElseThrow().contains("www.ProQOL.org"));
    assertTrue(r.caveats().stream().anyMatch(s -> s.text().contains("not a diagnostic tool")));
    assertTrue(r.caveats().stream().anyMatch(s -> s.source() == Citations.HERITAGE_2018));
    assertTrue(r.load().isEmpty() && r.context().isEmpty());
  }

  private static int[] threes() {
    int[] r = new int[30];
    java.util.Arrays.fill(r, 3);
    return r;
  }

  @Test
  void history_changeWithinMeasurementErrorIsSaidToBe() {
    WellbeingReport r = Wellbeing.withDefaults().report(PROQOL,
        List.of(proqol(JUNE, 38, 31, 20), proqol(MARCH, 40, 24, 18)));
    assertEquals(JUNE, r.date());
    assertEquals(2, r.assessments());
    ScaleReport bo = r.scale("BO");
    assertEquals(31, bo.score());
    assertEquals(List.of(MARCH, JUNE), bo.trajectory().stream().map(ScalePoint::date).toList());
    ScaleChange c = bo.reliableChange().orElseThrow();
    assertEquals(Optional.of(MARCH), c.since());
    assertTrue(c.assessment().orElseThrow().unchanged());
    assertEquals("Burnout score: 31, in the moderate band (23-41). Up 7 points since 2025-03-03"
        + " (24); measurement error alone can explain changes of up to 7.6 points, so this is"
        + " within what measurement error alone can produce. Bands describe the score, not the"
        + " person (ProQOL-5).", bo.statement());
  }

  @Test
  void history_aReliableRiseIsLargerThanMeasurementError() {
    List<WellbeingAssessment> history = List.of(proqol(MARCH, 40, 24, 18),
        proqol(JUNE, 38, 28, 20), proqol(SEPTEMBER, 37, 33, 21));
    ScaleReport bo = Wellbeing.withDefaults().report(PROQOL, history).scale("BO");
    assertTrue(bo.reliableChange().orElseThrow().assessment().orElseThrow().deteriorated());
    assertTrue(bo.statement().contains("Up 9 points since 2025-03-03 (24)"), bo.statement());
    assertTrue(bo.statement().contains("larger than measurement error alone would produce"));
    // compared with the previous assessment the same score is a 5-point rise, within error
    ScaleReport previous = Wellbeing.withDefaults().with(Baseline.PREVIOUS).report(PROQOL, history)
        .scale("BO");
    assertEquals(Optional.of(JUNE), previous.reliableChange().orElseThrow().since());
    assertTrue(previous.reliableChange().orElseThrow().assessment().orElseThrow().unchanged());
    // Compassion Satisfaction is higher-is-better: a fall is the worse direction
    assertEquals(io.candor.measure.Direction.HIGHER_IS_BETTER,
        PROQOL.scale("CS").properties().direction());
  }

  @Test
  void statementsDescribeScoresNeverThePerson() {
    for (MultiScaleInstrument inst : MultiScaleInstruments.all()) {
      for (boolean history : new boolean[] {false, true}) {
        Map<String, Double> high = new java.util.LinkedHashMap<>();
        Map<String, Double> low = new java.util.LinkedHashMap<>();
        inst.scales().forEach(s -> {
          high.put(s.id(), s.properties().maxScore());
          low.put(s.id(), s.properties().minScore());
        });
        List<WellbeingAssessment> h = history
            ? List.of(new WellbeingAssessment(MARCH, inst.ofScaleScores(low)),
                new WellbeingAssessment(JUNE, inst.ofScaleScores(high)))
            : List.of(new WellbeingAssessment(JUNE, inst.ofScaleScores(high)));
        WellbeingReport r = Wellbeing.withDefaults().report(inst, h);
        for (ScaleReport s : r.scales()) {
          String text = s.statement().toLowerCase(Locale.ROOT);
          for (String label : List.of("burnt out", "burned out", "you are", "you have",
              "diagnos", "disorder", "traumatised", "traumatized")) {
            assertFalse(text.contains(label), inst.id() + " " + s.scale() + ": " + s.statement());
          }
        }
      }
    }
  }

  @Test
  void aScaleWithoutAReferenceSdHasNoThresholdAndSaysSo() {
    MultiScaleInstrument stss = MultiScaleInstruments.STSS;
    WellbeingAssessment a = new WellbeingAssessment(MARCH, stss.ofScaleScores(Map.of("total", 30.0)));
    WellbeingAssessment b = new WellbeingAssessment(JUNE, stss.ofScaleScores(Map.of("total", 45.0)));
    ScaleReport total = Wellbeing.withDefaults().report(stss, List.of(a, b)).scale("total");
    assertTrue(total.reliableChange().isEmpty());
    assertEquals(Optional.of("high"), total.band());
    assertTrue(total.statement().contains("without a reference SD"), total.statement());
  }

  @Test
  void aServicesOwnReferenceSdReplacesTheDefault() {
    Norms own = new Norms(Sourced.assumption(25, Citations.HAMEED_2023, "our staff survey"),
        Sourced.assumption(4, Citations.HAMEED_2023, "our staff survey, n = 80"));
    Wellbeing w = Wellbeing.withDefaults().withReference("bo", own);
    ScaleReport bo = w.report(PROQOL, List.of(proqol(MARCH, 40, 24, 18))).scale("BO");
    assertEquals(1.96 * 4 * Math.sqrt(0.5), bo.reliableChange().orElseThrow().threshold(), 1e-12);
    WellbeingReport defaults = Wellbeing.withDefaults().report(PROQOL,
        List.of(proqol(MARCH, 40, 24, 18)));
    for (String other : List.of("CS", "STS")) {
      assertEquals(defaults.scale(other).reliableChange().map(ScaleChange::threshold),
          w.report(PROQOL, List.of(proqol(MARCH, 40, 24, 18))).scale(other).reliableChange()
              .map(ScaleChange::threshold), "the reference is for BO only, not " + other);
    }
    assertEquals(w, Wellbeing.withDefaults().withReference("bo", own));
    assertThrows(IllegalArgumentException.class, () -> Wellbeing.withDefaults()
        .withReference("XX", own).report(PROQOL, List.of(proqol(MARCH, 40, 24, 18))));
  }

  @Test
  void loadIsShownBesideTheScoresWithPublishedAssociationsAsContext() {
    WorkloadSnapshot june = new WorkloadSnapshot(JUNE, OptionalDouble.of(28), OptionalDouble.of(24),
        OptionalDouble.of(0.35), OptionalDouble.of(0.3), OptionalDouble.of(0.4));
    WorkloadSnapshot april = new WorkloadSnapshot(LocalDate.of(2025, 4, 7), OptionalDouble.of(22),
        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    WellbeingReport r = Wellbeing.withDefaults().report(PROQOL,
        List.of(proqol(MARCH, 40, 24, 18), proqol(JUNE, 38, 31, 20)), List.of(june, april));
    assertEquals(List.of(MARCH, april.date(), JUNE), r.load().stream().map(LoadRow::date).toList());
    assertTrue(r.load().get(0).workload().isEmpty());
    assertEquals(Map.of("CS", 40.0, "BO", 24.0, "STS", 18.0), r.load().get(0).scores());
    assertTrue(r.load().get(1).scores().isEmpty());
    assertEquals(june, r.load().get(2).workload().orElseThrow());
    assertTrue(r.context().stream().anyMatch(s -> s.source() == Citations.OCONNOR_2018));
    assertTrue(r.context().stream().anyMatch(s -> s.source() == Citations.KIM_2018));
    assertTrue(r.context().stream().anyMatch(s -> s.source() == Citations.DELGADILLO_2018));
    assertTrue(r.context().stream().anyMatch(s -> s.text().contains("not a prediction")));
  }

  @Test
  void badHistoriesAreRefused() {
    Wellbeing w = Wellbeing.withDefaults();
    assertThrows(IllegalArgumentException.class, () -> w.report(PROQOL, List.of()));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> w.report(PROQOL,
        List.of(proqol(MARCH, 40, 24, 18), proqol(MARCH, 41, 24, 18)))).getMessage()
        .contains("two assessments on 2025-03-03"));
    WellbeingAssessment cbi = new WellbeingAssessment(JUNE,
        MultiScaleInstruments.CBI.ofScaleScores(Map.of("work", 50.0)));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> w.report(PROQOL, List.of(cbi))).getMessage().contains("is on CBI, not ProQOL-5"));
    assertThrows(IllegalArgumentException.class, () -> new WorkloadSnapshot(JUNE,
        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalDouble.empty()));
    assertThrows(IllegalArgumentException.class, () -> new WorkloadSnapshot(JUNE,
        OptionalDouble.of(-1), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty(), OptionalDouble.empty()));
  }

  @Test
  void mbiSumsAreReportedWithoutBands() {
    MultiScaleInstrument mbi = MultiScaleInstruments.MBI_HSS;
    WellbeingReport r = Wellbeing.withDefaults().report(mbi, List.of(
        new WellbeingAssessment(MARCH, mbi.ofScaleScores(Map.of("EE", 18.0, "DP", 6.0, "PA", 38.0))),
        new WellbeingAssessment(JUNE, mbi.ofScaleScores(Map.of("EE", 40.0, "DP", 8.0, "PA", 20.0)))));
    assertTrue(r.scale("EE").band().isEmpty());
    // a fall in Personal Accomplishment (higher is better) of 18 points is reliable and adverse
    assertTrue(r.scale("PA").reliableChange().orElseThrow().assessment().orElseThrow().deteriorated());
    assertTrue(r.scale("EE").reliableChange().orElseThrow().assessment().orElseThrow().deteriorated());
  }
  @Test
  void configurationHasValueSemantics() {
    Norms own = new Norms(Sourced.assumption(25, Citations.HAMEED_2023, "our staff survey"),
        Sourced.assumption(4, Citations.HAMEED_2023, "our staff survey, n = 80"));
    Wellbeing d = Wellbeing.withDefaults();
    assertEquals(Baseline.FIRST, d.baseline());
    assertEquals(Map.of(), d.references());
    Wellbeing w = d.with(Baseline.PREVIOUS).withReference("BO", own);
    assertEquals(Baseline.PREVIOUS, w.baseline());
    assertEquals(Map.of("BO", own), w.references());
    assertEquals(w.hashCode(), Wellbeing.withDefaults().withReference("BO", own)
        .with(Baseline.PREVIOUS).hashCode());
    assertFalse(d.equals(d.with(Baseline.PREVIOUS)));
    assertFalse(d.equals(d.withReference("BO", own)));
    assertFalse(d.equals("Wellbeing"));
    assertTrue(d.hashCode() != w.hashCode());
    assertEquals("Wellbeing[baseline PREVIOUS, reference overrides [BO]]", w.toString());
  }

  @Test
  void report_findsAScaleIgnoringCase_andNamesTheScalesItHas() {
    WellbeingReport r = Wellbeing.withDefaults().report(PROQOL, List.of(proqol(MARCH, 40, 24, 18)));
    assertEquals("BO", r.scale("bo").scale());
    assertEquals("no scale \"XX\" in the report; it has [CS, BO, STS]",
        assertThrows(IllegalArgumentException.class, () -> r.scale("XX")).getMessage());
  }

  @Test
  void statements_sayUnchangedOrDownWithTheDifference() {
    List<WellbeingAssessment> history = List.of(proqol(MARCH, 40, 24, 18),
        proqol(JUNE, 40, 20, 18));
    WellbeingReport r = Wellbeing.withDefaults().report(PROQOL, history);
    assertTrue(r.scale("CS").statement().contains("Unchanged since 2025-03-03 (40)"),
        r.scale("CS").statement());
    assertTrue(r.scale("BO").statement().contains("Down 4 points since 2025-03-03 (24)"),
        r.scale("BO").statement());
  }
}
