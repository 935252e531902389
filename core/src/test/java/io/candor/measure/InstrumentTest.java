package io.candor.measure;

import static io.candor.quick.QuickTheoriesAdapter.quick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.testing.CandorGenerators;
import io.candor.testing.Gen;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
  private static Sourced fig(double v) {
    return Sourced.assumption(v, Citations.JACOBSON_1991, "for the test");
  }

  /** An instrument with every property set, for deriving variants that differ in one. */
  private static Instrument.Builder full(String id) {
    return full(id, "Full scale");
  }

  private static Instrument.Builder full(String id, String name) {
    return Instrument.builder(id, name).range(0, 20).resolution(1)
        .direction(Direction.HIGHER_IS_WORSE).casenessCutoff(fig(8))
        .bands(fig(10), new SeverityBand("low", 0, 9), new SeverityBand("high", 10, 20))
        .reliability(fig(0.8)).clinicalNorms(new Norms(fig(12), fig(4)))
        .functionalNorms(new Norms(fig(4), fig(3))).reliableChange(fig(5)).licence("ours")
        .itemScoring(new ItemScoring(5, 0, 4, Set.of(), 0, "X"));
  }

  @Test
  void checkRecordedScore_countsStepsFromTheLowestScore() {
    Instrument offset = Instrument.builder("O", "Offset").range(0.1, 4.1).resolution(0.5)
        .direction(Direction.HIGHER_IS_WORSE).reliability(fig(0.8)).licence("test").build();
    assertEquals(0.6, offset.checkRecordedScore("score", 0.6));
    assertEquals(4.1, offset.checkRecordedScore("score", 4.1));
    assertEquals("O score must be a multiple of 0.5 above 0.1 (the instrument's resolution)"
        + " between 0.1 and 4.1, was 0.35", rejected(offset, 0.35));
  }

  @Test
  void reliableChange_mustBePositiveAndWithinTheScoreRange() {
    assertEquals(10, full("R").range(10, 20).reliableChange(fig(10)).casenessCutoff(fig(15))
        .bands(fig(10)).itemScoring(null).build().reliableChange().orElseThrow().value());
    assertThrows(IllegalArgumentException.class, () -> full("R").range(10, 20)
        .reliableChange(fig(11)).casenessCutoff(fig(15)).bands(fig(10)).itemScoring(null)
        .build());
    assertThrows(IllegalArgumentException.class,
        () -> full("R").reliableChange(fig(0)).build());
  }

  @Test
  void builder_givesBackEveryProperty_andToBuilderCopiesThemAll() {
    Instrument i = full("F").build();
    assertEquals("F", i.id());
    assertEquals("Full scale", i.name());
    assertEquals(0, i.minScore());
    assertEquals(20, i.maxScore());
    assertEquals(1, i.resolution());
    assertEquals(Direction.HIGHER_IS_WORSE, i.direction());
    assertEquals(8, i.casenessCutoff().orElseThrow().value());
    assertEquals(List.of(new SeverityBand("low", 0, 9), new SeverityBand("high", 10, 20)),
        i.bands());
    assertEquals(10, i.bandsSource().orElseThrow().value());
    assertEquals(0.8, i.reliability().value());
    assertEquals(12, i.clinicalNorms().orElseThrow().mean().value());
    assertEquals(3, i.functionalNorms().orElseThrow().sd().value());
    assertEquals(5, i.reliableChange().orElseThrow().value());
    assertEquals("ours", i.licence());
    assertEquals(5, i.itemScoring().orElseThrow().items());
    assertEquals(i, i.toBuilder().build());
    assertEquals(i.hashCode(), i.toBuilder().build().hashCode());
  }

  @Test
  void builder_bandsReplaceEarlierBands() {
    Instrument i = full("B").bands(fig(5), new SeverityBand("all", 0, 20)).build();
    assertEquals(List.of(new SeverityBand("all", 0, 20)), i.bands());
  }

  @Test
  void equals_comparesEveryProperty() {
    Instrument base = full("E").build();
    assertEquals(base, base);
    assertNotEquals(base, "E");
    assertNotEquals(base, null);
    List<Instrument> variants = List.of(
        full("E2").build(),
        full("E", "Other name").build(),
        base.toBuilder().range(-1, 20).itemScoring(null).bands(fig(10)).build(),
        base.toBuilder().range(0, 21).itemScoring(null).build(),
        base.toBuilder().resolution(0.5).build(),
        base.toBuilder().direction(Direction.HIGHER_IS_BETTER).build(),
        base.toBuilder().casenessCutoff(fig(9)).build(),
        base.toBuilder().bands(fig(10), new SeverityBand("low", 0, 8),
            new SeverityBand("high", 10, 20)).build(),
        base.toBuilder().bands(fig(11), new SeverityBand("low", 0, 9),
            new SeverityBand("high", 10, 20)).build(),
        base.toBuilder().reliability(fig(0.9)).build(),
        base.toBuilder().clinicalNorms(new Norms(fig(13), fig(4))).build(),
        base.toBuilder().functionalNorms(new Norms(fig(5), fig(3))).build(),
        base.toBuilder().reliableChange(fig(6)).build(),
        base.toBuilder().licence("theirs").build(),
        base.toBuilder().itemScoring(null).build());
    for (Instrument v : variants) {
      assertNotEquals(base, v, v + " " + v.name());
    }
  }

  @Test
  void hashCodeAndToString_describeTheInstrument() {
    assertNotEquals(Instruments.PHQ9.hashCode(), Instruments.GAD7.hashCode());
    assertEquals("PHQ-9 (Patient Health Questionnaire-9, 0-27)", Instruments.PHQ9.toString());
  }

  @Test
  void band_findsTheBandHoldingTheScore() {
    assertEquals("mild", Instruments.PHQ9.band(9).orElseThrow().label());
    assertEquals("moderate", Instruments.PHQ9.band(10).orElseThrow().label());
    assertEquals("severe", Instruments.PHQ9.band(27).orElseThrow().label());
    assertEquals(Optional.empty(), full("N").bands(null).build().band(3));
    assertThrows(IllegalArgumentException.class, () -> Instruments.PHQ9.band(28));
  }

  @Test
  void improvement_isSignedByDirection_andChecksBothScores() {
    assertEquals(6, Instruments.PHQ9.improvement(18, 12));
    assertEquals(-6, Instruments.PHQ9.improvement(12, 18));
    assertEquals(6, full("U").direction(Direction.HIGHER_IS_BETTER).build().improvement(12, 18));
    assertThrows(IllegalArgumentException.class, () -> Instruments.PHQ9.improvement(30, 12));
    assertThrows(IllegalArgumentException.class, () -> Instruments.PHQ9.improvement(12, -1));
  }
}
