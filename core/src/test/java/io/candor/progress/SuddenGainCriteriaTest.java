package io.candor.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.ClientId;
import io.candor.domain.ScoreScale;
import io.candor.domain.Trajectory;
import io.candor.measure.Instruments;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Hand-made trajectories pinning each criterion of {@link SuddenGainCriteria}. */
class SuddenGainCriteriaTest {

  private static final ScoreScale BDI = ScoreScale.of("BDI", 0, 63);
  private static final SuddenGainCriteria TANG = SuddenGainCriteria.withDefaults().withCutoff(7);

  static Trajectory consecutive(ScoreScale scale, double... scores) {
    return Trajectory.ofScores(
        ClientId.of("c"), scale, IntStream.rangeClosed(1, scores.length).toArray(), scores);
  }

  static Trajectory at(ScoreScale scale, int[] sessions, double... scores) {
    return Trajectory.ofScores(ClientId.of("c"), scale, sessions, scores);
  }

  @Test
  void detect_findsGainWhenAllThreeCriteriaPass() {
    SuddenChanges r = TANG.detect(consecutive(BDI, 30, 31, 30, 15, 14, 15));
    assertEquals(1, r.gains().size());
    SuddenChange g = r.gains().get(0);
    assertEquals(3, g.preSession());
    assertEquals(4, g.postSession());
    assertEquals(30, g.preScore());
    assertEquals(15, g.postScore());
    assertEquals(15, g.magnitude());
    assertEquals(1, g.gap());
    assertEquals(91.0 / 3, g.preMean().getAsDouble(), 1e-12);
    assertEquals(44.0 / 3, g.postMean().getAsDouble(), 1e-12);
    assertEquals(2.7764451051977934, g.criticalValue().getAsDouble(), 1e-12);
    assertEquals(1.0, g.shareOfTotalChange().getAsDouble(), 1e-12);
    assertTrue(r.losses().isEmpty());
    assertFalse(g.reversal());
  }

  @Test
  void shareOfTotalChange_isEmptyWhenTheNetChangeRunsAgainstTheJump() {
    // a 15-point gain, then worse than at intake: no meaningful share (was -15 / 2 = -750 %)
    SuddenChanges r = TANG.detect(consecutive(BDI, 30, 31, 30, 15, 14, 15, 32, 32));
    SuddenChange g = r.gains().get(0);
    assertTrue(g.shareOfTotalChange().isEmpty(), g.toString());
    // a gain larger than the net improvement still has its share (above 1)
    SuddenChanges partial = TANG.detect(consecutive(BDI, 30, 31, 30, 15, 14, 15, 25, 25));
    assertEquals(3.0, partial.gains().get(0).shareOfTotalChange().getAsDouble(), 1e-12);
  }

  @Test
  void absoluteCriterion_failingAloneBlocksGain() {
    Trajectory t = consecutive(BDI, 30, 31, 30, 15, 14, 15);
    assertTrue(TANG.withCutoff(16).detect(t).gains().isEmpty());
    assertEquals(1, TANG.withCutoff(15).detect(t).gains().size(), "cutoff is inclusive");
    assertEquals(1, TANG.withCutoff(16).withoutAbsoluteCriterion().detect(t).gains().size());
  }

  @Test
  void relativeCriterion_failingAloneBlocksGain() {
    // drop 10 >= 7 and the means differ clearly, but 10 < 25 % of 60
    Trajectory t = consecutive(BDI, 60, 61, 60, 50, 49, 50);
    assertTrue(TANG.detect(t).gains().isEmpty());
    assertEquals(1, TANG.withoutRelativeCriterion().detect(t).gains().size());
    assertEquals(1, TANG.withRelative(1.0 / 6).detect(t).gains().size(), "10 is exactly 1/6 of 60");
  }

