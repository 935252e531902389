package io.candor.expectation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A rendered report before it is written out: headings, paragraphs, bullet lists, tables and icon
 * arrays, written as plain text ({@link #text()}) or as one self-contained HTML page ({@link
 * #html()}). All words come from the renderers (and so from the resource bundle); this class adds
 * only layout.
 *
 * <p>Not part of the API; built by one renderer call and then read.
 */
final class Doc {

  private static final int WIDTH = 78;

  /** Neutral colours, none of them suggesting good or bad (no red, no green). */
  private static final Map<Outcome, String> COLOURS =
      Collections.unmodifiableMap(new EnumMap<>(Map.of(
      Outcome.RELIABLE_IMPROVEMENT, "#1f5f8b",
      Outcome.NO_RELIABLE_CHANGE, "#8fb3cc",
      Outcome.RELIABLE_DETERIORATION, "#6b5b95",
      Outcome.DROPOUT, "#d9d9d9",
      Outcome.RECOVERY, "#2a6f97",
      Outcome.NO_RECOVERY, "#d9d9d9",
      Outcome.STABLE_OR_BETTER, "#1f5f8b")));

  private sealed interface Block permits Heading, Paragraph, Bullets, Table, Icons {}

  private record Heading(int level, String text) implements Block {}

  private record Paragraph(String text) implements Block {}

  private record Bullets(List<String> items) implements Block {}

  private record Table(List<String> header, List<List<String>> rows) implements Block {}

  private record Icons(IconArray array, Map<Outcome, String> labels, Map<Outcome, String> symbols,
      String caption) implements Block {}

  private final String title;
  private final Locale locale;
  private final List<Block> blocks = new ArrayList<>();

  Doc(String title, Locale locale) {
    this.title = Objects.requireNonNull(title, "title");
    this.locale = Objects.requireNonNull(locale, "locale");
  }

  void heading(String text) {
    blocks.add(new Heading(2, text));
  }

  void paragraph(String text) {
    blocks.add(new Paragraph(text));
  }

  void bullets(List<String> items) {
    if (!items.isEmpty()) {
      blocks.add(new Bullets(List.copyOf(items)));
    }
  }

  void table(List<String> header, List<List<String>> rows) {
    blocks.add(new Table(List.copyOf(header), List.copyOf(rows)));
  }

  void icons(IconArray array, Map<Outcome, String> labels, Map<Outcome, String> symbols,
      String caption) {
    blocks.add(new Icons(array, labels, symbols, caption));
  }

  /**
   * The prose only (title, headings, paragraphs and list items, each ending a sentence), for
   * readability measures: tables and icon arrays are left out.
   */
  String prose() {
    StringBuilder sb = new StringBuilder(title).append('\n');
    for (Block b : blocks) {
      if (b instanceof Heading h) {
        sb.append(h.text()).append('\n');
      } else if (b instanceof Paragraph p) {
        sb.append(p.text()).append('\n');
      } else if (b instanceof Bullets l) {
        l.items().forEach(i -> sb.append(i).append('\n'));
      } else if (b instanceof Icons i) {
        sb.append(i.caption()).append('\n');
      }
    }
    return sb.toString();
  }

  // ------------------------------------------------------------------ text

  String text() {
    StringBuilder sb = new StringBuilder();
    sb.append(title).append('\n').append("=".repeat(title.length())).append('\n');
    for (Block b : blocks) {
      sb.append('\n');
      if (b instanceof Heading h) {
        sb.append(h.text()).append('\n').append("-".repeat(h.text().length())).append('\n');
      } else if (b instanceof Paragraph p) {
        wrap(sb, p.text(), "", "");
      } else if (b instanceof Bullets l) {
        for (String item : l.items()) {
          wrap(sb, item, "  - ", "    ");
        }
      } else if (b instanceof Table t) {
        table(sb, t);
      } else if (b instanceof Icons i) {
        icons(sb, i);
      }
    }
    return sb.toString();
  }

  private static void wrap(StringBuilder sb, String text, String first, String rest) {
    String indent = first;
    StringBuilder line = new StringBuilder(indent);
    boolean empty = true;
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (!empty && line.length() + 1 + word.length() > WIDTH) {
        sb.append(line).append('\n');
        indent = rest;
        line = new StringBuilder(indent);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      line.append(word);
      empty = false;
    }
    sb.append(line).append('\n');
  }

  private static void table(StringBuilder sb, Table t) {
    int[] width = new int[t.header().size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = t.header().get(c).length();
      for (List<String> row : t.rows()) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    line(sb, t.header(), width);
    StringBuilder rule = new StringBuilder("  ");
    for (int c = 0; c < width.length; c++) {
      rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
    }
    sb.append(rule).append('\n');
    for (List<String> row : t.rows()) {
      line(sb, row, width);
    }
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder("  ");
    for (int c = 0; c < width.length; c++) {
      String cell = cells.get(c);
      l.append(c == 0 ? "" : "  ");
      l.append(c == 0 ? pad(cell, width[c]) : " ".repeat(width[c] - cell.length()) + cell);
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(w - s.length());
  }

  private static void icons(StringBuilder sb, Icons i) {
    wrap(sb, i.caption(), "", "");
    IconArray a = i.array();
    for (int r = 0; r < IconArray.ROW; r++) {
      StringBuilder row = new StringBuilder("    ");
      for (int c = 0; c < IconArray.ROW; c++) {
        row.append(c == 0 ? "" : " ").append(i.symbols().get(a.cell(r, c)));
      }
      sb.append(row).append('\n');
    }
    for (Outcome o : a.legend()) {
      sb.append("    ").append(i.symbols().get(o)).append("  ").append(i.labels().get(o))
          .append(" (").append(a.count(o)).append(")\n");
    }
  }

  // ------------------------------------------------------------------ HTML

  String html() {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"").append(escape(locale.toLanguageTag()))
        .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n")
        .append("body{font-family:system-ui,-apple-system,sans-serif;max-width:46em;margin:2em auto;")
        .append("padding:0 1em;line-height:1.5;color:#222}\n")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{padding:.2em .6em;")
        .append("border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child")
        .append("{text-align:left}\n")
        .append("figure{margin:1em 0}figcaption{margin-bottom:.5em}.legend{list-style:none;")
        .append("padding:0}.legend li{margin:.2em 0}.swatch{display:inline-block;width:1em;")
        .append("height:1em;border-radius:50%;margin-right:.5em;vertical-align:middle}\n")
        .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
    for (Block b : blocks) {
      if (b instanceof Heading h) {
        sb.append("<h2>").append(escape(h.text())).append("</h2>\n");
      } else if (b instanceof Paragraph p) {
        sb.append("<p>").append(escape(p.text())).append("</p>\n");
      } else if (b instanceof Bullets l) {
        sb.append("<ul>\n");
        for (String item : l.items()) {
          sb.append("<li>").append(escape(item)).append("</li>\n");
        }
        sb.append("</ul>\n");
      } else if (b instanceof Table t) {
        sb.append("<table>\n<thead><tr>");
        for (String h : t.header()) {
          sb.append("<th>").append(escape(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
          sb.append("<tr>");
          for (String cell : row) {
            sb.append("<td>").append(escape(cell)).append("</td>");
          }
          sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
      } else if (b instanceof Icons i) {
        svg(sb, i);
      }
    }
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  private static void svg(StringBuilder sb, Icons i) {
    IconArray a = i.array();
    StringBuilder label = new StringBuilder();
    for (Outcome o : a.legend()) {
      label.append(label.length() == 0 ? "" : "; ").append(a.count(o)).append(' ')
          .append(i.labels().get(o));
    }
    sb.append("<figure>\n<figcaption>").append(escape(i.caption())).append("</figcaption>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"200\" height=\"200\"")
        .append(" viewBox=\"0 0 200 200\" aria-label=\"").append(escape(label.toString()))
        .append("\">\n");
    for (int r = 0; r < IconArray.ROW; r++) {
      for (int c = 0; c < IconArray.ROW; c++) {
        Outcome o = a.cell(r, c);
        sb.append("<circle cx=\"").append(10 + 20 * c).append("\" cy=\"").append(10 + 20 * r)
            .append("\" r=\"8\" fill=\"").append(COLOURS.get(o)).append("\"/>");
      }
      sb.append('\n');
    }
    sb.append("</svg>\n<ul class=\"legend\">\n");
    for (Outcome o : a.legend()) {
      sb.append("<li><span class=\"swatch\" style=\"background:").append(COLOURS.get(o))
          .append("\"></span>").append(escape(i.labels().get(o))).append(" (").append(a.count(o))
          .append(")</li>\n");
    }
    sb.append("</ul>\n</figure>\n");
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      char ch = s.charAt(k);
      switch (ch) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }
}
