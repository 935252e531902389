package io.candor.progress;

import io.candor.internal.Enums;

/**
 * Which sources of uncertainty the prediction bands of an expected-response curve include.
 *
 * @see ExpectedResponse#with(BandUncertainty)
 */
public enum BandUncertainty {
  /**
   * The client's random effects (updated from the observations so far) and the residual variance:
   * where a new client's score is expected to fall if the model's estimates were exact. The
   * default.
   */
  RANDOM_AND_RESIDUAL,
  /**
   * As {@link #RANDOM_AND_RESIDUAL}, plus the estimation uncertainty of the fixed effects (their
   * covariance matrix): wider bands, noticeably so for models fitted on few clients.
   */
  WITH_FIXED_EFFECTS;

  /**
   * Parses a name case-insensitively ({@code with-fixed-effects} also accepted).
   *
   * @param text the name
   * @return the constant
   * @throws IllegalArgumentException if no constant has that name
   */
  public static BandUncertainty parse(CharSequence text) {
    return Enums.parse(BandUncertainty.class, "band uncertainty", text);
  }
}
