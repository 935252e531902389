package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExtensionTest {

  @Test
  void parse_readsTheNameInAnyCaseWithHyphensOrSpaces_andRefusesOthers() {
    assertEquals(Extension.WHEN_NOT_IMPROVED, Extension.parse("when-not-improved"));
    assertThrows(IllegalArgumentException.class, () -> Extension.parse("sometimes"));
  }
}