  @Test
  void meanDifferenceCriterion_failingAloneBlocksGain() {
    // 30 -> 20 passes 1 and 2 but the series is noise: means 26.7 vs 23.3, pooled SD 5.8
    Trajectory t = consecutive(BDI, 30, 20, 30, 20, 30, 20);
    assertTrue(TANG.detect(t).gains().isEmpty());
    SuddenChanges r = TANG.withoutMeanDifferenceCriterion().detect(t);
    assertEquals(3, r.gains().size());
    assertEquals(2, r.losses().size());
    assertEquals(3, r.gains().get(1).preSession());
    SuddenChange untested = r.gains().get(1);
    assertTrue(untested.preMean().isEmpty() && untested.postMean().isEmpty() && untested.criticalValue().isEmpty(),
        "no window means without the mean-difference criterion: " + untested);
  }

  @Test
  void meanDifferenceCriterion_needsTwoScoresEachSide() {
    Trajectory t = consecutive(BDI, 30, 15, 14, 15);
    assertTrue(TANG.detect(t).gains().isEmpty(), "only one pre-gain score");
    assertEquals(1, TANG.withoutMeanDifferenceCriterion().detect(t).gains().size());
  }

  @Test
  void missingSession_inWindowAdjustsCriticalValue() {
    Trajectory t = at(BDI, new int[] {1, 2, 3, 4, 6}, 30, 31, 30, 15, 15);
    SuddenChange g = TANG.detect(t).gains().get(0);
    assertEquals(3.1824463052842638, g.criticalValue().getAsDouble(), 1e-12);
    assertEquals(15, g.postMean().getAsDouble());
    Trajectory both = at(BDI, new int[] {2, 3, 4, 6}, 31, 30, 15, 15);
    assertEquals(4.302652729749464, TANG.detect(both).gains().get(0).criticalValue().getAsDouble(), 1e-12);
  }

  @Test
  void missingSession_unadjustedUsesFixedCriticalValue() {
    Trajectory t = at(BDI, new int[] {1, 2, 3, 4, 6}, 30, 31, 30, 15, 15);
    assertEquals(2.776,
        TANG.with(CriticalValueRule.FIXED).detect(t).gains().get(0).criticalValue().getAsDouble());
    assertEquals(3.5, TANG.withFixedCriticalValue(3.5).detect(t).gains().get(0).criticalValue().getAsDouble());
  }

  @Test
  void missingSession_atIntervalSkipsItUnlessConsecutiveObservations() {
    Trajectory t = at(BDI, new int[] {1, 2, 3, 5, 6, 7}, 30, 31, 30, 15, 14, 15);
    assertTrue(TANG.detect(t).gains().isEmpty());
    SuddenChanges r = TANG.with(Schedule.CONSECUTIVE_OBSERVATIONS).detect(t);
    assertEquals(1, r.gains().size());
    assertEquals(3, r.gains().get(0).preSession());
    assertEquals(5, r.gains().get(0).postSession());
    assertEquals(2, r.gains().get(0).gap());
  }

  @Test
  void missingSession_windowCountsOnlySessionsWithinThree() {
    // session 8 lies beyond n+3 = 7, so the post window has only session 4 and the gain is not tested
    Trajectory t = at(BDI, new int[] {1, 2, 3, 4, 8}, 30, 31, 30, 15, 15);
    assertTrue(TANG.detect(t).gains().isEmpty());
    assertEquals(1, TANG.with(Schedule.CONSECUTIVE_OBSERVATIONS).detect(t).gains().size());
  }

  @Test
  void higherIsBetter_gainIsARise() {
    // ORS: rise 15 >= reliable change 5; 15 >= 25 % of (40 - 10)
    Trajectory t = consecutive(Instruments.ORS, 10, 11, 10, 25, 26, 25);
    SuddenChanges r = SuddenGainCriteria.withDefaults().detect(t);
    assertEquals(1, r.gains().size());
    assertTrue(r.losses().isEmpty());
    assertEquals(15, r.gains().get(0).magnitude());
    Trajectory down = consecutive(Instruments.ORS, 25, 26, 25, 10, 11, 10);
    SuddenChanges d = SuddenGainCriteria.withDefaults().detect(down);
    assertTrue(d.gains().isEmpty());
    assertEquals(1, d.losses().size());
  }

