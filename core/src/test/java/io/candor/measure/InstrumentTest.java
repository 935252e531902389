package io.candor.measure;

import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;

import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.testing.CandorGenerators;
import io.candor.testing.Gen;
import org.junit.jupiter.api.Test;

class InstrumentTest {

  private static String rejected(Instrument i, double score) {
    return assertThrows(IllegalArgumentException.class, () -> i.checkRecordedScore("score", score))
        .getMessage();
  }

  @Test
  void checkRecordedScore_rejectsScoresBetweenGridPoints() {
    assertEquals("PHQ-9 score must be a whole number (the instrument's resolution) between 0 and"
        + " 27, was 15.5", rejected(Instruments.PHQ9, 15.5));
    assertEquals("ORS score must be a multiple of 0.1 (the instrument's resolution) between 0 and"
        + " 40, was 23.25", rejected(Instruments.ORS, 23.25));
    Instrument halves = Instrument.builder("H-9", "Halves").range(1, 9).resolution(0.5)
        .direction(Direction.HIGHER_IS_WORSE)
        .reliability(Sourced.assumption(0.8, Citations.all().get(0), "for the test"))
        .licence("test").build();
    assertEquals("H-9 score must be a multiple of 0.5 above 1 (the instrument's resolution)"
        + " between 1 and 9, was 1.25", rejected(halves, 1.25));
    assertEquals(1.5, halves.checkRecordedScore("score", 1.5));
  }

  @Test
  void checkRecordedScore_rejectsOutOfRangeAndNonFiniteScores() {
    assertEquals("PHQ-9 score must be between 0 and 27, was 28", rejected(Instruments.PHQ9, 28));
    rejected(Instruments.PHQ9, Double.NaN);
    rejected(Instruments.PHQ9, Double.POSITIVE_INFINITY);
    rejected(Instruments.PHQ9, 1e308);
  }

  @Test
  void checkRecordedScore_acceptsDecimalsThatDoublesHoldInexactly() {
    assertEquals(23.2, Instruments.ORS.checkRecordedScore("score", 23.2));
    assertEquals(23.200000000000003, Instruments.ORS.checkRecordedScore("score", 23.200000000000003));
    assertEquals(0.1 + 0.2, Instruments.ORS.checkRecordedScore("score", 0.1 + 0.2));
  }

  @Test
  void checkRecordedScore_acceptsEveryGeneratedScoreOfEveryInstrument() {
    Gen<Object[]> pairs = rng -> {
      Instrument i = rng.nextBoolean() ? CandorGenerators.builtInInstrument().generate(rng)
          : CandorGenerators.userInstrument().generate(rng);
      return new Object[] {i, CandorGenerators.score(i).generate(rng)};
    };
    qt().withExamples(3000).forAll(quick(pairs)).checkAssert(p -> {
      double score = (Double) p[1];
      assertEquals(score, ((Instrument) p[0]).checkRecordedScore("score", score));
    });
  }
}
