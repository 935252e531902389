package io.candor.charts;

import io.candor.measure.Direction;
import io.candor.progress.Alert;
import io.candor.progress.ExpectedCurve;
import io.candor.progress.PreparedCurve;
import io.candor.progress.SessionExpectation;
import io.candor.progress.Signal;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;

/**
 * A client's scores against the expected range: the expected score by session with its
 * percentile bands (from an {@link ExpectedCurve}), the intake and each observed score, each
 * marked with the alert it raises under the curve's {@link io.candor.progress.AlertRules} —
 * "white" (functional), "green" (as expected), "yellow" (less progress than expected) and "red"
 * (at risk) in the style of the OQ system — and the functional cutoff as a dotted line. Signals
 * differ by marker (hollow circle, circle, triangle, diamond) as well as by colour.
 *
 * <pre>{@code
 * Chart c = TrajectoryChart.withDefaults().withScoreLabel("PHQ-9 score")
 *     .draw(prepared, 18, new int[] {1, 2, 3}, new double[] {17, 16, 16});
 * c.writeSvg(Path.of("client.svg"));
 * }</pre>
 *
 * <p>Immutable and thread-safe; {@code equals}, {@code hashCode} and {@code toString} cover every
 * setting.
 */
public final class TrajectoryChart {

  private static final TrajectoryChart DEFAULTS =
      new TrajectoryChart(Optional.empty(), "score", ChartStyle.withDefaults());

  private final Optional<String> title;
  private final String scoreLabel;
  private final ChartStyle style;

  private TrajectoryChart(Optional<String> title, String scoreLabel, ChartStyle style) {
    this.title = title;
    this.scoreLabel = scoreLabel;
    this.style = style;
  }

  /**
   * Title "Scores against the expected range", score axis "score", the default style.
   *
   * @return the default chart settings
   */
  public static TrajectoryChart withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy with another title.
   *
   * @param text the title, not blank
   * @return the copy
   * @throws IllegalArgumentException if the title is blank
   */
  public TrajectoryChart withTitle(String text) {
    return new TrajectoryChart(Optional.of(Args.nonBlank("title", text)), scoreLabel, style);
  }

  /**
   * A copy with another label for the score axis, e.g. "PHQ-9 score".
   *
   * @param text the label, not blank
   * @return the copy
   * @throws IllegalArgumentException if the label is blank
   */
  public TrajectoryChart withScoreLabel(String text) {
    return new TrajectoryChart(title, Args.nonBlank("scoreLabel", text), style);
  }

  /**
   * A copy drawn in another style.
   *
   * @param choice the style
   * @return the copy
   */
  public TrajectoryChart with(ChartStyle choice) {
    return new TrajectoryChart(title, scoreLabel, Objects.requireNonNull(choice, "style"));
  }

  /**
   * Draws the chart. Each observation is evaluated against the prepared curve ({@link
   * PreparedCurve#evaluate}); the intake is drawn at session 0 without an alert.
   *
   * @param curve the expected curve prepared with its alert rules
   * @param intake the intake score (session 0)
   * @param sessions the observed sessions after the intake, increasing, within the curve
   * @param scores the observed scores, one per session
   * @return the chart
   * @throws IllegalArgumentException if a score is not finite, the arrays differ in length, the
   *     sessions do not increase or lie outside the curve
   */
  public Chart draw(PreparedCurve curve, double intake, int[] sessions, double[] scores) {
    Objects.requireNonNull(curve, "curve");
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(scores, "scores");
    Args.finite("intake", intake);
    if (sessions.length != scores.length) {
      throw new IllegalArgumentException("sessions and scores must have the same length, were "
          + sessions.length + " and " + scores.length);
    }
    List<Alert> alerts = new ArrayList<>(sessions.length);
    int previous = curve.curve().sessions().get(0).session();
    for (int i = 0; i < sessions.length; i++) {
      if (sessions[i] <= previous) {
        throw new IllegalArgumentException("sessions must increase after the intake (session "
            + curve.curve().sessions().get(0).session() + "); session " + sessions[i]
            + " follows " + previous);
      }
      previous = sessions[i];
      alerts.add(curve.evaluate(sessions[i], scores[i]));
    }
    String name = title.orElse("Scores against the expected range");
    String description = describe(curve, intake, alerts);
    return new Chart(name, description, style,
        Plots.painter(() -> build(name, curve, intake, alerts)));
  }

  private String describe(PreparedCurve prepared, double intake, List<Alert> alerts) {
    ExpectedCurve curve = prepared.curve();
    List<SessionExpectation> s = curve.sessions();
    SessionExpectation first = s.get(0);
    SessionExpectation last = s.get(s.size() - 1);
    StringBuilder d = new StringBuilder();
    d.append("Expected ").append(scoreLabel).append(" by session given ")
        .append(curve.conditioning()).append(": ").append(Args.one(first.mean()))
        .append(" at session ").append(first.session()).append(", ")
        .append(Args.one(last.mean())).append(" by session ").append(last.session());
    List<Double> p = curve.percentiles();
    if (p.size() >= 2) {
      d.append(" (").append(Plots.ordinal(100 * p.get(0))).append(" to ")
          .append(Plots.ordinal(100 * p.get(p.size() - 1))).append(" percentile ")
          .append(Args.one(last.quantiles().get(0))).append(" to ")
          .append(Args.one(last.quantiles().get(p.size() - 1))).append(')');
    }
    d.append(". Intake ").append(Args.num(intake));
    for (Alert a : alerts) {
      d.append("; session ").append(a.session()).append(' ').append(Args.num(a.score()))
          .append(" (").append(signalWords(a.signal())).append(')');
    }
    d.append('.');
    var rules = prepared.rules();
    rules.functionalCutoff().ifPresent(c -> d.append(" Caseness cutoff ").append(Args.num(c))
        .append('.'));
    d.append(rules.direction().orElseThrow() == Direction.HIGHER_IS_BETTER
        ? " Higher scores are better." : " Lower scores are better.");
    d.append(" Alert boundaries are a configurable choice, not a clinical verdict.");
    return d.toString();
  }

