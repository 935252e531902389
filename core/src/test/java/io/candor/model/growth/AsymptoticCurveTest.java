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
  }
}
