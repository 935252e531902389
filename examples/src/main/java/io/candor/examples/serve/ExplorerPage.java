package io.candor.examples.serve;

import io.candor.change.ChangeContext;
import io.candor.change.ClinicalChange;
import io.candor.change.CriterionClassification;
import io.candor.charts.ChartStyle;
import io.candor.charts.TrajectoryChart;
import io.candor.examples.cli.ExpectCommand;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.ItemScoring;
import io.candor.measure.RiskFlag;
import io.candor.progress.Alert;
import io.candor.progress.AlertRules;
import io.candor.progress.ExpectedCurve;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.ExpectedResponseModel;
import io.candor.progress.PreparedCurve;
import io.candor.progress.SessionExpectation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The expectation explorer: one client's expected range, the alert for the latest score, the
 * reliable-change verdict so far, the item total, and the chart.
 */
final class ExplorerPage implements Pages.Page {

  /** Every instrument: PHQ-9 and GAD-7 have reference models, the others need a model file. */
  static List<Instrument> instruments() {
    return Instruments.all();
  }

  @Override
  public String title() {
    return "Expectation explorer";
  }

  @Override
  public String body(Form f, String error) {
    StringBuilder sb = new StringBuilder();
    sb.append("<h1>Expectation explorer</h1><p>One client's scores against the range expected for"
        + " clients who start where they do. The alert boundaries are a configurable choice, not"
        + " a clinical verdict.</p>");
    if (error != null) {
      sb.append(Html.error(error));
    }
    sb.append("<form method=\"post\" action=\"/explorer\" enctype=\"multipart/form-data\""
        + " class=\"candor-form\" novalidate><fieldset><legend>The client</legend>");
    ResearchPage.instrumentSelect(sb, f, instruments());
    input(sb, "intake", "Intake score <code>--intake</code>", f.field("intake", ""),
        "the score at the first assessment (session 0)", "decimal");
    input(sb, "observed", "Observed scores <code>--observed</code>", f.field("observed", ""),
        "session:score pairs after the intake, e.g. 1:17, 2:16, 3:16", "text");
    input(sb, "items", "Item responses at the latest session (optional)", f.field("items", ""),
        "the answers item by item, e.g. 2,2,1,3,1,0,2,1,1; their total must equal the latest"
            + " observed score", "text");
    input(sb, "sessions", "Sessions to show <code>--sessions</code>", f.field("sessions", "12"),
        "the last session of the expected range (extended to the last observed)", "numeric");
    sb.append("</fieldset><fieldset><legend>The model (optional)</legend>"
        + "<div class=\"field\"><label for=\"model\">Your own model <code>--model</code></label>"
        + "<input type=\"file\" id=\"model\" name=\"model\" accept=\".json,application/json\""
        + " aria-describedby=\"model-hint\"><p class=\"hint\" id=\"model-hint\">JSON written by"
        + " <code>candor fit --json</code>. Without it, Candor's reference model for the"
        + " instrument is used (fitted on simulated clients, not real ones).</p></div></fieldset>"
        + "<button type=\"submit\">Show the expected range</button></form>");
    return sb.toString();
  }

  static void input(StringBuilder sb, String name, String label, String value, String hint,
      String mode) {
    sb.append("<div class=\"field\"><label for=\"").append(name).append("\">").append(label)
        .append("</label><input type=\"text\" id=\"").append(name).append("\" name=\"")
        .append(name).append("\" value=\"").append(Html.esc(value)).append("\" inputmode=\"")
        .append(mode).append("\" aria-describedby=\"").append(name).append("-hint\"><p class=\"hint\""
            + " id=\"").append(name).append("-hint\">").append(Html.esc(hint)).append("</p></div>");
  }

  /** A required finite number from a field, with the CLI's wording. */
  static double number(Form f, String name, String option) {
    String text = f.field(name).orElseThrow(() ->
        new IllegalArgumentException(option + " is missing: enter a number"));
    return ExpectCommand.number(option, text);
  }

