package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScaleChangeTest {

  @Test
  void aBaselineDateComesWithItsAssessment() {
    assertEquals(7.6, new ScaleChange(7.6, "basis", Optional.empty(), Optional.empty())
        .threshold());
    assertEquals("since and assessment are given together or not at all",
        assertThrows(IllegalArgumentException.class, () -> new ScaleChange(7.6, "basis",
            Optional.of(LocalDate.of(2025, 3, 1)), Optional.empty())).getMessage());
  }
}
