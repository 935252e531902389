package io.candor.model.survival;

import io.candor.internal.Enums;

/**
 * What to do with event times that differ only by floating-point noise, as R's {@code timefix}
 * argument of {@code survfit} and {@code survdiff}.
 *
 * @see KaplanMeier#with(NearTies)
 */
public enum NearTies {
  /**
   * Times closer than {@code √ε} (absolutely, or relative to their mean) are tied first, as R's
   * {@code aeqSurv} does with {@code timefix = TRUE}, R's default and Candor's. Only fractional or
   * very large times are affected.
   */
  MERGE,
  /** Every distinct double is its own time, as R with {@code timefix = FALSE}. */
  KEEP;

  /**
   * Parses a name case-insensitively.
   *
   * @param text the name
   * @return the constant
   * @throws IllegalArgumentException if no constant has that name
   */
  public static NearTies parse(CharSequence text) {
    return Enums.parse(NearTies.class, "near ties", text);
  }
}
