package io.candor.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.expectation.ClientProfile;
import io.candor.expectation.ClientRenderer;
import io.candor.expectation.ExpectationReport;
import io.candor.expectation.Expectations;
import io.candor.expectation.Outcome;
import io.candor.expectation.ServiceRenderer;
import io.candor.expectation.ServiceSummary;
import io.candor.measure.Instruments;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
  void reportStatement_inTheClientTextsWords_equalsTheGoldenFiles() {
    Chart c = IconArrayChart.withDefaults()
        .withTitle("After 12 sessions, out of 100 people who start where you are")
        .withUnit("people who start where you are")
        .draw(IconArray.fromReport(Fixtures.reportStatement(),
            ClientRenderer.withDefaults().iconLabels()));
    Golden.check("report-icon-array.svg", c.toSvg().getBytes(StandardCharsets.UTF_8));
    Golden.check("report-icon-array.png", c.toPng());
    assertEquals("Icon array of 100 people who start where you are: 45 feel much better, 31 feel"
        + " about the same, 6 feel worse than at the start, 18 have stopped coming. Icons are"
        + " filled row by row, category by category.", c.description());
  }

  @Test
  void reportStatement_inGreyscale_equalsTheGoldenFile() {
    Chart c = IconArrayChart.withDefaults().withUnit("clients like this one")
        .with(ChartStyle.withDefaults().with(Palette.GREYSCALE))
        .draw(IconArray.fromReport(Fixtures.reportStatement()));
    Golden.check("report-icon-array-greyscale.png", c.toPng());
    assertTrue(c.description().contains("45 improve reliably, 31 do not change reliably, 6 get"
        + " reliably worse, 18 stop attending"), c.description());
  }

  @Test
  void fromReport_keepsEveryStatementsCountsAndFillOrder() {
    ExpectationReport report = Expectations.withDefaults().withClients(2_000)
        .withSensitivityClients(500).report(ClientProfile.of(Instruments.PHQ9, 17), 7L);
    assertFalse(report.iconArrays().isEmpty());
    for (io.candor.expectation.IconArray statement : report.iconArrays()) {
      IconArray drawn = IconArray.fromReport(statement);
      for (int i = 0; i < IconArray.ICONS; i++) {
        Outcome o = statement.cells().get(i);
        assertEquals(statement.legend().indexOf(o), drawn.categoryOf(i), "icon " + i);
      }
      for (Outcome o : statement.legend()) {
        if (o.exclusive() || o == Outcome.RECOVERY) {
          assertEquals(report.probability(o, statement.horizon()).orElseThrow()
              .naturalFrequency().count(), statement.count(o), o + " at " + statement.horizon());
        }
      }
    }
  }

  @Test
  void fromSummary_isTheCaseloadsExpectedMixOutOf100() {
    Expectations small = Expectations.withDefaults().withClients(1_000)
        .withSensitivityClients(200);
    List<ExpectationReport> reports = List.of(
        small.report(ClientProfile.of(Instruments.PHQ9, 12), 1L),
        small.report(ClientProfile.of(Instruments.PHQ9, 18), 2L),
        small.report(ClientProfile.of(Instruments.PHQ9, 24), 3L));
    ServiceSummary summary = ServiceRenderer.withDefaults().summarise(List.of("a", "b", "c"),
        reports);
    IconArray drawn = IconArray.fromSummary(summary);
    List<Double> shares = summary.outcomes().stream().map(c -> c.expected() / c.of()).toList();
    assertEquals(IconArray.fromShares(List.of("improve reliably", "do not change reliably",
        "get reliably worse", "stop attending"), shares), drawn);
  }

  @Test
  void fromReport_needsWordsForEveryOutcomeShown() {
    var e = assertThrows(IllegalArgumentException.class, () -> IconArray.fromReport(
        Fixtures.reportStatement(), Map.of(Outcome.RELIABLE_IMPROVEMENT, "better")));
    assertTrue(e.getMessage().contains("labels has no words for NO_RELIABLE_CHANGE"),
        e.getMessage());
    Map<Outcome, String> same = new EnumMap<>(Outcome.class);
    Outcome.EXCLUSIVE.forEach(o -> same.put(o, "the same words"));
    e = assertThrows(IllegalArgumentException.class,
        () -> IconArray.fromReport(Fixtures.reportStatement(), same));
    assertTrue(e.getMessage().contains("\"the same words\" appears twice"), e.getMessage());
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
