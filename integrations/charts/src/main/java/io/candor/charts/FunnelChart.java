package io.candor.charts;

import io.candor.model.therapist.FunnelFit;
import io.candor.model.therapist.FunnelLimits;
import io.candor.model.therapist.FunnelPoint;
import io.candor.model.therapist.FunnelPosition;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;

/**
 * A case-mix-adjusted funnel plot (Spiegelhalter 2005): each therapist's adjusted rate against
 * their number of cases, the overall rate as the centre line, and the 95 % (dashed) and 99.8 %
 * (dotted) control limits as funnels narrowing with the caseload ({@link FunnelFit#limitsAt}).
 * Therapists inside the 95 % limits are circles; outside them triangles, outside the 99.8 %
 * limits diamonds, labelled with their id. A point outside a limit is worth a closer look at case
 * mix and data, not a verdict on a person; the description says so.
 *
 * <p>Immutable and thread-safe; {@code equals}, {@code hashCode} and {@code toString} cover every
 * setting.
 */
public final class FunnelChart {

  private static final FunnelChart DEFAULTS =
      new FunnelChart(Optional.empty(), ChartStyle.withDefaults());

  private final Optional<String> title;
  private final ChartStyle style;

  private FunnelChart(Optional<String> title, ChartStyle style) {
    this.title = title;
    this.style = style;
  }

  /**
   * Title "Therapists' case-mix-adjusted" and the outcome, the default style.
   *
   * @return the default chart settings
   */
  public static FunnelChart withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy with another title.
   *
   * @param text the title, not blank
   * @return the copy
   * @throws IllegalArgumentException if the title is blank
   */
  public FunnelChart withTitle(String text) {
    return new FunnelChart(Optional.of(Args.nonBlank("title", text)), style);
  }

  /**
   * A copy drawn in another style.
   *
   * @param choice the style
   * @return the copy
   */
  public FunnelChart with(ChartStyle choice) {
    return new FunnelChart(title, Objects.requireNonNull(choice, "style"));
  }

  /**
   * Draws the funnel.
   *
   * @param fit the funnel fitted by {@link io.candor.model.therapist.CaseMixFunnel}
   * @return the chart
   */
  public Chart draw(FunnelFit fit) {
    Objects.requireNonNull(fit, "fit");
    String outcome = fit.outcome().label();
    String name = title.orElse("Therapists' case-mix-adjusted " + outcome + " rates");
    Map<FunnelPosition, Integer> counts = new EnumMap<>(FunnelPosition.class);
    fit.points().forEach(p -> counts.merge(p.position(), 1, Integer::sum));
    int outside95 = fit.points().size() - counts.getOrDefault(FunnelPosition.INSIDE_95, 0);
    int outside998 = counts.getOrDefault(FunnelPosition.ABOVE_998, 0)
        + counts.getOrDefault(FunnelPosition.BELOW_998, 0);
    StringBuilder d = new StringBuilder();
    d.append(String.format(Locale.ROOT, "Funnel plot of %d therapists' case-mix-adjusted %s rates"
            + " on %s (%d cases, overall rate %s), with 95%% and 99.8%% control limits (%s%s)."
            + " %d outside the 95%% limits, %d of them outside the 99.8%% limits.",
        fit.points().size(), outcome, fit.instrument(), fit.cases(), Args.pct(fit.overall()),
        fit.limits().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        switch (fit.overdispersion()) {
          case NONE -> "";
          case MULTIPLICATIVE -> ", widened for over-dispersion by phi";
          case ADDITIVE -> ", widened for over-dispersion by tau squared";
        }, outside95, outside998));
    for (FunnelPoint p : fit.points()) {
      if (p.position().outside95()) {
        d.append(String.format(Locale.ROOT, " %s: %s at %d cases, %s.", p.therapist(),
            Args.pct(p.adjusted()), p.cases(), p.note()));
      }
    }
    d.append(" About 1 in 20 therapists falls outside the 95% limits by chance alone; a point"
        + " outside is worth a closer look at case mix and data, not a verdict on a person.");
    return new Chart(name, d.toString(), style, Plots.painter(() -> build(name, fit)));
  }

