package io.candor.expectation;

import io.candor.evidence.Sourced;
import java.util.Objects;

/**
 * What success can realistically mean for a chronic course: stabilisation (staying stable or
 * better, the report's {@link Outcome#STABLE_OR_BETTER}), fewer or shorter relapses, and better
 * day-to-day functioning, rather than scores below the caseness cutoff. The figures here are the
 * published context the renderers cite beside the simulated numbers.
 *
 * <p>Immutable and thread-safe.
 *
 * @param effectSize the effect of psychotherapy on chronic depression against control conditions
 *     (Cuijpers et al. 2010: d = 0.23, small)
 * @param sessionsForFullEffect the number of sessions the same meta-analysis found indications were
 *     needed for the full effect (at least 18)
 * @param relapseWithinYear the share relapsing within a year after acute CBT, for recurrent
 *     courses (Vittengl et al. 2007: 29 %)
 * @param chronicLevel the level the simulator's chronic course levels off at (just above the
 *     caseness cutoff: an assumption of the scenario)
 */
public record ChronicOutlook(Sourced effectSize, Sourced sessionsForFullEffect,
    Sourced relapseWithinYear, Sourced chronicLevel) {

  /**
   * Checks for nulls.
   *
   * @param effectSize the effect of psychotherapy on chronic depression against control conditions
   *     (Cuijpers et al. 2010: d = 0.23, small)
   * @param sessionsForFullEffect the number of sessions the same meta-analysis found indications were
   *     needed for the full effect (at least 18)
   * @param relapseWithinYear the share relapsing within a year after acute CBT, for recurrent
   *     courses (Vittengl et al. 2007: 29 %)
   * @param chronicLevel the level the simulator's chronic course levels off at (just above the
   *     caseness cutoff: an assumption of the scenario)
   */
  public ChronicOutlook {
    Objects.requireNonNull(effectSize, "effectSize");
    Objects.requireNonNull(sessionsForFullEffect, "sessionsForFullEffect");
    Objects.requireNonNull(relapseWithinYear, "relapseWithinYear");
    Objects.requireNonNull(chronicLevel, "chronicLevel");
  }
}
