package io.candor.charts;

import io.candor.model.survival.KaplanMeierFit;
import io.candor.model.survival.LogRankResult;
import io.candor.model.survival.StratifiedFit;
import io.candor.model.survival.Stratum;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationStepRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Kaplan–Meier curves: one step curve per stratum with its pointwise confidence band, censoring
 * marked "+", and a table of the numbers still at risk under the time axis (as in R's
 * {@code survminer::ggsurvplot(risk.table = TRUE)}). Strata differ by line style as well as by
 * colour. The curve shows the share still without the event ({@link Curve#SURVIVAL}, as R plots
 * it) or the share with it ({@link Curve#CUMULATIVE}).
 *
 * <p>Immutable and thread-safe; {@code equals}, {@code hashCode} and {@code toString} cover every
 * setting.
 */
public final class KaplanMeierChart {

  /** Which way up the curve is drawn. */
  public enum Curve {
    /** The share still without the event, S(t), falling from 1 (R's default plot). */
    SURVIVAL,
    /** The share who have had the event, 1 − S(t), rising from 0. */
    CUMULATIVE
  }

  private static final KaplanMeierChart DEFAULTS = new KaplanMeierChart(Optional.empty(),
      "the event", "session", Curve.SURVIVAL, ChartStyle.withDefaults());

  private final Optional<String> title;
  private final String eventLabel;
  private final String timeLabel;
  private final Curve curve;
  private final ChartStyle style;

  private KaplanMeierChart(Optional<String> title, String eventLabel, String timeLabel,
      Curve curve, ChartStyle style) {
    this.title = title;
    this.eventLabel = eventLabel;
    this.timeLabel = timeLabel;
    this.curve = curve;
    this.style = style;
  }

  /**
   * Event "the event", time in sessions, the survival curve, the default style; the title says
   * "Time to " and the event.
   *
   * @return the default chart settings
   */
  public static KaplanMeierChart withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy with another title.
   *
   * @param text the title, not blank
   * @return the copy
   * @throws IllegalArgumentException if the title is blank
   */
  public KaplanMeierChart withTitle(String text) {
    return new KaplanMeierChart(Optional.of(Args.nonBlank("title", text)), eventLabel, timeLabel,
        curve, style);
  }

  /**
   * A copy naming the event, e.g. "reliable improvement".
   *
   * @param text the event, not blank
   * @return the copy
   * @throws IllegalArgumentException if the text is blank
   */
  public KaplanMeierChart withEventLabel(String text) {
    return new KaplanMeierChart(title, Args.nonBlank("eventLabel", text), timeLabel, curve, style);
  }

  /**
   * A copy naming the unit of time, e.g. "session" or "day".
   *
   * @param text the unit, not blank
   * @return the copy
   * @throws IllegalArgumentException if the text is blank
   */
  public KaplanMeierChart withTimeLabel(String text) {
    return new KaplanMeierChart(title, eventLabel, Args.nonBlank("timeLabel", text), curve, style);
  }

  /**
   * A copy drawing the curve the other way up.
   *
   * @param choice survival or cumulative
   * @return the copy
   */
  public KaplanMeierChart with(Curve choice) {
    return new KaplanMeierChart(title, eventLabel, timeLabel,
        Objects.requireNonNull(choice, "curve"), style);
  }

  /**
   * A copy drawn in another style.
   *
   * @param choice the style
   * @return the copy
   */
  public KaplanMeierChart with(ChartStyle choice) {
    return new KaplanMeierChart(title, eventLabel, timeLabel, curve,
        Objects.requireNonNull(choice, "style"));
  }

  /**
   * Draws one curve.
   *
   * @param fit the fitted curve
   * @return the chart
   */
  public Chart draw(KaplanMeierFit fit) {
    Objects.requireNonNull(fit, "fit");
    return draw(List.of(new Stratum("all", fit)), Optional.empty());
  }

  /**
   * Draws every stratum, with the log-rank test in the description when there is one.
   *
   * @param fit the fitted strata (at most eight)
   * @return the chart
   * @throws IllegalArgumentException if there are more than eight strata
   */
  public Chart draw(StratifiedFit fit) {
    Objects.requireNonNull(fit, "fit");
    if (fit.strata().size() > 8) {
      throw new IllegalArgumentException("a Kaplan-Meier chart shows at most 8 strata, there are "
          + fit.strata().size() + "; group them first");
    }
    return draw(fit.strata(), fit.logRank());
  }

  private Chart draw(List<Stratum> strata, Optional<LogRankResult> logRank) {
    String name = title.orElse("Time to " + eventLabel);
    StringBuilder d = new StringBuilder();
    d.append("Kaplan-Meier estimate of the share ")
        .append(curve == Curve.SURVIVAL ? "still without " : "with ").append(eventLabel)
        .append(" by ").append(timeLabel).append(", with pointwise ")
        .append(Args.pct(strata.get(0).fit().confidenceLevel()))
        .append(" confidence bands and the numbers at risk.");
    for (Stratum s : strata) {
      KaplanMeierFit f = s.fit();
      d.append(strata.size() > 1 ? " " + s.name() + ": " : " ").append(f.n()).append(" clients, ")
          .append(f.events()).append(" events, median ").append(f.medianText()).append('.');
    }
    logRank.ifPresent(l -> d.append(String.format(Locale.ROOT,
        " Log-rank test: chi-square %.2f on %d df, p = %s.", l.chiSquare(), l.df(),
        l.p() < 1e-4 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", l.p()))));
    d.append(" Curves describe these clients, not any one person's future.");
    return new Chart(name, d.toString(), style, Plots.painter(() -> build(name, strata)));
  }

  private double y(double survival) {
    return curve == Curve.SURVIVAL ? survival : 1 - survival;
  }

  private JFreeChart build(String name, List<Stratum> strata) {
    Palette palette = style.palette();
    double maxTime = 0;
    for (Stratum s : strata) {
      List<Double> t = s.fit().time();
      maxTime = Math.max(maxTime, t.get(t.size() - 1));
    }
    double step = niceStep(maxTime);
    NumberAxis x = Plots.axis(timeLabel, false, style);
    // room either side for the at-risk numbers centred on the first and last ticks
    x.setRange(-step * 0.25, Math.max(step, Math.ceil(maxTime / step) * step) + step * 0.25);
    x.setTickUnit(new NumberTickUnit(step, Plots.format("0.###")));
    NumberAxis y = Plots.axis(curve == Curve.SURVIVAL ? "share without " + eventLabel
        : "share with " + eventLabel, false, style);
    y.setRange(0, 1.02);
    y.setTickUnit(new NumberTickUnit(0.25, Plots.format("0%")));
    XYPlot main = Plots.xyPlot(new NumberAxis(), y);
    main.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    LegendItemCollection legend = new LegendItemCollection();
    int index = 0;
    for (int i = 0; i < strata.size(); i++) {
      KaplanMeierFit f = strata.get(i).fit();
      Color colour = palette.series(i);
      YIntervalSeries band = new YIntervalSeries("band " + i);
      band.add(0, y(1), y(1), y(1));
      for (int j = 0; j < f.size(); j++) {
        if (f.lower().get(j).isEmpty() || f.upper().get(j).isEmpty()) {
          break; // R leaves the limits undefined from here on (NA): the band ends
        }
        double a = y(f.lower().get(j).getAsDouble());
        double b = y(f.upper().get(j).getAsDouble());
        band.add(f.time().get(j), y(f.survival().get(j)), Math.min(a, b), Math.max(a, b));
      }
      DeviationStepRenderer br = new DeviationStepRenderer();
      br.setDefaultLinesVisible(false);
      br.setDefaultShapesVisible(false);
      br.setSeriesFillPaint(0, colour);
      br.setSeriesPaint(0, colour);
      br.setSeriesStroke(0, new BasicStroke(0f));
      br.setAlpha(0.16f);
      YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
      bands.addSeries(band);
      main.setDataset(index, bands);
      main.setRenderer(index++, br);
    }
    Shape cross = ShapeUtils.createRegularCross(4.5f, 0.7f);
    for (int i = 0; i < strata.size(); i++) {
      KaplanMeierFit f = strata.get(i).fit();
      Color colour = palette.series(i);
      XYSeries line = new XYSeries("curve " + i, false, true);
      XYSeries censored = new XYSeries("censored " + i, false, true);
      line.add(0, y(1));
      for (int j = 0; j < f.size(); j++) {
        double t = f.time().get(j);
        double sy = y(f.survival().get(j));
        line.add(t, sy);
        if (f.nCensor().get(j) > 0) {
          censored.add(t, sy);
        }
      }
      XYStepRenderer lr = new XYStepRenderer();
      lr.setSeriesPaint(0, colour);
      lr.setSeriesStroke(0, Plots.stroke(i, 2f));
      lr.setDefaultShapesVisible(false);
      main.setDataset(index, new XYSeriesCollection(line));
      main.setRenderer(index++, lr);
      XYLineAndShapeRenderer cr = new XYLineAndShapeRenderer(false, true);
      cr.setSeriesShape(0, cross);
      cr.setSeriesPaint(0, colour);
      main.setDataset(index, new XYSeriesCollection(censored));
      main.setRenderer(index++, cr);
      String label = strata.size() > 1 ? strata.get(i).name() : "Kaplan-Meier estimate";
      legend.add(Plots.lineItem(label, colour, Plots.stroke(i, 2f), null, false));
    }
    legend.add(Plots.boxItem(Args.pct(strata.get(0).fit().confidenceLevel())
        + " confidence band", Palette.tint(palette.series(0), 0.84)));
    legend.add(Plots.lineItem("censored", Plots.INK, null, cross, false));
    XYPlot table = riskTable(strata, step, maxTime);
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
    combined.setGap(6);
    combined.add(main, 6);
    combined.add(table, 1 + strata.size());
    combined.setFixedLegendItems(legend);
    Plots.style(combined);
    return Plots.chart(name, combined, style, true);
  }

  /** The numbers at risk at multiples of {@code step}, one row per stratum. */
  private XYPlot riskTable(List<Stratum> strata, double step, double maxTime) {
    String[] names = new String[strata.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = strata.size() > 1 ? strata.get(i).name() : "at risk";
    }
    SymbolAxis rows = new SymbolAxis(strata.size() > 1 ? "at risk" : null, names);
    rows.setTickLabelFont(Render.font(Font.PLAIN, style.fontSize() - 1));
    rows.setLabelFont(Render.font(Font.PLAIN, style.fontSize() - 1));
    rows.setTickLabelPaint(Plots.INK);
    rows.setGridBandsVisible(false);
    rows.setInverted(true);
    rows.setRange(-0.6, names.length - 0.4);
    rows.setAxisLineVisible(false);
    rows.setTickMarksVisible(false);
    XYPlot table = Plots.xyPlot(new NumberAxis(), rows);
    table.setDomainGridlinesVisible(false);
    table.setRangeGridlinesVisible(false);
    table.setRenderer(new XYLineAndShapeRenderer(false, false));
    Font font = Render.font(Font.PLAIN, style.fontSize() - 1);
    for (int i = 0; i < strata.size(); i++) {
      KaplanMeierFit f = strata.get(i).fit();
      for (double t = 0; t <= maxTime + 1e-9; t += step) {
        XYTextAnnotation a = new XYTextAnnotation(Integer.toString(atRisk(f, t)), t, i);
        a.setFont(font);
        a.setPaint(style.palette().series(i).equals(new Color(0xF0E442)) ? Plots.INK
            : style.palette().series(i));
        a.setTextAnchor(TextAnchor.CENTER);
        table.addAnnotation(a);
      }
    }
    return table;
  }

  /** Clients still under observation at time t: n minus those whose time is before t. */
  static int atRisk(KaplanMeierFit f, double t) {
    int left = f.n();
    for (int j = 0; j < f.size() && f.time().get(j) < t; j++) {
      left -= f.nEvent().get(j) + f.nCensor().get(j);
    }
    return left;
  }

  /** The smallest of 1, 2 or 5 times a power of ten that gives at most eight steps to {@code max}. */
  static double niceStep(double max) {
    if (!(max > 0)) {
      return 1;
    }
    double pow = Math.pow(10, Math.floor(Math.log10(max / 8)));
    for (int k = 0; ; k++) {
      double step = new double[] {1, 2, 5}[k % 3] * pow * Math.pow(10, k / 3);
      if (max / step <= 8) {
        return step;
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KaplanMeierChart k && title.equals(k.title)
        && eventLabel.equals(k.eventLabel) && timeLabel.equals(k.timeLabel) && curve == k.curve
        && style.equals(k.style);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, eventLabel, timeLabel, curve, style);
  }

  @Override
  public String toString() {
    return "KaplanMeierChart[title=" + title.orElse("(default)") + ", event=" + eventLabel
        + ", time=" + timeLabel + ", " + curve + ", " + style + "]";
  }
}
