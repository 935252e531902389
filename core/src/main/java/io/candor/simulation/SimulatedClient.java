package io.candor.simulation;

import io.candor.domain.Client;
import io.candor.domain.Course;
import io.candor.domain.ReadinessStage;
import io.candor.domain.Trajectory;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One simulated client: what an analyst would see (the {@link Client} and its {@link Trajectory})
 * together with the generating truth (course, subgroup, dropout, true intake and rate), so that
 * analyses can be checked against it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index the client's index in the cohort (0-based); the id is {@code sim-} followed by
 *     index + 1 with at least six digits
 * @param arm the arm
 * @param client the client (one condition with the simulated course; readiness at intake)
 * @param trajectory observed scores at sessions 0 (intake) to the last attended session
 * @param course the generating course
 * @param finalReadiness readiness stage at the last session
 * @param deteriorating whether the client is in the deteriorating subgroup
 * @param dropoutSession the session the client dropped out at (did not attend), if any
 * @param trueIntake true (error-free) intake severity
 * @param rate the client's per-session rate k before readiness acts on it
 */
public record SimulatedClient(
    long index,
    Arm arm,
    Client client,
    Trajectory trajectory,
    Course course,
    ReadinessStage finalReadiness,
    boolean deteriorating,
    OptionalInt dropoutSession,
    double trueIntake,
    double rate) {

  /**
   * Checks for nulls.
   *
   * @param index the client's index in the cohort (0-based); the id is {@code sim-} followed by
   *     index + 1 with at least six digits
   * @param arm the arm
   * @param client the client (one condition with the simulated course; readiness at intake)
   * @param trajectory observed scores at sessions 0 (intake) to the last attended session
   * @param course the generating course
   * @param finalReadiness readiness stage at the last session
   * @param deteriorating whether the client is in the deteriorating subgroup
   * @param dropoutSession the session the client dropped out at (did not attend), if any
   * @param trueIntake true (error-free) intake severity
   * @param rate the client's per-session rate k before readiness acts on it
   */
  public SimulatedClient {
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(trajectory, "trajectory");
    Objects.requireNonNull(course, "course");
    Objects.requireNonNull(finalReadiness, "finalReadiness");
    Objects.requireNonNull(dropoutSession, "dropoutSession");
  }

  /**
   * The id of the client at that index: "sim-000001" for index 0.
   *
   * @param index the 0-based index, >= 0
   * @return the id of the client at that index: "sim-000001" for index 0
   * @throws IllegalArgumentException if the index is negative
   */
  public static String idFor(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    return String.format(java.util.Locale.ROOT, "sim-%06d", index + 1);
  }
}