  @Test
  void higherIsBetter_relativeCriterionUsesDistanceFromTop() {
    // rise 6 from 16: 6 < 25 % of (40 - 16) = 6? equal -> passes; from 15: 6 < 6.25 -> fails
    SuddenGainCriteria c = SuddenGainCriteria.withDefaults().withCutoff(5);
    assertEquals(1, c.detect(consecutive(Instruments.ORS, 16, 16, 16, 22, 22, 22)).gains().size());
    assertTrue(c.detect(consecutive(Instruments.ORS, 15, 15, 15, 21, 21, 21)).gains().isEmpty());
  }

  @Test
  void defaultCutoff_isTheInstrumentsReliableChange() {
    // PHQ-9 reliable change is 6 points
    SuddenGainCriteria d = SuddenGainCriteria.withDefaults();
    assertEquals(1, d.detect(consecutive(Instruments.PHQ9, 20, 21, 20, 14, 13, 14)).gains().size());
    assertTrue(d.detect(consecutive(Instruments.PHQ9, 20, 21, 20, 15, 14, 15)).gains().isEmpty());
    assertEquals(6, d.cutoffFor(Instruments.PHQ9));
  }

  @Test
  void loss_relativeCriterionIsQuarterOfPreLossScore() {
    // rise 8 from 4: 8 >= 1 -> loss
    assertEquals(1, TANG.detect(consecutive(BDI, 4, 5, 4, 12, 13, 12)).losses().size());
    // rise 8 from 40: 8 < 10 -> not a loss (the suddengains package's rule would accept it)
    Trajectory t = consecutive(BDI, 40, 41, 40, 48, 49, 48);
    assertTrue(TANG.detect(t).losses().isEmpty());
    assertEquals(1, TANG.withoutRelativeCriterion().detect(t).losses().size());
    // rise 10 from 40: exactly 25 % -> loss
    assertEquals(1, TANG.detect(consecutive(BDI, 40, 41, 40, 50, 49, 50)).losses().size());
  }

  @Test
  void loss_meanDifferenceIsMirrored() {
    Trajectory t = consecutive(BDI, 20, 30, 20, 30, 20, 30);
    assertTrue(TANG.detect(t).losses().isEmpty());
    assertEquals(3, TANG.withoutMeanDifferenceCriterion().detect(t).losses().size());
  }

  @Test
  void reversal_needsMoreThanHalfTheGainLost() {
    assertEquals(7,
        TANG.detect(consecutive(BDI, 30, 31, 30, 15, 14, 15, 23)).gains().get(0).reversalSession()
            .getAsInt());
    assertFalse(TANG.detect(consecutive(BDI, 30, 31, 30, 15, 14, 15, 22.5)).gains().get(0).reversal(),
        "exactly half is not a reversal");
  }

  @Test
  void reversal_packageRuleSkipsTheSessionAfterPostGain() {
    Trajectory t = consecutive(BDI, 30, 31, 30, 15, 24, 15, 15);
    assertEquals(5, TANG.detect(t).gains().get(0).reversalSession().getAsInt());
    assertFalse(
        TANG.with(ReversalRule.SUDDENGAINS_PACKAGE).detect(t).gains().get(0).reversal());
  }

  @Test
  void reversal_ofLossIsAnImprovement() {
    SuddenChange l = TANG.detect(consecutive(BDI, 4, 5, 4, 12, 13, 12, 7)).losses().get(0);
    assertEquals(8, l.magnitude());
    assertEquals(7, l.reversalSession().getAsInt());
  }

  @Test
  void perClient_firstAndLargest() {
    Trajectory t = consecutive(BDI, 40, 41, 40, 30, 29, 30, 30, 30, 10, 10, 10);
    SuddenChanges r = TANG.detect(t);
    assertEquals(2, r.gains().size());
    assertEquals(3, r.firstGain().orElseThrow().preSession());
    assertEquals(8, r.largestGain().orElseThrow().preSession());
    assertEquals(10.0 / 30, r.firstGain().orElseThrow().shareOfTotalChange().getAsDouble(), 1e-12);
  }

