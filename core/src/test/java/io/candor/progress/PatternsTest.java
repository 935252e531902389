package io.candor.progress;

import static io.candor.progress.SuddenGainCriteriaTest.at;
import static io.candor.progress.SuddenGainCriteriaTest.consecutive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.ClientId;
import io.candor.domain.ScoreScale;
import io.candor.domain.Trajectory;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** Plateaus, early response, milestones, relapse and engagement on hand-made trajectories. */
class PatternsTest {

  // PHQ-9: caseness >= 10, reliable change 6
  private static final ScoreScale PHQ9 = Instruments.PHQ9;

  @Test
  void patternCriteria_reportTheirSettings() {
    PlateauCriteria plateau = PlateauCriteria.withDefaults();
    assertEquals((int) PlateauCriteria.DEFAULT_LENGTH.value(), plateau.length());
    assertTrue(plateau.threshold().isEmpty(), "the instrument's reliable-change threshold");
    assertEquals(5, plateau.withLength(5).length());
    assertEquals(4.5, plateau.withThreshold(4.5).threshold().getAsDouble());
    EarlyResponseCriteria early = EarlyResponseCriteria.withDefaults();
    assertEquals(0.25, early.fraction());
    assertEquals(4, early.session());
    assertEquals(0.5, early.withFraction(0.5).fraction());
    assertEquals(3, early.withSession(3).session());
    for (BandUncertainty b : BandUncertainty.values()) {
      assertEquals(b, BandUncertainty.parse(b.name().toLowerCase(java.util.Locale.ROOT)));
    }
  }

  @Test
  void events_sayWhatTheyNeedFromAScale() {
    assertTrue(ProgressEvent.RECOVERY.needsCaseness());
    assertTrue(ProgressEvent.RELAPSE.needsCaseness());
    assertFalse(ProgressEvent.RELIABLE_IMPROVEMENT.needsCaseness());
    assertFalse(ProgressEvent.DROPOUT.needsCaseness());
    for (ProgressEvent e : ProgressEvent.values()) {
      assertTrue(e.supports(Instruments.PHQ9), e.toString());
    }
    Instrument noCutoff = Instrument.builder("X", "no cutoff").range(0, 10)
        .direction(Direction.HIGHER_IS_WORSE)
        .reliableChange(Sourced.assumption(3, Citations.JACOBSON_1991, "test"))
        .reliability(Sourced.assumption(0.8, Citations.JACOBSON_1991, "test"))
        .licence("test").build();
    assertTrue(ProgressEvent.RELIABLE_IMPROVEMENT.supports(noCutoff));
    assertFalse(ProgressEvent.RECOVERY.supports(noCutoff));
    assertFalse(ProgressEvent.RELAPSE.supports(noCutoff));
    assertTrue(ProgressEvent.DROPOUT.supports(noCutoff));
    ScoreScale bare = ScoreScale.of("bare", 0, 10);
    assertFalse(ProgressEvent.RELIABLE_IMPROVEMENT.supports(bare));
    assertFalse(ProgressEvent.RECOVERY.supports(bare));
    assertTrue(ProgressEvent.DROPOUT.supports(bare));
  }

  @Test
  void plateau_foundWhileAtCasenessWithoutReliableChange() {
    List<Plateau> p = PlateauCriteria.withDefaults().find(consecutive(PHQ9, 20, 18, 19, 17, 18, 10, 8));
    assertEquals(1, p.size());
    assertEquals(new Plateau(1, 5, 5, 17, 20), p.get(0));
  }

  @Test
  void plateau_brokenByReliableChangeOrLeavingCaseness() {
    // 20 -> 14 is a reliable change (6); 9 is below caseness
    assertTrue(PlateauCriteria.withDefaults().find(consecutive(PHQ9, 20, 18, 14, 13, 12)).isEmpty());
    assertEquals(List.of(new Plateau(3, 6, 4, 12, 14)),
        PlateauCriteria.withDefaults().find(consecutive(PHQ9, 20, 18, 14, 13, 12, 13)));
    assertTrue(PlateauCriteria.withDefaults().find(consecutive(PHQ9, 12, 11, 9, 11, 12)).isEmpty());
    assertEquals(List.of(new Plateau(1, 2, 2, 11, 12), new Plateau(4, 5, 2, 11, 12)),
        PlateauCriteria.withDefaults().withLength(2).find(consecutive(PHQ9, 12, 11, 9, 11, 12)));
  }

