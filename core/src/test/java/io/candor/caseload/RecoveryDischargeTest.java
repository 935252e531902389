package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RecoveryDischargeTest {

  @Test
  void parse_readsTheNameInAnyCaseWithHyphensOrSpaces_andRefusesOthers() {
    assertEquals(RecoveryDischarge.AT_SUSTAINED_RECOVERY, RecoveryDischarge.parse("at sustained recovery"));
    assertThrows(IllegalArgumentException.class, () -> RecoveryDischarge.parse("sometimes"));
  }
}
