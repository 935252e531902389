package io.candor.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DirectionTest {

  @Test
  void improvement_isPositiveForAChangeTowardsTheBetterEndOfEitherScale() {
    assertEquals(-1, Direction.HIGHER_IS_WORSE.improvementSign());
    assertEquals(1, Direction.HIGHER_IS_BETTER.improvementSign());
    assertEquals(6, Direction.HIGHER_IS_WORSE.improvement(18, 12));
    assertEquals(-6, Direction.HIGHER_IS_BETTER.improvement(18, 12));
    assertEquals(2.5, Direction.HIGHER_IS_BETTER.improvement(20, 22.5));
  }

  @Test
  void isCase_includesTheCutoffOnAHigherIsWorseScaleOnly() {
    assertTrue(Direction.HIGHER_IS_WORSE.isCase(10, 10));
    assertFalse(Direction.HIGHER_IS_WORSE.isCase(9, 10));
    assertFalse(Direction.HIGHER_IS_BETTER.isCase(10, 10));
    assertTrue(Direction.HIGHER_IS_BETTER.isCase(9, 10));
  }

  @Test
  void reversed_swapsTheDirections() {
    assertEquals(Direction.HIGHER_IS_BETTER, Direction.HIGHER_IS_WORSE.reversed());
    assertEquals(Direction.HIGHER_IS_WORSE, Direction.HIGHER_IS_BETTER.reversed());
  }

  @Test
  void parse_readsTheNameInAnyCase_andListsTheNamesOtherwise() {
    assertEquals(Direction.HIGHER_IS_BETTER, Direction.parse("higher-is-better"));
    assertEquals(Direction.HIGHER_IS_WORSE, Direction.parse("HIGHER_IS_WORSE"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Direction.parse("up"))
        .getMessage().startsWith("direction must be one of higher-is-worse, higher-is-better"));
  }
}
