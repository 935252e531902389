package io.candor.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.model.DataRange;
import io.candor.model.mixture.MixtureFit;
import io.candor.model.mixture.TrajectoryClass;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClassCurvesChartTest {

  private static final MixtureFit FIT = Fixtures.classes();

  @Test
  void fourClasses_equalTheGoldenFiles() {
    Chart c = ClassCurvesChart.withDefaults().withScoreLabel("PHQ-9 score")
        .draw(FIT, DataRange.of(0, 12));
    Golden.check("classes.svg", c.toSvg().getBytes(StandardCharsets.UTF_8));
    Golden.check("classes.png", c.toPng());
  }

  @Test
  void description_givesEveryClasssShareCountAndCurve() {
    String d = ClassCurvesChart.withDefaults().withScoreLabel("PHQ-9 score")
        .draw(FIT, DataRange.of(0, 12)).description();
    assertTrue(d.startsWith(FIT.classes() + " latent trajectory classes of PHQ-9 score by"
        + " session"), d);
    for (TrajectoryClass tc : FIT.model().classes()) {
      String share = Args.pct1(tc.share());
      int count = FIT.classSummaries().get(tc.index() - 1).count();
      assertTrue(d.contains("class " + tc.index() + ", " + share + " of clients (" + count
          + " most likely), from " + Args.num(FIT.model().mean(tc.index(), 0)) + " at session 0"
          + " to " + Args.num(FIT.model().mean(tc.index(), 12)) + " at session 12"), d);
    }
    assertTrue(d.endsWith("not a label or a diagnosis."), d);
  }

  @Test
  void svg_carriesEveryShareAtItsCurvesEnd() {
    String svg = ClassCurvesChart.withDefaults().draw(FIT, DataRange.of(0, 12)).toSvg();
    for (TrajectoryClass tc : FIT.model().classes()) {
      assertTrue(svg.contains(">" + Args.pct1(tc.share()) + "<"), tc + " share label");
    }
  }

  @Test
  void aSingleTime_isNoRange() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> ClassCurvesChart.withDefaults().draw(FIT, DataRange.of(3)));
    assertEquals("the time range must span more than one time, was 3 to 3", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ClassCurvesChart.withDefaults().withTimeLabel(" "));
    assertEquals(ClassCurvesChart.withDefaults().withTitle("t"),
        ClassCurvesChart.withDefaults().withTitle("t"));
  }
}
