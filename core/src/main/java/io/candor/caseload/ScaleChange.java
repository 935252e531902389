package io.candor.caseload;

import io.candor.change.ReliableChange;
import io.candor.internal.Checks;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Reliable change on one scale of a wellbeing instrument: the Jacobson–Truax threshold from the
 * scale's reliability and reference SD, and, when there is an earlier assessment, the change since
 * it as the change package assesses it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param threshold the smallest change (points) larger than measurement error alone at the 95 %
 *     level: 1.96 · SD · √(2(1 − r))
 * @param basis how the threshold was computed, with the figures' sources
 * @param since the date of the earlier assessment, if any
 * @param assessment the Jacobson–Truax assessment of the change since then, if any
 */
public record ScaleChange(
    double threshold, String basis, Optional<LocalDate> since,
    Optional<ReliableChange> assessment) {

  /**
   * Validates the components.
   *
   * @param threshold the smallest change (points) larger than measurement error alone at the 95 %
   *     level: 1.96 · SD · √(2(1 − r))
   * @param basis how the threshold was computed, with the figures' sources
   * @param since the date of the earlier assessment, if any
   * @param assessment the Jacobson–Truax assessment of the change since then, if any
   */
  public ScaleChange {
    Checks.positive("threshold", threshold);
    Checks.nonBlank("basis", basis);
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(assessment, "assessment");
    if (since.isPresent() != assessment.isPresent()) {
      throw new IllegalArgumentException("since and assessment are given together or not at all");
    }
  }
}