  @Override
  public String results(Form f) {
    Instrument instrument = Instruments.byId(f.field("instrument", "PHQ-9"));
    double intake = number(f, "intake", "--intake");
    int[][] sess = new int[1][];
    double[][] scores = new double[1][];
    ExpectCommand.parseObserved(f.field("observed", ""), sess, scores);
    int horizon = (int) number(f, "sessions", "--sessions");
    if (horizon < 1 || horizon > ExpectCommand.MAX_SESSIONS
        || horizon != number(f, "sessions", "--sessions")) {
      throw new IllegalArgumentException("--sessions must be a whole number between 1 and "
          + ExpectCommand.MAX_SESSIONS + ", was " + f.field("sessions", ""));
    }
    instrument.checkScore("--intake", intake);
    for (int i = 0; i < sess[0].length; i++) {
      instrument.checkScore("--observed score at session " + sess[0][i], scores[0][i]);
    }
    int last = horizon;
    for (int s : sess[0]) {
      last = Math.max(last, s);
    }
    Optional<Items> items = items(f, instrument, sess[0], scores[0]);
    ExpectedResponseModel model;
    Optional<Upload> upload = f.file("model");
    if (upload.isPresent()) {
      model = ExpectCommand.parseModel(new String(upload.get().bytes(), StandardCharsets.UTF_8),
          "uploaded model " + upload.get().filename());
    } else {
      model = ExpectCommand.referenceModel(instrument);
    }
    String source = Html.esc(model.fittedOn().provenance());
    ExpectedResponse er = ExpectedResponse.of(model).withPercentiles(0.10, 0.25, 0.75, 0.90);
    try {
      er = er.withScale(instrument);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--instrument " + instrument.id() + " does not match the"
          + " model: " + e.getMessage(), e);
    }
    PreparedCurve prepared = er.prepare(intake, last, AlertRules.withDefaults());
    ExpectedCurve curve = prepared.curve();
    StringBuilder sb = new StringBuilder();
    sb.append("<h2 id=\"results-heading\" tabindex=\"-1\">Expected range for ")
        .append(Html.esc(instrument.id())).append(", intake ").append(Html.num(intake, 1))
        .append("</h2>");
    items.ifPresent(it -> risk(sb, instrument, it)); // first: never below the fold
    var chart = TrajectoryChart.withDefaults().withScoreLabel(instrument.id() + " score")
        .with(ChartStyle.withDefaults()).draw(prepared, intake, sess[0], scores[0]);
    sb.append("<figure class=\"chart\">").append(chart.toSvgElement())
        .append("<figcaption>").append(Html.esc(chart.description())).append("</figcaption></figure>");
    if (sess[0].length > 0) {
      int k = sess[0].length - 1;
      Alert alert = prepared.evaluate(sess[0][k], scores[0][k]);
      sb.append("<h3>Latest score</h3><p class=\"signal signal-")
          .append(alert.signal().name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .append("\" id=\"alert\"><strong id=\"alert-signal\">")
          .append(Html.esc(signalWords(alert))).append("</strong> ")
          .append(Html.esc(alert.reason())).append("</p>");
      CriterionClassification c = ClinicalChange.classifyByCriterion(intake, scores[0][k],
          ChangeContext.of(instrument));
      sb.append("<h3>Change since intake</h3><p id=\"classification\">From ")
          .append(Html.num(intake, 1)).append(" to ").append(Html.num(scores[0][k], 1))
          .append(" at session ").append(sess[0][k]).append(": <strong id=\"category\">")
          .append(Html.esc(c.category().name().toLowerCase(Locale.ROOT).replace('_', ' ')))
          .append("</strong> by ").append(Html.esc(instrument.id()))
          .append("'s own criterion (a reliable change is at least ")
          .append(Html.plain(c.threshold().value()))
          .append(" points; ").append(Html.esc(c.threshold().source().shortForm())).append(", ")
          .append(c.threshold().certainty().name().toLowerCase(Locale.ROOT))
          .append("). It describes measured change on one questionnaire, not a diagnosis.</p>");
    }
    items.ifPresent(it -> sb.append(it.score().map(score -> "<p id=\"item-total\">The item"
        + " responses add up to " + Html.plain(score.total()) + (score.prorated()
        ? " (prorated for missing items)" : "") + ", the latest observed score.</p>")
        .orElse("<p id=\"item-total\">No item total: " + Html.esc(it.unscored()) + ".</p>")));
    sb.append("<table><caption>Expected ").append(Html.esc(instrument.id()))
        .append(" score by session (percentiles of a new observation for a client like this)"
            + "</caption><thead><tr><th scope=\"col\">session</th><th scope=\"col\">expected</th>"
            + "<th scope=\"col\">10%</th><th scope=\"col\">25%</th><th scope=\"col\">75%</th>"
            + "<th scope=\"col\">90%</th></tr></thead><tbody>");
    for (SessionExpectation e : curve.sessions()) {
      sb.append("<tr><th scope=\"row\">").append(e.session()).append("</th><td id=\"mean-")
          .append(e.session()).append("\">").append(Html.num(e.mean(), 1)).append("</td>");
      for (int q = 0; q < 4; q++) {
        sb.append("<td>").append(Html.num(e.quantiles().get(q), 1)).append("</td>");
      }
      sb.append("</tr>");
    }
    sb.append("</tbody></table><p class=\"source\">Model: ").append(source)
        .append(". Bands describe the model, not a promise.</p>");
    return sb.toString();
  }

