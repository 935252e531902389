package io.candor.model.growth;

import io.candor.internal.Enums;

/**
 * Whether a growth model's client-level covariates shift only the level of the curve or also its
 * course over time.
 *
 * @see GrowthModel#with(Interactions)
 */
public enum Interactions {
  /** Covariates enter as main effects only: they shift the curve up or down. The default. */
  NONE,
  /**
   * Each covariate also enters multiplied by the first time term, as a term named {@code
   * COVARIATE:time} (R's {@code covariate * time}): covariates may change the slope too.
   */
  COVARIATE_BY_TIME;

  /**
   * Parses a name case-insensitively ({@code covariate-by-time} also accepted).
   *
   * @param text the name
   * @return the constant
   * @throws IllegalArgumentException if no constant has that name
   */
  public static Interactions parse(CharSequence text) {
    return Enums.parse(Interactions.class, "interactions", text);
  }
}
