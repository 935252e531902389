package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BaselineTest {

  @Test
  void parse_readsTheNameInAnyCaseWithHyphensOrSpaces_andRefusesOthers() {
    assertEquals(Baseline.PREVIOUS, Baseline.parse("previous"));
    assertThrows(IllegalArgumentException.class, () -> Baseline.parse("sometimes"));
  }
}
