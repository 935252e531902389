package io.candor.model.therapist;

import io.candor.internal.Checks;

/**
 * A funnel plot's control limits at one number of cases: the 95 % and 99.8 % limits around the
 * overall rate ({@link FunnelFit#limitsAt(int)}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param cases the number of cases n
 * @param lower95 lower 95 % control limit
 * @param upper95 upper 95 % control limit
 * @param lower998 lower 99.8 % control limit
 * @param upper998 upper 99.8 % control limit
 */
public record FunnelLimits(int cases, double lower95, double upper95, double lower998,
    double upper998) {

  /**
   * Validates the components.
   *
   * @param cases see the record description
   * @param lower95 see the record description
   * @param upper95 see the record description
   * @param lower998 see the record description
   * @param upper998 see the record description
   * @throws IllegalArgumentException if the cases are below 1, a limit is not a probability or
   *     the limits are not nested
   */
  public FunnelLimits {
    Checks.atLeast("cases", cases, 1);
    Checks.probability("lower95", lower95);
    Checks.probability("upper95", upper95);
    Checks.probability("lower998", lower998);
    Checks.probability("upper998", upper998);
    if (!(lower998 <= lower95 && lower95 <= upper95 && upper95 <= upper998)) {
      throw new IllegalArgumentException("limits must be nested: lower998 " + lower998
          + " <= lower95 " + lower95 + " <= upper95 " + upper95 + " <= upper998 " + upper998);
    }
  }
}
