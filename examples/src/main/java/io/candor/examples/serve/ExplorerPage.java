package io.candor.examples.serve;

import io.candor.change.ChangeContext;
import io.candor.change.ClinicalChange;
import io.candor.change.CriterionClassification;
import io.candor.charts.Chart;
import io.candor.charts.ChartStyle;
import io.candor.charts.IconArray;
import io.candor.charts.IconArrayChart;
import io.candor.charts.TrajectoryChart;
import io.candor.domain.Course;
import io.candor.domain.Observation;
import io.candor.domain.ReadinessStage;
import io.candor.examples.cli.CliText;
import io.candor.examples.cli.ExpectCommand;
import io.candor.expectation.ClientProfile;
import io.candor.expectation.ClientRenderer;
import io.candor.expectation.ExpectationReport;
import io.candor.expectation.Expectations;
import io.candor.expectation.Outcome;
import io.candor.expectation.Probability;
import io.candor.expectation.TherapistRenderer;
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
import io.candor.simulation.Calibration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The expectation explorer: one client's expected range with the chart and the alert for the
 * latest score, the reliable-change verdict so far, the item total and risk flags, and the
 * expectation report ({@code candor report}) for the client and the therapist with its icon array.
 */
final class ExplorerPage implements Pages.Page {

  /** The simulation behind each report, before the form's model and horizon are set. */
  private final Expectations simulation;

  /** The page as {@code candor serve} shows it: {@code candor report}'s defaults. */
  ExplorerPage() {
    this(Expectations.withDefaults().withThreads(Math.min(4, Runtime.getRuntime().availableProcessors())));
  }

