package io.candor.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EnumsTest {

  private enum Event { RELIABLE_IMPROVEMENT, RECOVERY }

  @Test
  void parse_acceptsDashesSpacesAndAnyCase() {
    assertEquals(Event.RELIABLE_IMPROVEMENT, Enums.parse(Event.class, "event", "reliable-improvement"));
    assertEquals(Event.RELIABLE_IMPROVEMENT, Enums.parse(Event.class, "event", " Reliable improvement"));
    assertEquals(Event.RECOVERY, Enums.parse(Event.class, "event", "RECOVERY"));
  }

  @Test
  void parse_listsTheAllowedValuesAsTheyAreTyped() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Enums.parse(Event.class, "event", "foo"));
    assertEquals("event must be one of reliable-improvement, recovery; was \"foo\"", e.getMessage());
  }
}
