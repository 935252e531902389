package io.candor.charts;

/**
 * One category of an {@link IconArray}: how many of the 100 icons it gets, and what it is called.
 *
 * @param label what the category is, e.g. "reliably improved"; not blank
 * @param count icons out of 100, 0 to 100
 */
public record IconCategory(String label, int count) {

  /**
   * Validates the components.
   *
   * @param label see the record description
   * @param count see the record description
   * @throws IllegalArgumentException if the label is blank or the count outside 0–100
   */
  public IconCategory {
    Args.nonBlank("label", label);
    Args.inRange("count of " + label, count, 0, 100);
  }
}
