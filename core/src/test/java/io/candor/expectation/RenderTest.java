package io.candor.expectation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.candor.measure.Instruments;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Scores written at their instrument's resolution. */
class RenderTest {

  private static final Render EN = new Render(Messages.of(Locale.ENGLISH));

  @Test
  void scores_haveTheDecimalsOfTheirInstrumentsSteps() {
    assertEquals("13", EN.score(Instruments.PHQ9, 12.6), "PHQ-9 counts whole points");
    assertEquals("15.4", EN.score(Instruments.ORS, 15.36), "ORS counts tenths");
    assertEquals("15.3", EN.score(Instruments.ORS, 15.3));
    assertEquals("40", EN.score(Instruments.ORS, 40));
  }
}
