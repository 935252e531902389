package io.candor.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.evidence.Certainty;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Item-level scoring of the public instruments and user-defined instruments. */
class ItemScoringTest {

  private static ItemScoring scoring(Instrument i) {
    return i.itemScoring().orElseThrow();
  }

  private static List<OptionalInt> withMissing(int[] responses, int... missingItems) {
    List<OptionalInt> out = new ArrayList<>();
    for (int r : responses) {
      out.add(OptionalInt.of(r));
    }
    for (int m : missingItems) {
      out.set(m - 1, OptionalInt.empty());
    }
    return out;
  }

  @Test
  void phq9_sumsNineItemsZeroToThree() {
    assertEquals(0, scoring(Instruments.PHQ9).score(0, 0, 0, 0, 0, 0, 0, 0, 0));
    assertEquals(27, scoring(Instruments.PHQ9).score(3, 3, 3, 3, 3, 3, 3, 3, 3));
    assertEquals(14, scoring(Instruments.PHQ9).score(2, 2, 1, 3, 0, 1, 2, 3, 0));
  }

  @Test
  void phq9_rejectsWrongCountOutOfRangeAndMissingItems() {
    IllegalArgumentException count =
        assertThrows(IllegalArgumentException.class,
            () -> scoring(Instruments.PHQ9).score(1, 1, 1, 1, 1, 1, 1, 1));
    assertEquals("PHQ-9 needs exactly 9 item responses, was 8", count.getMessage());
    IllegalArgumentException range =
        assertThrows(IllegalArgumentException.class,
            () -> scoring(Instruments.PHQ9).score(1, 1, 1, 5, 1, 1, 1, 1, 1));
    assertEquals("PHQ-9 item 4 must be 0-3, was 5", range.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> scoring(Instruments.PHQ9).score(1, 1, 1, -1, 1, 1, 1, 1, 1));
    IllegalArgumentException missing =
        assertThrows(IllegalArgumentException.class,
            () -> scoring(Instruments.PHQ9).score(withMissing(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1}, 9)));
    assertTrue(missing.getMessage().contains("defines no proration"), missing.getMessage());
  }

  @Test
  void gad7_sumsSevenItems_andRejectsEightResponses() {
    assertEquals(21, scoring(Instruments.GAD7).score(3, 3, 3, 3, 3, 3, 3));
    assertThrows(IllegalArgumentException.class,
        () -> scoring(Instruments.GAD7).score(1, 1, 1, 1, 1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class,
        () -> scoring(Instruments.GAD7).score(1, 1, 1, 4, 1, 1, 1));
  }

  @Test
  void core10_reverseScoresItems2And3() {
    // all "not at all" (0): items 2 and 3 are positively worded, so they score 4 each -> 8
    assertEquals(8, scoring(Instruments.CORE10).score(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    // all 4: items 2 and 3 score 0 -> 32
    assertEquals(32, scoring(Instruments.CORE10).score(4, 4, 4, 4, 4, 4, 4, 4, 4, 4));
    assertEquals(Set.of(2, 3), scoring(Instruments.CORE10).reversed());
  }

  @Test
  void core10_proratesExactlyOneMissingItem_andRefusesTwo() {
    int[] r = {2, 1, 3, 2, 2, 0, 3, 2, 1, 2};
    // complete: 2 + (4-1) + (4-3) + 2 + 2 + 0 + 3 + 2 + 1 + 2 = 18
    assertEquals(18, scoring(Instruments.CORE10).score(r));
    // item 7 (3) missing: answered sum 15 over 9 items, prorated 15 * 10 / 9 = 16.666...
    ItemScoring.ItemScore one = scoring(Instruments.CORE10).score(withMissing(r, 7));
    assertTrue(one.prorated());
    assertEquals(9, one.answered());
    assertEquals(150.0 / 9, one.total(), 1e-12);
    IllegalArgumentException two =
        assertThrows(IllegalArgumentException.class,
            () -> scoring(Instruments.CORE10).score(withMissing(r, 2, 7)));
    assertTrue(two.getMessage().contains("2 of 10 items are missing"), two.getMessage());
    ItemScoring.ItemScore none = scoring(Instruments.CORE10).score(withMissing(r));
    assertFalse(none.prorated());
    assertEquals(18, none.total(), 0);
  }

  @Test
  void k10_itemsRunOneToFive() {
    assertEquals(10, scoring(Instruments.K10).score(1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
    assertEquals(50, scoring(Instruments.K10).score(5, 5, 5, 5, 5, 5, 5, 5, 5, 5));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class,
            () -> scoring(Instruments.K10).score(1, 1, 1, 1, 1, 1, 1, 1, 1, 0));
    assertEquals("K10 item 10 must be 1-5, was 0", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> scoring(Instruments.K10).score(withMissing(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 1)));
    assertThrows(IllegalArgumentException.class,
        () -> scoring(Instruments.K10).score(Collections.nCopies(9, OptionalInt.of(2))));
  }

  @Test
  void userDefinedInstrument_viaBuilder_scoresAndClassifiesCaseness() {
    Instrument mine =
        Instrument.builder("MY-5", "My five-item scale")
            .range(0, 20)
            .direction(Direction.HIGHER_IS_WORSE)
            .casenessCutoff(Sourced.assumption(8, Citations.JACOBSON_1991, "service convention"))
            .reliability(Sourced.assumption(0.8, Citations.JACOBSON_1991, "assumed"))
            .licence("ours")
            .itemScoring(new ItemScoring(5, 0, 4, Set.of(5), 1, "MY-5"))
            .build();
    assertEquals(4, mine.itemScoring().orElseThrow().score(0, 0, 0, 0, 0));
    assertTrue(mine.isCase(8));
    assertFalse(mine.isCase(7.5));
    assertEquals(Certainty.ASSUMPTION, mine.reliability().certainty());
  }

  @Test
  void builder_rejectsBadInput() {
    Sourced r = Sourced.assumption(0.8, Citations.JACOBSON_1991, "t");
    assertThrows(IllegalArgumentException.class,
        () -> Instrument.builder("X", "x").direction(Direction.HIGHER_IS_WORSE).reliability(r)
            .licence("l").build(), "range missing");
    assertThrows(IllegalArgumentException.class,
        () -> Instrument.builder("X", "x").range(10, 10).direction(Direction.HIGHER_IS_WORSE)
            .reliability(r).licence("l").build(), "empty range");
    assertThrows(IllegalArgumentException.class,
        () -> Instrument.builder("X", "x").range(0, 10).reliability(r).licence("l").build(),
        "direction missing");
    assertThrows(IllegalArgumentException.class,
        () -> Instrument.builder("X", "x").range(0, 10).direction(Direction.HIGHER_IS_WORSE)
            .reliability(Sourced.assumption(1.0, Citations.JACOBSON_1991, "t")).licence("l").build(),
        "reliability 1");
    assertThrows(IllegalArgumentException.class,
        () -> Instrument.builder("X", "x").range(0, 10).direction(Direction.HIGHER_IS_WORSE)
            .reliability(r).licence("l")
            .casenessCutoff(Sourced.assumption(11, Citations.JACOBSON_1991, "t")).build(),
        "cutoff outside range");
    assertThrows(IllegalArgumentException.class,
        () -> Instrument.builder("X", "x").range(0, 10).direction(Direction.HIGHER_IS_WORSE)
            .reliability(r).licence("l")
            .bands(Sourced.assumption(5, Citations.JACOBSON_1991, "t"),
                new SeverityBand("low", 0, 5), new SeverityBand("high", 5, 10)).build(),
        "overlapping bands");
    assertThrows(IllegalArgumentException.class,
        () -> Instrument.builder("X", "x").range(0, 10).direction(Direction.HIGHER_IS_WORSE)
            .reliability(r).licence("l").itemScoring(new ItemScoring(3, 0, 3, Set.of(), 0, "X"))
            .build(),
        "item totals 0-9 do not match range 0-10");
    assertThrows(IllegalArgumentException.class,
        () -> new ItemScoring(3, 0, 3, Set.of(4), 0, "X"), "reversed item out of range");
    assertThrows(IllegalArgumentException.class,
        () -> new ItemScoring(3, 2, 2, Set.of(), 0, "X"), "empty response range");
    assertThrows(IllegalArgumentException.class,
        () -> new ItemScoring(3, 0, 3, Set.of(), 3, "X"), "cannot prorate every item");
    assertThrows(IllegalArgumentException.class,
        () -> new Norms(Sourced.assumption(1, Citations.JACOBSON_1991, "t"),
            Sourced.assumption(0, Citations.JACOBSON_1991, "t")), "sd 0");
  }

  @Test
  void totalsBeyondTheIntRange_areRefusedNotWrapped() {
    // 7 x 1,227,133,517 wraps to 27 in int arithmetic
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ItemScoring(7, 0, 1227133517, Set.of(), 0, "X"));
    assertTrue(e.getMessage().contains("8589934619"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new ItemScoring(2, -1227133517, 0, Set.of(), 0, "X"));
    assertTrue(e.getMessage().contains("-2454267034"), e.getMessage());
    // reverse scoring computes itemMin + itemMax - x
    e = assertThrows(IllegalArgumentException.class,
        () -> new ItemScoring(1, 1_500_000_000, 2_000_000_000, Set.of(1), 0, "X"));
    assertTrue(e.getMessage().contains("3500000000"), e.getMessage());
    ItemScoring widest = new ItemScoring(1, 0, Integer.MAX_VALUE, Set.of(1), 0, "X");
    assertEquals(Integer.MAX_VALUE, widest.score(0));
  }

  @Test
  void riskItems_areDeclaredByPhq9AndCore10Only() {
    assertEquals(Set.of(9), scoring(Instruments.PHQ9).riskItems());
    assertEquals(Set.of(6), scoring(Instruments.CORE10).riskItems());
    assertEquals(Set.of(), scoring(Instruments.GAD7).riskItems());
    assertEquals(Set.of(), scoring(Instruments.K10).riskItems());
  }

  @Test
  void riskFlags_flagItem9AboveZeroWithTheRawResponseAndFixedText() {
    List<RiskFlag> flags =
        scoring(Instruments.PHQ9).riskFlags(withMissing(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 2}));
    assertEquals(List.of(new RiskFlag("PHQ-9", 9, OptionalInt.of(2))), flags);
    assertEquals("risk item answered above zero — clinician review", flags.get(0).text());
    assertEquals("PHQ-9 item 9 = 2: risk item answered above zero — clinician review",
        flags.get(0).toString());
  }

  @Test
  void riskFlags_noFlagForZeroButAMissingRiskItemIsFlagged() {
    ItemScoring core10 = scoring(Instruments.CORE10);
    int[] r = {3, 1, 1, 2, 2, 0, 2, 3, 1, 2};
    assertTrue(core10.riskFlags(withMissing(r)).isEmpty());
    List<RiskFlag> missing = core10.riskFlags(withMissing(r, 6));
    assertEquals(List.of(new RiskFlag("CORE-10", 6, OptionalInt.empty())), missing);
    assertEquals(RiskFlag.NOT_ANSWERED, missing.get(0).text());
    // the total is still prorated; the flag comes in addition to it
    assertTrue(core10.score(withMissing(r, 6)).prorated());
  }

  @Test
  void riskFlags_ignoreNonRiskItemsAndCheckRanges() {
    ItemScoring phq9 = scoring(Instruments.PHQ9);
    assertTrue(phq9.riskFlags(withMissing(new int[] {3, 3, 3, 3, 3, 3, 3, 3, 0})).isEmpty());
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> phq9.riskFlags(withMissing(new int[] {0, 0, 0, 0, 0, 0, 0, 0, 4})));
    assertEquals("PHQ-9 item 9 must be 0-3, was 4", range.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> phq9.riskFlags(withMissing(new int[] {0, 0, 0})));
  }

  @Test
  void riskItems_mustBeInRangeAndNotReversed() {
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> new ItemScoring(3, 0, 3, Set.of(), 0, "X", Set.of(4)));
    assertTrue(range.getMessage().contains("risk item"), range.getMessage());
    IllegalArgumentException reversed = assertThrows(IllegalArgumentException.class,
        () -> new ItemScoring(3, 0, 3, Set.of(2), 0, "X").withRiskItems(2));
    assertEquals("X: risk item 2 must not be reverse-scored: its raw response is what the clinician"
        + " reviews", reversed.getMessage());
    assertEquals(Set.of(1, 3), new ItemScoring(3, 0, 3, Set.of(), 0, "X").withRiskItems(3, 1).riskItems());
  }

  @Test
  void riskFlag_validatesItsComponents() {
    assertThrows(IllegalArgumentException.class, () -> new RiskFlag(" ", 1, OptionalInt.of(1)));
    assertThrows(IllegalArgumentException.class, () -> new RiskFlag("X", 0, OptionalInt.of(1)));
    assertThrows(NullPointerException.class, () -> new RiskFlag("X", 1, null));
  }
  @Test
  void responseLists_areCountedAndNamedByItemLikeArrays() {
    ItemScoring core10 = scoring(Instruments.CORE10);
    List<OptionalInt> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(OptionalInt.of(1));
    }
    assertEquals("CORE-10 needs exactly 10 item responses, was 11", assertThrows(
        IllegalArgumentException.class, () -> core10.score(eleven)).getMessage());
    List<OptionalInt> bad = new ArrayList<>(eleven.subList(0, 10));
    bad.set(2, OptionalInt.of(5));
    assertEquals("CORE-10 item 3 must be 0-4, was 5", assertThrows(
        IllegalArgumentException.class, () -> core10.score(bad)).getMessage());
  }

  @Test
  void totals_runFromItemsTimesTheLowestToItemsTimesTheHighestAnswer() {
    ItemScoring k10 = scoring(Instruments.K10);
    assertEquals(10, k10.minTotal());
    assertEquals(50, k10.maxTotal());
  }
}
