package io.candor.examples.cli;

import io.candor.charts.ClassCurvesChart;
import io.candor.json.LongTable;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.model.DataRange;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.TimeBasis;
import io.candor.model.mixture.BootstrapTest;
import io.candor.model.mixture.ClassEnumeration;
import io.candor.model.mixture.ClassSummary;
import io.candor.model.mixture.ClientPosteriors;
import io.candor.model.mixture.Degeneracy;
import io.candor.model.mixture.FitFailure;
import io.candor.model.mixture.MixtureFit;
import io.candor.model.mixture.MixtureModel;
import io.candor.model.mixture.RandomCovariance;
import io.candor.model.mixture.ResidualVariance;
import io.candor.model.mixture.SelectionCriterion;
import io.candor.model.mixture.TermEstimate;
import io.candor.model.mixture.TrajectoryClass;
import io.candor.model.mixture.WithinClass;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.rng.simple.RandomSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor classes}: latent trajectory classes (LCGA or growth mixture models) on a
 * long-format CSV file, fitted for K = 1..Kmax side by side with the criteria for choosing K, the
 * chosen K's classes, and optionally every client's class probabilities as CSV.
 */
@Command(
    name = "classes",
    mixinStandardHelpOptions = true,
    description = {
      "Latent trajectory classes: which shapes of change there are in long-format CSV data"
          + " (LCGA or growth mixture models, K = 1..Kmax, many random starts).",
      "Example: candor classes --input scores.csv --id client --time session --score phq9"
          + " --basis log --classes 1-5 --json",
      "--svg/--png draw the chosen classes' curves over the data's times, with their shares.",
      "Classes describe shapes in these data; a client's class is a probability, not a label."
    })
public final class ClassesCommand implements Callable<Integer> {

  /** The seed used when {@code --seed} is not given, so that two runs print the same numbers. */
  public static final long DEFAULT_SEED = 20250901L;

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin LongInputOptions data;

  @Option(names = "--basis", defaultValue = "linear", paramLabel = "BASIS",
      converter = FitCommand.BasisConverter.class,
      description = "linear, log (log(t+1)), quadratic or piecewise:K (knot K); default linear")
  FitCommand.Basis basis;

  @Option(names = "--classes", defaultValue = "1-5", paramLabel = "RANGE",
      converter = RangeConverter.class,
      description = "numbers of classes to fit: K or A-B (default ${DEFAULT-VALUE})")
  Range classes;

  @Option(names = "--model", defaultValue = "lcga", paramLabel = "MODEL",
      converter = ModelConverter.class, completionCandidates = ModelConverter.class,
      description = "lcga (each class one curve, default) or gmm (clients vary around their"
          + " class curve: see --random)")
  Kind model;

  @Option(names = "--random", paramLabel = "PART", converter = RandomConverter.class,
      completionCandidates = RandomConverter.class,
      description = "gmm only: intercept (default) or slope (intercept and slope, correlated)")
  WithinClass random;

  @Option(names = "--residual", defaultValue = "per-class", paramLabel = "WHICH",
      converter = ResidualConverter.class, completionCandidates = ResidualConverter.class,
      description = "residual SD per-class (default) or common")
  ResidualVariance residual;

  @Option(names = "--covariance", paramLabel = "WHICH", converter = CovarianceConverter.class,
      completionCandidates = CovarianceConverter.class,
      description = "gmm only: random-effect covariance per-class (default) or common")
  RandomCovariance covariance;

  @Option(names = "--membership", paramLabel = "COL",
      description = "client-level numeric column that shifts class membership (multinomial"
          + " logit; repeatable)")
  List<String> membership = new ArrayList<>();

  @Option(names = "--instrument", paramLabel = "ID",
      description = "check every score against this instrument's range and resolution (e.g."
          + " PHQ-9); without it any number is accepted")
  String instrument;

  @Option(names = "--starts", defaultValue = "50", paramLabel = "N",
      description = "random starts per K (default ${DEFAULT-VALUE}); each runs 10 EM iterations,"
          + " then the best fifth (--final-starts) run to convergence")
  int starts;

  @Option(names = "--final-starts", paramLabel = "N",
      description = "starts carried on to convergence (default: a fifth of --starts, at least 1)")
  Integer finalStarts;

