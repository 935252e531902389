package io.candor.caseload;

import io.candor.internal.Checks;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A therapist's load on one date, to be shown beside their wellbeing scores: any of caseload
 * size, sessions per week, and the shares of the caseload that are chronic, not on track by
 * Candor's alerts, or have trauma-related problems.
 *
 * <p>Immutable and thread-safe.
 *
 * @param date the date
 * @param caseload clients in treatment, if known (≥ 0)
 * @param weeklySessions sessions per week, if known (≥ 0)
 * @param shareChronic share of the caseload with a chronic course, if known
 * @param shareNotOnTrack share of the caseload not on track by Candor's alerts, if known
 * @param traumaShare share of sessions (or clients) with trauma-related problems, if known
 */
public record WorkloadSnapshot(
    LocalDate date,
    OptionalDouble caseload,
    OptionalDouble weeklySessions,
    OptionalDouble shareChronic,
    OptionalDouble shareNotOnTrack,
    OptionalDouble traumaShare) {

  /**
   * Validates the components: at least one figure, counts ≥ 0, shares in [0, 1].
   *
   * @param date the date
   * @param caseload clients in treatment, if known (≥ 0)
   * @param weeklySessions sessions per week, if known (≥ 0)
   * @param shareChronic share of the caseload with a chronic course, if known
   * @param shareNotOnTrack share of the caseload not on track by Candor's alerts, if known
   * @param traumaShare share of sessions (or clients) with trauma-related problems, if known
   */
  public WorkloadSnapshot {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(caseload, "caseload").ifPresent(v -> Checks.nonNegative("caseload", v));
    Objects.requireNonNull(weeklySessions, "weeklySessions")
        .ifPresent(v -> Checks.nonNegative("weeklySessions", v));
    Objects.requireNonNull(shareChronic, "shareChronic")
        .ifPresent(v -> Checks.probability("shareChronic", v));
    Objects.requireNonNull(shareNotOnTrack, "shareNotOnTrack")
        .ifPresent(v -> Checks.probability("shareNotOnTrack", v));
    Objects.requireNonNull(traumaShare, "traumaShare")
        .ifPresent(v -> Checks.probability("traumaShare", v));
    if (caseload.isEmpty() && weeklySessions.isEmpty() && shareChronic.isEmpty()
        && shareNotOnTrack.isEmpty() && traumaShare.isEmpty()) {
      throw new IllegalArgumentException("the workload on " + date + " gives no figure");
    }
  }

  /**
   * The load of one week of a simulated caseload (means per therapist; trauma share of sessions).
   *
   * @param date the date to show it at
   * @param week the week
   * @return the snapshot
   */
  public static WorkloadSnapshot of(LocalDate date, CaseloadWeek week) {
    Objects.requireNonNull(week, "week");
    return new WorkloadSnapshot(date, OptionalDouble.of(week.caseload()),
        OptionalDouble.of(week.sessions()), week.shareChronic(), week.shareNotOnTrack(),
        week.sessions() > 0 ? OptionalDouble.of(week.traumaSessions() / week.sessions())
            : OptionalDouble.empty());
  }
}
