package io.candor.progress;

import io.candor.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * An expected-response curve: the distribution of a client's score at each session, given what
 * is known about the client so far.
 *
 * @param conditioning what the curve is conditioned on, in words (e.g. "intake 18 at session 0")
 * @param percentiles the percentiles (0–1) of the bands, ascending
 * @param includesFixedEffectUncertainty whether the SDs include the fixed effects' uncertainty
 * @param sessions one expectation per session, ascending
 * @param extrapolations where the curve reaches outside what the model was fitted on (intake or
 *     sessions); empty when it stays inside
 */
public record ExpectedCurve(
    String conditioning,
    List<Double> percentiles,
    boolean includesFixedEffectUncertainty,
    List<SessionExpectation> sessions,
    List<Extrapolation> extrapolations) {

  /**
   * Validates the components.
   *
   * @param conditioning what the curve is conditioned on, in words (e.g. "intake 18 at session 0")
   * @param percentiles the percentiles (0–1) of the bands, ascending
   * @param includesFixedEffectUncertainty whether the SDs include the fixed effects' uncertainty
   * @param sessions one expectation per session, ascending
   * @param extrapolations where the curve reaches outside what the model was fitted on (intake or
   *     sessions); empty when it stays inside
   */
  public ExpectedCurve {
    Objects.requireNonNull(conditioning, "conditioning");
    percentiles = List.copyOf(Checks.noNulls("percentiles", percentiles));
    sessions = List.copyOf(Checks.nonEmptyNoNulls("sessions", sessions));
    extrapolations = List.copyOf(Checks.noNulls("extrapolations", extrapolations));
  }

  /**
   * Whether the curve reaches outside what its model was fitted on.
   *
   * @return true when {@link #extrapolations()} is not empty
   */
  public boolean extrapolates() {
    return !extrapolations.isEmpty();
  }

  /**
   * The expectation at a session.
   *
   * @param session the session, 0 to the last
   * @return the expectation at a session
   * @throws IllegalArgumentException if the curve does not cover that session
   */
  public SessionExpectation at(int session) {
    for (SessionExpectation s : sessions) {
      if (s.session() == session) {
        return s;
      }
    }
    throw new IllegalArgumentException("the curve covers sessions " + sessions.get(0).session()
        + ".." + sessions.get(sessions.size() - 1).session() + ", not " + session);
  }
}
