package io.candor.model.therapist;

import io.candor.internal.Checks;
import java.util.Objects;

/**
 * One therapist on a case-mix-adjusted funnel plot.
 *
 * @param therapist the therapist's id
 * @param cases the therapist's cases for this outcome (the denominator n)
 * @param observed cases with the event
 * @param expected events expected from the case-mix model, the sum of the cases' fitted
 *     probabilities
 * @param adjusted the indirectly standardised rate, observed / expected × overall rate
 * @param lower95 lower 95 % control limit at n cases
 * @param upper95 upper 95 % control limit
 * @param lower998 lower 99.8 % control limit
 * @param upper998 upper 99.8 % control limit
 * @param position where {@code adjusted} falls relative to the limits
 */
public record FunnelPoint(
    String therapist,
    int cases,
    int observed,
    double expected,
    double adjusted,
    double lower95,
    double upper95,
    double lower998,
    double upper998,
    FunnelPosition position) {

  /**
   * Validates the components.
   *
   * @param therapist see the record description
   * @param cases see the record description
   * @param observed see the record description
   * @param expected see the record description
   * @param adjusted see the record description
   * @param lower95 see the record description
   * @param upper95 see the record description
   * @param lower998 see the record description
   * @param upper998 see the record description
   * @param position see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public FunnelPoint {
    Checks.nonBlank("therapist", therapist);
    Checks.atLeast("cases", cases, 1);
    Checks.inRange("observed", observed, 0, cases);
    Checks.positive("expected", expected);
    Checks.nonNegative("adjusted", adjusted);
    new FunnelLimits(cases, lower95, upper95, lower998, upper998); // validates the limits
    Objects.requireNonNull(position, "position");
  }

  /**
   * The plain-language note for this point's position.
   *
   * @return the note
   */
  public String note() {
    return position.note();
  }
}