  @Test
  void plateau_lengthAndThresholdConfigurable() {
    Trajectory t = consecutive(PHQ9, 20, 19, 20);
    assertTrue(PlateauCriteria.withDefaults().find(t).isEmpty());
    assertEquals(1, PlateauCriteria.withDefaults().withLength(3).find(t).size());
    assertTrue(PlateauCriteria.withDefaults().withLength(3).withThreshold(1).find(t).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> PlateauCriteria.withDefaults().withLength(1));
    assertThrows(IllegalArgumentException.class, () -> PlateauCriteria.withDefaults().withThreshold(0));
    assertThrows(IllegalStateException.class,
        () -> PlateauCriteria.withDefaults().find(consecutive(ScoreScale.of("X", 0, 10), 1, 2, 3, 4)));
  }

  @Test
  void plateau_higherIsBetterUsesClinicalRangeBelowCutoff() {
    // ORS: clinical range below 25, reliable change 5
    assertEquals(1, PlateauCriteria.withDefaults().find(consecutive(Instruments.ORS, 15, 16, 17, 15)).size());
    assertTrue(PlateauCriteria.withDefaults().find(consecutive(Instruments.ORS, 30, 31, 30, 31)).isEmpty());
  }

  @Test
  void earlyResponse_relativeReductionBySessionFour() {
    EarlyResponse r =
        EarlyResponseCriteria.withDefaults().evaluate(at(PHQ9, new int[] {1, 2, 4, 6}, 20, 18, 15, 5)).orElseThrow();
    assertEquals(4, r.session());
    assertEquals(0.25, r.relativeReduction(), 1e-12);
    assertTrue(r.responded());
    EarlyResponse no =
        EarlyResponseCriteria.withDefaults().evaluate(at(PHQ9, new int[] {1, 3, 5}, 20, 16, 5)).orElseThrow();
    assertEquals(3, no.session(), "last score at or before session 4");
    assertFalse(no.responded());
    assertTrue(EarlyResponseCriteria.withDefaults().withFraction(0.2).evaluate(at(PHQ9, new int[] {1, 3}, 20, 16))
        .orElseThrow().responded());
  }

  @Test
  void earlyResponse_emptyWithoutAnEarlyScore() {
    assertTrue(EarlyResponseCriteria.withDefaults().evaluate(at(PHQ9, new int[] {1, 5}, 20, 10)).isEmpty());
    assertTrue(EarlyResponseCriteria.withDefaults().evaluate(consecutive(PHQ9, 0, 0)).isEmpty());
    assertEquals(5, EarlyResponseCriteria.withDefaults().withSession(5)
        .evaluate(at(PHQ9, new int[] {1, 5}, 20, 10)).orElseThrow().session());
    assertThrows(IllegalArgumentException.class, () -> EarlyResponseCriteria.withDefaults().withSession(0));
    assertThrows(IllegalArgumentException.class, () -> EarlyResponseCriteria.withDefaults().withFraction(1));
  }

  @Test
  void earlyResponse_higherIsBetterMeasuresTowardsTop() {
    // ORS 20 -> 25: 5 of the 20 points to the top = 25 %
    EarlyResponse r = EarlyResponseCriteria.withDefaults().evaluate(consecutive(Instruments.ORS, 20, 25)).orElseThrow();
    assertEquals(0.25, r.relativeReduction(), 1e-12);
  }