  @Option(names = "--seed", paramLabel = "S",
      description = "seed of the random starts and the bootstrap (default " + DEFAULT_SEED + ")")
  Long seed;

  @Option(names = "--threads", defaultValue = "1", paramLabel = "T",
      description = "worker threads (default 1); the result does not depend on it")
  int threads;

  @Option(names = "--select", defaultValue = "bic", paramLabel = "CRITERION",
      converter = CriterionConverter.class, completionCandidates = CriterionConverter.class,
      description = "criterion for choosing K: bic (clients; default), aic, sabic, icl or"
          + " bic-rows (flexmix's, n = rows)")
  SelectionCriterion select;

  @Option(names = "--bootstrap", defaultValue = "0", paramLabel = "B",
      description = "parametric bootstrap likelihood-ratio test of each K against K-1 with B"
          + " replicates (default 0: none; each replicate refits both models)")
  int bootstrap;

  @Option(names = "--posteriors", paramLabel = "FILE",
      description = "write every client's class probabilities under the chosen K as CSV"
          + " (id, most likely class, p1..pK); written only if the command succeeds")
  Path posteriors;

  @Mixin OutputOptions output;

  @Mixin ChartOptions chart;

  @Mixin TimingOptions timings;

  /** LCGA or GMM, as the user says it. */
  enum Kind { LCGA, GMM }

  /** A range of numbers of classes. */
  record Range(int min, int max) {}

  /** {@code K} or {@code A-B}, with 1 ≤ A ≤ B. */
  static final class RangeConverter implements CommandLine.ITypeConverter<Range> {
    @Override
    public Range convert(String value) {
      String v = value.strip();
      String[] parts = v.split("-", -1);
      if (parts.length > 2) {
        throw new CommandLine.TypeConversionException("expected K or A-B, e.g. 1-5, but was '"
            + value + "'");
      }
      int a;
      int b;
      try {
        a = Integer.parseInt(parts[0].strip());
        b = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : a;
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("expected K or A-B with whole numbers,"
            + " e.g. 1-5, but was '" + value + "'");
      }
      if (a < 1) {
        throw new CommandLine.TypeConversionException("the number of classes must be at least 1,"
            + " but was '" + value + "'");
      }
      if (a > b) {
        throw new CommandLine.TypeConversionException("the range must run upwards (A <= B, e.g."
            + " 1-5), but was '" + value + "'");
      }
      return new Range(a, b);
    }
  }

  /** {@code lcga} or {@code gmm}. */
  static final class ModelConverter extends CliWords<Kind> {
    ModelConverter() {
      super("lcga", Kind.LCGA, "gmm", Kind.GMM);
    }
  }

  /** {@code intercept} or {@code slope}. */
  static final class RandomConverter extends CliWords<WithinClass> {
    RandomConverter() {
      super("intercept", WithinClass.RANDOM_INTERCEPT, "slope",
          WithinClass.RANDOM_INTERCEPT_SLOPE);
    }
  }

  /** {@code per-class} or {@code common}. */
  static final class ResidualConverter extends CliWords<ResidualVariance> {
    ResidualConverter() {
      super("per-class", ResidualVariance.PER_CLASS, "common", ResidualVariance.COMMON);
    }
  }

  /** {@code per-class} or {@code common}. */
  static final class CovarianceConverter extends CliWords<RandomCovariance> {
    CovarianceConverter() {
      super("per-class", RandomCovariance.PER_CLASS, "common", RandomCovariance.COMMON);
    }
  }

  /** The selection criteria by their option words. */
  static final class CriterionConverter extends CliWords<SelectionCriterion> {
    CriterionConverter() {
      super("bic", SelectionCriterion.BIC, "aic", SelectionCriterion.AIC, "sabic",
          SelectionCriterion.SABIC, "icl", SelectionCriterion.ICL, "bic-rows",
          SelectionCriterion.BIC_ROWS);
    }
  }

