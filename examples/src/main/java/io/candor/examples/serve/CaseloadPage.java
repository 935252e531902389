package io.candor.examples.serve;

import io.candor.caseload.CaseloadModel;
import io.candor.caseload.CaseloadOutlook;
import io.candor.caseload.CaseloadRun;
import io.candor.caseload.Composition;
import io.candor.caseload.CompositionRow;
import io.candor.caseload.OutcomeCount;
import io.candor.caseload.Referrals;
import io.candor.charts.CaseloadChart;
import io.candor.charts.Chart;
import io.candor.charts.ChartStyle;
import io.candor.charts.IconArray;
import io.candor.charts.IconArrayChart;
import io.candor.evidence.Statement;
import io.candor.examples.cli.CaseloadCommand;
import io.candor.examples.cli.CliText;
import io.candor.examples.cli.ExpectCommand;
import io.candor.json.ExpectedResponseModels;
import io.candor.json.LongTable;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.simulation.Scenario;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The caseload page: a caseload's CSV uploaded, its expected outcome mix with ranges and an icon
 * array; and a caseload simulated as a flow, its composition over the weeks.
 */
final class CaseloadPage implements Pages.Page {

  /** The flow's seed: fixed, so the same numbers give the same page. */
  static final long FLOW_SEED = 20_261_201L;

  @Override
  public String title() {
    return "Caseload";
  }

  @Override
  public String body(Form f, String error) {
    StringBuilder sb = new StringBuilder();
    sb.append("<h1>Caseload: what to expect</h1><p>Upload your current clients' scores (one row"
        + " per client and session, as for <code>candor caseload</code>) to see the expected mix"
        + " of outcomes; and see how a caseload fills and what it holds over the weeks, simulated"
        + " under the numbers you give. Neither is a judgment of anyone's work.</p>");
    if (error != null) {
      sb.append(Html.error(error));
    }
    sb.append("<form method=\"post\" action=\"/caseload\" enctype=\"multipart/form-data\""
        + " class=\"candor-form\" novalidate><fieldset><legend>Your caseload</legend>");
    ResearchPage.csvFields(sb, f);
    ExplorerPage.input(sb, "course", "Course column (optional) <code>--course</code>",
        f.field("course", ""), "resolvable, episodic or chronic per client; empty, unknown or NA"
            + " when not known", "text");
    ResearchPage.instrumentSelect(sb, f, List.of(Instruments.PHQ9, Instruments.GAD7));
    ExplorerPage.input(sb, "horizon", "Outcomes by session <code>--horizon</code>",
        f.field("horizon", "12"), "not before any client's latest session", "numeric");
    sb.append("</fieldset><fieldset><legend>A caseload over the weeks (simulated)</legend>");
    ExplorerPage.input(sb, "referrals", "Referrals per therapist and week"
        + " <code>--referrals-per-week</code>", f.field("referrals", "1.7"),
        "the mean of a Poisson count", "decimal");
    ExplorerPage.input(sb, "capacity", "Sessions a therapist gives a week <code>--capacity</code>",
        f.field("capacity", "20"), "a whole number", "numeric");
    ExplorerPage.input(sb, "weeks", "Weeks <code>--weeks</code>", f.field("weeks", "104"),
        "how long to simulate (the first 26 weeks fill the caseload)", "numeric");
    ExplorerPage.input(sb, "therapists", "Therapists <code>--therapists</code>",
        f.field("therapists", "10"), "series are means per therapist", "numeric");
    sb.append("</fieldset><button type=\"submit\">Show the outlook</button></form>");
    return sb.toString();
  }

  /** A whole number from a field, between the bounds, with the CLI option in the message. */
  static int whole(Form f, String name, String option, int lo, int hi) {
    double v = ExplorerPage.number(f, name, option);
    if (v != Math.rint(v) || v < lo || v > hi) {
      throw new IllegalArgumentException(option + " must be a whole number between " + lo
          + " and " + hi + ", was " + CliText.quote(f.field(name, "")));
    }
    return (int) v;
  }

