package io.candor.expectation;

import io.candor.internal.Checks;
import java.util.Locale;

/**
 * Readability of English text by the Flesch–Kincaid grade level (Kincaid, Fishburne, Rogers &amp;
 * Chissom 1975):
 *
 * <pre>
 *   grade = 0.39 · (words / sentences) + 11.8 · (syllables / words) − 15.59
 * </pre>
 *
 * and Flesch's reading ease, {@code 206.835 − 1.015 · (words / sentences) − 84.6 · (syllables /
 * words)}. Candor keeps the client report at grade 8 or below.
 *
 * <p><b>Counting.</b> A word is a run of letters, digits, apostrophes and hyphens holding a letter
 * or a digit. A sentence ends at ".", "!", "?", ";" or ":" followed by a space or the end, and at a
 * line break (a heading or a list item is a sentence of its own), when it holds a word. Syllables
 * are counted as groups of vowels (a, e, i, o, u, y), less a silent final "e" (but not in "-le"
 * after a consonant) and a silent "-ed" or "-es", at least one per word; a hyphenated word is the
 * sum of its parts, and a number is counted as it is spoken in English ("45" is forty-five: three
 * syllables). The vowel-group rule is the usual one of readability software; it counts the
 * Flesch–Kincaid example sentence "The Australian platypus is seemingly a hybrid of a mammal and
 * reptilian creature." as 13 words and 24 syllables, grade 11.3, as published.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sentences the number of sentences (at least 1 when there are words)
 * @param words the number of words
 * @param syllables the number of syllables
 * @see io.candor.evidence.Citations#KINCAID_1975
 */
public record Readability(int sentences, int words, int syllables) {

