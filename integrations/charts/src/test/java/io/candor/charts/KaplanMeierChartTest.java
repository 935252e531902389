package io.candor.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.model.survival.KaplanMeierFit;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KaplanMeierChartTest {

  private static final KaplanMeierChart CHART =
      KaplanMeierChart.withDefaults().withEventLabel("reliable improvement");

  @Test
  void oneCurve_equalsTheGoldenFiles() {
    Chart c = CHART.draw(Fixtures.survival());
    Golden.check("kaplan-meier.svg", c.toSvg().getBytes(StandardCharsets.UTF_8));
    Golden.check("kaplan-meier.png", c.toPng());
  }

  @Test
  void strata_equalTheGoldenFilesAndTheDescriptionGivesTheLogRankTest() {
    Chart c = CHART.with(KaplanMeierChart.Curve.CUMULATIVE).draw(Fixtures.strata());
    Golden.check("kaplan-meier-strata.svg", c.toSvg().getBytes(StandardCharsets.UTF_8));
    Golden.check("kaplan-meier-strata.png", c.toPng());
    assertTrue(c.description().contains("Log-rank test: chi-square"), c.description());
    assertTrue(c.description().contains("weekly: 14 clients"), c.description());
  }

  @Test
  void numbersAtRisk_countClientsStillObserved() {
    KaplanMeierFit f = Fixtures.survival();
    assertEquals(20, KaplanMeierChart.atRisk(f, 0));
    assertEquals(20, KaplanMeierChart.atRisk(f, 2));
    assertEquals(19, KaplanMeierChart.atRisk(f, 3));
    assertEquals(7, KaplanMeierChart.atRisk(f, 10));
    assertEquals(1, KaplanMeierChart.atRisk(f, 20));
    assertEquals(0, KaplanMeierChart.atRisk(f, 21));
    // the at-risk count at each event time is the fit's own
    for (int j = 0; j < f.size(); j++) {
      assertEquals(f.nRisk().get(j), KaplanMeierChart.atRisk(f, f.time().get(j)));
    }
  }

  @Test
  void niceStep_givesFourToTenTicks() {
    assertEquals(5, KaplanMeierChart.niceStep(20));
    assertEquals(2, KaplanMeierChart.niceStep(12));
    assertEquals(50, KaplanMeierChart.niceStep(365));
    assertEquals(1, KaplanMeierChart.niceStep(0));
  }

  @Test
  void badSettings_areRejectedAndSettingsHaveValueSemantics() {
    assertThrows(IllegalArgumentException.class, () -> CHART.withEventLabel(""));
    assertThrows(IllegalArgumentException.class, () -> CHART.withTimeLabel(" "));
    assertEquals(CHART, KaplanMeierChart.withDefaults().withEventLabel("reliable improvement"));
    assertNotEquals(CHART, CHART.with(KaplanMeierChart.Curve.CUMULATIVE));
  }
}
