package io.candor.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Trajectory;
import io.candor.measure.Instruments;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrePostTest {

  @Test
  void fromCohort_takesFirstAndLastScoreOfEachTrajectoryOnTheScale() {
    Cohort cohort = Cohort.of(List.of(
        Trajectory.ofScores(ClientId.of("a"), Instruments.PHQ9, new int[] {0, 1, 4}, new double[] {18, 14, 9}),
        Trajectory.ofScores(ClientId.of("b"), Instruments.PHQ9, new int[] {0, 2}, new double[] {20, 21}),
        Trajectory.ofScores(ClientId.of("c"), Instruments.PHQ9, new int[] {0}, new double[] {12}),
        Trajectory.ofScores(ClientId.of("a"), Instruments.GAD7, new int[] {0, 4}, new double[] {12, 5})));
    List<PrePost> pairs = PrePost.fromCohort(cohort, "PHQ-9", 2);
    assertEquals(2, pairs.size());
    assertEquals(new PrePost(ClientId.of("a"), 18, 9), pairs.get(0));
    assertEquals(new PrePost(ClientId.of("b"), 20, 21), pairs.get(1));
    MethodComparison table = ClinicalChange.compare(ChangeContext.of(Instruments.PHQ9), pairs);
    assertEquals(2, table.n());
    assertThrows(IllegalArgumentException.class, () -> PrePost.fromCohort(cohort, "PHQ-9", 0));
  }
}