  private JFreeChart build(String name, FunnelFit fit) {
    Palette palette = style.palette();
    int maxCases = fit.points().stream().mapToInt(FunnelPoint::cases).max().orElse(1);
    int right = (int) Math.ceil(maxCases * 1.08) + 1;
    NumberAxis x = Plots.axis("cases (clients eligible for the outcome)", true, style);
    x.setRange(0, right);
    NumberAxis y = Plots.axis("adjusted " + fit.outcome().label() + " rate", false, style);
    y.setRange(-0.03, 1.03); // room for markers at 0 % and 100 %
    y.setTickUnit(new NumberTickUnit(0.1, Plots.format("0%")));
    XYPlot plot = Plots.xyPlot(x, y);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    XYSeries lo95 = new XYSeries("lo95", false, false);
    XYSeries hi95 = new XYSeries("hi95", false, false);
    XYSeries lo998 = new XYSeries("lo998", false, false);
    XYSeries hi998 = new XYSeries("hi998", false, false);
    XYSeries centre = new XYSeries("centre", false, false);
    int step = Math.max(1, right / 300);
    for (int n = 1; n <= right; n += step) {
      FunnelLimits l = fit.limitsAt(n);
      lo95.add(n, l.lower95());
      hi95.add(n, l.upper95());
      lo998.add(n, l.lower998());
      hi998.add(n, l.upper998());
    }
    centre.add(0, fit.overall());
    centre.add(right, fit.overall());
    Color ink = Plots.INK;
    Color limitColour = palette.series(0);
    int index = 0;
    index = Plots.line(plot, index, centre, ink, new BasicStroke(1.4f));
    index = Plots.line(plot, index, lo95, limitColour, Plots.stroke(1, 1.6f));
    index = Plots.line(plot, index, hi95, limitColour, Plots.stroke(1, 1.6f));
    index = Plots.line(plot, index, lo998, limitColour, Plots.stroke(2, 1.6f));
    index = Plots.line(plot, index, hi998, limitColour, Plots.stroke(2, 1.6f));
    LegendItemCollection legend = new LegendItemCollection();
    legend.add(Plots.lineItem("overall rate " + Args.pct(fit.overall()), ink,
        new BasicStroke(1.4f), null, false));
    legend.add(Plots.lineItem("95% limits", limitColour, Plots.stroke(1, 1.6f), null, false));
    legend.add(Plots.lineItem("99.8% limits", limitColour, Plots.stroke(2, 1.6f), null, false));
    Font small = Render.font(Font.PLAIN, style.fontSize() - 2);
    for (Group g : Group.values()) {
      XYSeries points = new XYSeries(g.name(), false, true);
      for (FunnelPoint p : fit.points()) {
        if (g.of(p.position())) {
          points.add(p.cases(), p.adjusted());
          if (g != Group.INSIDE) {
            XYTextAnnotation label = new XYTextAnnotation(p.therapist(), p.cases() + right * 0.012,
                p.adjusted());
            label.setFont(small);
            label.setPaint(ink);
            label.setTextAnchor(TextAnchor.HALF_ASCENT_LEFT);
            plot.addAnnotation(label);
          }
        }
      }
      if (points.getItemCount() > 0) {
        Color c = g.colour(palette);
        index = Plots.points(plot, index, points, c, g.shape(), true);
        legend.add(Plots.lineItem(g.words, c, null, g.shape(), true));
      }
    }
    plot.setFixedLegendItems(legend);
    return Plots.chart(name, plot, style, true);
  }

  /** The three marker groups of the points. */
  private enum Group {
    INSIDE("inside the 95% limits", List.of(FunnelPosition.INSIDE_95)),
    OUTSIDE_95("outside the 95% limits", List.of(FunnelPosition.ABOVE_95,
        FunnelPosition.BELOW_95)),
    OUTSIDE_998("outside the 99.8% limits", List.of(FunnelPosition.ABOVE_998,
        FunnelPosition.BELOW_998));

    final String words;
    final List<FunnelPosition> positions;

    Group(String words, List<FunnelPosition> positions) {
      this.words = words;
      this.positions = positions;
    }

    boolean of(FunnelPosition p) {
      return positions.contains(p);
    }

    Shape shape() {
      return Plots.shape(this == INSIDE ? 0 : this == OUTSIDE_95 ? 2 : 3, 8.5f);
    }

    Color colour(Palette palette) {
      return this == INSIDE ? palette.series(5) : this == OUTSIDE_95 ? palette.series(3)
          : palette.series(1);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FunnelChart f && title.equals(f.title) && style.equals(f.style);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, style);
  }

  @Override
  public String toString() {
    return "FunnelChart[title=" + title.orElse("(default)") + ", " + style + "]";
  }
}
