package io.candor.examples.cli;

import io.candor.change.ChangeCategory;
import io.candor.change.ChangeContext;
import io.candor.change.Classification;
import io.candor.change.ClinicalChange;
import io.candor.change.ClinicalCutoff;
import io.candor.change.CutoffType;
import io.candor.change.MethodComparison;
import io.candor.change.MethodCounts;
import io.candor.change.PairedMeasures;
import io.candor.change.Rate;
import io.candor.change.ReferenceStatistics;
import io.candor.change.ReliableChange;
import io.candor.change.ReliableChangeMethod;
import io.candor.change.TalkingTherapies;
import io.candor.change.TalkingTherapiesRates;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code candor classify}: one client's pre and post score classified by every reliable-change
 * method, with the reliable-change index, the threshold, the cutoff and the sources used.
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Classify one client's change (pre -> post) under every reliable-change method:"
          + " recovered, improved, unchanged, deteriorated or harmed.",
      "Describes measured change on one questionnaire; it is not a diagnosis."
    })
public final class ClassifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--instrument", required = true, description = "instrument id, e.g. PHQ-9")
  String instrument;

  @Option(names = "--pre", required = true, description = "pre-treatment score")
  double pre;

  @Option(names = "--post", required = true, description = "post-treatment score")
  double post;

  @Option(names = "--cutoff", description = "cutoff type: a, b, c or caseness (default: c when"
      + " the instrument has clinical and functional norms, else caseness)")
  String cutoff;

  @Option(names = "--cohort", description = "cohort statistics preMean,preSd,postMean,postSd,"
      + "correlation,n (enables Hsu-Linn-Lord and Hageman-Arrindell)")
  String cohort;

  @Option(names = "--json", description = "print JSON")
  boolean json;

  @Override
  public Integer call() {
    Instrument ins = Instruments.byId(instrument);
    ChangeContext context = ChangeContext.of(ins);
    if (cohort != null) {
      context = context.withCohort(parseCohort(cohort));
    }
    if (cutoff != null) {
      context = context.with(CutoffType.parse(cutoff));
    }
    ins.checkScore("--pre", pre);
    ins.checkScore("--post", post);
    // fail early (exit 2) when the cutoff cannot be computed for this instrument
    try {
      ClinicalCutoff.of(context);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(context, pre, post));
    } else {
      printText(out, context, pre, post);
    }
    out.flush();
    return 0;
  }

  private static ReferenceStatistics parseCohort(String text) {
    String[] parts = text.split(",");
    if (parts.length != 6) {
      throw new IllegalArgumentException(
          "--cohort needs 6 comma-separated values preMean,preSd,postMean,postSd,correlation,n;"
              + " was \"" + text + "\"");
    }
    String[] names = {"preMean", "preSd", "postMean", "postSd", "correlation", "n"};
    double[] v = new double[5];
    for (int i = 0; i < 5; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--cohort " + names[i] + " must be a number, was \"" + parts[i].trim() + "\"", e);
      }
    }
    int n;
    try {
      n = Integer.parseInt(parts[5].trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--cohort n must be a whole number, was \"" + parts[5].trim() + "\"", e);
    }
    try {
      return new ReferenceStatistics(v[0], v[1], v[2], v[3], v[4], n);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--cohort " + e.getMessage(), e);
    }
  }

  private static String f(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e9
        ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  static void printText(PrintWriter out, ChangeContext c, double pre, double post) {
    Instrument ins = c.instrument();
    out.printf(Locale.ROOT, "%s (%s): pre %s -> post %s (%s)%n", ins.id(), ins.name(),
        f(pre), f(post), ins.direction() == Direction.HIGHER_IS_WORSE
            ? "lower is better" : "higher is better");
    ClinicalCutoff cut = ClinicalCutoff.of(c);
    out.printf(Locale.ROOT, "Cutoff %s = %s (Hageman-Arrindell uses its true-score variant)%n",
        lower(cut.type()), f(cut.value()));
    ins.reliableChange().ifPresent(rc -> out.printf(Locale.ROOT,
        "Published reliable change: %s points [%s, %s]; this client's change: %s points%n",
        f(rc.value()), rc.source().shortForm(), lower(rc.certainty()), f(Math.abs(post - pre))));
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
      out.printf(Locale.ROOT, "%-5s %8s %6s %-28s %-13s %s%n", m.abbreviation(), f(rc.index()),
          f(rc.criticalValue()), "[" + f(rc.lower()) + ", " + f(rc.upper()) + "]",
          rc.improved() ? "improved" : rc.deteriorated() ? "deteriorated" : "no",
          lower(cl.category()));
    }
    out.println();
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

  static String toJson(ChangeContext c, double pre, double post) {
    JsonMapper mapper = JsonMapper.builder().build();
    ObjectNode root = mapper.createObjectNode();
    root.put("instrument", c.instrument().id());
    root.put("pre", pre);
    root.put("post", post);
    root.put("direction", c.instrument().direction().name());
    ClinicalCutoff cut = ClinicalCutoff.of(c);
    ObjectNode cutoff = root.putObject("cutoff");
    cutoff.put("type", cut.type().name());
    cutoff.put("value", cut.value());
    c.instrument().reliableChange().ifPresent(rc -> {
      ObjectNode p = root.putObject("publishedReliableChange");
      p.put("points", rc.value());
      p.put("certainty", rc.certainty().name());
      p.put("source", rc.source().toString());
    });
    ArrayNode methods = root.putArray("methods");
    for (ReliableChangeMethod m : ReliableChangeMethod.values()) {
      ObjectNode n = methods.addObject();
      n.put("method", m.name());
      n.put("abbreviation", m.abbreviation());
      Optional<String> missing = m.missingInputs(c);
      n.put("available", missing.isEmpty());
      if (missing.isPresent()) {
        n.put("reason", missing.get());
      } else {
        Classification cl = ClinicalChange.classify(m, pre, post, c);
        ReliableChange rc = cl.reliableChange();
        n.put("index", rc.index());
        n.put("criticalValue", rc.criticalValue());
        n.put("threshold", rc.threshold());
        n.put("expectedPost", rc.expectedPost());
        n.put("lower", rc.lower());
        n.put("upper", rc.upper());
        n.put("improved", rc.improved());
        n.put("deteriorated", rc.deteriorated());
        n.put("cutoff", cl.cutoff().value());
        n.put("clinicalPre", cl.clinicalPre());
        n.put("functionalPost", cl.functionalPost());
        n.put("category", cl.category().name());
      }
      n.put("source", m.citation().toString());
    }
    ArrayNode sources = root.putArray("sources");
    c.sources().forEach(sources::add);
    sources.add(io.candor.evidence.Citations.CLAUS_2024.toString());
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
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
   */
  public static void demoSection(PrintWriter out) {
    double[] pre = EXAMPLES.stream().mapToDouble(Example::phqFirst).toArray();
    double[] post = EXAMPLES.stream().mapToDouble(Example::phqLast).toArray();
    ChangeContext c = ChangeContext.ofCohort(Instruments.PHQ9, ReferenceStatistics.of(pre, post));
    out.println("Change on PHQ-9 for 12 invented clients, classified by six reliable-change methods");
    out.printf(Locale.ROOT, "(cohort statistics from these clients; cutoff %s = %s)%n",
        lower(c.cutoffType()), f(ClinicalCutoff.of(c).value()));
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
        row.append(String.format(Locale.ROOT, " %-13s", lower(cat)));
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
