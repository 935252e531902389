package io.candor.examples.serve;

import io.candor.charts.ChartStyle;
import io.candor.charts.ClassCurvesChart;
import io.candor.charts.KaplanMeierChart;
import io.candor.charts.TrajectoryChart;
import io.candor.domain.Cohort;
import io.candor.examples.cli.CliText;
import io.candor.domain.Trajectory;
import io.candor.examples.cli.ClassesCommand;
import io.candor.json.LongCsv;
import io.candor.json.LongTable;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.model.DataRange;
import io.candor.model.growth.FixedEffect;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import io.candor.model.mixture.ClassEnumeration;
import io.candor.model.mixture.ClassSummary;
import io.candor.model.mixture.Degeneracy;
import io.candor.model.mixture.FitFailure;
import io.candor.model.mixture.MixtureFit;
import io.candor.model.mixture.MixtureModel;
import io.candor.model.mixture.TermEstimate;
import io.candor.model.mixture.TrajectoryClass;
import io.candor.model.survival.KaplanMeier;
import io.candor.model.survival.KaplanMeierFit;
import io.candor.progress.AlertRules;
import io.candor.progress.ChangeKind;
import io.candor.progress.DropoutDefinition;
import io.candor.progress.EarlyResponse;
import io.candor.progress.EarlyResponseCriteria;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.ExpectedResponseModel;
import io.candor.progress.PersonSelection;
import io.candor.progress.ProgressEvent;
import io.candor.progress.SuddenChangeSummary;
import io.candor.progress.SuddenChanges;
import io.candor.progress.SuddenGainCriteria;
import io.candor.progress.TimeToEvent;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The research page: a long-format CSV uploaded, then the growth model, non-linear patterns, time
 * to reliable improvement and latent trajectory classes, with charts.
 */
final class ResearchPage implements Pages.Page {

  /** Basis choices offered, as the CLI spells them. */
  static final List<String> BASES = List.of("linear", "log", "quadratic");

  /** The largest K offered for latent classes ("none" skips them). */
  static final List<String> CLASS_CHOICES = List.of("none", "2", "3", "4", "5");

  /** Random starts per K on the page. */
  static final int DEFAULT_STARTS = 10;

  /** Worker threads for the classes (their numbers do not depend on it). */
  static final int CLASS_THREADS = 2;

  @Override
  public String title() {
    return "Research";
  }

  @Override
  public String body(Form f, String error) {
    StringBuilder sb = new StringBuilder();
    sb.append("<h1>Research: a cohort's course</h1><p>Upload a long-format CSV (one row per"
        + " client and session, a header row naming the columns). The file stays in memory for"
        + " this one request.</p>");
    if (error != null) {
      sb.append(Html.error(error));
    }
    sb.append("<form method=\"post\" action=\"/research\" enctype=\"multipart/form-data\""
        + " class=\"candor-form\" novalidate><fieldset><legend>The data</legend>");
    csvFields(sb, f);
    instrumentSelect(sb, f, Instruments.all());
    select(sb, "basis", "Time basis of the growth model and the classes <code>--basis</code>",
        BASES, f.field("basis", "log"));
    sb.append("</fieldset><fieldset><legend>Latent trajectory classes (<code>candor classes</code>,"
        + " LCGA)</legend>");
    select(sb, "classes", "Classes up to K <code>--classes 1-K</code>", CLASS_CHOICES,
        f.field("classes", "3"));
    ExplorerPage.input(sb, "starts", "Random starts per K <code>--starts</code>",
        f.field("starts", Integer.toString(DEFAULT_STARTS)), "each runs a few EM steps, the best"
            + " fifth to convergence; the command line's default is 50, the page's fewer to answer"
            + " sooner", "numeric");
    sb.append("</fieldset><button type=\"submit\">Analyse</button></form>");
    return sb.toString();
  }

