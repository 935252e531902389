package io.candor.progress;

import io.candor.internal.Enums;

/**
 * How the sudden-gain mean-difference criterion chooses its critical value when scores around the
 * gain are missing.
 *
 * @see SuddenGainCriteria#with(CriticalValueRule)
 */
public enum CriticalValueRule {
  /**
   * The two-tailed critical value of Student's t with n<sub>1</sub>+n<sub>2</sub>−2 degrees of
   * freedom for the scores actually present (2.776 for 3 + 3 scores at α = .05, 3.182 with one
   * missing, 4.303 with one missing on each side). The default.
   */
  ADJUSTED_FOR_MISSING_SCORES,
  /**
   * One fixed critical value whatever is missing (2.776 unless set with {@link
   * SuddenGainCriteria#withFixedCriticalValue(double)}), as the suddengains R package's {@code
   * sg_crit3_adjust = FALSE}.
   */
  FIXED;

  /**
   * Parses a name case-insensitively ({@code adjusted-for-missing-scores} also accepted).
   *
   * @param text the name
   * @return the rule
   * @throws IllegalArgumentException if no rule has that name
   */
  public static CriticalValueRule parse(CharSequence text) {
    return Enums.parse(CriticalValueRule.class, "critical value rule", text);
  }
}
