package io.candor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Trajectory;
import io.candor.measure.Instruments;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.SimulatedClient;
import io.candor.simulation.SimulationSummary;
import io.candor.simulation.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SparkSimulationTest {

  private static final Scenario PHQ9 = Scenario.calibratedDefault(Instruments.PHQ9);

  @Test
  void simulate_isBitIdenticalToTheSimulatorForAnyPartitionCount() {
    List<String> expected = new ArrayList<>();
    for (SimulatedClient c : Simulator.of(PHQ9).simulate(42L, 700, Arm.TREATED, 1)) {
      Trajectory t = c.trajectory();
      for (int i = 0; i < t.size(); i++) {
        expected.add(t.client() + "," + t.sessionAt(i) + ","
            + Double.doubleToLongBits(t.scoreAt(i)) + "," + c.course().name().toLowerCase(Locale.ROOT));
      }
    }
    for (int partitions : new int[] {1, 3, 7}) {
      List<String> got = new ArrayList<>();
      for (Row r : SparkSimulation.simulate(SparkTests.spark(), PHQ9, 42L, 700, Arm.TREATED,
          partitions).collectAsList()) {
        got.add(r.getString(0) + "," + r.getInt(2) + "," + Double.doubleToLongBits(r.getDouble(3))
            + "," + r.getString(5));
      }
      assertEquals(expected, got, "partitions " + partitions);
    }
  }

  @Test
  void summarise_equalsTheSingleMachineSummaryForAnyPartitionCount() {
    SimulationSummary single = Simulator.of(PHQ9).summarise(7L, 20_000, Arm.TREATED, 2);
    for (int partitions : new int[] {1, 4, 9}) {
      assertEquals(single, SparkSimulation.summarise(SparkTests.spark(), PHQ9, 7L, 20_000,
          Arm.TREATED, partitions), "partitions " + partitions);
    }
    assertEquals(Simulator.of(PHQ9).summarise(7L, 3000, Arm.WAITLIST, 1),
        SparkSimulation.summarise(SparkTests.spark(), PHQ9, 7L, 3000, Arm.WAITLIST, 2));
  }

  @Test
  void badCounts_areRejectedNamingTheValue() {
    IllegalArgumentException p = assertThrows(IllegalArgumentException.class,
        () -> SparkSimulation.summarise(SparkTests.spark(), PHQ9, 1L, 10, Arm.TREATED, 11));
    assertEquals("partitions must be 1 to 10 (the number of clients), was 11", p.getMessage());
    IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
        () -> SparkSimulation.simulate(SparkTests.spark(), PHQ9, 1L, 0, Arm.TREATED, 1));
    assertTrue(c.getMessage().startsWith("clients must be >= 1"), c.getMessage());
  }
}
