package io.candor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instruments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  private static Calibration.Report report;

  @BeforeAll
  static void run() {
    report = Calibration.run(Scenario.calibratedDefault(Instruments.PHQ9), 2);
  }

  @Test
  void calibratedDefault_passesEveryTargetOnTwentyThousandClients() {
    assertEquals(20_000, report.clients());
    assertEquals(8, report.rows().size());
    assertTrue(report.passed(), () -> "\n" + report.toTable());
  }

  @Test
  void rows_nameTargetSourceAndVerdict() {
    String table = report.toTable();
    assertTrue(table.contains("Howard et al. 1986"), table);
    assertTrue(table.contains("Swift & Greenberg 2012"), table);
    assertTrue(table.contains("Whiteford et al. 2013"), table);
    assertTrue(table.contains("PASS"), table);
  }

  @Test
  void librarysChecks_agreeWithTheStreamingSummary() {
    // two independent implementations of the same definitions: the calibration's (Candor's
    // measure, progress, survival code on materialised trajectories) and the simulator's own
    // allocation-free streaming counts
    Simulator sim = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9));
    SimulationSummary tr = sim.summarise(Calibration.DEFAULT_SEED, 20_000, Arm.TREATED, 2);
    SimulationSummary wl = sim.summarise(Calibration.DEFAULT_SEED, 20_000, Arm.WAITLIST, 2);
    java.util.List<Calibration.Row> rows = report.rows();
    assertEquals(tr.reliablyImprovedAt(8).orElseThrow(), rows.get(0).simulated().orElseThrow(), 1e-15);
    assertEquals(tr.reliablyImprovedAt(26).orElseThrow(), rows.get(1).simulated().orElseThrow(), 1e-15);
    assertEquals(tr.dropoutRate(), rows.get(3).simulated().orElseThrow(), 1e-12);
    assertEquals(tr.deteriorationRate().orElseThrow(), rows.get(4).simulated().orElseThrow(), 1e-15);
    assertEquals(tr.suddenGainRate().orElseThrow(), rows.get(6).simulated().orElseThrow(), 0.002);
    assertEquals(1 - wl.caseRateAt(13).orElseThrow(), rows.get(7).simulated().orElseThrow(), 1e-15);
    // Jacobson-Truax needs 6.1 points on PHQ-9 (7 on whole scores): fewer clients deteriorate
    assertTrue(rows.get(5).simulated().orElseThrow() < rows.get(4).simulated().orElseThrow());
    assertTrue(rows.get(5).target().contains("Jacobson-Truax"));
    double ed50 = rows.get(2).simulated().orElseThrow();
    assertTrue(ed50 > 5 && ed50 < 11, "ED50 " + ed50);
  }

  @Test
  void rowVerdict_failsOutsideTolerance() {
    Calibration.Row row = new Calibration.Row("x", io.candor.evidence.Citations.SWIFT_2012, 0.2,
        java.util.OptionalDouble.of(0.3), 0.18, 0.22, "d");
    assertEquals("FAIL", row.verdict());
  }

  @Test
  void run_rejectsTooFewSessionsOrClients() {
    Scenario s = Scenario.calibratedDefault(Instruments.PHQ9);
    assertThrows(IllegalArgumentException.class,
        () -> Calibration.run(s.withSessions(16), 1, 1000, 1, d -> { }));
    assertThrows(IllegalArgumentException.class, () -> Calibration.run(s, 1, 10, 1, d -> { }));
  }

  @Test
  void miscalibratedScenario_failsRows() {
    Scenario s = Scenario.calibratedDefault(Instruments.PHQ9);
    Scenario bad = s.withDropout(new Scenario.Dropout(0.05, 0.5, Scenario.Missingness.AT_RANDOM, 0.5));
    Calibration.Report r = Calibration.run(bad, 7, 2000, 1, d -> { });
    assertTrue(!r.passed());
    assertEquals("FAIL", r.rows().get(3).verdict());
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
}
