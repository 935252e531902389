package io.candor.progress;

import io.candor.domain.ScoreScale;
import io.candor.domain.Trajectory;
import io.candor.measure.Direction;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Milestones in one trajectory, each measured from the first observation (intake):
 *
 * <ul>
 *   <li><b>reliable improvement</b>: the improvement from the first score (direction-aware: intake
 *       minus current on a higher-is-worse scale) is at least the instrument's reliable-change
 *       threshold ({@link io.candor.measure.Instrument#reliableChange()}, else 1.96·SD·√(2(1−r))
 *       from its clinical norms);
 *   <li><b>recovery</b>: reliable improvement and out of the clinical range (below the caseness
 *       cutoff on a higher-is-worse scale, at or above it on a higher-is-better one) for a client
 *       who was in the clinical range at intake (NHS Talking Therapies' "reliable recovery"); a
 *       client not a case at intake cannot recover;
 *   <li><b>relapse</b>: a return to the clinical range at any observation after the first recovery.
 * </ul>
 *
 * Stateless; thread-safe.
 */
public final class Milestones {

  private Milestones() {}

  /**
   * The first session with reliable improvement from the first score.
   *
   * @throws IllegalStateException if the scale has no reliable-change threshold
   */
  public static OptionalInt reliableImprovement(Trajectory trajectory) {
    Objects.requireNonNull(trajectory, "trajectory");
    ScoreScale scale = trajectory.scale();
    double rc = Scales.requireReliableChange(scale, "reliable improvement needs one");
    Direction d = Scales.direction(scale);
    double base = trajectory.scoreAt(0);
    for (int i = 1; i < trajectory.size(); i++) {
      if (d.improvement(base, trajectory.scoreAt(i)) >= rc) {
        return OptionalInt.of(trajectory.sessionAt(i));
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The first session of recovery; empty if the client was not a case at intake or never
   * recovered.
   *
   * @throws IllegalStateException if the scale has no caseness cutoff or no reliable-change
   *     threshold
   */
  public static OptionalInt recovery(Trajectory trajectory) {
    int i = recoveryIndex(trajectory);
    return i < 0 ? OptionalInt.empty() : OptionalInt.of(trajectory.sessionAt(i));
  }

  /**
   * The first relapse after the first recovery.
   *
   * @throws IllegalStateException if the scale has no caseness cutoff or no reliable-change
   *     threshold
   */
  public static Optional<Relapse> relapse(Trajectory trajectory) {
    int r = recoveryIndex(trajectory);
    if (r < 0) {
      return Optional.empty();
    }
    ScoreScale scale = trajectory.scale();
    double cutoff = Scales.requireCaseness(scale, "relapse needs one");
    Direction d = Scales.direction(scale);
    for (int i = r + 1; i < trajectory.size(); i++) {
      if (Scales.isCase(d, cutoff, trajectory.scoreAt(i))) {
        return Optional.of(
            new Relapse(trajectory.sessionAt(r), trajectory.scoreAt(r), trajectory.sessionAt(i),
                trajectory.scoreAt(i)));
      }
    }
    return Optional.empty();
  }

  /** Whether the last score is a reliable improvement on the first. */
  static boolean reliablyImprovedAtEnd(Trajectory t, double rc) {
    Direction d = Scales.direction(t.scale());
    return t.size() > 1 && d.improvement(t.scoreAt(0), t.scoreAt(t.size() - 1)) >= rc;
  }

  /** Whether the client, a case at intake, has recovered at the last observation. */
  static boolean recoveredAtEnd(Trajectory t, double rc, double cutoff) {
    Direction d = Scales.direction(t.scale());
    double last = t.scoreAt(t.size() - 1);
    return Scales.isCase(d, cutoff, t.scoreAt(0))
        && reliablyImprovedAtEnd(t, rc)
        && !Scales.isCase(d, cutoff, last);
  }

  private static int recoveryIndex(Trajectory trajectory) {
    Objects.requireNonNull(trajectory, "trajectory");
    ScoreScale scale = trajectory.scale();
    double cutoff = Scales.requireCaseness(scale, "recovery needs one");
    double rc = Scales.requireReliableChange(scale, "recovery needs one");
    Direction d = Scales.direction(scale);
    double base = trajectory.scoreAt(0);
    if (!Scales.isCase(d, cutoff, base)) {
      return -1;
    }
    for (int i = 1; i < trajectory.size(); i++) {
      double x = trajectory.scoreAt(i);
      if (d.improvement(base, x) >= rc && !Scales.isCase(d, cutoff, x)) {
        return i;
      }
    }
    return -1;
  }
}
