package io.candor.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.candor.evidence.Certainty;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaleBandsTest {

  private static Sourced cut(double v) {
    return Sourced.primary(v, Citations.STAMM_2010, "cut for the test");
  }

  private static final ScaleBands THREE =
      new ScaleBands(List.of("low", "middle", "high"), List.of(cut(10), cut(20)));

  @Test
  void label_startsAHigherBandAtEachCut() {
    assertEquals("low", THREE.label(9.99));
    assertEquals("middle", THREE.label(10));
    assertEquals("middle", THREE.label(19.5));
    assertEquals("high", THREE.label(20));
    assertEquals(2, THREE.index(1e6));
  }

  @Test
  void range_onWholeNumbersEndsEachBandBelowTheNextCut() {
    assertEquals("0-9", THREE.range(0, 0, 40, 1));
    assertEquals("10-19", THREE.range(1, 0, 40, 1));
    assertEquals("20-40", THREE.range(2, 0, 40, 1));
    assertEquals("band index must be between 0 and 2, was 3",
        assertThrows(IllegalArgumentException.class, () -> THREE.range(3, 0, 40, 1)).getMessage());
  }

  @Test
  void range_onAFinerGridSaysBelowAndAbove() {
    assertEquals("below 10", THREE.range(0, 0, 40, 0.5));
    assertEquals("10 to below 20", THREE.range(1, 0, 40, 0.5));
    assertEquals("20 or above", THREE.range(2, 0, 40, 0.5));
    assertEquals("below 10", THREE.range(0, 0.5, 40, 1), "a grid off the whole numbers");
  }

  @Test
  void certainty_isTheWeakestCutsCertainty() {
    assertEquals(Certainty.PRIMARY, THREE.certainty());
    ScaleBands mixed = new ScaleBands(List.of("a", "b", "c"), List.of(cut(1),
        Sourced.assumption(2, Citations.STAMM_2010, "a convention")));
    assertEquals(Certainty.ASSUMPTION, mixed.certainty());
  }

  @Test
  void constructor_refusesMismatchedDuplicateOrUnorderedBands() {
    assertEquals("bands need one label more than cuts: 2 labels for 2 cuts",
        assertThrows(IllegalArgumentException.class, () -> new ScaleBands(List.of("a", "b"),
            List.of(cut(1), cut(2)))).getMessage());
    assertEquals("band labels must differ, were [a, a]",
        assertThrows(IllegalArgumentException.class, () -> new ScaleBands(List.of("a", "a"),
            List.of(cut(1)))).getMessage());
    assertEquals("cuts must be strictly increasing; 10 follows 10",
        assertThrows(IllegalArgumentException.class, () -> new ScaleBands(List.of("a", "b", "c"),
            List.of(cut(10), cut(10)))).getMessage());
    assertEquals("cuts must be strictly increasing; 15 follows 20",
        assertThrows(IllegalArgumentException.class, () -> new ScaleBands(
            List.of("a", "b", "c", "d"), List.of(cut(10), cut(20), cut(15)))).getMessage());
    assertEquals(List.of("a", "b", "c", "d"), new ScaleBands(List.of("a", "b", "c", "d"),
        List.of(cut(10), cut(20), cut(30))).labels());
  }
}
