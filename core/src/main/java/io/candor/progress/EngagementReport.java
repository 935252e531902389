package io.candor.progress;

import io.candor.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Engagement and dropout in a cohort: the dropout hazard per session (overall and by group), how
 * many left before a reliable improvement, and outcome rates among completers only next to the
 * rates among all who started, so it shows how completer-only figures flatter outcomes.
 *
 * <p>Outcomes are judged at each client's last observation (the last observation carried forward
 * for those who left early). Immutable and thread-safe.
 *
 * @param definition the dropout definition used
 * @param starters clients analysed
 * @param dropouts clients who dropped out
 * @param dropoutsBeforeReliableImprovement dropouts with no reliable improvement at any observation
 *     before they left
 * @param overall the hazard table of the whole cohort
 * @param byGroup hazard tables by group, in first-seen order (empty when no grouping was given)
 * @param reliableImprovementCompleters share of completers reliably improved at their last
 *     observation (empty when there are no completers)
 * @param reliableImprovementAllStarters share of all starters reliably improved at their last
 *     observation
 * @param recoveryCompleters share of completers recovered at their last observation (empty when
 *     there are no completers or the instrument has no caseness cutoff)
 * @param recoveryAllStarters share of all starters recovered at their last observation (empty
 *     without a caseness cutoff)
 */
public record EngagementReport(
    DropoutDefinition definition,
    int starters,
    int dropouts,
    int dropoutsBeforeReliableImprovement,
    DropoutHazard overall,
    Map<String, DropoutHazard> byGroup,
    OptionalDouble reliableImprovementCompleters,
    OptionalDouble reliableImprovementAllStarters,
    OptionalDouble recoveryCompleters,
    OptionalDouble recoveryAllStarters) {

  /**
   * Validates and copies.
   *
   * @param definition the dropout definition used
   * @param starters clients analysed
   * @param dropouts clients who dropped out
   * @param dropoutsBeforeReliableImprovement dropouts with no reliable improvement at any observation
   *     before they left
   * @param overall the hazard table of the whole cohort
   * @param byGroup hazard tables by group, in first-seen order (empty when no grouping was given)
   * @param reliableImprovementCompleters share of completers reliably improved at their last
   *     observation (empty when there are no completers)
   * @param reliableImprovementAllStarters share of all starters reliably improved at their last
   *     observation
   * @param recoveryCompleters share of completers recovered at their last observation (empty when
   *     there are no completers or the instrument has no caseness cutoff)
   * @param recoveryAllStarters share of all starters recovered at their last observation (empty
   *     without a caseness cutoff)
   */
  public EngagementReport {
    Objects.requireNonNull(definition, "definition");
    Checks.atLeast("starters", starters, 1);
    Checks.inRange("dropouts", dropouts, 0, starters);
    Checks.inRange("dropoutsBeforeReliableImprovement", dropoutsBeforeReliableImprovement, 0, dropouts);
    Objects.requireNonNull(overall, "overall");
    byGroup = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byGroup));
    Objects.requireNonNull(reliableImprovementCompleters, "reliableImprovementCompleters");
    Objects.requireNonNull(reliableImprovementAllStarters, "reliableImprovementAllStarters");
    Objects.requireNonNull(recoveryCompleters, "recoveryCompleters");
    Objects.requireNonNull(recoveryAllStarters, "recoveryAllStarters");
  }

  /**
   * Clients who did not drop out.
   *
   * @return the number of clients who did not drop out
   */
  public int completers() {
    return starters - dropouts;
  }

  /**
   * Share of starters who dropped out.
   *
   * @return the share of starters who dropped out
   */
  public double dropoutRate() {
    return (double) dropouts / starters;
  }

  /**
   * Share of starters who left before any reliable improvement.
   *
   * @return the share of starters who left before any reliable improvement
   */
  public double shareLeavingBeforeReliableImprovement() {
    return (double) dropoutsBeforeReliableImprovement / starters;
  }
}
