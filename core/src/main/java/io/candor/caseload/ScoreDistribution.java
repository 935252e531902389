package io.candor.caseload;

import io.candor.internal.Enums;

/**
 * How the outcome mix turns an expected-response forecast (a mean and an SD at the horizon) into
 * the probability of a score beyond a threshold.
 */
public enum ScoreDistribution {
  /**
   * The forecast's normal distribution. Exact for data that follow the growth model; on the
   * calibrated simulator's clients a normal forecast puts too little weight on large changes
   * either way (see {@code docs/caseload.md}).
   */
  NORMAL,
  /**
   * The forecast's mean and SD with the distribution of standardised errors that the same model
   * makes on the calibrated simulator's clients (for the same latest session, horizon and
   * course): the normal forecast recalibrated against the simulator, so that the expected counts
   * agree with what simulated clients did.
   */
  RECALIBRATED;

  /**
   * Parses a name case-insensitively.
   *
   * @param text the name
   * @return the constant
   * @throws IllegalArgumentException listing the allowed names
   */
  public static ScoreDistribution parse(CharSequence text) {
    return Enums.parse(ScoreDistribution.class, "score distribution", text);
  }
}
