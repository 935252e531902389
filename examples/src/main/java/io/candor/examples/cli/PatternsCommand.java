package io.candor.examples.cli;

import io.candor.change.ClinicalEvents;
import io.candor.domain.Trajectory;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.progress.ChangeKind;
import io.candor.progress.EarlyResponse;
import io.candor.progress.EarlyResponseCriteria;
import io.candor.progress.Milestones;
import io.candor.progress.PersonSelection;
import io.candor.progress.Plateau;
import io.candor.progress.PlateauCriteria;
import io.candor.progress.Relapse;
import io.candor.progress.ReversalRule;
import io.candor.progress.Schedule;
import io.candor.progress.SuddenChange;
import io.candor.progress.SuddenChangeSummary;
import io.candor.progress.SuddenChanges;
import io.candor.progress.SuddenGainCriteria;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code candor patterns}: sudden gains and losses (Tang &amp; DeRubeis 1999), plateaus, early
 * response and relapse in every client's trajectory of a long-format CSV file.
 */
@Command(
    name = "patterns",
    mixinStandardHelpOptions = true,
    description = {
      "Sudden gains and losses (Tang & DeRubeis 1999; missing sessions as the suddengains R package),"
          + " plateaus, early response and relapse in each client's trajectory.",
      "Patterns describe score changes; they are not diagnoses."
    })
