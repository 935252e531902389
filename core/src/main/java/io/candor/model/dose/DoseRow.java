package io.candor.model.dose;

import io.candor.internal.Checks;

/**
 * One row of an aggregated dose–effect table: of {@code n} clients who attended {@code sessions}
 * sessions, {@code improved} had improved.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sessions sessions attended; finite and at least 1 (its natural log is the regressor)
 * @param n number of clients; at least 1
 * @param improved number improved; between 0 and {@code n}
 */
public record DoseRow(double sessions, int n, int improved) {

  /**
   * Validates the row.
   *
   * @param sessions sessions attended; finite and at least 1 (its natural log is the regressor)
   * @param n number of clients; at least 1
   * @param improved number improved; between 0 and {@code n}
   * @throws IllegalArgumentException naming the field and value when one is out of range
   */
  public DoseRow {
    checkSessions("sessions", sessions);
    Checks.atLeast("n", n, 1);
    if (improved < 0 || improved > n) {
      throw new IllegalArgumentException(
          "improved must be between 0 and n (" + n + "), was " + improved);
    }
  }

  /**
   * The share improved, {@code improved / n}.
   *
   * @return the share improved, {@code improved / n}
   */
  public double proportion() {
    return (double) improved / n;
  }

  static void checkSessions(String name, double sessions) {
    if (!(sessions >= 1) || sessions == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          name
              + " must be a finite number >= 1 (its natural log is the regressor), was "
              + sessions);
    }
  }
}
