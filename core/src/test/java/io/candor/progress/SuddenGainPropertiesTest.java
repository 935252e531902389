package io.candor.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.candor.domain.ClientId;
import io.candor.domain.Trajectory;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of sudden-gain detection over random trajectories. */
class SuddenGainPropertiesTest {

  static final Instrument WORSE =
      Instrument.builder("TEST-W", "test scale, higher is worse")
          .range(0, 60)
          .direction(Direction.HIGHER_IS_WORSE)
          .casenessCutoff(Sourced.assumption(20, Citations.TANG_1999, "test"))
          .reliability(Sourced.assumption(0.8, Citations.TANG_1999, "test"))
          .reliableChange(Sourced.assumption(7, Citations.TANG_1999, "test"))
          .licence("test only")
          .build();
  static final Instrument BETTER =
      WORSE.toBuilder().direction(Direction.HIGHER_IS_BETTER)
          .casenessCutoff(Sourced.assumption(40, Citations.TANG_1999, "test")).build();

  private static final Gen<List<Integer>> SCORES =
      lists().of(integers().between(0, 40)).ofSizeBetween(2, 16);

  private static Trajectory traj(Instrument scale, List<Integer> scores, int shift, boolean mirror) {
    int[] s = new int[scores.size()];
    double[] x = new double[scores.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = i + 1;
      int v = scores.get(i) + shift;
      x[i] = mirror ? scale.minScore() + scale.maxScore() - v : v;
    }
    return Trajectory.ofScores(ClientId.of("p"), scale, s, x);
  }

  private static List<String> keys(List<SuddenChange> changes) {
    return changes.stream()
        .map(c -> c.preSession() + ">" + c.postSession() + ":" + c.magnitude() + ":" + c.reversalSession())
        .collect(Collectors.toList());
  }

  private static List<String> intervals(List<SuddenChange> changes) {
    return changes.stream().map(c -> c.preSession() + ">" + c.postSession() + ":" + c.magnitude())
        .collect(Collectors.toList());
  }

  @Test
  void addingAConstant_changesNoAbsoluteCriterionVerdict() {
    SuddenGainCriteria absOnly =
        SuddenGainCriteria.withDefaults().withoutRelativeCriterion().withoutMeanDifferenceCriterion();
    SuddenGainCriteria absAndMean = SuddenGainCriteria.withDefaults().withoutRelativeCriterion();
    qt().forAll(SCORES, integers().between(0, 20))
        .checkAssert(
            (scores, c) -> {
              for (SuddenGainCriteria k : List.of(absOnly, absAndMean)) {
                SuddenChanges a = k.detect(traj(WORSE, scores, 0, false));
                SuddenChanges b = k.detect(traj(WORSE, scores, c, false));
                assertEquals(keys(a.gains()), keys(b.gains()));
                assertEquals(keys(a.losses()), keys(b.losses()));
              }
            });
  }

  @Test
  void mirroringScoresAndFlippingDirection_keepsEveryChange() {
    SuddenGainCriteria all = SuddenGainCriteria.withDefaults();
    qt().forAll(SCORES)
        .checkAssert(
            scores -> {
              SuddenChanges a = all.detect(traj(WORSE, scores, 0, false));
              SuddenChanges b = all.detect(traj(BETTER, scores, 0, true));
              assertEquals(keys(a.gains()), keys(b.gains()));
              assertEquals(keys(a.losses()), keys(b.losses()));
            });
  }

  @Test
  void reversingDirection_turnsGainsIntoLosses() {
    // same scores, direction flipped: the absolute and mean-difference criteria are symmetric
    SuddenGainCriteria symmetric = SuddenGainCriteria.withDefaults().withoutRelativeCriterion();
    qt().forAll(SCORES)
        .checkAssert(
            scores -> {
              SuddenChanges a = symmetric.detect(traj(WORSE, scores, 0, false));
              SuddenChanges b = symmetric.detect(traj(BETTER, scores, 0, false));
              assertEquals(intervals(a.gains()), intervals(b.losses()));
              assertEquals(intervals(a.losses()), intervals(b.gains()));
            });
  }

  @Test
  void mirroringScores_turnsGainsIntoLosses() {
    SuddenGainCriteria symmetric = SuddenGainCriteria.withDefaults().withoutRelativeCriterion();
    qt().forAll(SCORES)
        .checkAssert(
            scores -> {
              SuddenChanges a = symmetric.detect(traj(WORSE, scores, 0, false));
              SuddenChanges b = symmetric.detect(traj(WORSE, scores, 0, true));
              assertEquals(intervals(a.gains()), intervals(b.losses()));
              assertEquals(intervals(a.losses()), intervals(b.gains()));
            });
  }

  @Test
  void schedules_agreeWhenNoSessionIsMissing() {
    SuddenGainCriteria bySession = SuddenGainCriteria.withDefaults();
    SuddenGainCriteria byObservation = bySession.with(Schedule.CONSECUTIVE_OBSERVATIONS);
    qt().forAll(SCORES)
        .checkAssert(
            scores -> {
              Trajectory t = traj(WORSE, scores, 0, false);
              assertEquals(keys(bySession.detect(t).gains()), keys(byObservation.detect(t).gains()));
              assertEquals(keys(bySession.detect(t).losses()), keys(byObservation.detect(t).losses()));
            });
  }

  @Test
  void everyChange_meetsEachCriterionInForce() {
    SuddenGainCriteria all = SuddenGainCriteria.withDefaults();
    qt().forAll(SCORES)
        .checkAssert(
            scores -> {
              SuddenChanges r = all.detect(traj(WORSE, scores, 0, false));
              for (SuddenChange g : r.gains()) {
                assertTrue(g.postScore() < g.preScore());
                assertTrue(g.magnitude() >= 7);
                assertTrue(g.magnitude() >= 0.25 * g.preScore());
                assertTrue(g.preMean().getAsDouble() - g.postMean().getAsDouble() > 0);
              }
              for (SuddenChange l : r.losses()) {
                assertTrue(l.postScore() > l.preScore());
                assertTrue(l.magnitude() >= 7);
                assertTrue(l.magnitude() >= 0.25 * l.preScore());
                assertTrue(l.postMean().getAsDouble() - l.preMean().getAsDouble() > 0);
              }
            });
  }

  @Test
  void reversingTime_turnsEveryGainIntoALoss() {
    // with all three criteria: s(post) <= (1 - r) s(pre) implies s(pre) >= (1 + r) s(post)
    SuddenGainCriteria all = SuddenGainCriteria.withDefaults();
    qt().forAll(SCORES)
        .checkAssert(
            scores -> {
              List<Integer> rev = new ArrayList<>(scores);
              java.util.Collections.reverse(rev);
              int n = scores.size();
              SuddenChanges a = all.detect(traj(WORSE, scores, 0, false));
              SuddenChanges b = all.detect(traj(WORSE, rev, 0, false));
              List<String> reversedLosses = intervals(b.losses());
              for (SuddenChange g : a.gains()) {
                String mirrored =
                    (n + 1 - g.postSession()) + ">" + (n + 1 - g.preSession()) + ":" + g.magnitude();
                assertTrue(reversedLosses.contains(mirrored), () -> mirrored + " in " + reversedLosses);
              }
            });
  }
}
