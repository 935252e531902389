package io.candor.expectation;

import io.candor.internal.Checks;

/**
 * The expected score at one session for clients like the profile who are still attending then:
 * the median with the 25–75 % and 10–90 % bands of the simulated scores (updated by the observed
 * scores, see {@link Expectations}), and the share of those who started who are still attending.
 *
 * <p>Immutable and thread-safe.
 *
 * @param session the session (0 is the intake)
 * @param p10 the 10th percentile of the scores
 * @param p25 the 25th percentile
 * @param median the median
 * @param p75 the 75th percentile
 * @param p90 the 90th percentile
 * @param attending the share of clients like the profile still attending at this session
 */
public record CurvePoint(int session, double p10, double p25, double median, double p75,
    double p90, double attending) {

  /**
   * Validates order and ranges.
   *
   * @param session the session (0 is the intake)
   * @param p10 the 10th percentile of the scores
   * @param p25 the 25th percentile
   * @param median the median
   * @param p75 the 75th percentile
   * @param p90 the 90th percentile
   * @param attending the share of clients like the profile still attending at this session
   * @throws IllegalArgumentException if the percentiles are out of order or not finite
   */
  public CurvePoint {
    Checks.atLeast("session", session, 0);
    Checks.finite("p10", p10);
    Checks.finite("p90", p90);
    if (!(p10 <= p25 && p25 <= median && median <= p75 && p75 <= p90)) {
      throw new IllegalArgumentException("session " + session + ": percentiles must be ordered,"
          + " were " + p10 + ", " + p25 + ", " + median + ", " + p75 + ", " + p90);
    }
    Checks.probability("attending", attending);
  }
}
