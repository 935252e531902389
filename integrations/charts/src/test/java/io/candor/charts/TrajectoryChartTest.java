package io.candor.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.progress.PreparedCurve;
import io.candor.progress.Signal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrajectoryChartTest {

  private static final PreparedCurve CURVE = Fixtures.curve();

  private static Chart chart() {
    return TrajectoryChart.withDefaults().withScoreLabel("PHQ-9 score")
        .draw(CURVE, 20, Fixtures.SESSIONS, Fixtures.SCORES);
  }

  @Test
  void svgAndPng_equalTheGoldenFiles() {
    Chart c = chart();
    Golden.check("trajectory.svg", c.toSvg().getBytes(StandardCharsets.UTF_8));
    Golden.check("trajectory.png", c.toPng());
  }

  @Test
  void description_namesEveryObservationWithItsSignal() {
    String d = chart().description();
    for (int i = 0; i < Fixtures.SESSIONS.length; i++) {
      Signal s = CURVE.evaluate(Fixtures.SESSIONS[i], Fixtures.SCORES[i]).signal();
      String expected = "session " + Fixtures.SESSIONS[i] + " " + Args.num(Fixtures.SCORES[i])
          + " (" + TrajectoryChart.signalWords(s) + ")";
      assertTrue(d.contains(expected), expected + " in " + d);
    }
    assertTrue(d.contains("Caseness cutoff 10"), d);
    assertTrue(d.contains("not a clinical verdict"), d);
  }

  @Test
  void rejectsObservationsOutOfOrderOrOffTheCurve() {
    TrajectoryChart t = TrajectoryChart.withDefaults();
    var e = assertThrows(IllegalArgumentException.class,
        () -> t.draw(CURVE, 20, new int[] {2, 1}, new double[] {10, 11}));
    assertTrue(e.getMessage().contains("session 1 follows 2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> t.draw(CURVE, 20, new int[] {9}, new double[] {10}));
    assertTrue(e.getMessage().contains("outside the prepared curve"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> t.draw(CURVE, 20, new int[] {1, 2}, new double[] {10}));
    assertTrue(e.getMessage().contains("same length, were 2 and 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> t.draw(CURVE, Double.NaN, new int[] {1}, new double[] {10}));
    assertTrue(e.getMessage().contains("intake must be a finite number, was NaN"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> t.withScoreLabel(" "));
  }

  @Test
  void configuration_hasValueSemantics() {
    TrajectoryChart a = TrajectoryChart.withDefaults().withTitle("x");
    assertEquals(a, TrajectoryChart.withDefaults().withTitle("x"));
    assertEquals(a.hashCode(), TrajectoryChart.withDefaults().withTitle("x").hashCode());
    assertTrue(a.toString().contains("title=x"), a.toString());
    assertArrayEquals(chart().toPng(), chart().toPng());
  }
}
