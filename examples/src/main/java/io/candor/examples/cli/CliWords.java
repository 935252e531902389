package io.candor.examples.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;

/**
 * Converts the words of an option (in any case) to the enum values they stand for; an unknown
 * word is an error listing the allowed ones. A subclass names the words in its constructor, and
 * doubles as the option's completion candidates, so {@code --help} can list them.
 *
 * @param <E> the value type
 */
abstract class CliWords<E> implements CommandLine.ITypeConverter<E>, Iterable<String> {

  private final Map<String, E> words = new LinkedHashMap<>();

  /** Pairs of word and value: {@code "reml", Estimation.REML, "ml", Estimation.ML}. */
  @SuppressWarnings("unchecked")
  CliWords(Object... wordValuePairs) {
    for (int i = 0; i < wordValuePairs.length; i += 2) {
      words.put((String) wordValuePairs[i], (E) wordValuePairs[i + 1]);
    }
  }

  @Override
  public E convert(String value) {
    E e = words.get(value.strip().toLowerCase(Locale.ROOT));
    if (e == null) {
      throw new CommandLine.TypeConversionException("expected one of " + String.join(", ", words.keySet())
          + " (case-insensitive) but was '" + value + "'");
    }
    return e;
  }

  @Override
  public java.util.Iterator<String> iterator() {
    return words.keySet().iterator();
  }
}
