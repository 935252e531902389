package io.candor.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IconArrayTest {

  @Test
  void fourOutcomes_equalTheGoldenFiles() {
    Chart c = IconArrayChart.withDefaults().withUnit("clients like this one")
        .draw(Fixtures.icons());
    Golden.check("icon-array.svg", c.toSvg().getBytes(StandardCharsets.UTF_8));
    Golden.check("icon-array.png", c.toPng());
    assertEquals("Icon array of 100 clients like this one: 42 recovered, 21 reliably improved,"
        + " not recovered, 30 no reliable change, 7 reliably worse. Icons are filled row by row,"
        + " category by category.", c.description());
  }

  @Test
  void fromShares_roundsByLargestRemainderTiesToTheFirst() {
    IconArray a = Fixtures.icons(); // 42, 20.5, 30.5, 7: the two halves tie, the first wins
    assertEquals(List.of(42, 21, 30, 7), a.categories().stream().map(IconCategory::count).toList());
    IconArray thirds = IconArray.fromShares(List.of("a", "b", "c"), List.of(1 / 3.0, 1 / 3.0,
        1 / 3.0));
    assertEquals(List.of(34, 33, 33),
        thirds.categories().stream().map(IconCategory::count).toList());
    IconArray tiny = IconArray.fromShares(List.of("rare", "common"), List.of(0.003, 0.997));
    assertEquals(0, tiny.categories().get(0).count());
  }

  @Test
  void icons_areFilledInReadingOrderCategoryByCategory() {
    IconArray a = Fixtures.icons();
    assertEquals(0, a.categoryOf(0));
    assertEquals(0, a.categoryOf(41));
    assertEquals(1, a.categoryOf(42));
    assertEquals(2, a.categoryOf(63));
    assertEquals(3, a.categoryOf(93));
    assertEquals(3, a.categoryOf(99));
    assertThrows(IllegalArgumentException.class, () -> a.categoryOf(100));
  }

  @Test
  void badArrays_areRejectedWithWhatIsWrong() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> IconArray.of(new IconCategory("a", 40), new IconCategory("b", 50)));
    assertTrue(e.getMessage().contains("add up to 100, they add up to 90"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> IconArray.of(new IconCategory("a", 50), new IconCategory("a", 50)));
    assertTrue(e.getMessage().contains("\"a\" appears twice"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new IconCategory("a", 101));
    assertTrue(e.getMessage().contains("count of a must be between 0 and 100, was 101"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> IconArray.fromShares(List.of("a", "b"), List.of(0.5, 0.6)));
    assertTrue(e.getMessage().contains("must add up to 1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> IconArray.fromShares(List.of("a", "b"), List.of(-0.1, 1.1)));
    assertTrue(e.getMessage().contains("share of a must be between 0 and 1, was -0.1"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new IconArray(List.of(
        new IconCategory("1", 10), new IconCategory("2", 10), new IconCategory("3", 10),
        new IconCategory("4", 10), new IconCategory("5", 10), new IconCategory("6", 10),
        new IconCategory("7", 40))));
    assertTrue(e.getMessage().contains("1 to 6 categories, was given 7"), e.getMessage());
  }
}
