package io.candor.progress;

import io.candor.domain.Trajectory;
import io.candor.domain.ScoreScale;
import io.candor.internal.Enums;
import io.candor.measure.Instrument;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Events whose timing (in session numbers) feeds time-to-event analysis. Each client contributes
 * the session of the first event, or is censored at the last observed session.
 *
 * @see Milestones
 * @see DropoutDefinition
 */
public enum ProgressEvent {
  /** First reliable improvement from the intake score ({@link Milestones#reliableImprovement}). */
  RELIABLE_IMPROVEMENT,
  /**
   * First recovery ({@link Milestones#recovery}); only clients in the clinical range at intake are
   * at risk, the others are left out.
   */
  RECOVERY,
  /** Dropout at the last observed session, as the {@link DropoutDefinition} decides. */
  DROPOUT,
  /**
   * First relapse after the first recovery ({@link Milestones#relapse}). Only recovered clients
   * are at risk, and time is counted in sessions <em>since recovery</em> (relapse session minus
   * recovery session; censored at the last observed session minus the recovery session), because
   * Kaplan–Meier here has no delayed entry.
   */
  RELAPSE;

  /**
   * The client's time to this event, or empty when the client is not at risk of it (recovery for a
   * client not in the clinical range at intake; relapse for a client who never recovered).
   *
   * @param dropout the dropout definition (used only for {@link #DROPOUT})
   * @param trajectory the client's trajectory
   * @return the time to the event, or empty when the client is not at risk of it
   * @throws IllegalStateException if the instrument lacks the threshold or cutoff the event needs
   */
  public Optional<TimeToEvent> timeToEvent(Trajectory trajectory, DropoutDefinition dropout) {
    Objects.requireNonNull(trajectory, "trajectory");
    Objects.requireNonNull(dropout, "dropout");
    int lastSession = trajectory.sessionAt(trajectory.size() - 1);
    switch (this) {
      case RELIABLE_IMPROVEMENT:
        return Optional.of(of(trajectory, Milestones.reliableImprovement(trajectory), lastSession));
      case RECOVERY:
        if (!Scales.requireCaseness(trajectory.scale(), "recovery needs one")
            .isCase(trajectory.scoreAt(0))) {
          return Optional.empty();
        }
        return Optional.of(of(trajectory, Milestones.recovery(trajectory), lastSession));
      case DROPOUT:
        return Optional.of(
            new TimeToEvent(trajectory.client(), lastSession, dropout.droppedOut(trajectory)));
      case RELAPSE:
        OptionalInt recovered = Milestones.recovery(trajectory);
        if (recovered.isEmpty()) {
          return Optional.empty();
        }
        int from = recovered.getAsInt();
        Optional<Relapse> relapse = Milestones.relapse(trajectory);
        return Optional.of(
            relapse.isPresent()
                ? new TimeToEvent(trajectory.client(), relapse.get().relapseSession() - from, true)
                : new TimeToEvent(trajectory.client(), lastSession - from, false));
      default:
        throw new AssertionError(this);
    }
  }

  private static TimeToEvent of(Trajectory t, OptionalInt session, int lastSession) {
    return session.isPresent()
        ? new TimeToEvent(t.client(), session.getAsInt(), true)
        : new TimeToEvent(t.client(), lastSession, false);
  }

  /**
   * Whether this event needs an instrument with a caseness cutoff.
   *
   * @return whether this event needs an instrument with a caseness cutoff
   */
  public boolean needsCaseness() {
    return this == RECOVERY || this == RELAPSE;
  }

  /**
   * Whether {@code scale} supports this event (reliable-change threshold, cutoff where needed).
   *
   * @param scale the scale
   * @return whether the event can be decided on the scale
   */
  public boolean supports(ScoreScale scale) {
    boolean rc = Scales.hasReliableChange(scale);
    boolean cut = scale instanceof Instrument i && i.casenessCutoff().isPresent();
    return switch (this) {
      case RELIABLE_IMPROVEMENT -> rc;
      case RECOVERY, RELAPSE -> rc && cut;
      case DROPOUT -> true;
    };
  }

  /**
   * Parses a name case-insensitively ({@code reliable-improvement}, {@code recovery}, {@code
   * dropout}, {@code relapse}).
   *
   * @param text the name to parse
   * @return the event
   */
  public static ProgressEvent parse(CharSequence text) {
    return Enums.parse(ProgressEvent.class, "event", text);
  }
}
