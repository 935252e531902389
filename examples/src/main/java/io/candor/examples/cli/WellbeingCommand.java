package io.candor.examples.cli;

import io.candor.caseload.Baseline;
import io.candor.caseload.LoadRow;
import io.candor.caseload.ScalePoint;
import io.candor.caseload.ScaleReport;
import io.candor.caseload.Wellbeing;
import io.candor.caseload.WellbeingAssessment;
import io.candor.caseload.WellbeingReport;
import io.candor.caseload.WorkloadSnapshot;
import io.candor.evidence.Statement;
import io.candor.measure.MultiScaleInstrument;
import io.candor.measure.MultiScaleInstruments;
import io.candor.measure.ScaleScores;
import io.candor.measure.Subscale;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor wellbeing}: a therapist's scores on ProQOL 5, the Copenhagen Burnout Inventory,
 * the STSS or the MBI (entered sums), with bands, reliable change since an earlier assessment
 * and the instrument's caveats; with {@code --history}, the scores over time and the load beside
 * them.
 */
@Command(
    name = "wellbeing",
    mixinStandardHelpOptions = true,
    description = {
      "A therapist's wellbeing scores (ProQOL-5, CBI, STSS; MBI-HSS sums) with bands, reliable"
          + " change (Jacobson-Truax) and the instrument's caveats. Scores describe how work has"
          + " felt, never a diagnosis.",
      "--history FILE: CSV with a date column, one column per scale id (e.g. CS,BO,STS) and"
          + " optionally caseload, weekly_sessions, share_chronic, share_not_on_track,"
          + " trauma_share; empty cells are not recorded.",
      "Example: candor wellbeing --instrument ProQOL-5 --items 3,4,2,... --history past.csv"
    })
final class WellbeingCommand implements Callable<Integer> {

  /** Load columns a history file may have, beside the scale columns. */
  static final List<String> LOAD_COLUMNS = List.of("caseload", "weekly_sessions",
      "share_chronic", "share_not_on_track", "trauma_share");

  @Spec CommandSpec spec;

  @Option(names = "--instrument", required = true,
      description = "ProQOL-5, CBI, STSS or MBI-HSS.")
  String instrumentId;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Answers answers;

  static final class Answers {
    @Option(names = "--items", paramLabel = "R1,R2,...",
        description = "Item responses in item order; leave an entry empty for an unanswered item"
            + " (ProQOL and STSS 1-5; CBI 0-4 = never/almost never .. always).")
    String items;

    @Option(names = "--scores", paramLabel = "SCALE=SCORE,...",
        description = "Scale scores entered as numbers (the MBI's subscale sums: EE=25,DP=8,PA=30).")
    String scores;
  }

  @Option(names = "--date", description = "Date of these answers (ISO, default today).")
  String date;

  @Option(names = "--history", paramLabel = "FILE", description = "Earlier scores (CSV; see above).")
  Path history;