  @Override
  public String results(Form f) {
    Instrument instrument = ExplorerPage.instrument(f);
    int horizon = whole(f, "horizon", "--horizon", 0, 520);
    double referrals = ExplorerPage.number(f, "referrals", "--referrals-per-week");
    int capacity = whole(f, "capacity", "--capacity", 1, 200);
    int weeks = whole(f, "weeks", "--weeks", 1, 520);
    int therapists = whole(f, "therapists", "--therapists", 1, 200);
    StringBuilder sb = new StringBuilder();
    sb.append("<h2 id=\"results-heading\" tabindex=\"-1\">Outlook on ")
        .append(Html.esc(instrument.id())).append("</h2>");
    Optional<Upload> upload = f.file("data");
    if (upload.isPresent()) {
      Optional<String> course = f.field("course");
      LongTable table = ResearchPage.read(f, upload.get(), instrument,
          course.map(List::of).orElse(List.of()));
      CaseloadOutlook outlook = CaseloadCommand.outlook(table, instrument, course, horizon, 0.8,
          ExpectCommand.referenceModel(instrument));
      mix(sb, outlook);
    } else {
      sb.append("<p>No caseload uploaded: the outcome mix needs your clients' scores.</p>");
    }
    Scenario scenario = Scenario.calibratedDefault(instrument);
    CaseloadModel model = CaseloadModel.withDefaults().with(scenario)
        .with(Referrals.poisson(referrals)).withCapacity(capacity);
    CaseloadModel configured = ExpectedResponseModels.findReference(instrument).map(model::with)
        .orElse(model);
    CaseloadRun run = configured.simulate(FLOW_SEED, therapists, weeks, 2);
    flow(sb, run);
    return sb.toString();
  }

  private static void mix(StringBuilder sb, CaseloadOutlook o) {
    sb.append("<section aria-labelledby=\"mix-h\"><h3 id=\"mix-h\">Expected outcome mix of your ")
        .append(o.clients()).append(" clients by session ").append(o.horizon())
        .append("</h3><p id=\"mix-summary\">").append(Html.esc(o.summary())).append("</p>")
        .append("<table id=\"mix\"><caption>Clients expected to reach each outcome, with the")
        .append(" range that holds them with probability ").append(Html.pct(o.level()))
        .append("</caption><thead><tr><th scope=\"col\">outcome</th><th scope=\"col\">expected"
            + "</th><th scope=\"col\">range</th></tr></thead><tbody>");
    for (OutcomeCount c : o.outcomes()) {
      sb.append("<tr><th scope=\"row\">").append(Html.esc(c.outcome().verb()))
          .append("</th><td>").append(Html.num(c.expected(), 1)).append("</td><td>")
          .append(c.lower()).append("–").append(c.upper()).append("</td></tr>");
    }
    sb.append("</tbody></table>");
    Chart icons = IconArrayChart.withDefaults().with(ChartStyle.withDefaults())
        .withTitle("Out of 100 clients on this caseload, by session " + o.horizon())
        .withUnit("clients on this caseload").draw(IconArray.fromOutlook(o));
    figure(sb, icons);
    sb.append("<ul class=\"source\">");
    for (Statement s : o.basis()) {
      sb.append("<li>").append(Html.esc(s.text())).append(" (")
          .append(Html.esc(s.source().shortForm())).append(", ")
          .append(s.certainty().name().toLowerCase(Locale.ROOT)).append(")</li>");
    }
    sb.append("</ul></section>");
  }

  private static void flow(StringBuilder sb, CaseloadRun run) {
    sb.append("<section aria-labelledby=\"flow-h\"><h3 id=\"flow-h\">A caseload over ")
        .append(run.weeks().size()).append(" weeks (simulated, seed ").append(run.seed())
        .append(")</h3>");
    figure(sb, CaseloadChart.withDefaults().with(ChartStyle.withDefaults()).draw(run));
    if (run.composition().isPresent()) {
      Composition c = run.composition().get();
      sb.append("<p id=\"composition\">").append(Html.esc(c.statement())).append("</p>")
          .append("<table><caption>Who starts treatment and who is on the caseload (weeks ")
          .append(c.fromWeek()).append("–").append(c.toWeek() - 1).append(", ")
          .append(c.clients()).append(" clients)</caption><thead><tr><th scope=\"col\">group"
              + "</th><th scope=\"col\">share of starts</th><th scope=\"col\">share of the"
              + " standing caseload</th></tr></thead><tbody>");
      for (List<CompositionRow> rows : List.of(c.courses(), c.outcomes())) {
        for (CompositionRow r : rows) {
          sb.append("<tr><th scope=\"row\">").append(Html.esc(r.group())).append("</th><td>")
              .append(Html.pct(r.started())).append("</td><td>").append(Html.pct(r.standing()))
              .append("</td></tr>");
        }
      }
      sb.append("</tbody></table>");
    } else {
      sb.append("<p>No composition: the run is shorter than the warm-up plus the longest"
          + " episode.</p>");
    }
    sb.append("</section>");
  }

  static void figure(StringBuilder sb, Chart chart) {
    sb.append("<figure class=\"chart\">").append(chart.toSvgElement()).append("<figcaption>")
        .append(Html.esc(chart.description())).append("</figcaption></figure>");
  }
}
