package io.candor.progress;

import io.candor.internal.Checks;
import java.util.List;

/**
 * The expected score distribution at one session: normal with this mean and SD, and its
 * quantiles at the requested percentiles.
 *
 * @param session the session
 * @param mean expected score
 * @param sd SD of a new observation at this session (random-effect + residual, plus fixed-effect
 *     uncertainty when asked for)
 * @param quantiles the score at each requested percentile, in the order of
 *     {@link ExpectedCurve#percentiles()}
 */
public record SessionExpectation(int session, double mean, double sd, List<Double> quantiles) {

  /**
   * Validates the components.
   *
   * @param session the session
   * @param mean expected score
   * @param sd SD of a new observation at this session (random-effect + residual, plus fixed-effect
   *     uncertainty when asked for)
   * @param quantiles the score at each requested percentile, in the order of
   *     {@link ExpectedCurve#percentiles()}
   */
  public SessionExpectation {
    Checks.finite("mean", mean);
    Checks.positive("sd", sd);
    quantiles = List.copyOf(Checks.noNulls("quantiles", quantiles));
  }
}
