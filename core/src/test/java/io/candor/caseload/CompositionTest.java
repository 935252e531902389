package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class CompositionTest {

  private static final CompositionRow CHRONIC =
      new CompositionRow("chronic", 0.2, 0.3, OptionalDouble.of(14), OptionalDouble.empty());
  private static final CompositionRow IMPROVED =
      new CompositionRow("reliably improved", 0.5, 0.4, OptionalDouble.of(9), OptionalDouble.empty());

  private static Composition of(int from, int to, long clients) {
    return new Composition(from, to, clients, List.of(CHRONIC), List.of(IMPROVED), "text");
  }

  @Test
  void row_findsAGroupAmongCoursesAndOutcomes() {
    Composition c = of(26, 27, 0);
    assertEquals(CHRONIC, c.row("chronic"));
    assertEquals(IMPROVED, c.row("reliably improved"));
    assertEquals("no composition group \"acute\"",
        assertThrows(IllegalArgumentException.class, () -> c.row("acute")).getMessage());
  }

  @Test
  void theWindowEndsAfterItStarts_andTheClientCountIsNotNegative() {
    assertEquals("toWeek 26 must be after fromWeek 26",
        assertThrows(IllegalArgumentException.class, () -> of(26, 26, 1)).getMessage());
    assertEquals("clients must be >= 0, was -1",
        assertThrows(IllegalArgumentException.class, () -> of(26, 40, -1)).getMessage());
  }
  @Test
  void aRowsMeanStayIsNotNegative_andItsLittlesLawShareIsAProbability() {
    assertThrows(IllegalArgumentException.class, () -> new CompositionRow("g", 0.2, 0.3,
        OptionalDouble.of(-1), OptionalDouble.empty()));
    assertThrows(IllegalArgumentException.class, () -> new CompositionRow("g", 0.2, 0.3,
        OptionalDouble.of(4), OptionalDouble.of(1.2)));
  }
}
