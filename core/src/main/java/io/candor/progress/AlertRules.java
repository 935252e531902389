package io.candor.progress;

import io.candor.domain.ScoreScale;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where the four {@link Signal} levels start, which way the scale points, and the functional
 * (caseness) cutoff of the white signal.
 *
 * <p>Each observation is placed in the expected distribution for its session: its "worse
 * percentile" is the share of the expected distribution that is better than the observed score
 * (0.5 = exactly as expected; 0.9 = worse than 90% of expected scores). The signal is {@link
 * Signal#FUNCTIONAL} when a functional cutoff is known and the score is not a case by {@link
 * Direction#isCase(double, double)} (the instrument's caseness rule), else {@link Signal#AT_RISK}
 * above {@code redPercentile}, {@link Signal#LESS_THAN_EXPECTED} above {@code yellowPercentile},
 * and {@link Signal#ADEQUATE_PROGRESS} otherwise. A client is <em>on track</em> unless the signal
 * is yellow or red ({@link Signal#onTrack()}), as in the OQ system, where "not on track" means a
 * yellow or red warning.
 *
 * <p><b>Direction and cutoff come from the instrument.</b> {@link #forInstrument(Instrument)} sets
 * both; {@link #withDefaults()} leaves both unset, and {@link ExpectedResponse#prepare} fills them in
 * from the instrument the curve is on ({@link ExpectedResponse#withScale}). Rules whose direction
 * or cutoff contradicts that instrument are rejected ({@link #resolve(ScoreScale)}). On a plain
 * scale an unset direction means higher is worse, the convention of symptom measures, and an
 * unset cutoff means no white signal.
 *
 * <p>These boundaries are a configurable choice about when a therapist may want to look more
 * closely; they are not a clinical verdict, and no boundary turns a score into a diagnosis or a
 * prognosis. The defaults follow the idea of Finch, Lambert &amp; Schaalje (2001), who flagged
 * clients outside a one-sided band around the expected recovery curve; the exact percentiles are
 * Candor's assumption ({@link #DEFAULT_YELLOW}, {@link #DEFAULT_RED}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param direction whether higher scores are worse (PHQ-9, OQ-45) or better (WEMWBS, ORS); empty
 *     to take the instrument's
 * @param yellowPercentile worse-percentile above which progress is less than expected
 * @param redPercentile worse-percentile above which the client is flagged at risk
 * @param functionalCutoff the caseness cutoff of the white signal; empty to take the instrument's
 */
public record AlertRules(
    Optional<Direction> direction,
    double yellowPercentile,
    double redPercentile,
    OptionalDouble functionalCutoff) {

  /** Default yellow boundary: worse than 75% of the expected distribution (an assumption). */
  public static final Sourced DEFAULT_YELLOW = Sourced.assumption(0.75, Citations.FINCH_2001,
      "yellow (less than expected progress, not on track) above the 75th worse-percentile;"
          + " Candor's choice in the spirit of the OQ-45 expected recovery curves");

  /** Default red boundary: worse than 90% of the expected distribution (an assumption). */
  public static final Sourced DEFAULT_RED = Sourced.assumption(0.90, Citations.FINCH_2001,
      "red (at risk) above the 90th worse-percentile, a one-sided 90% band around the expected"
          + " recovery curve");

  /**
   * Validates the percentiles (each in (0, 1), yellow ≤ red) and the cutoff (finite).
   *
   * @param direction see the record description
   * @param yellowPercentile see the record description
   * @param redPercentile see the record description
   * @param functionalCutoff see the record description
   * @throws IllegalArgumentException naming the value that is out of range
   */
  public AlertRules {
    Objects.requireNonNull(direction, "direction");
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

  /**
   * Yellow 0.75, red 0.90; direction and functional cutoff unset (taken from the instrument).
   *
   * @return the default rules
   */
  public static AlertRules withDefaults() {
    return new AlertRules(Optional.empty(), DEFAULT_YELLOW.value(), DEFAULT_RED.value(),
        OptionalDouble.empty());
  }

  /**
   * The default percentiles with the instrument's direction and caseness cutoff (if it has one).
   *
   * @param instrument the instrument the scores are on
   * @return the rules
   */
  public static AlertRules forInstrument(Instrument instrument) {
    Objects.requireNonNull(instrument, "instrument");
    return withDefaults().fillFrom(instrument);
  }

  private AlertRules fillFrom(Instrument instrument) {
    return new AlertRules(Optional.of(direction.orElse(instrument.direction())), yellowPercentile,
        redPercentile, functionalCutoff.isPresent() ? functionalCutoff
            : instrument.casenessCutoff().map(c -> OptionalDouble.of(c.value()))
                .orElse(OptionalDouble.empty()));
  }

  /**
   * These rules made complete for scores on {@code scale}: an unset direction and cutoff are taken
   * from the instrument (a plain scale: higher is worse, no cutoff).
   *
   * @param scale the scale the scores are on
   * @return rules with a direction
   * @throws IllegalArgumentException if the direction or the functional cutoff contradicts the
   *     instrument's
   */
  public AlertRules resolve(ScoreScale scale) {
    Objects.requireNonNull(scale, "scale");
    if (!(scale instanceof Instrument instrument)) {
      return direction.isPresent() ? this : with(Direction.HIGHER_IS_WORSE);
    }
    if (direction.isPresent() && direction.get() != instrument.direction()) {
      throw new IllegalArgumentException("the alert rules say " + words(direction.get())
          + " but on " + instrument.id() + " " + words(instrument.direction())
          + "; leave the direction unset to take the instrument's");
    }
    if (functionalCutoff.isPresent() && instrument.casenessCutoff().isPresent()
        && functionalCutoff.getAsDouble() != instrument.casenessCutoff().get().value()) {
      throw new IllegalArgumentException("the functional cutoff "
          + Checks.fmt(functionalCutoff.getAsDouble()) + " contradicts " + instrument.id()
          + "'s caseness cutoff " + instrument.casenessCutoff().get()
          + "; leave the cutoff unset to take the instrument's");
    }
    return fillFrom(instrument);
  }

  /** "higher is better" or "higher is worse". */
  static String words(Direction d) {
    return d == Direction.HIGHER_IS_BETTER ? "higher is better" : "higher is worse";
  }

  /**
   * A copy with this direction.
   *
   * @param newDirection the direction
   * @return the copy
   */
  public AlertRules with(Direction newDirection) {
    return new AlertRules(Optional.of(Objects.requireNonNull(newDirection, "direction")),
        yellowPercentile, redPercentile, functionalCutoff);
  }

  /**
   * A copy with this functional (caseness) cutoff.
   *
   * @param cutoff the cutoff (finite)
   * @return the copy
   */
  public AlertRules withFunctionalCutoff(double cutoff) {
    return new AlertRules(direction, yellowPercentile, redPercentile, OptionalDouble.of(cutoff));
  }

  /**
   * A copy with these percentile boundaries.
   *
   * @param yellow worse-percentile above which progress is less than expected (not on track)
   * @param red worse-percentile above which the client is at risk; at least {@code yellow}
   * @return the copy
   */
  public AlertRules withPercentiles(double yellow, double red) {
    return new AlertRules(direction, yellow, red, functionalCutoff);
  }
}
