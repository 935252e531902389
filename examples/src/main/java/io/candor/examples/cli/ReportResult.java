package io.candor.examples.cli;

import io.candor.evidence.Citation;
import io.candor.expectation.Audience;
import io.candor.expectation.CurvePoint;
import io.candor.expectation.ExpectationReport;
import io.candor.expectation.Probability;
import io.candor.expectation.ServiceSummary;
import io.candor.measure.RiskFlag;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code candor report --format json} writes: the figures of the report, its risk flags and
 * sources, and the rendered text for the audience; the full reports follow for applications that
 * need every part.
 *
 * @param audience who the text is for
 * @param seed the seed of the simulation
 * @param probabilities every outcome at every horizon ({@code outcome, horizon, estimate, lower,
 *     upper, naturalFrequency}, with the Monte Carlo and sensitivity intervals apart); for a
 *     caseload, empty (see {@code service} and {@code reports})
 * @param curve the expected score at each session; for a caseload, empty
 * @param riskFlags every risk-item flag the report saw (for a caseload, of every client, in
 *     caseload order)
 * @param sources every citation behind the report
 * @param text the report for the audience as plain text
 * @param service the caseload summary, for the service audience
 * @param reports the full report of each client, with its label
 */
public record ReportResult(
    Audience audience,
    long seed,
    List<Probability> probabilities,
    List<CurvePoint> curve,
    List<RiskFlag> riskFlags,
    List<Citation> sources,
    String text,
    Optional<ServiceSummary> service,
    List<LabelledReport> reports) {

  /**
   * Checks for nulls and copies.
   *
   * @param audience who the text is for
   * @param seed the seed of the simulation
   * @param probabilities every outcome at every horizon ({@code outcome, horizon, estimate, lower,
   *     upper, naturalFrequency}, with the Monte Carlo and sensitivity intervals apart); for a
   *     caseload, empty (see {@code service} and {@code reports})
   * @param curve the expected score at each session; for a caseload, empty
   * @param riskFlags every risk-item flag the report saw (for a caseload, of every client, in
   *     caseload order)
   * @param sources every citation behind the report
   * @param text the report for the audience as plain text
   * @param service the caseload summary, for the service audience
   * @param reports the full report of each client, with its label
   */
  public ReportResult {
    Objects.requireNonNull(audience, "audience");
    probabilities = List.copyOf(probabilities);
    curve = List.copyOf(curve);
    riskFlags = List.copyOf(riskFlags);
    sources = List.copyOf(sources);
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(service, "service");
    reports = List.copyOf(reports);
  }

  /**
   * One client's report with the client's label.
   *
   * @param client the label (the client id of a caseload file, or {@code client})
   * @param report the report
   */
  public record LabelledReport(String client, ExpectationReport report) {

    /**
     * Checks for nulls.
     *
     * @param client the label (the client id of a caseload file, or {@code client})
     * @param report the report
     */
    public LabelledReport {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(report, "report");
    }
  }
}
