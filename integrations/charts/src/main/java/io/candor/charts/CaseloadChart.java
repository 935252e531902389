package io.candor.charts;

import io.candor.caseload.CaseloadRun;
import io.candor.caseload.CaseloadWeek;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A caseload's composition over weeks, from a simulated flow ({@link CaseloadRun}): above, the
 * clients per therapist in treatment with a chronic course, in treatment with another course and
 * on the waiting list, stacked; below, the shares of treated clients not on track and reliably
 * worse. The stacked areas differ in lightness as well as in hue, the two share lines by line
 * style. The description carries the run's composition statement (the length-bias effect).
 *
 * <p>Immutable and thread-safe; {@code equals}, {@code hashCode} and {@code toString} cover every
 * setting.
 */
public final class CaseloadChart {

  private static final CaseloadChart DEFAULTS =
      new CaseloadChart(Optional.empty(), ChartStyle.withDefaults());

  private final Optional<String> title;
  private final ChartStyle style;

  private CaseloadChart(Optional<String> title, ChartStyle style) {
    this.title = title;
    this.style = style;
  }

  /**
   * Title "Caseload over weeks (per therapist)", the default style.
   *
   * @return the default chart settings
   */
  public static CaseloadChart withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy with another title.
   *
   * @param text the title, not blank
   * @return the copy
   * @throws IllegalArgumentException if the title is blank
   */
  public CaseloadChart withTitle(String text) {
    return new CaseloadChart(Optional.of(Args.nonBlank("title", text)), style);
  }

  /**
   * A copy drawn in another style.
   *
   * @param choice the style
   * @return the copy
   */
  public CaseloadChart with(ChartStyle choice) {
    return new CaseloadChart(title, Objects.requireNonNull(choice, "style"));
  }

  /**
   * Draws the composition of a simulated caseload over its weeks.
   *
   * @param run the simulated flow
   * @return the chart
   */
  public Chart draw(CaseloadRun run) {
    Objects.requireNonNull(run, "run");
    String name = title.orElse("Caseload over weeks (per therapist)");
    List<CaseloadWeek> weeks = run.weeks();
    CaseloadWeek last = weeks.get(weeks.size() - 1);
    StringBuilder d = new StringBuilder(String.format(Locale.ROOT, "Simulated caseload of %d"
            + " therapist%s on %s over %d weeks (seed %d): in week %d, per therapist, %s clients in"
            + " treatment (%s with a chronic course) and %s waiting; %s of treated clients not on"
            + " track, %s reliably worse than at intake.", run.therapists(),
        run.therapists() == 1 ? "" : "s", run.instrument(), weeks.size(), run.seed(),
        last.week(), Args.one(last.caseload()),
        last.shareChronic().isPresent() ? Args.pct(last.shareChronic().getAsDouble()) : "none",
        Args.one(last.waiting()),
        last.shareNotOnTrack().isPresent() ? Args.pct(last.shareNotOnTrack().getAsDouble())
            : "none",
        last.shareReliablyWorse().isPresent()
            ? Args.pct(last.shareReliablyWorse().getAsDouble()) : "none"));
    run.composition().ifPresent(c -> d.append(' ').append(c.statement()));
    d.append(" A simulation under stated assumptions, not a forecast for any service.");
    return new Chart(name, d.toString(), style, Plots.painter(() -> build(name, run)));
  }

  private JFreeChart build(String name, CaseloadRun run) {
    Palette palette = style.palette();
    List<CaseloadWeek> weeks = run.weeks();
    XYSeries chronic = new XYSeries("in treatment, chronic course", false, false);
    XYSeries other = new XYSeries("in treatment, other courses", false, false);
    XYSeries waiting = new XYSeries("waiting", false, false);
    XYSeries notOnTrack = new XYSeries("not on track", false, false);
    XYSeries worse = new XYSeries("reliably worse", false, false);
    for (CaseloadWeek k : weeks) {
      double share = k.shareChronic().orElse(0);
      chronic.add(k.week(), k.caseload() * share);
      other.add(k.week(), k.caseload() * (1 - share));
      waiting.add(k.week(), k.waiting());
      k.shareNotOnTrack().ifPresent(v -> notOnTrack.add(k.week(), v));
      k.shareReliablyWorse().ifPresent(v -> worse.add(k.week(), v));
    }
    DefaultTableXYDataset stack = new DefaultTableXYDataset();
    stack.addSeries(chronic);
    stack.addSeries(other);
    stack.addSeries(waiting);
    Color[] fills = {palette.series(1), Palette.tint(palette.series(0), 0.35),
        Palette.tint(palette.series(3), 0.55)};
    StackedXYAreaRenderer2 areas = new StackedXYAreaRenderer2();
    for (int i = 0; i < fills.length; i++) {
      areas.setSeriesPaint(i, fills[i]);
    }
    NumberAxis count = Plots.axis("clients per therapist", false, style);
    XYPlot top = Plots.xyPlot(new NumberAxis(), count);
    top.setDataset(0, stack);
    top.setRenderer(0, areas);
    NumberAxis share = Plots.axis("share of treated", false, style);
    share.setRange(0, 1);
    share.setTickUnit(new NumberTickUnit(0.25, Plots.format("0%")));
    XYPlot bottom = Plots.xyPlot(new NumberAxis(), share);
    XYSeriesCollection lines = new XYSeriesCollection();
    lines.addSeries(notOnTrack);
    lines.addSeries(worse);
    XYLineAndShapeRenderer lr = new XYLineAndShapeRenderer(true, false);
    lr.setSeriesPaint(0, palette.series(3));
    lr.setSeriesStroke(0, Plots.stroke(0, 1.8f));
    lr.setSeriesPaint(1, palette.series(1));
    lr.setSeriesStroke(1, Plots.stroke(1, 1.8f));
    bottom.setDataset(0, lines);
    bottom.setRenderer(0, lr);
    NumberAxis x = Plots.axis("week", true, style);
    x.setRange(0, weeks.get(weeks.size() - 1).week());
    CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
    combined.setGap(10);
    combined.add(top, 3);
    combined.add(bottom, 2);
    LegendItemCollection legend = new LegendItemCollection();
    legend.add(Plots.boxItem("in treatment, chronic course", fills[0]));
    legend.add(Plots.boxItem("in treatment, other courses", fills[1]));
    legend.add(Plots.boxItem("waiting list", fills[2]));
    legend.add(Plots.lineItem("not on track", palette.series(3), Plots.stroke(0, 1.8f), null,
        false));
    legend.add(Plots.lineItem("reliably worse", palette.series(1), Plots.stroke(1, 1.8f), null,
        false));
    combined.setFixedLegendItems(legend);
    Plots.style(combined);
    return Plots.chart(name, combined, style, true);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CaseloadChart c && title.equals(c.title) && style.equals(c.style);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, style);
  }

  @Override
  public String toString() {
    return "CaseloadChart[title=" + title.orElse("(default)") + ", " + style + "]";
  }
}
