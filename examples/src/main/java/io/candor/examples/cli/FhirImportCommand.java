package io.candor.examples.cli;

import io.candor.fhir.Exclusion;
import io.candor.fhir.FhirCohort;
import io.candor.fhir.FhirJson;
import io.candor.fhir.FhirReader;
import io.candor.fhir.ImportedScore;
import io.candor.fhir.Unrecognised;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.RiskFlag;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code candor fhir-import}: PHQ-9 and GAD-7 scores from a FHIR R4 Bundle as long-format CSV
 * ({@code id,scale,session,date,score,risk_flag}) that the other commands read with {@code --id id
 * --time session --score score --instrument ID}.
 */
@Command(
    name = "fhir-import",
    mixinStandardHelpOptions = true,
    description = {
      "Reads PHQ-9 and GAD-7 QuestionnaireResponses (scored from their items) and total-score"
          + " Observations from a FHIR R4 Bundle and writes long-format CSV:"
          + " id,scale,session,date,score,risk_flag, one row per score, sessions numbered in date"
          + " order per patient and instrument.",
      "risk_flag names a risk item (PHQ-9 item 9) answered above zero or not answered, for"
          + " clinician review; an empty cell is not reassurance. Resources that give no score"
          + " are counted on stderr, never dropped silently.",
      "Other commands read one instrument at a time: give --instrument when the bundle holds"
          + " both, then e.g. candor patterns --input long.csv --id id --time session --score score"
          + " --instrument PHQ-9."
    })
final class FhirImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--bundle", required = true, paramLabel = "FILE.json", description = "FHIR R4 Bundle (JSON).")
  Path bundle;

  @Option(names = "--out", paramLabel = "long.csv", description = "Write the CSV here (written only on success) instead of to standard output.")
  Path out;

  @Option(names = "--instrument", paramLabel = "ID", description = "Keep only this instrument's scores (PHQ-9 or GAD-7).")
  String instrument;

  @Option(names = "--first-session", defaultValue = "0", description = "Number of each trajectory's first score (default ${DEFAULT-VALUE}: the intake).")
  int firstSession;

  @Option(names = "--unrecognised", defaultValue = "fail", paramLabel = "fail|exclude", description = "Other questionnaires and observation codes: fail (default) or exclude and count them.")
  String unrecognised;

  @Override
  public Integer call() {
    // HAPI FHIR logs through SLF4J; the CLI has no logging backend, so keep SLF4J's own notice quiet
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    Optional<Instrument> only = Optional.ofNullable(instrument).map(Instruments::byId);
    if (firstSession < 0) {
      throw new IllegalArgumentException("--first-session must be >= 0, was " + firstSession);
    }
    FhirReader reader = FhirReader.withDefaults().withFirstSession(firstSession)
        .with(parseUnrecognised(unrecognised));
    FhirCohort read = reader.read(FhirJson.readBundle(bundle));
    List<ImportedScore> rows = read.scores().stream()
        .filter(s -> only.map(i -> i.id().equals(s.instrument())).orElse(true)).toList();
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter report = out == null ? spec.commandLine().getErr() : stdout;
    if (out == null) {
      writeCsv(rows, stdout);
    } else {
      Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8))) {
        writeCsv(rows, w);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
      }
      try {
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
      }
    }
    summarise(read, rows, only, report);
    stdout.flush();
    report.flush();
    return 0;
  }

  private static Unrecognised parseUnrecognised(String text) {
    try {
      return Unrecognised.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--unrecognised must be fail or exclude, was \"" + text + "\"", e);
    }
  }

  static void writeCsv(List<ImportedScore> rows, Writer w) {
    try {
      w.write("id,scale,session,date,score,risk_flag\n");
      for (ImportedScore s : rows) {
        String flags = s.riskFlags().stream().map(RiskFlag::toString).collect(Collectors.joining("; "));
        w.write(quote(s.client().value()) + "," + s.instrument() + "," + s.session() + ","
            + s.date() + "," + CliText.number(s.score()) + "," + quote(flags) + "\n");
      }
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  private void summarise(FhirCohort read, List<ImportedScore> rows, Optional<Instrument> only,
      PrintWriter report) {
    long patients = rows.stream().map(ImportedScore::client).distinct().count();
    TreeSet<String> instruments =
        rows.stream().map(ImportedScore::instrument).collect(Collectors.toCollection(TreeSet::new));
    report.println("read " + rows.size() + " score" + (rows.size() == 1 ? "" : "s") + " of "
        + patients + " patient" + (patients == 1 ? "" : "s") + " (" + String.join(", ", instruments)
        + ") from " + bundle + (out == null ? "" : " into " + out));
    int left = read.scores().size() - rows.size();
    if (left > 0) {
      report.println("left out " + left + " score" + (left == 1 ? "" : "s") + " of other"
          + " instruments (--instrument " + only.orElseThrow().id() + ")");
    }
    for (Map.Entry<Exclusion.Reason, Integer> e : read.excludedCounts().entrySet()) {
      String details = read.exclusions().stream().filter(x -> x.reason() == e.getKey())
          .map(Exclusion::detail).distinct().sorted().collect(Collectors.joining("; "));
      report.println("excluded " + e.getValue() + " resource" + (e.getValue() == 1 ? "" : "s") + ": "
          + e.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " (" + details + ")");
    }
    for (ImportedScore s : rows) {
      for (RiskFlag f : s.riskFlags()) {
        report.println("review: " + s.client() + ", " + s.date() + " (" + s.reference() + "): " + f);
      }
    }
    if (instruments.size() > 1) {
      report.println("note: the file holds " + String.join(" and ", instruments) + "; other commands"
          + " read one instrument at a time, so run again with --instrument");
    }
  }
}
