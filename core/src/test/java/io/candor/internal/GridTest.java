package io.candor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GridTest {

  @Test
  void tenths_areTheNearestDoublesToTheirDecimals() {
    assertEquals(23.2, Grid.nearest(0, 0.1, 23.19));
    assertEquals(0.3, Grid.nearest(0, 0.1, 0.31));
    assertEquals(39.9, Grid.nearest(0, 0.1, 39.94));
  }

  @Test
  void wholeAndHalfSteps_andOddSteps() {
    assertEquals(15, Grid.nearest(0, 1, 15.4));
    assertEquals(14, Grid.nearest(10, 2, 14.9));
    assertEquals(7.5, Grid.nearest(0, 0.5, 7.4));
    assertEquals(0.9, Grid.nearest(0, 0.3, 1.0));
    assertEquals(-1.7, Grid.nearest(-2, 0.1, -1.71));
  }
}
