package io.candor.progress;

import io.candor.internal.Enums;

/**
 * Which change represents a client who had several, for summaries "by person" (the suddengains
 * package's {@code multiple_sg_select}; its {@code byperson} data default to the first).
 */
public enum PersonSelection {
  /** The earliest change. The default, as in the suddengains package. */
  FIRST,
  /** The largest change; the earliest of equally large ones. */
  LARGEST;

  /**
   * Parses a name case-insensitively.
   *
   * @param text the name to parse
   * @return the selection
   */
  public static PersonSelection parse(CharSequence text) {
    return Enums.parse(PersonSelection.class, "person selection", text);
  }
}
