package io.candor.examples.cli;

import io.candor.caseload.CaseloadClient;
import io.candor.caseload.CaseloadOutlook;
import io.candor.charts.IconArray;
import io.candor.charts.IconArrayChart;
import io.candor.caseload.ClientOutlook;
import io.candor.caseload.Outcome;
import io.candor.caseload.OutcomeCount;
import io.candor.caseload.OutcomeMix;
import io.candor.domain.ClientId;
import io.candor.domain.Course;
import io.candor.domain.Trajectory;
import io.candor.evidence.Statement;
import io.candor.json.ExpectedResponseModels;
import io.candor.json.LongTable;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.progress.ExpectedResponseModel;
import io.candor.simulation.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor caseload}: the expected outcome mix of a real caseload by a horizon session, from
 * each client's scores so far (and course, when a column gives it).
 */
@Command(
    name = "caseload",
    mixinStandardHelpOptions = true,
    description = {
      "The expected outcome mix of a caseload: how many clients are likely to improve reliably,"
          + " recover, not change reliably, get worse or stop attending by --horizon, with ranges"
          + " from the count's exact distribution. The usual pattern, not a judgment of anyone's"
          + " work.",
      "Input: long-format CSV with every current client's scores so far (session 0 = intake).",
      "Example: candor caseload --input clients.csv --id client --time session --score phq9"
          + " --instrument PHQ-9 --course course --horizon 12"
    })
