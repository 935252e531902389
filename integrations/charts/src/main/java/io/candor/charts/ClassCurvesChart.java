package io.candor.charts;

import io.candor.model.DataRange;
import io.candor.model.mixture.ClassSummary;
import io.candor.model.mixture.MixtureFit;
import io.candor.model.mixture.TrajectoryClass;
import io.candor.model.mixture.TrajectoryClasses;
import io.candor.model.mixture.WithinClass;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;

/**
 * Latent trajectory classes: each class's mean curve over the time range of the data, its line
 * the wider the larger the class's share, with the share written at the curve's end and in the
 * key ("class 1: 55.2 % of clients, 310 most likely"). Classes differ by line style and end marker
 * as well as colour, so the chart reads in greyscale. The description names every class's share
 * and where its curve starts and ends, and says that a class describes a shape in these data, not
 * a person.
 *
 * <p>Immutable and thread-safe; {@code equals}, {@code hashCode} and {@code toString} cover every
 * setting.
 */
public final class ClassCurvesChart {

  /** Points per curve: smooth for the log and quadratic bases, exact for linear ones. */
  static final int POINTS = 121;

  private static final ClassCurvesChart DEFAULTS = new ClassCurvesChart(Optional.empty(),
      "score", "session", ChartStyle.withDefaults());

  private final Optional<String> title;
  private final String scoreLabel;
  private final String timeLabel;
  private final ChartStyle style;

  private ClassCurvesChart(Optional<String> title, String scoreLabel, String timeLabel,
      ChartStyle style) {
    this.title = title;
    this.scoreLabel = scoreLabel;
    this.timeLabel = timeLabel;
    this.style = style;
  }

  /**
   * Title "Latent trajectory classes (K = …)", axes "session" and "score", the default style.
   *
   * @return the default chart settings
   */
  public static ClassCurvesChart withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy with another title.
   *
   * @param text the title, not blank
   * @return the copy
   * @throws IllegalArgumentException if the title is blank
   */
  public ClassCurvesChart withTitle(String text) {
    return new ClassCurvesChart(Optional.of(Args.nonBlank("title", text)), scoreLabel, timeLabel,
        style);
  }

  /**
   * A copy with another score-axis label (e.g. "PHQ-9 score").
   *
   * @param text the label, not blank
   * @return the copy
   * @throws IllegalArgumentException if the label is blank
   */
  public ClassCurvesChart withScoreLabel(String text) {
    return new ClassCurvesChart(title, Args.nonBlank("scoreLabel", text), timeLabel, style);
  }

  /**
   * A copy with another time-axis label (e.g. "week").
   *
   * @param text the label, not blank
   * @return the copy
   * @throws IllegalArgumentException if the label is blank
   */
  public ClassCurvesChart withTimeLabel(String text) {
    return new ClassCurvesChart(title, scoreLabel, Args.nonBlank("timeLabel", text), style);
  }

  /**
   * A copy drawn in another style.
   *
   * @param choice the style
   * @return the copy
   */
  public ClassCurvesChart with(ChartStyle choice) {
    return new ClassCurvesChart(title, scoreLabel, timeLabel,
        Objects.requireNonNull(choice, "style"));
  }

