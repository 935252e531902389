package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instruments;
import org.junit.jupiter.api.Test;

class EventsTest {

  /** PHQ-9: reliable change 6 points, caseness from 10. */
  @Test
  void phq9Events_areTheInstrumentsClinicalEvents() {
    Events e = new Events(Instruments.PHQ9);
    assertEquals(6, e.threshold);
    assertEquals(10, e.cutoff);
    assertTrue(e.isCase(10));
    assertFalse(e.isCase(9));
    assertEquals(Outcome.RELIABLE_IMPROVEMENT, e.outcome(18, 12));
    assertEquals(Outcome.NO_RELIABLE_CHANGE, e.outcome(18, 13));
    assertEquals(Outcome.NO_RELIABLE_CHANGE, e.outcome(12, 17));
    assertEquals(Outcome.RELIABLE_DETERIORATION, e.outcome(12, 18));
    assertTrue(e.recovered(18, 9));
    assertFalse(e.recovered(18, 12), "improved but still a case");
    assertFalse(e.recovered(9, 2), "not a case at intake");
  }

  @Test
  void anInstrumentWithoutAThresholdOrCutoff_isRefusedNamingWhatIsMissing() {
    assertEquals("WEMWBS has no caseness cutoff, which recovery needs",
        assertThrows(IllegalArgumentException.class, () -> new Events(Instruments.WEMWBS))
            .getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Events(Instruments.K10))
        .getMessage().endsWith("; caseload outcomes need one"));
  }
}
