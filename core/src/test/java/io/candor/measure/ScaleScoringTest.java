package io.candor.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ScaleScoringTest {

  @Test
  void sum_isTheSumWhenEveryItemIsAnswered_andProratedOtherwise() {
    assertEquals(10, ScaleScoring.SUM.score(10, 5, 5));
    assertEquals(10, ScaleScoring.SUM.score(8, 4, 5));
    assertEquals(50, ScaleScoring.SUM.score(10, 1, 5));
  }

  @Test
  void mean_dividesByTheAnsweredItems() {
    assertEquals(2.5, ScaleScoring.MEAN.score(10, 4, 5));
    assertEquals(2, ScaleScoring.MEAN.score(10, 5, 5));
  }

  @Test
  void score_refusesNoAnswersAndMoreAnswersThanItems() {
    assertEquals("answered must be between 1 and 5, was 0",
        assertThrows(IllegalArgumentException.class, () -> ScaleScoring.SUM.score(0, 0, 5))
            .getMessage());
    assertEquals("answered must be between 1 and 5, was 6",
        assertThrows(IllegalArgumentException.class, () -> ScaleScoring.MEAN.score(6, 6, 5))
            .getMessage());
  }

  @Test
  void parse_readsTheNameInAnyCase() {
    assertEquals(ScaleScoring.MEAN, ScaleScoring.parse("mean"));
    assertEquals(ScaleScoring.SUM, ScaleScoring.parse(" Sum "));
  }
}
