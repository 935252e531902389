package io.candor.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.candor.domain.ClientId;
import io.candor.domain.Trajectory;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Mirroring integer scores (x -> min + max - x) and flipping the direction must not change any
 * milestone, plateau or early response: the direction handling of the higher-is-better path is
 * the same arithmetic as the higher-is-worse one.
 */
class DirectionMirrorQaTest {

  /** The 0–60 higher-is-worse test scale (caseness 20, reliable change 7) of the sudden-gain properties. */
  static final Instrument WORSE = SuddenGainPropertiesTest.WORSE;

  // case when x >= 20 on WORSE  <=>  60 - x <= 40  <=>  x' < 41 on BETTER (integer scores)
  static final Instrument BETTER =
      WORSE.toBuilder().direction(Direction.HIGHER_IS_BETTER)
          .casenessCutoff(Sourced.assumption(41, Citations.TANG_1999, "test")).build();

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
      Trajectory w = Trajectory.ofScores(ClientId.of("w"), WORSE, sessions, x);
      Trajectory b = Trajectory.ofScores(ClientId.of("w"), BETTER, sessions, mirrored);
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
}
