package io.candor.model.therapist;

/**
 * Where a therapist's adjusted rate falls relative to the funnel's control limits, with wording
 * that supports a conversation and never labels a person: a point outside a limit is worth a
 * closer look at case mix and data, not a verdict.
 */
public enum FunnelPosition {
  /** Inside the 95 % limits. */
  INSIDE_95("inside the 95 % limits: consistent with the overall rate, given this caseload and"
      + " case mix"),
  /** Above the upper 95 % limit, inside the 99.8 % limits. */
  ABOVE_95("above the 95 % limit, inside the 99.8 % limits: about 1 in 40 therapists falls above"
      + " by chance alone; worth a closer look at case mix and data"),
  /** Below the lower 95 % limit, inside the 99.8 % limits. */
  BELOW_95("below the 95 % limit, inside the 99.8 % limits: about 1 in 40 therapists falls below"
      + " by chance alone; worth a closer look at case mix and data"),
  /** Above the upper 99.8 % limit. */
  ABOVE_998("above the 99.8 % limit: unlikely to be chance alone; worth a closer look at case mix"
      + " and data before drawing any conclusion"),
  /** Below the lower 99.8 % limit. */
  BELOW_998("below the 99.8 % limit: unlikely to be chance alone; worth a closer look at case mix"
      + " and data before drawing any conclusion");

  private final String note;

  FunnelPosition(String note) {
    this.note = note;
  }

  /**
   * Plain-language note for this position.
   *
   * @return the note
   */
  public String note() {
    return note;
  }

  /**
   * Whether the point lies outside the 95 % limits.
   *
   * @return true unless {@link #INSIDE_95}
   */
  public boolean outside95() {
    return this != INSIDE_95;
  }

  /**
   * The position of a value given the limits.
   *
   * @param value the adjusted rate
   * @param lower95 lower 95 % limit
   * @param upper95 upper 95 % limit
   * @param lower998 lower 99.8 % limit
   * @param upper998 upper 99.8 % limit
   * @return the position
   */
  public static FunnelPosition of(double value, double lower95, double upper95, double lower998,
      double upper998) {
    if (value > upper998) {
      return ABOVE_998;
    }
    if (value < lower998) {
      return BELOW_998;
    }
    if (value > upper95) {
      return ABOVE_95;
    }
    if (value < lower95) {
      return BELOW_95;
    }
    return INSIDE_95;
  }
}
