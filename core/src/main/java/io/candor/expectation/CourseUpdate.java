package io.candor.expectation;

import io.candor.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * How the scores observed after the intake updated the report (see {@link Expectations} for the
 * method): the expected-response model's weights of the observed sessions, the client's weighted
 * level, and how the comparable simulated clients stood at the same sessions.
 *
 * <p>The weights are the expected-response model's weights of each observed score in its estimate
 * of the client's current level (the fitted value at the last observed session), with any negative
 * weight set to zero and the rest scaled to sum to 1, so that a better score never counts against
 * the client.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sessions the observed sessions after the intake, ascending
 * @param weights the weight of each session's score (non-negative, sum 1)
 * @param level the client's weighted level: the weights applied to the client's scores
 * @param comparableLevel the mean weighted level of the comparable simulated clients
 * @param comparableClients the simulated clients still attending at the last observed session,
 *     whose futures the report describes
 * @param model where the expected-response model comes from, in words
 */
public record CourseUpdate(List<Integer> sessions, List<Double> weights, double level,
    double comparableLevel, int comparableClients, String model) {

  /**
   * Validates.
   *
   * @param sessions the observed sessions after the intake, ascending
   * @param weights the weight of each session's score (non-negative, sum 1)
   * @param level the client's weighted level: the weights applied to the client's scores
   * @param comparableLevel the mean weighted level of the comparable simulated clients
   * @param comparableClients the simulated clients still attending at the last observed session,
   *     whose futures the report describes
   * @param model where the expected-response model comes from, in words
   * @throws IllegalArgumentException if sizes disagree or a weight is negative
   */
  public CourseUpdate {
    sessions = List.copyOf(Checks.nonEmptyNoNulls("sessions", sessions));
    weights = List.copyOf(Checks.noNulls("weights", weights));
    if (weights.size() != sessions.size()) {
      throw new IllegalArgumentException(weights.size() + " weights for " + sessions.size()
          + " sessions");
    }
    for (double w : weights) {
      Checks.nonNegative("weight", w);
    }
    Checks.finite("level", level);
    Checks.finite("comparableLevel", comparableLevel);
    Checks.atLeast("comparableClients", comparableClients, 1);
    Objects.requireNonNull(model, "model");
  }
}
