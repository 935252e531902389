package io.candor.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instruments;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TalkingTherapiesCountsTest {

  private static PairedMeasures ep(double p1, double p2, double g1, double g2, int contacts) {
    return new PairedMeasures(Instruments.PHQ9, p1, p2, Instruments.GAD7, g1, g2, contacts);
  }

  @Test
  void countsAddedInParts_giveTheRatesOfAllEpisodesAtOnce() {
    List<PairedMeasures> all = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      all.add(ep(10 + i % 15, i % 20, 5 + i % 12, i % 9, i % 4));
    }
    TalkingTherapiesCounts first = TalkingTherapiesCounts.NONE;
    TalkingTherapiesCounts second = TalkingTherapiesCounts.NONE;
    for (int i = 0; i < all.size(); i++) {
      TalkingTherapiesCounts one = TalkingTherapiesCounts.of(TalkingTherapies.outcome(all.get(i)));
      if (i % 3 == 0) {
        first = first.plus(one);
      } else {
        second = second.plus(one);
      }
    }
    assertEquals(TalkingTherapies.rates(all), second.plus(first).rates());
    assertEquals(60, first.plus(second).episodes());
  }

  @Test
  void unfinishedEpisode_countsOnlyAsAnEpisode() {
    assertEquals(new TalkingTherapiesCounts(1, 0, 0, 0, 0, 0, 0),
        TalkingTherapiesCounts.of(TalkingTherapies.outcome(ep(15, 5, 12, 3, 1))));
    assertEquals(new TalkingTherapiesCounts(1, 1, 1, 1, 1, 1, 0),
        TalkingTherapiesCounts.of(TalkingTherapies.outcome(ep(15, 5, 12, 3, 2))));
  }

  @Test
  void countsOutsideTheirDenominator_areRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TalkingTherapiesCounts(2, 1, 2, 0, 0, 0, 0));
    assertEquals("caseAtStart must be 0-1, was 2", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TalkingTherapiesCounts(-1, 0, 0, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new TalkingTherapiesCounts(3, 3, 2, 1, 2, 0, 0));
  }

  @Test
  void eachCount_isCheckedAgainstItsOwnDenominator_namingIt() {
    // episodes 4 >= finished 3 >= case at start 2 >= recovered 1 >= reliably recovered 1;
    // reliably improved and deteriorated are out of the finished 3
    assertEquals(4, new TalkingTherapiesCounts(4, 3, 2, 1, 1, 3, 3).episodes());
    assertEquals(0, new TalkingTherapiesCounts(0, 0, 0, 0, 0, 0, 0).episodes());
    long[][] bad = {
        {4, 5, 2, 1, 1, 0, 0}, {4, 3, 4, 1, 1, 0, 0}, {4, 3, 2, 3, 1, 0, 0},
        {4, 3, 2, 1, 2, 0, 0}, {4, 3, 2, 1, 1, 4, 0}, {4, 3, 2, 1, 1, 0, 4},
        {4, 3, 2, 1, 1, -1, 0}};
    String[] names = {"finishedTreatment", "caseAtStart", "recovered", "reliablyRecovered",
        "reliablyImproved", "reliablyDeteriorated", "reliablyImproved"};
    for (int i = 0; i < bad.length; i++) {
      long[] c = bad[i];
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new TalkingTherapiesCounts(c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
      assertTrue(e.getMessage().startsWith(names[i]), e.getMessage());
    }
  }

  @Test
  void rates_refuseCountsBeyondAnInt_andAcceptIntMax() {
    long max = Integer.MAX_VALUE;
    assertEquals(1.0, new TalkingTherapiesCounts(max, max, max, max, max, 0, 0).rates()
        .recovery().orElseThrow().proportion());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TalkingTherapiesCounts(max + 1, max + 1, 0, 0, 0, 0, 0).rates());
    assertTrue(e.getMessage().contains("at most " + max), e.getMessage());
  }
}
