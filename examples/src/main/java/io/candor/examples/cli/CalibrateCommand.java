package io.candor.examples.cli;

import io.candor.simulation.Calibration;
import io.candor.simulation.Scenario;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code candor calibrate}: checks the calibrated default scenario against the published targets;
 * exit status 1 when any row fails.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the simulator's calibrated PHQ-9 defaults against published figures (Howard 1986,",
      "Swift & Greenberg 2012, Lambert 2013, Tang & DeRubeis 1999 / Aderka 2012, Whiteford 2013).",
      "Exit status 0 when every row passes, 1 when one fails."
    })
public final class CalibrateCommand implements Callable<Integer> {

  /** Exit status when a calibration row fails. */
  public static final int FAILED = 1;

  @Spec CommandSpec spec;

  @Option(names = "--clients", description = "Clients per arm, >= 100 (default ${DEFAULT-VALUE}).")
  long clients = Calibration.DEFAULT_CLIENTS;

  @Mixin SimulationOptions sim;

  @Option(names = "--json", description = "Print the rows as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    sim.checkThreads();
    Scenario s = sim.scenario();
    Calibration.Report r = Calibration.run(s, sim.seed, clients, sim.threads,
        SimulateCommand.progress(err, 2 * clients));
    if (json) {
      ObjectNode n = JsonMapper.builder().build().createObjectNode();
      n.put("command", "calibrate");
      n.put("instrument", s.instrument());
      n.put("seed", r.seed());
      n.put("clients", r.clients());
      n.put("passed", r.passed());
      ArrayNode rows = n.putArray("rows");
      for (Calibration.Row row : r.rows()) {
        ObjectNode o = rows.addObject();
        o.put("target", row.target());
        o.put("source", row.source().shortForm());
        o.put("citation", row.source().key());
        o.put("expected", row.expected());
        PatternsCommand.putDouble(o, "simulated", row.simulated());
        o.put("lower", row.lower());
        o.put("upper", row.upper());
        o.put("verdict", row.verdict());
        o.put("definition", row.definition());
      }
      out.println(JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
          .writeValueAsString(n));
    } else {
      out.printf(Locale.ROOT, "Calibration of the simulator (%s, %d clients per arm, seed %d)%n",
          s.instrument(), r.clients(), r.seed());
      out.print(r.toTable());
      out.println(r.passed() ? "All targets reproduced within tolerance."
          : "Some targets were not reproduced (FAIL rows above).");
    }
    out.flush();
    return r.passed() ? 0 : FAILED;
  }
}