public final class CaseloadCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin LongInputOptions data;

  @Option(names = "--instrument", required = true, paramLabel = "ID",
      description = "Instrument of the scores (PHQ-9, GAD-7, ...); every score must lie on its"
          + " scale, and it needs a caseness cutoff and a reliable-change threshold.")
  String instrumentId;

  @Option(names = "--course", paramLabel = "COL",
      description = "Client-level column with the course (resolvable, episodic, chronic; empty"
          + " unknown or NA when not known).")
  String courseColumn;

  @Option(names = "--horizon", required = true,
      description = "The session to read outcomes at (not before any client's latest session).")
  int horizon;

  @Option(names = "--level", defaultValue = "0.8",
      description = "Central probability of the ranges (default ${DEFAULT-VALUE}).")
  double level;

  @Option(names = "--model", paramLabel = "FILE.json",
      description = "Expected-response model (candor fit --json); default: Candor's reference"
          + " model of the instrument (PHQ-9, GAD-7; fitted on simulated data).")
  Path modelFile;

  @Option(names = "--per-client", description = "Also list each client's probabilities.")
  boolean perClient;

  @Mixin OutputOptions output;

  @Mixin ChartOptions chart;

  @Override
  public Integer call() {
    output.checkFiles();
    chart.checkFiles(output);
    Instrument instrument = Instruments.byId(instrumentId);
    LongTable table = data.read(Optional.of(instrument), List.of(),
        courseColumn == null ? List.of() : List.of(courseColumn));
    ExpectedResponseModel model = modelFile != null ? ExpectCommand.readModel(modelFile)
        : ExpectCommand.referenceModel(instrument);
    CaseloadOutlook outlook = outlook(table, instrument, Optional.ofNullable(courseColumn),
        horizon, level, model);
    output.emit(spec, new Result(outlook, perClient));
    chart.write(style -> IconArrayChart.withDefaults().with(style)
        .withTitle("Out of 100 clients on this caseload, by session " + horizon)
        .withUnit("clients on this caseload").draw(IconArray.fromOutlook(outlook)));
    return 0;
  }

  /**
   * The expected outcome mix of the clients in a long-format table (one definition for
   * {@code caseload} and {@code candor serve}'s caseload page).
   *
   * @param table the clients' scores, read on the instrument
   * @param instrument the instrument
   * @param courseColumn the client-level column with each client's course, if any
   * @param horizon the session to read outcomes at
   * @param level the central probability of the ranges
   * @param model the expected-response model
   * @return the outlook
   * @throws IllegalArgumentException naming what is wrong (a course, the model's instrument, a
   *     horizon before a client's latest session)
   */
  public static CaseloadOutlook outlook(LongTable table, Instrument instrument,
      Optional<String> courseColumn, int horizon, double level, ExpectedResponseModel model) {
    if (horizon < 0) {
      throw new IllegalArgumentException("--horizon must be >= 0, was " + horizon);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("--level must lie strictly between 0 and 1, was " + level);
    }
    Scenario scenario = Scenario.calibratedDefault(instrument);
    Map<ClientId, Optional<Course>> courses = new HashMap<>();
    if (courseColumn.isPresent()) {
      String[] values = table.clientAttribute(courseColumn.get());
      for (int c = 0; c < values.length; c++) {
        ClientId id = ClientId.of(table.clientIds().get(c));
        String v = values[c].strip();
        if (v.isEmpty() || v.equalsIgnoreCase("unknown") || v.equalsIgnoreCase("na")) {
          courses.put(id, Optional.empty());
          continue;
        }
        try {
          courses.put(id, Optional.of(Course.parse(v)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(table.source() + ": client " + id + ", column "
              + courseColumn.get() + ": " + e.getMessage(), e);
        }
      }
    }
    List<CaseloadClient> clients = new ArrayList<>();
    for (Trajectory t : table.toCohort(instrument).trajectories()) {
      clients.add(new CaseloadClient(t, courses.getOrDefault(t.client(), Optional.empty())));
    }
    if (model.fittedOn().scale() instanceof Instrument fitted
        && !fitted.id().equals(instrument.id())) {
      throw new IllegalArgumentException("the model was fitted on " + fitted.id()
          + " scores but --instrument is " + instrument.id());
    }
    for (CaseloadClient c : clients) {
      if (c.currentSession() > horizon) {
        throw new IllegalArgumentException("--horizon must be at least every client's latest"
            + " session, was " + horizon + " but client " + c.trajectory().client()
            + " has a score at session " + c.currentSession());
      }
    }
    OutcomeMix mix = OutcomeMix.of(model, scenario).withIntervalLevel(level)
        .withMaximumHorizon(Math.max(horizon, scenario.sessions()));
    return mix.prepare().outlook(clients, horizon);
  }

  /** The outlook in each output format; the CSV table is each client's probabilities. */
  record Result(CaseloadOutlook outlook, boolean perClient) implements CliResult {

    @Override
    public void printText(PrintWriter out) {
      print(out, outlook, perClient);
    }

    @Override
    public Object json() {
      return outlook;
    }

    @Override
    public Optional<CsvTable> table() {
      CsvTable t = new CsvTable("client", "course", "session", "horizon", "expectedScore", "sd",
          "reliableImprovement", "recovery", "noReliableChange", "reliableDeterioration",
          "dropout");
      for (ClientOutlook c : outlook.perClient()) {
        t.row(c.client().value(), c.course(), c.session(), c.horizon(), c.expectedScore(), c.sd(),
            c.probability(Outcome.RELIABLE_IMPROVEMENT), c.probability(Outcome.RECOVERY),
            c.probability(Outcome.NO_RELIABLE_CHANGE),
            c.probability(Outcome.RELIABLE_DETERIORATION), c.probability(Outcome.DROPOUT));
      }
      return Optional.of(t);
    }
  }

  private static void print(PrintWriter out, CaseloadOutlook o, boolean perClient) {
    out.println(o.summary());
    out.printf(Locale.ROOT, "%-24s %9s  %s%n", "outcome by session " + o.horizon(), "expected",
        "range (" + Math.round(100 * o.level()) + " %)");
    for (OutcomeCount c : o.outcomes()) {
      out.printf(Locale.ROOT, "%-24s %9s  %d to %d%n", CliText.words(c.outcome()),
          CliText.fixed(c.expected(), 1), c.lower(), c.upper());
    }
    if (perClient) {
      out.printf(Locale.ROOT, "%-12s %7s %8s %8s %8s %8s %8s%n", "client", "session", "improve",
          "recover", "none", "worse", "stop");
      for (ClientOutlook c : o.perClient()) {
        out.printf(Locale.ROOT, "%-12s %7d %8.2f %8.2f %8.2f %8.2f %8.2f%n", c.client(),
            c.session(), c.probability(Outcome.RELIABLE_IMPROVEMENT),
            c.probability(Outcome.RECOVERY), c.probability(Outcome.NO_RELIABLE_CHANGE),
            c.probability(Outcome.RELIABLE_DETERIORATION), c.probability(Outcome.DROPOUT));
      }
    }
    out.println("What this rests on:");
    for (Statement s : o.basis()) {
      out.println("  - " + s);
    }
  }
}
