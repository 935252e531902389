package io.candor.examples.cli;

import io.candor.fhir.FhirCohort;
import io.candor.fhir.FhirJson;
import io.candor.fhir.FhirReader;
import io.candor.fhir.ImportedScore;
import io.candor.fhir.Unrecognised;
import io.candor.json.CandorJson;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.RiskFlag;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Option(names = "--instrument", paramLabel = "ID", description = "Keep only this instrument's scores (PHQ-9 or GAD-7).")
  String instrument;

  @Option(names = "--first-session", defaultValue = "0", description = "Number of each trajectory's first score (default ${DEFAULT-VALUE}: the intake).")
  int firstSession;

  @Option(names = "--unrecognised", defaultValue = "fail", paramLabel = "fail|exclude", description = "Other questionnaires and observation codes: fail (default) or exclude and count them.")
  String unrecognised;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    // HAPI FHIR logs through SLF4J; the CLI has no logging backend, so keep SLF4J's own notice quiet
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    output.checkFiles();
    if (output.csv != null) {
      throw new IllegalArgumentException("--csv: fhir-import's table is the long-format CSV itself;"
          + " write it with --out FILE");
    }
    if (output.json && output.out == null) {
      throw new IllegalArgumentException("--json describes the import when the CSV goes to"
          + " --out FILE (standard output holds the CSV)");
    }
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
    Path out = output.out;
    if (out == null) {
      writeCsv(rows, stdout);
    } else {
      OutputOptions.atomically(out, w -> writeCsv(rows, w));
    }
    FhirImportReport report = FhirImportReport.of(bundle, out, read, rows);
    if (output.json) {
      stdout.println(CandorJson.toJson(report));
    } else {
      report.printText(out == null ? spec.commandLine().getErr() : stdout);
    }
    stdout.flush();
    spec.commandLine().getErr().flush();
    return 0;
  }

  private static Unrecognised parseUnrecognised(String text) {
    try {
      return Unrecognised.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--unrecognised must be fail or exclude, was " + CliText.quote(text), e);
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
}
