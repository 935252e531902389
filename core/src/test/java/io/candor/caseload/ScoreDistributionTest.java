package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScoreDistributionTest {

  @Test
  void parse_readsTheNameInAnyCaseWithHyphensOrSpaces_andRefusesOthers() {
    assertEquals(ScoreDistribution.NORMAL, ScoreDistribution.parse("Normal"));
    assertThrows(IllegalArgumentException.class, () -> ScoreDistribution.parse("sometimes"));
  }
}
