package io.candor.progress;

import io.candor.domain.ScoreScale;
import io.candor.domain.Trajectory;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import io.candor.measure.Direction;
import java.util.Objects;
import java.util.Optional;

/**
 * Early response: a relative reduction of at least a fraction of the baseline symptom level by
 * an early session.
 *
 * <p>Beard &amp; Delgadillo (2019) reviewed 25 studies that judged early response within the first
 * four weeks of therapy with several operationalisations (percentage reductions, reliable change);
 * early responders had better outcomes (g = 0.87). Candor's defaults, a reduction of at least
 * {@link #DEFAULT_FRACTION 25 %} by {@link #DEFAULT_SESSION session 4}, are one common choice
 * within that range, recorded as assumptions; set both explicitly for a study's own definition.
 *
 * <p>The reduction is measured against the baseline (first observation) symptom level, i.e. its
 * distance from the best end of the scale; the compared score is the last one observed at or
 * before the early-response session.
 *
 * <p>Immutable and thread-safe.
 */
public final class EarlyResponseCriteria {

  /** Default fraction: 25 % reduction (assumption within Beard &amp; Delgadillo 2019's range). */
  public static final Sourced DEFAULT_FRACTION =
      Sourced.assumption(0.25, Citations.BEARD_2019,
          "reviewed studies used several definitions within the first 4 weeks; 25 % is one common"
              + " choice (20 % is another)");

  /** Default session: by session 4 (Beard &amp; Delgadillo 2019: first four weeks). */
  public static final Sourced DEFAULT_SESSION =
      Sourced.secondary(4, Citations.BEARD_2019, "early response judged within the first 4 weeks");

  private final double fraction;
  private final int bySession;

  private EarlyResponseCriteria(double fraction, int bySession) {
    this.fraction = fraction;
    this.bySession = bySession;
  }

  /**
   * A reduction of at least 25 % by session 4.
   *
   * @return the default criteria
   */
  public static EarlyResponseCriteria withDefaults() {
    return new EarlyResponseCriteria(DEFAULT_FRACTION.value(), (int) DEFAULT_SESSION.value());
  }

  /**
   * A copy with another fraction.
   *
   * @param f the fraction of the baseline symptom level, in (0, 1)
   * @return the copy
   * @throws IllegalArgumentException if {@code f} is not in (0, 1)
   */
  public EarlyResponseCriteria withFraction(double f) {
    return new EarlyResponseCriteria(Checks.openUnit("early response fraction", f), bySession);
  }

  /**
   * A copy with another early-response session.
   *
   * @param session the session by which the reduction is judged, at least 1
   * @return the copy
   * @throws IllegalArgumentException if {@code session} is below 1
   */
  public EarlyResponseCriteria withSession(int session) {
    return new EarlyResponseCriteria(fraction, Checks.atLeast("early response session", session, 1));
  }

  /**
   * The fraction.
   *
   * @return the fraction of the baseline symptom level
   */
  public double fraction() {
    return fraction;
  }

  /**
   * The early-response session.
   *
   * @return the session
   */
  public int session() {
    return bySession;
  }

  /**
   * Evaluates one trajectory; empty when there is no observation after the first one at or before
   * the early-response session, or the baseline is already at the best end of the scale.
   *
   * @param trajectory the trajectory
   * @return the early response, if it can be judged
   */
  public Optional<EarlyResponse> evaluate(Trajectory trajectory) {
    Objects.requireNonNull(trajectory, "trajectory");
    ScoreScale scale = trajectory.scale();
    Direction direction = Scales.direction(scale);
    int k = -1;
    for (int i = 1; i < trajectory.size() && trajectory.sessionAt(i) <= bySession; i++) {
      k = i;
    }
    double base = trajectory.scoreAt(0);
    double level = Scales.severity(scale, direction, base);
    if (k < 0 || !(level > 0)) {
      return Optional.empty();
    }
    double score = trajectory.scoreAt(k);
    double rel = direction.improvement(base, score) / level + 0.0; // + 0.0: no "-0.0" for no change
    return Optional.of(
        new EarlyResponse(trajectory.sessionAt(0), base, trajectory.sessionAt(k), score, rel,
            rel >= fraction));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EarlyResponseCriteria c
        && Double.compare(fraction, c.fraction) == 0
        && bySession == c.bySession;
  }

  @Override
  public int hashCode() {
    return Objects.hash(fraction, bySession);
  }

  @Override
  public String toString() {
    return "early response: a reduction of at least " + Checks.fmt(fraction) + " of the baseline level by session "
        + bySession;
  }
}
