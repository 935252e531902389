package io.candor.progress;

import io.candor.change.ClinicalEvents;
import io.candor.domain.Trajectory;
import io.candor.measure.Instrument;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Milestones in one trajectory, each measured from the first observation (intake):
 *
 * <ul>
 *   <li><b>reliable improvement</b>: {@link ClinicalEvents#reliablyImproved} from the first score
 *       (the instrument's published reliable-change threshold, else Jacobson–Truax from its
 *       clinical norms);
 *   <li><b>recovery</b>: {@link ClinicalEvents#reliablyRecovered} from the first score: reliable
 *       improvement and out of the clinical range for a client who was in it at intake (NHS Talking
 *       Therapies' "reliable recovery"); a client not a case at intake cannot recover;
 *   <li><b>relapse</b>: a return to the clinical range ({@link Instrument#isCase}) at any
 *       observation after the first recovery.
 * </ul>
 *
 * <p>The same definitions give {@code io.candor.model.survival.EventTimes}' times to event.
 *
 * Stateless; thread-safe.
 */
public final class Milestones {

  private Milestones() {}

  /**
   * The first session with reliable improvement from the first score.
   *
   * @param trajectory the client's observations
   * @return the session, or empty if there is none
   * @throws IllegalStateException if the scale has no reliable-change threshold
   */
  public static OptionalInt reliableImprovement(Trajectory trajectory) {
    Objects.requireNonNull(trajectory, "trajectory");
    ClinicalEvents events =
        Scales.requireReliableChange(trajectory.scale(), "reliable improvement needs one");
    double base = trajectory.scoreAt(0);
    for (int i = 1; i < trajectory.size(); i++) {
      if (events.reliablyImproved(base, trajectory.scoreAt(i))) {
        return OptionalInt.of(trajectory.sessionAt(i));
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The first session of recovery; empty if the client was not a case at intake or never
   * recovered.
   *
   * @param trajectory the client's observations
   * @return the session, or empty
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
   * @param trajectory the client's observations
   * @return the relapse, or empty
   * @throws IllegalStateException if the scale has no caseness cutoff or no reliable-change
   *     threshold
   */
  public static Optional<Relapse> relapse(Trajectory trajectory) {
    int r = recoveryIndex(trajectory);
    if (r < 0) {
      return Optional.empty();
    }
    Instrument instrument = Scales.requireCaseness(trajectory.scale(), "relapse needs one");
    for (int i = r + 1; i < trajectory.size(); i++) {
      if (instrument.isCase(trajectory.scoreAt(i))) {
        return Optional.of(
            new Relapse(trajectory.sessionAt(r), trajectory.scoreAt(r), trajectory.sessionAt(i),
                trajectory.scoreAt(i)));
      }
    }
    return Optional.empty();
  }

  /** Whether the last score is a reliable improvement on the first. */
  static boolean reliablyImprovedAtEnd(Trajectory t, ClinicalEvents events) {
    return t.size() > 1 && events.reliablyImproved(t.scoreAt(0), t.scoreAt(t.size() - 1));
  }

  /** Whether the client, a case at intake, has reliably recovered at the last observation. */
  static boolean recoveredAtEnd(Trajectory t, ClinicalEvents events) {
    return t.size() > 1 && events.reliablyRecovered(t.scoreAt(0), t.scoreAt(t.size() - 1));
  }

  private static int recoveryIndex(Trajectory trajectory) {
    Objects.requireNonNull(trajectory, "trajectory");
    Instrument instrument = Scales.requireCaseness(trajectory.scale(), "recovery needs one");
    ClinicalEvents events = Scales.requireReliableChange(instrument, "recovery needs one");
    double base = trajectory.scoreAt(0);
    if (!instrument.isCase(base)) {
      return -1;
    }
    for (int i = 1; i < trajectory.size(); i++) {
      if (events.reliablyRecovered(base, trajectory.scoreAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
