package io.candor.evidence;

import io.candor.internal.Checks;
import java.util.Objects;

/**
 * A sentence that Candor states as a fact or a caveat, together with where it comes from and how
 * sure we are of it: the text counterpart of {@link Sourced}. Examples: "The ProQOL is not a
 * diagnostic tool" (the manual, primary) or "caseload was associated with emotional exhaustion"
 * (a published association, reported as context).
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the statement in plain words; not blank
 * @param source the publication it rests on
 * @param certainty how sure Candor is of it
 */
public record Statement(String text, Citation source, Certainty certainty) {

  /**
   * Validates the components.
   *
   * @param text the statement in plain words; not blank
   * @param source the publication it rests on
   * @param certainty how sure Candor is of it
   */
  public Statement {
    Checks.nonBlank("text", text);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(certainty, "certainty");
  }

  /**
   * A statement checked against its primary source.
   *
   * @param text the statement
   * @param source where it comes from
   * @return the statement
   */
  public static Statement primary(String text, Citation source) {
    return new Statement(text, source, Certainty.PRIMARY);
  }

  /**
   * A statement confirmed by a secondary source.
   *
   * @param text the statement
   * @param source where it comes from
   * @return the statement
   */
  public static Statement secondary(String text, Citation source) {
    return new Statement(text, source, Certainty.SECONDARY);
  }

  /**
   * A documented assumption or convention.
   *
   * @param text the statement
   * @param source what it is nearest to resting on
   * @return the statement
   */
  public static Statement assumption(String text, Citation source) {
    return new Statement(text, source, Certainty.ASSUMPTION);
  }

  @Override
  public String toString() {
    return text + " [" + source.shortForm() + ", "
        + certainty.name().toLowerCase(java.util.Locale.ROOT) + "]";
  }
}
