package io.candor.progress;

import io.candor.internal.Checks;
import java.util.Locale;
import java.util.Objects;

/**
 * The verdict of the alert rules on one observation, with the numbers behind it. The rules are a
 * configurable choice (see {@link AlertRules}), not a clinical verdict.
 *
 * @param session the session of the observation
 * @param score the observed score
 * @param expectedMean the expected score at that session
 * @param expectedSd the SD of the expected distribution at that session
 * @param worsePercentile share of the expected distribution that is better than the score
 * @param signal the four-level signal
 * @param rules the rules applied, with the direction and cutoff in effect
 */
public record Alert(
    int session,
    double score,
    double expectedMean,
    double expectedSd,
    double worsePercentile,
    Signal signal,
    AlertRules rules) {

  /**
   * Validates the components.
   *
   * @param session the session of the observation
   * @param score the observed score
   * @param expectedMean the expected score at that session
   * @param expectedSd the SD of the expected distribution at that session
   * @param worsePercentile share of the expected distribution that is better than the score
   * @param signal the four-level signal
   * @param rules the rules applied, with the direction and cutoff in effect
   */
  public Alert {
    Checks.finite("score", score);
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(rules, "rules");
  }

  /**
   * Whether the client is on track: the signal is white or green ({@link Signal#onTrack()}).
   *
   * @return whether on track
   */
  public boolean onTrack() {
    return signal.onTrack();
  }

  /**
   * The reason for the signal, with its numbers, in plain words.
   *
   * @return the reason for the signal, with its numbers, in plain words
   */
  public String reason() {
    String where = String.format(Locale.ROOT,
        "session %d: score %s, expected %.1f (SD %.1f); %.0f%% of the expected range is better",
        session, Checks.fmt(score), expectedMean, expectedSd, 100 * worsePercentile);
    String why = switch (signal) {
      case FUNCTIONAL -> String.format(Locale.ROOT, "score is on the functional side of the"
          + " cutoff %s (%s); on track", Checks.fmt(rules.functionalCutoff().orElse(Double.NaN)),
          AlertRules.words(rules.direction().orElse(io.candor.measure.Direction.HIGHER_IS_WORSE)));
      case AT_RISK -> String.format(Locale.ROOT, "worse than the red boundary (%.0f%%): at risk"
          + " of not benefiting, not on track; worth a closer look", 100 * rules.redPercentile());
      case LESS_THAN_EXPECTED -> String.format(Locale.ROOT, "worse than the yellow boundary"
          + " (%.0f%%): less progress than expected, not on track", 100 * rules.yellowPercentile());
      case ADEQUATE_PROGRESS -> String.format(Locale.ROOT, "within the yellow boundary (%.0f%%):"
          + " progress as expected; on track", 100 * rules.yellowPercentile());
    };
    return where + "; " + why
        + ". Boundaries are a configurable choice, not a clinical verdict.";
  }
}