  /** The model configuration the options describe. */
  MixtureModel model() {
    if (model == Kind.LCGA && random != null) {
      throw new IllegalArgumentException("--random needs --model gmm: LCGA classes have no"
          + " random effects");
    }
    if (model == Kind.LCGA && covariance != null) {
      throw new IllegalArgumentException("--covariance needs --model gmm: LCGA classes have no"
          + " random-effect covariance");
    }
    MixtureModel m = MixtureModel.withDefaults();
    m = basis.basis() == TimeBasis.PIECEWISE ? m.withPiecewise(basis.knot())
        : m.with(basis.basis());
    m = m.with(model == Kind.LCGA ? WithinClass.NONE
        : random == null ? WithinClass.RANDOM_INTERCEPT : random);
    m = m.with(residual).with(covariance == null ? RandomCovariance.PER_CLASS : covariance);
    m = m.withMembershipCovariates(membership.toArray(new String[0]));
    m = m.withStarts(checkRange("--starts", starts, 1, 100_000))
        .withFinalStarts(finalStarts == null ? Math.max(1, starts / 5)
            : checkRange("--final-starts", finalStarts, 1, starts));
    m = m.withThreads(checkRange("--threads", threads, 1, 256)).with(select)
        .withBootstrapReplicates(checkRange("--bootstrap", bootstrap, 0, 10_000));
    return m;
  }

  private static int checkRange(String option, int value, int lo, int hi) {
    if (value < lo || value > hi) {
      throw new IllegalArgumentException(option + " must be between " + lo + " and " + hi
          + ", was " + value);
    }
    return value;
  }

  @Override
  public Integer call() {
    output.checkFiles();
    chart.checkFiles(output);
    MixtureModel m = model();
    long s = seed == null ? DEFAULT_SEED : seed;
    timings.start();
    Optional<Instrument> scale =
        instrument == null ? Optional.empty() : Optional.of(Instruments.byId(instrument));
    LongTable table = data.read(scale, membership, List.of());
    GrowthData growth = table.toGrowthData();
    table = null; // the growth data hold what the fit needs
    timings.read();
    ClassEnumeration e = m.compare(growth, classes.min(), classes.max(),
        RandomSource.XO_RO_SHI_RO_128_PP.create(s));
    timings.fitted();
    if (posteriors != null) {
      OutputOptions.write(posteriors, posteriorTable(e.selected().posteriors(growth)).text());
    }
    output.emit(spec, new Result(e, m, s, growth.clientCount(), growth.size()));
    DataRange times = DataRange.of(growth.groupedTimes());
    String scoreLabel = scale.map(i -> i.id() + " score").orElse(data.scoreColumn);
    chart.write(style -> picture(scoreLabel, data.timeColumn).with(style).draw(e.selected(), times));
    timings.written(spec.commandLine().getErr());
    return 0;
  }

  /**
   * The chart of the chosen classes: their curves over the data's times, with their shares.
   *
   * @param scoreLabel the score axis (the instrument's, or the score column's name)
   * @param timeLabel the time axis (the time column's name)
   * @return the chart settings
   */
  static ClassCurvesChart picture(String scoreLabel, String timeLabel) {
    return ClassCurvesChart.withDefaults().withScoreLabel(scoreLabel).withTimeLabel(timeLabel);
  }

  /** Every client's class probabilities under a fit: id, most likely class, p1..pK. */
  static CsvTable posteriorTable(ClientPosteriors p) {
    String[] cols = new String[2 + p.classes()];
    cols[0] = "id";
    cols[1] = "class";
    for (int j = 1; j <= p.classes(); j++) {
      cols[1 + j] = "p" + j;
    }
    CsvTable t = new CsvTable(cols);
    for (int c = 0; c < p.clients().size(); c++) {
      Object[] row = new Object[cols.length];
      row[0] = p.clients().get(c);
      row[1] = p.mostLikely(c);
      double[] pr = p.probabilities(c);
      for (int j = 0; j < pr.length; j++) {
        row[2 + j] = pr[j];
      }
      t.row(row);
    }
    return t;
  }

