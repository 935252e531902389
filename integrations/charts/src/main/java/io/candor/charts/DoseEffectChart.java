package io.candor.charts;

import io.candor.model.dose.DoseEffectFit;
import io.candor.model.dose.DoseRow;
import io.candor.model.dose.SessionsEstimate;
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
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;

/**
 * A dose–effect curve: the fitted share of clients improved by number of sessions (probit or logit
 * on log sessions, as {@link io.candor.model.dose.DoseEffect} fits it), the observed shares when
 * the aggregated rows are given, and the sessions by which 50 % and 75 % are expected to have
 * improved with their confidence intervals drawn as horizontal bars.
 *
 * <p>Immutable and thread-safe; {@code equals}, {@code hashCode} and {@code toString} cover every
 * setting.
 */
public final class DoseEffectChart {

  private static final DoseEffectChart DEFAULTS = new DoseEffectChart(Optional.empty(),
      "improved", ChartStyle.withDefaults());

  private final Optional<String> title;
  private final String outcomeLabel;
  private final ChartStyle style;

  private DoseEffectChart(Optional<String> title, String outcomeLabel, ChartStyle style) {
    this.title = title;
    this.outcomeLabel = outcomeLabel;
    this.style = style;
  }

  /**
   * Outcome "improved", title "Share improved by number of sessions", the default style.
   *
   * @return the default chart settings
   */
  public static DoseEffectChart withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy with another title.
   *
   * @param text the title, not blank
   * @return the copy
   * @throws IllegalArgumentException if the title is blank
   */
  public DoseEffectChart withTitle(String text) {
    return new DoseEffectChart(Optional.of(Args.nonBlank("title", text)), outcomeLabel, style);
  }

  /**
   * A copy naming the outcome, e.g. "reliably improved".
   *
   * @param text the outcome, not blank
   * @return the copy
   * @throws IllegalArgumentException if the text is blank
   */
  public DoseEffectChart withOutcomeLabel(String text) {
    return new DoseEffectChart(title, Args.nonBlank("outcomeLabel", text), style);
  }

  /**
   * A copy drawn in another style.
   *
   * @param choice the style
   * @return the copy
   */
  public DoseEffectChart with(ChartStyle choice) {
    return new DoseEffectChart(title, outcomeLabel, Objects.requireNonNull(choice, "style"));
  }

  /**
   * Draws the fitted curve and its milestones.
   *
   * @param fit the fitted curve
   * @return the chart
   */
  public Chart draw(DoseEffectFit fit) {
    return draw(fit, List.of());
  }

  /**
   * Draws the fitted curve, its milestones and the observed share of each aggregated row.
   *
   * @param fit the fitted curve
   * @param rows the rows it was fitted to (may be empty)
   * @return the chart
   */
  public Chart draw(DoseEffectFit fit, List<DoseRow> rows) {
    Objects.requireNonNull(fit, "fit");
    List<DoseRow> data = List.copyOf(Objects.requireNonNull(rows, "rows"));
    String name = title.orElse("Share " + outcomeLabel + " by number of sessions");
    StringBuilder d = new StringBuilder();
    d.append(String.format(Locale.ROOT, "Fitted %s curve of the share %s on log sessions",
        fit.link().name().toLowerCase(Locale.ROOT), outcomeLabel));
    d.append(String.format(Locale.ROOT, ": %s after 1 session, %s after %s sessions.",
        Args.pct(fit.proportionAt(1)), Args.pct(fit.proportionAt(fit.maxSessions())),
        Args.num(fit.maxSessions())));
    for (SessionsEstimate m : fit.milestones()) {
      d.append(' ').append(milestoneText(m)).append('.');
    }
    if (!data.isEmpty()) {
      d.append(" Observed:");
      for (DoseRow r : data) {
        d.append(String.format(Locale.ROOT, " %s sessions %s of %d;", Args.num(r.sessions()),
            Args.pct(r.proportion()), r.n()));
      }
      d.setLength(d.length() - 1);
      d.append('.');
    }
    if (fit.separation()) {
      d.append(" The data are (nearly) separated: estimates and intervals are not reliable.");
    }
    d.append(" The curve describes groups of clients, not any one person.");
    return new Chart(name, d.toString(), style, Plots.painter(() -> build(name, fit, data)));
  }

