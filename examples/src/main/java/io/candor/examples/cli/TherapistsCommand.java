package io.candor.examples.cli;

import io.candor.charts.FunnelChart;
import io.candor.json.LongCsv;
import io.candor.json.LongTable;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.model.therapist.CaseMixFunnel;
import io.candor.model.therapist.ControlLimits;
import io.candor.model.therapist.FunnelFit;
import io.candor.model.therapist.FunnelOutcome;
import io.candor.model.therapist.IccInterval;
import io.candor.model.therapist.Overdispersion;
import io.candor.model.therapist.TherapistComparison;
import io.candor.model.therapist.TherapistData;
import io.candor.model.therapist.TherapistEffects;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.commons.rng.simple.RandomSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor therapists}: compares therapists fairly on a CSV with one row per client (therapist,
 * client, intake and end scores, optional case-mix covariates): a case-mix-adjusted funnel of
 * recovery, reliable improvement or deterioration, and therapist effects on end scores (ICC, shrunken
 * effects, rank intervals). Support for reflection, never a league table.
 */
@Command(
    name = "therapists",
    mixinStandardHelpOptions = true,
    description = {
      "Compare therapists fairly: case-mix-adjusted funnel plot and therapist effects (ICC,"
          + " shrunken effects, rank intervals). Support, never a league table.",
      "Input: one row per client with therapist, client id, intake (pre) and end (post) scores.",
      "Example: candor therapists --input clients.csv --therapist therapist --id client"
          + " --pre phq9_first --post phq9_last --instrument PHQ-9 --covariate age --json"
    })
public final class TherapistsCommand implements Callable<Integer> {

