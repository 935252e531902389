package io.candor.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.model.dose.DoseEffect;
import io.candor.model.dose.DoseEffectExamples;
import io.candor.model.dose.DoseEffectFit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoseEffectChartTest {

  private static final DoseEffectFit HOWARD =
      DoseEffect.withDefaults().fit(DoseEffectExamples.howard1986());

  @Test
  void howardsCurve_equalsTheGoldenFiles() {
    Chart c = DoseEffectChart.withDefaults().draw(HOWARD, DoseEffectExamples.howard1986());
    Golden.check("dose-effect.svg", c.toSvg().getBytes(StandardCharsets.UTF_8));
    Golden.check("dose-effect.png", c.toPng());
  }

  @Test
  void description_givesTheMilestonesWithTheirIntervals() {
    String d = DoseEffectChart.withDefaults().withOutcomeLabel("improved").draw(HOWARD)
        .description();
    var m = HOWARD.milestones().get(0);
    String expected = String.format(java.util.Locale.ROOT,
        "50%% improved by about %.1f sessions (95%% CI %.1f to %.1f)", m.sessions(), m.lower(),
        m.upper());
    assertTrue(d.contains(expected), expected + " in " + d);
    assertTrue(d.startsWith("Fitted probit curve"), d);
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class,
        () -> DoseEffectChart.withDefaults().withOutcomeLabel(""));
    assertThrows(NullPointerException.class,
        () -> DoseEffectChart.withDefaults().draw(HOWARD, null));
    assertEquals(DoseEffectChart.withDefaults().draw(HOWARD, List.of()).description(),
        DoseEffectChart.withDefaults().draw(HOWARD).description());
  }
}