  @Test
  void milestones_reliableImprovementRecoveryRelapse() {
    Trajectory t = consecutive(PHQ9, 20, 15, 14, 9, 8, 12, 7);
    assertEquals(3, Milestones.reliableImprovement(t).getAsInt());
    assertEquals(4, Milestones.recovery(t).getAsInt());
    assertEquals(new Relapse(4, 9, 6, 12), Milestones.relapse(t).orElseThrow());
    // not a case at intake: cannot recover
    Trajectory mild = consecutive(PHQ9, 9, 2, 1);
    assertEquals(2, Milestones.reliableImprovement(mild).getAsInt());
    assertTrue(Milestones.recovery(mild).isEmpty());
    assertTrue(Milestones.relapse(mild).isEmpty());
    assertTrue(Milestones.recovery(consecutive(PHQ9, 20, 12, 11)).isEmpty(), "improved but still a case");
  }

  @Test
  void milestones_higherIsBetter() {
    Trajectory t = consecutive(Instruments.ORS, 15, 21, 26, 20);
    assertEquals(2, Milestones.reliableImprovement(t).getAsInt());
    assertEquals(3, Milestones.recovery(t).getAsInt());
    assertEquals(4, Milestones.relapse(t).orElseThrow().relapseSession());
  }

  @Test
  void progressEvent_timesAndCensoring() {
    DropoutDefinition six = DropoutDefinition.beforeSession(6);
    Trajectory improved = consecutive(PHQ9, 20, 15, 14, 9);
    assertEquals(new TimeToEvent(ClientId.of("c"), 3, true),
        ProgressEvent.RELIABLE_IMPROVEMENT.timeToEvent(improved, six).orElseThrow());
    assertEquals(new TimeToEvent(ClientId.of("c"), 4, true),
        ProgressEvent.RECOVERY.timeToEvent(improved, six).orElseThrow());
    assertEquals(new TimeToEvent(ClientId.of("c"), 4, true),
        ProgressEvent.DROPOUT.timeToEvent(improved, six).orElseThrow());
    Trajectory flat = consecutive(PHQ9, 20, 19, 18, 18, 17, 18, 19);
    assertEquals(new TimeToEvent(ClientId.of("c"), 7, false),
        ProgressEvent.RELIABLE_IMPROVEMENT.timeToEvent(flat, six).orElseThrow());
    assertEquals(new TimeToEvent(ClientId.of("c"), 7, false),
        ProgressEvent.DROPOUT.timeToEvent(flat, six).orElseThrow());
    assertTrue(ProgressEvent.RECOVERY.timeToEvent(consecutive(PHQ9, 5, 2), six).isEmpty());
    Trajectory relapsing = consecutive(PHQ9, 20, 15, 14, 9, 8, 12, 7);
    assertEquals(new TimeToEvent(ClientId.of("c"), 2, true),
        ProgressEvent.RELAPSE.timeToEvent(relapsing, six).orElseThrow(), "recovered at 4, relapsed at 6");
    assertEquals(new TimeToEvent(ClientId.of("c"), 0, false),
        ProgressEvent.RELAPSE.timeToEvent(improved, six).orElseThrow(), "recovered at the last session");
    assertTrue(ProgressEvent.RELAPSE.timeToEvent(flat, six).isEmpty(), "never recovered");
    assertEquals(ProgressEvent.RELIABLE_IMPROVEMENT, ProgressEvent.parse("reliable-improvement"));
    assertThrows(IllegalArgumentException.class, () -> ProgressEvent.parse("remission"));
    assertFalse(ProgressEvent.RECOVERY.supports(ScoreScale.of("X", 0, 10)));
    assertTrue(ProgressEvent.DROPOUT.supports(ScoreScale.of("X", 0, 10)));
  }

  private static Trajectory client(String id, int[] sessions, double... scores) {
    return Trajectory.ofScores(ClientId.of(id), PHQ9, sessions, scores);
  }

