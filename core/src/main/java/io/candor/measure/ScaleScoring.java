package io.candor.measure;

import io.candor.internal.Enums;

/**
 * How a scale's item points add up to the scale score.
 *
 * <p>With missing items (where the scale's rule allows them), both rules score from the answered
 * items: {@link #MEAN} is the mean of the answered items' points; {@link #SUM} is that mean times
 * the number of items (proration), so a prorated sum stays on the complete-answer range.
 */
public enum ScaleScoring {
  /** The sum of the item points (ProQOL 5: 10 items of 1–5 give 10–50). */
  SUM,
  /** The mean of the item points (Copenhagen Burnout Inventory: items of 0–100 give 0–100). */
  MEAN;

  /**
   * The scale score from the answered items.
   *
   * @param pointsSum sum of the answered items' points
   * @param answered number of answered items (at least 1)
   * @param items number of items in the scale
   * @return the sum, prorated to all items, or the mean
   */
  public double score(double pointsSum, int answered, int items) {
    if (answered < 1 || answered > items) {
      throw new IllegalArgumentException(
          "answered must be between 1 and " + items + ", was " + answered);
    }
    return this == SUM
        ? (answered == items ? pointsSum : pointsSum * items / answered)
        : pointsSum / answered;
  }

  /**
   * Parses a name case-insensitively ("sum", "MEAN").
   *
   * @param text the name
   * @return the rule
   * @throws IllegalArgumentException listing the allowed names
   */
  public static ScaleScoring parse(CharSequence text) {
    return Enums.parse(ScaleScoring.class, "scale scoring", text);
  }
}