  /** The seed used when {@code --seed} is not given, so that two runs print the same numbers. */
  static final long DEFAULT_SEED = 20250110L;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "CSV file, one row per client")
  Path input;

  @Option(names = "--therapist", required = true, paramLabel = "COL",
      description = "therapist column")
  String therapist;

  @Option(names = "--id", required = true, paramLabel = "COL", description = "client-id column")
  String id;

  @Option(names = "--pre", required = true, paramLabel = "COL",
      description = "intake score column")
  String pre;

  @Option(names = "--post", required = true, paramLabel = "COL",
      description = "end-of-treatment score column")
  String post;

  @Option(names = "--instrument", required = true, paramLabel = "ID",
      description = "instrument of both scores (PHQ-9, GAD-7, CORE-10, ...): its caseness cutoff"
          + " and reliable-change threshold define the outcomes")
  String instrument;

  @Option(names = "--covariate", paramLabel = "COL",
      description = "numeric case-mix column used by both models besides the intake score"
          + " (repeatable)")
  List<String> covariates = new ArrayList<>();

  @Option(names = "--outcome", defaultValue = "recovery", paramLabel = "OUTCOME",
      description = "recovery (cases at caseness at intake; Talking Therapies rule),"
          + " reliable-improvement or deterioration; default recovery")
  String outcome;

  @Option(names = "--overdispersion", defaultValue = "none", paramLabel = "METHOD",
      description = "widen the funnel limits for over-dispersion: none (default),"
          + " multiplicative (phi) or additive (tau2, DerSimonian-Laird)")
  String overdispersion;

  @Option(names = "--limits", defaultValue = "normal", paramLabel = "KIND",
      description = "normal (default; p0 +/- z sqrt(p0(1-p0)/n)) or exact (binomial)")
  String limits;

  @Option(names = "--icc-interval", defaultValue = "profile", paramLabel = "METHOD",
      description = "profile (likelihood, default) or bootstrap (parametric)")
  String iccInterval;

  @Option(names = "--replicates", defaultValue = "1000", paramLabel = "N",
      description = "bootstrap replicates for --icc-interval bootstrap (20-100000; default 1000)")
  int replicates;

  @Option(names = "--seed", paramLabel = "S",
      description = "seed of the rank-interval draws and the bootstrap (default "
          + DEFAULT_SEED + ")")
  Long seed;

  @Mixin OutputOptions output;

  @Mixin ChartOptions chart;

  @Override
  public Integer call() {
    output.checkFiles();
    chart.checkFiles(output);
    Instrument scale = Instruments.byId(instrument);
    CaseMixFunnel funnel = CaseMixFunnel.withDefaults()
        .with(FunnelOutcome.parse(outcome))
        .with(Overdispersion.parse(overdispersion))
        .with(ControlLimits.parse(limits))
        .withCovariates(covariates.toArray(new String[0]));
    TherapistEffects effects = TherapistEffects.withDefaults()
        .with(IccInterval.parse(iccInterval))
        .withReplicates(replicates)
        .withCovariates(covariates.toArray(new String[0]));
    // one row per client: the long-format reader with the intake score in the time column
    LongTable table = LongCsv.withDefaults().withInstrument(scale).read(input,
        LongCsv.columns(id, pre, post).withCovariates(covariates.toArray(new String[0]))
            .withAttributes(therapist));
    if (table.size() == 0) {
      throw new IllegalArgumentException(input + " has a header but no rows");
    }
    for (int i = 0; i < table.size(); i++) {
      try {
        scale.checkRecordedScore("score", table.timeAt(i));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(table.source() + " line " + table.lineAt(i) + ", column "
            + pre + ": " + e.getMessage(), e);
      }
    }
    String[] therapists = table.attribute(therapist);
    checkOneRowPerClient(table, therapists);
    TherapistData data = TherapistData.of(scale, therapists, table.ids(), table.times(),
        table.scores());
    for (String c : covariates) {
      data = data.withCovariate(c, table.covariate(c));
    }
    long s = seed == null ? DEFAULT_SEED : seed;
    // TherapistComparison.compare's two fits, kept apart so that the funnel can be drawn
    FunnelFit fitted = funnel.fit(data);
    TherapistComparison comparison = TherapistComparison.of(fitted,
        effects.fit(data, RandomSource.XO_RO_SHI_RO_128_PP.create(s)));
    output.emit(spec, new Result(comparison, s));
    chart.write(style -> FunnelChart.withDefaults().with(style).draw(fitted));
    return 0;
  }

  /**
   * A comparison: its text report (with the seed of the rank draws), the
   * {@code TherapistComparison} document, and one table row per therapist.
   */
  record Result(TherapistComparison comparison, long seed) implements CliResult {

    @Override
    public void printText(PrintWriter out) {
      out.print(comparison.toText());
      out.println("Rank intervals drawn with seed " + seed + ".");
    }

    @Override
    public Object json() {
      return comparison;
    }

    @Override
    public Optional<CsvTable> table() {
      CsvTable t = new CsvTable("therapist", "n", "observed", "expected", "adjusted", "lower95",
          "upper95", "lower998", "upper998", "position", "clients", "effect", "effectSd",
          "reliability", "rankLower", "rankUpper");
      for (TherapistComparison.Row r : comparison.therapists()) {
        t.row(r.therapist(), r.n(), r.observed(), r.expected(), r.adjusted(), r.lower95(),
            r.upper95(), r.lower998(), r.upper998(), r.position(), r.clients(), r.effect(),
            r.effectSd(), r.reliability(), r.rankLower(), r.rankUpper());
      }
      return Optional.of(t);
    }
  }

  /**
   * One row per client, and a client under one therapist; the message names both CSV lines.
   */
  private void checkOneRowPerClient(LongTable table, String[] therapists) {
    Map<String, Integer> first = new HashMap<>();
    String[] ids = table.ids();
    for (int i = 0; i < ids.length; i++) {
      Integer f = first.putIfAbsent(ids[i], i);
      if (f == null) {
        continue;
      }
      String where = table.source() + " line " + table.lineAt(i) + ", column " + id + ": ";
      if (therapists[f].equals(therapists[i])) {
        throw new IllegalArgumentException(where + "client " + ids[i] + " appears again (first"
            + " on line " + table.lineAt(f) + "); give one row per client with its intake and"
            + " end scores");
      }
      throw new IllegalArgumentException(where + "client " + ids[i] + " is listed under two"
          + " therapists: " + therapists[f] + " (line " + table.lineAt(f) + ") and "
          + therapists[i] + " (here); a client must belong to one therapist (give the client a"
          + " different id under each therapist if these are different people)");
    }
  }
}
