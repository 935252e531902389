package io.candor.simulation;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instruments;
import org.junit.jupiter.api.Test;

/** Regressions found in the end-to-end QA pass. */
class SimulationQaTest {

  private static final Simulator SIM = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9));

  @Test
  void simulateAndCohort_rejectNonPositiveClients_namingTheField() {
    for (int clients : new int[] {0, -5}) {
      IllegalArgumentException a =
          assertThrows(IllegalArgumentException.class, () -> SIM.simulate(1, clients, Arm.TREATED, 1));
      assertTrue(a.getMessage().contains("clients must be >= 1, was " + clients), a.getMessage());
      IllegalArgumentException b =
          assertThrows(IllegalArgumentException.class, () -> SIM.cohort(1, clients, Arm.TREATED, 1));
      assertTrue(b.getMessage().contains("clients must be >= 1, was " + clients), b.getMessage());
    }
  }

  @Test
  void idFor_rejectsNegativeIndex() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SimulatedClient.idFor(-1));
    assertTrue(e.getMessage().contains("index must be >= 0, was -1"), e.getMessage());
  }

  @Test
  void calibrationRow_rejectsBoundsThatDoNotContainTheExpectedValue_andKeepsNaNAsAFail() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> new Calibration.Row("t", io.candor.evidence.Citations.HOWARD_1986, 0.5, 0.5, 0.6,
                0.4, "d"));
    assertTrue(e.getMessage().contains("accepted range"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Calibration.Row("t", io.candor.evidence.Citations.HOWARD_1986, Double.NaN, 0.5,
            0.4, 0.6, "d"));
    Calibration.Row notEstimable =
        new Calibration.Row("t", io.candor.evidence.Citations.HOWARD_1986, 0.5, Double.NaN, 0.4,
            0.6, "d");
    assertTrue(!notEstimable.passed());
  }
}
