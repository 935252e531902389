package io.candor.progress;

/**
 * A four-level progress signal in the style of the OQ-45 feedback system (Lambert et al.;
 * Finch, Lambert &amp; Schaalje 2001, {@link io.candor.evidence.Citations#FINCH_2001}). The
 * boundaries that separate the levels are configurable ({@link AlertRules}); they are a choice
 * about when to look more closely, not a clinical verdict.
 */
public enum Signal {
  /** "White": the score is on the functional side of the instrument's cutoff. On track. */
  FUNCTIONAL,
  /** "Green": progress is within the range expected for clients with this intake. On track. */
  ADEQUATE_PROGRESS,
  /** "Yellow": progress is less than expected (worse than the yellow percentile). Not on track. */
  LESS_THAN_EXPECTED,
  /** "Red": the score is worse than the red percentile: at risk of not benefiting. Not on track. */
  AT_RISK;

  /**
   * Whether the signal means on track: white or green. Yellow and red are "not on track", as the
   * OQ system calls clients with a yellow or red warning.
   *
   * @return true for {@link #FUNCTIONAL} and {@link #ADEQUATE_PROGRESS}
   */
  public boolean onTrack() {
    return this == FUNCTIONAL || this == ADEQUATE_PROGRESS;
  }
}
