package io.candor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instruments;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.Simulator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparkSweepTest {

  private static final Scenario PHQ9 = Scenario.calibratedDefault(Instruments.PHQ9);

  @Test
  void run_givesEachCellTheSingleMachineSummaryOfItsScenarioAndSeed() {
    SweepGrid grid = SweepGrid.of(PHQ9)
        .withValues(ScenarioParameter.DROPOUT_HAZARD, 0.02, 0.2)
        .withValues(ScenarioParameter.SESSIONS, 8, 16)
        .withSeeds(1, 2);
    List<SparkSweep.Result> results = SparkSweep.run(SparkTests.spark(), grid, 2000, Arm.TREATED);
    assertEquals(8, results.size());
    for (SparkSweep.Result r : results) {
      Scenario s = grid.scenario(r.cell());
      assertEquals(Simulator.of(s).summarise(r.cell().seed(), 2000, Arm.TREATED, 1), r.summary());
    }
    SparkSweep.Result low = results.get(0);
    SparkSweep.Result high = results.get(4);
    assertEquals(0.02, low.cell().values().get(ScenarioParameter.DROPOUT_HAZARD));
    assertEquals(0.2, high.cell().values().get(ScenarioParameter.DROPOUT_HAZARD));
    assertTrue(high.summary().dropoutRate() > low.summary().dropoutRate());
    assertEquals(8, low.summary().lastSession());
  }

  @Test
  void grid_rejectsBadValuesBeforeAnyJob() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SweepGrid.of(PHQ9).withValues(ScenarioParameter.DROPOUT_HAZARD, 0.1, 1.5));
    assertTrue(e.getMessage().contains("dropout.hazard"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> SweepGrid.of(PHQ9).withValues(ScenarioParameter.SESSIONS, 8.5));
    assertThrows(IllegalArgumentException.class,
        () -> SweepGrid.of(PHQ9).withValues(ScenarioParameter.SESSIONS, 8, 8));
    assertThrows(IllegalArgumentException.class, () -> SweepGrid.of(PHQ9).withSeeds());
    assertEquals(ScenarioParameter.DROPOUT_HAZARD, ScenarioParameter.parse("dropout.hazard"));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> ScenarioParameter.parse("dropout.rate"));
    assertTrue(unknown.getMessage().contains("known: sessions, intake.mean"), unknown.getMessage());
  }
}
