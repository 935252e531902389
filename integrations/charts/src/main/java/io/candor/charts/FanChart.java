package io.candor.charts;

import io.candor.simulation.SimulationSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;

/**
 * A fan chart of a simulated cohort: by session, the median observed score, the 25th–75th and
 * 10th–90th percentile bands ({@link SimulationSummary#scoreQuantileAt}, exact), the mean, and the
 * caseness cutoff when given. Sessions at which nobody is observed any more are left out, and the
 * description says how many clients were still observed.
 *
 * <p>Immutable and thread-safe; {@code equals}, {@code hashCode} and {@code toString} cover every
 * setting.
 */
public final class FanChart {

  private static final double[] PERCENTILES = {0.10, 0.25, 0.50, 0.75, 0.90};

  private static final FanChart DEFAULTS = new FanChart(Optional.empty(), Optional.empty(),
      OptionalDouble.empty(), ChartStyle.withDefaults());

  private final Optional<String> title;
  private final Optional<String> scoreLabel;
  private final OptionalDouble cutoff;
  private final ChartStyle style;

  private FanChart(Optional<String> title, Optional<String> scoreLabel, OptionalDouble cutoff,
      ChartStyle style) {
    this.title = title;
    this.scoreLabel = scoreLabel;
    this.cutoff = cutoff;
    this.style = style;
  }

  /**
   * Title "Simulated scores by session", score axis named after the summary's instrument, no
   * cutoff line, the default style.
   *
   * @return the default chart settings
   */
  public static FanChart withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy with another title.
   *
   * @param text the title, not blank
   * @return the copy
   * @throws IllegalArgumentException if the title is blank
   */
  public FanChart withTitle(String text) {
    return new FanChart(Optional.of(Args.nonBlank("title", text)), scoreLabel, cutoff, style);
  }

  /**
   * A copy with another score-axis label.
   *
   * @param text the label, not blank
   * @return the copy
   * @throws IllegalArgumentException if the label is blank
   */
  public FanChart withScoreLabel(String text) {
    return new FanChart(title, Optional.of(Args.nonBlank("scoreLabel", text)), cutoff, style);
  }

  /**
   * A copy that draws the caseness cutoff as a dotted line.
   *
   * @param score the cutoff, finite
   * @return the copy
   * @throws IllegalArgumentException if the cutoff is not finite
   */
  public FanChart withCutoff(double score) {
    return new FanChart(title, scoreLabel, OptionalDouble.of(Args.finite("cutoff", score)), style);
  }

  /**
   * A copy drawn in another style.
   *
   * @param choice the style
   * @return the copy
   */
  public FanChart with(ChartStyle choice) {
    return new FanChart(title, scoreLabel, cutoff, Objects.requireNonNull(choice, "style"));
  }

  /**
   * Draws the fan of a simulated cohort.
   *
   * @param summary the summary
   * @return the chart
   */
  public Chart draw(SimulationSummary summary) {
    Objects.requireNonNull(summary, "summary");
    List<double[]> rows = new ArrayList<>();
    for (int s = 0; s <= summary.lastSession(); s++) {
      if (summary.observedAt(s) == 0) {
        break;
      }
      double[] row = new double[PERCENTILES.length + 3];
      row[0] = s;
      for (int k = 0; k < PERCENTILES.length; k++) {
        row[k + 1] = summary.scoreQuantileAt(s, PERCENTILES[k]).orElseThrow();
      }
      row[PERCENTILES.length + 1] = summary.meanScoreAt(s).orElseThrow();
      row[PERCENTILES.length + 2] = summary.observedAt(s);
      rows.add(row);
    }
    String label = scoreLabel.orElse(summary.instrument() + " score");
    String name = title.orElse("Simulated scores by session");
    double[] first = rows.get(0);
    double[] last = rows.get(rows.size() - 1);
    StringBuilder d = new StringBuilder();
    d.append(String.format(Locale.ROOT, "Fan chart of %d simulated clients (%s arm): median %s"
            + " %s at session 0 (10th to 90th percentile %s to %s) and %s at session %d (%s to"
            + " %s), when %d clients were still observed.", summary.clients(),
        summary.arm().name().toLowerCase(Locale.ROOT), label, Args.num(first[3]),
        Args.num(first[1]), Args.num(first[5]), Args.num(last[3]), (int) last[0],
        Args.num(last[1]), Args.num(last[5]), (long) last[7]));
    cutoff.ifPresent(c -> d.append(" Caseness cutoff ").append(Args.num(c)).append('.'));
    d.append(" Simulated from a calibrated model: it describes a cohort, not any one person.");
    return new Chart(name, d.toString(), style, Plots.painter(() -> build(name, label, rows)));
  }

  private JFreeChart build(String name, String label, List<double[]> rows) {
    Palette palette = style.palette();
    NumberAxis x = Plots.axis("session", true, style);
    x.setRange(-0.3, rows.get(rows.size() - 1)[0] + 0.3);
    NumberAxis y = Plots.axis(label, false, style);
    XYPlot plot = Plots.xyPlot(x, y);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    LegendItemCollection legend = new LegendItemCollection();
    for (int k = 0; k < 2; k++) {
      YIntervalSeries band = new YIntervalSeries("band " + k);
      for (double[] r : rows) {
        band.add(r[0], r[3], r[1 + k], r[5 - k]);
      }
      Plots.band(plot, k, band, palette.band(1 - k, 2));
    }
    legend.add(Plots.boxItem("25th–75th percentile", palette.band(0, 2)));
    legend.add(Plots.boxItem("10th–90th percentile", palette.band(1, 2)));
    XYSeries median = new XYSeries("median", false, false);
    XYSeries mean = new XYSeries("mean", false, false);
    for (double[] r : rows) {
      median.add(r[0], r[3]);
      mean.add(r[0], r[6]);
    }
    Plots.line(plot, 2, median, palette.series(0), Plots.stroke(0, 2.2f));
    legend.add(Plots.lineItem("median", palette.series(0), Plots.stroke(0, 2.2f), null, false));
    Plots.line(plot, 3, mean, palette.series(1), Plots.stroke(1, 1.6f));
    legend.add(Plots.lineItem("mean", palette.series(1), Plots.stroke(1, 1.6f), null, false));
    cutoff.ifPresent(c -> plot.addRangeMarker(
        Plots.horizontalLine(c, "caseness cutoff " + Args.num(c), Plots.INK, style)));
    plot.setFixedLegendItems(legend);
    return Plots.chart(name, plot, style, true);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FanChart f && title.equals(f.title) && scoreLabel.equals(f.scoreLabel)
        && cutoff.equals(f.cutoff) && style.equals(f.style);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, scoreLabel, cutoff, style);
  }

  @Override
  public String toString() {
    return "FanChart[title=" + title.orElse("(default)") + ", scoreLabel="
        + scoreLabel.orElse("(instrument)") + ", cutoff="
        + (cutoff.isPresent() ? Args.num(cutoff.getAsDouble()) : "none") + ", " + style + "]";
  }
}
