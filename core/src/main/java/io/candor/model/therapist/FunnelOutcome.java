package io.candor.model.therapist;

import io.candor.change.ClinicalEvents;
import io.candor.internal.Checks;
import java.util.Locale;

/**
 * The binary outcome a funnel plot compares, with who counts as a case, by Candor's one definition
 * of each clinical event ({@link ClinicalEvents}: the instrument's caseness cutoff and its
 * reliable-change threshold).
 */
public enum FunnelOutcome {
  /**
   * Recovery as NHS Talking Therapies counts it: cases are clients at caseness at intake; the event
   * is being below caseness at the end.
   */
  RECOVERY("recovery"),
  /** Reliable improvement; every client is a case. */
  RELIABLE_IMPROVEMENT("reliable-improvement"),
  /** Reliable deterioration; every client is a case. */
  RELIABLE_DETERIORATION("deterioration");

  private final String label;

  FunnelOutcome(String label) {
    this.label = label;
  }

  /**
   * Whether a client counts as a case (is in the denominator).
   *
   * @param events the instrument's clinical events
   * @param pre the intake score
   * @return true for a case: for recovery a case at intake, otherwise every client
   */
  public boolean eligible(ClinicalEvents events, double pre) {
    return this != RECOVERY || events.isCase(pre);
  }

  /**
   * Whether the event happened.
   *
   * @param events the instrument's clinical events
   * @param pre the intake score
   * @param post the end-of-treatment score
   * @return true for an event
   */
  public boolean event(ClinicalEvents events, double pre, double post) {
    return switch (this) {
      case RECOVERY -> events.recovered(pre, post);
      case RELIABLE_IMPROVEMENT -> events.reliablyImproved(pre, post);
      case RELIABLE_DETERIORATION -> events.reliablyDeteriorated(pre, post);
    };
  }

  /**
   * What the instrument lacks to decide this outcome, or empty when it can be decided.
   *
   * @param events the instrument's clinical events
   * @return a sentence naming what is missing
   */
  public java.util.Optional<String> missing(ClinicalEvents events) {
    if (this == RECOVERY) {
      return events.instrument().casenessCutoff().isPresent() ? java.util.Optional.empty()
          : java.util.Optional.of(events.instrument().id() + " has no caseness cutoff, so"
              + " recovery cannot be decided");
    }
    return events.missingThreshold();
  }

  /**
   * The short name used on the command line and in messages.
   *
   * @return {@code recovery}, {@code reliable-improvement} or {@code deterioration}
   */
  public String label() {
    return label;
  }

  /**
   * Parses a {@link #label()} or a constant name (any case).
   *
   * @param text the name
   * @return the constant
   * @throws IllegalArgumentException naming the allowed values
   */
  public static FunnelOutcome parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (FunnelOutcome o : values()) {
      if (o.label.equals(t) || o.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(t)) {
        return o;
      }
    }
    throw new IllegalArgumentException("outcome must be one of recovery, reliable-improvement,"
        + " deterioration; was " + (text == null ? "null" : Checks.quote(text)));
  }
}
