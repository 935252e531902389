package io.candor.examples.cli;

import io.candor.change.ClinicalEvents;
import io.candor.domain.Trajectory;
import io.candor.json.LongCsv;
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
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  @Mixin SessionWindowOptions window;

  @Option(names = "--instrument", required = true, paramLabel = "ID",
      description = "Instrument id (PHQ-9, GAD-7, CORE-10, OQ-45, BDI-II, ORS, K10, WEMWBS);"
          + " every score must lie on its scale.")
  String instrumentId;

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

  @Mixin OutputOptions output;

  /** Everything computed for one client. */
  record ClientPatterns(
      Trajectory trajectory,
      SuddenChanges changes,
      Optional<List<Plateau>> plateaus,
      Optional<EarlyResponse> early,
      Optional<Relapse> relapse) {}

  @Override
  public Integer call() {
    output.checkFiles();
    Instrument instrument = Instruments.byId(instrumentId);
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
    List<Trajectory> trajectories = window.apply(
        data.read(Optional.of(instrument), List.of(), List.of()).toCohort(instrument).trajectories(),
        data.input.toString());
    List<ClientPatterns> results = analyse(trajectories, instrument, criteria, plateau, early);
    output.emit(spec, new Result(instrument, criteria, early, plateau, results));
    return 0;
  }

  /** The patterns of every client, in each output format. */
  record Result(Instrument instrument, SuddenGainCriteria criteria, EarlyResponseCriteria early,
      PlateauCriteria plateau, List<ClientPatterns> results) implements CliResult {

    @Override
    public void printText(PrintWriter out) {
      PatternsCommand.printText(out, instrument, criteria, early, plateau, results);
    }

    @Override
    public Object json() {
      List<SuddenChanges> changes = results.stream().map(ClientPatterns::changes).toList();
      List<PatternsResult.Client> clients = new ArrayList<>(results.size());
      for (ClientPatterns p : results) {
        clients.add(new PatternsResult.Client(p.changes().client(), p.trajectory().size(),
            p.changes().gains(), p.changes().losses(), p.early(), p.plateaus(), p.relapse()));
      }
      return new PatternsResult(instrument.id(), criteria.toString(),
          SuddenChangeSummary.of(changes, ChangeKind.GAIN, PersonSelection.FIRST),
          SuddenChangeSummary.of(changes, ChangeKind.LOSS, PersonSelection.FIRST), clients);
    }

    @Override
    public Optional<CsvTable> table() {
      CsvTable t = new CsvTable("client", "observations", "gains", "losses", "firstGainPreSession",
          "firstGainPostSession", "firstGainMagnitude", "largestGainPreSession",
          "largestGainMagnitude", "earlyResponseSession", "earlyRelativeReduction",
          "earlyResponded", "plateaus", "relapseSession");
      for (ClientPatterns p : results) {
        SuddenChanges r = p.changes();
        Optional<SuddenChange> first = r.firstGain();
        Optional<SuddenChange> largest = r.largestGain();
        t.row(r.client().value(), p.trajectory().size(), r.gains().size(), r.losses().size(),
            first.map(SuddenChange::preSession), first.map(SuddenChange::postSession),
            first.map(SuddenChange::magnitude), largest.map(SuddenChange::preSession),
            largest.map(SuddenChange::magnitude), p.early().map(EarlyResponse::session),
            p.early().map(EarlyResponse::relativeReduction),
            p.early().map(EarlyResponse::responded), p.plateaus().map(List::size),
            p.relapse().map(Relapse::relapseSession));
      }
      return Optional.of(t);
    }
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
    out.printf("Non-linear progress on %s: %s%n", instrument.id(),
        CliText.count(results.size(), "client", "clients"));
    out.println("Criteria: " + criteria);
    out.println();
    for (ChangeKind kind : ChangeKind.values()) {
      SuddenChangeSummary s = SuddenChangeSummary.of(changes, kind, PersonSelection.FIRST);
      String word = kind == ChangeKind.GAIN ? "gain" : "loss";
      String plural = kind == ChangeKind.GAIN ? "gains" : "losses";
      out.printf("Sudden %s: %d in %d of %s (%s); %d with more than one%n", plural, s.changes(),
          s.clientsWithChange(), CliText.count(s.clients(), "client", "clients"),
          CliText.percent(s.shareWithChange()), s.clientsWithSeveral());
      if (s.changes() > 0) {
        out.printf("  magnitude by %s: mean %s (SD %s); by person (first %s): mean %s (SD %s)%n", word,
            CliText.fixed(s.meanMagnitudeByChange()), CliText.fixed(s.sdMagnitudeByChange()), word,
            CliText.fixed(s.meanMagnitudeByPerson()), CliText.fixed(s.sdMagnitudeByPerson()));
        out.printf("  reversed (more than half undone later): %d of %d %s; %d of %d first %s%n",
            s.reversalsByChange(), s.changes(), plural, s.reversalsByPerson(), s.clientsWithChange(), plural);
        out.printf("  %-10s %5s %5s %9s %9s %9s %7s %9s%n", "id", "pre", "post", "preScore",
            "postScore", "magnitude", "share", "reversal");
        for (SuddenChanges r : changes) {
          for (SuddenChange c : r.of(kind)) {
            out.printf("  %-10s %5d %5d %9s %9s %9s %7s %9s%n", r.client(), c.preSession(),
                c.postSession(), CliText.score(instrument, c.preScore()), CliText.score(instrument, c.postScore()),
                CliText.score(instrument, c.magnitude()),
                CliText.percent(c.shareOfTotalChange()),
                c.reversalSession().isPresent() ? "s" + c.reversalSession().getAsInt() : "no");
          }
        }
      }
      out.println();
    }
    out.printf("Per client (early response: at least %s reduction by session %d, an assumed default"
            + " within Beard & Delgadillo 2019; plateau: %d+ observations in the clinical range"
            + " without reliable change, an assumption):%n",
        CliText.percent(early.fraction()), early.session(), plateau.length());
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
        earlyText = (e.responded() ? "yes " : "no ") + CliText.percent(e.relativeReduction()) + " s" + e.session();
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
    out.printf("Early response: %d of %s with an early score responded; plateaus in %s.%n",
        responders, CliText.count(evaluated, "client", "clients"),
        CliText.count(withPlateau, "client", "clients"));
    out.println("These describe score changes, not causes or diagnoses; a sudden gain is a large jump"
        + " between two sessions and says nothing on its own about why it happened.");
  }

  // ------------------------------------------------------------------ demo

  /**
   * A short section on non-linear progress for {@code candor demo}: sudden gains in the suddengains
   * package's example data (43 clients, BDI, sessions 1-12; MIT licence, Wiedemann et al. 2020).
   */
  static void demoSection(PrintWriter out) {
    List<Trajectory> trajectories;
    try (InputStream in = PatternsCommand.class.getResourceAsStream("sgdata.csv")) {
      if (in == null) {
        throw new IllegalStateException("example data sgdata.csv missing from the jar");
      }
      trajectories = SessionWindowOptions.cut(LongCsv.withDefaults()
          .withInstrument(Instruments.BDI2)
          .read(new InputStreamReader(in, StandardCharsets.UTF_8), "sgdata.csv",
              LongCsv.columns("id", "session", "bdi"))
          .toCohort(Instruments.BDI2).trajectories(), 1, 12, "sgdata.csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SuddenGainCriteria criteria = SuddenGainCriteria.withDefaults().withCutoff(7);
    List<SuddenChanges> changes = trajectories.stream().map(criteria::detect).toList();
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
        + " (SD %s).%n", g.changes(), g.clientsWithChange(), g.clients(), CliText.percent(g.shareWithChange()),
        g.clientsWithSeveral(), CliText.fixed(g.meanMagnitudeByChange()), CliText.fixed(g.sdMagnitudeByChange()));
    out.printf("  %d of %d first gains were later more than half undone (reversed); %d sudden losses"
        + " (mirrored criteria).%n", g.reversalsByPerson(), g.clientsWithChange(), l.changes());
    SuddenChanges example = changes.stream().filter(SuddenChanges::hasGain).findFirst().orElseThrow();
    Trajectory t =
        trajectories.stream().filter(x -> x.client().equals(example.client())).findFirst().orElseThrow();
    SuddenChange first = example.firstGain().orElseThrow();
    out.printf("  Client %s: %s%n", t.client(), t);
    out.printf("    first gain between sessions %d and %d (%s -> %s), %s of the change from first to last"
        + " score%s.%n", first.preSession(), first.postSession(), CliText.score(Instruments.BDI2, first.preScore()),
        CliText.score(Instruments.BDI2, first.postScore()), CliText.percent(first.shareOfTotalChange()),
        first.reversal() ? "; later reversed at session " + first.reversalSession().getAsInt() : "");
    out.println("  Published rates vary with the criteria and how often scores are taken; a sudden gain"
        + " is a score jump,");
    out.println("  not an explanation of it. Try: candor patterns --input FILE --id id --time session"
        + " --score bdi --instrument BDI-II --cutoff 7");
    out.println();
  }
}
