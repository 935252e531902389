package io.candor.caseload;

import io.candor.evidence.Statement;
import io.candor.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * The expected outcome mix of a caseload by a horizon: for each {@link Outcome} the expected
 * number of clients and an interval from the count's exact distribution, each client's
 * probabilities, and a plain summary that speaks of the usual pattern, never of a person's work.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument the instrument the outcomes are measured on
 * @param clients number of clients
 * @param horizon the session outcomes are read at
 * @param level the central probability of the intervals
 * @param outcomes one count per outcome, in {@link Outcome} order
 * @param perClient each client's probabilities, in input order
 * @param summary the mix in plain words
 * @param basis what the probabilities rest on, with sources
 */
public record CaseloadOutlook(
    String instrument,
    int clients,
    int horizon,
    double level,
    List<OutcomeCount> outcomes,
    List<ClientOutlook> perClient,
    String summary,
    List<Statement> basis) {

  /**
   * Validates the components.
   *
   * @param instrument the instrument the outcomes are measured on
   * @param clients number of clients
   * @param horizon the session outcomes are read at
   * @param level the central probability of the intervals
   * @param outcomes one count per outcome, in {@link Outcome} order
   * @param perClient each client's probabilities, in input order
   * @param summary the mix in plain words
   * @param basis what the probabilities rest on, with sources
   */
  public CaseloadOutlook {
    Checks.nonBlank("instrument", instrument);
    Checks.atLeast("clients", clients, 1);
    Checks.atLeast("horizon", horizon, 0);
    Checks.openUnit("level", level);
    outcomes = List.copyOf(Checks.nonEmptyNoNulls("outcomes", outcomes));
    perClient = List.copyOf(Checks.noNulls("perClient", perClient));
    if (perClient.size() != clients) {
      throw new IllegalArgumentException("perClient has " + perClient.size() + " entries for "
          + clients + " clients");
    }
    Checks.nonBlank("summary", summary);
    basis = List.copyOf(Checks.noNulls("basis", basis));
  }

  /**
   * The count of one outcome.
   *
   * @param outcome the outcome
   * @return its count
   */
  public OutcomeCount count(Outcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    return outcomes.stream().filter(c -> c.outcome() == outcome).findFirst().orElseThrow();
  }
}