final class PatternsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin LongInputOptions data;

  @Option(names = "--cutoff", description = "Absolute criterion in points (default: the instrument's reliable-change threshold).")
  Double cutoff;

  @Option(names = "--relative", defaultValue = "0.25", description = "Relative criterion: fraction of the pre-change symptom level (default ${DEFAULT-VALUE}).")
  double relative;

  @Option(names = "--no-relative", description = "Switch the relative criterion off.")
  boolean noRelative;

  @Option(names = "--no-mean-difference", description = "Switch the third (mean-difference) criterion off.")
  boolean noMeanDifference;

  @Option(names = "--alpha", defaultValue = "0.05", description = "Two-tailed alpha of the mean-difference criterion (default ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--schedule", defaultValue = "session-numbers", description = "session-numbers (default) or consecutive-observations.")
  String schedule;

  @Option(names = "--reversal", defaultValue = "any-later-session", description = "Reversal rule: any-later-session (Tang & DeRubeis, default) or suddengains-package.")
  String reversal;

  @Option(names = "--early-session", description = "Early response: judged at this session (default 4; Beard & Delgadillo 2019).")
  Integer earlySession;

  @Option(names = "--early-fraction", description = "Early response: relative reduction needed (default 0.25).")
  Double earlyFraction;

  @Option(names = "--plateau-length", description = "Plateau: minimum consecutive observations (default 4, an assumption).")
  Integer plateauLength;

  @Option(names = "--json", description = "Write JSON instead of text.")
  boolean json;

  /** Everything computed for one client. */
  record ClientPatterns(
      Trajectory trajectory,
      SuddenChanges changes,
      Optional<List<Plateau>> plateaus,
      Optional<EarlyResponse> early,
      Optional<Relapse> relapse) {}

  @Override
  public Integer call() {
    Instrument instrument = data.instrument();
    SuddenGainCriteria criteria = criteria();
    EarlyResponseCriteria early = EarlyResponseCriteria.withDefaults();
    if (earlySession != null) {
      early = early.withSession(earlySession);
    }
    if (earlyFraction != null) {
      early = early.withFraction(earlyFraction);
    }
    PlateauCriteria plateau = PlateauCriteria.withDefaults();
    if (plateauLength != null) {
      plateau = plateau.withLength(plateauLength);
    }
    if (criteria.absoluteCriterion() && criteria.givenCutoff().isEmpty()) {
      ClinicalEvents.of(instrument).missingThreshold().ifPresent(m -> {
        throw new IllegalArgumentException(m + ", which is the default sudden-gain cutoff; give"
            + " the cutoff in points with --cutoff");
      });
    }
    LongInput in = data.read(instrument, Optional.empty());
    List<ClientPatterns> results = analyse(in.trajectories, instrument, criteria, plateau, early);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(instrument, criteria, results));
    } else {
      printText(out, instrument, criteria, early, plateau, results);
    }
    out.flush();
    return 0;
  }

  private SuddenGainCriteria criteria() {
    SuddenGainCriteria c = SuddenGainCriteria.withDefaults();
    if (cutoff != null) {
      c = c.withCutoff(cutoff);
    }
    c = noRelative ? c.withoutRelativeCriterion() : c.withRelative(relative);
    c = noMeanDifference ? c.withoutMeanDifferenceCriterion() : c.withMeanDifferenceCriterion(alpha);
    return c.with(Schedule.parse(schedule)).with(ReversalRule.parse(reversal));
  }

  static List<ClientPatterns> analyse(
      List<Trajectory> trajectories, Instrument instrument, SuddenGainCriteria criteria,
      PlateauCriteria plateau, EarlyResponseCriteria early) {
    boolean caseness = io.candor.progress.ProgressEvent.RECOVERY.supports(instrument);
    List<ClientPatterns> out = new ArrayList<>(trajectories.size());
    for (Trajectory t : trajectories) {
      out.add(
          new ClientPatterns(
              t,
              criteria.detect(t),
              caseness ? Optional.of(plateau.find(t)) : Optional.empty(),
              early.evaluate(t),
              caseness ? Milestones.relapse(t) : Optional.empty()));
    }
    return out;
  }

  // ------------------------------------------------------------------ text

  private static void printText(
      PrintWriter out, Instrument instrument, SuddenGainCriteria criteria, EarlyResponseCriteria early,
      PlateauCriteria plateau, List<ClientPatterns> results) {
    List<SuddenChanges> changes = results.stream().map(ClientPatterns::changes).toList();
    out.printf("Non-linear progress on %s: %d clients%n", instrument.id(), results.size());
    out.println("Criteria: " + criteria);
    out.println();
    for (ChangeKind kind : ChangeKind.values()) {
      SuddenChangeSummary s = SuddenChangeSummary.of(changes, kind, PersonSelection.FIRST);
      String word = kind == ChangeKind.GAIN ? "gain" : "loss";
      String plural = kind == ChangeKind.GAIN ? "gains" : "losses";
      out.printf("Sudden %s: %d in %d of %d clients (%s); %d with more than one%n", plural, s.changes(),
          s.clientsWithChange(), s.clients(), pct(s.shareWithChange()), s.clientsWithSeveral());
      if (s.changes() > 0) {
        out.printf("  magnitude by %s: mean %s (SD %s); by person (first %s): mean %s (SD %s)%n", word,
            num(s.meanMagnitudeByChange()), num(s.sdMagnitudeByChange()), word,
            num(s.meanMagnitudeByPerson()), num(s.sdMagnitudeByPerson()));
        out.printf("  reversed (more than half undone later): %d of %d %s; %d of %d first %s%n",
            s.reversalsByChange(), s.changes(), plural, s.reversalsByPerson(), s.clientsWithChange(), plural);
        out.printf("  %-10s %5s %5s %9s %9s %9s %7s %9s%n", "id", "pre", "post", "preScore",
            "postScore", "magnitude", "share", "reversal");
        for (SuddenChanges r : changes) {
          for (SuddenChange c : r.of(kind)) {
            out.printf("  %-10s %5d %5d %9s %9s %9s %7s %9s%n", r.client(), c.preSession(),
                c.postSession(), fmt(c.preScore()), fmt(c.postScore()), fmt(c.magnitude()),
                c.shareOfTotalChange().isPresent() ? pct(c.shareOfTotalChange().getAsDouble()) : "-",
                c.reversalSession().isPresent() ? "s" + c.reversalSession().getAsInt() : "no");
          }
        }
      }
      out.println();
    }
    out.printf("Per client (early response: at least %s reduction by session %d, an assumed default"
            + " within Beard & Delgadillo 2019; plateau: %d+ observations in the clinical range"
            + " without reliable change, an assumption):%n",
        pct(early.fraction()), early.session(), plateau.length());
    out.printf("  %-10s %5s %6s %7s %8s %6s %-15s %-9s %s%n", "id", "gains", "losses", "first",
        "largest", "obs", "early response", "plateaus", "relapse");
    int responders = 0;
    int evaluated = 0;
    int withPlateau = 0;
    for (ClientPatterns p : results) {
      SuddenChanges r = p.changes();
      String earlyText = "-";
      if (p.early().isPresent()) {
        evaluated++;
        EarlyResponse e = p.early().get();
        if (e.responded()) {
          responders++;
        }
        earlyText = (e.responded() ? "yes " : "no ") + pct(e.relativeReduction()) + " s" + e.session();
      }
      String plateaus = p.plateaus().map(l -> Integer.toString(l.size())).orElse("-");
      if (p.plateaus().isPresent() && !p.plateaus().get().isEmpty()) {
        withPlateau++;
      }
      out.printf("  %-10s %5d %6d %7s %8s %6d %-15s %-9s %s%n", r.client(), r.gains().size(),
          r.losses().size(),
          r.firstGain().map(g -> g.preSession() + ">" + g.postSession()).orElse("-"),
          r.largestGain().map(g -> g.preSession() + ">" + g.postSession()).orElse("-"),
          p.trajectory().size(), earlyText, plateaus,
          p.relapse().map(x -> "s" + x.relapseSession()).orElse("-"));
    }
    out.println();
    out.printf("Early response: %d of %d clients with an early score responded; plateaus in %d clients.%n",
        responders, evaluated, withPlateau);
    out.println("These describe score changes, not causes or diagnoses; a sudden gain is a large jump"
        + " between two sessions and says nothing on its own about why it happened.");
  }

  // ------------------------------------------------------------------ JSON

  static String toJson(Instrument instrument, SuddenGainCriteria criteria, List<ClientPatterns> results) {
    JsonMapper mapper = JsonMapper.builder().build();
    ObjectNode root = mapper.createObjectNode();
    root.put("instrument", instrument.id());
    root.put("criteria", criteria.toString());
    List<SuddenChanges> changes = results.stream().map(ClientPatterns::changes).toList();
    for (ChangeKind kind : ChangeKind.values()) {
      ArrayNode arr = root.putArray(kind == ChangeKind.GAIN ? "gains" : "losses");
      for (SuddenChanges r : changes) {
        for (SuddenChange c : r.of(kind)) {
          ObjectNode o = arr.addObject();
          o.put("id", r.client().value());
          o.put("preSession", c.preSession());
          o.put("postSession", c.postSession());
          o.put("preScore", c.preScore());
          o.put("postScore", c.postScore());
          o.put("magnitude", c.magnitude());
          o.put("reversal", c.reversal());
          putInt(o, "reversalSession", c.reversalSession().isPresent() ? c.reversalSession().getAsInt() : null);
          o.put("gap", c.gap());
          putDouble(o, "shareOfTotalChange", c.shareOfTotalChange());
          putDouble(o, "preMean", c.preMean());
          putDouble(o, "postMean", c.postMean());
          putDouble(o, "criticalValue", c.criticalValue());
        }
      }
    }
    ArrayNode clients = root.putArray("clients");
    for (ClientPatterns p : results) {
      SuddenChanges r = p.changes();
      ObjectNode o = clients.addObject();
      o.put("id", r.client().value());
      o.put("observations", p.trajectory().size());
      o.put("gains", r.gains().size());
      o.put("losses", r.losses().size());
      putInt(o, "firstGainSession", r.firstGain().map(SuddenChange::preSession).orElse(null));
      putInt(o, "largestGainSession", r.largestGain().map(SuddenChange::preSession).orElse(null));
      if (p.early().isPresent()) {
        EarlyResponse e = p.early().get();
        ObjectNode eo = o.putObject("earlyResponse");
        eo.put("session", e.session());
        eo.put("relativeReduction", e.relativeReduction());
        eo.put("responded", e.responded());
      } else {
        o.putNull("earlyResponse");
      }
      if (p.plateaus().isPresent()) {
        ArrayNode pl = o.putArray("plateaus");
        for (Plateau x : p.plateaus().get()) {
          ObjectNode po = pl.addObject();
          po.put("firstSession", x.firstSession());
          po.put("lastSession", x.lastSession());
          po.put("observations", x.observations());
        }
      } else {
        o.putNull("plateaus");
      }
      putInt(o, "relapseSession", p.relapse().map(Relapse::relapseSession).orElse(null));
    }
    ObjectNode summary = root.putObject("summary");
    for (ChangeKind kind : ChangeKind.values()) {
      SuddenChangeSummary s = SuddenChangeSummary.of(changes, kind, PersonSelection.FIRST);
      ObjectNode so = summary.putObject(kind == ChangeKind.GAIN ? "gains" : "losses");
      so.put("clients", s.clients());
      so.put("count", s.changes());
      so.put("clientsWithAny", s.clientsWithChange());
      putDouble(so, "shareOfClients", s.shareWithChange());
      so.put("clientsWithSeveral", s.clientsWithSeveral());
      so.put("reversals", s.reversalsByChange());
      so.put("reversalsByPerson", s.reversalsByPerson());
      putDouble(so, "meanMagnitude", s.meanMagnitudeByChange());
      putDouble(so, "sdMagnitude", s.sdMagnitudeByChange());
      putDouble(so, "meanMagnitudeByPerson", s.meanMagnitudeByPerson());
      putDouble(so, "sdMagnitudeByPerson", s.sdMagnitudeByPerson());
    }
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  static void putDouble(ObjectNode o, String name, double v) {
    if (Double.isFinite(v)) {
      o.put(name, v);
    } else {
      o.putNull(name);
    }
  }

  static void putDouble(ObjectNode o, String name, OptionalDouble v) {
    putDouble(o, name, v.orElse(Double.NaN));
  }

  static void putInt(ObjectNode o, String name, Integer v) {
    if (v == null) {
      o.putNull(name);
    } else {
      o.put(name, v.intValue());
    }
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.2f", v);
  }

  static String num(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.2f", v.getAsDouble()) : "-";
  }

  static String pct(double share) {
    return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f %%", 100 * share + 0.0) : "-";
  }

  // ------------------------------------------------------------------ demo

  /**
   * A short section on non-linear progress for {@code candor demo}: sudden gains in the suddengains
   * package's example data (43 clients, BDI, sessions 1-12; MIT licence, Wiedemann et al. 2020).
   */
  static void demoSection(PrintWriter out) {
    LongInput data;
    try (InputStream in = PatternsCommand.class.getResourceAsStream("sgdata.csv")) {
      if (in == null) {
        throw new IllegalStateException("example data sgdata.csv missing from the jar");
      }
      String csv = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      data =
          LongInput.read(
              cols -> io.candor.json.LongCsv.read(new java.io.StringReader(csv), "sgdata.csv", cols),
              "sgdata.csv", "id", "session", "bdi", Instruments.BDI2, Optional.empty(), 1, 12);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SuddenGainCriteria criteria = SuddenGainCriteria.withDefaults().withCutoff(7);
    List<SuddenChanges> changes = data.trajectories.stream().map(criteria::detect).toList();
    SuddenChangeSummary g = SuddenChangeSummary.of(changes, ChangeKind.GAIN);
    SuddenChangeSummary l = SuddenChangeSummary.of(changes, ChangeKind.LOSS);
    String title = "Non-linear progress: sudden gains";
    out.println(title);
    out.println("-".repeat(title.length()));
    out.printf("  Example data: %d clients, BDI at sessions 1-12 (suddengains R package, MIT licence;"
        + " Wiedemann et al. 2020).%n", g.clients());
    out.println("  Criteria (Tang & DeRubeis 1999): a drop of at least 7 points, at least 25 % of the"
        + " pre-gain score,");
    out.println("  and pre/post means (up to 3 sessions each side) apart by more than t_crit x pooled SD.");
    out.printf("  %d sudden gains in %d of %d clients (%s), %d with more than one; mean size %s points"
        + " (SD %s).%n", g.changes(), g.clientsWithChange(), g.clients(), pct(g.shareWithChange()),
        g.clientsWithSeveral(), num(g.meanMagnitudeByChange()), num(g.sdMagnitudeByChange()));
    out.printf("  %d of %d first gains were later more than half undone (reversed); %d sudden losses"
        + " (mirrored criteria).%n", g.reversalsByPerson(), g.clientsWithChange(), l.changes());
    SuddenChanges example = changes.stream().filter(SuddenChanges::hasGain).findFirst().orElseThrow();
    Trajectory t =
        data.trajectories.stream().filter(x -> x.client().equals(example.client())).findFirst().orElseThrow();
    SuddenChange first = example.firstGain().orElseThrow();
    out.printf("  Client %s: %s%n", t.client(), t);
    out.printf("    first gain between sessions %d and %d (%s -> %s), %s of the change from first to last"
        + " score%s.%n", first.preSession(), first.postSession(), fmt(first.preScore()),
        fmt(first.postScore()), first.shareOfTotalChange().isPresent()
            ? pct(first.shareOfTotalChange().getAsDouble()) : "-",
        first.reversal() ? "; later reversed at session " + first.reversalSession().getAsInt() : "");
    out.println("  Published rates vary with the criteria and how often scores are taken; a sudden gain"
        + " is a score jump,");
    out.println("  not an explanation of it. Try: candor patterns --input FILE --id id --time session"
        + " --score bdi --instrument BDI-II --cutoff 7");
    out.println();
  }
}
