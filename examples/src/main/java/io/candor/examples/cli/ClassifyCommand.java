package io.candor.examples.cli;

import io.candor.change.ChangeCategory;
import io.candor.change.ChangeContext;
import io.candor.change.Classification;
import io.candor.change.ClinicalChange;
import io.candor.change.ClinicalCutoff;
import io.candor.change.ClinicalEvents;
import io.candor.change.CriterionClassification;
import io.candor.change.CutoffType;
import io.candor.change.MethodComparison;
import io.candor.change.MethodCounts;
import io.candor.change.PairedMeasures;
import io.candor.change.PrePost;
import io.candor.change.Rate;
import io.candor.change.ReferenceStatistics;
import io.candor.change.ReliableChange;
import io.candor.change.ReliableChangeMethod;
import io.candor.change.TalkingTherapies;
import io.candor.change.TalkingTherapiesRates;
import io.candor.domain.ClientId;
import io.candor.domain.Trajectory;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor classify}: one client's pre and post score, or every client's first and last score
 * in a long-format CSV, classified by the instrument's own reliable-change criterion and by every
 * reliable-change method, with the reliable-change index, the threshold, the cutoff and the sources
 * used. Exits 1 when nothing could be classified (the report says what is missing).
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Classify change (pre -> post) by the instrument's own reliable-change criterion and under"
          + " every reliable-change method: recovered, improved, unchanged, deteriorated or harmed.",
      "One client: --pre and --post. Many: --input FILE --id COL --time COL --score COL (first"
          + " against last score of each client, with the method comparison; --paired-score and"
          + " --paired-instrument add NHS Talking Therapies metrics).",
      "Exits 1 when nothing could be classified. Describes measured change on one questionnaire;"
          + " it is not a diagnosis."
    })
public final class ClassifyCommand implements Callable<Integer> {

  /** Exit status when no verdict could be computed from what was given. */
  static final int NOTHING_CLASSIFIED = 1;

  @Spec CommandSpec spec;

  @Option(names = "--instrument", required = true, description = "instrument id, e.g. PHQ-9")
  String instrument;

  @Option(names = "--pre", description = "pre-treatment score (one client)")
  Double pre;

  @Option(names = "--post", description = "post-treatment score (one client)")
  Double post;

  @ArgGroup(exclusive = false, multiplicity = "0..1",
      heading = "Many clients: long-format CSV, first against last score of each client%n")
  LongInputOptions data;

  @Option(names = "--paired-score", paramLabel = "COL",
      description = "score column of the paired measure (e.g. GAD-7 with PHQ-9), for the NHS Talking"
          + " Therapies metrics (with --input)")
  String pairedColumn;

  @Option(names = "--paired-instrument", paramLabel = "ID",
      description = "instrument of --paired-score, e.g. GAD-7")
  String pairedInstrument;

  @Option(names = "--cutoff", description = "cutoff type: a, b, c or caseness (default: c when"
      + " the instrument has clinical and functional norms, else caseness)")
  String cutoff;

  @Option(names = "--cohort", description = "cohort statistics preMean,preSd,postMean,postSd,"
      + "correlation,n (enables Hsu-Linn-Lord and Hageman-Arrindell; one client)")
  String cohort;

