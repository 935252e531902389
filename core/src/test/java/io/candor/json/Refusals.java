package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a refusal of bad input must look like: an {@link IllegalArgumentException} with a message
 * of one line that names what was wrong, short enough that it cannot carry a whole record.
 */
final class Refusals {

  /** Longer than this, a message is repeating input rather than naming one value. */
  static final int MAX_MESSAGE = 1000;

  private Refusals() {}

  static void check(IllegalArgumentException e) {
    String m = e.getMessage();
    assertNotNull(m, "a refusal without a message");
    assertFalse(m.isBlank(), "a refusal with a blank message");
    assertFalse(m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0, () -> "a message of several lines: " + m);
    assertTrue(m.length() <= MAX_MESSAGE,
        () -> "a message of " + m.length() + " characters: " + m.substring(0, 200) + "...");
  }
}
