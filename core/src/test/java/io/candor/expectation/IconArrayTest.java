package io.candor.expectation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class IconArrayTest {

  private static final List<Outcome> LEGEND = Outcome.EXCLUSIVE;

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void cells_areTheLegendInOrder_eachRepeatedItsCount_rowByRow() {
    IconArray a = IconArray.of(12, LEGEND, List.of(45, 30, 6, 19));
    assertEquals(IconArray.CELLS, a.cells().size());
    List<Outcome> expected = new ArrayList<>();
    expected.addAll(Collections.nCopies(45, LEGEND.get(0)));
    expected.addAll(Collections.nCopies(30, LEGEND.get(1)));
    expected.addAll(Collections.nCopies(6, LEGEND.get(2)));
    expected.addAll(Collections.nCopies(19, LEGEND.get(3)));
    assertEquals(expected, a.cells());
    assertEquals(LEGEND.get(0), a.cell(4, 4), "cell 44 is the 45th");
    assertEquals(LEGEND.get(1), a.cell(4, 5), "cell 45 is the 46th");
    assertEquals(LEGEND.get(3), a.cell(9, 9));
    assertEquals(30, a.count(LEGEND.get(1)));
    assertEquals(0, a.count(Outcome.RECOVERY), "not in the legend");
    assertEquals(a, IconArray.of(12, LEGEND, List.of(45, 30, 6, 19)), "the same every time");
  }

  @Test
  void anOutcomeWithNoCells_isLeftOutOfTheCellsButKeptInTheLegend() {
    IconArray a = IconArray.of(8, LEGEND, List.of(0, 100, 0, 0));
    assertTrue(a.cells().stream().allMatch(c -> c == LEGEND.get(1)));
    assertEquals(LEGEND, a.legend());
  }

  @Test
  void badCounts_orCellsThatDisagreeWithThem_areRejectedWithTheValues() {
    assertTrue(message(() -> IconArray.of(12, LEGEND, List.of(45, 30, 6, 18)))
        .contains("must sum to 100, sum to 99"));
    assertTrue(message(() -> IconArray.of(12, LEGEND, List.of(45, 30, 25)))
        .contains("counts has 3 entries for 4 legend entries"));
    assertTrue(message(() -> IconArray.of(12, LEGEND, List.of(101, -1, 0, 0)))
        .contains("must be between 0 and 100, was 101"));
    assertTrue(message(() -> IconArray.of(0, LEGEND, List.of(45, 30, 6, 19)))
        .contains("horizon"));
    List<Outcome> shuffled = new ArrayList<>(IconArray.of(12, LEGEND, List.of(45, 30, 6, 19))
        .cells());
    Collections.swap(shuffled, 0, 99);
    assertTrue(message(() -> new IconArray(12, LEGEND, List.of(45, 30, 6, 19), shuffled))
        .contains("cells must be the legend's outcomes in order"));
    IconArray a = IconArray.of(12, LEGEND, List.of(45, 30, 6, 19));
    assertTrue(message(() -> a.cell(10, 0)).contains("row"));
    assertTrue(message(() -> a.cell(0, -1)).contains("column"));
  }
}
