package io.candor.model.therapist;

import io.candor.internal.Enums;

/**
 * How a funnel plot's control limits around the overall rate p₀ are computed for a therapist with
 * n cases (Spiegelhalter 2005). Limits are clipped to [0, 1].
 *
 * @see io.candor.evidence.Citations#SPIEGELHALTER_2005
 */
public enum ControlLimits {
  /**
   * Normal approximation: p₀ ± z·√(p₀(1 − p₀)/n) with z = Φ⁻¹(0.975) for the 95 % limits and
   * z = Φ⁻¹(0.999) for the 99.8 % limits. The only choice that can be adjusted for
   * over-dispersion.
   */
  NORMAL,
  /**
   * Exact binomial limits with Spiegelhalter's (2005, appendix) interpolation: for a tail
   * probability P, r_P is the smallest r with F(r) ≥ P under Binomial(n, p₀),
   * α = (F(r_P) − P)/(F(r_P) − F(r_P − 1)) and the limit is (r_P − α)/n; P = 0.025, 0.975 (95 %)
   * and 0.001, 0.999 (99.8 %).
   */
  EXACT_BINOMIAL;

  /**
   * Parses {@code normal} or {@code exact-binomial} (any case; {@code exact} also works).
   *
   * @param text the name
   * @return the constant
   * @throws IllegalArgumentException naming the allowed values
   */
  public static ControlLimits parse(String text) {
    if (text != null && text.strip().equalsIgnoreCase("exact")) {
      return EXACT_BINOMIAL;
    }
    return Enums.parse(ControlLimits.class, "control limits", text == null ? "null" : text);
  }
}
