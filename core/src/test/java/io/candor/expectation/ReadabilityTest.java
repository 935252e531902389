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

  /** Syllables of numbers read aloud, counted by hand. */
  @Test
  void largerNumbers_countTheirSpokenWords() {
    assertEquals(9, Readability.syllables("1,234")); // one thou-sand two hun-dred thir-ty four
    assertEquals(3, Readability.syllables("1,000")); // one thou-sand
    assertEquals(5, Readability.syllables("100,000")); // one hun-dred thou-sand
    assertEquals(4, Readability.syllables("2,000,005")); // two mil-lion five
    assertEquals(5, Readability.syllables("115")); // one hun-dred fif-teen
    assertEquals(2, Readability.syllables("20")); // twen-ty
    assertEquals(1, Readability.syllables("12")); // twelve
    assertEquals(23, Readability.syllables("123456789"),
        "one hun-dred twen-ty three mil-lion, four hun-dred fif-ty six thou-sand, se-ven hun-dred"
            + " eigh-ty nine");
    assertEquals(10, Readability.syllables("1234567890"), "ten digits and more: digit by digit");
    assertEquals(6, Readability.syllables("0.05")); // ze-ro point ze-ro five
    assertEquals(3, Readability.syllables("long--lasting"), "an empty part counts nothing");
    assertEquals(0, Readability.syllables("'-"));
  }

  /** "-es" after s, x, z, ch, sh, ge or ce is a syllable; after other letters it is silent. */
  @Test
  void es_isSilentExceptAfterSibilants() {
    Map<String, Integer> words = Map.ofEntries(Map.entry("pages", 2), Map.entry("boxes", 2),
        Map.entry("buzzes", 2), Map.entry("places", 2), Map.entry("rushes", 2),
        Map.entry("matches", 2), Map.entry("makes", 1), Map.entry("bathes", 1),
        Map.entry("loses", 2), Map.entry("tried", 1), Map.entry("needed", 2),
        Map.entry("agreed", 2), Map.entry("free", 1), Map.entry("tie", 1), Map.entry("bye", 1),
        Map.entry("table", 2), Map.entry("whole", 1));
    words.forEach((w, n) -> assertEquals(n, Readability.syllables(w), w));
  }

  @Test
  void numbersWithInnerCommasAndPoints_areOneWord_butAPointBeforeALetterIsNot() {
    Readability r = Readability.of("Scores of 1,234 people");
    assertEquals(4, r.words());
    assertEquals(1 + 1 + 9 + 2, r.syllables());
    assertEquals(4, Readability.of("Item a.5 here").words());
    assertEquals(4, Readability.of("Take 5.x now").words());
    assertEquals(new Readability(1, 3, 3), Readability.of("It is 5."), "a stop ends the text");
    assertEquals(2, Readability.of("Well - then").words(), "a lone hyphen is no word");
  }

  @Test
  void sentences_endAtEveryStopBeforeSpaceQuoteOrBracket() {
    assertEquals(5, Readability.of("One; two: three? four! five.").sentences());
    assertEquals(3, Readability.of("He said \"go.\" Then (so.) more").sentences());
    assertEquals(1, Readability.of("ratio 3:4 here").sentences());
    assertEquals(4, Readability.of("ratio 3:4 here").words());
    assertEquals(1, Readability.of("end.").sentences());
    assertEquals(new Readability(0, 0, 0), new Readability(0, 0, 0), "no words, no sentence");
  }
}
