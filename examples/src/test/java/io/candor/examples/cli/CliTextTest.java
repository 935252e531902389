package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
