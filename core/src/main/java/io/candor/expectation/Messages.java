package io.candor.expectation;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The words of every report, from the resource bundle {@code io/candor/expectation/messages}: a
 * translation is a file {@code messages_xx.properties} beside it, and keys it lacks fall back to the
 * English file. Patterns are {@link MessageFormat} patterns (a literal apostrophe is written twice);
 * numbers are formatted for the locale here and passed in as text.
 *
 * <p>Immutable and thread-safe.
 */
final class Messages {

  /** The base name of the bundle. */
  static final String BUNDLE = "io.candor.expectation.messages";

  private final ResourceBundle bundle;
  private final Locale locale;

  private Messages(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = locale;
  }

  /**
   * The messages for a locale (the English file where a translation lacks a key; English, numbers
   * included, for a language without a translation).
   */
  static Messages of(Locale locale) {
    Objects.requireNonNull(locale, "locale");
    ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale);
    if (!b.getLocale().equals(Locale.ROOT)
        && !b.getLocale().getLanguage().equals(locale.getLanguage())) {
      // getBundle fell back to the default locale's translation: the English file is wanted
      b = ResourceBundle.getBundle(BUNDLE, Locale.ROOT);
    }
    if (b.getLocale().equals(Locale.ROOT)
        && !locale.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
      // no translation for this language: the words are English, so are the numbers and the page
      return new Messages(b, Locale.ENGLISH);
    }
    return new Messages(b, locale);
  }

  /** The language of the words: the one asked for, or English where it has no translation. */
  Locale locale() {
    return locale;
  }

  /** The text of a key with its arguments filled in. */
  String text(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("the message bundle " + BUNDLE + " has no key " + key, e);
    }
    return new MessageFormat(pattern, locale).format(args);
  }

  /** A whole number for the locale. */
  String count(long n) {
    return NumberFormat.getIntegerInstance(locale).format(n);
  }

  /** A number with at most {@code decimals} decimals, for the locale. */
  String number(double v, int decimals) {
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMaximumFractionDigits(decimals);
    f.setMinimumFractionDigits(0);
    f.setGroupingUsed(true);
    return f.format(v + 0.0);
  }

  /** A share as a percentage with one decimal, for the locale ({@code 45.5 %}). */
  String percent(double share) {
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMaximumFractionDigits(1);
    f.setMinimumFractionDigits(1);
    return text("format.percent", f.format(100 * share + 0.0));
  }
}
