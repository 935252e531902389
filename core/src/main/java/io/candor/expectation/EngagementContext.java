package io.candor.expectation;

import io.candor.domain.ReadinessStage;
import io.candor.evidence.Sourced;
import java.util.Objects;
import java.util.Optional;

/**
 * Engagement beside published figures, as context and never as a prediction: the client's missed
 * appointments next to the typical share in mental-health services, homework done next to the
 * modest published association of homework with outcome, and the readiness stage (which, unlike
 * the others, does enter the numbers: through the simulator's stage-specific rate and dropout).
 *
 * <p>Immutable and thread-safe.
 *
 * @param attendance the client's appointments offered and missed, if recorded
 * @param typicalMissedShare the share of mental-health appointments missed (Mitchell &amp; Selmes
 *     2007: about 20 %)
 * @param homework the client's tasks set and done, if recorded
 * @param homeworkAssociationLow the lower published correlation of homework compliance with
 *     outcome (Kazantzis et al. 2000: r = .22)
 * @param homeworkAssociationHigh the higher one (Mausbach et al. 2010: r = .26)
 * @param readiness the readiness stage at intake, if known
 * @param readinessAssociation the published association of stage with outcome (Norcross et al.
 *     2011: d = .46)
 */
public record EngagementContext(
    Optional<ClientProfile.Attendance> attendance,
    Sourced typicalMissedShare,
    Optional<ClientProfile.Homework> homework,
    Sourced homeworkAssociationLow,
    Sourced homeworkAssociationHigh,
    Optional<ReadinessStage> readiness,
    Sourced readinessAssociation) {

  /**
   * Checks for nulls.
   *
   * @param attendance the client's appointments offered and missed, if recorded
   * @param typicalMissedShare the share of mental-health appointments missed (Mitchell &amp; Selmes
   *     2007: about 20 %)
   * @param homework the client's tasks set and done, if recorded
   * @param homeworkAssociationLow the lower published correlation of homework compliance with
   *     outcome (Kazantzis et al. 2000: r = .22)
   * @param homeworkAssociationHigh the higher one (Mausbach et al. 2010: r = .26)
   * @param readiness the readiness stage at intake, if known
   * @param readinessAssociation the published association of stage with outcome (Norcross et al.
   *     2011: d = .46)
   */
  public EngagementContext {
    Objects.requireNonNull(attendance, "attendance");
    Objects.requireNonNull(typicalMissedShare, "typicalMissedShare");
    Objects.requireNonNull(homework, "homework");
    Objects.requireNonNull(homeworkAssociationLow, "homeworkAssociationLow");
    Objects.requireNonNull(homeworkAssociationHigh, "homeworkAssociationHigh");
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(readinessAssociation, "readinessAssociation");
  }
}