  @Test
  void engagement_hazardAndCompleterVersusAllStarters() {
    List<Trajectory> cohort =
        List.of(
            client("a", new int[] {1, 2}, 20, 19), // drops after 2, no improvement
            client("b", new int[] {1, 2, 3}, 20, 12, 11), // drops after 3, reliably improved
            client("c", new int[] {1, 2, 3, 4, 5, 6}, 20, 15, 12, 9, 8, 7), // completer, recovered
            client("d", new int[] {1, 2, 3, 4, 5, 6}, 18, 18, 17, 17, 16, 16), // completer, not improved
            client("e", new int[] {1}, 22)); // drops after intake
    EngagementReport r = Engagement.analyse(cohort, DropoutDefinition.beforeSession(6),
        id -> id.value().compareTo("c") < 0 ? "early" : "late");
    assertEquals(5, r.starters());
    assertEquals(3, r.dropouts());
    assertEquals(2, r.completers());
    assertEquals(2, r.dropoutsBeforeReliableImprovement());
    assertEquals(0.4, r.shareLeavingBeforeReliableImprovement(), 1e-12);
    assertEquals(0.6, r.dropoutRate(), 1e-12);
    DropoutHazard h = r.overall();
    assertEquals(6, h.size());
    assertEquals(List.of(5, 4, 3, 2, 2, 2), toList(h.atRisk()));
    assertEquals(List.of(1, 1, 1, 0, 0, 0), toList(h.dropouts()));
    assertEquals(0.2, h.hazardAt(1), 1e-12);
    assertEquals(0.25, h.hazardAt(2), 1e-12);
    assertEquals(1.0 / 3, h.hazard()[2], 1e-12);
    assertEquals(0, h.hazardAt(99));
    assertEquals(3, h.totalDropouts());
    assertEquals(0.5, r.reliableImprovementCompleters().getAsDouble(), 1e-12);
    assertEquals(0.4, r.reliableImprovementAllStarters().getAsDouble(), 1e-12);
    assertEquals(0.5, r.recoveryCompleters().getAsDouble(), 1e-12);
    assertEquals(0.2, r.recoveryAllStarters().getAsDouble(), 1e-12);
    assertEquals(Set.of("early", "late"), r.byGroup().keySet());
    assertEquals(2, r.byGroup().get("early").totalDropouts());
    assertEquals(List.of(2, 2, 1), toList(r.byGroup().get("early").atRisk()));
  }

  @Test
  void engagement_flaggedDefinitionAndBadInput() {
    List<Trajectory> cohort =
        List.of(client("a", new int[] {1, 2}, 20, 19), client("b", new int[] {1, 2, 3}, 20, 12, 11));
    EngagementReport r = Engagement.analyse(cohort, DropoutDefinition.flagged(Set.of(ClientId.of("b"))));
    assertEquals(1, r.dropouts());
    assertEquals(0, r.dropoutsBeforeReliableImprovement());
    assertTrue(r.byGroup().isEmpty());
    assertTrue(r.definition().describe().contains("flagged"));
    assertThrows(IllegalArgumentException.class,
        () -> Engagement.analyse(List.of(), DropoutDefinition.beforeSession(6)));
    assertThrows(IllegalArgumentException.class, () -> DropoutDefinition.beforeSession(0));
    assertThrows(IllegalArgumentException.class,
        () -> Engagement.analyse(cohort, DropoutDefinition.beforeSession(6), id -> " "));
    assertThrows(IllegalArgumentException.class,
        () -> Engagement.analyse(
            List.of(cohort.get(0), Trajectory.ofScores(ClientId.of("z"), Instruments.GAD7, new int[] {1}, new double[] {5})),
            DropoutDefinition.beforeSession(6)));
    assertEquals(Map.of(), r.byGroup());
  }

  private static List<Integer> toList(int[] xs) {
    return java.util.Arrays.stream(xs).boxed().toList();
  }

  @Test
  void plateauAndEarlyResponseCriteria_areValues() {
    assertEquals(PlateauCriteria.withDefaults().withLength(5), PlateauCriteria.withDefaults().withLength(5));
    assertEquals(PlateauCriteria.withDefaults().withThreshold(3).hashCode(),
        PlateauCriteria.withDefaults().withThreshold(3).hashCode());
    assertNotEquals(PlateauCriteria.withDefaults(), PlateauCriteria.withDefaults().withThreshold(3));
    assertEquals("plateaus: at least 4 observations in the clinical range within the reliable-change threshold",
        PlateauCriteria.withDefaults().toString());
    assertEquals("plateaus: at least 5 observations in the clinical range within 3 points",
        PlateauCriteria.withDefaults().withLength(5).withThreshold(3).toString());
    EarlyResponseCriteria e = EarlyResponseCriteria.withDefaults().withFraction(0.2).withSession(6);
    assertEquals(e, EarlyResponseCriteria.withDefaults().withSession(6).withFraction(0.2));
    assertEquals(e.hashCode(), EarlyResponseCriteria.withDefaults().withSession(6).withFraction(0.2).hashCode());
    assertNotEquals(e, EarlyResponseCriteria.withDefaults());
    assertEquals("early response: a reduction of at least 0.2 of the baseline level by session 6", e.toString());
  }

