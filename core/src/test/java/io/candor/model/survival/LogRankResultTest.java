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
}
