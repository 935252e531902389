package io.candor.expectation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The layout of a rendered report, written out by hand: wrapping, lists, tables, icon arrays. */
class DocTest {

  private static final String NINE = "abcdefgh1";

  private static final Map<Outcome, String> SYMBOLS = Map.of(Outcome.RELIABLE_IMPROVEMENT, "B",
      Outcome.NO_RELIABLE_CHANGE, "N", Outcome.RELIABLE_DETERIORATION, "W", Outcome.DROPOUT, "D");

  private static final Map<Outcome, String> LABELS = Map.of(Outcome.RELIABLE_IMPROVEMENT,
      "better", Outcome.NO_RELIABLE_CHANGE, "same", Outcome.RELIABLE_DETERIORATION, "worse",
      Outcome.DROPOUT, "stopped");

  private static Doc sample() {
    Doc d = new Doc("Title", Locale.ENGLISH);
    d.heading("Head");
    // six words of 9 letters and one of 18 make a line of exactly 78 characters
    String eighteen = NINE + NINE;
    d.paragraph(String.join(" ", NINE, NINE, NINE, NINE, NINE, NINE, eighteen, "next")
        + "  line");
    d.bullets(List.of("short", String.join(" ", NINE, NINE, NINE, NINE, NINE, NINE, NINE, NINE)));
    d.bullets(List.of());
    d.table(List.of("Outcome", "Session 8"), List.of(List.of("better", "45.0 %"),
        List.of("no change, long name", "5.5 %")));
    d.icons(IconArray.of(12, Outcome.EXCLUSIVE, List.of(45, 30, 6, 19)), LABELS, SYMBOLS,
        "After 12 sessions:");
    return d;
  }

  @Test
  void text_wrapsAt78_indentsLists_alignsTables_andDrawsIconsRowByRow() {
    String n6 = String.join(" ", NINE, NINE, NINE, NINE, NINE, NINE);
    String expected = "Title\n=====\n"
        + "\nHead\n----\n"
        + "\n" + n6 + " " + NINE + NINE + "\nnext line\n"
        + "\n  - short\n"
        + "  - " + n6 + " " + NINE + "\n"
        + "    " + NINE + "\n"
        + "\n  Outcome               Session 8\n"
        + "  --------------------  ---------\n"
        + "  better                   45.0 %\n"
        + "  no change, long name      5.5 %\n"
        + "\nAfter 12 sessions:\n"
        + "    B B B B B B B B B B\n".repeat(4)
        + "    B B B B B N N N N N\n"
        + "    N N N N N N N N N N\n".repeat(2)
        + "    N N N N N W W W W W\n"
        + "    W D D D D D D D D D\n"
        + "    D D D D D D D D D D\n"
        + "    B  better (45)\n    N  same (30)\n    W  worse (6)\n    D  stopped (19)\n";
    assertEquals(expected, sample().text());
  }

  @Test
  void prose_isTheTitleHeadingsParagraphsItemsAndCaptions_oneALine() {
    String n6 = String.join(" ", NINE, NINE, NINE, NINE, NINE, NINE);
    assertEquals("Title\nHead\n" + n6 + " " + NINE + NINE + " next  line\nshort\n" + n6 + " "
        + NINE + " " + NINE + "\nAfter 12 sessions:\n", sample().prose());
  }

  @Test
  void html_isOnePageWithEscapedTextTablesAndAnSvgOfTheIconArray() {
    String html = sample().html();
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"));
    assertTrue(html.contains("<title>Title</title>") && html.contains("<h1>Title</h1>\n<h2>Head</h2>\n<p>"));
    assertTrue(html.contains("<ul>\n<li>short</li>\n<li>" + NINE + " "), html);
    assertEquals(1, html.split("<ul>", -1).length - 1, "an empty list is left out");
    assertTrue(html.contains("<table>\n<thead><tr><th>Outcome</th><th>Session 8</th></tr></thead>\n"
        + "<tbody>\n<tr><td>better</td><td>45.0 %</td></tr>\n"
        + "<tr><td>no change, long name</td><td>5.5 %</td></tr>\n</tbody>\n</table>\n"));
    assertTrue(html.contains("<figure>\n<figcaption>After 12 sessions:</figcaption>\n<svg "));
    assertTrue(html.contains("aria-label=\"45 better; 30 same; 6 worse; 19 stopped\""));
    assertTrue(html.contains("<circle cx=\"10\" cy=\"10\" r=\"8\" fill=\"#1f5f8b\"/>"));
    assertTrue(html.contains("<circle cx=\"90\" cy=\"90\" r=\"8\" fill=\"#1f5f8b\"/>"
        + "<circle cx=\"110\" cy=\"90\" r=\"8\" fill=\"#8fb3cc\"/>"), "cells 44 and 45");
    assertTrue(html.contains("<circle cx=\"190\" cy=\"190\" r=\"8\" fill=\"#d9d9d9\"/>\n</svg>"));
    assertEquals(100, html.split("<circle", -1).length - 1);
    assertTrue(html.contains("<ul class=\"legend\">\n<li><span class=\"swatch\" style=\"background:"
        + "#1f5f8b\"></span>better (45)</li>\n"));
    assertTrue(html.contains("#6b5b95\"></span>worse (6)</li>\n<li><span class=\"swatch\" style="
        + "\"background:#d9d9d9\"></span>stopped (19)</li>\n</ul>\n</figure>\n</body>\n</html>\n"));
  }

  @Test
  void html_escapesMarkupInEveryText() {
    Doc d = new Doc("a<b & \"c\" 'd'>", Locale.forLanguageTag("xx"));
    d.paragraph("1 < 2");
    String html = d.html();
    assertTrue(html.contains("<html lang=\"xx\">"));
    assertTrue(html.contains("<h1>a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;</h1>"));
    assertTrue(html.contains("<p>1 &lt; 2</p>"));
  }

  /** A word that would make a line of 79 characters starts the next line. */
  @Test
  void text_wrapsALineThatWouldBeOneCharacterTooLong() {
    Doc d = new Doc("T", Locale.ENGLISH);
    String n6 = String.join(" ", NINE, NINE, NINE, NINE, NINE, NINE);
    String nineteen = NINE + NINE + "x";
    d.paragraph(n6 + " " + nineteen);
    assertEquals("T\n=\n\n" + n6 + "\n" + nineteen + "\n", d.text());
  }
}
