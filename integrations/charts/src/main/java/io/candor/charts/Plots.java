package io.candor.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.Supplier;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;

/** The house style for JFreeChart plots (not public): fonts, axes, strokes, markers, legend. */
final class Plots {

  static final Color INK = new Color(0x222222);
  static final Color GRID = new Color(0xDDDDDD);

  private static final float[][] DASHES = {
    null, {7f, 4f}, {2f, 3f}, {9f, 3f, 2f, 3f}, {14f, 4f}, {4f, 2f, 4f, 6f}, {1f, 5f}, {10f, 6f}};

  private Plots() {}

  /** Series {@code i}'s line: solid, dashed, dotted, dash-dot, long dash, … (cycling). */
  static Stroke stroke(int i, float width) {
    float[] dash = DASHES[Math.floorMod(i, DASHES.length)];
    return dash == null
        ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND)
        : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
  }

  /** Series {@code i}'s marker: circle, square, up triangle, diamond, down triangle, cross, … */
  static Shape shape(int i, float size) {
    float h = size / 2;
    return switch (Math.floorMod(i, 6)) {
      case 0 -> new Ellipse2D.Double(-h, -h, size, size);
      case 1 -> new Rectangle2D.Double(-h * 0.9, -h * 0.9, size * 0.9, size * 0.9);
      case 2 -> ShapeUtils.createUpTriangle(h * 1.1f);
      case 3 -> ShapeUtils.createDiamond(h * 1.15f);
      case 4 -> ShapeUtils.createDownTriangle(h * 1.1f);
      default -> ShapeUtils.createRegularCross(h, h / 3);
    };
  }

  /** A dotted reference line. */
  static Stroke dotted(float width) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
        new float[] {3f, 3f}, 0f);
  }

  /** A number axis with locale-neutral tick labels; whole-number ticks if {@code integers}. */
  static NumberAxis axis(String label, boolean integers, ChartStyle style) {
    NumberAxis a = new NumberAxis(label);
    a.setStandardTickUnits(new NumberTickUnitSource(integers, format("0.###")));
    a.setLabelFont(Render.font(Font.PLAIN, style.fontSize()));
    a.setTickLabelFont(Render.font(Font.PLAIN, style.fontSize() - 1));
    a.setLabelPaint(INK);
    a.setTickLabelPaint(INK);
    a.setAxisLinePaint(INK);
    a.setTickMarkPaint(INK);
    a.setAutoRangeIncludesZero(false);
    return a;
  }

  /** A locale-neutral decimal format. */
  static DecimalFormat format(String pattern) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  /** An XY plot in the house style on white with light grid lines. */
  static XYPlot xyPlot(NumberAxis x, NumberAxis y) {
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    style(plot);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setDomainGridlineStroke(new BasicStroke(0.6f));
    plot.setRangeGridlineStroke(new BasicStroke(0.6f));
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    return plot;
  }

  static void style(Plot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setNoDataMessageFont(Render.font(Font.PLAIN, 12));
  }

  /** A horizontal reference line with a label at its right end. */
  static ValueMarker horizontalLine(double y, String label, Color colour, ChartStyle style) {
    ValueMarker m = new ValueMarker(y, colour, dotted(1.4f));
    m.setLabel(label);
    m.setLabelFont(Render.font(Font.PLAIN, style.fontSize() - 1));
    m.setLabelPaint(INK);
    m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    m.setLabelOffset(new RectangleInsets(2, 2, 2, 4));
    return m;
  }

  /** A legend entry showing a line (and a marker when {@code shape} is not null). */
  static LegendItem lineItem(String label, Color colour, Stroke stroke, Shape shape,
      boolean filled) {
    LegendItem item = new LegendItem(label, null, null, null, shape != null,
        shape == null ? new Rectangle2D.Double(-4, -4, 8, 8) : shape, filled, filled ? colour
            : Color.WHITE, shape != null, shape != null && filled ? INK : colour,
        new BasicStroke(1.2f), stroke != null, new Line2D.Double(-12, 0, 12, 0),
        stroke == null ? new BasicStroke(1f) : stroke, colour);
    item.setLabelFont(null);
    return item;
  }

  /** A legend entry showing a filled box. */
  static LegendItem boxItem(String label, Color fill) {
    LegendItem item = new LegendItem(label, null, null, null,
        new Rectangle2D.Double(-8, -5, 16, 10), fill, new BasicStroke(0.8f), Plots.INK);
    return item;
  }

  /** The chart around a plot: bold title, legend below, white, fixed rendering hints. */
  static JFreeChart chart(String title, Plot plot, ChartStyle style, boolean legend) {
    JFreeChart chart = new JFreeChart(plot);
    chart.setTitle(new TextTitle(title, Render.font(Font.BOLD, style.fontSize() + 3)));
    chart.getTitle().setPaint(INK);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setBorderVisible(false);
    chart.setPadding(new RectangleInsets(8, 8, 8, 12));
    chart.setRenderingHints(new RenderingHints(Render.HINTS));
    LegendTitle l = chart.getLegend();
    if (l != null) {
      if (legend) {
        l.setItemFont(Render.font(Font.PLAIN, style.fontSize() - 1));
        l.setItemPaint(INK);
        l.setFrame(BlockBorder.NONE);
        l.setBackgroundPaint(Color.WHITE);
        l.setPosition(RectangleEdge.BOTTOM);
      } else {
        chart.removeLegend();
      }
    }
    return chart;
  }

  /** Draws a series as a line with dataset and renderer {@code index}; returns the next index. */
  static int line(XYPlot plot, int index, XYSeries series, Color colour, Stroke stroke) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setSeriesPaint(0, colour);
    r.setSeriesStroke(0, stroke);
    plot.setDataset(index, new XYSeriesCollection(series));
    plot.setRenderer(index, r);
    return index + 1;
  }

  /** Draws an opaque band between a series' low and high values; returns the next index. */
  static int band(XYPlot plot, int index, YIntervalSeries band, Color fill) {
    DeviationRenderer r = new DeviationRenderer(false, false);
    r.setSeriesFillPaint(0, fill);
    r.setSeriesPaint(0, fill);
    r.setAlpha(1f);
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    data.addSeries(band);
    plot.setDataset(index, data);
    plot.setRenderer(index, r);
    return index + 1;
  }

  /**
   * Draws a series as markers with dataset and renderer {@code index}: filled in the colour with
   * a dark outline, or hollow (white inside, a thick outline in the colour); returns the next
   * index.
   */
  static int points(XYPlot plot, int index, XYSeries series, Color colour, Shape shape,
      boolean filled) {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
    r.setSeriesShape(0, shape);
    r.setUseFillPaint(true);
    r.setSeriesFillPaint(0, filled ? colour : Color.WHITE);
    r.setUseOutlinePaint(true);
    r.setDrawOutlines(true);
    r.setSeriesOutlinePaint(0, filled ? INK : colour);
    r.setSeriesOutlineStroke(0, new BasicStroke(filled ? 1f : 2.2f));
    r.setSeriesPaint(0, colour);
    plot.setDataset(index, new XYSeriesCollection(series));
    plot.setRenderer(index, r);
    return index + 1;
  }

  /** A painter that builds the chart afresh for each rendering (JFreeChart objects are mutable). */
  static Painter painter(Supplier<JFreeChart> build) {
    return (g, area) -> build.get().draw(g, area);
  }

  /** "10th", "25th", "2.5th", "1st", "22nd", "3rd", "11th" for a percentile. */
  static String ordinal(double percentile) {
    String n = Args.num(percentile);
    if (percentile != Math.rint(percentile)) {
      return n + "th";
    }
    long v = (long) percentile;
    long mod100 = v % 100;
    String suffix = mod100 >= 11 && mod100 <= 13 ? "th" : switch ((int) (v % 10)) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return n + suffix;
  }
}
