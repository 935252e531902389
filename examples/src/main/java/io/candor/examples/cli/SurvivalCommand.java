package io.candor.examples.cli;

import io.candor.charts.KaplanMeierChart;
import io.candor.domain.ClientId;
import io.candor.domain.Trajectory;
import io.candor.json.LongTable;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.model.survival.ConfidenceType;
import io.candor.model.survival.EventTime;
import io.candor.model.survival.KaplanMeier;
import io.candor.model.survival.KaplanMeierFit;
import io.candor.model.survival.StratifiedFit;
import io.candor.model.survival.Stratum;
import io.candor.progress.DropoutDefinition;
import io.candor.progress.DropoutHazard;
import io.candor.progress.Engagement;
import io.candor.progress.EngagementReport;
import io.candor.progress.ProgressEvent;
import io.candor.progress.TimeToEvent;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor survival}: Kaplan–Meier curves of the time (in sessions) to reliable improvement,
 * recovery or dropout, optionally by group with the log-rank test.
 *
 * <p>Events: <b>reliable improvement</b> = the intake (first) score minus the current score is at
 * least the instrument's reliable-change threshold (direction-aware: the current score minus the
 * intake score on a higher-is-better instrument); <b>recovery</b> = reliable improvement and out of
 * the clinical range, for clients in the clinical range at intake (others are left out);
 * <b>dropout</b> = the last observed session is before {@code --planned} (or the client is flagged
 * in {@code --dropped-column}). Clients without the event are censored at their last observed
 * session.
 */
@Command(
    name = "survival",
    mixinStandardHelpOptions = true,
    description = {
      "Kaplan-Meier time (in sessions) to reliable improvement, recovery or dropout, with Greenwood"
          + " standard errors, confidence limits and medians as R's survival::survfit; by group with"
          + " the log-rank test.",
      "reliable-improvement: intake score minus current score >= the instrument's reliable-change"
          + " threshold (direction-aware). recovery: reliable improvement and out of the clinical"
          + " range, for clients in the clinical range at intake. dropout: last observed session"
          + " before --planned, or flagged in --dropped-column. Otherwise censored at the last"
          + " observation."
    })
