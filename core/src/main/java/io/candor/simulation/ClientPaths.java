package io.candor.simulation;

import io.candor.domain.Course;
import io.candor.domain.ReadinessStage;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Generates simulated clients one at a time into reusable buffers, for callers that play many
 * clients through a process of their own (a caseload with referrals, a waiting list and discharge
 * rules) and need each client's scores without building a {@link SimulatedClient}.
 *
 * <p>Client {@code index} of seed {@code seed} is exactly the client {@link Simulator#client(long,
 * long, Arm)} would give: the same random stream, the same scores. The values read after
 * {@link #generate(long, long, Arm)} describe the last client generated.
 *
 * <p>Not thread-safe: give each thread its own (they are cheap). The scenario is immutable.
 */
public final class ClientPaths {

  private final Engine engine;

  private ClientPaths(Scenario scenario) {
    this.engine = new Engine(Objects.requireNonNull(scenario, "scenario"));
  }

  /**
   * A generator for a scenario.
   *
   * @param scenario the scenario
   * @return a generator with its own buffers
   */
  public static ClientPaths of(Scenario scenario) {
    return new ClientPaths(scenario);
  }

  /**
   * The scenario.
   *
   * @return the scenario clients are drawn from
   */
  public Scenario scenario() {
    return engine.scenario;
  }

  /**
   * Generates client {@code index} of the cohort with that seed.
   *
   * @param seed the seed
   * @param index the client's index (≥ 0)
   * @param arm treated or wait-list
   * @throws IllegalArgumentException if the index is negative
   */
  public void generate(long seed, long index, Arm arm) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    Objects.requireNonNull(arm, "arm");
    engine.run(seed, index, arm == Arm.WAITLIST);
  }

  /**
   * Observed scores of the last client: sessions 0 (intake) to {@code attended() − 1}.
   *
   * @return the number of observed sessions, intake included (at least 1)
   */
  public int attended() {
    return engine.size;
  }

  /**
   * The last client's observed score at a session.
   *
   * @param session 0 to {@code attended() − 1}
   * @return the score
   * @throws IllegalArgumentException if the session was not attended
   */
  public double score(int session) {
    if (session < 0 || session >= engine.size) {
      throw new IllegalArgumentException("session must be 0-" + (engine.size - 1) + ", was "
          + session);
    }
    return engine.scores[session];
  }

  /**
   * The session the last client dropped out at (the first one not attended), if they did.
   *
   * @return the dropout session, or empty when the client stayed to the planned end
   */
  public OptionalInt dropoutSession() {
    return engine.dropoutSession < 0 ? OptionalInt.empty() : OptionalInt.of(engine.dropoutSession);
  }

  /**
   * The last client's generating course.
   *
   * @return the course
   */
  public Course course() {
    return engine.course;
  }

  /**
   * The last client's readiness stage at intake.
   *
   * @return the stage
   */
  public ReadinessStage initialStage() {
    return engine.initialStage;
  }

  /**
   * Whether the last client belongs to the deteriorating subgroup.
   *
   * @return membership of the subgroup
   */
  public boolean deteriorating() {
    return engine.deteriorating;
  }
}
