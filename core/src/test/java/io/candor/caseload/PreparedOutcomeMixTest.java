package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PreparedOutcomeMixTest {

  /**
   * 1,000 clients with gaps 0, 0.001, …, 0.999, those from 0.5 on reaching the event: the table
   * is the share of events among the 400 clients nearest in gap (the first or last 400 near the
   * ends), on a grid from the smallest gap to the largest, and its end values beyond them.
   */
  @Test
  void curve_isTheEventShareAmongTheNearestClients_onAGridOverTheGaps() {
    int n = 1000;
    double[] gap = new double[n];
    boolean[] event = new boolean[n];
    for (int i = 0; i < n; i++) {
      gap[n - 1 - i] = i / 1000.0; // given in any order
      event[n - 1 - i] = i >= 500;
    }
    PreparedOutcomeMix.Curve c = new PreparedOutcomeMix.Curve(gap, event, n);
    assertEquals(0, c.at(0));
    assertEquals(0, c.at(0.2), "clients 0 to 399");
    assertEquals(0.25, c.at(0.4), 0.003, "clients 200 to 599");
    assertEquals(0.5, c.at(0.5), 0.003, "clients 300 to 699");
    assertEquals(0.75, c.at(0.6), 0.003, "clients 400 to 799");
    assertEquals(1, c.at(0.8), "clients 600 to 999");
    assertEquals(1, c.at(0.999));
    double step = 0.999 / (PreparedOutcomeMix.Curve.POINTS - 1);
    for (double beyond : new double[] {0.999 + 0.6 * step, 0.999 + 1.2 * step, 0.999 + 3 * step, 5}) {
      assertEquals(1, c.at(beyond), "gap " + beyond + " beyond the largest");
    }
    assertEquals(0, c.at(-0.6 * step));
    assertEquals(0, c.at(-5));
  }
}