  @Option(names = "--baseline", defaultValue = "first",
      description = "Change since the first (default) or the previous assessment.")
  String baseline;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    output.checkFiles();
    MultiScaleInstrument instrument = MultiScaleInstruments.byId(instrumentId);
    Baseline b = Baseline.parse(baseline);
    LocalDate today = date == null ? LocalDate.now() : date("--date", date);
    if (answers.items != null && !instrument.keyed()) {
      throw new IllegalArgumentException(instrument.id() + ": Candor holds no item key for this"
          + " instrument (" + instrument.licence() + "); give --scores "
          + instrument.scales().stream().map(s -> s.id() + "=SUM").collect(Collectors.joining(","))
          + " instead of --items");
    }
    ScaleScores now = answers.items != null
        ? instrument.score(items(answers.items))
        : instrument.ofScaleScores(scores(answers.scores));
    List<WellbeingAssessment> assessments = new ArrayList<>();
    List<WorkloadSnapshot> load = new ArrayList<>();
    if (history != null) {
      readHistory(history, instrument, assessments, load);
    }
    assessments.add(new WellbeingAssessment(today, now));
    WellbeingReport report = Wellbeing.withDefaults().with(b).report(instrument, assessments, load);
    output.emit(spec, new Result(instrument, report));
    return 0;
  }

  /** The report in each output format; the CSV table is every scale's scores over time. */
  record Result(MultiScaleInstrument instrument, WellbeingReport report) implements CliResult {

    @Override
    public void printText(PrintWriter out) {
      print(out, instrument, report);
    }

    @Override
    public Object json() {
      return report;
    }

    @Override
    public Optional<CsvTable> table() {
      CsvTable t = new CsvTable("scale", "date", "score", "band");
      for (ScaleReport s : report.scales()) {
        for (ScalePoint p : s.trajectory()) {
          t.row(s.scale(), p.date().toString(), p.score(), p.band());
        }
      }
      return Optional.of(t);
    }
  }

  static List<OptionalInt> items(String text) {
    String[] parts = text.split(",", -1);
    List<OptionalInt> out = new ArrayList<>(parts.length);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].strip();
      if (p.isEmpty()) {
        out.add(OptionalInt.empty());
        continue;
      }
      try {
        out.add(OptionalInt.of(Integer.parseInt(p)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--items: item " + (i + 1)
            + " must be a whole number or empty, was " + CliText.quote(p));
      }
    }
    return out;
  }

  static Map<String, Double> scores(String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2 || kv[0].isBlank()) {
        throw new IllegalArgumentException("--scores must be SCALE=SCORE,..., was " + CliText.quote(part));
      }
      out.put(kv[0].strip(), number("--scores " + kv[0].strip(), kv[1].strip()));
    }
    return out;
  }

  private static double number(String what, String text) {
    try {
      double v = Double.parseDouble(text);
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a number, was " + CliText.quote(text));
    }
  }

  private static LocalDate date(String what, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(what + " must be an ISO date (2025-06-02), was "
          + CliText.quote(text));
    }
  }

  /** Reads the history CSV: errors name the file, line and column. */
  static void readHistory(Path file, MultiScaleInstrument instrument,
      List<WellbeingAssessment> assessments, List<WorkloadSnapshot> load) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || lines.get(0).isBlank()) {
      throw new IllegalArgumentException(file + " is empty; it needs a header line with a date"
          + " column");
    }
    String[] header = lines.get(0).split(",", -1);
    if (!header[0].strip().equalsIgnoreCase("date")) {
      throw new IllegalArgumentException(file + " line 1: the first column must be \"date\", was \""
          + header[0].strip() + "\"");
    }
    List<String> names = new ArrayList<>();
    for (int c = 1; c < header.length; c++) {
      String h = header[c].strip();
      if (!LOAD_COLUMNS.contains(h.toLowerCase(Locale.ROOT))) {
        try {
          h = instrument.scale(h).id();
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + " line 1, column " + (c + 1) + ": "
              + CliText.quote(h)
              + " is neither a scale of " + instrument.id() + " ("
              + instrument.scales().stream().map(Subscale::id).collect(Collectors.joining(", "))
              + ") nor a load column (" + String.join(", ", LOAD_COLUMNS) + ")");
        }
      } else {
        h = h.toLowerCase(Locale.ROOT);
      }
      if (names.contains(h)) {
        throw new IllegalArgumentException(
            file + " line 1: column " + CliText.quote(h) + " appears twice");
      }
      names.add(h);
    }
    for (int l = 1; l < lines.size(); l++) {
      String line = lines.get(l);
      if (line.isBlank()) {
        continue;
      }
      String where = file + " line " + (l + 1);
      String[] cells = line.split(",", -1);
      if (cells.length != header.length) {
        throw new IllegalArgumentException(where + ": " + cells.length + " fields, the header has "
            + header.length);
      }
      LocalDate d = date(where + ", column 1 (date)", cells[0]);
      Map<String, Double> scores = new LinkedHashMap<>();
      Map<String, OptionalDouble> loads = new LinkedHashMap<>();
      for (String n : LOAD_COLUMNS) {
        loads.put(n, OptionalDouble.empty());
      }
      for (int c = 1; c < cells.length; c++) {
        String cell = cells[c].strip();
        if (cell.isEmpty()) {
          continue;
        }
        String name = names.get(c - 1);
        double v = number(where + ", column " + (c + 1) + " (" + name + ")", cell);
        if (loads.containsKey(name)) {
          loads.put(name, OptionalDouble.of(v));
        } else {
          scores.put(name, v);
        }
      }
      try {
        if (!scores.isEmpty()) {
          assessments.add(new WellbeingAssessment(d, instrument.ofScaleScores(scores)));
        }
        if (loads.values().stream().anyMatch(OptionalDouble::isPresent)) {
          load.add(new WorkloadSnapshot(d, loads.get("caseload"), loads.get("weekly_sessions"),
              loads.get("share_chronic"), loads.get("share_not_on_track"),
              loads.get("trauma_share")));
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
  }

  private static void print(PrintWriter out, MultiScaleInstrument instrument, WellbeingReport r) {
    out.printf(Locale.ROOT, "%s (%s), %s; %s%n", instrument.id(), instrument.name(), r.date(),
        r.assessments() == 1 ? "one assessment"
            : r.assessments() + " assessments, changes since the "
                + (r.baseline() == Baseline.FIRST ? "first" : "previous") + " one");
    for (ScaleReport s : r.scales()) {
      out.println("  " + s.statement());
      if (s.trajectory().size() > 1) {
        out.println("    over time: " + s.trajectory().stream()
            .map(p -> p.date() + " " + CliText.compact(p.score()) + p.band().map(x -> " (" + x + ")")
                .orElse(""))
            .collect(Collectors.joining(", ")));
      }
    }
    out.println("What these scores can and cannot mean:");
    for (Statement c : r.caveats()) {
      out.println("  - " + c);
    }
    if (!r.load().isEmpty()) {
      out.println("Load beside wellbeing:");
      for (LoadRow row : r.load()) {
        StringBuilder sb = new StringBuilder("  " + row.date() + ":");
        row.workload().ifPresent(w -> {
          w.caseload().ifPresent(v -> sb.append(" caseload ").append(CliText.compact(v)));
          w.weeklySessions().ifPresent(v -> sb.append(", ").append(CliText.compact(v))
              .append(" sessions a week"));
          w.shareChronic().ifPresent(v -> sb.append(", ").append(pct(v)).append(" chronic"));
          w.shareNotOnTrack().ifPresent(v -> sb.append(", ").append(pct(v))
              .append(" not on track"));
          w.traumaShare().ifPresent(v -> sb.append(", ").append(pct(v)).append(" trauma-related"));
        });
        if (!row.scores().isEmpty()) {
          sb.append(row.workload().isPresent() ? ";" : "").append(" scores ").append(
              row.scores().entrySet().stream().map(e -> e.getKey() + " "
                  + CliText.compact(e.getValue())).collect(Collectors.joining(", ")));
        }
        out.println(sb);
      }
      out.println("Context (published associations in groups of therapists, not a prediction"
          + " about you):");
      for (Statement c : r.context()) {
        out.println("  - " + c);
      }
    }
    r.credit().ifPresent(out::println);
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * share);
  }
}
