package io.candor.model.therapist;

import io.candor.internal.Checks;
import java.util.Objects;

/**
 * One therapist's shrunken effect on end-of-treatment scores after adjusting for intake score and
 * case mix (a BLUP from the random-intercept model), its uncertainty, and how uncertain the
 * therapist's place in any ranking is. A therapist with few clients is pulled strongly towards 0
 * (the average therapist): that is the model saying how little a small caseload can show, not a
 * judgement.
 *
 * @param therapist the therapist's id
 * @param clients number of clients
 * @param effect predicted deviation of the therapist's clients' adjusted end scores from the
 *     average therapist, in score points (on the instrument's own direction)
 * @param effectSd its conditional SD (lme4's {@code condVar})
 * @param reliability τ²/(τ² + σ²/n): how much of the therapist's raw deviation the estimate
 *     keeps (0 = none, 1 = all); grows with the caseload
 * @param rankLower lower end of the rank interval (rank 1 = most favourable adjusted end scores)
 * @param rankUpper upper end of the rank interval
 */
public record TherapistEffect(
    String therapist, int clients, double effect, double effectSd, double reliability,
    int rankLower, int rankUpper) {

  /**
   * Validates the components.
   *
   * @param therapist see the record description
   * @param clients see the record description
   * @param effect see the record description
   * @param effectSd see the record description
   * @param reliability see the record description
   * @param rankLower see the record description
   * @param rankUpper see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public TherapistEffect {
    Checks.nonBlank("therapist", therapist);
    Checks.atLeast("clients", clients, 1);
    Checks.finite("effect", effect);
    Checks.nonNegative("effectSd", effectSd);
    Checks.probability("reliability", reliability);
    Checks.atLeast("rankLower", rankLower, 1);
    Checks.atLeast("rankUpper", rankUpper, rankLower);
    Objects.requireNonNull(therapist, "therapist");
  }
}
