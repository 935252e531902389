package io.candor.progress;

import io.candor.domain.ClientId;
import io.candor.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sudden gains and losses found in one client's trajectory, in session order, with the
 * per-client summaries (first, largest, all).
 *
 * <p>Immutable and thread-safe.
 *
 * @param client the client
 * @param scaleId the scale the trajectory was on
 * @param gains the sudden gains in session order (possibly empty)
 * @param losses the sudden losses in session order (possibly empty)
 */
public record SuddenChanges(
    ClientId client, String scaleId, List<SuddenChange> gains, List<SuddenChange> losses) {

  /**
   * Validates and copies.
   *
   * @param client the client
   * @param scaleId the scale the trajectory was on
   * @param gains the sudden gains in session order (possibly empty)
   * @param losses the sudden losses in session order (possibly empty)
   */
  public SuddenChanges {
    Objects.requireNonNull(client, "client");
    Checks.nonBlank("scaleId", scaleId);
    gains = List.copyOf(Checks.noNulls("gains", gains));
    losses = List.copyOf(Checks.noNulls("losses", losses));
    for (SuddenChange g : gains) {
      if (g.kind() != ChangeKind.GAIN) {
        throw new IllegalArgumentException("gains must hold only gains, found " + g);
      }
    }
    for (SuddenChange l : losses) {
      if (l.kind() != ChangeKind.LOSS) {
        throw new IllegalArgumentException("losses must hold only losses, found " + l);
      }
    }
  }

  /**
   * The gains or the losses.
   *
   * @param kind gains or losses
   * @return the gains or the losses
   */
  public List<SuddenChange> of(ChangeKind kind) {
    return kind == ChangeKind.GAIN ? gains : losses;
  }

  /**
   * Whether the client had at least one sudden gain.
   *
   * @return whether the client had at least one sudden gain
   */
  public boolean hasGain() {
    return !gains.isEmpty();
  }

  /**
   * Whether the client had at least one sudden loss.
   *
   * @return whether the client had at least one sudden loss
   */
  public boolean hasLoss() {
    return !losses.isEmpty();
  }

  /**
   * The earliest sudden gain.
   *
   * @return the earliest sudden gain
   */
  public Optional<SuddenChange> firstGain() {
    return gains.isEmpty() ? Optional.empty() : Optional.of(gains.get(0));
  }

  /**
   * The largest sudden gain by magnitude; the earliest of equally large ones.
   *
   * @return the largest sudden gain by magnitude; the earliest of equally large ones
   */
  public Optional<SuddenChange> largestGain() {
    return largest(gains);
  }

  /**
   * The earliest sudden loss.
   *
   * @return the earliest sudden loss
   */
  public Optional<SuddenChange> firstLoss() {
    return losses.isEmpty() ? Optional.empty() : Optional.of(losses.get(0));
  }

  /**
   * The largest sudden loss by magnitude; the earliest of equally large ones.
   *
   * @return the largest sudden loss by magnitude; the earliest of equally large ones
   */
  public Optional<SuddenChange> largestLoss() {
    return largest(losses);
  }

  /**
   * The change of that kind chosen by {@code selection}.
   *
   * @param kind gains or losses
   * @param selection the first or the largest
   * @return the change of that kind chosen by {@code selection}
   */
  public Optional<SuddenChange> select(ChangeKind kind, PersonSelection selection) {
    List<SuddenChange> list = of(kind);
    return selection == PersonSelection.FIRST
        ? (list.isEmpty() ? Optional.empty() : Optional.of(list.get(0)))
        : largest(list);
  }

  private static Optional<SuddenChange> largest(List<SuddenChange> list) {
    SuddenChange best = null;
    for (SuddenChange c : list) {
      if (best == null || c.magnitude() > best.magnitude()) {
        best = c;
      }
    }
    return Optional.ofNullable(best);
  }
}
