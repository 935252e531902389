package io.candor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.candor.change.ClinicalEvents;
import io.candor.domain.Trajectory;
import io.candor.measure.Instruments;
import org.junit.jupiter.api.Test;

class SimulatedPanelTest {

  private static final Scenario PHQ = Scenario.calibratedDefault(Instruments.PHQ9).withSessions(12);

  @Test
  void panel_holdsExactlyTheClientsTheSimulatorGives_forAnyThreadCount() {
    qt().withExamples(5).forAll(longs().all(), integers().between(1, 3), integers().between(1, 2500))
        .checkAssert((seed, threads, n) -> {
          Simulator sim = Simulator.of(PHQ);
          SimulatedPanel panel = sim.panel(seed, n, Arm.TREATED, threads);
          assertEquals(n, panel.clients());
          assertEquals(12, panel.lastSession());
          for (int i = 0; i < n; i += Math.max(1, n / 40)) {
            SimulatedClient c = sim.client(seed, i, Arm.TREATED);
            Trajectory t = c.trajectory();
            assertEquals(t.size(), panel.attended(i));
            for (int k = 0; k < t.size(); k++) {
              assertEquals(t.scoreAt(k), panel.score(i, t.sessionAt(k)));
            }
            assertEquals(c.dropoutSession(), panel.dropoutSession(i));
            assertEquals(c.course(), panel.course(i));
            assertEquals(c.client().readiness(), panel.initialStage(i));
            assertEquals(c.deteriorating(), panel.deteriorating(i));
            assertFalse(panel.observed(i, t.size()));
          }
        });
  }

  @Test
  void givenIntake_startsEveryClientAtThatScore_andIsReproducible() {
    Simulator sim = Simulator.of(PHQ).givenIntake(7);
    SimulatedPanel a = sim.panel(5L, 3000, Arm.TREATED, 1);
    SimulatedPanel b = sim.panel(5L, 3000, Arm.TREATED, 2);
    for (int i = 0; i < a.clients(); i++) {
      assertEquals(7.0, a.score(i, 0));
      assertEquals(a.attended(i), b.attended(i));
      for (int s = 0; s < a.attended(i); s++) {
        assertEquals(a.score(i, s), b.score(i, s));
      }
    }
    assertEquals(7.0, sim.givenIntakeScore().getAsDouble());
    assertTrue(Simulator.of(PHQ).givenIntakeScore().isEmpty());
    assertEquals(7.0, sim.client(5L, 17, Arm.TREATED).trajectory().scoreAt(0));
  }

  /**
   * The conditioned intake is checked against rejection sampling: clients of the unconditioned
   * simulator whose observed intake happened to be 17 must fare like clients simulated at intake
   * 17 (the conditioning ignores only the rounding of the observed score, variance 1/12 against
   * about 28 in all).
   */
  @Test
  void givenIntake_agreesWithRejectionSamplingOfTheUnconditionedSimulator() {
    Scenario s = PHQ.withSessions(8);
    ClinicalEvents events = ClinicalEvents.of(Instruments.PHQ9);
    SimulatedPanel all = Simulator.of(s).panel(11L, 200_000, Arm.TREATED, 2);
    long n = 0;
    long improved = 0;
    for (int i = 0; i < all.clients(); i++) {
      if (all.score(i, 0) == 17 && all.observed(i, 8)) {
        n++;
        improved += events.reliablyImproved(17, all.score(i, 8)) ? 1 : 0;
      }
    }
    SimulatedPanel given = Simulator.of(s).givenIntake(17).panel(12L, 20_000, Arm.TREATED, 2);
    long m = 0;
    long improvedGiven = 0;
    for (int i = 0; i < given.clients(); i++) {
      if (given.observed(i, 8)) {
        m++;
        improvedGiven += events.reliablyImproved(17, given.score(i, 8)) ? 1 : 0;
      }
    }
    double p = (double) improved / n;
    double q = (double) improvedGiven / m;
    double se = Math.sqrt(p * (1 - p) / n + q * (1 - q) / m);
    assertTrue(n > 10_000, "clients with intake 17: " + n);
    assertTrue(Math.abs(p - q) < 3.5 * se, "rejection " + p + " vs conditioned " + q + ", se " + se);
  }

  @Test
  void badInput_isRejectedWithTheValue() {
    Simulator sim = Simulator.of(PHQ);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> sim.givenIntake(28))
        .getMessage().contains("28"));
    assertThrows(IllegalArgumentException.class, () -> sim.givenIntake(Double.NaN));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> sim.panel(1L, 0, Arm.TREATED, 1)).getMessage().contains("clients"));
    SimulatedPanel p = sim.panel(1L, 10, Arm.TREATED, 1);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> p.score(10, 0))
        .getMessage().contains("client must be 0-9, was 10"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> p.score(0, 13))
        .getMessage().contains("not at 13"));
  }

  @Test
  void panel_namesItsInstrumentArmAndShape() {
    SimulatedPanel p = Simulator.of(PHQ).panel(1L, 10, Arm.WAITLIST, 1);
    assertEquals("PHQ-9", p.instrument());
    assertEquals(Arm.WAITLIST, p.arm());
    assertEquals(PHQ.waitlist().weeks(), p.lastSession());
    assertEquals("SimulatedPanel[PHQ-9, WAITLIST, 10 clients, sessions 0-" + PHQ.waitlist().weeks()
        + "]", p.toString());
    int n = p.attended(0);
    assertEquals("client 0 was observed at sessions 0-" + (n - 1) + ", not at " + n,
        assertThrows(IllegalArgumentException.class, () -> p.score(0, n)).getMessage());
  }

  @Test
  void panelsOfMoreThanMaxCells_areRefusedBeforeAllocating() {
    Simulator sim = Simulator.of(PHQ);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> sim.panel(1L, 200_000_000, Arm.TREATED, 1));
    assertTrue(e.getMessage().contains("at most " + SimulatedPanel.MAX_CELLS), e.getMessage());
  }
}