  /**
   * Draws the classes of a fit over a time range, normally the range of the times the classes
   * were fitted on ({@code DataRange.of(data.groupedTimes())}): curves are not extrapolated
   * beyond what is given.
   *
   * @param fit the fit (its classes, shares and most-likely counts)
   * @param times the time range to draw, with {@code max > min} (and {@code min > −1} for the
   *     log basis)
   * @return the chart
   * @throws IllegalArgumentException if the range is a single time, or outside the basis's domain
   */
  public Chart draw(MixtureFit fit, DataRange times) {
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(times, "times");
    double from = times.min();
    double to = times.max();
    if (!(to > from)) {
      throw new IllegalArgumentException("the time range must span more than one time, was "
          + times);
    }
    TrajectoryClasses model = fit.model();
    int k = model.size();
    double[] grid = new double[POINTS];
    double[][] means = new double[k][POINTS];
    for (int i = 0; i < POINTS; i++) {
      grid[i] = i == POINTS - 1 ? to : from + (to - from) * i / (POINTS - 1);
    }
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < POINTS; i++) {
        means[c][i] = model.mean(c + 1, grid[i]);
      }
    }
    String name = title.orElse("Latent trajectory classes (K = " + k + ")");
    StringBuilder d = new StringBuilder();
    d.append(String.format(Locale.ROOT, "%s of %s by %s, %d %s (%s, %s basis), fitted on %d"
            + " clients:", k == 1 ? "One trajectory class" : k + " latent trajectory classes",
        scoreLabel, timeLabel, k, k == 1 ? "class" : "classes", kind(model),
        model.basis().name().toLowerCase(Locale.ROOT), fit.clients()));
    for (int c = 0; c < k; c++) {
      TrajectoryClass tc = model.classes().get(c);
      ClassSummary s = fit.classSummaries().get(c);
      d.append(String.format(Locale.ROOT, " class %d, %s of clients (%d most likely), from %s at"
              + " %s %s to %s at %s %s;", tc.index(), Args.pct1(tc.share()), s.count(),
          Args.num(means[c][0]), timeLabel, Args.num(from), Args.num(means[c][POINTS - 1]),
          timeLabel, Args.num(to)));
    }
    d.setLength(d.length() - 1);
    d.append(". A class describes a shape of change in these data under the model; a client's"
        + " class is a probability, not a label or a diagnosis.");
    List<String> keys = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      keys.add(String.format(Locale.ROOT, "class %d: %s of clients, %d most likely",
          c + 1, Args.pct1(model.classes().get(c).share()), fit.classSummaries().get(c).count()));
    }
    double[] shares = model.classes().stream().mapToDouble(TrajectoryClass::share).toArray();
    return new Chart(name, d.toString(), style,
        Plots.painter(() -> build(name, grid, means, shares, keys)));
  }

  private static String kind(TrajectoryClasses model) {
    return model.withinClass() == WithinClass.NONE ? "LCGA" : "growth mixture model";
  }

  private JFreeChart build(String name, double[] times, double[][] means, double[] shares,
      List<String> keys) {
    Palette palette = style.palette();
    double from = times[0];
    double to = times[times.length - 1];
    NumberAxis x = Plots.axis(timeLabel, false, style);
    // room on the right for the share labels at the curves' ends
    x.setRange(from - (to - from) * 0.02, to + (to - from) * 0.13);
    NumberAxis y = Plots.axis(scoreLabel, false, style);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] m : means) {
      for (double v : m) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double pad = Math.max((hi - lo) * 0.08, 0.5);
    y.setRange(lo - pad, hi + pad);
    XYPlot plot = Plots.xyPlot(x, y);
    LegendItemCollection legend = new LegendItemCollection();
    int index = 0;
    float marker = (float) (style.fontSize() * 0.75);
    for (int c = 0; c < means.length; c++) {
      XYSeries s = new XYSeries("class " + (c + 1), false, false);
      for (int i = 0; i < times.length; i++) {
        s.add(times[i], means[c][i]);
      }
      float width = (float) (1.4 + 3.6 * shares[c]);
      index = Plots.line(plot, index, s, palette.series(c), Plots.stroke(c, width));
      XYSeries ends = new XYSeries("end " + (c + 1), false, false);
      ends.add(to, means[c][times.length - 1]);
      index = Plots.points(plot, index, ends, palette.series(c), Plots.shape(c, marker), true);
      legend.add(Plots.lineItem(keys.get(c), palette.series(c), Plots.stroke(c, width),
          Plots.shape(c, marker), true));
    }
    // share labels at the curves' ends, pushed apart so that they never overlap
    Integer[] order = new Integer[means.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(c -> means[c][times.length - 1]));
    double gap = (hi - lo + 2 * pad) * 0.055;
    double[] at = new double[means.length];
    for (int r = 0; r < order.length; r++) {
      double want = means[order[r]][times.length - 1];
      at[order[r]] = r == 0 ? want : Math.max(want, at[order[r - 1]] + gap);
    }
    Font small = Render.font(Font.BOLD, style.fontSize() - 1);
    for (int c = 0; c < means.length; c++) {
      XYTextAnnotation label = new XYTextAnnotation(Args.pct1(shares[c]),
          to + (to - from) * 0.025, at[c]);
      label.setFont(small);
      label.setPaint(Plots.INK);
      label.setTextAnchor(TextAnchor.HALF_ASCENT_LEFT);
      plot.addAnnotation(label);
    }
    plot.setFixedLegendItems(legend);
    return Plots.chart(name, plot, style, true);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClassCurvesChart c && title.equals(c.title)
        && scoreLabel.equals(c.scoreLabel) && timeLabel.equals(c.timeLabel)
        && style.equals(c.style);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, scoreLabel, timeLabel, style);
  }

  @Override
  public String toString() {
    return "ClassCurvesChart[title=" + title.orElse("(default)") + ", scoreLabel=" + scoreLabel
        + ", timeLabel=" + timeLabel + ", " + style + "]";
  }
}
