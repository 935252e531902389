package io.candor.examples.cli;

import io.candor.caseload.CaseloadModel;
import io.candor.caseload.CaseloadRun;
import io.candor.charts.CaseloadChart;
import io.candor.caseload.CaseloadWeek;
import io.candor.caseload.Composition;
import io.candor.caseload.CompositionRow;
import io.candor.caseload.Extension;
import io.candor.caseload.Outcome;
import io.candor.caseload.RecoveryDischarge;
import io.candor.caseload.Referrals;
import io.candor.json.ExpectedResponseModels;
import io.candor.simulation.Scenario;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor caseload-sim}: caseloads simulated as a flow, week by week, with the composition of
 * the standing caseload against the referral mix (the length-bias effect).
 */
@Command(
    name = "caseload-sim",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates caseloads week by week: referrals, a waiting list when full, weekly sessions,"
          + " discharge at recovery, at the planned or maximum number of sessions or by dropout;"
          + " each client follows the calibrated simulator. Prints the weekly series and how the"
          + " standing caseload differs from the referral mix.",
      "The same --seed gives the same run whatever --threads is.",
      "Example: candor caseload-sim --referrals-per-week 1.7 --capacity 20 --weeks 104 --seed 7"
    })
final class CaseloadSimCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--referrals-per-week", required = true,
      description = "Mean new referrals per therapist and week (Poisson).")
  double referralsPerWeek;

  @Option(names = "--capacity", required = true, paramLabel = "SESSIONS",
      description = "Sessions a therapist can give in a week.")
  int capacity;

  @Option(names = "--weeks", required = true, description = "Weeks to simulate.")
  int weeks;

  @Mixin SimulationOptions sim;

  @Option(names = "--therapists", defaultValue = "1",
      description = "Therapists simulated (series are means per therapist; default 1).")
  int therapists;

  @Option(names = "--planned", defaultValue = "12", description = "Planned treatment sessions.")
  int planned;

  @Option(names = "--max-sessions", defaultValue = "20",
      description = "Most sessions for a client extended because not improved.")
  int maximum;

  @Option(names = "--interval", defaultValue = "1", description = "Weeks between sessions.")
  int interval;

  @Option(names = "--recovery-discharge", defaultValue = "at-recovery",
      description = "at-recovery, at-sustained-recovery or never.")
  String recoveryDischarge;

  @Option(names = "--extension", defaultValue = "when-not-improved",
      description = "none or when-not-improved.")
  String extension;

  @Option(names = "--trauma-share", defaultValue = "0.25",
      description = "Share of clients with trauma-related problems (an assumption; set yours).")
  double traumaShare;

  @Option(names = "--warm-up", defaultValue = "26",
      description = "Weeks left out of the composition while the caseload fills.")
  int warmUp;

  @Mixin OutputOptions output;

  @Mixin ChartOptions chart;

  @Override
  public Integer call() {
    output.checkFiles();
    chart.checkFiles(output);
    sim.checkThreads();
    Scenario scenario = sim.scenario();
    CaseloadModel model = CaseloadModel.withDefaults().with(scenario)
        .with(Referrals.poisson(referralsPerWeek)).withCapacity(capacity)
        .withSessions(planned, maximum).withSessionInterval(interval)
        .with(RecoveryDischarge.parse(recoveryDischarge)).with(Extension.parse(extension))
        .withTraumaShare(traumaShare).withWarmUpWeeks(warmUp);
    // alerts use Candor's reference model when it ships one for the instrument (the same recipe
    // the library fits otherwise)
    CaseloadModel configured = ExpectedResponseModels.findReference(scenario.instrumentSpec())
        .map(model::with).orElse(model);
    CaseloadRun run = configured.simulate(sim.seed, therapists, weeks, sim.threads);
    output.emit(spec, new Result(run));
    chart.write(style -> CaseloadChart.withDefaults().with(style).draw(run));
    return 0;
  }

  /** The run in each output format; the CSV table is the weekly series. */
  record Result(CaseloadRun run) implements CliResult {

    @Override
    public void printText(PrintWriter out) {
      print(out, run);
    }

    @Override
    public Object json() {
      return run;
    }

    @Override
    public Optional<CsvTable> table() {
      CsvTable t = new CsvTable("week", "referrals", "started", "waiting", "caseload", "sessions",
          "traumaSessions", "shareChronic", "shareNotOnTrack", "shareReliablyWorse",
          "dischargedReliableImprovement", "dischargedRecovery", "dischargedNoReliableChange",
          "dischargedReliableDeterioration", "dischargedDropout");
      for (CaseloadWeek k : run.weeks()) {
        Map<Outcome, Double> d = k.discharges();
        t.row(k.week(), k.referrals(), k.started(), k.waiting(), k.caseload(), k.sessions(),
            k.traumaSessions(), k.shareChronic(), k.shareNotOnTrack(), k.shareReliablyWorse(),
            d.get(Outcome.RELIABLE_IMPROVEMENT), d.get(Outcome.RECOVERY),
            d.get(Outcome.NO_RELIABLE_CHANGE), d.get(Outcome.RELIABLE_DETERIORATION),
            d.get(Outcome.DROPOUT));
      }
      return Optional.of(t);
    }
  }

  private static void print(PrintWriter w, CaseloadRun run) {
    int weeks = run.weeks().size();
    w.printf(Locale.ROOT, "%s, %s, seed %d (%s)%n", CliText.count(weeks, "week", "weeks"),
        CliText.count(run.therapists(), "therapist", "therapists"), run.seed(), run.instrument());
    w.printf(Locale.ROOT, "%5s %9s %8s %8s %9s %8s %8s %9s %7s %11s%n", "week", "referred",
        "waiting", "caseload", "sessions", "trauma", "chronic", "off-track", "worse",
        "discharged");
    List<CaseloadWeek> ws = run.weeks();
    int step = Math.max(1, ws.size() / 13);
    for (int i = 0; i < ws.size(); i++) {
      if (i % step != 0 && i != ws.size() - 1) {
        continue;
      }
      CaseloadWeek k = ws.get(i);
      w.printf(Locale.ROOT, "%5d %9.2f %8.2f %8.2f %9.2f %8.2f %8s %9s %7s %11.2f%n", k.week(),
          k.referrals(), k.waiting(), k.caseload(), k.sessions(), k.traumaSessions(),
          pct(k.shareChronic()), pct(k.shareNotOnTrack()), pct(k.shareReliablyWorse()),
          k.dischargesTotal());
    }
    CaseloadWeek last = ws.get(ws.size() - 1);
    w.printf(Locale.ROOT, "discharged in the last week: %.2f reliably improved (%.2f recovered),"
        + " %.2f not reliably changed, %.2f reliably worse, %.2f stopped attending%n",
        last.discharges().get(Outcome.RELIABLE_IMPROVEMENT), last.discharges().get(Outcome.RECOVERY),
        last.discharges().get(Outcome.NO_RELIABLE_CHANGE),
        last.discharges().get(Outcome.RELIABLE_DETERIORATION), last.discharges().get(Outcome.DROPOUT));
    if (run.composition().isEmpty()) {
      w.println("No composition: the run is shorter than the warm-up plus the longest episode.");
      return;
    }
    Composition c = run.composition().get();
    w.printf(Locale.ROOT, "Who starts treatment and who is on the caseload (weeks %d-%d, %d clients):%n",
        c.fromWeek(), c.toWeek() - 1, c.clients());
    w.printf(Locale.ROOT, "  %-24s %8s %9s %11s %12s%n", "group", "started", "standing",
        "mean weeks", "Little's law");
    for (CompositionRow r : c.courses()) {
      row(w, r);
    }
    for (CompositionRow r : c.outcomes()) {
      row(w, r);
    }
    w.println(c.statement());
  }

  private static void row(PrintWriter w, CompositionRow r) {
    w.printf(Locale.ROOT, "  %-24s %8s %9s %11s %12s%n", r.group(), pct(OptionalDouble.of(r.started())),
        pct(OptionalDouble.of(r.standing())),
        r.meanWeeks().isPresent() ? String.format(Locale.ROOT, "%.1f", r.meanWeeks().getAsDouble())
            : "-", pct(r.littlesLaw()));
  }

  private static String pct(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.0f %%", 100 * v.getAsDouble()) : "-";
  }
}
