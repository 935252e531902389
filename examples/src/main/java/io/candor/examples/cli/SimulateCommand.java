package io.candor.examples.cli;

import io.candor.charts.FanChart;
import io.candor.domain.Trajectory;
import io.candor.json.CandorJson;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.simulation.Arm;
import io.candor.simulation.Calibration;
import io.candor.simulation.Scenario;
import io.candor.simulation.SimulatedClient;
import io.candor.simulation.SimulationSummary;
import io.candor.simulation.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor simulate}: a calibrated synthetic cohort, written as long-format CSV or summarised.
 * The same seed gives byte-identical output for any number of threads.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates a cohort of therapy trajectories from a calibrated scenario (PHQ-9 by default).",
      "Writes the cohort as long-format CSV to --out FILE, or with --summary prints a streaming"
          + " summary. The same --seed gives byte-identical output whatever --threads is."
    })
public final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--clients", required = true, description = "Number of clients (>= 1).")
  long clients;

  @Mixin SimulationOptions sim;

  @Option(names = "--arm", paramLabel = "treated|waitlist", description = "Arm (default treated).")
  String arm = "treated";

  @Option(names = "--summary", description = "Print a streaming summary instead of writing the"
      + " cohort (text, --json, or the by-session table with --csv FILE).")
  boolean summary;

  @Mixin OutputOptions output;

  @Mixin ChartOptions chart;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (clients < 1) {
      throw new IllegalArgumentException("--clients must be >= 1, was " + clients);
    }
    output.checkFiles();
    chart.checkFiles(output);
    if (!summary && output.out == null) {
      throw new IllegalArgumentException("give --out cohort.csv to write the simulated cohort, or"
          + " --summary for a summary");
    }
    if (!summary && output.csv != null) {
      throw new IllegalArgumentException("--csv applies to --summary (its by-session table); the"
          + " cohort itself is written as long-format CSV to --out");
    }
    sim.checkThreads();
    if (chart.wanted() && !summary) {
      throw new IllegalArgumentException("--svg and --png draw the fan chart of --summary;"
          + " with --out, draw it from a --summary run of the same seed");
    }
    Arm a = Arm.parse(arm);
    Scenario s = sim.scenario();
    Simulator simulator = Simulator.of(s);
    long seed = sim.seed;
    LongConsumer progress = progress(err, clients);
    if (summary) {
      SimulationSummary sum = simulator.summarise(seed, clients, a, sim.threads, progress);
      output.emit(spec, new SummaryResult(SimulationReport.of(sum, seed)));
      Instrument instrument = s.instrumentSpec();
      chart.write(style -> {
        FanChart fan = FanChart.withDefaults().withScoreLabel(instrument.id() + " score")
            .with(style);
        return instrument.casenessCutoff().map(c -> fan.withCutoff(c.value())).orElse(fan)
            .draw(sum);
      });
      return 0;
    }
    Path file = output.out;
    OutputOptions.atomically(file, w -> writeCsv(simulator, a, w, progress));
    CohortFile written = new CohortFile(file.toString(), clients, seed, CliText.word(a),
        s.instrument());
    PrintWriter out = spec.commandLine().getOut();
    out.println(output.json ? CandorJson.toJson(written)
        : "wrote " + CliText.count(clients, "simulated client", "simulated clients") + " ("
            + s.instrument() + ", " + CliText.words(a) + " arm, seed " + seed + ") to " + file);
    out.flush();
    return 0;
  }

  /** A summary in each output format. */
  record SummaryResult(SimulationReport report) implements CliResult {

    @Override
    public void printText(PrintWriter out) {
      printSummary(out, report);
    }

    @Override
    public Object json() {
      return report;
    }

    @Override
    public Optional<CsvTable> table() {
      CsvTable t = new CsvTable("session", "observed", "dropouts", "meanScore", "caseRate",
          "reliablyImproved", "improvedByKaplanMeier");
      for (SimulationReport.Session r : report.bySession()) {
        t.row(r.session(), r.observed(), r.dropouts(), r.meanScore(), r.caseRate(),
            r.reliablyImproved(), r.improvedByKaplanMeier());
      }
      return Optional.of(t);
    }
  }

  /** "default" or a JSON file. */
  static Scenario loadScenario(String spec) {
    if ("default".equalsIgnoreCase(spec)) {
      return Scenario.calibratedDefault(Instruments.PHQ9);
    }
    Path p = Path.of(spec);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException(
          "--scenario must be \"default\" or a readable JSON file, was " + CliText.quote(spec));
    }
    try {
      return CandorJson.fromJson(Files.readString(p, StandardCharsets.UTF_8), Scenario.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
    }
  }

  /** Progress on stderr in tenths, only for runs of 200,000 clients or more. */
  static LongConsumer progress(PrintWriter err, long total) {
    if (total < 200_000) {
      return d -> { };
    }
    AtomicLong reported = new AtomicLong();
    return done -> {
      long tenth = done * 10 / total;
      long last = reported.get();
      if (tenth > last && reported.compareAndSet(last, tenth)) {
        synchronized (err) {
          err.println("candor: simulated " + done + " of " + total + " clients");
          err.flush();
        }
      }
    };
  }

  private void writeCsv(Simulator simulator, Arm a, Writer w, LongConsumer progress) throws IOException {
    w.write("id,scale,session,score,arm,course,readiness\n");
    String armName = a.name().toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(256);
    long[] done = {0};
    IOException[] failure = {null};
    simulator.forEachOrdered(sim.seed, clients, a, sim.threads, (SimulatedClient c) -> {
      if (failure[0] != null) {
        return;
      }
      Trajectory t = c.trajectory();
      String tail = "," + armName + "," + c.course().name().toLowerCase(Locale.ROOT) + ","
          + c.client().readiness().name().toLowerCase(Locale.ROOT) + "\n";
      sb.setLength(0);
      for (int i = 0; i < t.size(); i++) {
        sb.append(t.client().value()).append(',').append(t.scale().id()).append(',')
            .append(t.sessionAt(i)).append(',').append(CliText.number(t.scoreAt(i))).append(tail);
      }
      try {
        w.write(sb.toString());
      } catch (IOException e) {
        failure[0] = e;
      }
      if (++done[0] % 10_000 == 0) {
        progress.accept(done[0]);
      }
    });
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  static void printSummary(PrintWriter out, SimulationReport s) {
    out.printf(Locale.ROOT, "Simulated %s, %s, %s arm, seed %d (synthetic data, not a"
        + " forecast for anyone)%n", CliText.count(s.clients(), "client", "clients"), s.instrument(),
        s.arm(), s.seed());
    out.printf(Locale.ROOT, "  dropout                          %s%n", CliText.percent(s.dropoutRate()));
    out.printf(Locale.ROOT, "  reliable deterioration (last)    %s%n", CliText.percent(s.deteriorationRate()));
    out.printf(Locale.ROOT, "  reliable improvement (last)      %s%n", CliText.percent(s.improvedAtEndRate()));
    out.printf(Locale.ROOT, "  reliable recovery (last)         %s%n", CliText.percent(s.reliableRecoveryRate()));
    out.printf(Locale.ROOT, "  clients with a sudden gain       %s%n", CliText.percent(s.suddenGainRate()));
    out.printf(Locale.ROOT, "  clients with a sudden loss       %s%n", CliText.percent(s.suddenLossRate()));
    out.println("  session  observed  mean score  in clinical range  reliably improved"
        + "  improved by (KM)");
    for (SimulationReport.Session r : s.bySession()) {
      out.printf(Locale.ROOT, "  %7d  %8d  %10s  %17s  %17s  %16s%n", r.session(), r.observed(),
          CliText.fixed(r.meanScore()), CliText.percent(r.caseRate()),
          CliText.percent(r.reliablyImproved()), CliText.percent(r.improvedByKaplanMeier()));
    }
  }

  /** "about 5 in 10" / "about 7 in 100". */
  static String inWords(double p) {
    if (p < 0.15) {
      return "about " + Math.round(100 * p) + " in 100";
    }
    return "about " + Math.round(10 * p) + " in 10";
  }

  /**
   * The simulation section of {@code candor demo}: simulates 20,000 clients in each arm with the
   * calibrated PHQ-9 defaults and the calibration seed, and prints the expectations they imply,
   * hedged and with sources.
   *
   * @param out where the section is printed
   */
  public static void demoSection(PrintWriter out) {
    Simulator sim = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9));
    int n = Calibration.DEFAULT_CLIENTS;
    long seed = Calibration.DEFAULT_SEED;
    SimulationSummary tr = sim.summarise(seed, n, Arm.TREATED, 1);
    SimulationSummary wl = sim.summarise(seed, n, Arm.WAITLIST, 1);
    out.println("What a calibrated simulation of " + n + " clients suggests (PHQ-9, weekly sessions,"
        + " seed " + seed + "):");
    out.println("  - " + inWords(tr.reliablyImprovedAt(8).orElseThrow()) + " clients still attending are"
        + " reliably better by session 8, and " + inWords(tr.reliablyImprovedAt(26).orElseThrow())
        + " by session 26");
    out.println("    (Howard et al. 1986 report about 50 % and 75 %).");
    out.println("  - " + inWords(tr.dropoutRate()) + " stop before the planned end"
        + " (Swift & Greenberg 2012: 19.7 %).");
    out.println("  - " + inWords(tr.deteriorationRate().orElseThrow()) + " clients get reliably worse"
        + " (Lambert 2013: 5 to 10 in 100).");
    out.println("  - " + inWords(tr.suddenGainRate().orElseThrow()) + " have a sudden gain, a large drop between"
        + " two sessions (Tang & DeRubeis 1999; Aderka et al. 2012).");
    out.println("  - Without treatment, " + inWords(1 - wl.caseRateAt(13).orElseThrow()) + " are out of the"
        + " clinical range after 3 months (Whiteford et al. 2013: 23 %).");
    out.println("  These are expectations for a group, from a model tuned to published figures;"
        + " they are not a forecast for any one person.");
  }
}