  private static String signalWords(Alert a) {
    return switch (a.signal()) {
      case FUNCTIONAL -> "White (functional range), on track.";
      case ADEQUATE_PROGRESS -> "Green (progress as expected), on track.";
      case LESS_THAN_EXPECTED -> "Yellow (less progress than expected), not on track.";
      case AT_RISK -> "Red (at risk of not benefiting), not on track.";
    };
  }

  /** What the item responses gave: their total and any risk flags. */
  record Items(Optional<ItemScoring.ItemScore> score, String unscored, List<RiskFlag> flags,
      Set<Integer> riskItems) {}

  /**
   * Scores the item responses (a dash for an item not answered) with the instrument's rules; the
   * total must equal the latest observed score. The risk items' flags are never suppressed by the
   * total.
   */
  private static Optional<Items> items(Form f, Instrument instrument, int[] sessions,
      double[] scores) {
    Optional<String> text = f.field("items");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    ItemScoring scoring = instrument.itemScoring().orElseThrow(() -> new IllegalArgumentException(
        instrument.id() + " has no item scoring in Candor (proprietary items are not held); leave"
            + " the item responses empty"));
    String[] parts = text.get().split("[,\\s]+");
    List<OptionalInt> responses = new ArrayList<>(parts.length);
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].equals("-")) {
        responses.add(OptionalInt.empty());
        continue;
      }
      try {
        responses.add(OptionalInt.of(Integer.parseInt(parts[i])));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(instrument.id() + " item " + (i + 1)
            + " must be a whole number (or - when not answered), was " + parts[i], e);
      }
    }
    // the flags first: a risk item left unanswered is flagged even when no total can be scored
    List<RiskFlag> flags = scoring.riskFlags(responses);
    ItemScoring.ItemScore score;
    try {
      score = scoring.score(responses);
    } catch (IllegalArgumentException e) {
      return Optional.of(new Items(Optional.empty(), e.getMessage(), flags, scoring.riskItems()));
    }
    if (sessions.length == 0) {
      throw new IllegalArgumentException("the item responses belong to the latest session; enter"
          + " it under observed scores as session:score with the total "
          + Html.plain(score.total()));
    }
    double latest = scores[scores.length - 1];
    if (latest != score.total()) {
      throw new IllegalArgumentException("the item responses add up to "
          + Html.plain(score.total()) + (score.prorated() ? " (prorated)" : "") + " but the"
          + " latest observed score (session " + sessions[sessions.length - 1] + ") is "
          + Html.plain(latest));
    }
    return Optional.of(new Items(Optional.of(score), "", flags, scoring.riskItems()));
  }

  /** The risk items: every flag for clinician review, and what no flag does not mean. */
  private static void risk(StringBuilder sb, Instrument instrument, Items items) {
    if (items.riskItems().isEmpty()) {
      return;
    }
    sb.append("<h3>Risk items</h3>");
    if (items.flags().isEmpty()) {
      sb.append("<p id=\"risk-none\">No risk item (").append(Html.esc(instrument.id()))
          .append(" item").append(items.riskItems().size() == 1 ? " " : "s ")
          .append(items.riskItems().stream().map(String::valueOf)
              .collect(java.util.stream.Collectors.joining(", ")))
          .append(") was answered above its lowest response. That is not reassurance: most"
              + " people who die by suicide answered \"not at all\" on their latest PHQ-9 item 9"
              + " (Louzon et al. 2016); a zero never rules risk out, and the clinician's judgement"
              + " comes first (NICE NG225).</p>");
      return;
    }
    sb.append("<ul class=\"risk\" id=\"risk-flags\">");
    for (RiskFlag flag : items.flags()) {
      sb.append("<li>").append(Html.esc(flag.toString())).append("</li>");
    }
    sb.append("</ul><p>A flag asks for a clinician's review; it is not a risk score, a level or a"
        + " prediction (NICE NG225).</p>");
  }
}