  /** The file, its columns, delimiter and decimal mark, as the CLI's long-format options. */
  static void csvFields(StringBuilder sb, Form f) {
    sb.append("<div class=\"field\"><label for=\"data\">Long-format CSV <code>--input</code>"
        + "</label><input type=\"file\" id=\"data\" name=\"data\" accept=\".csv,text/csv\""
        + " aria-describedby=\"data-hint\"><p class=\"hint\" id=\"data-hint\">UTF-8, a header"
        + " row, one row per client and session; errors name the line and column.</p></div>");
    ExplorerPage.input(sb, "id", "Client-id column <code>--id</code>", f.field("id", "id"),
        "the column naming each client", "text");
    ExplorerPage.input(sb, "time", "Session column <code>--time</code>",
        f.field("time", "session"), "whole session numbers, 0 for the intake", "text");
    ExplorerPage.input(sb, "score", "Score column <code>--score</code>", f.field("score", "score"),
        "the questionnaire total", "text");
    select(sb, "delimiter", "Field separator <code>--delimiter</code>",
        List.of("comma", "semicolon", "tab", "pipe"), f.field("delimiter", "comma"));
    select(sb, "decimal", "Decimal mark <code>--decimal</code>", List.of("point", "comma"),
        f.field("decimal", "point"));
  }

  /** The instrument choice. */
  static void instrumentSelect(StringBuilder sb, Form f, List<Instrument> choices) {
    select(sb, "instrument", "Instrument <code>--instrument</code>",
        choices.stream().map(Instrument::id).toList(), f.field("instrument", "PHQ-9"));
  }

  static void select(StringBuilder sb, String name, String label, List<String> values,
      String chosen) {
    sb.append("<div class=\"field\"><label for=\"").append(name).append("\">").append(label)
        .append("</label><select id=\"").append(name).append("\" name=\"").append(name)
        .append("\">");
    for (String v : values) {
      sb.append("<option").append(v.equals(chosen) ? " selected" : "").append('>')
          .append(Html.esc(v)).append("</option>");
    }
    sb.append("</select></div>");
  }

  /**
   * Reads an uploaded long-format CSV through the one reader, with the form's columns, delimiter
   * and decimal mark, scores checked on the instrument, and client-level attribute columns.
   */
  static LongTable read(Form f, Upload upload, Instrument instrument, List<String> attributes) {
    String source = "upload " + (upload.filename().isBlank() ? "(unnamed)"
        : CliText.quote(upload.filename()));
    LongCsv reader = LongCsv.withDefaults().withInstrument(instrument)
        .withDelimiter(switch (f.field("delimiter", "comma")) {
          case "comma" -> ',';
          case "semicolon" -> ';';
          case "tab" -> '\t';
          case "pipe" -> '|';
          default -> throw new IllegalArgumentException("--delimiter must be comma, semicolon, tab"
              + " or pipe, was " + CliText.quote(f.field("delimiter", "")));
        })
        .with(switch (f.field("decimal", "point")) {
          case "point" -> LongCsv.DecimalMark.POINT;
          case "comma" -> LongCsv.DecimalMark.COMMA;
          default -> throw new IllegalArgumentException("--decimal must be point or comma, was "
              + CliText.quote(f.field("decimal", "")));
        });
    LongTable table = reader.read(new InputStreamReader(new ByteArrayInputStream(upload.bytes()),
        StandardCharsets.UTF_8), source, LongCsv.columns(f.field("id", "id"),
        f.field("time", "session"), f.field("score", "score"))
        .withAttributes(attributes.toArray(String[]::new)));
    if (table.size() == 0) {
      throw new IllegalArgumentException(source + " has a header but no rows");
    }
    return table;
  }

