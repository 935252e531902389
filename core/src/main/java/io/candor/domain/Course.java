package io.candor.domain;

import io.candor.internal.Enums;

/**
 * The expected course of a condition, which sets what a realistic goal is.
 *
 * <p>Later models use it: the simulator gives chronic cases a higher asymptote and episodic cases a
 * relapse hazard; expectation text speaks of management rather than cure for chronic conditions.
 */
public enum Course {
  /** Expected to resolve with adequate treatment (e.g. a first, uncomplicated episode). */
  RESOLVABLE("resolution", true),
  /** Recurrent: episodes remit and may return; goals include relapse prevention. */
  EPISODIC("remission and relapse prevention", true),
  /** Long-standing (e.g. depression lasting two years or more): goals are management. */
  CHRONIC("management and functioning", false);

  private final String goal;
  private final boolean remissionRealistic;

  Course(String goal, boolean remissionRealistic) {
    this.goal = goal;
    this.remissionRealistic = remissionRealistic;
  }

  /**
   * The realistic treatment goal for this course, in plain words.
   *
   * @return the realistic treatment goal for this course, in plain words
   */
  public String goal() {
    return goal;
  }

  /**
   * Whether full remission is a realistic expectation for most clients with this course. For
   * {@link #CHRONIC} it is not: improvement and better functioning are, but the level reached
   * usually stays above the caseness cutoff.
   *
   * @return whether full remission is a realistic expectation for most clients with this course
   */
  public boolean remissionRealistic() {
    return remissionRealistic;
  }

  /**
   * Parses a name case-insensitively ("chronic", "CHRONIC"); lists the allowed names if not.
   *
   * @param text the name to parse
   * @return the course
   */
  public static Course parse(CharSequence text) {
    return Enums.parse(Course.class, "course", text);
  }
}
