package io.candor.model.therapist;

import io.candor.change.MeasureOutcome;
import java.util.Locale;

/**
 * The binary outcome a funnel plot compares, with who counts as a case, defined by Candor's one
 * definition of each clinical event ({@link io.candor.change.TalkingTherapies#outcome(
 * io.candor.measure.Instrument, double, double)}: the instrument's caseness cutoff and published
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
   * Whether a client with these flags counts as a case (is in the denominator).
   *
   * @param o the client's flags
   * @return true for a case
   */
  public boolean eligible(MeasureOutcome o) {
    return this != RECOVERY || o.caseAtStart();
  }

  /**
   * Whether the event happened for a client with these flags.
   *
   * @param o the client's flags
   * @return true for an event
   */
  public boolean event(MeasureOutcome o) {
    return switch (this) {
      case RECOVERY -> o.recovered();
      case RELIABLE_IMPROVEMENT -> o.reliablyImproved();
      case RELIABLE_DETERIORATION -> o.reliablyDeteriorated();
    };
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
        + " deterioration; was \"" + text + "\"");
  }
}