  /** The 0–60 higher-is-worse test scale (caseness 20, reliable change 7) of the sudden-gain properties. */
  private static final Instrument MIRROR_WORSE = SuddenGainPropertiesTest.WORSE;

  // case when x >= 20 on WORSE  <=>  60 - x <= 40  <=>  x' < 41 on BETTER (integer scores)
  private static final Instrument MIRROR_BETTER =
      MIRROR_WORSE.toBuilder().direction(Direction.HIGHER_IS_BETTER)
          .casenessCutoff(Sourced.assumption(41, Citations.TANG_1999, "test")).build();

  /**
   * Mirroring integer scores (x -> min + max - x) and flipping the direction must not change any
   * milestone, plateau or early response: the direction handling of the higher-is-better path is
   * the same arithmetic as the higher-is-worse one.
   */
  @Test
  void mirroredTrajectories_haveTheSameMilestonesPlateausAndEarlyResponse() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261126L);
    PlateauCriteria plateau = PlateauCriteria.withDefaults().withLength(3);
    EarlyResponseCriteria early = EarlyResponseCriteria.withDefaults();
    for (int k = 0; k < 3000; k++) {
      int n = 2 + rng.nextInt(14);
      int[] sessions = new int[n];
      double[] x = new double[n];
      double[] mirrored = new double[n];
      int s = rng.nextInt(2);
      int level = 15 + rng.nextInt(40);
      for (int i = 0; i < n; i++) {
        sessions[i] = s;
        s += 1 + (rng.nextInt(4) == 0 ? 1 : 0);
        level = Math.max(0, Math.min(60, level + rng.nextInt(13) - 7));
        x[i] = level;
        mirrored[i] = 60 - level;
      }
      Trajectory w = Trajectory.ofScores(ClientId.of("w"), MIRROR_WORSE, sessions, x);
      Trajectory b = Trajectory.ofScores(ClientId.of("w"), MIRROR_BETTER, sessions, mirrored);
      String what = java.util.Arrays.toString(sessions) + " " + java.util.Arrays.toString(x);
      assertEquals(Milestones.reliableImprovement(w), Milestones.reliableImprovement(b), what);
      assertEquals(Milestones.recovery(w), Milestones.recovery(b), what);
      assertEquals(
          Milestones.relapse(w).map(r -> r.relapseSession()),
          Milestones.relapse(b).map(r -> r.relapseSession()), what);
      assertEquals(
          plateau.find(w).stream().map(p -> p.firstSession() + "-" + p.lastSession()).toList(),
          plateau.find(b).stream().map(p -> p.firstSession() + "-" + p.lastSession()).toList(),
          what);
      assertEquals(
          early.evaluate(w).map(e -> e.session() + ":" + e.responded() + ":" + e.relativeReduction()),
          early.evaluate(b).map(e -> e.session() + ":" + e.responded() + ":" + e.relativeReduction()),
          what);
      for (ProgressEvent ev : ProgressEvent.values()) {
        DropoutDefinition d = DropoutDefinition.beforeSession(8);
        assertEquals(ev.timeToEvent(w, d), ev.timeToEvent(b, d), ev + " " + what);
      }
    }
  }

  @Test
  void timeToEvent_rejectsNegativeTime() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> new TimeToEvent(ClientId.of("a"), -1, true));
    assertTrue(e.getMessage().contains("time") && e.getMessage().contains("-1"), e.getMessage());
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
