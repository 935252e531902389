package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;

/** The hand-written decimal check agrees with the documented pattern. */
class LongCsvDecimalTest {

  @Test
  void isDecimal_agreesWithThePatternOnExamples() {
    String[] cases = {"0", "12", "-3", "+4.5", "1.", ".5", ".", "", "+", "-", "1e5", "1E-5",
      "1e", "e5", "1.5e+3", "1.5e+", "NaN", "Infinity", "0x1p3", "1d", "1f", "1..2", "1e5.5",
      "--1", " 1", "1 ", "١"};
    for (String c : cases) {
      assertEquals(LongCsv.DECIMAL.matcher(c).matches(), LongCsv.isDecimal(c), c);
    }
  }

  @Test
  void isDecimal_agreesWithThePatternOnRandomText() {
    qt().withExamples(5000).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 6))
        .checkAssert(s -> assertEquals(LongCsv.DECIMAL.matcher(s).matches(),
            LongCsv.isDecimal(s), s));
    qt().withExamples(5000).forAll(strings().betweenCodePoints('+', 'e').ofLengthBetween(0, 6))
        .checkAssert(s -> assertEquals(LongCsv.DECIMAL.matcher(s).matches(),
            LongCsv.isDecimal(s), s));
  }
}
