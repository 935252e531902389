package io.candor.caseload;

import io.candor.internal.Checks;
import java.util.List;

/**
 * Who is on a caseload compared with who starts treatment: the length-bias effect. Clients who
 * improve leave sooner, so the clients a therapist holds on an average week include more chronic
 * and non-improving clients than the referral mix. In a steady state Little's law gives the
 * standing share of a group as its share of starts times its mean stay, normalised ({@link
 * LittlesLaw}); {@link CompositionRow#littlesLaw()} is that prediction, {@link
 * CompositionRow#standing()} what the simulation found.
 *
 * <p>The window is the weeks from the warm-up to the last week whose clients have all been
 * discharged by the end of the run (the run's length less the longest possible episode), so
 * every client counted has a known ending and a complete stay.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fromWeek first week of the window
 * @param toWeek first week after the window
 * @param clients clients who started treatment in the window
 * @param courses one row per course
 * @param outcomes rows for clients who ended reliably improved, not reliably improved, and who
 *     dropped out
 * @param statement the effect in plain words, with its figures
 */
public record Composition(
    int fromWeek,
    int toWeek,
    long clients,
    List<CompositionRow> courses,
    List<CompositionRow> outcomes,
    String statement) {

  /**
   * Validates the components.
   *
   * @param fromWeek first week of the window
   * @param toWeek first week after the window
   * @param clients clients who started treatment in the window
   * @param courses one row per course
   * @param outcomes rows for clients who ended reliably improved, not reliably improved, and who
   *     dropped out
   * @param statement the effect in plain words, with its figures
   */
  public Composition {
    Checks.atLeast("fromWeek", fromWeek, 0);
    if (toWeek <= fromWeek) {
      throw new IllegalArgumentException("toWeek " + toWeek + " must be after fromWeek " + fromWeek);
    }
    if (clients < 0) {
      throw new IllegalArgumentException("clients must be >= 0, was " + clients);
    }
    courses = List.copyOf(Checks.noNulls("courses", courses));
    outcomes = List.copyOf(Checks.noNulls("outcomes", outcomes));
    Checks.nonBlank("statement", statement);
  }

  /**
   * The row of a group.
   *
   * @param group the group's name
   * @return the row
   * @throws IllegalArgumentException if there is no such group
   */
  public CompositionRow row(String group) {
    return java.util.stream.Stream.concat(courses.stream(), outcomes.stream())
        .filter(r -> r.group().equals(group)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "no composition group " + Checks.quote(group)));
  }
}
