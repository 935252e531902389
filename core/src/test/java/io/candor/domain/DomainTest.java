package io.candor.domain;

import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.candor.measure.Instruments;
import io.candor.testing.CandorGenerators;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainTest {

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void clientId_rejectsBlankControlAndPaddedText() {
    assertEquals("client id must not be blank, was \" \"", message(() -> ClientId.of(" ")));
    assertTrue(message(() -> ClientId.of("a\tb")).contains("control characters"));
    assertTrue(message(() -> ClientId.of(" a")).contains("white space"));
    assertTrue(message(() -> ClientId.of("x".repeat(129))).contains("at most 128"));
    assertEquals("c-1", ClientId.parse(ClientId.of("c-1").toString()).value());
  }

  @Test
  void clientId_rejectsInvisibleFormattingCharacters_thatMakeLookAlikeIds() {
    for (String id : new String[] {"\uFEFFa", "a\u200Bb", "a\u200E"}) {
      assertTrue(message(() -> ClientId.of(id)).contains("invisible formatting characters"), id);
    }
    assertEquals("Jos\u00e9-7", ClientId.of("Jos\u00e9-7").value());
  }

  @Test
  void aScoreOfMinusZero_isTheScoreZero_soTrajectoriesReadBackEqual() {
    Observation minus = Observation.of(2, -0.0);
    assertEquals(Observation.of(2, 0.0), minus);
    assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(minus.score()));
    ClientId a = ClientId.of("a");
    assertEquals(Trajectory.ofScores(a, Instruments.PHQ9, new int[] {0, 2}, new double[] {10, 0}),
        Trajectory.ofScores(a, Instruments.PHQ9, new int[] {0, 2}, new double[] {10, -0.0}));
  }

  @Test
  void condition_validatesIcd11AndDuration() {
    Condition c = Condition.of("depression", Course.EPISODIC).withIcd11Code("6A71.1");
    assertEquals(Optional.of("6A71.1"), c.icd11Code());
    assertTrue(message(() -> Condition.of("x", Course.CHRONIC).withIcd11Code("F32.1")).contains("F32.1"));
    assertTrue(message(() -> Condition.of("x", Course.CHRONIC).withDuration(Period.ofMonths(-1))).contains("negative"));
    assertTrue(message(() -> Condition.of(" ", Course.CHRONIC)).contains("condition name"));
  }

  @Test
  void course_chronicCallsForManagementNotCure() {
    assertFalse(Course.CHRONIC.remissionRealistic());
    assertTrue(Course.RESOLVABLE.remissionRealistic());
    assertEquals(Course.EPISODIC, Course.parse("Episodic"));
    assertTrue(message(() -> Course.parse("acute")).contains("resolvable, episodic, chronic"));
  }

  @Test
  void client_dominantCourseIsTheLeastFavourable() {
    Client c = Client.of(ClientId.of("a"), ReadinessStage.ACTION,
        Condition.of("panic", Course.RESOLVABLE), Condition.of("depression", Course.CHRONIC));
    assertEquals(Optional.of(Course.CHRONIC), c.dominantCourse());
    assertEquals(Optional.empty(), Client.of(ClientId.of("b"), ReadinessStage.ACTION).dominantCourse());
  }

  @Test
  void readinessStage_movesWithinBounds() {
    assertEquals(ReadinessStage.MAINTENANCE, ReadinessStage.MAINTENANCE.next());
    assertEquals(ReadinessStage.PRECONTEMPLATION, ReadinessStage.PRECONTEMPLATION.previous());
    assertEquals(ReadinessStage.PREPARATION, ReadinessStage.CONTEMPLATION.next());
  }

  @Test
  void urica_scoresSubscalesAndReadinessByHand() {
    int[] items = new int[32];
    Arrays.fill(items, 3);
    for (int i : Urica.PC) {
      items[i - 1] = 1; // precontemplation mean 1
    }
    for (int i : Urica.C) {
      items[i - 1] = 5; // contemplation mean 5
    }
    for (int i : Urica.A) {
      items[i - 1] = 4; // action mean 4
    }
    items[Urica.M[0] - 1] = 5; // maintenance: six 3s and one 5 -> 23/7
    UricaScores s = Urica.score(items);
    assertEquals(1.0, s.precontemplation());
    assertEquals(5.0, s.contemplation());
    assertEquals(4.0, s.action());
    assertEquals(23.0 / 7, s.maintenance(), 1e-15);
    assertEquals(5 + 4 + 23.0 / 7 - 1, s.readiness(), 1e-12);
    assertEquals(ReadinessStage.PREPARATION, s.stageEstimate()); // 11.29: (11, 14]
  }

  @Test
  void urica_stageThresholdsAreInclusiveUpperBounds() {
    assertEquals(ReadinessStage.PRECONTEMPLATION, Urica.stageFor(8));
    assertEquals(ReadinessStage.CONTEMPLATION, Urica.stageFor(8.01));
    assertEquals(ReadinessStage.CONTEMPLATION, Urica.stageFor(11));
    assertEquals(ReadinessStage.PREPARATION, Urica.stageFor(14));
    assertEquals(ReadinessStage.ACTION, Urica.stageFor(14.01));
  }

  @Test
  void urica_rejectsWrongCountAndOutOfRangeItems() {
    assertEquals("URICA needs exactly 32 item responses, was 31", message(() -> Urica.score(new int[31])));
    int[] items = new int[32];
    Arrays.fill(items, 3);
    items[6] = 6;
    assertEquals("URICA item 7 must be 1-5, was 6", message(() -> Urica.score(items)));
  }

  @Test
  void urica_readinessStaysWithinItsRange_property() {
    qt().forAll(quick(CandorGenerators.uricaResponses()))
        .checkAssert(items -> {
          double r = Urica.score(items).readiness();
          assertTrue(r >= -2 && r <= 14, "readiness " + r);
        });
  }

  @Test
  void observation_rejectsNegativeSessionAndNonFiniteScore() {
    assertEquals("session must be >= 0, was -1", message(() -> Observation.of(-1, 3)));
    assertEquals("score must be a finite number, was NaN", message(() -> Observation.of(0, Double.NaN)));
  }

  @Test
  void trajectory_acceptsGapsRejectsDuplicatesDisorderAndOutOfRange() {
    ClientId id = ClientId.of("a");
    Trajectory t = Trajectory.ofScores(id, Instruments.PHQ9, new int[] {0, 2, 7}, new double[] {20, 15, 9});
    assertEquals(3, t.size());
    assertEquals(15, t.scoreAtSession(2).orElseThrow());
    assertTrue(t.scoreAtSession(1).isEmpty());
    assertEquals(2, t.upToSession(5).orElseThrow().size());
    assertTrue(t.upToSession(-1).isEmpty());
    assertTrue(message(() -> Trajectory.ofScores(id, Instruments.PHQ9, new int[] {0, 1, 1}, new double[] {1, 2, 3}))
        .contains("session 1 appears twice"));
    assertTrue(message(() -> Trajectory.ofScores(id, Instruments.PHQ9, new int[] {0, 3, 2}, new double[] {1, 2, 3}))
        .contains("session 2 comes after session 3"));
    assertEquals("PHQ-9 score at session 1 of client a must be between 0 and 27, was 28",
        message(() -> Trajectory.ofScores(id, Instruments.PHQ9, new int[] {0, 1}, new double[] {1, 28})));
    assertTrue(message(() -> Trajectory.of(id, Instruments.PHQ9, List.of())).contains("must not be empty"));
    assertTrue(message(() -> Trajectory.ofScores(id, Instruments.PHQ9, new int[] {0}, new double[] {1, 2}))
        .contains("same length"));
  }

  @Test
  void trajectory_isImmutable() {
    int[] sessions = {0, 1};
    double[] scores = {10, 8};
    Trajectory t = Trajectory.ofScores(ClientId.of("a"), Instruments.PHQ9, sessions, scores);
    scores[0] = 0;
    t.scores()[1] = 0;
    assertEquals(10, t.scoreAt(0));
    assertEquals(8, t.scoreAt(1));
  }

  @Test
  void cohort_looksUpByClientAndScaleAndRejectsDuplicates() {
    ClientId a = ClientId.of("a");
    Trajectory phq = Trajectory.ofScores(a, Instruments.PHQ9, new int[] {0}, new double[] {12});
    Trajectory gad = Trajectory.ofScores(a, Instruments.GAD7, new int[] {0, 1}, new double[] {9, 7});
    Cohort c = Cohort.of(List.of(phq, gad));
    assertEquals(2, c.trajectories(a).size());
    assertEquals(gad, c.find(a, "GAD-7").orElseThrow());
    assertTrue(c.find(ClientId.of("z"), "GAD-7").isEmpty());
    assertEquals(3, c.toLong().size());
    assertTrue(message(() -> Cohort.of(List.of(phq, phq))).contains("two trajectories on PHQ-9"));
  }

  @Test
  void scoreScale_plainAndUnbounded() {
    assertTrue(message(() -> ScoreScale.of("rt", 5, 5)).contains("maxScore must be above"));
    assertEquals(-1e300, ScoreScale.unbounded("x").checkScore("s", -1e300));
    assertTrue(message(() -> ScoreScale.unbounded("x").checkScore("s", Double.POSITIVE_INFINITY)).contains("Infinity"));
  }
}
