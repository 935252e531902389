package io.candor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Client;
import io.candor.domain.ClientId;
import io.candor.domain.Condition;
import io.candor.domain.Course;
import io.candor.domain.ReadinessStage;
import io.candor.domain.Trajectory;
import io.candor.measure.Instruments;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  private static Calibration.Report report;
  private static List<Long> progress;

  @BeforeAll
  static void run() {
    progress = new ArrayList<>();
    report = Calibration.run(Scenario.calibratedDefault(Instruments.PHQ9), Calibration.DEFAULT_SEED,
        Calibration.DEFAULT_CLIENTS, 2, progress::add);
  }

  @Test
  void run_reportsProgressEveryTenThousandClientsOfBothArms_andOnceAtTheEnd() {
    assertEquals(List.of(10_000L, 20_000L, 30_000L, 40_000L, 40_000L), progress);
    assertEquals(Calibration.run(Scenario.calibratedDefault(Instruments.PHQ9), 2).rows(),
        report.rows());
  }

  @Test
  void run_withoutClinicalNorms_leavesOutTheJacobsonTruaxRow() {
    List<Long> done = new ArrayList<>();
    Calibration.Report ors = Calibration.run(Scenario.calibratedDefault(Instruments.ORS), 3, 100, 1,
        done::add);
    assertEquals(100, ors.clients());
    assertEquals(7, ors.rows().size());
    assertTrue(ors.rows().stream().noneMatch(r -> r.target().contains("Jacobson-Truax")));
    assertEquals(List.of(200L), done);
    assertThrows(IllegalArgumentException.class,
        () -> Calibration.run(Scenario.calibratedDefault(Instruments.ORS), 3, 99, 1, d -> { }));
  }

  /**
   * The dose-effect row is the session where the probit of the improved share on log(session)
   * reaches one half, fitted on the run's own treated clients: the same clients tallied directly
   * give the same figure.
   */
  @Test
  void run_reportsTheSessionsForHalfImprovedOfItsOwnClients() {
    Scenario s = Scenario.calibratedDefault(Instruments.PHQ9);
    Calibration.Report r = Calibration.run(s, 8, 300, 1, d -> { });
    Calibration.Tally tally = new Calibration.Tally(Instruments.PHQ9, 300);
    Simulator.of(s).simulate(8, 300, Arm.TREATED, 1).forEach(tally::accept);
    double sessions = tally.doseFit(26).sessionsFor(0.5).orElseThrow().sessions();
    Calibration.Row row = r.rows().stream()
        .filter(x -> x.target().equals("sessions for 50 % improved (probit)")).findFirst()
        .orElseThrow();
    assertEquals(OptionalDouble.of(sessions), row.simulated());
  }

  private static SimulatedClient client(long index, OptionalInt dropout, double... ys) {
    ClientId id = ClientId.of(SimulatedClient.idFor(index));
    Trajectory t = Trajectory.ofScores(id, Instruments.PHQ9,
        IntStream.range(0, ys.length).toArray(), ys);
    return new SimulatedClient(index, Arm.TREATED,
        Client.of(id, ReadinessStage.PREPARATION, Condition.of("simulated", Course.RESOLVABLE)), t,
        Course.RESOLVABLE, ReadinessStage.PREPARATION, false, dropout, ys[0], 0.1);
  }

  /** The seven PHQ-9 clients of {@code SummaryAccumulatorTest}, counted by hand. */
  @Test
  void tally_countsTheHandComputedCohort() {
    Calibration.Tally t = new Calibration.Tally(Instruments.PHQ9, 7);
    OptionalInt none = OptionalInt.empty();
    t.accept(client(0, none, 20, 14, 12, 8));
    t.accept(client(1, OptionalInt.of(2), 12, 19));
    t.accept(client(2, none, 15));
    t.accept(client(3, none, 20, 20, 20, 14, 14, 14));
    t.accept(client(4, none, 24, 24, 24, 18, 18, 18));
    t.accept(client(5, none, 8, 8, 8, 14, 14, 14));
    t.accept(client(6, none, 14, 26, 20, 14, 8, 20));
    assertEquals(7, t.seen);
    assertEquals(OptionalDouble.of(0.0), t.improvedAt(0));
    assertEquals(OptionalDouble.of(1.0 / 6), t.improvedAt(1));
    assertEquals(OptionalDouble.of(0.6), t.improvedAt(3));
    assertEquals(OptionalDouble.of(0.75), t.improvedAt(4));
    assertEquals(1.0 / 7, t.notCaseAt(0).orElseThrow(), 1e-15);
    assertEquals(0.2, t.notCaseAt(3).orElseThrow(), 1e-15);
    assertEquals(0.25, t.notCaseAt(4).orElseThrow(), 1e-15);
    assertEquals(OptionalDouble.empty(), t.notCaseAt(6));
    assertEquals(OptionalDouble.empty(), t.improvedAt(6));
    // B (exactly two scores, 12 -> 19), F (8 -> 14) and G (14 -> 20) of six with two scores
    assertEquals(OptionalDouble.of(0.5), t.deteriorationRate());
    // Jacobson-Truax needs 6.1 points: only B's 7 counts
    assertTrue(t.jacobsonTruaxAvailable());
    assertEquals(OptionalDouble.of(1.0 / 6), t.jacobsonTruaxDeteriorationRate());
    // A (exactly four scores), D, E, F, G are evaluable; D and E have gains
    assertEquals(OptionalDouble.of(0.4), t.suddenGainRate());
    // B drops out at session 2 with six at risk; the rest are censored
    assertEquals(1.0 / 6, t.dropoutByEnd(), 1e-15);
    assertFalse(new Calibration.Tally(Instruments.ORS, 1).jacobsonTruaxAvailable());
  }

  @Test
  void row_acceptsTheBoundsThemselves_andTheTableShowsEveryFigure() {
    Calibration.Row atLower = new Calibration.Row("low", io.candor.evidence.Citations.SWIFT_2012,
        0.18, OptionalDouble.of(0.18), 0.18, 0.22, "d");
    Calibration.Row atUpper = new Calibration.Row("high", io.candor.evidence.Citations.SWIFT_2012,
        0.22, OptionalDouble.of(0.22), 0.18, 0.22, "d");
    Calibration.Row missing = new Calibration.Row("none", io.candor.evidence.Citations.SWIFT_2012,
        0.2, OptionalDouble.empty(), 0.18, 0.22, "d");
    assertEquals("PASS", atLower.verdict());
    assertEquals("PASS", atUpper.verdict());
    String table = new Calibration.Report(1, 100, List.of(atLower, missing)).toTable();
    String[] lines = table.split("\\R");
    assertEquals(3, lines.length, table);
    assertTrue(lines[1].matches("low +Swift & Greenberg 2012 +0\\.180 +0\\.180 +0\\.180-0\\.220  PASS"),
        lines[1]);
    assertTrue(lines[2].matches("none +Swift & Greenberg 2012 +0\\.200 +n/a +0\\.180-0\\.220  FAIL"),
        lines[2]);
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
    List<Calibration.Row> rows = report.rows();
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
