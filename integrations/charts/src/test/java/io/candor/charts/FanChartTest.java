package io.candor.charts;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.simulation.SimulationSummary;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FanChartTest {

  private static final SimulationSummary SUMMARY = Fixtures.simulation();

  @Test
  void simulatedCohort_equalsTheGoldenFiles() {
    Chart c = FanChart.withDefaults().withCutoff(10).draw(SUMMARY);
    Golden.check("fan.svg", c.toSvg().getBytes(StandardCharsets.UTF_8));
    Golden.check("fan.png", c.toPng());
  }

  @Test
  void description_givesTheSummarysQuantilesAndWhoIsStillObserved() {
    String d = FanChart.withDefaults().draw(SUMMARY).description();
    String median12 = Args.num(SUMMARY.scoreQuantileAt(12, 0.5).orElseThrow());
    assertTrue(d.contains("and " + median12 + " at session 12"), d);
    assertTrue(d.contains("when " + SUMMARY.observedAt(12) + " clients were still observed"), d);
    assertTrue(d.contains("4000 simulated clients"), d);
  }

  @Test
  void rejectsANonFiniteCutoff() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> FanChart.withDefaults().withCutoff(Double.POSITIVE_INFINITY));
    assertTrue(e.getMessage().contains("cutoff must be a finite number"), e.getMessage());
  }
}
