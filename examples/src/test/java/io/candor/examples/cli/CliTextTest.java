package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CliTextTest {

  @Test
  void quote_keepsAShortValueWhole() {
    assertEquals("\"1:15;2\"", CliText.quote("1:15;2"));
    assertEquals("\"\"", CliText.quote(""));
  }

  @Test
  void quote_escapesLineBreaksAndControlCharacters_soTheMessageStaysOnOneLine() {
    assertEquals("\"1\\u000a2\\u000d\\u0000\\u2028\"", CliText.quote("1\n2\r\u0000\u2028"));
  }

  @Test
  void quote_cutsALongValueAndSaysItsLength() {
    String q = CliText.quote("x".repeat(5000));
    assertEquals("\"" + "x".repeat(59) + "\u2026\" (5000 characters)", q);
    // a pair of surrogates is not split
    String emoji = "a".repeat(58) + "\uD83D\uDE00" + "b".repeat(10);
    assertEquals("\"" + "a".repeat(58) + "\u2026\" (70 characters)", CliText.quote(emoji));
  }

  @Test
  void shortened_countsEscapesInTheLength_soControlCharactersCannotLengthenAMessage() {
    String nuls = CliText.shortened("Invalid value for option '--svg': cannot convert '{c"
        + "\u0000".repeat(600) + "'", 300);
    assertTrue(nuls.length() <= 300, nuls.length() + ": " + nuls);
    assertTrue(nuls.endsWith("\\u0000\u2026"), nuls);
    String q = CliText.quote("\u0000".repeat(20));
    assertTrue(q.length() <= 62 + " (20 characters)".length(), q);
    assertTrue(q.endsWith("\u2026\" (20 characters)"), q);
    assertEquals("\"\\u0000\"", CliText.quote("\u0000"));
  }
}
