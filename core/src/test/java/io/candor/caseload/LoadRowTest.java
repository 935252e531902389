package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class LoadRowTest {

  private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

  @Test
  void aRowNeedsLoadOrScores_andKeepsACopyOfTheScores() {
    WorkloadSnapshot load = new WorkloadSnapshot(DAY, OptionalDouble.of(20),
        OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
        OptionalDouble.empty());
    assertEquals(Optional.of(load), new LoadRow(DAY, Optional.of(load), Map.of()).workload());
    Map<String, Double> scores = new HashMap<>(Map.of("BO", 24.0));
    LoadRow row = new LoadRow(DAY, Optional.empty(), scores);
    scores.put("CS", 40.0);
    assertEquals(Map.of("BO", 24.0), row.scores());
    assertEquals("a load row on 2025-03-01 has neither load nor scores",
        assertThrows(IllegalArgumentException.class,
            () -> new LoadRow(DAY, Optional.empty(), Map.of())).getMessage());
  }
}
