package io.candor.caseload;

import io.candor.domain.ClientId;
import io.candor.domain.Course;
import io.candor.internal.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One client's probabilities of each {@link Outcome} by a horizon.
 *
 * <p>Immutable and thread-safe.
 *
 * @param client the client
 * @param course the course used, if known
 * @param session the client's latest session
 * @param horizon the session the outcome is read at
 * @param expectedScore the expected score at the horizon if the client still attends
 * @param sd the SD of a score at the horizon (random effects and residual)
 * @param probabilities the probability of each outcome (recovery included in reliable
 *     improvement; the other four sum to 1)
 */
public record ClientOutlook(
    ClientId client,
    Optional<Course> course,
    int session,
    int horizon,
    double expectedScore,
    double sd,
    Map<Outcome, Double> probabilities) {

  /**
   * Validates the components and copies the probabilities into outcome order.
   *
   * @param client the client
   * @param course the course used, if known
   * @param session the client's latest session
   * @param horizon the session the outcome is read at
   * @param expectedScore the expected score at the horizon if the client still attends
   * @param sd the SD of a score at the horizon (random effects and residual)
   * @param probabilities the probability of each outcome (recovery included in reliable
   *     improvement; the other four sum to 1)
   */
  public ClientOutlook {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(course, "course");
    Checks.atLeast("session", session, 0);
    Checks.atLeast("horizon", horizon, session);
    Checks.finite("expectedScore", expectedScore);
    Checks.nonNegative("sd", sd);
    Objects.requireNonNull(probabilities, "probabilities");
    EnumMap<Outcome, Double> m = new EnumMap<>(Outcome.class);
    double total = 0;
    for (Outcome o : Outcome.values()) {
      Double p = probabilities.get(o);
      if (p == null) {
        throw new IllegalArgumentException("probabilities." + o.name() + " is missing");
      }
      m.put(o, Checks.probability("probabilities." + o.name(), p));
      total += o.partitions() ? p : 0;
    }
    if (Math.abs(total - 1) > 1e-9) {
      throw new IllegalArgumentException("the probabilities of improvement, no change,"
          + " deterioration and dropout must sum to 1, sum to " + total);
    }
    if (m.get(Outcome.RECOVERY) > m.get(Outcome.RELIABLE_IMPROVEMENT) + 1e-12) {
      throw new IllegalArgumentException("recovery cannot be likelier than reliable improvement");
    }
    probabilities = Collections.unmodifiableMap(m);
  }

  /**
   * The probability of one outcome.
   *
   * @param outcome the outcome
   * @return its probability
   */
  public double probability(Outcome outcome) {
    return probabilities.get(Objects.requireNonNull(outcome, "outcome"));
  }
}
