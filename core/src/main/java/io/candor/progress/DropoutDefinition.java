package io.candor.progress;

import io.candor.domain.ClientId;
import io.candor.domain.Trajectory;
import io.candor.evidence.Citations;
import io.candor.internal.Checks;
import java.util.Objects;
import java.util.Set;

/**
 * What counts as dropping out. Dropout rates depend heavily on the definition (Swift &amp;
 * Greenberg 2012 found 19.7 % overall, varying with how dropout was defined), so Candor never
 * assumes one: choose
 *
 * <ul>
 *   <li>{@link BeforeSession}: the client's last observed session is before a planned minimum
 *       (e.g. fewer than 6 sessions of a 6-session protocol);
 *   <li>{@link Flagged}: the service recorded which clients dropped out (e.g. "ended treatment
 *       without agreement").
 * </ul>
 *
 * A dropout leaves at the last observed session; other clients are censored there.
 *
 * @see Citations#SWIFT_2012
 */
public sealed interface DropoutDefinition permits DropoutDefinition.BeforeSession, DropoutDefinition.Flagged {

  /**
   * Whether this trajectory's client dropped out.
   *
   * @param trajectory the client's trajectory
   * @return whether this trajectory's client dropped out
   */
  boolean droppedOut(Trajectory trajectory);

  /**
   * A one-line description for reports.
   *
   * @return a one-line description for reports
   */
  String describe();

  /**
   * Dropout when the last observed session is before {@code plannedSessions}.
   *
   * @param plannedSessions the planned last session, at least 1
   * @return the definition
   */
  static DropoutDefinition beforeSession(int plannedSessions) {
    return new BeforeSession(plannedSessions);
  }

  /**
   * Dropout for exactly the flagged clients.
   *
   * @param dropouts the clients who dropped out
   * @return the definition
   */
  static DropoutDefinition flagged(Set<ClientId> dropouts) {
    return new Flagged(dropouts);
  }

  /**
   * Dropout when the last observed session is before {@code plannedSessions}.
   *
   * @param plannedSessions the session a completer reaches (at least 1)
   */
  record BeforeSession(int plannedSessions) implements DropoutDefinition {
    /**
     * Validates.
     *
     * @param plannedSessions the session a completer reaches (at least 1)
     */
    public BeforeSession {
      Checks.atLeast("plannedSessions", plannedSessions, 1);
    }

    @Override
    public boolean droppedOut(Trajectory trajectory) {
      return trajectory.sessionAt(trajectory.size() - 1) < plannedSessions;
    }

    @Override
    public String describe() {
      return "last observed session before session " + plannedSessions;
    }
  }

  /**
   * Dropout for exactly the flagged clients.
   *
   * @param dropouts the clients recorded as having dropped out
   */
  record Flagged(Set<ClientId> dropouts) implements DropoutDefinition {
    /**
     * Validates and copies.
     *
     * @param dropouts the clients recorded as having dropped out
     */
    public Flagged {
      dropouts = Set.copyOf(Objects.requireNonNull(dropouts, "dropouts"));
    }

    @Override
    public boolean droppedOut(Trajectory trajectory) {
      return dropouts.contains(trajectory.client());
    }

    @Override
    public String describe() {
      return "flagged as dropped out by the service";
    }
  }
}
