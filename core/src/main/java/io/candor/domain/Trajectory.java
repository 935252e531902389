package io.candor.domain;

import io.candor.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One client's scores on one scale over sessions.
 *
 * <p>Sessions are strictly increasing: gaps (missed sessions) are allowed, duplicates and
 * out-of-order sessions are rejected, and every score must lie in the scale's range. A trajectory
 * may hold a single observation (an intake with no follow-up).
 *
 * <p>Primitive accessors ({@link #sessionAt(int)}, {@link #scoreAt(int)}) avoid boxing for
 * models that scan millions of trajectories.
 *
 * <p>Immutable and thread-safe.
 */
public final class Trajectory {

  private final ClientId client;
  private final ScoreScale scale;
  private final List<Observation> observations;
  private final int[] sessions;
  private final double[] scores;

  private Trajectory(ClientId client, ScoreScale scale, List<Observation> observations) {
    this.client = Objects.requireNonNull(client, "client");
    this.scale = Objects.requireNonNull(scale, "scale");
    this.observations = List.copyOf(Checks.nonEmptyNoNulls("observations", observations));
    int n = this.observations.size();
    this.sessions = new int[n];
    this.scores = new double[n];
    for (int i = 0; i < n; i++) {
      Observation o = this.observations.get(i);
      if (i > 0 && o.session() <= sessions[i - 1]) {
        throw new IllegalArgumentException(
            "client " + client + ": sessions must be strictly increasing; session " + o.session()
                + (o.session() == sessions[i - 1] ? " appears twice" : " comes after session " + sessions[i - 1]));
      }
      sessions[i] = o.session();
      scores[i] = scale.checkScore("score at session " + o.session() + " of client " + client, o.score());
    }
  }

  /**
   * A trajectory from observations in session order.
   *
   * @param client the client
   * @param scale the scale the scores are on
   * @param observations the observations, in strictly increasing session order, at least one
   * @return a trajectory from observations in session order
   * @throws IllegalArgumentException if the list is empty, sessions are not strictly increasing,
   *     or a score is outside the scale's range
   */
  public static Trajectory of(ClientId client, ScoreScale scale, List<Observation> observations) {
    return new Trajectory(client, scale, observations);
  }

  /**
   * A trajectory from parallel arrays of sessions and scores (no dates).
   *
   * @param client the client
   * @param scale the scale the scores are on
   * @param sessions the session numbers, strictly increasing
   * @param scores the scores, one per session
   * @return a trajectory from parallel arrays of sessions and scores (no dates)
   * @throws IllegalArgumentException if the arrays differ in length or any check of
   *     {@link #of(ClientId, ScoreScale, List)} fails
   */
  public static Trajectory ofScores(ClientId client, ScoreScale scale, int[] sessions, double[] scores) {
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(scores, "scores");
    if (sessions.length != scores.length) {
      throw new IllegalArgumentException(
          "sessions and scores must have the same length, were " + sessions.length + " and "
              + scores.length);
    }
    List<Observation> obs = new ArrayList<>(sessions.length);
    for (int i = 0; i < sessions.length; i++) {
      obs.add(Observation.of(sessions[i], scores[i]));
    }
    return new Trajectory(client, scale, obs);
  }

  /**
   * The client.
   *
   * @return the client
   */
  public ClientId client() {
    return client;
  }

  /**
   * The scale (usually an instrument) the scores are on.
   *
   * @return the scale (usually an instrument) the scores are on
   */
  public ScoreScale scale() {
    return scale;
  }

  /**
   * The observations in session order (unmodifiable).
   *
   * @return the observations in session order (unmodifiable)
   */
  public List<Observation> observations() {
    return observations;
  }

  /**
   * Number of observations.
   *
   * @return the number of observations
   */
  public int size() {
    return sessions.length;
  }

  /**
   * Session number of the i-th observation (0-based index).
   *
   * @param index the 0-based index, below {@link #size()}
   * @return the session number
   */
  public int sessionAt(int index) {
    return sessions[index];
  }

  /**
   * Score of the i-th observation (0-based index).
   *
   * @param index the 0-based index, below {@link #size()}
   * @return the score
   */
  public double scoreAt(int index) {
    return scores[index];
  }

  /**
   * A copy of the session numbers.
   *
   * @return the copy
   */
  public int[] sessions() {
    return sessions.clone();
  }

  /**
   * A copy of the scores.
   *
   * @return the copy
   */
  public double[] scores() {
    return scores.clone();
  }

  /**
   * The first observation.
   *
   * @return the first observation
   */
  public Observation first() {
    return observations.get(0);
  }

  /**
   * The last observation.
   *
   * @return the last observation
   */
  public Observation last() {
    return observations.get(observations.size() - 1);
  }

  /**
   * The score at that session, if it was observed.
   *
   * @param session the session number
   * @return the score at that session, if it was observed
   */
  public OptionalDouble scoreAtSession(int session) {
    int i = Arrays.binarySearch(sessions, session);
    return i >= 0 ? OptionalDouble.of(scores[i]) : OptionalDouble.empty();
  }

  /**
   * The trajectory cut after {@code lastSession}; empty if no observation is that early.
   *
   * @param lastSession the last session to keep
   * @return the trajectory cut after {@code lastSession}; empty if no observation is that early
   */
  public Optional<Trajectory> upToSession(int lastSession) {
    int n = 0;
    while (n < sessions.length && sessions[n] <= lastSession) {
      n++;
    }
    if (n == 0) {
      return Optional.empty();
    }
    return Optional.of(n == sessions.length ? this : new Trajectory(client, scale, observations.subList(0, n)));
  }

  /**
   * A copy with one more observation after the last one.
   *
   * @param next the observation, after the last session so far
   * @return the copy
   */
  public Trajectory withObservation(Observation next) {
    List<Observation> list = new ArrayList<>(observations);
    list.add(next);
    return new Trajectory(client, scale, list);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Trajectory t
        && client.equals(t.client)
        && scale.equals(t.scale)
        && observations.equals(t.observations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(client, scale, observations);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(client).append(" on ").append(scale.id()).append(": ");
    for (int i = 0; i < sessions.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(sessions[i]).append(':').append(Checks.fmt(scores[i]));
    }
    return sb.toString();
  }
}
