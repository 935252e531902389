package io.candor.expectation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Numbers as the reports write them in English. */
class MessagesTest {

  private static final Messages EN = Messages.of(Locale.ENGLISH);

  @Test
  void numbers_haveAtMostTheirDecimals_groupedThousands_andNoNegativeZero() {
    assertEquals("1.23", EN.number(1.23456, 2));
    assertEquals("1.2", EN.number(1.2, 2), "no trailing zero");
    assertEquals("12,345.7", EN.number(12_345.67, 1));
    assertEquals("0", EN.number(-0.0, 1), "a negative zero is written 0");
    assertEquals("20,000", EN.count(20_000));
  }

  @Test
  void percents_haveExactlyOneDecimal() {
    assertEquals("50.0 %", EN.percent(0.5));
    assertEquals("12.3 %", EN.percent(0.12345));
    assertEquals("0.0 %", EN.percent(-0.0));
  }

  @Test
  void aLanguageWithoutATranslation_isEnglish_andOneWithItsFileKeepsItsLocale() {
    assertEquals(Locale.ENGLISH, Messages.of(Locale.GERMAN).locale());
    assertEquals(Locale.forLanguageTag("xx"), Messages.of(Locale.forLanguageTag("xx")).locale());
    assertEquals(Locale.UK, Messages.of(Locale.UK).locale(), "English in any region keeps it");
  }
}
