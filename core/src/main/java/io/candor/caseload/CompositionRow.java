package io.candor.caseload;

import io.candor.internal.Checks;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One group of clients (a course, or how the episode ended) in the composition of a caseload:
 * its share of the clients who started treatment, its share of the standing caseload, its mean
 * stay and the standing share Little's law predicts from them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param group the group's name ("chronic", "not reliably improved")
 * @param started share of the clients who started treatment in the window (with a first-come,
 *     first-served waiting list this is the referral mix)
 * @param standing share of the standing caseload, averaged over the window's weeks
 * @param meanWeeks mean weeks in treatment of the group's clients who started in the window;
 *     empty when none did
 * @param littlesLaw the standing share predicted by Little's law, started share × mean weeks,
 *     normalised over the groups; empty when a group has no mean
 */
public record CompositionRow(
    String group, double started, double standing, OptionalDouble meanWeeks,
    OptionalDouble littlesLaw) {

  /**
   * Validates the components.
   *
   * @param group the group's name ("chronic", "not reliably improved")
   * @param started share of the clients who started treatment in the window (with a first-come,
   *     first-served waiting list this is the referral mix)
   * @param standing share of the standing caseload, averaged over the window's weeks
   * @param meanWeeks mean weeks in treatment of the group's clients who started in the window;
   *     empty when none did
   * @param littlesLaw the standing share predicted by Little's law, started share × mean weeks,
   *     normalised over the groups; empty when a group has no mean
   */
  public CompositionRow {
    Checks.nonBlank("group", group);
    Checks.probability("started", started);
    Checks.probability("standing", standing);
    Objects.requireNonNull(meanWeeks, "meanWeeks");
    meanWeeks.ifPresent(v -> Checks.nonNegative("meanWeeks", v));
    Objects.requireNonNull(littlesLaw, "littlesLaw");
    littlesLaw.ifPresent(v -> Checks.probability("littlesLaw", v));
  }
}
