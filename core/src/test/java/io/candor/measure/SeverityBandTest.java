package io.candor.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeverityBandTest {

  @Test
  void contains_includesBothBounds() {
    SeverityBand mild = new SeverityBand("mild", 5, 9);
    assertTrue(mild.contains(5));
    assertTrue(mild.contains(7));
    assertTrue(mild.contains(9));
    assertFalse(mild.contains(4.9));
    assertFalse(mild.contains(9.1));
  }

  @Test
  void aBandMayHoldOneScore_butNotRunBackwards() {
    assertTrue(new SeverityBand("one", 5, 5).contains(5));
    assertEquals("band down: upper 4.0 must be at least lower 5.0",
        assertThrows(IllegalArgumentException.class, () -> new SeverityBand("down", 5, 4))
            .getMessage());
  }

  @Test
  void toString_givesTheLabelAndTheRange() {
    assertEquals("mild (5-9)", new SeverityBand("mild", 5, 9).toString());
  }
}
