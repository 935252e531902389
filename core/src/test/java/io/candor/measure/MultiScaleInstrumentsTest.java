package io.candor.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.evidence.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MultiScaleInstrumentsTest {

  private static final MultiScaleInstrument PROQOL = MultiScaleInstruments.PROQOL5;
  private static final MultiScaleInstrument CBI = MultiScaleInstruments.CBI;
  private static final MultiScaleInstrument STSS = MultiScaleInstruments.STSS;
  private static final MultiScaleInstrument MBI = MultiScaleInstruments.MBI_HSS;

  private static int[] filled(int n, int value) {
    int[] r = new int[n];
    Arrays.fill(r, value);
    return r;
  }

  private static double score(ScaleScores s, String scale) {
    return s.scale(scale).orElseThrow().score();
  }

  /** Raising one item from the middle shows which scale holds it and whether it is reversed. */
  private static void assertKeys(MultiScaleInstrument inst, int middle, int high,
      Map<String, List<Integer>> keys, Set<Integer> reversedItems) {
    ScaleScores base = inst.score(filled(inst.items(), middle));
    for (int item = 1; item <= inst.items(); item++) {
      int[] r = filled(inst.items(), middle);
      r[item - 1] = high;
      ScaleScores s = inst.score(r);
      for (Subscale scale : inst.scales()) {
        double delta = score(s, scale.id()) - score(base, scale.id());
        boolean member = keys.get(scale.id()).contains(item);
        if (!member) {
          assertEquals(0, delta, 1e-12, inst.id() + " item " + item + " moved " + scale.id());
        } else if (reversedItems.contains(item)) {
          assertTrue(delta < 0, inst.id() + " item " + item + " should lower " + scale.id());
        } else {
          assertTrue(delta > 0, inst.id() + " item " + item + " should raise " + scale.id());
        }
      }
    }
  }

  @Test
  void proqol_everyItemScoresOnItsPublishedScaleWithTheFiveReversedBurnoutItems() {
    Map<String, List<Integer>> keys = Map.of(
        "CS", List.of(3, 6, 12, 16, 18, 20, 22, 24, 27, 30),
        "BO", List.of(1, 4, 8, 10, 15, 17, 19, 21, 26, 29),
        "STS", List.of(2, 5, 7, 9, 11, 13, 14, 23, 25, 28));
    assertKeys(PROQOL, 3, 5, keys, Set.of(1, 4, 15, 17, 29));
    for (Subscale s : PROQOL.scales()) {
      assertEquals(keys.get(s.id()), s.items());
    }
    assertEquals(Set.of(1, 4, 15, 17, 29), PROQOL.scale("BO").reversed());
    assertTrue(PROQOL.scale("CS").reversed().isEmpty());
    assertTrue(PROQOL.scale("STS").reversed().isEmpty());
  }

  @Test
  void proqol_sumsTenItemsWithReversedItemsScoredSixMinusTheAnswer() {
    ScaleScores ones = PROQOL.score(filled(30, 1));
    assertEquals(10, score(ones, "CS"));
    assertEquals(5 * 5 + 5 * 1, score(ones, "BO")); // 1, 4, 15, 17, 29 reversed: 6 - 1 = 5
    assertEquals(10, score(ones, "STS"));
    ScaleScores fives = PROQOL.score(filled(30, 5));
    assertEquals(50, score(fives, "CS"));
    assertEquals(5 * 1 + 5 * 5, score(fives, "BO"));
    assertEquals(50, score(fives, "STS"));
    for (Subscale s : PROQOL.scales()) {
      assertEquals(10, s.properties().minScore());
      assertEquals(50, s.properties().maxScore());
      assertEquals(1, s.properties().resolution());
    }
  }

  @Test
  void proqol_bandEdgesAreTheSelfScoreSheets() {
    for (String scale : List.of("CS", "BO", "STS")) {
      Subscale s = PROQOL.scale(scale);
      assertEquals(Optional.of("low"), s.band(10));
      assertEquals(Optional.of("low"), s.band(22));
      assertEquals(Optional.of("moderate"), s.band(23));
      assertEquals(Optional.of("moderate"), s.band(41));
      assertEquals(Optional.of("high"), s.band(42));
      assertEquals(Optional.of("high"), s.band(50));
      assertEquals("10-22", s.bandRange(0));
      assertEquals("23-41", s.bandRange(1));
      assertEquals("42-50", s.bandRange(2));
    }
    // the band arrives with item scoring too: CS all 5s = 50
    assertEquals(Optional.of("high"), PROQOL.score(filled(30, 5)).scale("CS").orElseThrow().band());
  }

  @Test
  void proqol_requiresEveryItemOfAScale() {
    List<OptionalInt> r = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      r.add(OptionalInt.of(3));
    }
    r.set(3, OptionalInt.empty()); // item 4, Burnout
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PROQOL.score(r));
    assertTrue(e.getMessage().contains("Burnout: 1 of 10 items are missing (item 4)"), e.getMessage());
    assertTrue(e.getMessage().contains("every item must be answered"), e.getMessage());
  }

  @Test
  void score_rejectsWrongCountAndOutOfRangeResponsesNamingTheItem() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> PROQOL.score(filled(29, 3)))
        .getMessage().contains("needs exactly 30 item responses, was 29"));
    int[] r = filled(30, 3);
    r[6] = 6;
    assertEquals("ProQOL-5 item 7 must be 1-5, was 6",
        assertThrows(IllegalArgumentException.class, () -> PROQOL.score(r)).getMessage());
    int[] c = filled(19, 2);
    c[0] = 5;
    assertEquals("CBI item 1 must be 0-4, was 5",
        assertThrows(IllegalArgumentException.class, () -> CBI.score(c)).getMessage());
  }

  @Test
  void cbi_keysReverseItemAndMeansOfZeroTo100Points() {
    Map<String, List<Integer>> keys = Map.of(
        "personal", List.of(1, 2, 3, 4, 5, 6),
        "work", List.of(7, 8, 9, 10, 11, 12, 13),
        "client", List.of(14, 15, 16, 17, 18, 19));
    assertKeys(CBI, 2, 4, keys, Set.of(10));
    ScaleScores always = CBI.score(filled(19, 4));
    assertEquals(100, score(always, "personal"));
    assertEquals(600.0 / 7, score(always, "work"), 1e-12); // item 10 reversed: 0 points
    assertEquals(100, score(always, "client"));
    ScaleScores never = CBI.score(filled(19, 0));
    assertEquals(0, score(never, "personal"));
    assertEquals(100.0 / 7, score(never, "work"), 1e-12);
    int[] r = filled(19, 1);
    r[9] = 3; // item 10 answered 3 -> 100 - 75 = 25 points, like the others
    assertEquals(25, score(CBI.score(r), "work"), 1e-12);
  }

  @Test
  void cbi_scoresAScaleWithUpToThreeMissingItemsAndRefusesFour() {
    List<OptionalInt> r = new ArrayList<>();
    for (int i = 0; i < 19; i++) {
      r.add(OptionalInt.of(i < 3 ? 4 : 0));
    }
    r.set(3, OptionalInt.empty());
    r.set(4, OptionalInt.empty());
    r.set(5, OptionalInt.empty());
    ScaleScore personal = CBI.score(r).scale("personal").orElseThrow();
    assertEquals(100, personal.score()); // the three answered items
    assertEquals(OptionalInt.of(3), personal.answered());
    assertTrue(personal.prorated());
    r.set(2, OptionalInt.empty());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CBI.score(r));
    assertTrue(e.getMessage().contains("Personal burnout: 4 of 6 items are missing (items 3, 4, 5, 6);"
        + " at most 3 may be"), e.getMessage());
  }

  @Test
  void cbi_bandAtFiftyIsALabelledConvention() {
    Subscale personal = CBI.scale("personal");
    assertEquals(Optional.of("below 50"), personal.band(45.833333333333336));
    assertEquals(Optional.of("50 or above"), personal.band(50));
    assertEquals("below 50", personal.bandRange(0));
    assertEquals("50 or above", personal.bandRange(1));
    assertEquals(io.candor.evidence.Certainty.ASSUMPTION, personal.bands().orElseThrow().certainty());
    assertTrue(CBI.caveats().stream().anyMatch(c -> c.text().contains("labelled convention")));
  }

  @Test
  void cbi_resolutionFollowsTheMissingItemRule() {
    // personal: 3..6 answered -> lcm 60; work: 4..7 answered -> lcm 420
    assertEquals(25.0 / 60, CBI.scale("personal").properties().resolution(), 1e-15);
    assertEquals(25.0 / 420, CBI.scale("work").properties().resolution(), 1e-15);
    assertEquals(25.0 / 7, CBI.scale("work").ofScore(25.0 / 7).score(), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> CBI.scale("personal").ofScore(50.1));
  }

  @Test
  void stss_keysTotalAndBandEdges() {
    Map<String, List<Integer>> keys = Map.of(
        "intrusion", List.of(2, 3, 6, 10, 13),
        "avoidance", List.of(1, 5, 7, 9, 12, 14, 17),
        "arousal", List.of(4, 8, 11, 15, 16),
        "total", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17));
    assertKeys(STSS, 3, 5, keys, Set.of());
    Set<Integer> union = new TreeSet<>();
    for (String s : List.of("intrusion", "avoidance", "arousal")) {
      union.addAll(STSS.scale(s).items());
    }
    assertEquals(17, union.size());
    ScaleScores ones = STSS.score(filled(17, 1));
    assertEquals(17, score(ones, "total"));
    assertEquals(5, score(ones, "intrusion"));
    assertEquals(7, score(ones, "avoidance"));
    Subscale total = STSS.scale("total");
    assertEquals(Optional.of("little or none"), total.band(27));
    assertEquals(Optional.of("mild"), total.band(28));
    assertEquals(Optional.of("mild"), total.band(37));
    assertEquals(Optional.of("moderate"), total.band(38));
    assertEquals(Optional.of("moderate"), total.band(43));
    assertEquals(Optional.of("high"), total.band(44));
    assertEquals(Optional.of("high"), total.band(48));
    assertEquals(Optional.of("severe"), total.band(49));
    assertTrue(STSS.scale("intrusion").bands().isEmpty());
    assertEquals(io.candor.evidence.Certainty.ASSUMPTION, total.bands().orElseThrow().certainty());
  }

  @Test
  void mbi_holdsNoKeyAndTakesEnteredSubscaleSums() {
    assertFalse(MBI.keyed());
    assertThrows(IllegalStateException.class, () -> MBI.score(filled(22, 3)));
    ScaleScores s = MBI.ofScaleScores(Map.of("pa", 30.0, "EE", 27.0));
    assertEquals(List.of("EE", "PA"), s.scales().stream().map(ScaleScore::scale).toList());
    assertEquals(OptionalInt.empty(), s.scales().get(0).answered());
    assertTrue(s.scales().get(0).band().isEmpty());
    assertEquals(54, MBI.scale("EE").properties().maxScore());
    assertEquals(30, MBI.scale("DP").properties().maxScore());
    assertEquals(48, MBI.scale("PA").properties().maxScore());
    assertEquals(Direction.HIGHER_IS_BETTER, MBI.scale("PA").properties().direction());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> MBI.ofScaleScores(Map.of("EE", 55.0))).getMessage().contains("between 0 and 54"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> MBI.ofScaleScores(Map.of("EE", 27.5))).getMessage().contains("multiple of 1"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> MBI.ofScaleScores(Map.of("XX", 2.0))).getMessage().contains("scales are EE, DP, PA"));
    assertThrows(IllegalArgumentException.class, () -> MBI.ofScaleScores(Map.of()));
  }

  @Test
  void everyFigureAndCaveatCitesABibliographyEntryWithANote() {
    for (MultiScaleInstrument inst : MultiScaleInstruments.all()) {
      assertFalse(inst.licence().isBlank());
      for (Subscale s : inst.scales()) {
        List<Sourced> figures = new ArrayList<>();
        figures.add(s.properties().reliability());
        figures.add(s.maxMissing());
        s.properties().clinicalNorms().ifPresent(n -> figures.addAll(List.of(n.mean(), n.sd())));
        s.bands().ifPresent(b -> figures.addAll(b.cuts()));
        for (Sourced f : figures) {
          assertTrue(Citations.all().contains(f.source()), inst.id() + " " + s.id() + " cites "
              + f.source().key());
          assertFalse(f.note().isBlank(), inst.id() + " " + s.id() + " " + f.value());
        }
      }
      for (Statement c : inst.caveats()) {
        assertTrue(Citations.all().contains(c.source()), inst.id() + " caveat " + c.text());
      }
    }
    assertTrue(PROQOL.credit().orElseThrow().contains("Center for Victims of Torture"));
    assertTrue(PROQOL.credit().orElseThrow().contains("www.ProQOL.org"));
    assertTrue(PROQOL.caveats().stream().anyMatch(c -> c.text().contains("not a diagnostic tool")));
    assertTrue(PROQOL.caveats().stream().anyMatch(c -> c.source() == Citations.HERITAGE_2018));
  }

  @Test
  void catalogLookupIgnoresCaseAndHyphens() {
    assertEquals(PROQOL, MultiScaleInstruments.byId("proqol5"));
    assertEquals(MBI, MultiScaleInstruments.byId("mbi-hss"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> MultiScaleInstruments.byId("ProQOL-4")).getMessage().contains("known: ProQOL-5, CBI"));
  }

  @Test
  void subscaleValidation_rejectsInconsistentKeys() {
    Subscale bo = PROQOL.scale("BO");
    assertThrows(IllegalArgumentException.class, () -> new Subscale("BO", bo.properties(),
        bo.responses(), 10, bo.items(), Set.of(2), ScaleScoring.SUM, bo.maxMissing(), bo.bands()));
    assertThrows(IllegalArgumentException.class, () -> new Subscale("BO", bo.properties(),
        bo.responses(), 10, bo.items(), bo.reversed(), ScaleScoring.MEAN, bo.maxMissing(),
        bo.bands()));
    assertThrows(IllegalArgumentException.class, () -> new Subscale("B O", bo.properties(),
        bo.responses(), 10, bo.items(), bo.reversed(), ScaleScoring.SUM, bo.maxMissing(),
        bo.bands()));
    assertThrows(IllegalArgumentException.class, () -> new Subscale("BO", bo.properties(),
        bo.responses(), 10, bo.items(), bo.reversed(), ScaleScoring.SUM,
        bo.maxMissing().withValue(10, "too many"), bo.bands()));
    assertThrows(IllegalArgumentException.class, () -> new MultiScaleInstrument("X", "X", 20,
        PROQOL.responses(), List.of(bo), "l", Optional.empty(), List.of()));
    assertThrows(IllegalArgumentException.class, () -> ResponseScale.mapped(0, 2, 0, 50, 25));
    assertThrows(IllegalArgumentException.class, () -> ResponseScale.mapped(0, 2, 0, 50));
    assertThrows(IllegalArgumentException.class, () -> new ScaleBands(List.of("a", "b"),
        List.of()));
  }
  @Test
  void all_listsTheFourBuiltInInstrumentsInOrder() {
    assertEquals(List.of(PROQOL, CBI, STSS, MBI), MultiScaleInstruments.all());
  }

  @Test
  void instrument_refusesDuplicateScalesMismatchedResponsesItemsBeyondItsCountAndABlankCredit() {
    Subscale bo = PROQOL.scale("BO");
    // BO's highest item is 29
    MultiScaleInstrument exact = new MultiScaleInstrument("X", "Exact", 29, PROQOL.responses(),
        List.of(bo), "l", Optional.empty(), List.of());
    assertEquals("X (Exact: BO)", exact.toString());
    assertEquals("X scale BO lists item 29 but the instrument has 28 items",
        assertThrows(IllegalArgumentException.class, () -> new MultiScaleInstrument("X", "X", 28,
            PROQOL.responses(), List.of(bo), "l", Optional.empty(), List.of())).getMessage());
    assertEquals("X: scale ids must differ, were [BO, BO]",
        assertThrows(IllegalArgumentException.class, () -> new MultiScaleInstrument("X", "X", 30,
            PROQOL.responses(), List.of(bo, bo), "l", Optional.empty(), List.of())).getMessage());
    assertEquals("X scale BO codes responses 1-5 but the instrument codes them 0-4",
        assertThrows(IllegalArgumentException.class, () -> new MultiScaleInstrument("X", "X", 30,
            ResponseScale.of(0, 4), List.of(bo), "l", Optional.empty(), List.of())).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MultiScaleInstrument("X", "X", 30,
        PROQOL.responses(), List.of(bo), "l", Optional.of(" "), List.of()));
    assertEquals("ProQOL-5 (Professional Quality of Life Scale, version 5: CS, BO, STS)",
        PROQOL.toString());
  }
}
