package io.candor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Course;
import io.candor.measure.Instruments;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {

  private static final Scenario PHQ = Scenario.calibratedDefault(Instruments.PHQ9).withSessions(8);

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double variance(double[] v) {
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return s / (v.length - 1);
  }

  /**
   * Given the observed intake y0 = mu0 + e + error, the true severity mu0 is normal with mean
   * mean + vMu / total · (y0 − mean) and variance vMu · (vE + vErr) / total, total = vMu + vE +
   * vErr (intake, week-to-week and measurement variances; resolvable course, so no chronic
   * fluctuation factor).
   */
  @Test
  void givenIntake_drawsTheTrueSeverityFromItsConditionalNormal() {
    List<SimulatedClient> cs =
        Simulator.of(PHQ).givenIntake(17).simulate(21, 40_000, Arm.TREATED, 2);
    double[] mu = cs.stream().filter(c -> c.course() == Course.RESOLVABLE)
        .mapToDouble(SimulatedClient::trueIntake).toArray();
    double vMu = PHQ.intake().sd() * PHQ.intake().sd();
    double vE = PHQ.variation().sd() * PHQ.variation().sd();
    double vErr = PHQ.measurementErrorSd() * PHQ.measurementErrorSd();
    double total = vMu + vE + vErr;
    double expectedMean = PHQ.intake().mean() + vMu / total * (17 - PHQ.intake().mean());
    double expectedVar = vMu * (vE + vErr) / total;
    double se = Math.sqrt(expectedVar / mu.length);
    assertTrue(mu.length > 10_000, "resolvable clients: " + mu.length);
    assertEquals(expectedMean, mean(mu), 4 * se);
    assertEquals(expectedVar, variance(mu), 4 * expectedVar * Math.sqrt(2.0 / mu.length));
  }

  /**
   * A client's rate is the course's rate times a log-normal factor with mean 1 and log-SD
   * {@code paths.rateSd} (deteriorating clients and the wait-list arm use their own rates).
   */
  @Test
  void rate_isTheCourseRateTimesALogNormalFactorOfMeanOne() {
    List<SimulatedClient> cs = Simulator.of(PHQ).simulate(22, 40_000, Arm.TREATED, 2);
    double base = PHQ.paths().resolvableRate();
    double[] factor = cs.stream().filter(c -> c.course() == Course.RESOLVABLE && !c.deteriorating())
        .mapToDouble(c -> c.rate() / base).toArray();
    double[] log = java.util.Arrays.stream(factor).map(Math::log).toArray();
    double sd = PHQ.paths().rateSd();
    double factorSd = Math.sqrt(Math.exp(sd * sd) - 1);
    assertTrue(factor.length > 10_000, "clients: " + factor.length);
    assertEquals(1, mean(factor), 4 * factorSd / Math.sqrt(factor.length));
    assertEquals(-0.5 * sd * sd, mean(log), 4 * sd / Math.sqrt(log.length));
    assertEquals(sd * sd, variance(log), 4 * sd * sd * Math.sqrt(2.0 / log.length));
  }
}
