package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CountIntervalTest {

  @Test
  void aPointInterval_isAllowed_aReversedOneIsNot() {
    assertEquals(3, new CountInterval(3, 3, 0.8, 1).upper());
    assertEquals("upper 2 must be at least lower 3",
        assertThrows(IllegalArgumentException.class, () -> new CountInterval(3, 2, 0.8, 1))
            .getMessage());
  }
}
