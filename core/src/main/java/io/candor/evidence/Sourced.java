package io.candor.evidence;

import io.candor.internal.Checks;
import java.util.Objects;

/**
 * A number together with where it comes from and how sure we are of it.
 *
 * <p>Every default number in Candor is one of these. {@link #note()} says how the figure was
 * derived (for example "S_diff·1.96 from SD 5.7 and test–retest 0.84") or what it assumes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the figure; finite
 * @param source the publication it comes from
 * @param certainty how sure Candor is of it
 * @param note how the figure was obtained or what it assumes; may be empty, never null
 */
public record Sourced(double value, Citation source, Certainty certainty, String note) {

  /**
   * Validates the components.
   *
   * @param value the figure; finite
   * @param source the publication it comes from
   * @param certainty how sure Candor is of it
   * @param note how the figure was obtained or what it assumes; may be empty, never null
   */
  public Sourced {
    Checks.finite("value", value);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(certainty, "certainty");
    Objects.requireNonNull(note, "note");
  }

  /**
   * A figure checked against its primary source.
   *
   * @param value the figure
   * @param source the citation the figure comes from
   * @param note what the figure rests on, in words
   * @return a figure checked against its primary source
   */
  public static Sourced primary(double value, Citation source, String note) {
    return new Sourced(value, source, Certainty.PRIMARY, note);
  }

  /**
   * A figure confirmed by a secondary source.
   *
   * @param value the figure
   * @param source the citation the figure comes from
   * @param note what the figure rests on, in words
   * @return a figure confirmed by a secondary source
   */
  public static Sourced secondary(double value, Citation source, String note) {
    return new Sourced(value, source, Certainty.SECONDARY, note);
  }

  /**
   * A documented assumption.
   *
   * @param value the figure
   * @param source the citation the figure comes from
   * @param note what the figure rests on, in words
   * @return a documented assumption
   */
  public static Sourced assumption(double value, Citation source, String note) {
    return new Sourced(value, source, Certainty.ASSUMPTION, note);
  }

  /**
   * A copy with another value and note, keeping the source and certainty.
   *
   * @param newValue the new figure
   * @param newNote what it rests on
   * @return the copy
   */
  public Sourced withValue(double newValue, String newNote) {
    return new Sourced(newValue, source, certainty, newNote);
  }

  @Override
  public String toString() {
    return Checks.fmt(value) + " [" + source.shortForm() + ", " + certainty.name().toLowerCase(java.util.Locale.ROOT) + "]";
  }
}
