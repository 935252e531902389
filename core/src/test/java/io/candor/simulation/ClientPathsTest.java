package io.candor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Trajectory;
import io.candor.measure.Instruments;
import org.junit.jupiter.api.Test;

class ClientPathsTest {

  @Test
  void generate_givesTheSimulatorsClientForTheSameSeedAndIndex() {
    Scenario s = Scenario.calibratedDefault(Instruments.PHQ9);
    ClientPaths paths = ClientPaths.of(s);
    Simulator sim = Simulator.of(s);
    for (long i : new long[] {0, 1, 17, 1_000_003}) {
      SimulatedClient c = sim.client(77, i, Arm.TREATED);
      paths.generate(77, i, Arm.TREATED);
      Trajectory t = c.trajectory();
      assertEquals(t.size(), paths.attended());
      for (int k = 0; k < t.size(); k++) {
        assertEquals(t.scoreAt(k), paths.score(k));
      }
      assertEquals(c.course(), paths.course());
      assertEquals(c.deteriorating(), paths.deteriorating());
      assertEquals(c.dropoutSession(), paths.dropoutSession());
      assertEquals(c.client().readiness(), paths.initialStage());
    }
  }

  @Test
  void aLongerPlanKeepsTheSameFirstSessions() {
    Scenario s = Scenario.calibratedDefault(Instruments.PHQ9);
    ClientPaths shortPlan = ClientPaths.of(s.withSessions(12));
    ClientPaths longPlan = ClientPaths.of(s.withSessions(20));
    for (long i = 0; i < 200; i++) {
      shortPlan.generate(3, i, Arm.TREATED);
      longPlan.generate(3, i, Arm.TREATED);
      for (int k = 0; k < shortPlan.attended(); k++) {
        assertEquals(shortPlan.score(k), longPlan.score(k));
      }
    }
  }

  @Test
  void badArgumentsAreRefused() {
    ClientPaths p = ClientPaths.of(Scenario.calibratedDefault(Instruments.PHQ9));
    assertThrows(IllegalArgumentException.class, () -> p.generate(1, -1, Arm.TREATED));
    p.generate(1, 0, Arm.TREATED);
    assertThrows(IllegalArgumentException.class, () -> p.score(p.attended()));
  }

  @Test
  void deterioratingClients_areReportedAsSuch() {
    Scenario s = Scenario.calibratedDefault(Instruments.PHQ9);
    ClientPaths paths = ClientPaths.of(s);
    assertEquals(s, paths.scenario());
    Simulator sim = Simulator.of(s);
    int deteriorating = 0;
    for (long i = 0; i < 200; i++) {
      paths.generate(5, i, Arm.TREATED);
      assertEquals(sim.client(5, i, Arm.TREATED).deteriorating(), paths.deteriorating());
      deteriorating += paths.deteriorating() ? 1 : 0;
    }
    assertTrue(deteriorating > 0 && deteriorating < 200, "deteriorating: " + deteriorating);
  }

  @Test
  void scoreOutsideTheAttendedSessions_namesTheRange() {
    ClientPaths p = ClientPaths.of(Scenario.calibratedDefault(Instruments.PHQ9));
    p.generate(1, 0, Arm.TREATED);
    int n = p.attended();
    assertEquals("session must be 0-" + (n - 1) + ", was " + n,
        assertThrows(IllegalArgumentException.class, () -> p.score(n)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> p.score(-1));
  }
}