  @Test
  void perClient_firstAndLargestLoss_andWhichKindsHappened() {
    // two losses: 8 points after session 3, then 13 points after session 8
    SuddenChanges r = TANG.detect(consecutive(BDI, 4, 5, 4, 12, 13, 12, 12, 12, 25, 25, 25));
    assertTrue(r.hasLoss());
    assertFalse(r.hasGain());
    assertEquals(2, r.losses().size());
    assertEquals(3, r.firstLoss().orElseThrow().preSession());
    assertEquals(8, r.largestLoss().orElseThrow().preSession());
    SuddenChanges none = TANG.detect(consecutive(BDI, 20, 20, 20, 20, 20));
    assertFalse(none.hasGain());
    assertFalse(none.hasLoss());
    assertTrue(none.firstLoss().isEmpty());
    assertTrue(none.largestLoss().isEmpty());
    SuddenChanges gain = TANG.detect(consecutive(BDI, 30, 31, 30, 15, 14, 15));
    assertTrue(gain.hasGain());
    assertFalse(gain.hasLoss());
  }

  @Test
  void cutoffFromReliability_is196TimesSdiff() {
    SuddenGainCriteria c = SuddenGainCriteria.withDefaults().withCutoffFromReliability(10, 0.9);
    assertEquals(1.96 * 10 * Math.sqrt(0.2), c.givenCutoff().getAsDouble(), 1e-12);
  }

  @Test
  void criticalValues_matchTangAndDeRubeis() {
    assertEquals(2.776, Math.round(TANG.criticalValue(3, 3) * 1000) / 1000.0);
    assertEquals(3.182, Math.round(TANG.criticalValue(2, 3) * 1000) / 1000.0);
    assertEquals(3.182, Math.round(TANG.criticalValue(3, 2) * 1000) / 1000.0);
    assertEquals(4.303, Math.round(TANG.criticalValue(2, 2) * 1000) / 1000.0);
    assertEquals(4.604, Math.round(TANG.withMeanDifferenceCriterion(0.01).criticalValue(3, 3) * 1000) / 1000.0);
  }

