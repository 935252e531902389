package io.candor.model.survival;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogRankResultTest {

  private static LogRankResult withP(double p) {
    return new LogRankResult(List.of("a", "b"), List.of(500, 500), List.of(480.0, 20.0),
        List.of(250.0, 250.0), List.of(List.of(120.0, -120.0), List.of(-120.0, 120.0)), 881.7, 1,
        p, 0);
  }

  @Test
  void toText_printsAVanishingPAsABound_notAsZero() {
    String text = withP(0.0).toText();
    assertTrue(text.contains("p < 1e-16"), text);
    assertFalse(text.contains("p = 0.0"), text);
    assertTrue(withP(3e-20).toText().contains("p < 1e-16"));
  }

  @Test
  void toText_printsOrdinaryPValues() {
    assertTrue(withP(0.0123).toText().contains("p = 0.0123"), withP(0.0123).toText());
    assertTrue(withP(3.2e-7).toText().contains("p = 3.2e-07"), withP(3.2e-7).toText());
  }

  @Test
  void toText_givesEachGroupsCountsAndItsShareOfTheStatistic() {
    // (O − E)²/V: (480 − 250)²/120 = 440.833 for a, (20 − 250)²/120 the same for b
    String text = withP(0.0123).toText();
    assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%-20s %8d %10s %10.2f %14.3f",
        "a", 500, "480", 250.0, 440.833)), text);
    assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%-20s %8d %10s %10.2f %14.3f",
        "b", 500, "20", 250.0, 440.833)), text);
    LogRankResult uneven = new LogRankResult(List.of("a", "b"), List.of(10, 12),
        List.of(6.0, 3.0), List.of(4.5, 4.5), List.of(List.of(2.0, -2.0), List.of(-2.0, 2.0)),
        2.25, 1, 0.13, 0);
    // (6 − 4.5)²/2 = 1.125 and (3 − 4.5)²/2 = 1.125
    assertTrue(uneven.toText().contains(String.format(java.util.Locale.ROOT,
        "%-20s %8d %10s %10.2f %14.3f", "a", 10, "6", 4.5, 1.125)), uneven.toText());
  }
}
