package io.candor.progress;

import io.candor.internal.Checks;

/**
 * A return to the clinical range after recovery.
 *
 * <p>Immutable and thread-safe.
 *
 * @param recoverySession first session at which the client had recovered (reliable improvement
 *     from the first score and out of the clinical range)
 * @param recoveryScore score at {@code recoverySession}
 * @param relapseSession first later session back in the clinical range
 * @param relapseScore score at {@code relapseSession}
 */
public record Relapse(int recoverySession, double recoveryScore, int relapseSession, double relapseScore) {

  /**
   * Validates the components.
   *
   * @param recoverySession first session at which the client had recovered (reliable improvement
   *     from the first score and out of the clinical range)
   * @param recoveryScore score at {@code recoverySession}
   * @param relapseSession first later session back in the clinical range
   * @param relapseScore score at {@code relapseSession}
   */
  public Relapse {
    if (relapseSession <= recoverySession) {
      throw new IllegalArgumentException(
          "relapseSession must be after recoverySession " + recoverySession + ", was " + relapseSession);
    }
    Checks.finite("recoveryScore", recoveryScore);
    Checks.finite("relapseScore", relapseScore);
  }
}
