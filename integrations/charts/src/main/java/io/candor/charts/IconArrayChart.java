package io.candor.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An icon array: 100 icons in a 10 × 10 grid, one per person out of 100, filled in reading order
 * category by category ({@link IconArray}); beside it a key with each category's marker, its count
 * out of 100 and its label. Each category has its own marker shape (circle, square, triangle,
 * diamond, …) as well as its own colour, so the array reads in greyscale.
 *
 * <p>Immutable and thread-safe; {@code equals}, {@code hashCode} and {@code toString} cover every
 * setting.
 *
 * @see <a href="https://doi.org/10.1037/a0014474">Galesic, Garcia-Retamero &amp; Gigerenzer
 *     (2009), Using icon arrays to communicate medical risks</a>
 */
public final class IconArrayChart {

  private static final IconArrayChart DEFAULTS =
      new IconArrayChart(Optional.empty(), "people", ChartStyle.withDefaults());

  private final Optional<String> title;
  private final String unit;
  private final ChartStyle style;

  private IconArrayChart(Optional<String> title, String unit, ChartStyle style) {
    this.title = title;
    this.unit = unit;
    this.style = style;
  }

  /**
   * Title "Out of 100 people", the default style.
   *
   * @return the default chart settings
   */
  public static IconArrayChart withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy with another title.
   *
   * @param text the title, not blank
   * @return the copy
   * @throws IllegalArgumentException if the title is blank
   */
  public IconArrayChart withTitle(String text) {
    return new IconArrayChart(Optional.of(Args.nonBlank("title", text)), unit, style);
  }

  /**
   * A copy naming what each icon stands for, in the plural, e.g. "clients like this one".
   *
   * @param plural the unit, not blank
   * @return the copy
   * @throws IllegalArgumentException if the text is blank
   */
  public IconArrayChart withUnit(String plural) {
    return new IconArrayChart(title, Args.nonBlank("unit", plural), style);
  }

  /**
   * A copy drawn in another style.
   *
   * @param choice the style
   * @return the copy
   */
  public IconArrayChart with(ChartStyle choice) {
    return new IconArrayChart(title, unit, Objects.requireNonNull(choice, "style"));
  }

  /**
   * Draws the array.
   *
   * @param array the categories and counts
   * @return the chart
   */
  public Chart draw(IconArray array) {
    Objects.requireNonNull(array, "array");
    String name = title.orElse("Out of 100 " + unit);
    StringBuilder d = new StringBuilder("Icon array of 100 " + unit + ":");
    for (IconCategory c : array.categories()) {
      d.append(' ').append(c.count()).append(' ').append(c.label()).append(',');
    }
    d.setLength(d.length() - 1);
    d.append(". Icons are filled row by row, category by category.");
    return new Chart(name, d.toString(), style, (g, area) -> paint(g, area, name, array));
  }

  private void paint(Graphics2D g, Rectangle2D area, String name, IconArray array) {
    Palette palette = style.palette();
    double w = area.getWidth();
    double h = area.getHeight();
    g.setColor(Color.WHITE);
    g.fill(area);
    Font titleFont = Render.font(Font.BOLD, style.fontSize() + 3);
    g.setFont(titleFont);
    g.setColor(Plots.INK);
    FontMetrics tm = g.getFontMetrics();
    float titleBase = (float) (area.getY() + 8 + tm.getAscent());
    g.drawString(name, (float) (area.getX() + (w - tm.stringWidth(name)) / 2), titleBase);
    double top = titleBase + tm.getDescent() + 12;
    double side = Math.min(h - (top - area.getY()) - 14, w * 0.55);
    double left = area.getX() + 16;
    double cell = side / 10;
    double size = cell * 0.72;
    for (int i = 0; i < IconArray.ICONS; i++) {
      int c = array.categoryOf(i);
      double cx = left + cell * (i % 10) + cell / 2;
      double cy = top + cell * (i / 10) + cell / 2;
      drawIcon(g, c, palette.series(c), cx, cy, size);
    }
    Font keyFont = Render.font(Font.PLAIN, style.fontSize());
    Font countFont = Render.font(Font.BOLD, style.fontSize());
    double keyLeft = left + side + 24;
    double keyWidth = area.getX() + w - 12 - keyLeft - size - 10;
    double y = top + size / 2;
    for (int c = 0; c < array.categories().size(); c++) {
      IconCategory cat = array.categories().get(c);
      drawIcon(g, c, palette.series(c), keyLeft + size / 2, y + 2, size);
      double textLeft = keyLeft + size + 10;
      g.setFont(countFont);
      FontMetrics cm = g.getFontMetrics();
      String count = cat.count() + " of 100";
      g.setColor(Plots.INK);
      float base = (float) (y + 2 + cm.getAscent() / 2.0 - 1);
      g.drawString(count, (float) textLeft, base);
      g.setFont(keyFont);
      FontMetrics km = g.getFontMetrics();
      double labelLeft = textLeft + cm.stringWidth(count) + km.stringWidth(" ");
      List<String> lines = wrap(cat.label(), km, keyWidth - (labelLeft - textLeft));
      for (int k = 0; k < lines.size(); k++) {
        g.drawString(lines.get(k), (float) labelLeft, base + k * km.getHeight());
      }
      y += Math.max(size + 12, lines.size() * km.getHeight() + 12);
    }
  }

  private static void drawIcon(Graphics2D g, int category, Color colour, double cx, double cy,
      double size) {
    Shape s = Plots.shape(category, (float) size);
    Shape placed = AffineTransform.getTranslateInstance(cx, cy).createTransformedShape(s);
    g.setColor(colour);
    g.fill(placed);
    g.setColor(Plots.INK);
    g.setStroke(new BasicStroke(0.8f));
    g.draw(placed);
  }

  /** Splits text into lines no wider than {@code width} (a single long word stays whole). */
  static List<String> wrap(String text, FontMetrics fm, double width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (line.length() > 0 && fm.stringWidth(candidate) > width) {
        lines.add(line.toString());
        line.setLength(0);
        line.append(word);
      } else {
        line.setLength(0);
        line.append(candidate);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IconArrayChart c && title.equals(c.title) && unit.equals(c.unit)
        && style.equals(c.style);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, unit, style);
  }

  @Override
  public String toString() {
    return "IconArrayChart[title=" + title.orElse("(default)") + ", unit=" + unit + ", "
        + style + "]";
  }
}
