package io.candor.change;

import io.candor.internal.Enums;

/**
 * A client's change category, as defined by Jacobson &amp; Truax (1991) and operationalised by Claus,
 * Wager &amp; Bonnet (2024):
 *
 * <ul>
 *   <li>{@link #RECOVERED}: in the clinical range before, in the functional range after, and a
 *       reliable improvement;
 *   <li>{@link #IMPROVED}: a reliable improvement that is not a recovery;
 *   <li>{@link #UNCHANGED}: no reliable change;
 *   <li>{@link #DETERIORATED}: a reliable deterioration that is not harm;
 *   <li>{@link #HARMED}: in the functional range before (not clinical), not in the functional range
 *       after, and a reliable deterioration, that is, reliable deterioration across the cutoff into
 *       the clinical range (the mirror image of recovery).
 * </ul>
 *
 * <p>Constants are listed from best to worst; {@link #rank()} orders them numerically.
 */
public enum ChangeCategory {
  /** Reliable improvement from the clinical into the functional range. */
  RECOVERED(2),
  /** Reliable improvement without recovery. */
  IMPROVED(1),
  /** No reliable change. */
  UNCHANGED(0),
  /** Reliable deterioration without crossing into the clinical range. */
  DETERIORATED(-1),
  /** Reliable deterioration from the functional into the clinical range. */
  HARMED(-2);

  private final int rank;

  ChangeCategory(int rank) {
    this.rank = rank;
  }

  /**
   * 2 for recovered down to −2 for harmed: higher is better.
   *
   * @return the rank, from 2 (recovered) to −2 (harmed)
   */
  public int rank() {
    return rank;
  }

  /**
   * The category of the opposite change (recovered ↔ harmed, improved ↔ deteriorated).
   *
   * @return the category of the opposite change (recovered ↔ harmed, improved ↔ deteriorated)
   */
  public ChangeCategory mirror() {
    switch (this) {
      case RECOVERED:
        return HARMED;
      case IMPROVED:
        return DETERIORATED;
      case DETERIORATED:
        return IMPROVED;
      case HARMED:
        return RECOVERED;
      default:
        return UNCHANGED;
    }
  }

  /**
   * Parses a name case-insensitively.
   *
   * @param text the name to parse
   * @return the category
   */
  public static ChangeCategory parse(CharSequence text) {
    return Enums.parse(ChangeCategory.class, "change category", text);
  }
}
