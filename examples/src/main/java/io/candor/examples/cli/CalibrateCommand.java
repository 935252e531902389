package io.candor.examples.cli;

import io.candor.simulation.Calibration;
import io.candor.simulation.Scenario;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor calibrate}: checks the calibrated default scenario against the published targets;
 * exit status 1 when any row fails.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the simulator's calibrated defaults against published figures.",
      "The targets: Howard 1986, Swift & Greenberg 2012, Lambert 2013, Tang & DeRubeis 1999 /"
          + " Aderka 2012, Whiteford 2013. Exit status 0 when every row passes, 1 when one fails."
    })
public final class CalibrateCommand implements Callable<Integer> {

  /** Exit status when a calibration row fails. */
  public static final int FAILED = 1;

  @Spec CommandSpec spec;

  @Option(names = "--clients", description = "Clients per arm, >= 100 (default ${DEFAULT-VALUE}).")
  long clients = Calibration.DEFAULT_CLIENTS;

  @Mixin SimulationOptions sim;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    output.checkFiles();
    sim.checkThreads();
    Scenario s = sim.scenario();
    Calibration.Report r = Calibration.run(s, sim.seed, clients, sim.threads,
        SimulateCommand.progress(err, 2 * clients));
    output.emit(spec, new Result(s.instrument(), r));
    return r.passed() ? 0 : FAILED;
  }

  /** A calibration report in each output format. */
  record Result(String instrument, Calibration.Report report) implements CliResult {

    @Override
    public void printText(PrintWriter out) {
      out.printf(Locale.ROOT, "Calibration of the simulator (%s, %d clients per arm, seed %d)%n",
          instrument, report.clients(), report.seed());
      out.print(report.toTable());
      out.println(report.passed() ? "All targets reproduced within tolerance."
          : "Some targets were not reproduced (FAIL rows above).");
    }

    @Override
    public Object json() {
      List<CalibrationResult.Row> rows = new ArrayList<>();
      for (Calibration.Row row : report.rows()) {
        rows.add(new CalibrationResult.Row(row.target(), row.source().shortForm(),
            row.source().key(), row.expected(), row.simulated(),
            row.lower(), row.upper(), row.verdict(), row.definition()));
      }
      return new CalibrationResult(instrument, report.seed(), report.clients(), report.passed(),
          rows);
    }

    @Override
    public Optional<CsvTable> table() {
      CsvTable t = new CsvTable("target", "source", "citation", "expected", "simulated", "lower",
          "upper", "verdict", "definition");
      for (Calibration.Row row : report.rows()) {
        t.row(row.target(), row.source().shortForm(), row.source().key(), row.expected(),
            row.simulated(), row.lower(), row.upper(), row.verdict(), row.definition());
      }
      return Optional.of(t);
    }
  }
}
