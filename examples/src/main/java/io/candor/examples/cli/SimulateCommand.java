package io.candor.examples.cli;

import io.candor.charts.FanChart;
import io.candor.domain.Trajectory;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.simulation.Arm;
import io.candor.simulation.Calibration;
import io.candor.simulation.Scenario;
import io.candor.simulation.ScenarioJson;
import io.candor.simulation.SimulatedClient;
import io.candor.simulation.SimulationSummary;
import io.candor.simulation.Simulator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code candor simulate}: a calibrated synthetic cohort, written as long-format CSV or summarised.
 * The same seed gives byte-identical output for any number of threads.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates a cohort of therapy trajectories from a calibrated scenario (PHQ-9 by default).",
      "The same --seed gives byte-identical output whatever --threads is."
    })
public final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--clients", required = true, description = "Number of clients (>= 1).")
  long clients;

  @Mixin SimulationOptions sim;

  @Option(names = "--arm", paramLabel = "treated|waitlist", description = "Arm (default treated).")
  String arm = "treated";

  @ArgGroup(exclusive = true, multiplicity = "1")
  Output output;

  static final class Output {
    @Option(names = "--out", paramLabel = "cohort.csv", description = "Write long-format CSV here.")
    Path out;

    @Option(names = "--summary", description = "Print a streaming summary instead of the cohort.")
    boolean summary;
  }

  @Option(names = "--json", description = "Print the summary (or the --out report) as JSON.")
  boolean json;

  @Mixin ChartOptions chart;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (clients < 1) {
      throw new IllegalArgumentException("--clients must be >= 1, was " + clients);
    }
    sim.checkThreads();
    if (chart.wanted() && !output.summary) {
      throw new IllegalArgumentException("--svg and --png draw the fan chart of --summary;"
          + " with --out, draw it from a --summary run of the same seed");
    }
    Arm a = Arm.parse(arm);
    Scenario s = sim.scenario();
    Simulator simulator = Simulator.of(s);
    long seed = sim.seed;
    LongConsumer progress = progress(err, clients);
    if (output.summary) {
      SimulationSummary sum = simulator.summarise(seed, clients, a, sim.threads, progress);
      if (json) {
        out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
            .writeValueAsString(summaryJson(sum, seed)));
      } else {
        printSummary(out, sum, seed);
      }
      Instrument instrument = s.instrumentSpec();
      chart.write(style -> {
        FanChart fan = FanChart.withDefaults().withScoreLabel(instrument.id() + " score")
            .with(style);
        return instrument.casenessCutoff().map(c -> fan.withCutoff(c.value())).orElse(fan)
            .draw(sum);
      });
    } else {
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(output.out, StandardCharsets.UTF_8),
          1 << 16)) {
        writeCsv(simulator, a, w, progress);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + output.out + ": " + e.getMessage(), e);
      }
      if (json) {
        ObjectNode n = JsonMapper.builder().build().createObjectNode();
        n.put("command", "simulate");
        n.put("out", output.out.toString());
        n.put("clients", clients);
        n.put("seed", seed);
        n.put("arm", a.name().toLowerCase(Locale.ROOT));
        n.put("instrument", s.instrument());
        out.println(n.toString());
      } else {
        out.println("wrote " + clients + " simulated clients (" + s.instrument() + ", "
            + a.name().toLowerCase(Locale.ROOT) + " arm, seed " + seed + ") to " + output.out);
      }
    }
    out.flush();
    return 0;
  }

  /** "default" or a JSON file. */
  static Scenario loadScenario(String spec) {
    if ("default".equalsIgnoreCase(spec)) {
      return Scenario.calibratedDefault(Instruments.PHQ9);
    }
    Path p = Path.of(spec);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException(
          "--scenario must be \"default\" or a readable JSON file, was \"" + spec + "\"");
    }
    try {
      return ScenarioJson.read(Files.readString(p, StandardCharsets.UTF_8));
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


  private static String pct(double p) {
    return Double.isNaN(p) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * p);
  }

  static void printSummary(PrintWriter out, SimulationSummary s, long seed) {
    out.printf(Locale.ROOT, "Simulated %d clients, %s, %s arm, seed %d (synthetic data, not a"
        + " forecast for anyone)%n", s.clients(), s.instrument(),
        s.arm().name().toLowerCase(Locale.ROOT), seed);
    out.printf(Locale.ROOT, "  dropout                          %s%n", pct(s.dropoutRate()));
    out.printf(Locale.ROOT, "  reliable deterioration (last)    %s%n", pct(s.deteriorationRate()));
    out.printf(Locale.ROOT, "  reliable improvement (last)      %s%n", pct(s.improvedAtEndRate()));
    out.printf(Locale.ROOT, "  reliable recovery (last)         %s%n", pct(s.reliableRecoveryRate()));
    out.printf(Locale.ROOT, "  clients with a sudden gain       %s%n", pct(s.suddenGainRate()));
    out.printf(Locale.ROOT, "  clients with a sudden loss       %s%n", pct(s.suddenLossRate()));
    out.println("  session  observed  mean score  in clinical range  reliably improved"
        + "  improved by (KM)");
    for (int t = 0; t <= s.lastSession(); t++) {
      double mean = s.meanScoreAt(t);
      out.printf(Locale.ROOT, "  %7d  %8d  %10s  %17s  %17s  %16s%n", t, s.observedAt(t),
          Double.isNaN(mean) ? "n/a" : String.format(Locale.ROOT, "%.2f", mean), pct(s.caseRateAt(t)), pct(s.reliablyImprovedAt(t)),
          pct(s.improvedBy(t)));
    }
  }

  /** The summary as JSON; rates with no one to count (no client observed) are null. */
  static ObjectNode summaryJson(SimulationSummary s, long seed) {
    ObjectNode n = JsonMapper.builder().build().createObjectNode();
    n.put("command", "simulate");
    n.put("instrument", s.instrument());
    n.put("arm", s.arm().name().toLowerCase(Locale.ROOT));
    n.put("seed", seed);
    n.put("clients", s.clients());
    n.put("lastSession", s.lastSession());
    PatternsCommand.putDouble(n, "dropoutRate", s.dropoutRate());
    PatternsCommand.putDouble(n, "deteriorationRate", s.deteriorationRate());
    PatternsCommand.putDouble(n, "improvedAtEndRate", s.improvedAtEndRate());
    PatternsCommand.putDouble(n, "reliableRecoveryRate", s.reliableRecoveryRate());
    PatternsCommand.putDouble(n, "suddenGainRate", s.suddenGainRate());
    PatternsCommand.putDouble(n, "suddenLossRate", s.suddenLossRate());
    ArrayNode rows = n.putArray("bySession");
    for (int t = 0; t <= s.lastSession(); t++) {
      ObjectNode r = rows.addObject();
      r.put("session", t);
      r.put("observed", s.observedAt(t));
      r.put("dropouts", s.dropoutsAt(t));
      PatternsCommand.putDouble(r, "meanScore", s.meanScoreAt(t));
      PatternsCommand.putDouble(r, "caseRate", s.caseRateAt(t));
      PatternsCommand.putDouble(r, "reliablyImproved", s.reliablyImprovedAt(t));
      PatternsCommand.putDouble(r, "improvedByKaplanMeier", s.improvedBy(t));
    }
    return n;
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
   */
  public static void demoSection(PrintWriter out) {
    Simulator sim = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9));
    int n = Calibration.DEFAULT_CLIENTS;
    long seed = Calibration.DEFAULT_SEED;
    SimulationSummary tr = sim.summarise(seed, n, Arm.TREATED, 1);
    SimulationSummary wl = sim.summarise(seed, n, Arm.WAITLIST, 1);
    out.println("What a calibrated simulation of " + n + " clients suggests (PHQ-9, weekly sessions,"
        + " seed " + seed + "):");
    out.println("  - " + inWords(tr.reliablyImprovedAt(8)) + " clients still attending are reliably"
        + " better by session 8, and " + inWords(tr.reliablyImprovedAt(26)) + " by session 26");
    out.println("    (Howard et al. 1986 report about 50 % and 75 %).");
    out.println("  - " + inWords(tr.dropoutRate()) + " stop before the planned end"
        + " (Swift & Greenberg 2012: 19.7 %).");
    out.println("  - " + inWords(tr.deteriorationRate()) + " clients get reliably worse"
        + " (Lambert 2013: 5 to 10 in 100).");
    out.println("  - " + inWords(tr.suddenGainRate()) + " have a sudden gain, a large drop between"
        + " two sessions (Tang & DeRubeis 1999; Aderka et al. 2012).");
    out.println("  - Without treatment, " + inWords(1 - wl.caseRateAt(13)) + " are out of the"
        + " clinical range after 3 months (Whiteford et al. 2013: 23 %).");
    out.println("  These are expectations for a group, from a model tuned to published figures;"
        + " they are not a forecast for any one person.");
  }
}