  @Override
  public String results(Form f) {
    Upload upload = f.file("data").orElseThrow(() ->
        new IllegalArgumentException("--input is missing: choose a CSV file to upload"));
    Instrument instrument = ExplorerPage.instrument(f);
    String basisName = f.field("basis", "log");
    TimeBasis basis = switch (basisName) {
      case "linear" -> TimeBasis.LINEAR;
      case "log" -> TimeBasis.LOG;
      case "quadratic" -> TimeBasis.QUADRATIC;
      default -> throw new IllegalArgumentException("--basis must be linear, log or quadratic,"
          + " was " + CliText.quote(basisName));
    };
    int maxClasses = f.field("classes", "3").equals("none") ? 0
        : CaseloadPage.whole(f, "classes", "--classes", 1, 9);
    int starts = CaseloadPage.whole(f, "starts", "--starts", 1, 1_000);
    LongTable table = read(f, upload, instrument, List.of());
    String source = table.source();
    GrowthData growth = table.toGrowthData();
    // the growth fit and the classes need only the columns: they run beside this thread, which
    // builds the trajectories and scans them for patterns and events (the classes' numbers are the
    // same on any thread)
    CompletableFuture<GrowthFit> fitting = CompletableFuture.supplyAsync(() -> GrowthModel
        .withDefaults().with(basis).fit(growth));
    CompletableFuture<ClassEnumeration> classing = maxClasses == 0
        ? CompletableFuture.completedFuture(null)
        : CompletableFuture.supplyAsync(() -> classModel(basis, starts).compare(growth, 1,
            maxClasses, RandomSource.XO_RO_SHI_RO_128_PP.create(ClassesCommand.DEFAULT_SEED)));
    Cohort cohort;
    try {
      cohort = table.toCohort(instrument);
    } catch (RuntimeException e) {
      fitting.cancel(true);
      classing.cancel(true);
      throw e;
    }
    List<Trajectory> trajectories = cohort.trajectories();
    StringBuilder later = new StringBuilder();
    patterns(later, instrument, trajectories);
    survival(later, instrument, trajectories);
    GrowthFit fit = join(fitting);
    ClassEnumeration classEnumeration = join(classing);
    StringBuilder sb = new StringBuilder();
    sb.append("<h2 id=\"results-heading\" tabindex=\"-1\">").append(Html.esc(source))
        .append("</h2><p id=\"data-summary\"><span id=\"n-clients\">").append(trajectories.size())
        .append("</span> clients, <span id=\"n-rows\">").append(table.size())
        .append("</span> scores on ").append(Html.esc(instrument.id())).append(".</p>");
    growth(sb, fit, instrument, trajectories);
    sb.append(later);
    classes(sb, classEnumeration, growth, basisName, maxClasses, starts, instrument);
    return sb.toString();
  }

