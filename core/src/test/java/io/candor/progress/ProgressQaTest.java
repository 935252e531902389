package io.candor.progress;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.ClientId;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Regressions found in the end-to-end QA pass: validation gaps on public records. */
class ProgressQaTest {

  @Test
  void timeToEvent_rejectsNegativeTime() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> new TimeToEvent(ClientId.of("a"), -1, true));
    assertTrue(e.getMessage().contains("time") && e.getMessage().contains("-1"), e.getMessage());
  }

  @Test
  void suddenChangeSummary_rejectsMoreReversalsThanChanges() {
    OptionalDouble none = OptionalDouble.empty();
    IllegalArgumentException byChange =
        assertThrows(IllegalArgumentException.class,
            () -> new SuddenChangeSummary(ChangeKind.GAIN, PersonSelection.FIRST, 10, 2, 2, 0, 3, 0,
                none, none, none, none));
    assertTrue(byChange.getMessage().contains("reversalsByChange"), byChange.getMessage());
    IllegalArgumentException byPerson =
        assertThrows(IllegalArgumentException.class,
            () -> new SuddenChangeSummary(ChangeKind.GAIN, PersonSelection.FIRST, 10, 4, 2, 1, 1, 3,
                none, none, none, none));
    assertTrue(byPerson.getMessage().contains("reversalsByPerson"), byPerson.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new SuddenChangeSummary(ChangeKind.GAIN, PersonSelection.FIRST, 10, 2, 2, 0, -1, 0,
            none, none, none, none));
  }

  @Test
  void suddenChangeSummary_rejectsNoClients_insteadOfANaNShare() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> SuddenChangeSummary.of(java.util.List.of(), ChangeKind.GAIN));
    assertTrue(e.getMessage().contains("results"), e.getMessage());
    OptionalDouble none = OptionalDouble.empty();
    IllegalArgumentException c =
        assertThrows(IllegalArgumentException.class,
            () -> new SuddenChangeSummary(ChangeKind.GAIN, PersonSelection.FIRST, 0, 0, 0, 0, 0, 0,
                none, none, none, none));
    assertTrue(c.getMessage().contains("clients"), c.getMessage());
  }

  @Test
  void earlyResponse_noChangeIsPlusZero_notMinusZero() {
    // improvement(10, 10) on a higher-is-worse scale is -(10 - 10) = -0.0, which JSON wrote as -0.0
    io.candor.domain.Trajectory t =
        io.candor.domain.Trajectory.ofScores(ClientId.of("a"), io.candor.measure.Instruments.PHQ9,
            new int[] {0, 1}, new double[] {10, 10});
    EarlyResponse e = EarlyResponseCriteria.withDefaults().evaluate(t).orElseThrow();
    org.junit.jupiter.api.Assertions.assertEquals(0.0, e.relativeReduction());
  }
}
