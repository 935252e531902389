package io.candor.expectation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadabilityTest {

  /**
   * The published worked example of the Flesch–Kincaid grade (Wikipedia's article on the tests):
   * 13 words, 24 syllables, one sentence, grade 11.3, reading ease 37.5.
   */
  @Test
  void publishedExample_hasItsPublishedCountsGradeAndEase() {
    Readability r = Readability.of(
        "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.");
    assertEquals(new Readability(1, 13, 24), r);
    assertEquals(11.3, r.grade(), 0.05);
    assertEquals(37.5, r.readingEase(), 0.05);
  }

  @Test
  void grade_isTheFormulaOfKincaidEtAl1975() {
    Readability r = new Readability(4, 60, 80);
    assertEquals(0.39 * 15 + 11.8 * 80 / 60.0 - 15.59, r.grade(), 1e-12);
    assertEquals(206.835 - 1.015 * 15 - 84.6 * 80 / 60.0, r.readingEase(), 1e-12);
  }

  @Test
  void syllables_followTheVowelGroupRules() {
    Map<String, Integer> words = Map.ofEntries(
        Map.entry("the", 1), Map.entry("therapy", 3), Map.entry("people", 2),
        Map.entry("creature", 2), Map.entry("sessions", 2), Map.entry("stopped", 1),
        Map.entry("started", 2), Map.entry("changes", 2), Map.entry("scores", 1),
        Map.entry("feel", 1), Map.entry("better", 2), Map.entry("between", 2),
        Map.entry("about", 2), Map.entry("seemingly", 3), Map.entry("reptilian", 3),
        Map.entry("problem", 2), Map.entry("watches", 2), Map.entry("PHQ-9", 2),
        Map.entry("don't", 1), Map.entry("long-lasting", 3));
    words.forEach((w, n) -> assertEquals(n, Readability.syllables(w), w));
  }

  @Test
  void numbers_countAsTheyAreSpoken() {
    assertEquals(3, Readability.syllables("45")); // for-ty-five
    assertEquals(1, Readability.syllables("8"));
    assertEquals(3, Readability.syllables("11")); // e-le-ven
    assertEquals(3, Readability.syllables("100")); // one hun-dred
    assertEquals(2, Readability.syllables("0"));
    assertEquals(3, Readability.syllables("4.5")); // four point five
  }

  @Test
  void sentences_endAtStopsAndLineBreaks_notAtDecimalPoints() {
    assertEquals(3, Readability.of("One two. Three four!\nFive 4.5 six").sentences());
    assertEquals(1, Readability.of("Scores of 4.5 and 5.5 are close").sentences());
    assertEquals(2, Readability.of("Heading\nA line of text.").sentences());
    assertEquals(7, Readability.of("One two. Three four!\nFive 4.5 six").words());
  }

  @Test
  void badInput_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> Readability.of("  ... \n"));
    assertThrows(IllegalArgumentException.class, () -> new Readability(0, 3, 3));
    assertThrows(IllegalArgumentException.class, () -> new Readability(1, -1, 3));
  }
}
