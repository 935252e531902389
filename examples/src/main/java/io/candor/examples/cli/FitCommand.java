package io.candor.examples.cli;

import io.candor.json.LongTable;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.model.growth.ClusterPart;
import io.candor.model.growth.Estimation;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthFit;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.Interactions;
import io.candor.model.growth.RandomPart;
import io.candor.model.growth.TimeBasis;
import io.candor.model.growth.FixedEffect;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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
          + " --instrument PHQ-9 --basis log --json --out model.json",
      "Clients nested in therapists: add --cluster therapist (the therapist SD is reported)."
    })
public final class FitCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin LongInputOptions data;

  @Option(names = "--basis", defaultValue = "linear", paramLabel = "BASIS",
      converter = BasisConverter.class,
      description = "linear, log (log(t+1)), quadratic or piecewise:K (knot K); default linear")
  Basis basis;

  @Option(names = "--random", defaultValue = "slope", paramLabel = "PART",
      converter = RandomConverter.class, completionCandidates = RandomConverter.class,
      description = "intercept, or slope (intercept + slope, correlated); default slope")
  RandomPart random;

  @Option(names = "--method", defaultValue = "reml", paramLabel = "METHOD",
      converter = MethodConverter.class, completionCandidates = MethodConverter.class,
      description = "reml (default) or ml")
  Estimation method;

  @Option(names = "--covariate", paramLabel = "COL",
      description = "client-level numeric covariate column (repeatable)")
  List<String> covariates = new ArrayList<>();

  @Option(names = "--instrument", paramLabel = "ID",
      description = "check every score against this instrument's range and resolution (e.g."
          + " PHQ-9); without it any number is accepted (reaction times, simulated scores)")
  String instrument;

  @Option(names = "--interact", description = "add covariate x time interactions")
  boolean interact;

  @Option(names = "--cluster", paramLabel = "COL",
      description = "therapist (cluster) column: clients nested in therapists, each therapist"
          + " with its own random intercept (lme4's (1 | therapist) + (... | therapist:client))")
  String cluster;

  @Mixin OutputOptions output;

  @Mixin TimingOptions timings;

  /** A time basis with its knot (piecewise only). */
  record Basis(TimeBasis basis, double knot) {}

  /** {@code linear}, {@code log}, {@code quadratic} or {@code piecewise:K}, in any case. */
  static final class BasisConverter implements CommandLine.ITypeConverter<Basis> {
    @Override
    public Basis convert(String value) {
      String b = value.strip().toLowerCase(Locale.ROOT);
      if (b.startsWith("piecewise")) {
        String[] parts = b.split(":", 2);
        if (parts.length != 2 || parts[1].isBlank()) {
          throw new CommandLine.TypeConversionException(
              "piecewise needs a knot, e.g. piecewise:4, but was '" + value + "'");
        }
        try {
          double knot = Double.parseDouble(parts[1]);
          if (Double.isFinite(knot)) {
            return new Basis(TimeBasis.PIECEWISE, knot);
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        throw new CommandLine.TypeConversionException(
            "piecewise:K needs a number K, but was '" + value + "'");
      }
      return switch (b) {
        case "linear" -> new Basis(TimeBasis.LINEAR, Double.NaN);
        case "log" -> new Basis(TimeBasis.LOG, Double.NaN);
        case "quadratic" -> new Basis(TimeBasis.QUADRATIC, Double.NaN);
        default -> throw new CommandLine.TypeConversionException("expected one of linear, log,"
            + " quadratic, piecewise:K (case-insensitive) but was '" + value + "'");
      };
    }
  }

  /** {@code intercept} or {@code slope}. */
  static final class RandomConverter extends CliWords<RandomPart> {
    RandomConverter() {
      super("intercept", RandomPart.INTERCEPT, "slope", RandomPart.INTERCEPT_SLOPE);
    }
  }

  /** {@code reml} or {@code ml}. */
  static final class MethodConverter extends CliWords<Estimation> {
    MethodConverter() {
      super("reml", Estimation.REML, "ml", Estimation.ML);
    }
  }

  /** Standard output and error when run without picocli ({@link #run}). */
  private PrintWriter out;
  private PrintWriter err;

  /**
   * Runs a command read by {@link FitArguments}, as picocli would run it: the status it returns,
   * or a one-line message and status 2 (bad input) or 70 (a bug) for what it throws.
   *
   * @return the exit status
   */
  int run(PrintWriter stdout, PrintWriter stderr) {
    this.out = stdout;
    this.err = stderr;
    try {
      return call();
    } catch (RuntimeException ex) {
      return CandorCli.failed(ex, stderr);
    }
  }

  private PrintWriter out() {
    return spec == null ? out : spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec == null ? err : spec.commandLine().getErr();
  }

  @Override
  public Integer call() {
    output.checkFiles();
    GrowthModel model = model();
    if (cluster != null) {
      model = model.with(ClusterPart.INTERCEPT);
    }
    timings.start();
    Optional<Instrument> scale =
        instrument == null ? Optional.empty() : Optional.of(Instruments.byId(instrument));
    LongTable table =
        data.read(scale, covariates, cluster == null ? List.of() : List.of(cluster));
    GrowthData growth = table.toGrowthData();
    if (scale.isPresent()) {
      growth = growth.withScale(scale.get());
    }
    if (cluster != null) {
      growth = growth.withClusters(table.attribute(cluster));
    }
    table = null; // the growth data hold what the fit needs
    timings.read();
    GrowthFit fit = model.fit(growth);
    timings.fitted();
    output.emit("fit", out(), new Result(fit));
    timings.written(err());
    return 0;
  }

  /** A fit: its text report, the {@code GrowthFit} document, the fixed effects as a table. */
  record Result(GrowthFit fit) implements CliResult {

    @Override
    public void printText(PrintWriter out) {
      out.println(fit);
      out.println("  converged: " + fit.convergence().converged() + " after "
          + CliText.count(fit.convergence().iterations(), "evaluation", "evaluations"));
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

  /** The model configuration the options describe. */
  GrowthModel model() {
    GrowthModel m = GrowthModel.withDefaults();
    m = basis.basis() == TimeBasis.PIECEWISE ? m.withPiecewise(basis.knot())
        : m.with(basis.basis());
    return m.with(random).with(method)
        .withCovariates(covariates.toArray(new String[0]))
        .with(interact ? Interactions.COVARIATE_BY_TIME : Interactions.NONE);
  }
}
