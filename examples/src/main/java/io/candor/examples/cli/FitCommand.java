package io.candor.examples.cli;

import io.candor.json.GrowthJson;
import io.candor.json.LongCsv;
import io.candor.json.LongTable;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.model.growth.Estimation;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.Interactions;
import io.candor.model.growth.RandomPart;
import io.candor.model.growth.TimeBasis;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor fit}: fits a linear mixed-effects growth model to a long-format CSV file and
 * prints the estimates, or JSON that {@code candor expect --model} can read back.
 */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
      "Fit a linear mixed-effects growth model (REML or ML, as lme4) to long-format CSV.",
      "Example: candor fit --input scores.csv --id client --time session --score phq9"
          + " --basis log --json > model.json"
    })
public final class FitCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE", description = "CSV file")
  Path input;

  @Option(names = "--id", required = true, paramLabel = "COL", description = "client-id column")
  String id;

  @Option(names = "--time", required = true, paramLabel = "COL", description = "time column")
  String time;

  @Option(names = "--score", required = true, paramLabel = "COL", description = "outcome column")
  String score;

  @Option(names = "--basis", defaultValue = "linear", paramLabel = "BASIS",
      description = "linear, log (log(t+1)), quadratic or piecewise:K (knot K); default linear")
  String basis;

  @Option(names = "--random", defaultValue = "slope", paramLabel = "PART",
      description = "intercept, or slope (intercept + slope, correlated); default slope")
  String random;

  @Option(names = "--method", defaultValue = "reml", paramLabel = "METHOD",
      description = "reml (default) or ml")
  String method;

  @Option(names = "--covariate", paramLabel = "COL",
      description = "client-level numeric covariate column (repeatable)")
  List<String> covariates = new ArrayList<>();

  @Option(names = "--instrument", paramLabel = "ID",
      description = "check every score against this instrument's range (e.g. PHQ-9); without it"
          + " any finite outcome is accepted (reaction times, simulated scores)")
  String instrument;

  @Option(names = "--interact", description = "add covariate x time interactions")
  boolean interact;

  @Option(names = "--json", description = "print JSON (readable by candor expect --model)")
  boolean json;

  @Option(names = "--timings", description = "print read and fit times (seconds) to stderr")
  boolean timings;

  /** Every score must lie on the instrument's scale; the error names the line and column. */
  static void checkScores(LongTable table, Instrument instrument, String scoreColumn) {
    for (int i = 0; i < table.size(); i++) {
      try {
        instrument.checkScore("scores", table.scoreAt(i));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            table.source() + " line " + table.lineAt(i) + " (" + scoreColumn + "): " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Integer call() {
    GrowthModel model = model(basis, random, method, covariates, interact);
    long t0 = System.nanoTime();
    LongTable table = LongCsv.read(input, LongCsv.columns(id, time, score)
        .withCovariates(covariates.toArray(new String[0])));
    if (instrument != null) {
      checkScores(table, Instruments.byId(instrument), score);
    }
    GrowthData data = GrowthData.of(table.ids(), table.times(), table.scores());
    for (String c : covariates) {
      double[] values = table.covariate(c);
      checkClientLevel(table, c, values);
      data = data.withCovariate(c, values);
    }
    long t1 = System.nanoTime();
    GrowthFit fit = model.fit(data);
    long t2 = System.nanoTime();
    if (timings) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(java.util.Locale.ROOT, "candor_read_seconds=%.3f%ncandor_fit_seconds=%.3f%n",
          (t1 - t0) / 1e9, (t2 - t1) / 1e9);
      err.flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(GrowthJson.write(fit));
    } else {
      out.println(fit);
      out.println("  converged: " + fit.convergence().converged() + " after "
          + fit.convergence().iterations() + " evaluations");
    }
    out.flush();
    return 0;
  }

  /** A covariate must be constant within a client; the message names the CSV line. */
  private static void checkClientLevel(LongTable table, String name, double[] values) {
    java.util.Map<String, Integer> first = new java.util.HashMap<>();
    String[] ids = table.ids();
    for (int i = 0; i < values.length; i++) {
      Integer f = first.putIfAbsent(ids[i], i);
      if (f != null && values[f] != values[i]) {
        throw new IllegalArgumentException(table.source() + " line " + table.lineAt(i)
            + ", column " + name + ": covariates are client-level, but client " + ids[i]
            + " has " + values[f] + " on line " + table.lineAt(f) + " and " + values[i]
            + " here");
      }
    }
  }

  /** Builds the model configuration from the CLI words. */
  static GrowthModel model(String basis, String random, String method, List<String> covariates,
      boolean interact) {
    GrowthModel m = GrowthModel.withDefaults();
    String b = basis.strip().toLowerCase(java.util.Locale.ROOT);
    if (b.startsWith("piecewise")) {
      String[] parts = b.split(":", 2);
      if (parts.length != 2 || parts[1].isBlank()) {
        throw new IllegalArgumentException("--basis piecewise needs a knot, e.g. piecewise:4");
      }
      double knot;
      try {
        knot = Double.parseDouble(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--basis piecewise:K needs a number K, was " + parts[1],
            e);
      }
      m = m.withPiecewise(knot);
    } else {
      m = m.with(switch (b) {
        case "linear" -> TimeBasis.LINEAR;
        case "log" -> TimeBasis.LOG;
        case "quadratic" -> TimeBasis.QUADRATIC;
        default -> throw new IllegalArgumentException("--basis must be linear, log, quadratic or"
            + " piecewise:K, was " + basis);
      });
    }
    String r = random.strip().toLowerCase(java.util.Locale.ROOT);
    m = m.with(switch (r) {
      case "intercept" -> RandomPart.INTERCEPT;
      case "slope" -> RandomPart.INTERCEPT_SLOPE;
      default -> throw new IllegalArgumentException("--random must be intercept or slope, was "
          + random);
    });
    m = m.with(switch (method.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "reml" -> Estimation.REML;
      case "ml" -> Estimation.ML;
      default -> throw new IllegalArgumentException("--method must be reml or ml, was " + method);
    });
    return m.withCovariates(covariates.toArray(new String[0])).with(interact ? Interactions.COVARIATE_BY_TIME : Interactions.NONE);
  }
}