  /**
   * The page with another simulation size (tests: the same code paths on fewer simulated clients).
   *
   * @param simulation the simulation behind each report
   */
  ExplorerPage(Expectations simulation) {
    this.simulation = simulation;
  }

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
        + " clients who start where they do, and what to expect in plain words for the client and"
        + " the therapist (<code>candor report</code>). The alert boundaries are a configurable"
        + " choice, not a clinical verdict.</p>");
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
    ResearchPage.select(sb, "course", "Course <code>--course</code>", words(Course.values()),
        f.field("course", UNKNOWN));
    ResearchPage.select(sb, "readiness", "Readiness at intake <code>--readiness</code>",
        words(ReadinessStage.values()), f.field("readiness", UNKNOWN));
    input(sb, "sessions", "Planned sessions <code>--sessions</code>", f.field("sessions", "12"),
        "sessions planned after the intake: the end of the expected range and of the report",
        "numeric");
    input(sb, "horizon", "Session the report speaks about <code>--horizon</code>",
        f.field("horizon", ""), "optional: by default 12, or the last planned session when fewer"
            + " are planned; after the last observed score", "numeric");
    sb.append("</fieldset><fieldset><legend>The model (optional)</legend>"
        + "<div class=\"field\"><label for=\"model\">Your own model <code>--model</code></label>"
        + "<input type=\"file\" id=\"model\" name=\"model\" accept=\".json,application/json\""
        + " aria-describedby=\"model-hint\"><p class=\"hint\" id=\"model-hint\">JSON written by"
        + " <code>candor fit --json</code>. Without it, Candor's reference model for the"
        + " instrument is used (fitted on simulated clients, not real ones).</p></div></fieldset>"
        + "<button type=\"submit\">Show what to expect</button></form>");
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

  /** The choice of a course or stage not known. */
  static final String UNKNOWN = "unknown";

  /** "unknown" and the values' names in lower case, as the CLI spells them. */
  private static List<String> words(Enum<?>[] values) {
    return Stream.concat(Stream.of(UNKNOWN),
        Stream.of(values).map(v -> v.name().toLowerCase(Locale.ROOT))).toList();
  }

  /** A choice of a select, empty when not known. */
  private static <E> Optional<E> choice(Form f, String name, Function<String, E> parse) {
    return f.field(name).filter(v -> !v.equals(UNKNOWN)).map(parse);
  }

  /**
   * The form's instrument ({@code PHQ-9} if none is given); an unknown id is refused as a message
   * about the field, as the CLI's {@code --instrument} option would be.
   */
  static Instrument instrument(Form f) {
    try {
      return Instruments.byId(f.field("instrument", "PHQ-9"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--instrument: " + e.getMessage(), e);
    }
  }

  /** A required finite number from a field, with the CLI's wording. */
  static double number(Form f, String name, String option) {
    String text = f.field(name).orElseThrow(() ->
        new IllegalArgumentException(option + " is missing: enter a number"));
    return ExpectCommand.number(option, text);
  }

  @Override
  public String results(Form f) {
    Instrument instrument = instrument(f);
    double intake = number(f, "intake", "--intake");
    int[][] sess = new int[1][];
    double[][] scores = new double[1][];
    ExpectCommand.parseObserved(f.field("observed", ""), sess, scores);
    int planned = CaseloadPage.whole(f, "sessions", "--sessions", 1,
        ClientProfile.MAX_SESSIONS);
    OptionalInt asked = f.field("horizon").isEmpty() ? OptionalInt.empty()
        : OptionalInt.of(CaseloadPage.whole(f, "horizon", "--horizon", 1, planned));
    Optional<Course> course = choice(f, "course", Course::parse);
    Optional<ReadinessStage> readiness = choice(f, "readiness", ReadinessStage::parse);
    instrument.checkScore("--intake", intake);
    for (int i = 0; i < sess[0].length; i++) {
      instrument.checkScore("--observed score at session " + sess[0][i], scores[0][i]);
    }
    int lastObserved = sess[0].length == 0 ? 0 : sess[0][sess[0].length - 1];
    if (lastObserved >= planned) {
      throw new IllegalArgumentException("--sessions: " + planned + " planned, but session "
          + lastObserved + " has been observed; plan more sessions to have anything to expect");
    }
    if (asked.isPresent() && asked.getAsInt() <= lastObserved) {
      throw new IllegalArgumentException("--horizon must come after the last observed session "
          + lastObserved + ", was " + asked.getAsInt());
    }
    int last = planned;
    Optional<Items> items = items(f, instrument, intake, sess[0], scores[0]);
    ExpectedResponseModel model;
    Optional<Upload> upload = f.file("model");
    if (upload.isPresent()) {
      model = ExpectCommand.parseModel(new String(upload.get().bytes(), StandardCharsets.UTF_8),
          "uploaded model " + CliText.quote(upload.get().filename()));
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
    ExpectationReport report = report(instrument, intake, sess[0], scores[0], planned, asked,
        course, readiness, items, model);
    TherapistRenderer therapist = TherapistRenderer.withDefaults();
    ClientRenderer client = ClientRenderer.withDefaults();
    if (asked.isPresent()) {
      therapist = therapist.withHorizon(asked.getAsInt());
      client = client.withHorizon(asked.getAsInt());
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<h2 id=\"results-heading\" tabindex=\"-1\">Expected range for ")
        .append(Html.esc(instrument.id())).append(", intake ").append(Html.num(intake, 1))
        .append("</h2>");
    risk(sb, instrument, items); // first: never below the fold
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
        ? " (prorated for missing items)" : "") + ", the latest score.</p>")
        .orElse("<p id=\"item-total\">No item total: " + Html.esc(it.unscored()) + ". The"
            + " report below uses the item responses for the risk items only.</p>")));
    outlook(sb, report, client.horizon(report), client);
    view(sb, "client", "For the client", client.html(report));
    view(sb, "therapist", "For the therapist", therapist.html(report));
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

  /**
   * What the item responses gave: their total (when they could be scored) and any risk flags;
   * the responses, and the session they are tied to when their total could be checked.
   */
  record Items(Optional<ItemScoring.ItemScore> score, String unscored, List<RiskFlag> flags,
      Set<Integer> riskItems, List<OptionalInt> responses, OptionalInt session) {}

  /**
   * Scores the item responses (a dash for an item not answered) with the instrument's rules; they
   * belong to the latest session (the intake when nothing was observed after it), and their total
   * must equal its score. The risk items' flags are never suppressed by the total.
   */
  private static Optional<Items> items(Form f, Instrument instrument, double intake,
      int[] sessions, double[] scores) {
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
            + " must be a whole number (or - when not answered), was " + CliText.quote(parts[i]), e);
      }
    }
    // the flags first: a risk item left unanswered is flagged even when no total can be scored
    List<RiskFlag> flags = scoring.riskFlags(responses);
    ItemScoring.ItemScore score;
    try {
      score = scoring.score(responses);
    } catch (IllegalArgumentException e) {
      return Optional.of(new Items(Optional.empty(), e.getMessage(), flags, scoring.riskItems(),
          responses, OptionalInt.empty()));
    }
    int session = sessions.length == 0 ? 0 : sessions[sessions.length - 1];
    double latest = sessions.length == 0 ? intake : scores[scores.length - 1];
    if (latest != score.total()) {
      throw new IllegalArgumentException("the item responses add up to "
          + Html.plain(score.total()) + (score.prorated() ? " (prorated)" : "") + " but the"
          + " latest score (" + (session == 0 ? "the intake" : "session " + session) + ") is "
          + Html.plain(latest) + "; the items belong to the latest session");
    }
    return Optional.of(new Items(Optional.of(score), "", flags, scoring.riskItems(), responses,
        OptionalInt.of(session)));
  }

  /**
   * The expectation report of the form's client, as {@code candor report} makes it (the same
   * defaults and seed): items tied to their session when their total could be checked, else not
   * tied to a session and used for the risk items only.
   */
  private ExpectationReport report(Instrument instrument, double intake, int[] sessions,
      double[] scores, int planned, OptionalInt asked, Optional<Course> course,
      Optional<ReadinessStage> readiness, Optional<Items> items, ExpectedResponseModel model) {
    ClientProfile p = ClientProfile.of(instrument, intake).withPlannedSessions(planned);
    if (course.isPresent()) {
      p = p.withCourse(course.get());
    }
    if (readiness.isPresent()) {
      p = p.withReadiness(readiness.get());
    }
    List<Observation> observed = new ArrayList<>(sessions.length);
    for (int i = 0; i < sessions.length; i++) {
      observed.add(Observation.of(sessions[i], scores[i]));
    }
    p = p.withObserved(observed);
    if (items.isPresent()) { // without a total, the responses serve the risk items only
      p = p.withItems(new ClientProfile.ItemResponses(items.get().session(),
          items.get().responses()));
    }
    Expectations e = simulation.withModel(model);
    if (asked.isPresent()) {
      e = e.withHorizons(8, 12, 20, asked.getAsInt());
    }
    return e.report(p, Calibration.DEFAULT_SEED);
  }

  /**
   * The main statement of the report at the session the text speaks about: the icon array (in the
   * client text's words) and each outcome out of 100 with its range and its share with the range to
   * quote.
   */
  private static void outlook(StringBuilder sb, ExpectationReport report, int horizon,
      ClientRenderer client) {
    sb.append("<h3 id=\"outlook-heading\">Out of 100 clients like this one, after ")
        .append(horizon).append(" sessions</h3>");
    Chart icons = IconArrayChart.withDefaults()
        .withTitle("After " + horizon + " sessions, out of 100 people who start where this"
            + " client is")
        .withUnit("people who start where this client is")
        .with(ChartStyle.withDefaults().withHeight(360))
        .draw(IconArray.fromReport(report.iconArray(horizon, Outcome.RELIABLE_IMPROVEMENT)
            .orElseThrow(), client.iconLabels()));
    sb.append("<figure class=\"chart\" id=\"icon-array\">").append(icons.toSvgElement())
        .append("<figcaption>").append(Html.esc(icons.description()))
        .append("</figcaption></figure>");
    sb.append("<table id=\"outlook\"><caption>After ").append(horizon)
        .append(" sessions: people like this client, not a forecast for this client</caption>"
            + "<thead><tr><th scope=\"col\">outcome</th><th scope=\"col\">of 100</th>"
            + "<th scope=\"col\">range</th><th scope=\"col\">share</th>"
            + "<th scope=\"col\">range to quote</th></tr></thead><tbody>");
    List<Outcome> shown = new ArrayList<>(Outcome.EXCLUSIVE);
    shown.add(Outcome.RECOVERY);
    for (Outcome o : shown) {
      Optional<Probability> found = report.probability(o, horizon);
      if (found.isEmpty()) {
        continue; // recovery only for an intake in the clinical range
      }
      Probability pr = found.get();
      String id = o.name().toLowerCase(Locale.ROOT).replace('_', '-');
      sb.append("<tr><th scope=\"row\">").append(Html.esc(o.name().toLowerCase(Locale.ROOT)
          .replace('_', ' '))).append("</th><td id=\"of100-").append(id).append("\">")
          .append(pr.naturalFrequency().count()).append("</td><td>")
          .append(pr.naturalFrequency().lower()).append("–").append(pr.naturalFrequency().upper())
          .append("</td><td id=\"share-").append(id).append("\">").append(Html.pct(pr.estimate()))
          .append("</td><td>").append(Html.pct(pr.lower())).append("–")
          .append(Html.pct(pr.upper())).append("</td></tr>");
    }
    sb.append("</tbody></table><p class=\"source\">From ").append(report.clients())
        .append(" simulated clients who start at this intake (").append(report.comparableClients())
        .append(" still attending at the last observed session), seed ").append(report.seed())
        .append(": the same numbers as <code>candor report</code>. The range to quote joins the"
            + " Monte Carlo error and the plausible ranges of the calibration.</p>");
  }

  /**
   * One audience's report as the renderer writes it ({@code candor report --format html}): the
   * body of its page, headings moved under the results' own.
   */
  private static void view(StringBuilder sb, String audience, String heading, String page) {
    int start = page.indexOf("<body>");
    int end = page.lastIndexOf("</body>");
    if (start < 0 || end < start) {
      throw new IllegalStateException("the " + audience + " report is not an HTML page");
    }
    String body = page.substring(start + "<body>".length(), end)
        .replace("<h2>", "<h5>").replace("</h2>", "</h5>")
        .replace("<h1>", "<h4>").replace("</h1>", "</h4>");
    sb.append("<section class=\"report\" id=\"report-").append(audience)
        .append("\" aria-labelledby=\"report-").append(audience).append("-heading\"><h3 id=\"report-")
        .append(audience).append("-heading\">").append(Html.esc(heading)).append("</h3>")
        .append(body).append("</section>");
  }

  /**
   * The risk items: every flag for clinician review, what no flag does not mean, and that unseen
   * items are unseen.
   */
  private static void risk(StringBuilder sb, Instrument instrument, Optional<Items> seen) {
    Set<Integer> riskItems = instrument.itemScoring().map(ItemScoring::riskItems).orElse(Set.of());
    if (riskItems.isEmpty()) {
      return;
    }
    String which = Html.esc(instrument.id()) + " item" + (riskItems.size() == 1 ? " " : "s ")
        + riskItems.stream().sorted().map(String::valueOf)
            .collect(java.util.stream.Collectors.joining(", "));
    sb.append("<h3>Risk items</h3>");
    if (seen.isEmpty()) {
      sb.append("<p id=\"risk-not-seen\">The risk item").append(riskItems.size() == 1 ? " (" : "s (")
          .append(which).append(riskItems.size() == 1 ? ") was" : ") were")
          .append(" not seen: no item responses were entered. Ask about it directly.</p>");
      return;
    }
    Items items = seen.get();
    if (items.flags().isEmpty()) {
      sb.append("<p id=\"risk-none\">No risk item (").append(which)
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
