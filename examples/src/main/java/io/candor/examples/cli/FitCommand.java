package io.candor.examples.cli;

import io.candor.json.LongCsv;
import io.candor.json.LongTable;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.model.growth.Estimation;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.RandomPart;
import io.candor.model.growth.TimeBasis;
import io.candor.model.growth.FixedEffect;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor fit}: fits a linear mixed-effects growth model to a long-format CSV file and
 * prints the estimates, or a {@code GrowthFit} document ({@code --json}) that {@code candor expect
 * --model} and {@code CandorJson.fromJson(text, ExpectedResponseModel.class)} read back.
 */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
      "Fit a linear mixed-effects growth model (REML or ML, as lme4) to long-format CSV.",
      "Example: candor fit --input scores.csv --id client --time session --score phq9"
          + " --instrument PHQ-9 --basis log --json --out model.json"
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

  @Mixin OutputOptions output;

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
    output.checkFiles();
    GrowthModel model = model(basis, random, method, covariates, interact);
    long t0 = System.nanoTime();
    LongTable table = LongCsv.read(input, LongCsv.columns(id, time, score)
        .withCovariates(covariates.toArray(new String[0])));
    Instrument scale = instrument == null ? null : Instruments.byId(instrument);
    if (scale != null) {
      checkScores(table, scale, score);
    }
    GrowthData data = GrowthData.of(table.ids(), table.times(), table.scores());
    if (scale != null) {
      data = data.withScale(scale);
    }
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
    output.emit(spec, new Result(fit));
    return 0;
  }

  /** A fit: its text report, the {@code GrowthFit} document, the fixed effects as a table. */
  record Result(GrowthFit fit) implements CliResult {

    @Override
    public void printText(PrintWriter out) {
      out.println(fit);
      out.println("  converged: " + fit.convergence().converged() + " after "
          + fit.convergence().iterations() + " evaluations");
      out.println("  scale: " + fit.scale().id() + "; sessions " + fit.timeRange()
          + "; intake scores " + fit.firstScoreRange());
    }

    @Override
    public Object json() {
      return fit;
    }

    @Override
    public Optional<CsvTable> table() {
      CsvTable t = new CsvTable("term", "estimate", "se", "t");
      for (FixedEffect f : fit.fixedEffects()) {
        t.row(f.term(), f.estimate(), f.se(), f.t());
      }
      return Optional.of(t);
    }
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
      m = m.withBasis(switch (b) {
        case "linear" -> TimeBasis.LINEAR;
        case "log" -> TimeBasis.LOG;
        case "quadratic" -> TimeBasis.QUADRATIC;
        default -> throw new IllegalArgumentException("--basis must be linear, log, quadratic or"
            + " piecewise:K, was " + basis);
      });
    }
    String r = random.strip().toLowerCase(java.util.Locale.ROOT);
    m = m.withRandom(switch (r) {
      case "intercept" -> RandomPart.INTERCEPT;
      case "slope" -> RandomPart.INTERCEPT_SLOPE;
      default -> throw new IllegalArgumentException("--random must be intercept or slope, was "
          + random);
    });
    m = m.withEstimation(switch (method.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "reml" -> Estimation.REML;
      case "ml" -> Estimation.ML;
      default -> throw new IllegalArgumentException("--method must be reml or ml, was " + method);
    });
    return m.withCovariates(covariates.toArray(new String[0])).withInteractions(interact);
  }
}