  private String milestoneText(SessionsEstimate m) {
    return String.format(Locale.ROOT, "%s %s by about %s sessions (%s CI %s to %s)%s",
        Args.pct(m.proportion()), outcomeLabel, Args.one(m.sessions()),
        Args.pct(m.confidenceLevel()), Args.one(m.lower()), Args.one(m.upper()),
        m.extrapolated() ? ", extrapolated beyond the data" : "");
  }

  private JFreeChart build(String name, DoseEffectFit fit, List<DoseRow> rows) {
    Palette palette = style.palette();
    double right = fit.maxSessions();
    for (SessionsEstimate m : fit.milestones()) {
      right = Math.max(right, Math.min(m.upper(), 4 * fit.maxSessions()));
    }
    right = Math.ceil(right * 1.05);
    NumberAxis x = Plots.axis("sessions", false, style);
    x.setRange(0, right);
    NumberAxis y = Plots.axis("share " + outcomeLabel, false, style);
    y.setRange(0, 1.0);
    y.setTickUnit(new NumberTickUnit(0.1, Plots.format("0%")));
    XYPlot plot = Plots.xyPlot(x, y);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    LegendItemCollection legend = new LegendItemCollection();
    XYSeries curve = new XYSeries("fitted", false, false);
    int steps = 160;
    for (int i = 0; i <= steps; i++) {
      double s = 1 + (right - 1) * i / steps;
      curve.add(s, fit.proportionAt(s));
    }
    Color c0 = palette.series(0);
    Plots.line(plot, 0, curve, c0, Plots.stroke(0, 2.2f));
    legend.add(Plots.lineItem("fitted " + fit.link().name().toLowerCase(Locale.ROOT) + " curve",
        c0, Plots.stroke(0, 2.2f), null, false));
    if (!rows.isEmpty()) {
      XYSeries observed = new XYSeries("observed", false, true);
      rows.forEach(r -> observed.add(r.sessions(), r.proportion()));
      Shape dot = Plots.shape(1, 8);
      Plots.points(plot, 1, observed, palette.series(1), dot, true);
      legend.add(Plots.lineItem("observed share", palette.series(1), null, dot, true));
    }
    Color mc = palette.series(2);
    Shape diamond = Plots.shape(3, 9);
    Font small = Render.font(Font.PLAIN, style.fontSize() - 1);
    XYSeries points = new XYSeries("milestones", false, true);
    for (SessionsEstimate m : fit.milestones()) {
      double p = m.proportion();
      double lo = Math.max(0, m.lower());
      double hi = Math.min(right, m.upper());
      BasicStroke bar = new BasicStroke(2f);
      plot.addAnnotation(new XYLineAnnotation(lo, p, hi, p, bar, mc));
      plot.addAnnotation(new XYLineAnnotation(lo, p - 0.015, lo, p + 0.015, bar, mc));
      if (m.upper() <= right) {
        plot.addAnnotation(new XYLineAnnotation(hi, p - 0.015, hi, p + 0.015, bar, mc));
      }
      plot.addAnnotation(new XYLineAnnotation(m.sessions(), 0, m.sessions(), p,
          Plots.dotted(1f), Plots.INK));
      points.add(m.sessions(), p);
      XYTextAnnotation label = new XYTextAnnotation(String.format(Locale.ROOT,
          "%s by %s sessions", Args.pct(p), Args.one(m.sessions())), hi + right * 0.015, p);
      label.setFont(small);
      label.setPaint(Plots.INK);
      label.setTextAnchor(TextAnchor.HALF_ASCENT_LEFT);
      plot.addAnnotation(label);
    }
    if (!fit.milestones().isEmpty()) {
      Plots.points(plot, 2, points, mc, diamond, true);
      legend.add(Plots.lineItem("sessions for 50% and 75% with "
          + Args.pct(fit.confidenceLevel()) + " CI", mc, new BasicStroke(2f), diamond, true));
    }
    plot.setFixedLegendItems(legend);
    return Plots.chart(name, plot, style, true);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DoseEffectChart c && title.equals(c.title)
        && outcomeLabel.equals(c.outcomeLabel) && style.equals(c.style);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, outcomeLabel, style);
  }

  @Override
  public String toString() {
    return "DoseEffectChart[title=" + title.orElse("(default)") + ", outcome=" + outcomeLabel
        + ", " + style + "]";
  }
}
