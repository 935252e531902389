package io.candor.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.candor.measure.Instruments;
import org.junit.jupiter.api.Test;

/** {@link MethodCounts}: one row of a method comparison. */
class MethodCountsTest {

  @Test
  void countAndTotal_readEachCategory() {
    ClinicalCutoff cutoff = ClinicalCutoff.of(ChangeContext.of(Instruments.PHQ9));
    MethodCounts row =
        new MethodCounts(ReliableChangeMethod.JACOBSON_TRUAX, cutoff, 1, 2, 3, 4, 5);
    assertEquals(15, row.total());
    assertEquals(1, row.count(ChangeCategory.RECOVERED));
    assertEquals(2, row.count(ChangeCategory.IMPROVED));
    assertEquals(3, row.count(ChangeCategory.UNCHANGED));
    assertEquals(4, row.count(ChangeCategory.DETERIORATED));
    assertEquals(5, row.count(ChangeCategory.HARMED));
  }

  @Test
  void categories_rankFromRecoveredDownToHarmed_andParseByName() {
    assertEquals(2, ChangeCategory.RECOVERED.rank());
    assertEquals(1, ChangeCategory.IMPROVED.rank());
    assertEquals(0, ChangeCategory.UNCHANGED.rank());
    assertEquals(-1, ChangeCategory.DETERIORATED.rank());
    assertEquals(-2, ChangeCategory.HARMED.rank());
    assertEquals(ChangeCategory.DETERIORATED, ChangeCategory.parse("deteriorated"));
  }
}
