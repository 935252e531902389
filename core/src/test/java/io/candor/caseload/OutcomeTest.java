package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OutcomeTest {

  @Test
  void recoveryIsPartOfImprovement_theOthersPartitionTheClients() {
    for (Outcome o : Outcome.values()) {
      assertEquals(o != Outcome.RECOVERY, o.partitions(), o.name());
    }
  }

  @Test
  void verbs_describeWhatAClientMayDo() {
    assertEquals("improve reliably", Outcome.RELIABLE_IMPROVEMENT.verb());
    assertEquals("stop attending", Outcome.DROPOUT.verb());
  }

  @Test
  void parse_readsTheNameInAnyCase() {
    assertEquals(Outcome.RELIABLE_DETERIORATION, Outcome.parse("reliable-deterioration"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Outcome.parse("cured"))
        .getMessage().startsWith("outcome must be one of reliable-improvement, recovery"));
    assertFalse(Outcome.parse("recovery").partitions());
  }
}
