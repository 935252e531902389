package io.candor.examples.cli;

import io.candor.domain.Trajectory;
import io.candor.json.CandorJson;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.testing.CandorGenerators;
import io.candor.testing.TrajectoryShape;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code candor demo}: a short tour of Candor on built-in example data. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "A short tour of Candor on built-in example data (fixed seed: the output is reproducible).")
final class DemoCommand implements Callable<Integer> {

  /** The demo's fixed, documented seed. */
  static final long SEED = 20261125L;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Candor demo: realistic expectations about psychotherapy outcomes.");
    out.println("Candor informs expectations; it never diagnoses. Every figure below names its source.");
    out.println();
    heading(out, "1. What can a client expect? A report in plain words");
    ReportCommand.demoSection(out);
    section(out, "2. Instruments by their score properties");
    instruments(out);
    section(out, "3. Did a client change reliably? The verdict depends on the method");
    ClassifyCommand.demoSection(out);
    section(out, "4. Progress is rarely a straight line");
    trajectories(out);
    PatternsCommand.demoSection(out);
    section(out, "5. How many sessions? Time to improvement and the dose-effect curve");
    TimeToEventDemo.demoSection(out);
    section(out, "6. Is this client on track? An expected-response curve");
    ExpectCommand.demoSection(out);
    section(out, "7. What a realistic cohort looks like (simulated)");
    SimulateCommand.demoSection(out);
    out.println();
    out.println("Learn more: candor --help; every subcommand has --help and --json.");
    out.flush();
    return 0;
  }

  private static void section(PrintWriter out, String title) {
    out.println();
    heading(out, title);
  }

  private static void heading(PrintWriter out, String title) {
    out.println(title);
    out.println("-".repeat(title.length()));
  }

  private static void instruments(PrintWriter out) {
    for (Instrument i : Instruments.all()) {
      out.printf("  %-8s %-44s %s-%s, %s%n", i.id(), i.name(), CliText.number(i.minScore()), CliText.number(i.maxScore()),
          i.direction() == io.candor.measure.Direction.HIGHER_IS_WORSE ? "higher is worse" : "higher is better");
      i.casenessCutoff().ifPresent(c -> out.printf("           caseness cutoff %s (%s)%n",
          CliText.number(c.value()), CliText.source(c)));
      i.reliableChange().ifPresent(c -> out.printf("           reliable change %s points (%s)%n",
          CliText.number(c.value()), CliText.source(c)));
    }
  }

  private static void trajectories(PrintWriter out) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
    for (TrajectoryShape shape : TrajectoryShape.values()) {
      Trajectory t = CandorGenerators.trajectory(Instruments.PHQ9, shape).generate(rng);
      out.printf("  %-14s %s%n", shape.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), t);
    }
    out.println("  (generated example trajectories on PHQ-9; the same seed always gives the same ones)");
    out.println();
    Trajectory t = CandorGenerators.trajectory(Instruments.GAD7, TrajectoryShape.PLATEAU).generate(rng);
    String json = CandorJson.toJson(t);
    out.println("  Stored as JSON (round-trips exactly): " + json.lines().count() + " lines, format version "
        + CandorJson.FORMAT_VERSION);
    out.println();
  }
}
