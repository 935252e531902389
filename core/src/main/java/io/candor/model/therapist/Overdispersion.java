package io.candor.model.therapist;

import io.candor.internal.Enums;

/**
 * Whether and how funnel-plot limits are widened when therapists' rates vary more than chance
 * alone would make them (over-dispersion: unmeasured case mix, data quality, or real differences).
 * Both methods start from the z-scores z_j = (adjusted_j − p₀)/s_j with s_j = √(p₀(1 − p₀)/n_j),
 * Winsorised at their 10th and 90th percentiles (R's default quantile definition) so that a few
 * extreme therapists do not inflate the limits for everyone; φ = (1/I)·Σ z_j² over the I
 * therapists (Spiegelhalter 2005; Spiegelhalter et al. 2012).
 *
 * @see io.candor.evidence.Citations#SPIEGELHALTER_2005
 * @see io.candor.evidence.Citations#SPIEGELHALTER_2012
 */
public enum Overdispersion {
  /** Limits for sampling variation alone (the default). */
  NONE,
  /**
   * Multiplicative: limits p₀ ± z·√φ·s_j, applied only when φ &gt; 1 (limits are never
   * narrowed).
   */
  MULTIPLICATIVE,
  /**
   * Additive random effects: limits p₀ ± z·√(s_j² + τ²), with τ² estimated by the DerSimonian–Laird
   * method of moments from the Winsorised z-scores, τ² = max(0, (Iφ − (I − 1))/(Σw − Σw²/Σw)) with
   * w = 1/s², and τ² = 0 when Iφ ≤ I − 1 (as FunnelPlotR computes it).
   *
   * @see io.candor.evidence.Citations#DERSIMONIAN_1986
   */
  ADDITIVE;

  /**
   * Parses {@code none}, {@code multiplicative} or {@code additive} (any case).
   *
   * @param text the name
   * @return the constant
   * @throws IllegalArgumentException naming the allowed values
   */
  public static Overdispersion parse(String text) {
    return Enums.parse(Overdispersion.class, "over-dispersion", text == null ? "null" : text);
  }
}
