package io.candor.change;

import io.candor.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * Cohort rates of the NHS Talking Therapies metrics with Wilson 95 % intervals. A rate is empty when
 * its denominator is zero.
 *
 * <p>Denominators: recovery and reliable recovery are among episodes that finished treatment and
 * were at caseness at the start; reliable improvement and reliable deterioration are among all
 * episodes that finished treatment.
 *
 * @param episodes number of episodes given
 * @param finishedTreatment number that finished treatment (≥ 2 contacts)
 * @param caseAtStart number that finished treatment and were at caseness at the start
 * @param recovery recovery rate
 * @param reliableImprovement reliable-improvement rate
 * @param reliableRecovery reliable-recovery rate
 * @param reliableDeterioration reliable-deterioration rate
 */
public record TalkingTherapiesRates(
    int episodes,
    int finishedTreatment,
    int caseAtStart,
    Optional<Rate> recovery,
    Optional<Rate> reliableImprovement,
    Optional<Rate> reliableRecovery,
    Optional<Rate> reliableDeterioration) {

  /**
   * Validates the components.
   *
   * @param episodes number of episodes given
   * @param finishedTreatment number that finished treatment (≥ 2 contacts)
   * @param caseAtStart number that finished treatment and were at caseness at the start
   * @param recovery recovery rate
   * @param reliableImprovement reliable-improvement rate
   * @param reliableRecovery reliable-recovery rate
   * @param reliableDeterioration reliable-deterioration rate
   */
  public TalkingTherapiesRates {
    Checks.atLeast("episodes", episodes, 0);
    Checks.inRange("finishedTreatment", finishedTreatment, 0, episodes);
    Checks.inRange("caseAtStart", caseAtStart, 0, finishedTreatment);
    Objects.requireNonNull(recovery, "recovery");
    Objects.requireNonNull(reliableImprovement, "reliableImprovement");
    Objects.requireNonNull(reliableRecovery, "reliableRecovery");
    Objects.requireNonNull(reliableDeterioration, "reliableDeterioration");
  }
}
