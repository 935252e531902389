package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The cell parser accepts exactly the documented decimals and agrees with the JDK bit for bit. */
class DecimalsTest {

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** What the parser must return: the JDK's value for a decimal, INVALID (NaN) otherwise. */
  private static double expected(String s) {
    return DECIMAL.matcher(s).matches() ? Double.parseDouble(s) : Decimals.INVALID;
  }

  private static double parse(String s) {
    return Decimals.parse(s.toCharArray(), 0, s.length(), '.');
  }

  private static void agrees(String s) {
    assertEquals(Double.doubleToRawLongBits(expected(s)), Double.doubleToRawLongBits(parse(s)), s);
  }

  @Test
  void parse_agreesWithTheJdkOnEdgeCases() {
    String[] cases = {"0", "-0", "+0.0", "12", "-3", "+4.5", "1.", ".5", ".", "", "+", "-", "1e5",
      "1E-5", "1e", "e5", "1.5e+3", "1.5e+", "NaN", "Infinity", "0x1p3", "1d", "1f", "1..2",
      "1e5.5", "--1", " 1", "1 ", "\u0661", "0.1", "0.2", "0.3", "23.2", "9007199254740992",
      "9007199254740993", "18014398509481985", "123456789012345678901234567890",
      "0.000000000000000000000000000001", "1e22", "1e23", "1e-22", "1e-23", "1e308", "1e309",
      "-1e309", "4.9e-324", "2e-324", "1e-400", "1e99999999999", "0e99999999999",
      "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558"
          + "632766878171540458953514382464234321326889464182768467546703537516986049910576551282076"
          + "24", "2.2250738585072011e-308", "00000000000000000000000012.5", "1.000000000000000000001",
      "0.30000000000000004", "123456789012345.678"};
    for (String c : cases) {
      agrees(c);
    }
  }

  @Test
  void parse_agreesWithTheJdkOnRandomText() {
    qt().withExamples(5000).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 6))
        .checkAssert(DecimalsTest::agrees);
    qt().withExamples(5000).forAll(strings().betweenCodePoints('+', 'e').ofLengthBetween(0, 8))
        .checkAssert(DecimalsTest::agrees);
  }

  @Test
  void parse_agreesWithTheJdkOnRandomDecimals() {
    // digits, a point somewhere, an exponent sometimes: the fast path and the fallback
    qt().withExamples(20_000)
        .forAll(longs().all(), integers().between(0, 20), integers().between(-30, 30),
            integers().between(0, 2))
        .checkAssert((digits, point, exponent, form) -> {
          String d = Long.toString(Math.abs(digits == Long.MIN_VALUE ? 0 : digits));
          int at = Math.min(point, d.length());
          String s = (digits < 0 ? "-" : "") + d.substring(0, at) + "." + d.substring(at)
              + (form == 0 ? "" : "e" + exponent);
          agrees(s);
          agrees(s.replace(".", ""));
        });
  }

  @Test
  void parse_readsADecimalComma() {
    assertEquals(15.5, Decimals.parse("15,5".toCharArray(), 0, 4, ','));
    assertEquals(Decimals.INVALID, Decimals.parse("15.5".toCharArray(), 0, 4, ','));
    assertEquals(-0.25e3, Decimals.parse("-0,25e3".toCharArray(), 0, 7, ','));
    assertEquals(0.1, Decimals.parse("x0,1y".toCharArray(), 1, 4, ','));
  }
}