  @Test
  void badInput_rejectedWithClearMessages() {
    SuddenGainCriteria d = SuddenGainCriteria.withDefaults();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withCutoff(0)).getMessage().contains("cutoff"));
    assertThrows(IllegalArgumentException.class, () -> d.withCutoff(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> d.withRelative(1.5));
    assertThrows(IllegalArgumentException.class, () -> d.withRelative(0));
    assertThrows(IllegalArgumentException.class, () -> d.withMeanDifferenceCriterion(1));
    assertThrows(IllegalArgumentException.class, () -> d.withFixedCriticalValue(-1));
    assertThrows(IllegalArgumentException.class, () -> d.withCutoffFromReliability(10, 1));
    assertThrows(IllegalArgumentException.class, () -> d.withCutoffFromReliability(0, 0.8));
    assertThrows(IllegalArgumentException.class, () -> d.criticalValue(1, 3));
    assertThrows(NullPointerException.class, () -> d.with((Schedule) null));
    assertThrows(NullPointerException.class, () -> d.detect(null));
    IllegalStateException none =
        assertThrows(IllegalStateException.class,
            () -> d.withoutAbsoluteCriterion().withoutRelativeCriterion().withoutMeanDifferenceCriterion()
                .detect(consecutive(BDI, 1, 2)));
    assertTrue(none.getMessage().contains("at least one"));
    IllegalStateException noRc =
        assertThrows(IllegalStateException.class, () -> d.detect(consecutive(BDI, 1, 2)));
    assertTrue(noRc.getMessage().contains("BDI"));
  }

  @Test
  void parse_acceptsNamesCaseInsensitively() {
    assertEquals(Schedule.CONSECUTIVE_OBSERVATIONS, Schedule.parse("consecutive-observations"));
    assertEquals(ReversalRule.SUDDENGAINS_PACKAGE, ReversalRule.parse("suddengains_package"));
    assertEquals(PersonSelection.LARGEST, PersonSelection.parse("Largest"));
    assertThrows(IllegalArgumentException.class, () -> Schedule.parse("weekly"));
  }

  @Test
  void toString_describesCriteria() {
    assertTrue(TANG.toString().contains("cutoff 7"));
    assertTrue(SuddenGainCriteria.withDefaults().toString().contains("reliable change"));
  }

  @Test
  void criteria_areValuesWithOneSettingPerCopy() {
    SuddenGainCriteria a = SuddenGainCriteria.withDefaults().withCutoff(7).with(Schedule.CONSECUTIVE_OBSERVATIONS);
    SuddenGainCriteria b = SuddenGainCriteria.withDefaults().with(Schedule.CONSECUTIVE_OBSERVATIONS).withCutoff(7);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, a.withReliableChangeCutoff());
    assertNotEquals(a, a.with(CriticalValueRule.FIXED));
    assertNotEquals(a, a.with(ReversalRule.SUDDENGAINS_PACKAGE));
    assertEquals(SuddenGainCriteria.withDefaults(), SuddenGainCriteria.withDefaults());
    SuddenGainCriteria fixed = a.withFixedCriticalValue(3);
    assertEquals(CriticalValueRule.FIXED, fixed.criticalValueRule());
    assertEquals(3, fixed.criticalValue(2, 2));
    assertEquals(CriticalValueRule.ADJUSTED_FOR_MISSING_SCORES, fixed.with(CriticalValueRule.ADJUSTED_FOR_MISSING_SCORES)
        .criticalValueRule());
    assertEquals(4.303, fixed.with(CriticalValueRule.ADJUSTED_FOR_MISSING_SCORES).criticalValue(2, 2), 1e-3);
    assertEquals("sudden gains: cutoff 7, relative 0.25, mean difference at alpha 0.05 (fixed critical value 3),"
        + " consecutive observations, reversal any later session", fixed.toString());
    assertEquals(CriticalValueRule.FIXED, CriticalValueRule.parse("fixed"));
  }

  @Test
  void criteria_reportEachSetting_andEachCopyChangesOnlyItsOwn() {
    SuddenGainCriteria d = SuddenGainCriteria.withDefaults();
    assertTrue(d.absoluteCriterion());
    assertTrue(d.givenCutoff().isEmpty(), "the instrument's threshold");
    assertEquals(0.25, d.relative().getAsDouble());
    assertEquals(0.05, d.meanDifferenceAlpha().getAsDouble());
    SuddenGainCriteria off = d.withoutAbsoluteCriterion().withoutRelativeCriterion()
        .withoutMeanDifferenceCriterion();
    assertFalse(off.absoluteCriterion());
    assertTrue(off.relative().isEmpty());
    assertTrue(off.meanDifferenceAlpha().isEmpty());
    assertEquals(0.3, d.withRelative(0.3).relative().getAsDouble());
    assertEquals(0.01, d.withMeanDifferenceCriterion(0.01).meanDifferenceAlpha().getAsDouble());
    assertEquals(7, d.withCutoff(7).givenCutoff().getAsDouble());
    assertTrue(d.withCutoff(7).withReliableChangeCutoff().givenCutoff().isEmpty());
    assertEquals(d, d.withCutoff(7).withReliableChangeCutoff());
    assertEquals(Schedule.CONSECUTIVE_OBSERVATIONS,
        d.with(Schedule.CONSECUTIVE_OBSERVATIONS).schedule());
    assertEquals(ReversalRule.SUDDENGAINS_PACKAGE,
        d.with(ReversalRule.SUDDENGAINS_PACKAGE).reversalRule());
    assertNotEquals(d.schedule(), d.with(Schedule.CONSECUTIVE_OBSERVATIONS).schedule());
    assertNotEquals(d.reversalRule(), d.with(ReversalRule.SUDDENGAINS_PACKAGE).reversalRule());
    assertNotEquals(d.hashCode(), d.withCutoff(7).hashCode());
  }

  @Test
  void suddenChange_windowFiguresAreAllPresentOrAllAbsent() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SuddenChange(ChangeKind.GAIN, 3, 4, 30, 15, 15, java.util.OptionalDouble.empty(),
            java.util.OptionalDouble.of(30), java.util.OptionalDouble.empty(), java.util.OptionalDouble.of(2.776),
            java.util.OptionalInt.empty()));
    assertTrue(e.getMessage().contains("all present"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new SuddenChange(ChangeKind.GAIN, 3, 4, 30, 15, 15, java.util.OptionalDouble.empty(),
            java.util.OptionalDouble.of(Double.NaN), java.util.OptionalDouble.of(15), java.util.OptionalDouble.of(2.776),
            java.util.OptionalInt.empty()));
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
}
