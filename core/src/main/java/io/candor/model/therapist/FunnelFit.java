package io.candor.model.therapist;

import io.candor.internal.Checks;
import io.candor.model.dose.BinomialRegressionFit;
import java.util.List;
import java.util.Objects;

/**
 * A case-mix-adjusted funnel plot: the overall rate, the case-mix model, the over-dispersion
 * estimates and one point per therapist with its control limits.
 *
 * <p>Immutable and thread-safe.
 *
 * @param outcome the event compared
 * @param instrument the instrument's id
 * @param limits how the control limits were computed
 * @param overdispersion the over-dispersion adjustment applied to the limits
 * @param cases all therapists' cases for this outcome
 * @param events all events
 * @param overall the overall rate p₀ = events / cases, the funnel's centre line
 * @param caseMix the logistic case-mix model (intake score, then covariates)
 * @param phi the over-dispersion factor φ from the Winsorised z-scores (reported whatever the
 *     adjustment; about 1 when rates vary only by chance)
 * @param tau2 the DerSimonian–Laird between-therapist variance τ² on the rate scale (reported
 *     whatever the adjustment; 0 when Iφ ≤ I − 1)
 * @param winsorisation the share Winsorised at each end of the z-scores
 * @param points one point per therapist, in the data's therapist order
 * @see io.candor.evidence.Citations#SPIEGELHALTER_2005
 */
public record FunnelFit(
    FunnelOutcome outcome,
    String instrument,
    ControlLimits limits,
    Overdispersion overdispersion,
    int cases,
    int events,
    double overall,
    BinomialRegressionFit caseMix,
    double phi,
    double tau2,
    double winsorisation,
    List<FunnelPoint> points) {

  /**
   * Validates the components and copies the list.
   *
   * @param outcome see the record description
   * @param instrument see the record description
   * @param limits see the record description
   * @param overdispersion see the record description
   * @param cases see the record description
   * @param events see the record description
   * @param overall see the record description
   * @param caseMix see the record description
   * @param phi see the record description
   * @param tau2 see the record description
   * @param winsorisation see the record description
   * @param points see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public FunnelFit {
    Objects.requireNonNull(outcome, "outcome");
    Checks.nonBlank("instrument", instrument);
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(overdispersion, "overdispersion");
    Checks.atLeast("cases", cases, 1);
    Checks.inRange("events", events, 0, cases);
    Checks.probability("overall", overall);
    Objects.requireNonNull(caseMix, "caseMix");
    Checks.nonNegative("phi", phi);
    Checks.nonNegative("tau2", tau2);
    Checks.inRange("winsorisation", winsorisation, 0, 0.5);
    points = List.copyOf(Checks.nonEmptyNoNulls("points", points));
  }

  /**
   * The control limits at any number of cases, computed as each therapist's were: the curves of
   * the funnel, for drawing it.
   *
   * @param cases the number of cases, at least 1
   * @return the 95 % and 99.8 % limits at that many cases
   * @throws IllegalArgumentException if {@code cases} is below 1
   */
  public FunnelLimits limitsAt(int cases) {
    Checks.atLeast("cases", cases, 1);
    return CaseMixFunnel.limits(limits, overdispersion, overall, cases, phi, tau2);
  }

  /**
   * The point of one therapist.
   *
   * @param therapist the therapist's id
   * @return the point
   * @throws IllegalArgumentException if there is no such therapist
   */
  public FunnelPoint point(String therapist) {
    for (FunnelPoint p : points) {
      if (p.therapist().equals(therapist)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no therapist " + therapist + " in the funnel");
  }
}
