package io.candor.json;

import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.candor.change.ChangeContext;
import io.candor.change.Classification;
import io.candor.change.ClinicalChange;
import io.candor.change.MethodComparison;
import io.candor.domain.Cohort;
import io.candor.domain.Trajectory;
import io.candor.measure.Instruments;
import io.candor.model.survival.EventTime;
import io.candor.model.survival.KaplanMeier;
import io.candor.model.survival.KaplanMeierFit;
import io.candor.model.survival.StratifiedFit;
import io.candor.progress.SuddenChanges;
import io.candor.progress.SuddenGainCriteria;
import io.candor.testing.CandorGenerators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Result records of the change, survival and progress packages round-trip exactly. */
class ResultJsonTest {

  private static <T> void assertRoundTrip(T value, Class<T> type) {
    assertEquals(value, CandorJson.fromJson(CandorJson.toJson(value), type));
  }

  @Test
  void suddenChangesAndClassifications_roundTrip_property() {
    qt().withExamples(25)
        .forAll(quick(CandorGenerators.cohort(Instruments.PHQ9, 25)))
        .checkAssert(
            cohort -> {
              SuddenGainCriteria criteria = SuddenGainCriteria.withDefaults().withCutoff(6);
              for (Trajectory t : cohort.trajectories()) {
                assertRoundTrip(criteria.detect(t), SuddenChanges.class);
                for (Classification c : ClinicalChange.classifyAll(
                    t.scoreAt(0), t.scoreAt(t.size() - 1), ChangeContext.of(Instruments.PHQ9))) {
                  assertRoundTrip(c, Classification.class);
                }
              }
            });
  }

  @Test
  void methodComparison_roundTrips_property() {
    qt().withExamples(20)
        .forAll(quick(CandorGenerators.cohort(Instruments.PHQ9, 30)))
        .checkAssert(
            cohort -> {
              if (cohort.size() < 3) {
                return;
              }
              double[] pre = new double[cohort.size()];
              double[] post = new double[cohort.size()];
              for (int i = 0; i < cohort.size(); i++) {
                Trajectory t = cohort.trajectories().get(i);
                pre[i] = t.scoreAt(0);
                post[i] = t.scoreAt(t.size() - 1);
              }
              try {
                assertRoundTrip(ClinicalChange.compare(Instruments.PHQ9, pre, post), MethodComparison.class);
              } catch (IllegalArgumentException degenerate) {
                // constant pre or post scores: no sample SD, which compare() reports; nothing to write
              }
            });
  }

  @Test
  void kaplanMeierFits_roundTrip_property() {
    qt().withExamples(25)
        .forAll(quick(CandorGenerators.cohort(Instruments.GAD7, 40)))
        .checkAssert(
            cohort -> {
              if (cohort.size() == 0) {
                return;
              }
              Map<String, List<EventTime>> groups = groups(cohort);
              List<EventTime> all = new ArrayList<>();
              groups.values().forEach(all::addAll);
              assertRoundTrip(KaplanMeier.withDefaults().fit(all), KaplanMeierFit.class);
              assertRoundTrip(KaplanMeier.withDefaults().fitStrata(groups), StratifiedFit.class);
            });
  }

  /** Time to a 4-point GAD-7 improvement, censored at the last session; two groups by id parity. */
  private static Map<String, List<EventTime>> groups(Cohort cohort) {
    Map<String, List<EventTime>> groups = new LinkedHashMap<>();
    int i = 0;
    for (Trajectory t : cohort.trajectories()) {
      int event = -1;
      for (int k = 1; k < t.size() && event < 0; k++) {
        if (t.scoreAt(0) - t.scoreAt(k) >= 4) {
          event = t.sessionAt(k);
        }
      }
      EventTime et = event >= 0 ? new EventTime(event, true) : new EventTime(Math.max(1, t.sessionAt(t.size() - 1)), false);
      groups.computeIfAbsent(i++ % 2 == 0 ? "even" : "odd", k -> new ArrayList<>()).add(et);
    }
    return groups;
  }
}