  /** The comparison: text, the {@code ClassEnumeration} document, the per-K table as CSV. */
  record Result(ClassEnumeration enumeration, MixtureModel model, long seed, int clients,
      int observations) implements CliResult {

    @Override
    public void printText(PrintWriter out) {
      MixtureFit first = enumeration.fits().get(0);
      String kind = model.withinClass() == WithinClass.NONE ? "LCGA"
          : "growth mixture, random " + (model.withinClass() == WithinClass.RANDOM_INTERCEPT
              ? "intercept" : "intercept and slope");
      out.println("Latent trajectory classes (" + kind + ", basis "
          + CliText.word(first.model().basis())
          + first.model().knot().stream().mapToObj(k -> " knot " + CliText.number(k))
              .findFirst().orElse("")
          + "; " + CliText.count(clients, "client", "clients") + ", "
          + CliText.count(observations, "observation", "observations") + "; "
          + model.starts() + " random starts per K, seed " + seed + ")");
      out.println(String.format(Locale.ROOT, "  %3s %12s %6s %11s %11s %11s %11s %8s %9s %11s",
          "K", "logLik", "params", "AIC", "BIC", "SABIC", "ICL", "entropy", "smallest",
          "replicated"));
      for (MixtureFit f : enumeration.fits()) {
        out.println(String.format(Locale.ROOT, "  %3d %12s %6d %11s %11s %11s %11s %8s %9s %11s%s",
            f.classes(), CliText.fixed(f.logLik(), 2), f.parameterCount(),
            CliText.fixed(f.aic(), 1), CliText.fixed(f.bic(), 1), CliText.fixed(f.sabic(), 1),
            CliText.fixed(f.icl(), 1), CliText.fixed(f.relativeEntropy()),
            CliText.percent(f.smallestShare()),
            f.bestReplicated() + "/" + f.starts().finalStarts(), f.converged() ? ""
                : "  (not converged)"));
      }
      for (FitFailure f : enumeration.failures()) {
        out.println("  K = " + f.classes() + ": not fitted: " + f.reason());
      }
      for (BootstrapTest b : enumeration.bootstrap()) {
        out.println(String.format(Locale.ROOT, "  bootstrap LRT K = %d vs %d: 2 delta logLik %s,"
            + " p = %s (%d replicates%s)", b.classes(), b.classes() - 1,
            CliText.fixed(b.statistic(), 2), CliText.fixed(b.pValue(), 3), b.replicates(),
            b.failedReplicates() == 0 ? "" : ", " + b.failedReplicates() + " not fitted"));
      }
      MixtureFit chosen = enumeration.selected();
      out.println("Chosen by " + CliText.word(enumeration.criterion()).toUpperCase(Locale.ROOT)
          .replace("BIC-ROWS", "BIC (rows)") + ": K = " + chosen.classes());
      for (int j = 0; j < chosen.classes(); j++) {
        TrajectoryClass c = chosen.model().classes().get(j);
        ClassSummary s = chosen.classSummaries().get(j);
        StringBuilder sb = new StringBuilder("  class " + c.index() + ": "
            + CliText.percent(c.share()) + " of clients (" + s.count() + " most likely);");
        for (TermEstimate te : c.coefficients()) {
          sb.append(' ').append(te.term()).append(' ').append(CliText.fixed(te.estimate()));
        }
        sb.append(", residual SD ").append(CliText.fixed(c.residualSd()));
        c.spread().ifPresent(sp -> {
          sb.append(", intercept SD ").append(CliText.fixed(sp.interceptSd()));
          sp.slopeSd().ifPresent(v -> sb.append(", slope SD ").append(CliText.fixed(v)));
        });
        sb.append(", mean posterior ").append(CliText.fixed(s.avePosterior()));
        out.println(sb);
      }
      for (Degeneracy d : chosen.degeneracies()) {
        out.println("  note (" + CliText.words(d.kind()) + "): " + d.detail());
      }
      out.println("These classes describe shapes of change in these data under the model; a"
          + " client's class is a probability, not a label or a diagnosis.");
    }

    @Override
    public Object json() {
      return enumeration;
    }

    @Override
    public Optional<CsvTable> table() {
      CsvTable t = new CsvTable("k", "logLik", "parameters", "aic", "bic", "bicRows", "sabic",
          "icl", "entropy", "smallestShare", "smallestCount", "converged", "bestReplicated");
      for (MixtureFit f : enumeration.fits()) {
        t.row(f.classes(), f.logLik(), f.parameterCount(), f.aic(), f.bic(), f.bicRows(),
            f.sabic(), f.icl(), f.relativeEntropy(), f.smallestShare(), f.smallestCount(),
            f.converged(), f.bestReplicated());
      }
      return Optional.of(t);
    }
  }
}
