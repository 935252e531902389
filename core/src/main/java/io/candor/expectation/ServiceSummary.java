package io.candor.expectation;

import io.candor.caseload.PoissonBinomial;
import io.candor.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Expected outcomes across a caseload at one session: the expected number of clients with each
 * exclusive outcome (and recovery among those who started in the clinical range), which clients
 * have a risk-item flag for review, and how many were reported without their items being seen.
 * Built from the clients' {@link ExpectationReport}s by {@link #of(List, List, int)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param horizon the session the counts are at
 * @param clients the client labels, in caseload order
 * @param outcomes the expected counts of the {@link Outcome#EXCLUSIVE} outcomes, in that order
 * @param recovery the expected count of recovery among clients who started in the clinical range,
 *     if any did
 * @param flagged the labels of clients with at least one risk-item flag, in caseload order
 * @param itemsNotSeen the number of clients whose item responses were not given
 */
public record ServiceSummary(int horizon, List<String> clients, List<ExpectedCount> outcomes,
    Optional<ExpectedCount> recovery, List<String> flagged, int itemsNotSeen) {

  /** The central probability of the count ranges, as of every other interval in the report. */
  private static final double LEVEL = 0.95;

  /**
   * Validates and copies.
   *
   * @param horizon the session the counts are at
   * @param clients the client labels, in caseload order
   * @param outcomes the expected counts of the {@link Outcome#EXCLUSIVE} outcomes, in that order
   * @param recovery the expected count of recovery among clients who started in the clinical range,
   *     if any did
   * @param flagged the labels of clients with at least one risk-item flag, in caseload order
   * @param itemsNotSeen the number of clients whose item responses were not given
   * @throws IllegalArgumentException if the parts disagree
   */
  public ServiceSummary {
    Checks.atLeast("horizon", horizon, 1);
    clients = List.copyOf(Checks.nonEmptyNoNulls("clients", clients));
    outcomes = List.copyOf(Checks.noNulls("outcomes", outcomes));
    Objects.requireNonNull(recovery, "recovery");
    flagged = List.copyOf(Checks.noNulls("flagged", flagged));
    Checks.inRange("itemsNotSeen", itemsNotSeen, 0, clients.size());
    if (outcomes.size() != Outcome.EXCLUSIVE.size()) {
      throw new IllegalArgumentException("outcomes must hold the " + Outcome.EXCLUSIVE.size()
          + " exclusive outcomes, holds " + outcomes.size());
    }
    if (!clients.containsAll(flagged)) {
      throw new IllegalArgumentException("flagged clients " + flagged + " must be in the caseload");
    }
  }

  /**
   * Adds up the reports of a caseload at one session.
   *
   * @param labels a distinct label per client (e.g. its id), in caseload order
   * @param reports the clients' reports, in the same order; each must have the horizon
   * @param horizon the session
   * @return the summary
   * @throws IllegalArgumentException if the lists differ in size, a label repeats or is blank, or a
   *     report lacks the horizon
   */
  public static ServiceSummary of(List<String> labels, List<ExpectationReport> reports,
      int horizon) {
    Checks.nonEmptyNoNulls("labels", labels);
    Checks.noNulls("reports", reports);
    if (labels.size() != reports.size()) {
      throw new IllegalArgumentException(labels.size() + " labels for " + reports.size()
          + " reports");
    }
    if (new HashSet<>(labels).size() != labels.size()) {
      throw new IllegalArgumentException("client labels must be distinct, were " + labels);
    }
    labels.forEach(l -> Checks.nonBlank("client label", l));
    for (int i = 0; i < reports.size(); i++) {
      if (!reports.get(i).horizons().contains(horizon)) {
        throw new IllegalArgumentException("the report of " + labels.get(i) + " has no session "
            + horizon + "; its horizons are " + reports.get(i).horizons());
      }
    }
    List<ExpectedCount> counts = new ArrayList<>();
    for (Outcome o : Outcome.EXCLUSIVE) {
      counts.add(count(o, reports, horizon));
    }
    Optional<ExpectedCount> recovery = reports.stream()
        .anyMatch(r -> r.probability(Outcome.RECOVERY, horizon).isPresent())
        ? Optional.of(count(Outcome.RECOVERY, reports, horizon)) : Optional.empty();
    List<String> flagged = new ArrayList<>();
    int notSeen = 0;
    for (int i = 0; i < reports.size(); i++) {
      if (reports.get(i).risk().needsReview()) {
        flagged.add(labels.get(i));
      }
      if (!reports.get(i).risk().itemsSeen()) {
        notSeen++;
      }
    }
    return new ServiceSummary(horizon, labels, counts, recovery, flagged, notSeen);
  }

  private static ExpectedCount count(Outcome o, List<ExpectationReport> reports, int horizon) {
    List<Probability> ps = new ArrayList<>();
    for (ExpectationReport r : reports) {
      r.probability(o, horizon).ifPresent(ps::add);
    }
    int n = ps.size();
    double expected = 0;
    double[] low = new double[n];
    double[] high = new double[n];
    for (int i = 0; i < n; i++) {
      expected += ps.get(i).estimate();
      low[i] = ps.get(i).lower();
      high[i] = ps.get(i).upper();
    }
    expected = Math.min(n, expected);
    int lower = PoissonBinomial.of(low).interval(LEVEL).lower();
    int upper = PoissonBinomial.of(high).interval(LEVEL).upper();
    return new ExpectedCount(o, n, expected, Math.min(expected, lower),
        Math.max(expected, upper));
  }
}