  @Option(names = "--significance", paramLabel = "ALPHA",
      description = "critical values from this significance level with exact normal quantiles"
          + " (two-tailed; Hageman-Arrindell one-tailed), as the clinicalsignificance R package;"
          + " default: each method's published value (1.96; EN 2; HA 1.65)")
  Double significance;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    output.checkFiles();
    Instrument ins = Instruments.byId(instrument);
    boolean batch = data != null;
    if (batch == (pre != null || post != null)) {
      throw new IllegalArgumentException(batch
          ? "--pre/--post classify one client and --input a file; give one or the other"
          : "give --pre and --post (one client) or --input FILE --id COL --time COL --score COL");
    }
    ChangeContext context = ChangeContext.of(ins);
    if (cohort != null) {
      if (batch) {
        throw new IllegalArgumentException("--cohort is for one client; with --input the cohort"
            + " statistics come from the file");
      }
      context = context.withCohort(parseCohort(cohort));
    }
    if (cutoff != null) {
      context = context.with(CutoffType.parse(cutoff));
    }
    if (significance != null) {
      context = context.withSignificance(significance);
    }
    int status = batch ? batch(ins, context) : single(ins, context);
    if (status == NOTHING_CLASSIFIED) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("candor: nothing could be classified on " + ins.id() + ": "
          + ClinicalEvents.of(ins).missingThreshold().orElse("") + ", and every method needs the"
          + " clinical mean and SD; give cohort statistics with --cohort (or classify a file"
          + " with --input)");
      err.flush();
    }
    return status;
  }

  private int single(Instrument ins, ChangeContext context) {
    if (pre == null || post == null) {
      throw new IllegalArgumentException("give both --pre and --post");
    }
    if (pairedColumn != null || pairedInstrument != null) {
      throw new IllegalArgumentException("--paired-score and --paired-instrument go with --input");
    }
    ins.checkScore("--pre", pre);
    ins.checkScore("--post", post);
    context.missingCutoffInputs().ifPresent(m -> {
      throw new IllegalArgumentException(m);
    });
    output.emit(spec, new Single(context, pre, post));
    return classified(context) ? 0 : NOTHING_CLASSIFIED;
  }

  /** One client's change under the criterion and every method, in each output format. */
  record Single(ChangeContext context, double pre, double post) implements CliResult {

    @Override
    public void printText(PrintWriter out) {
      ClassifyCommand.printText(out, context, pre, post);
    }

    @Override
    public Object json() {
      return result(context, pre, post);
    }

    @Override
    public Optional<CsvTable> table() {
      CsvTable t = new CsvTable("method", "abbreviation", "available", "index", "criticalValue",
          "threshold", "expectedPost", "lower", "upper", "improved", "deteriorated", "cutoff",
          "category", "reason");
      ClassifyResult r = result(context, pre, post);
      r.criterion().ifPresent(k -> t.row("CRITERION", "criterion", true, null, null,
          k.threshold().value(), null, null, null, k.improved(), k.deteriorated(),
          k.cutoff().value(), k.category(), null));
      if (r.criterion().isEmpty()) {
        t.row("CRITERION", "criterion", false, null, null, null, null, null, null, null, null,
            null, null, ClinicalEvents.of(context.instrument()).missingThreshold());
      }
      for (ClassifyResult.MethodResult m : r.methods()) {
        Optional<ReliableChange> rc = m.classification().map(Classification::reliableChange);
        t.row(m.method(), m.abbreviation(), m.classification().isPresent(),
            rc.map(ReliableChange::index), rc.map(ReliableChange::criticalValue),
            rc.map(ReliableChange::threshold), rc.map(ReliableChange::expectedPost),
            rc.map(ReliableChange::lower), rc.map(ReliableChange::upper),
            rc.map(ReliableChange::improved), rc.map(ReliableChange::deteriorated),
            m.classification().map(c -> c.cutoff().value()),
            m.classification().map(Classification::category), m.notAvailable());
      }
      return Optional.of(t);
    }
  }

  /** Whether the criterion or at least one method gives a verdict in this context. */
  static boolean classified(ChangeContext c) {
    if (ClinicalEvents.of(c.instrument()).reliableChangeThreshold().isPresent()) {
      return true;
    }
    for (ReliableChangeMethod m : ReliableChangeMethod.values()) {
      if (m.missingInputs(c).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static ReferenceStatistics parseCohort(String text) {
    String[] parts = text.split(",");
    if (parts.length != 6) {
      throw new IllegalArgumentException(
          "--cohort needs 6 comma-separated values preMean,preSd,postMean,postSd,correlation,n;"
              + " was " + CliText.quote(text));
    }
    String[] names = {"preMean", "preSd", "postMean", "postSd", "correlation", "n"};
    double[] v = new double[5];
    for (int i = 0; i < 5; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--cohort " + names[i] + " must be a number, was " + CliText.quote(parts[i].trim()), e);
      }
    }
    int n;
    try {
      n = Integer.parseInt(parts[5].trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--cohort n must be a whole number, was " + CliText.quote(parts[5].trim()), e);
    }
    try {
      return new ReferenceStatistics(v[0], v[1], v[2], v[3], v[4], n);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--cohort " + e.getMessage(), e);
    }
  }

  private static Optional<CriterionClassification> criterion(ChangeContext c, double pre,
      double post) {
    return ClinicalEvents.of(c.instrument()).reliableChangeThreshold().isPresent()
        ? Optional.of(ClinicalChange.classifyByCriterion(pre, post, c)) : Optional.empty();
  }

  static void printText(PrintWriter out, ChangeContext c, double pre, double post) {
    Instrument ins = c.instrument();
    out.printf(Locale.ROOT, "%s (%s): pre %s -> post %s (%s)%n", ins.id(), ins.name(),
        CliText.compact(pre), CliText.compact(post), ins.direction() == Direction.HIGHER_IS_WORSE
            ? "lower is better" : "higher is better");
    ClinicalCutoff cut = ClinicalCutoff.of(c);
    out.printf(Locale.ROOT, "Cutoff %s = %s (Hageman-Arrindell uses its true-score variant)%n",
        CliText.word(cut.type()), CliText.compact(cut.value()));
    out.println();
    Optional<CriterionClassification> cc = criterion(c, pre, post);
    if (cc.isPresent()) {
      CriterionClassification k = cc.get();
      out.printf(Locale.ROOT, "By %s's own criterion (a change of at least %s points [%s]):%n"
              + "  change %s points: %s; category %s%n", ins.id(), CliText.compact(k.threshold().value()),
          CliText.source(k.threshold()), CliText.compact(k.improvement()),
          k.improved() ? "reliable improvement" : k.deteriorated() ? "reliable deterioration"
              : "no reliable change", CliText.word(k.category()));
    } else {
      out.println("By " + ins.id() + "'s own criterion: not available: "
          + ClinicalEvents.of(ins).missingThreshold().orElseThrow());
    }
    out.println();
    out.printf(Locale.ROOT, "%-5s %8s %6s %-28s %-13s %s%n", "", "index", "crit",
        "no-change interval for post", "reliable?", "category");
    for (ReliableChangeMethod m : ReliableChangeMethod.values()) {
      Optional<String> missing = m.missingInputs(c);
      if (missing.isPresent()) {
        out.printf(Locale.ROOT, "%-5s not available: %s%n", m.abbreviation(), missing.get());
        continue;
      }
      Classification cl = ClinicalChange.classify(m, pre, post, c);
      ReliableChange rc = cl.reliableChange();
      out.printf(Locale.ROOT, "%-5s %8s %6s %-28s %-13s %s%n", m.abbreviation(), CliText.compact(rc.index()),
          CliText.compact(rc.criticalValue()), "[" + CliText.compact(rc.lower()) + ", " + CliText.compact(rc.upper()) + "]",
          rc.improved() ? "improved" : rc.deteriorated() ? "deteriorated" : "no",
          CliText.word(cl.category()));
    }
    out.println();
    printSources(out, c);
  }

  private static void printSources(PrintWriter out, ChangeContext c) {
    out.println("Sources:");
    for (String s : c.sources()) {
      out.println("  - " + s);
    }
    for (ReliableChangeMethod m : ReliableChangeMethod.values()) {
      out.println("  - " + m.abbreviation() + ": " + m.citation());
    }
    out.println("  - categories: " + io.candor.evidence.Citations.CLAUS_2024.shortForm());
    out.println("Reliable change means the change is larger than measurement error would"
        + " plausibly produce; it describes scores, not a diagnosis.");
  }

  static ClassifyResult result(ChangeContext c, double pre, double post) {
    List<ClassifyResult.MethodResult> methods = new ArrayList<>();
    for (ReliableChangeMethod m : ReliableChangeMethod.values()) {
      Optional<String> missing = m.missingInputs(c);
      methods.add(new ClassifyResult.MethodResult(m, m.abbreviation(), m.needsCohort(),
          missing.isPresent() ? Optional.empty() : Optional.of(ClinicalChange.classify(m, pre, post, c)),
          missing, m.citation()));
    }
    List<String> sources = new ArrayList<>(c.sources());
    sources.add(io.candor.evidence.Citations.CLAUS_2024.toString());
    return new ClassifyResult(c.instrument(), pre, post, c.instrument().direction(),
        classified(c), ClinicalCutoff.of(c), c.instrument().reliableChange(),
        criterion(c, pre, post), ClinicalEvents.of(c.instrument()).missingThreshold(), methods,
        sources);
  }

  // ---------------------------------------------------------------- batch

  /** One client's first and last score and what each way of judging it says. */
  private record Row(PrePost pair, int observations, Optional<CriterionClassification> criterion,
      Map<ReliableChangeMethod, ChangeCategory> methods) {}

  private int batch(Instrument ins, ChangeContext context) {
    if ((pairedColumn == null) != (pairedInstrument == null)) {
      throw new IllegalArgumentException("--paired-score and --paired-instrument go together");
    }
    List<Trajectory> trajectories =
        data.read(Optional.of(ins), List.of(), List.of()).toCohort(ins).trajectories();
    List<PrePost> pairs = new ArrayList<>();
    Map<ClientId, Integer> counts = new LinkedHashMap<>();
    for (Trajectory t : trajectories) {
      if (t.size() >= 2) {
        pairs.add(PrePost.of(t));
        counts.put(t.client(), t.size());
      }
    }
    int leftOut = trajectories.size() - pairs.size();
    if (pairs.size() < 2) {
      throw new IllegalArgumentException(data.input + ": "
          + CliText.count(pairs.size(), "client", "clients")
          + " with two or more scores; the method comparison needs at least 2");
    }
    ReferenceStatistics stats = ReferenceStatistics.of(PrePost.pres(pairs), PrePost.posts(pairs));
    ChangeContext c = context.withCohort(stats);
    c.missingCutoffInputs().ifPresent(m -> {
      throw new IllegalArgumentException(m);
    });
    MethodComparison comparison = ClinicalChange.compare(c, pairs);
    List<Row> rows = new ArrayList<>();
    for (PrePost p : pairs) {
      Map<ReliableChangeMethod, ChangeCategory> cats = new EnumMap<>(ReliableChangeMethod.class);
      for (MethodCounts mc : comparison.rows()) {
        cats.put(mc.method(), ClinicalChange.classify(mc.method(), p.pre(), p.post(), c).category());
      }
      rows.add(new Row(p, counts.get(p.client()), criterion(c, p.pre(), p.post()), cats));
    }
    Optional<TalkingTherapiesRates> tt = talkingTherapies(ins, pairs, counts);
    output.emit(spec, new Batch(c, comparison, rows, leftOut, tt));
    boolean any = !comparison.rows().isEmpty() || rows.stream().anyMatch(r -> r.criterion().isPresent());
    return any ? 0 : NOTHING_CLASSIFIED;
  }

  /**
   * Talking Therapies rates on the paired measure; treatment contacts are the client's scored
   * sessions on the main measure (every row is taken as an attended contact).
   */
  private Optional<TalkingTherapiesRates> talkingTherapies(Instrument ins, List<PrePost> pairs,
      Map<ClientId, Integer> counts) {
    if (pairedColumn == null) {
      return Optional.empty();
    }
    Instrument other = Instruments.byId(pairedInstrument);
    Map<ClientId, Trajectory> second = new LinkedHashMap<>();
    for (Trajectory t : data.read(pairedColumn, Optional.of(other), List.of(), List.of())
        .toCohort(other).trajectories()) {
      second.put(t.client(), t);
    }
    List<PairedMeasures> episodes = new ArrayList<>();
    for (PrePost p : pairs) {
      Trajectory t = second.get(p.client());
      if (t == null) {
        throw new IllegalArgumentException(data.input + ": client " + p.client() + " has "
            + data.scoreColumn + " scores but no " + pairedColumn + " score");
      }
      episodes.add(new PairedMeasures(ins, p.pre(), p.post(), other, t.first().score(),
          t.last().score(), counts.get(p.client())));
    }
    return Optional.of(TalkingTherapies.rates(episodes));
  }

  private static final List<ChangeCategory> CATEGORIES = List.of(ChangeCategory.values());

  private static String categoryCounts(List<ChangeCategory> cats) {
    StringBuilder sb = new StringBuilder();
    for (ChangeCategory k : CATEGORIES) {
      sb.append(String.format(Locale.ROOT, " %12d", cats.stream().filter(k::equals).count()));
    }
    return sb.toString();
  }

  private static void printBatch(PrintWriter out, ChangeContext c, MethodComparison comparison,
      List<Row> rows, int leftOut, Optional<TalkingTherapiesRates> tt) {
    Instrument ins = c.instrument();
    ReferenceStatistics s = comparison.statistics();
    out.printf(Locale.ROOT, "Change on %s from each client's first to last score: %d clients%s%n",
        ins.id(), comparison.n(), leftOut == 0 ? ""
            : " (" + leftOut + " with a single score left out)");
    out.printf(Locale.ROOT, "Cohort statistics from these clients: pre mean %.2f (SD %.2f), post"
        + " mean %.2f (SD %.2f), r = %.2f%n", s.preMean(), s.preSd(), s.postMean(), s.postSd(),
        s.correlation());
    out.printf(Locale.ROOT, "Cutoff %s = %s (Hageman-Arrindell uses its true-score variant)%n",
        CliText.word(comparison.cutoffType()), CliText.compact(ClinicalCutoff.of(c).value()));
    out.println();
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-10s", ""));
    for (ChangeCategory k : CATEGORIES) {
      head.append(String.format(Locale.ROOT, " %12s", CliText.word(k)));
    }
    out.println(head);
    if (rows.get(0).criterion().isPresent()) {
      out.println(String.format(Locale.ROOT, "%-10s", "criterion") + categoryCounts(
          rows.stream().map(r -> r.criterion().orElseThrow().category()).toList()));
    }
    for (MethodCounts m : comparison.rows()) {
      out.printf(Locale.ROOT, "%-10s %12d %12d %12d %12d %12d%n", m.method().abbreviation(),
          m.recovered(), m.improved(), m.unchanged(), m.deteriorated(), m.harmed());
    }
    for (String note : comparison.notes()) {
      out.println("  " + note);
    }
    out.println("criterion: " + rows.get(0).criterion().map(k -> ins.id()
            + "'s own threshold " + k.threshold())
        .orElse(ClinicalEvents.of(ins).missingThreshold().orElse("")));
    out.println("The verdict for the same client can depend on the method.");
    tt.ifPresent(r -> {
      out.println();
      out.printf(Locale.ROOT, "NHS Talking Therapies metrics (%d of %d finished treatment, %d at"
          + " caseness):%n", r.finishedTreatment(), r.episodes(), r.caseAtStart());
      out.println("  recovery               " + r.recovery().map(Rate::toString).orElse("n/a"));
      out.println("  reliable improvement   " + r.reliableImprovement().map(Rate::toString).orElse("n/a"));
      out.println("  reliable recovery      " + r.reliableRecovery().map(Rate::toString).orElse("n/a"));
      out.println("  reliable deterioration " + r.reliableDeterioration().map(Rate::toString).orElse("n/a"));
    });
    out.println();
    out.println("Per client (write them all with --csv FILE):");
    StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-12s %6s %6s %-10s", "client",
        "pre", "post", "criterion"));
    comparison.rows().forEach(m -> h.append(String.format(Locale.ROOT, " %-12s",
        m.method().abbreviation())));
    out.println(h);
    for (Row r : rows.subList(0, Math.min(rows.size(), 20))) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s %6s %6s %-10s",
          r.pair().client().value(), CliText.compact(r.pair().pre()), CliText.compact(r.pair().post()),
          r.criterion().map(k -> CliText.word(k.category())).orElse("-")));
      r.methods().values().forEach(k -> line.append(String.format(Locale.ROOT, " %-12s", CliText.word(k))));
      out.println(line);
    }
    if (rows.size() > 20) {
      out.println("  ... " + (rows.size() - 20) + " more");
    }
    out.println();
    printSources(out, c);
  }

  /** Every client's change and the method comparison, in each output format. */
  private record Batch(ChangeContext context, MethodComparison comparison, List<Row> rows,
      int leftOut, Optional<TalkingTherapiesRates> talkingTherapies) implements CliResult {

    @Override
    public void printText(PrintWriter out) {
      printBatch(out, context, comparison, rows, leftOut, talkingTherapies);
    }

    @Override
    public Object json() {
      List<ClassifyBatchResult.Client> clients = new ArrayList<>();
      for (Row r : rows) {
        clients.add(new ClassifyBatchResult.Client(r.pair().client(), r.pair().pre(),
            r.pair().post(), r.observations(), r.criterion().map(CriterionClassification::category),
            r.methods()));
      }
      return new ClassifyBatchResult(context.instrument(), comparison.n(), leftOut,
          rows.get(0).criterion().map(CriterionClassification::threshold),
          ClinicalEvents.of(context.instrument()).missingThreshold(),
          ClinicalCutoff.of(context), comparison, talkingTherapies, clients);
    }

    @Override
    public Optional<CsvTable> table() {
      List<String> columns = new ArrayList<>(List.of("client", "pre", "post", "observations",
          "criterion"));
      comparison.rows().forEach(m -> columns.add(m.method().abbreviation()));
      CsvTable t = new CsvTable(columns.toArray(String[]::new));
      for (Row r : rows) {
        List<Object> cells = new ArrayList<>(List.of(r.pair().client().value(), r.pair().pre(),
            r.pair().post(), r.observations()));
        cells.add(r.criterion().map(CriterionClassification::category));
        cells.addAll(r.methods().values());
        t.row(cells.toArray());
      }
      return Optional.of(t);
    }
  }

  // ---------------------------------------------------------------- demo

  /** One example client: PHQ-9 and GAD-7 first and last scores and treatment contacts. */
  private record Example(String id, int phqFirst, int phqLast, int gadFirst, int gadLast, int contacts) {}

  /** A small invented data set (not real clients) for the demo. */
  private static final List<Example> EXAMPLES = List.of(
      new Example("A", 18, 9, 14, 7, 8),
      new Example("B", 22, 20, 17, 16, 10),
      new Example("C", 14, 4, 12, 3, 6),
      new Example("D", 11, 12, 9, 9, 4),
      new Example("E", 6, 14, 5, 11, 5),
      new Example("F", 25, 12, 18, 9, 12),
      new Example("G", 16, 10, 13, 8, 7),
      new Example("H", 19, 6, 15, 5, 9),
      new Example("I", 13, 13, 10, 12, 3),
      new Example("J", 20, 15, 16, 10, 1),
      new Example("K", 9, 3, 11, 6, 4),
      new Example("L", 17, 7, 8, 4, 6));

  /**
   * Prints the change-classification part of {@code candor demo}: a dozen invented clients' PHQ-9
   * scores classified by every method, the method-comparison counts, and NHS Talking Therapies
   * rates (PHQ-9 with GAD-7) with Wilson 95 % intervals.
   *
   * @param out where the section is printed
   */
  public static void demoSection(PrintWriter out) {
    double[] pre = EXAMPLES.stream().mapToDouble(Example::phqFirst).toArray();
    double[] post = EXAMPLES.stream().mapToDouble(Example::phqLast).toArray();
    ChangeContext c = ChangeContext.ofCohort(Instruments.PHQ9, ReferenceStatistics.of(pre, post));
    out.println("Change on PHQ-9 for 12 invented clients, classified by six reliable-change methods");
    out.printf(Locale.ROOT, "(cohort statistics from these clients; cutoff %s = %s)%n",
        CliText.word(c.cutoffType()), CliText.compact(ClinicalCutoff.of(c).value()));
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-7s %4s %5s", "client", "pre", "post"));
    for (ReliableChangeMethod m : ReliableChangeMethod.values()) {
      head.append(String.format(Locale.ROOT, " %-13s", m.abbreviation()));
    }
    out.println(head);
    for (Example e : EXAMPLES) {
      StringBuilder row = new StringBuilder(
          String.format(Locale.ROOT, "%-7s %4d %5d", e.id(), e.phqFirst(), e.phqLast()));
      for (ReliableChangeMethod m : ReliableChangeMethod.values()) {
        ChangeCategory cat = ClinicalChange.classify(m, e.phqFirst(), e.phqLast(), c).category();
        row.append(String.format(Locale.ROOT, " %-13s", CliText.word(cat)));
      }
      out.println(row);
    }
    MethodComparison table = ClinicalChange.compare(c, pre, post);
    out.println();
    out.printf(Locale.ROOT, "%-5s %9s %8s %9s %12s %6s%n", "", "recovered", "improved",
        "unchanged", "deteriorated", "harmed");
    for (MethodCounts row : table.rows()) {
      out.printf(Locale.ROOT, "%-5s %9d %8d %9d %12d %6d%n", row.method().abbreviation(),
          row.recovered(), row.improved(), row.unchanged(), row.deteriorated(), row.harmed());
    }
    out.println("The verdict for the same client can depend on the method.");
    List<PairedMeasures> episodes = new ArrayList<>();
    for (Example e : EXAMPLES) {
      episodes.add(new PairedMeasures(Instruments.PHQ9, e.phqFirst(), e.phqLast(), Instruments.GAD7,
          e.gadFirst(), e.gadLast(), e.contacts()));
    }
    TalkingTherapiesRates r = TalkingTherapies.rates(episodes);
    out.println();
    out.printf(Locale.ROOT,
        "NHS Talking Therapies metrics (PHQ-9 with GAD-7; %d of %d finished treatment, %d at"
            + " caseness):%n", r.finishedTreatment(), r.episodes(), r.caseAtStart());
    out.println("  recovery               " + r.recovery().map(Rate::toString).orElse("n/a"));
    out.println("  reliable improvement   " + r.reliableImprovement().map(Rate::toString).orElse("n/a"));
    out.println("  reliable recovery      " + r.reliableRecovery().map(Rate::toString).orElse("n/a"));
    out.println("  reliable deterioration " + r.reliableDeterioration().map(Rate::toString).orElse("n/a"));
    out.println("With so few clients the intervals are wide: a rate from 12 people says little.");
    out.flush();
  }
}
