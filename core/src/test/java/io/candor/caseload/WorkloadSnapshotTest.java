package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class WorkloadSnapshotTest {

  private static final LocalDate DAY = LocalDate.of(2025, 3, 1);
  private static final OptionalDouble NONE = OptionalDouble.empty();

  @Test
  void anyOneFigureIsEnough_noneIsRefused() {
    OptionalDouble one = OptionalDouble.of(0.5);
    assertEquals(one, new WorkloadSnapshot(DAY, one, NONE, NONE, NONE, NONE).caseload());
    assertEquals(one, new WorkloadSnapshot(DAY, NONE, one, NONE, NONE, NONE).weeklySessions());
    assertEquals(one, new WorkloadSnapshot(DAY, NONE, NONE, one, NONE, NONE).shareChronic());
    assertEquals(one, new WorkloadSnapshot(DAY, NONE, NONE, NONE, one, NONE).shareNotOnTrack());
    assertEquals(one, new WorkloadSnapshot(DAY, NONE, NONE, NONE, NONE, one).traumaShare());
    assertEquals("the workload on 2025-03-01 gives no figure", assertThrows(
        IllegalArgumentException.class,
        () -> new WorkloadSnapshot(DAY, NONE, NONE, NONE, NONE, NONE)).getMessage());
  }

  @Test
  void of_takesAWeekOfTheSimulatedCaseload_withTheTraumaShareOfItsSessions() {
    CaseloadWeek w = CaseloadWeekTest.week(CaseloadWeekTest.discharges(0, 0, 0, 0, 0));
    WorkloadSnapshot s = WorkloadSnapshot.of(DAY, w);
    assertEquals(OptionalDouble.of(18), s.caseload());
    assertEquals(OptionalDouble.of(16), s.weeklySessions());
    assertEquals(OptionalDouble.of(0.25), s.traumaShare());
    assertEquals(OptionalDouble.of(0.3), s.shareChronic());
    assertEquals(NONE, s.shareNotOnTrack());
    CaseloadWeek idle = new CaseloadWeek(0, 0, 0, 0, 0, 0, 0, NONE, NONE, NONE,
        CaseloadWeekTest.discharges(0, 0, 0, 0, 0));
    assertEquals(NONE, WorkloadSnapshot.of(DAY, idle).traumaShare());
  }
  @Test
  void figuresMustBeInTheirRanges() {
    OptionalDouble bad = OptionalDouble.of(1.5);
    OptionalDouble negative = OptionalDouble.of(-1);
    assertThrows(IllegalArgumentException.class,
        () -> new WorkloadSnapshot(DAY, NONE, negative, NONE, NONE, NONE));
    assertThrows(IllegalArgumentException.class,
        () -> new WorkloadSnapshot(DAY, NONE, NONE, bad, NONE, NONE));
    assertThrows(IllegalArgumentException.class,
        () -> new WorkloadSnapshot(DAY, NONE, NONE, NONE, bad, NONE));
    assertThrows(IllegalArgumentException.class,
        () -> new WorkloadSnapshot(DAY, NONE, NONE, NONE, NONE, bad));
    assertThrows(IllegalArgumentException.class,
        () -> new WorkloadSnapshot(DAY, negative, NONE, NONE, NONE, NONE));
  }
}
