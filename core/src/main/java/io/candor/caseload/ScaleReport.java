package io.candor.caseload;

import io.candor.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One scale of a therapist's wellbeing report: the latest score, its band, reliable change and
 * the scores over time, with a plain statement that describes scores, never the person.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scale the scale's id ("BO")
 * @param name the scale's name ("Burnout")
 * @param score the latest score
 * @param band the latest score's band label, if the scale has bands
 * @param bandRange the band's range in words ("23-41"), if the scale has bands
 * @param reliableChange the reliable-change threshold and the change since the baseline; empty
 *     when the scale has no reference SD to compute a threshold from
 * @param trajectory the scale's scores over time, oldest first (the latest included)
 * @param statement the scale's score, band and change in plain words
 */
public record ScaleReport(
    String scale,
    String name,
    double score,
    Optional<String> band,
    Optional<String> bandRange,
    Optional<ScaleChange> reliableChange,
    List<ScalePoint> trajectory,
    String statement) {

  /**
   * Validates the components.
   *
   * @param scale the scale's id ("BO")
   * @param name the scale's name ("Burnout")
   * @param score the latest score
   * @param band the latest score's band label, if the scale has bands
   * @param bandRange the band's range in words ("23-41"), if the scale has bands
   * @param reliableChange the reliable-change threshold and the change since the baseline; empty
   *     when the scale has no reference SD to compute a threshold from
   * @param trajectory the scale's scores over time, oldest first (the latest included)
   * @param statement the scale's score, band and change in plain words
   */
  public ScaleReport {
    Checks.nonBlank("scale", scale);
    Checks.nonBlank("name", name);
    Checks.finite("score", score);
    Objects.requireNonNull(band, "band");
    Objects.requireNonNull(bandRange, "bandRange");
    Objects.requireNonNull(reliableChange, "reliableChange");
    trajectory = List.copyOf(Checks.nonEmptyNoNulls("trajectory", trajectory));
    Checks.nonBlank("statement", statement);
  }
}
