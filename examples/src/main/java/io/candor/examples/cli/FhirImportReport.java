package io.candor.examples.cli;

import io.candor.fhir.Exclusion;
import io.candor.fhir.FhirCohort;
import io.candor.fhir.ImportedScore;
import io.candor.measure.RiskFlag;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What {@code candor fhir-import} read: counts, what was excluded and why, and the risk flags for
 * clinician review. Written as text (on standard error when the CSV goes to standard output) or,
 * with {@code --json}, as a Candor JSON document.
 *
 * @param bundle the Bundle file read
 * @param out the CSV file written, when {@code --out} was given
 * @param scores number of scores written
 * @param patients number of patients among them
 * @param instruments the instruments written
 * @param otherInstruments scores of other instruments left out by {@code --instrument}
 * @param excluded resources that gave no score, by reason, each with its details
 * @param reviews one line per risk flag: patient, date, source and the flag
 */
public record FhirImportReport(
    String bundle,
    Optional<String> out,
    int scores,
    long patients,
    List<String> instruments,
    int otherInstruments,
    Map<String, List<String>> excluded,
    List<String> reviews) {

  /**
   * Copies the collections and checks for nulls.
   *
   * @param bundle the Bundle file read
   * @param out the CSV file written, when {@code --out} was given
   * @param scores number of scores written
   * @param patients number of patients among them
   * @param instruments the instruments written
   * @param otherInstruments scores of other instruments left out by {@code --instrument}
   * @param excluded resources that gave no score, by reason, each with its details
   * @param reviews one line per risk flag: patient, date, source and the flag
   */
  public FhirImportReport {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(out, "out");
    instruments = List.copyOf(instruments);
    excluded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(excluded));
    reviews = List.copyOf(reviews);
  }

  /** The report of an import of which {@code rows} were written. */
  static FhirImportReport of(Path bundle, Path out, FhirCohort read, List<ImportedScore> rows) {
    Map<String, List<String>> excluded = new LinkedHashMap<>();
    for (Exclusion.Reason r : read.excludedCounts().keySet()) {
      excluded.put(r.name().toLowerCase(Locale.ROOT).replace('_', '-'), read.exclusions().stream()
          .filter(x -> x.reason() == r).map(x -> x.path() + ": " + x.detail()).toList());
    }
    List<String> reviews = new ArrayList<>();
    for (ImportedScore s : rows) {
      for (RiskFlag f : s.riskFlags()) {
        reviews.add(s.client() + ", " + s.date() + " (" + s.reference() + "): " + f);
      }
    }
    return new FhirImportReport(bundle.toString(), Optional.ofNullable(out).map(Path::toString),
        rows.size(), rows.stream().map(ImportedScore::client).distinct().count(),
        List.copyOf(rows.stream().map(ImportedScore::instrument)
            .collect(Collectors.toCollection(TreeSet::new))),
        read.scores().size() - rows.size(), excluded, reviews);
  }

  /** Prints the report as text. */
  void printText(PrintWriter w) {
    w.println("read " + CliText.count(scores, "score", "scores") + " of "
        + CliText.count(patients, "patient", "patients") + " (" + String.join(", ", instruments)
        + ") from " + bundle + out.map(o -> " into " + o).orElse(""));
    if (otherInstruments > 0) {
      w.println("left out " + CliText.count(otherInstruments, "score", "scores")
          + " of other instruments (--instrument)");
    }
    for (Map.Entry<String, List<String>> e : excluded.entrySet()) {
      String details = e.getValue().stream().map(d -> d.substring(d.indexOf(": ") + 2)).distinct()
          .sorted().collect(Collectors.joining("; "));
      w.println("excluded " + CliText.count(e.getValue().size(), "resource", "resources") + ": "
          + e.getKey().replace('-', ' ') + " (" + details + ")");
    }
    for (String r : reviews) {
      w.println("review: " + r);
    }
    if (instruments.size() > 1) {
      w.println("note: the file holds " + String.join(" and ", instruments) + "; other commands"
          + " read one instrument at a time, so run again with --instrument");
    }
    w.flush();
  }
}
