package io.candor.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseScaleTest {

  private static final ResponseScale ONE_TO_FIVE = ResponseScale.of(1, 5);
  private static final ResponseScale UNEVEN = ResponseScale.mapped(1, 3, 0, 10, 30);

  @Test
  void unmapped_scoresEachResponseAsItself() {
    assertEquals(List.of(), ONE_TO_FIVE.points());
    assertEquals(3, ONE_TO_FIVE.points(3));
    assertEquals(5, ONE_TO_FIVE.reversedPoints(1));
    assertEquals(2, ONE_TO_FIVE.reversedPoints(4));
    assertEquals(1, ONE_TO_FIVE.minPoints());
    assertEquals(5, ONE_TO_FIVE.maxPoints());
    assertEquals(1, ONE_TO_FIVE.step());
    assertEquals("1-5", ONE_TO_FIVE.toString());
  }

  @Test
  void mapped_scoresEachResponseByItsPoints() {
    assertEquals(List.of(0.0, 10.0, 30.0), UNEVEN.points());
    assertEquals(0, UNEVEN.points(1));
    assertEquals(10, UNEVEN.points(2));
    assertEquals(30, UNEVEN.points(3));
    assertEquals(30, UNEVEN.reversedPoints(1));
    assertEquals(0, UNEVEN.reversedPoints(3));
    assertEquals(0, UNEVEN.minPoints());
    assertEquals(30, UNEVEN.maxPoints());
    assertEquals(10, UNEVEN.step(), "the smallest gap between neighbouring points");
    assertEquals(10, ResponseScale.mapped(0, 2, 0, 20, 30).step());
    assertEquals("1-3 -> 0/10/30", UNEVEN.toString());
  }

  @Test
  void contains_holdsBothEnds() {
    assertTrue(ONE_TO_FIVE.contains(1));
    assertTrue(ONE_TO_FIVE.contains(5));
    assertFalse(ONE_TO_FIVE.contains(0));
    assertFalse(ONE_TO_FIVE.contains(6));
    assertEquals("response must be between 1 and 5, was 6",
        assertThrows(IllegalArgumentException.class, () -> ONE_TO_FIVE.points(6)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> UNEVEN.reversedPoints(0));
  }

  @Test
  void constructor_refusesAnEmptyRangeWrongCountsAndUnorderedPoints() {
    assertEquals("response max must be above min 2, was 2",
        assertThrows(IllegalArgumentException.class, () -> ResponseScale.of(2, 2)).getMessage());
    assertEquals("points must give one value for each response 1-3 (3), has 2",
        assertThrows(IllegalArgumentException.class, () -> ResponseScale.mapped(1, 3, 0, 1))
            .getMessage());
    assertEquals("points must be strictly increasing; points[2] = 10 follows 10",
        assertThrows(IllegalArgumentException.class, () -> ResponseScale.mapped(1, 3, 0, 10, 10))
            .getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ResponseScale.mapped(1, 3, 0, Double.NaN, 10));
  }
}
