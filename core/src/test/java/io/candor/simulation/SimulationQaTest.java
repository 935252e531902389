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
  void calibrationRow_rejectsBoundsThatDoNotContainTheExpectedValue_andFailsWithoutAnEstimate() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> new Calibration.Row("t", io.candor.evidence.Citations.HOWARD_1986, 0.5,
                java.util.OptionalDouble.of(0.5), 0.6, 0.4, "d"));
    assertTrue(e.getMessage().contains("accepted range"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Calibration.Row("t", io.candor.evidence.Citations.HOWARD_1986, Double.NaN,
            java.util.OptionalDouble.of(0.5), 0.4, 0.6, "d"));
    Calibration.Row notEstimable =
        new Calibration.Row("t", io.candor.evidence.Citations.HOWARD_1986, 0.5,
            java.util.OptionalDouble.empty(), 0.4, 0.6, "d");
    assertTrue(!notEstimable.passed());
    assertThrows(IllegalArgumentException.class,
        () -> new Calibration.Row("t", io.candor.evidence.Citations.HOWARD_1986, 0.5,
            java.util.OptionalDouble.of(Double.NaN), 0.4, 0.6, "d"));
  }

  @Test
  void scenarioJson_rejectsFractionalWholeNumbers_stringNumbers_andDuplicateKeys() {
    IllegalArgumentException frac =
        assertThrows(IllegalArgumentException.class, () -> ScenarioJson.read("{\"sessions\": 12.5}"));
    assertTrue(frac.getMessage().contains("sessions must be a whole number, was 12.5"),
        frac.getMessage());
    IllegalArgumentException text =
        assertThrows(IllegalArgumentException.class, () -> ScenarioJson.read("{\"sessions\": \"12\"}"));
    assertTrue(text.getMessage().contains("sessions must be a number, was \"12\""), text.getMessage());
    IllegalArgumentException flag =
        assertThrows(IllegalArgumentException.class,
            () -> ScenarioJson.read("{\"dropout\": {\"notAtRandom\": 1}}"));
    assertTrue(flag.getMessage().contains("dropout.notAtRandom must be a boolean"), flag.getMessage());
    IllegalArgumentException dup =
        assertThrows(IllegalArgumentException.class,
            () -> ScenarioJson.read("{\"sessions\": 10, \"sessions\": 20}"));
    assertTrue(dup.getMessage().contains("sessions"), dup.getMessage());
    // whole numbers for decimal fields stay fine
    assertTrue(ScenarioJson.read("{\"sessions\": 20, \"intake\": {\"sd\": 4}}").sessions() == 20);
  }
}
