package io.candor.examples.serve;

import java.util.List;
import java.util.Locale;

/** Small HTML helpers: escaping and the page frame (not public API). */
final class Html {

  private Html() {}

  /** Escapes text for HTML content and attribute values. */
  static String esc(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A number with a fixed number of decimals and a point. */
  static String num(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** A number as people write it: at most two decimals, no trailing zeros. */
  static String plain(double v) {
    String s = num(v, 2).replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** A share as a percentage with one decimal. */
  static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * share);
  }

  /** The page frame: head, skip link, navigation with the current page marked, main, footer. */
  static String page(String title, String current, String main) {
    StringBuilder sb = new StringBuilder(main.length() + 2048);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(title)).append(" · Candor</title>")
        .append("<link rel=\"stylesheet\" href=\"/static/candor.css\">")
        .append("<script src=\"/static/candor.js\" defer></script></head><body>")
        .append("<a class=\"skip\" href=\"#main\">Skip to the content</a>")
        .append("<header><p class=\"brand\">Candor</p><nav aria-label=\"Pages\"><ul>");
    for (List<String> link : List.of(List.of("/", "Start"), List.of("/explorer", "Expectation explorer"),
        List.of("/caseload", "Caseload"), List.of("/research", "Research"))) {
      boolean here = link.get(0).equals(current);
      sb.append("<li><a href=\"").append(link.get(0)).append('"')
          .append(here ? " aria-current=\"page\"" : "").append('>').append(esc(link.get(1)))
          .append("</a></li>");
    }
    sb.append("</ul></nav></header><main id=\"main\" tabindex=\"-1\">").append(main)
        .append("</main><footer><p>Candor runs on this computer only: nothing you enter is stored"
            + " or sent anywhere. It informs expectations; it never diagnoses.</p></footer>")
        .append("</body></html>\n");
    return sb.toString();
  }

  /** An error box that screen readers announce. */
  static String error(String message) {
    return "<div class=\"error\" role=\"alert\" id=\"error\" tabindex=\"-1\"><h2>Please check"
        + " the input</h2><p>" + esc(message) + "</p></div>";
  }
}
