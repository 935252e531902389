package io.candor.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.candor.domain.ClientId;
import io.candor.domain.Trajectory;
import io.candor.measure.Instruments;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariants of the engagement report over random cohorts. */
class EngagementPropertiesTest {

  /** Each integer encodes one client: last session 1..12 and intake score. */
  private static List<Trajectory> cohort(List<Integer> codes) {
    List<Trajectory> out = new ArrayList<>();
    int k = 0;
    for (int code : codes) {
      int last = 1 + Math.floorMod(code, 12);
      int intake = 10 + Math.floorMod(code / 12, 18);
      int[] s = new int[last];
      double[] x = new double[last];
      for (int i = 0; i < last; i++) {
        s[i] = i + 1;
        x[i] = Math.max(0, intake - Math.floorMod(code * (i + 3), 7) * i / 3.0);
      }
      out.add(Trajectory.ofScores(ClientId.of("c" + k++), Instruments.PHQ9, s, x));
    }
    return out;
  }

  @Test
  void hazardTable_countsEveryDropoutOnceAndNeverExceedsOne() {
    qt().forAll(lists().of(integers().between(0, 10_000)).ofSizeBetween(1, 60), integers().between(1, 13))
        .checkAssert(
            (codes, planned) -> {
              EngagementReport r =
                  Engagement.analyse(cohort(codes), DropoutDefinition.beforeSession(planned),
                      id -> Integer.parseInt(id.value().substring(1)) % 2 == 0 ? "even" : "odd");
              assertEquals(r.dropouts(), r.overall().totalDropouts());
              assertEquals(r.starters(), r.overall().atRisk()[0]);
              int byGroup = r.byGroup().values().stream().mapToInt(DropoutHazard::totalDropouts).sum();
              assertEquals(r.dropouts(), byGroup);
              for (double h : r.overall().hazard()) {
                assertTrue(h >= 0 && h <= 1);
              }
              assertTrue(r.dropoutsBeforeReliableImprovement() <= r.dropouts());
              int[] risk = r.overall().atRisk();
              for (int i = 1; i < risk.length; i++) {
                assertTrue(risk[i] <= risk[i - 1], "nobody joins after session 1");
              }
            });
  }
}