  /** The result of work run beside the request's thread, its own exception rethrown. */
  private static <T> T join(CompletableFuture<T> work) {
    try {
      return work.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * The latent-class model the page fits: {@code candor classes}' LCGA with the page's basis and
   * starts (the best fifth to convergence, as the command line), BIC to choose K.
   */
  static MixtureModel classModel(TimeBasis basis, int starts) {
    return MixtureModel.withDefaults().with(basis).withStarts(starts)
        .withFinalStarts(Math.max(1, starts / 5)).withThreads(CLASS_THREADS);
  }

  /** Latent classes for K = 1..Kmax: the model-selection table, the chosen classes and chart. */
  private static void classes(StringBuilder sb, ClassEnumeration e, GrowthData growth,
      String basisName, int maxClasses, int starts, Instrument instrument) {
    sb.append("<section aria-labelledby=\"classes-h\"><h3 id=\"classes-h\">Latent trajectory"
        + " classes</h3>");
    if (maxClasses == 0) {
      sb.append("<p id=\"classes-none\">Not fitted: choose classes up to K to fit them.</p>"
          + "</section>");
      return;
    }
    sb.append("<p id=\"classes-setup\">LCGA on the ").append(Html.esc(basisName))
        .append(" basis, K = 1 to ").append(maxClasses).append(", ").append(starts)
        .append(" random starts per K, seed ").append(ClassesCommand.DEFAULT_SEED)
        .append(": the numbers of <code>candor classes --basis ").append(Html.esc(basisName))
        .append(" --classes 1-").append(maxClasses).append(" --starts ").append(starts)
        .append("</code>.</p><table id=\"class-selection\"><caption>Choosing the number of"
            + " classes (lower AIC, BIC, SABIC and ICL are better)</caption><thead><tr>");
    for (String h : List.of("K", "log-likelihood", "parameters", "AIC", "BIC", "SABIC", "ICL",
        "entropy", "smallest class", "best replicated")) {
      sb.append("<th scope=\"col\">").append(h).append("</th>");
    }
    sb.append("</tr></thead><tbody>");
    for (MixtureFit m : e.fits()) {
      int k = m.classes();
      sb.append("<tr><th scope=\"row\">").append(k).append("</th><td id=\"loglik-").append(k)
          .append("\">").append(Html.num(m.logLik(), 2)).append("</td><td>")
          .append(m.parameterCount()).append("</td><td>").append(Html.num(m.aic(), 1))
          .append("</td><td id=\"bic-").append(k).append("\">").append(Html.num(m.bic(), 1))
          .append("</td><td>").append(Html.num(m.sabic(), 1)).append("</td><td>")
          .append(Html.num(m.icl(), 1)).append("</td><td>")
          .append(m.relativeEntropy().isPresent() ? Html.num(m.relativeEntropy().getAsDouble(), 2)
              : "–").append("</td><td>").append(Html.pct(m.smallestShare())).append("</td><td>")
          .append(m.bestReplicated()).append(" of ").append(m.starts().finalStarts())
          .append(m.converged() ? "" : " (not converged)").append("</td></tr>");
    }
    sb.append("</tbody></table>");
    for (FitFailure failure : e.failures()) {
      sb.append("<p>K = ").append(failure.classes()).append(": not fitted: ")
          .append(Html.esc(failure.reason())).append("</p>");
    }
    MixtureFit chosen = e.selected();
    sb.append("<p id=\"classes-chosen\">Chosen by ").append(Html.esc(e.criterion().name()))
        .append(": <strong>K = ").append(chosen.classes()).append("</strong>.</p>");
    var chart = ClassCurvesChart.withDefaults().withScoreLabel(instrument.id() + " score")
        .with(ChartStyle.withDefaults()).draw(chosen, DataRange.of(growth.groupedTimes()));
    sb.append("<figure class=\"chart\" id=\"classes-chart\">").append(chart.toSvgElement())
        .append("<figcaption>").append(Html.esc(chart.description()))
        .append("</figcaption></figure><table id=\"class-shares\"><caption>The chosen classes"
            + "</caption><thead><tr><th scope=\"col\">class</th><th scope=\"col\">share</th>"
            + "<th scope=\"col\">most likely for</th><th scope=\"col\">mean posterior</th>"
            + "<th scope=\"col\">curve</th><th scope=\"col\">residual SD</th></tr></thead>"
            + "<tbody>");
    for (TrajectoryClass c : chosen.model().classes()) {
      ClassSummary summary = chosen.classSummaries().get(c.index() - 1);
      StringBuilder curve = new StringBuilder();
      for (TermEstimate t : c.coefficients()) {
        curve.append(curve.length() == 0 ? "" : ", ").append(t.term()).append(' ')
            .append(Html.num(t.estimate(), 2));
      }
      sb.append("<tr><th scope=\"row\">").append(c.index()).append("</th><td id=\"class-share-")
          .append(c.index()).append("\">").append(Html.pct(c.share())).append("</td><td>")
          .append(summary.count()).append(" clients</td><td>")
          .append(summary.avePosterior().isPresent()
              ? Html.num(summary.avePosterior().getAsDouble(), 2) : "–").append("</td><td>")
          .append(Html.esc(curve.toString())).append("</td><td>")
          .append(Html.num(c.residualSd(), 2)).append("</td></tr>");
    }
    sb.append("</tbody></table>");
    for (Degeneracy d : chosen.degeneracies()) {
      sb.append("<p class=\"source\">Note (").append(Html.esc(d.kind().name().toLowerCase(
          java.util.Locale.ROOT).replace('_', ' '))).append("): ").append(Html.esc(d.detail()))
          .append("</p>");
    }
    sb.append("<p>These classes describe shapes of change in these data under the model; a"
        + " client's class is a probability, not a label or a diagnosis.</p></section>");
  }

  private static void growth(StringBuilder sb, GrowthFit fit, Instrument instrument,
      List<Trajectory> trajectories) {
    sb.append("<section aria-labelledby=\"growth-h\"><h3 id=\"growth-h\">Growth model</h3>")
        .append("<p>").append(Html.esc(fit.model().toString())).append(", ")
        .append(fit.estimation()).append(": ").append(fit.convergence().converged()
            ? "converged" : "<strong>did not converge</strong>")
        .append(" in ").append(fit.convergence().iterations()).append(" iterations")
        .append(fit.isBoundary() ? "; a boundary fit (" + Html.esc(fit.boundary().toString())
            + ")" : "").append(".</p><table id=\"fixed-effects\"><caption>Fixed effects"
            + "</caption><thead><tr><th scope=\"col\">term</th><th scope=\"col\">estimate</th>"
            + "<th scope=\"col\">standard error</th><th scope=\"col\">t</th></tr></thead><tbody>");
    for (FixedEffect e : fit.fixedEffects()) {
      sb.append("<tr><th scope=\"row\">").append(Html.esc(e.term())).append("</th><td>")
          .append(Html.num(e.estimate(), 4)).append("</td><td>").append(Html.num(e.se(), 4))
          .append("</td><td>").append(Html.num(e.t(), 2)).append("</td></tr>");
    }
    sb.append("</tbody></table><p id=\"random-effects\">Between-client SD of the intercept ")
        .append(Html.num(fit.interceptSd(), 4));
    fit.slopeSd().ifPresent(s -> sb.append(", of the slope ").append(Html.num(s, 4)));
    fit.correlation().ifPresent(r -> sb.append(", correlation ").append(Html.num(r, 3)));
    sb.append("; residual SD ").append(Html.num(fit.residualSd(), 4)).append("; log-likelihood ")
        .append(Html.num(fit.logLik(), 2)).append(", AIC ").append(Html.num(fit.aic(), 2))
        .append(".</p>");
    double[] intakes = trajectories.stream().filter(t -> t.sessionAt(0) == 0)
        .mapToDouble(t -> t.scoreAt(0)).sorted().toArray();
    if (intakes.length > 0) {
      double median = intakes[(intakes.length - 1) / 2];
      int maxSession = trajectories.stream().mapToInt(t -> t.sessionAt(t.size() - 1)).max()
          .orElse(12);
      try {
        var prepared = ExpectedResponse.of(ExpectedResponseModel.from(fit))
            .withPercentiles(0.10, 0.25, 0.75, 0.90).withScale(instrument)
            .prepare(median, Math.min(Math.max(maxSession, 1), 52), AlertRules.withDefaults());
        var chart = TrajectoryChart.withDefaults().with(ChartStyle.withDefaults())
            .withTitle("Expected range for a client with the median intake")
            .withScoreLabel(instrument.id() + " score")
            .draw(prepared, median, new int[0], new double[0]);
        sb.append("<figure class=\"chart\">").append(chart.toSvgElement()).append("<figcaption>")
            .append(Html.esc(chart.description())).append("</figcaption></figure>");
      } catch (IllegalArgumentException e) {
        sb.append("<p>No expected-range chart: ").append(Html.esc(e.getMessage())).append("</p>");
      }
    }
    sb.append("</section>");
  }

  private static void patterns(StringBuilder sb, Instrument instrument,
      List<Trajectory> trajectories) {
    sb.append("<section aria-labelledby=\"patterns-h\"><h3 id=\"patterns-h\">Non-linear"
        + " progress</h3>");
    Optional<String> missing = io.candor.change.ClinicalEvents.of(instrument).missingThreshold();
    if (missing.isPresent()) {
      sb.append("<p>No sudden gains: ").append(Html.esc(missing.get()))
          .append(", which is the default sudden-gain cutoff.</p></section>");
      return;
    }
    SuddenGainCriteria criteria = SuddenGainCriteria.withDefaults();
    List<SuddenChanges> changes = new ArrayList<>(trajectories.size());
    for (Trajectory t : trajectories) {
      changes.add(criteria.detect(t));
    }
    for (ChangeKind kind : ChangeKind.values()) {
      SuddenChangeSummary s = SuddenChangeSummary.of(changes, kind, PersonSelection.FIRST);
      String word = kind == ChangeKind.GAIN ? "gains" : "losses";
      sb.append("<p id=\"sudden-").append(word).append("\">Sudden ").append(word).append(": <span"
          + " class=\"n\">").append(s.changes()).append("</span> in <span class=\"clients\">")
          .append(s.clientsWithChange()).append("</span> of ").append(s.clients())
          .append(" clients (").append(Html.pct(s.shareWithChange())).append(")");
      if (s.changes() > 0) {
        sb.append("; ").append(s.reversalsByChange()).append(" reversed later");
      }
      sb.append(".</p>");
    }
    EarlyResponseCriteria early = EarlyResponseCriteria.withDefaults();
    int evaluated = 0;
    int responded = 0;
    for (Trajectory t : trajectories) {
      Optional<EarlyResponse> e = early.evaluate(t);
      if (e.isPresent()) {
        evaluated++;
        responded += e.get().responded() ? 1 : 0;
      }
    }
    sb.append("<p id=\"early-response\">Early response (at least ")
        .append(Html.pct(early.fraction())).append(" lower by session ").append(early.session())
        .append(", an assumed default): <span class=\"n\">").append(responded)
        .append("</span> of ").append(evaluated).append(" clients with a score then.</p>")
        .append("<p>Criteria: ").append(Html.esc(criteria.toString())).append(". These describe"
            + " score changes, not causes or diagnoses.</p></section>");
  }

  private static void survival(StringBuilder sb, Instrument instrument,
      List<Trajectory> trajectories) {
    sb.append("<section aria-labelledby=\"survival-h\"><h3 id=\"survival-h\">Time to reliable"
        + " improvement</h3>");
    ProgressEvent event = ProgressEvent.RELIABLE_IMPROVEMENT;
    if (!event.supports(instrument)) {
      sb.append("<p>").append(Html.esc(instrument.id())).append(" has no reliable-change"
          + " threshold, so time to reliable improvement is not defined.</p></section>");
      return;
    }
    int n = 0;
    int[] times = new int[trajectories.size()];
    boolean[] events = new boolean[trajectories.size()];
    for (Trajectory t : trajectories) {
      Optional<TimeToEvent> tte = event.timeToEvent(t, DropoutDefinition.beforeSession(1));
      if (tte.isPresent()) {
        times[n] = tte.get().time();
        events[n++] = tte.get().event();
      }
    }
    if (n == 0) {
      sb.append("<p>No client has a time to reliable improvement.</p></section>");
      return;
    }
    KaplanMeierFit km = KaplanMeier.withDefaults()
        .fit(Arrays.copyOf(times, n), Arrays.copyOf(events, n));
    sb.append("<p id=\"km-median\">Median sessions to reliable improvement: <strong>")
        .append(Html.esc(km.medianText())).append("</strong> (").append(km.n())
        .append(" clients, ").append(km.events()).append(" improved).</p>");
    var chart = KaplanMeierChart.withDefaults().with(ChartStyle.withDefaults())
        .withEventLabel("reliable improvement").with(KaplanMeierChart.Curve.CUMULATIVE)
        .draw(km);
    sb.append("<figure class=\"chart\">").append(chart.toSvgElement()).append("<figcaption>")
        .append(Html.esc(chart.description())).append("</figcaption></figure></section>");
  }
}
