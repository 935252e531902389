package io.candor.model.growth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instruments;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AsymptoticCurveTest {

  private static AsymptoticFit fitReference() {
    List<String[]> rows = Reference.csv("nls.csv");
    return AsymptoticCurve.fit(Reference.doubles(rows, "session"),
        Reference.doubles(rows, "score"));
  }

  @Test
  void fit_agreesWithRNls() {
    Properties r = Reference.properties("nls");
    AsymptoticFit f = fitReference();
    double tol = 1e-6;
    assertEquals(Reference.num(r, "asymptote"), f.asymptote(), tol * 8);
    assertEquals(Reference.num(r, "asymptote.se"), f.asymptoteSe().orElseThrow(), tol);
    assertEquals(Reference.num(r, "intake"), f.intake(), tol * 20);
    assertEquals(Reference.num(r, "intake.se"), f.intakeSe().orElseThrow(), tol);
    assertEquals(Reference.num(r, "rate"), f.rate(), tol);
    assertEquals(Reference.num(r, "rate.se"), f.rateSe().orElseThrow(), tol);
    assertEquals(Reference.num(r, "rss"), f.rss(), 1e-6);
    assertEquals(Reference.num(r, "sigma"), f.residualSd(), 1e-9);
    assertEquals(Reference.num(r, "AIC"), f.aic(), 1e-8);
    assertEquals(Reference.num(r, "loglinear.rss"), f.logLinearRss(), 1e-8);
    assertEquals(Reference.num(r, "loglinear.AIC"), f.logLinearAic(), 1e-8);
    assertTrue(f.asymptoticPreferred());
    assertTrue(f.convergence().converged());
  }

  @Test
  void levelOff_isReportedAgainstTheCasenessCutoff() {
    AsymptoticFit f = fitReference();
    String text = f.levelOffRelativeTo(Instruments.PHQ9);
    assertTrue(text.contains("below the caseness range"), text);
    assertTrue(text.contains("PHQ-9"), text);
    assertEquals(Math.log(2) / f.rate(), f.timeToFraction(0.5), 1e-12);
    assertEquals(f.asymptote(), f.predict(1e6), 1e-9);
    assertEquals(f.intake(), f.predict(0), 1e-12);
  }

  @Test
  void fit_rejectsBadInput() {
    assertThrows(IllegalArgumentException.class,
        () -> AsymptoticCurve.fit(new double[] {0, 1, 2}, new double[] {3, 2, 1}));
    assertThrows(IllegalArgumentException.class,
        () -> AsymptoticCurve.fit(new double[] {0, 1, 0, 1}, new double[] {3, 2, 1, 2}));
    assertThrows(IllegalArgumentException.class,
        () -> AsymptoticCurve.fit(new double[] {0, 1, 2, -3}, new double[] {3, 2, 1, 2}));
    assertThrows(IllegalArgumentException.class,
        () -> AsymptoticCurve.fit(new double[] {0, 1, 2, 3}, new double[] {3, 2, Double.NaN, 2}));
    assertThrows(IllegalArgumentException.class,
        () -> AsymptoticCurve.fit(new double[] {0, 1, 2, 3}, new double[] {3, 2, 1}));
  }

  @Test
  void levelOff_withoutAStandardError_saysSo_andWithoutDecay_refuses() {
    AsymptoticFit f = fitReference();
    AsymptoticFit noSe = new AsymptoticFit(f.n(), f.asymptote(), java.util.OptionalDouble.empty(), f.intake(),
        java.util.OptionalDouble.empty(), f.rate(), java.util.OptionalDouble.empty(), f.rss(), f.residualSd(), f.aic(),
        f.logLinearIntercept(), f.logLinearSlope(), f.logLinearRss(), f.logLinearAic(), f.convergence());
    String text = noSe.levelOffRelativeTo(Instruments.PHQ9);
    assertTrue(text.contains("no interval") && !text.contains("NaN"), text);
    AsymptoticFit rising = new AsymptoticFit(f.n(), f.asymptote(), java.util.OptionalDouble.empty(), f.intake(),
        java.util.OptionalDouble.empty(), -0.1, java.util.OptionalDouble.empty(), f.rss(), f.residualSd(), f.aic(),
        f.logLinearIntercept(), f.logLinearSlope(), f.logLinearRss(), f.logLinearAic(), f.convergence());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> rising.levelOffRelativeTo(Instruments.PHQ9));
    assertTrue(e.getMessage().contains("does not level off"), e.getMessage());
    AsymptoticFit flat = new AsymptoticFit(f.n(), f.asymptote(), f.asymptoteSe(), f.intake(),
        f.intakeSe(), 0, f.rateSe(), f.rss(), f.residualSd(), f.aic(), f.logLinearIntercept(),
        f.logLinearSlope(), f.logLinearRss(), f.logLinearAic(), f.convergence());
    assertThrows(IllegalStateException.class, () -> flat.levelOffRelativeTo(Instruments.PHQ9));
    // growth data are fitted on all their observations, pooled
    GrowthData d = GrowthModelTest.simulate(8, 40, 6);
    assertEquals(AsymptoticCurve.fit(d.groupedTimes(), d.groupedScores()),
        AsymptoticCurve.fit(d));
  }

  /** The reference fit with this asymptote and asymptote SE (empty: none). */
  private static AsymptoticFit levellingAt(double asymptote, java.util.OptionalDouble se) {
    AsymptoticFit f = fitReference();
    return new AsymptoticFit(f.n(), asymptote, se, f.intake(), f.intakeSe(), f.rate(),
        f.rateSe(), f.rss(), f.residualSd(), f.aic(), f.logLinearIntercept(),
        f.logLinearSlope(), f.logLinearRss(), f.logLinearAic(), f.convergence());
  }

  private static String side(double asymptote, double se, io.candor.measure.Instrument i) {
    return levellingAt(asymptote, java.util.OptionalDouble.of(se)).levelOffRelativeTo(i);
  }

  @Test
  void levelOff_placesTheWholeIntervalOnOneSideOfTheCutoff_orSaysItStraddlesIt() {
    // PHQ-9 (higher is worse, cutoff 10): interval 8.04 to 11.96 straddles, 12.04+ is a case
    assertTrue(side(10, 1, Instruments.PHQ9).contains("close to the cutoff (the interval"
        + " includes it)"));
    assertTrue(side(14, 1, Instruments.PHQ9).contains("still within the caseness range"));
    assertTrue(side(6, 1, Instruments.PHQ9).contains("below the caseness range"));
    // ORS (higher is better, cutoff 25): the sides swap and the wording says above
    assertTrue(side(30, 1, Instruments.ORS).contains("on ORS, above the caseness range"));
    assertTrue(side(20, 1, Instruments.ORS).contains("still within the caseness range"));
    assertTrue(side(25.5, 1, Instruments.ORS).contains("close to the cutoff"));
    String text = side(6, 1, Instruments.PHQ9);
    assertTrue(text.startsWith("On average the curve levels off at 6.0 (approx. 95% interval 4.0"
        + " to 8.0) on PHQ-9, below the caseness range; the PHQ-9 caseness cutoff is 10"), text);
    AsymptoticFit f = fitReference();
    assertTrue(text.contains(String.format(java.util.Locale.ROOT, "Half of the change is reached"
        + " by time %.1f and 90%% by time %.1f.", Math.log(2) / f.rate(),
        Math.log(10) / f.rate())), text);
  }

  @Test
  void levelOff_atExactlyTheCutoff_followsTheInstrumentsCasenessRule() {
    java.util.OptionalDouble none = java.util.OptionalDouble.empty();
    // PHQ-9 10 is a case; ORS 25 is not (below 25 is the clinical range)
    assertTrue(Instruments.PHQ9.isCase(10) && !Instruments.ORS.isCase(25));
    assertTrue(levellingAt(10, none).levelOffRelativeTo(Instruments.PHQ9)
        .contains("still within the caseness range"));
    assertTrue(levellingAt(25, none).levelOffRelativeTo(Instruments.ORS)
        .contains("above the caseness range"));
    assertTrue(side(10, 0, Instruments.PHQ9).contains("still within the caseness range"));
    assertTrue(side(25, 0, Instruments.ORS).contains("above the caseness range"));
  }

  @Test
  void levelOff_refusesAnInstrumentWithoutACasenessCutoff() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> fitReference().levelOffRelativeTo(Instruments.WEMWBS));
    assertEquals("WEMWBS has no caseness cutoff", e.getMessage());
  }

  @Test
  void timeToFraction_isMinusLogOfTheRemainderOverTheRate() {
    AsymptoticFit f = fitReference();
    assertEquals(Math.log(10) / f.rate(), f.timeToFraction(0.9), 1e-12);
    assertEquals(Math.log(4) / f.rate(), f.timeToFraction(0.75), 1e-12);
    double mid = f.predict(f.timeToFraction(0.5));
    assertEquals((f.intake() + f.asymptote()) / 2, mid, 1e-9);
    assertThrows(IllegalArgumentException.class, () -> f.timeToFraction(1));
  }

  @Test
  void asymptoticPreferred_onlyWithTheStrictlyLowerAic() {
    AsymptoticFit f = fitReference();
    assertTrue(f.asymptoticPreferred());
    for (double logLinearAic : new double[] {f.aic(), f.aic() - 1}) {
      AsymptoticFit other = new AsymptoticFit(f.n(), f.asymptote(), f.asymptoteSe(), f.intake(),
          f.intakeSe(), f.rate(), f.rateSe(), f.rss(), f.residualSd(), f.aic(),
          f.logLinearIntercept(), f.logLinearSlope(), f.logLinearRss(), logLinearAic,
          f.convergence());
      assertTrue(!other.asymptoticPreferred());
    }
  }

  /**
   * The start is the best rate of the grid with the asymptote and intake solved exactly for it,
   * so Levenberg–Marquardt has little left to do (7 iterations on the reference data; a start
   * from a wrong linear solve or a coarser grid takes more).
   */
  @Test
  void fit_startsCloseToTheOptimum() {
    AsymptoticFit f = fitReference();
    assertTrue(f.convergence().iterations() <= 10, f.convergence().toString());
  }

  @Test
  void aStraightLine_doesNotLevelOff_andSaysSo_withoutStandardErrors() {
    AsymptoticFit f = AsymptoticCurve.fit(new double[] {0, 1, 2, 3, 4, 5, 6, 7},
        new double[] {5, 5.6, 5.9, 6.6, 6.9, 7.6, 7.9, 8.6});
    assertTrue(!f.convergence().converged(), f.convergence().toString());
    assertTrue(f.convergence().message().contains("the curve does not level off"));
    assertTrue(f.asymptoteSe().isEmpty() && f.intakeSe().isEmpty() && f.rateSe().isEmpty());
    // the log-linear comparison is still an ordinary least-squares line
    assertEquals(8, f.n());
    assertTrue(f.logLinearSlope() > 0 && Double.isFinite(f.logLinearAic()));
  }

  /**
   * Four observations at three distinct times, the least the curve accepts: with three
   * parameters it passes through the single observations and the mean of the two at time 5
   * (9.1), leaving rss 2 · 0.4² on 4 − 3 degrees of freedom.
   */
  @Test
  void theSmallestData_areFittedExactlyWhereTheyCanBe() {
    AsymptoticFit f = AsymptoticCurve.fit(new double[] {0, 2, 5, 5},
        new double[] {20, 12, 9.5, 8.7});
    assertTrue(f.convergence().converged(), f.convergence().toString());
    assertEquals(4, f.n());
    assertEquals(20, f.predict(0), 1e-8);
    assertEquals(12, f.predict(2), 1e-8);
    assertEquals(9.1, f.predict(5), 1e-8);
    assertEquals(0.32, f.rss(), 1e-10);
    assertEquals(Math.sqrt(0.32), f.residualSd(), 1e-10);
    assertEquals(4 * (Math.log(2 * Math.PI * 0.32 / 4) + 1) + 8, f.aic(), 1e-9);
    assertTrue(f.rateSe().isPresent());
  }
}