  /** The OQ-style colour name and what it means. */
  static String signalWords(Signal s) {
    return switch (s) {
      case FUNCTIONAL -> "white: functional range";
      case ADEQUATE_PROGRESS -> "green: progress as expected";
      case LESS_THAN_EXPECTED -> "yellow: less progress than expected";
      case AT_RISK -> "red: at risk of not benefiting";
    };
  }

  /** The marker of a signal: hollow circle, circle, triangle, diamond. */
  static Shape signalShape(Signal s) {
    return switch (s) {
      case FUNCTIONAL, ADEQUATE_PROGRESS -> new Ellipse2D.Double(-5, -5, 10, 10);
      case LESS_THAN_EXPECTED -> ShapeUtils.createUpTriangle(6.5f);
      case AT_RISK -> ShapeUtils.createDiamond(6.5f);
    };
  }

  private JFreeChart build(String name, PreparedCurve prepared, double intake,
      List<Alert> alerts) {
    ExpectedCurve curve = prepared.curve();
    Palette palette = style.palette();
    List<SessionExpectation> s = curve.sessions();
    List<Double> p = curve.percentiles();
    int pairs = p.size() / 2;
    NumberAxis x = Plots.axis("session", true, style);
    NumberAxis y = Plots.axis(scoreLabel, false, style);
    x.setRange(s.get(0).session() - 0.4, s.get(s.size() - 1).session() + 0.4);
    XYPlot plot = Plots.xyPlot(x, y);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    LegendItemCollection legend = new LegendItemCollection();
    int index = 0;
    // nested bands, outermost first so that the inner ones are drawn over them
    for (int k = 0; k < pairs; k++) {
      YIntervalSeries band = new YIntervalSeries("band " + k);
      for (SessionExpectation e : s) {
        band.add(e.session(), e.mean(), e.quantiles().get(k), e.quantiles().get(p.size() - 1 - k));
      }
      index = Plots.band(plot, index, band, palette.band(pairs - 1 - k, pairs));
    }
    for (int k = pairs - 1; k >= 0; k--) {
      legend.add(Plots.boxItem(Plots.ordinal(100 * p.get(k)) + "–"
          + Plots.ordinal(100 * p.get(p.size() - 1 - k)) + " percentile",
          palette.band(pairs - 1 - k, pairs)));
    }
    XYSeries mean = new XYSeries("expected", false, false);
    s.forEach(e -> mean.add(e.session(), e.mean()));
    Color meanColour = palette.series(0);
    index = Plots.line(plot, index, mean, meanColour, Plots.stroke(1, 2f));
    legend.add(Plots.lineItem("expected score", meanColour, Plots.stroke(1, 2f), null, false));
    if (p.size() % 2 == 1) {
      XYSeries middle = new XYSeries("middle", false, false);
      s.forEach(e -> middle.add(e.session(), e.quantiles().get(pairs)));
      index = Plots.line(plot, index, middle, meanColour, Plots.stroke(2, 1.2f));
      legend.add(Plots.lineItem(Plots.ordinal(100 * p.get(pairs)) + " percentile", meanColour,
          Plots.stroke(2, 1.2f), null, false));
    }
    XYSeries observed = new XYSeries("observed", false, false);
    observed.add(0, intake);
    alerts.forEach(a -> observed.add(a.session(), a.score()));
    Shape intakeShape = Plots.shape(1, 9);
    index = Plots.line(plot, index, observed, Plots.INK, new BasicStroke(1.6f));
    XYSeries intakePoint = new XYSeries("intake", false, false);
    intakePoint.add(0, intake);
    index = Plots.points(plot, index, intakePoint, Plots.INK, intakeShape, true);
    legend.add(Plots.lineItem("intake and observed scores", Plots.INK, new BasicStroke(1.6f),
        intakeShape, true));
    Set<Signal> seen = EnumSet.noneOf(Signal.class);
    alerts.forEach(a -> seen.add(a.signal()));
    for (Signal signal : Signal.values()) {
      XYSeries points = new XYSeries(signal.name(), false, false);
      alerts.stream().filter(a -> a.signal() == signal)
          .forEach(a -> points.add(a.session(), a.score()));
      if (points.getItemCount() > 0) {
        Color c = palette.signal(signal);
        boolean filled = signal != Signal.FUNCTIONAL;
        index = Plots.points(plot, index, points, c, signalShape(signal), filled);
        legend.add(Plots.lineItem(signalWords(signal), c, null, signalShape(signal), filled));
      }
    }
    prepared.rules().functionalCutoff().ifPresent(c -> plot.addRangeMarker(
        Plots.horizontalLine(c, "caseness cutoff " + Args.num(c), Plots.INK, style)));
    plot.setFixedLegendItems(legend);
    return Plots.chart(name, plot, style, true);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrajectoryChart t && title.equals(t.title)
        && scoreLabel.equals(t.scoreLabel) && style.equals(t.style);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, scoreLabel, style);
  }

  @Override
  public String toString() {
    return "TrajectoryChart[title=" + title.orElse("(default)") + ", scoreLabel=" + scoreLabel
        + ", " + style + "]";
  }


}
