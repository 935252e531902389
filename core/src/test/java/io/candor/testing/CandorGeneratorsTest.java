package io.candor.testing;

import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.candor.domain.Trajectory;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class CandorGeneratorsTest {

  @Test
  void sameSeed_sameValues() {
    UniformRandomProvider a = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    UniformRandomProvider b = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
    assertEquals(CandorGenerators.cohort(Instruments.PHQ9, 20).generate(a),
        CandorGenerators.cohort(Instruments.PHQ9, 20).generate(b));
  }

  @Test
  void scores_areInRangeAndOnTheResolutionGrid_property() {
    qt().forAll(quick(CandorGenerators.builtInInstrument()), quick(rng -> rng))
        .checkAssert((instrument, rng) -> {
          double s = CandorGenerators.score(instrument).generate(rng);
          instrument.checkScore("generated", s);
          double steps = (s - instrument.minScore()) / instrument.resolution();
          assertEquals(Math.rint(steps), steps, 1e-9);
        });
  }

  @Test
  void trajectories_areValidForEveryShapeTheInstrumentSupports_property() {
    for (TrajectoryShape shape : TrajectoryShape.values()) {
      qt().withExamples(100).forAll(quick(CandorGenerators.builtInInstrument()), quick(rng -> rng))
          .checkAssert((instrument, rng) -> {
            if (!shape.supports(instrument)) {
              assertThrows(IllegalArgumentException.class, () -> CandorGenerators.trajectory(instrument, shape));
              return;
            }
            Trajectory t = CandorGenerators.trajectory(instrument, shape).generate(rng);
            assertEquals(0, t.sessionAt(0));
            assertTrue(t.size() >= 3 && t.sessionAt(t.size() - 1) <= 16);
          });
    }
  }

  @Test
  void suddenGainShape_isASuddenGainByTheDefaultCriteria_inEveryOf10000Draws() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2026L);
    int found = 0;
    int short_ = 0;
    for (int i = 0; i < 10_000; i++) {
      Trajectory t = CandorGenerators.trajectory(Instruments.PHQ9, TrajectoryShape.SUDDEN_GAIN).generate(rng);
      if (io.candor.progress.SuddenGainCriteria.withDefaults().detect(t).hasGain()) {
        found++;
      }
      if (t.size() <= 2) {
        short_++;
      }
    }
    assertEquals(10_000, found, "with a sudden gain");
    assertEquals(0, short_, "two scores or fewer");
  }

  @Test
  void userInstruments_coverBothDirections() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
    Set<io.candor.measure.Direction> seen = EnumSet.noneOf(io.candor.measure.Direction.class);
    for (Instrument i : CandorGenerators.userInstrument().sample(rng, 50)) {
      seen.add(i.direction());
    }
    assertEquals(2, seen.size());
  }
}
