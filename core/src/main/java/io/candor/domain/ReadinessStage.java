package io.candor.domain;

import io.candor.internal.Enums;

/**
 * Transtheoretical stages of change (Prochaska &amp; DiClemente 1983), in their usual order.
 *
 * <p>Stages describe readiness, not worth: a client in precontemplation is not "failing", and
 * movement between stages in both directions is common. Later models let readiness change the rate
 * of change and the dropout hazard.
 *
 * @see io.candor.evidence.Citations#PROCHASKA_1983
 */
public enum ReadinessStage {
  /** Not yet considering change. */
  PRECONTEMPLATION,
  /** Considering change, ambivalent. */
  CONTEMPLATION,
  /** Intending to act soon, planning. */
  PREPARATION,
  /** Actively changing. */
  ACTION,
  /** Sustaining change, preventing relapse. */
  MAINTENANCE;

  /**
   * The next stage forward, or this one for {@link #MAINTENANCE}.
   *
   * @return the next stage forward, or this one for {@link #MAINTENANCE}
   */
  public ReadinessStage next() {
    return this == MAINTENANCE ? this : values()[ordinal() + 1];
  }

  /**
   * The stage before, or this one for {@link #PRECONTEMPLATION}.
   *
   * @return the stage before, or this one for {@link #PRECONTEMPLATION}
   */
  public ReadinessStage previous() {
    return this == PRECONTEMPLATION ? this : values()[ordinal() - 1];
  }

  /**
   * Parses a name case-insensitively; lists the allowed names if it does not match.
   *
   * @param text the name to parse
   * @return the stage
   */
  public static ReadinessStage parse(CharSequence text) {
    return Enums.parse(ReadinessStage.class, "readiness stage", text);
  }
}