final class SurvivalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin LongInputOptions data;

  @Mixin SessionWindowOptions window;

  @Option(names = "--instrument", required = true, paramLabel = "ID",
      description = "Instrument id (PHQ-9, GAD-7, CORE-10, OQ-45, BDI-II, ORS, K10, WEMWBS);"
          + " every score must lie on its scale.")
  String instrumentId;

  @Option(names = "--event", required = true, description = "reliable-improvement, recovery, dropout or relapse (time since recovery, recovered clients only).")
  String event;

  @Option(names = "--by", description = "Client-level column to stratify by (log-rank test across its values).")
  String by;

  @Option(names = "--planned", description = "Dropout: a client whose last observed session is before this one dropped out.")
  Integer planned;

  @Option(names = "--dropped-column", description = "Dropout: a client-level column, true/yes/1 when the client dropped out.")
  String droppedColumn;

  @Option(names = "--conf-type", defaultValue = "log", description = "Confidence limits: log (R's default), log-log or plain.")
  String confType;

  @Mixin OutputOptions output;

  @Mixin ChartOptions chart;

  @Override
  public Integer call() {
    output.checkFiles();
    chart.checkFiles(output);
    Instrument instrument = Instruments.byId(instrumentId);
    ProgressEvent ev = ProgressEvent.parse(event);
    if (!ev.supports(instrument)) {
      throw new IllegalArgumentException(
          instrument.id() + " lacks the reliable-change threshold or caseness cutoff that event "
              + event + " needs");
    }
    if (ev == ProgressEvent.DROPOUT && (planned == null) == (droppedColumn == null)) {
      throw new IllegalArgumentException(
          "--event dropout needs exactly one of --planned N or --dropped-column COL");
    }
    if (ev != ProgressEvent.DROPOUT && (planned != null || droppedColumn != null)) {
      throw new IllegalArgumentException("--planned and --dropped-column apply only to --event dropout");
    }
    ConfidenceType type = ConfidenceType.parse(confType);
    if (planned != null && planned < 1) {
      throw new IllegalArgumentException("--planned must be >= 1, was " + planned);
    }
    List<String> attributes = new ArrayList<>();
    if (by != null) {
      attributes.add(by);
    }
    if (droppedColumn != null) {
      attributes.add(droppedColumn);
    }
    LongTable table = data.read(Optional.of(instrument), List.of(), attributes);
    List<Trajectory> trajectories =
        window.apply(table.toCohort(instrument).trajectories(), data.input.toString());
    Map<ClientId, String> group = new HashMap<>();
    if (by != null) {
      String[] values = table.clientAttribute(by);
      for (int c = 0; c < values.length; c++) {
        group.put(ClientId.of(table.clientIds().get(c)), values[c]);
      }
    }
    DropoutDefinition dropout;
    if (droppedColumn != null) {
      String[] values = table.clientAttribute(droppedColumn);
      Set<ClientId> flagged = new HashSet<>();
      for (int c = 0; c < values.length; c++) {
        String v = values[c].toLowerCase(Locale.ROOT);
        if (Set.of("true", "yes", "1").contains(v)) {
          flagged.add(ClientId.of(table.clientIds().get(c)));
        } else if (!Set.of("false", "no", "0").contains(v)) {
          throw new IllegalArgumentException(
              "column " + CliText.quote(droppedColumn)
                  + " must hold true/false, yes/no or 1/0; client "
                  + CliText.quote(table.clientIds().get(c)) + " has " + CliText.quote(values[c]));
        }
      }
      dropout = DropoutDefinition.flagged(flagged);
    } else {
      dropout = DropoutDefinition.beforeSession(planned == null ? 1 : planned);
    }
    Map<String, List<EventTime>> groups = new TreeMap<>();
    int left = 0;
    for (Trajectory t : trajectories) {
      Optional<TimeToEvent> tte = ev.timeToEvent(t, dropout);
      if (tte.isEmpty()) {
        left++;
        continue;
      }
      String g = by == null ? "all" : group.get(t.client());
      groups.computeIfAbsent(g, k -> new ArrayList<>())
          .add(new EventTime(tte.get().time(), tte.get().event()));
    }
    if (groups.isEmpty()) {
      throw new IllegalArgumentException(
          "no client is at risk of " + event
              + (ev == ProgressEvent.RELAPSE ? " (none recovered)" : " (none was in the clinical range at intake)"));
    }
    if (chart.wanted() && groups.size() > 8) {
      throw new IllegalArgumentException("--svg and --png draw at most 8 strata; --by " + by
          + " has " + groups.size() + " values");
    }
    StratifiedFit fit = KaplanMeier.withDefaults().with(type).fitStrata(groups);
    // the engagement report splits dropouts by reliable improvement, which needs the instrument's
    // reliable-change threshold (K10 has none); the dropout curve itself does not
    Optional<EngagementReport> engagement =
        ev == ProgressEvent.DROPOUT && ProgressEvent.RELIABLE_IMPROVEMENT.supports(instrument)
            ? Optional.of(
                by == null
                    ? Engagement.analyse(trajectories, dropout)
                    : Engagement.analyse(trajectories, dropout, group::get))
            : Optional.empty();
    output.emit(spec, new Result(new SurvivalResult(instrument.id(), CliText.word(ev),
        describe(ev, dropout), left, fit, engagement)));
    String words = CliText.words(ev);
    chart.write(style -> KaplanMeierChart.withDefaults().with(style).withEventLabel(words)
        .withTitle("Time to " + words + " on " + instrument.id()).draw(fit));
    return 0;
  }

  /** The curves, the test and the engagement report, in each output format. */
  record Result(SurvivalResult value) implements CliResult {

    @Override
    public void printText(PrintWriter out) {
      ProgressEvent ev = ProgressEvent.parse(value.event());
      StratifiedFit fit = value.fit();
      int left = value.leftOut();
      out.printf("Time to %s on %s (sessions; %s)%n", CliText.words(ev), value.instrument(),
          value.definition());
      if (left > 0) {
        out.println(ev == ProgressEvent.RELAPSE
            ? CliText.count(left, "client", "clients") + " who never recovered "
                + (left == 1 ? "is" : "are") + " left out (they cannot relapse)."
            : CliText.count(left, "client", "clients") + " not in the clinical range at intake "
                + (left == 1 ? "is" : "are") + " left out (they cannot recover).");
      }
      out.println();
      out.println(fit.toText());
      for (Stratum st : fit.strata()) {
        out.println(fit.strata().size() > 1 ? "Stratum " + st.name() + ":" : "Survival table:");
        out.println(st.fit().toText(30));
      }
      out.println("Kaplan-Meier estimates as R's survival::survfit (Greenwood SE; median as print.survfit);"
          + " curves describe this sample, not any one client's future.");
      value.engagement().ifPresent(e -> engagementText(out, e));
      if (ev == ProgressEvent.DROPOUT && value.engagement().isEmpty()) {
        out.println("No engagement report: " + value.instrument() + " has no reliable-change"
            + " threshold, so dropouts cannot be split by reliable improvement.");
      }
    }

    @Override
    public Object json() {
      return value;
    }

    @Override
    public Optional<CsvTable> table() {
      CsvTable t = new CsvTable("stratum", "time", "nRisk", "nEvent", "nCensor", "survival",
          "stdErr", "lower", "upper");
      for (Stratum st : value.fit().strata()) {
        KaplanMeierFit f = st.fit();
        for (int i = 0; i < f.size(); i++) {
          t.row(st.name(), f.time().get(i), f.nRisk().get(i), f.nEvent().get(i),
              f.nCensor().get(i), f.survival().get(i), f.stdErr().get(i), f.lower().get(i),
              f.upper().get(i));
        }
      }
      return Optional.of(t);
    }
  }

  private static String describe(ProgressEvent ev, DropoutDefinition dropout) {
    return switch (ev) {
      case RELIABLE_IMPROVEMENT -> "event: improvement from intake of at least the reliable-change threshold";
      case RECOVERY -> "event: reliable improvement and out of the clinical range";
      case DROPOUT -> "event: dropout, " + dropout.describe();
      case RELAPSE -> "event: back in the clinical range after recovery; time counted in sessions since"
          + " recovery";
    };
  }

  private static void engagementText(PrintWriter out, EngagementReport e) {
    out.println();
    out.printf("Engagement: %d of %s dropped out (%s); %d (%s of starters) left before any"
            + " reliable improvement.%n", e.dropouts(), CliText.count(e.starters(), "starter",
            "starters"), CliText.percent(e.dropoutRate()),
        e.dropoutsBeforeReliableImprovement(), CliText.percent(e.shareLeavingBeforeReliableImprovement()));
    out.printf("  %-28s %12s %12s%n", "at the last observation", "completers", "all starters");
    out.printf("  %-28s %12s %12s%n", "reliably improved",
        CliText.percent(e.reliableImprovementCompleters()),
        CliText.percent(e.reliableImprovementAllStarters()));
    out.printf("  %-28s %12s %12s%n", "recovered",
        CliText.percent(e.recoveryCompleters()),
        CliText.percent(e.recoveryAllStarters()));
    out.println("  Completer-only rates leave out those who stopped early; often they flatter outcomes, so compare both columns.");
    List<DropoutHazard> tables = new ArrayList<>();
    tables.add(e.overall());
    tables.addAll(e.byGroup().values());
    for (DropoutHazard h : tables) {
      out.printf("  Dropout hazard per session (%s): ", h.group());
      int[] sessions = h.sessions();
      int[] risk = h.atRisk();
      int[] drops = h.dropouts();
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < sessions.length; i++) {
        if (drops[i] > 0) {
          sb.append(String.format(Locale.ROOT, "s%d %d/%d  ", sessions[i], drops[i], risk[i]));
        }
      }
      out.println(sb.length() == 0 ? "no dropouts" : sb.toString().strip());
    }
  }
}