  private static final String[] ONES = {"", "one", "two", "three", "four", "five", "six", "seven",
      "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
      "seventeen", "eighteen", "nineteen"};
  private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty",
      "seventy", "eighty", "ninety"};

  /**
   * Validates the counts.
   *
   * @param sentences the number of sentences (at least 1 when there are words)
   * @param words the number of words
   * @param syllables the number of syllables
   * @throws IllegalArgumentException if a count is negative, or there are words without a sentence
   */
  public Readability {
    Checks.atLeast("sentences", sentences, 0);
    Checks.atLeast("words", words, 0);
    Checks.atLeast("syllables", syllables, 0);
    if (words > 0 && sentences == 0) {
      throw new IllegalArgumentException("words need at least one sentence, were " + words);
    }
  }

  /**
   * Counts the sentences, words and syllables of a text.
   *
   * @param text English text
   * @return the counts
   * @throws IllegalArgumentException if the text has no words
   */
  public static Readability of(String text) {
    java.util.Objects.requireNonNull(text, "text");
    int sentences = 0;
    int words = 0;
    int syllables = 0;
    boolean wordsInSentence = false;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (isWordChar(c)) {
        int start = i;
        while (i < n && (isWordChar(text.charAt(i)) || isInnerPeriod(text, i))) {
          i++;
        }
        String token = text.substring(start, i);
        int s = tokenSyllables(token);
        if (s > 0) {
          words++;
          syllables += s;
          wordsInSentence = true;
        }
        continue;
      }
      boolean end = c == '\n'
          || ((c == '.' || c == '!' || c == '?' || c == ';' || c == ':')
              && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1))
                  || text.charAt(i + 1) == '"' || text.charAt(i + 1) == ')'));
      if (end && wordsInSentence) {
        sentences++;
        wordsInSentence = false;
      }
      i++;
    }
    if (wordsInSentence) {
      sentences++;
    }
    if (words == 0) {
      throw new IllegalArgumentException("the text has no words to measure");
    }
    return new Readability(sentences, words, syllables);
  }

  /**
   * The Flesch–Kincaid grade level.
   *
   * @return {@code 0.39 · words/sentences + 11.8 · syllables/words − 15.59}
   */
  public double grade() {
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
  }

  /**
   * Flesch's reading ease (higher is easier; 60–70 is plain English).
   *
   * @return {@code 206.835 − 1.015 · words/sentences − 84.6 · syllables/words}
   */
  public double readingEase() {
    return 206.835 - 1.015 * words / sentences - 84.6 * syllables / words;
  }

  /**
   * The syllables of one word (or number) by the rules in the class documentation.
   *
   * @param word a word, a number or a hyphenated compound
   * @return the syllables, at least 1 for anything with a letter or digit, else 0
   */
  public static int syllables(String word) {
    return tokenSyllables(java.util.Objects.requireNonNull(word, "word"));
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '\'' || c == '’' || c == '-';
  }

  /** A period between digits (a decimal point) belongs to the number. */
  private static boolean isInnerPeriod(String text, int i) {
    return (text.charAt(i) == '.' || text.charAt(i) == ',') && i > 0 && i + 1 < text.length()
        && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
  }

  private static int tokenSyllables(String token) {
    int total = 0;
    for (String part : token.split("-")) {
      String p = part.replace("'", "").replace("’", "");
      if (p.isEmpty()) {
        continue;
      }
      if (p.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.' || ch == ',')) {
        total += numberSyllables(p);
      } else if (p.chars().anyMatch(Character::isLetter)) {
        total += wordSyllables(p.toLowerCase(Locale.ROOT));
      } else {
        total += p.chars().anyMatch(Character::isDigit) ? 1 : 0;
      }
    }
    return total;
  }

  private static int wordSyllables(String w) {
    int groups = 0;
    boolean inVowel = false;
    for (int k = 0; k < w.length(); k++) {
      boolean v = isVowel(w.charAt(k));
      if (v && !inVowel) {
        groups++;
      }
      inVowel = v;
    }
    int len = w.length();
    if (groups > 1 && len > 2) {
      if (w.endsWith("e") && !w.endsWith("ee") && !w.endsWith("ie") && !w.endsWith("ye")
          && !(w.endsWith("le") && len > 2 && !isVowel(w.charAt(len - 3)))) {
        groups--;
      } else if (w.endsWith("ed") && len > 3 && w.charAt(len - 3) != 't'
          && w.charAt(len - 3) != 'd' && !isVowel(w.charAt(len - 3))) {
        groups--;
      } else if (w.endsWith("es") && len > 3 && silentEs(w)) {
        groups--;
      }
    }
    return Math.max(1, groups);
  }

  /** "-es" is silent unless it follows s, x, z, ch, sh, ge or ce (boxes, watches, pages). */
  private static boolean silentEs(String w) {
    int len = w.length();
    char before = w.charAt(len - 3);
    if (isVowel(before) || before == 's' || before == 'x' || before == 'z' || before == 'g'
        || before == 'c') {
      return false;
    }
    return !(before == 'h' && len > 4 && (w.charAt(len - 4) == 'c' || w.charAt(len - 4) == 's'));
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  }

  /** Syllables of a number read aloud in English (digits after a decimal point one by one). */
  private static int numberSyllables(String digits) {
    String clean = digits.replace(",", "");
    int dot = clean.indexOf('.');
    String whole = dot < 0 ? clean : clean.substring(0, dot);
    int s = 0;
    if (!whole.isEmpty()) {
      s += spoken(whole);
    }
    if (dot >= 0) {
      s += 1; // "point"
      for (char d : clean.substring(dot + 1).toCharArray()) {
        s += d == '0' ? 2 : wordSyllables(ONES[d - '0']); // "zero"
      }
    }
    return Math.max(1, s);
  }

  private static int spoken(String whole) {
    if (whole.length() > 9) {
      return whole.length(); // digit by digit
    }
    long v = Long.parseLong(whole);
    if (v == 0) {
      return 2; // "zero"
    }
    int s = 0;
    long millions = v / 1_000_000;
    long thousands = (v / 1_000) % 1_000;
    long rest = v % 1_000;
    if (millions > 0) {
      s += belowThousand((int) millions) + 2; // "million"
    }
    if (thousands > 0) {
      s += belowThousand((int) thousands) + 2; // "thousand"
    }
    if (rest > 0) {
      s += belowThousand((int) rest);
    }
    return s;
  }

  private static int belowThousand(int v) {
    int s = 0;
    if (v >= 100) {
      s += wordSyllables(ONES[v / 100]) + 2; // "hundred"
      v %= 100;
    }
    if (v >= 20) {
      s += wordSyllables(TENS[v / 10]);
      v %= 10;
    }
    if (v > 0) {
      s += wordSyllables(ONES[v]);
    }
    return s;
  }
}
