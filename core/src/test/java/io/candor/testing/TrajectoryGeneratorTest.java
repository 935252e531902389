package io.candor.testing;

import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.candor.change.ChangeContext;
import io.candor.change.ClinicalEvents;
import io.candor.change.ReliableChange;
import io.candor.change.ReliableChangeMethod;
import io.candor.domain.Trajectory;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.progress.Milestones;
import io.candor.progress.PlateauCriteria;
import io.candor.progress.SuddenChanges;
import io.candor.progress.SuddenGainCriteria;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrajectoryGeneratorTest {

  /** Draws per example: 1,000 QuickTheories examples × 10 draws = 10,000 trajectories per shape. */
  private static final int DRAWS_PER_EXAMPLE = 10;

  @ParameterizedTest
  @EnumSource(TrajectoryShape.class)
  void everyDrawOfAShape_satisfiesCandorsDefinitionOfIt_property(TrajectoryShape shape) {
    qt().withExamples(1000)
        .forAll(quick(instrumentSupporting(shape)), quick(rng -> rng))
        .checkAssert((instrument, rng) -> {
          TrajectoryGenerator gen = TrajectoryGenerator.of(instrument).with(shape);
          for (int i = 0; i < DRAWS_PER_EXAMPLE; i++) {
            assertSatisfies(shape, gen.generate(rng));
          }
        });
  }

  @ParameterizedTest
  @EnumSource(TrajectoryShape.class)
  void shapesHold_withLongCoursesManyMissedSessionsAndCertainDropout_property(TrajectoryShape shape) {
    qt().withExamples(300)
        .forAll(quick(instrumentSupporting(shape)), quick(rng -> rng))
        .checkAssert((instrument, rng) -> {
          TrajectoryGenerator gen = TrajectoryGenerator.of(instrument).with(shape)
              .withSessions(1, 40).withMissedSessionRate(0.6).withDropoutRate(1);
          assertSatisfies(shape, gen.generate(rng));
        });
  }

  @Test
  void anyShape_drawsEveryShapeThePhq9Supports_andEachHoldsItsPromise() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
    TrajectoryGenerator gen = TrajectoryGenerator.of(Instruments.PHQ9);
    assertEquals(EnumSet.allOf(TrajectoryShape.class), gen.availableShapes());
    for (int i = 0; i < 2000; i++) {
      Trajectory t = gen.generate(rng);
      assertTrue(t.size() >= 3, "three scores or more: " + t);
      assertTrue(t.sessionAt(t.size() - 1) <= 16, t.toString());
    }
  }

  @Test
  void k10_hasNoReliableChangeThreshold_soNoNamedShape_butStillValidTrajectories() {
    TrajectoryGenerator gen = TrajectoryGenerator.of(Instruments.K10);
    assertTrue(gen.availableShapes().isEmpty());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> gen.with(TrajectoryShape.SUDDEN_GAIN));
    assertTrue(e.getMessage().contains("K10") && e.getMessage().contains("reliable-change threshold"),
        e.getMessage());
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(8L);
    for (Trajectory t : gen.sample(rng, 200)) {
      assertTrue(t.size() >= 2);
      for (int i = 0; i < t.size(); i++) {
        Instruments.K10.checkScore("generated", t.scoreAt(i));
      }
    }
  }

  @Test
  void plateauAndRelapse_needACasenessCutoff() {
    assertFalse(TrajectoryShape.PLATEAU.supports(Instruments.WEMWBS));
    assertFalse(TrajectoryShape.RELAPSE.supports(Instruments.WEMWBS));
    assertTrue(TrajectoryShape.SUDDEN_GAIN.supports(Instruments.WEMWBS));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CandorGenerators.trajectory(Instruments.WEMWBS, TrajectoryShape.PLATEAU));
    assertTrue(e.getMessage().contains("caseness cutoff"), e.getMessage());
  }

  @Test
  void sessionBounds_withoutDropoutOrMissedSessions_giveEverySessionUpToThePlannedLast() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(9L);
    TrajectoryGenerator gen = TrajectoryGenerator.of(Instruments.GAD7).with(TrajectoryShape.GRADUAL)
        .withSessions(6, 9).withMissedSessionRate(0).withDropoutRate(0);
    boolean[] seen = new boolean[10];
    for (int i = 0; i < 500; i++) {
      Trajectory t = gen.generate(rng);
      int last = t.sessionAt(t.size() - 1);
      assertTrue(last >= 6 && last <= 9, "last session " + last);
      assertEquals(last + 1, t.size(), "no missed sessions");
      seen[last] = true;
    }
    assertTrue(seen[6] && seen[7] && seen[8] && seen[9]);
  }

  @Test
  void aShapesMinimum_raisesTheLowerSessionBound() {
    TrajectoryGenerator gen = TrajectoryGenerator.of(Instruments.PHQ9).with(TrajectoryShape.SUDDEN_GAIN)
        .withSessions(1, 5).withDropoutRate(0);
    for (int last : lastSessions(gen, 10L, 200)) {
      assertEquals(5, last);
    }
  }

  @Test
  void certainDropout_endsBeforeThePlannedLastSession_butNotBeforeTheShapeIsComplete() {
    TrajectoryGenerator gen = TrajectoryGenerator.of(Instruments.CORE10).with(TrajectoryShape.FLAT)
        .withSessions(12, 12).withDropoutRate(1);
    for (int last : lastSessions(gen, 12L, 300)) {
      assertTrue(last >= TrajectoryShape.FLAT.minimumSessions() && last < 12, "last session " + last);
    }
  }

  /** The last session of each of {@code draws} trajectories drawn from one seeded provider. */
  private static int[] lastSessions(TrajectoryGenerator gen, long seed, int draws) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    int[] out = new int[draws];
    for (int i = 0; i < draws; i++) {
      Trajectory t = gen.generate(rng);
      out[i] = t.sessionAt(t.size() - 1);
    }
    return out;
  }

  @Test
  void missedSessions_followTheRate_butNeverTheSessionsAShapeRestsOn() {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(13L);
    TrajectoryGenerator gen = TrajectoryGenerator.of(Instruments.PHQ9).with(TrajectoryShape.FLAT)
        .withSessions(20, 20).withDropoutRate(0).withMissedSessionRate(0.5);
    int missed = 0;
    for (int i = 0; i < 400; i++) {
      Trajectory t = gen.generate(rng);
      missed += 21 - t.size();
    }
    double rate = missed / (400.0 * 19); // sessions 1..19 may be missed
    assertEquals(0.5, rate, 0.03);
  }

  @Test
  void badOptions_areRejectedWithTheFieldAndValue() {
    TrajectoryGenerator gen = TrajectoryGenerator.of(Instruments.PHQ9);
    assertMessage(() -> gen.withSessions(0, 5), "min sessions", "0");
    assertMessage(() -> gen.withSessions(6, 5), "max sessions", "5");
    assertMessage(() -> gen.withSessions(1, 20_000), "max sessions", "20000");
    assertMessage(() -> gen.withSessions(1, 4).with(TrajectoryShape.SUDDEN_GAIN), "at least 5", "4");
    assertMessage(() -> gen.with(TrajectoryShape.SUDDEN_GAIN).withSessions(1, 4), "at least 5", "4");
    assertMessage(() -> gen.withMissedSessionRate(1), "missed-session rate", "1.0");
    assertMessage(() -> gen.withMissedSessionRate(Double.NaN), "missed-session rate", "NaN");
    assertMessage(() -> gen.withDropoutRate(-0.1), "dropout rate", "-0.1");
    assertThrows(NullPointerException.class, () -> gen.with(null));
    assertThrows(NullPointerException.class, () -> TrajectoryGenerator.of(null));
  }

  @Test
  void configuration_hasValueSemanticsAndReadableText() {
    TrajectoryGenerator a = TrajectoryGenerator.of(Instruments.PHQ9).with(TrajectoryShape.PLATEAU)
        .withSessions(4, 12).withDropoutRate(0.3);
    TrajectoryGenerator b = TrajectoryGenerator.of(Instruments.PHQ9).withDropoutRate(0.3)
        .withSessions(4, 12).with(TrajectoryShape.PLATEAU);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, a.withAnyShape());
    assertNotEquals(a, a.withMissedSessionRate(0.2));
    assertEquals(Optional.of(TrajectoryShape.PLATEAU), a.shape());
    assertEquals("trajectories on PHQ-9: plateau, 4-12 sessions, missed 0.1, dropout 0.3", a.toString());
  }

  @Test
  void sameSeed_sameTrajectory() {
    TrajectoryGenerator gen = TrajectoryGenerator.of(Instruments.ORS).with(TrajectoryShape.RELAPSE);
    assertEquals(gen.generate(RandomSource.XO_RO_SHI_RO_128_PP.create(3L)),
        gen.generate(RandomSource.XO_RO_SHI_RO_128_PP.create(3L)));
  }

  // --- Candor's definitions of the shapes, asked of Candor's own code ---

  static void assertSatisfies(TrajectoryShape shape, Trajectory t) {
    Instrument instrument = (Instrument) t.scale();
    assertTrue(t.size() >= 3, "at least three scores: " + t);
    assertTrue(t.sessionAt(t.size() - 1) >= shape.minimumSessions(), "minimum length: " + t);
    for (int i = 0; i < t.size(); i++) {
      double steps = (t.scoreAt(i) - instrument.minScore()) / instrument.resolution();
      assertEquals(Math.rint(steps), steps, 1e-6, "on the resolution grid: " + t);
    }
    double first = t.scoreAt(0);
    double last = t.scoreAt(t.size() - 1);
    SuddenChanges sudden = SuddenGainCriteria.withDefaults().detect(t);
    switch (shape) {
      case GRADUAL -> {
        assertTrue(Milestones.reliableImprovement(t).isPresent(), "reliable improvement: " + t);
        assertTrue(reliablyImproved(instrument, first, last), "reliably improved at the end: " + t);
        assertFalse(sudden.hasGain() || sudden.hasLoss(), "no sudden change: " + sudden + " in " + t);
      }
      case PLATEAU -> assertFalse(PlateauCriteria.withDefaults().find(t).isEmpty(), "a plateau: " + t);
      case SUDDEN_GAIN -> assertTrue(sudden.hasGain(), "a sudden gain: " + t);
      case FLAT -> {
        assertTrue(Milestones.reliableImprovement(t).isEmpty(), "no reliable improvement: " + t);
        for (int i = 1; i < t.size(); i++) {
          assertFalse(reliablyImproved(instrument, first, t.scoreAt(i))
              || reliablyWorse(instrument, first, t.scoreAt(i), false), "no reliable change: " + t);
        }
        assertFalse(sudden.hasGain() || sudden.hasLoss(), "no sudden change: " + sudden + " in " + t);
      }
      case DETERIORATION ->
          assertTrue(reliablyWorse(instrument, first, last, true), "reliable deterioration: " + t);
      case RELAPSE -> assertTrue(Milestones.relapse(t).isPresent(), "a relapse: " + t);
    }
  }

  /** Reliable improvement by Candor's definition and, where it applies, Jacobson–Truax's index. */
  private static boolean reliablyImproved(Instrument i, double pre, double post) {
    List<Boolean> verdicts = new ArrayList<>();
    verdicts.add(ClinicalEvents.of(i).reliablyImproved(pre, post));
    jacobsonTruax(i, pre, post).ifPresent(rc -> verdicts.add(rc.improved()));
    return !verdicts.isEmpty() && !verdicts.contains(false);
  }

  /** Reliable deterioration under both definitions ({@code all}) or under either. */
  private static boolean reliablyWorse(Instrument i, double pre, double post, boolean all) {
    List<Boolean> verdicts = new ArrayList<>();
    verdicts.add(ClinicalEvents.of(i).reliablyDeteriorated(pre, post));
    jacobsonTruax(i, pre, post).ifPresent(rc -> verdicts.add(rc.deteriorated()));
    return all ? !verdicts.isEmpty() && !verdicts.contains(false) : verdicts.contains(true);
  }

  private static Optional<ReliableChange> jacobsonTruax(Instrument i, double pre, double post) {
    ChangeContext context = ChangeContext.of(i);
    return ReliableChangeMethod.JACOBSON_TRUAX.missingInputs(context).isPresent()
        ? Optional.empty()
        : Optional.of(ReliableChangeMethod.JACOBSON_TRUAX.assess(pre, post, context));
  }

  /** Built-in or generated instruments that support the shape, mostly user-defined ones. */
  private static Gen<Instrument> instrumentSupporting(TrajectoryShape shape) {
    List<Instrument> builtIn = Instruments.all().stream().filter(shape::supports).toList();
    Gen<Instrument> user = CandorGenerators.userInstrument();
    return rng -> {
      if (rng.nextInt(3) == 0) {
        return builtIn.get(rng.nextInt(builtIn.size()));
      }
      for (int attempt = 0; attempt < 20; attempt++) {
        Instrument i = user.generate(rng);
        if (shape.supports(i)) {
          return i;
        }
      }
      return builtIn.get(0);
    };
  }

  private static void assertMessage(Runnable r, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
    }
  }
}
