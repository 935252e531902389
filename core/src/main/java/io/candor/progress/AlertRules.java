package io.candor.progress;

import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import io.candor.measure.Direction;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * When an observation counts as on track, and where the four {@link Signal} levels start.
 *
 * <p>Each observation is placed in the expected distribution for its session: its "worse
 * percentile" is the share of the expected distribution that is better than the observed score
 * (0.5 = exactly as expected; 0.9 = worse than 90% of expected scores). The observation is
 * <em>not on track</em> when that percentile exceeds {@code onTrackPercentile}; the signal is
 * {@link Signal#FUNCTIONAL} when a functional cutoff is given and the score is on its healthy
 * side, else {@link Signal#AT_RISK} above {@code redPercentile}, {@link Signal#LESS_THAN_EXPECTED}
 * above {@code yellowPercentile}, and {@link Signal#ADEQUATE_PROGRESS} otherwise.
 *
 * <p>These boundaries are a configurable choice about when a therapist may want to look more
 * closely; they are not a clinical verdict, and no boundary turns a score into a diagnosis or a
 * prognosis. The defaults ({@link #withDefaults()}) follow the idea of Finch, Lambert &amp; Schaalje
 * (2001), who flagged clients outside a one-sided band around the expected recovery curve; the
 * exact percentiles are Candor's assumption ({@link #DEFAULT_YELLOW}, {@link #DEFAULT_RED}).
 *
 * @param direction whether higher scores are worse (PHQ-9, OQ-45) or better (WEMWBS, ORS)
 * @param onTrackPercentile worse-percentile above which the observation is not on track
 * @param yellowPercentile worse-percentile above which progress is less than expected
 * @param redPercentile worse-percentile above which the client is flagged at risk
 * @param functionalCutoff the instrument's caseness cutoff (a score on the healthy side of it is
 *     {@link Signal#FUNCTIONAL}; for higher-is-worse scales "healthy side" means below it), or
 *     empty
 */
public record AlertRules(
    Direction direction,
    double onTrackPercentile,
    double yellowPercentile,
    double redPercentile,
    OptionalDouble functionalCutoff) {

  /** Default yellow boundary: worse than 75% of the expected distribution (an assumption). */
  public static final Sourced DEFAULT_YELLOW = Sourced.assumption(0.75, Citations.FINCH_2001,
      "yellow (less than expected progress) above the 75th worse-percentile; Candor's choice in"
          + " the spirit of the OQ-45 expected recovery curves");

  /** Default red and on-track boundary: worse than 90% of the expected distribution. */
  public static final Sourced DEFAULT_RED = Sourced.assumption(0.90, Citations.FINCH_2001,
      "red (at risk) and not-on-track above the 90th worse-percentile, a one-sided 90% band"
          + " around the expected recovery curve");

  /**
   * Validates the percentiles (each in (0, 1), yellow ≤ red) and the cutoff (finite).
   */
  public AlertRules {
    Objects.requireNonNull(direction, "direction");
    Checks.openUnit("onTrackPercentile", onTrackPercentile);
    Checks.openUnit("yellowPercentile", yellowPercentile);
    Checks.openUnit("redPercentile", redPercentile);
    if (yellowPercentile > redPercentile) {
      throw new IllegalArgumentException("yellowPercentile (" + yellowPercentile
          + ") must not exceed redPercentile (" + redPercentile + ")");
    }
    Objects.requireNonNull(functionalCutoff, "functionalCutoff");
    if (functionalCutoff.isPresent()) {
      Checks.finite("functionalCutoff", functionalCutoff.getAsDouble());
    }
  }

  /** Higher is worse, yellow 0.75, red and on-track 0.90, no functional cutoff. */
  public static AlertRules withDefaults() {
    return new AlertRules(Direction.HIGHER_IS_WORSE, DEFAULT_RED.value(), DEFAULT_YELLOW.value(),
        DEFAULT_RED.value(), OptionalDouble.empty());
  }

  /**
   * A copy with this direction.
   *
   * @param newDirection which way is better on the outcome
   * @return the copy
   */
  public AlertRules with(Direction newDirection) {
    return new AlertRules(newDirection, onTrackPercentile, yellowPercentile, redPercentile,
        functionalCutoff);
  }

  /** A copy with this functional (caseness) cutoff. */
  public AlertRules withFunctionalCutoff(double cutoff) {
    return new AlertRules(direction, onTrackPercentile, yellowPercentile, redPercentile,
        OptionalDouble.of(cutoff));
  }

  /** A copy with these percentile boundaries. */
  public AlertRules withPercentiles(double onTrack, double yellow, double red) {
    return new AlertRules(direction, onTrack, yellow, red, functionalCutoff);
  }
}
