package io.candor.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.model.therapist.FunnelFit;
import io.candor.model.therapist.FunnelPoint;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FunnelChartTest {

  private static final FunnelFit FIT = Fixtures.funnel();

  @Test
  void generatedService_equalsTheGoldenFiles() {
    Chart c = FunnelChart.withDefaults().draw(FIT);
    Golden.check("funnel.svg", c.toSvg().getBytes(StandardCharsets.UTF_8));
    Golden.check("funnel.png", c.toPng());
  }

  @Test
  void description_countsAndNamesTheTherapistsOutsideTheLimitsWithoutAVerdict() {
    String d = FunnelChart.withDefaults().draw(FIT).description();
    long outside = FIT.points().stream().filter(p -> p.position().outside95()).count();
    assertTrue(d.contains(outside + " outside the 95% limits"), d);
    for (FunnelPoint p : FIT.points()) {
      assertEquals(p.position().outside95(), d.contains(" " + p.therapist() + ": "), p.therapist());
    }
    assertTrue(d.contains("not a verdict on a person"), d);
    assertTrue(d.startsWith("Funnel plot of " + FIT.points().size() + " therapists"), d);
  }
}
