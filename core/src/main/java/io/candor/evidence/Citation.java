package io.candor.evidence;

import io.candor.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * A published source: who, when, what and where, with a short stable key.
 *
 * <p>Every default number in Candor is a {@link Sourced} value that points at one of these. The
 * {@link #key()} is stable across releases and is what the JSON wire format stores.
 *
 * <p>Immutable and thread-safe.
 *
 * @param key short stable identifier, e.g. {@code "kroenke2001"}; letters, digits, '-' and '_'
 * @param authors author list as usually cited, e.g. {@code "Kroenke K, Spitzer RL, Williams JBW"}
 * @param year publication year
 * @param title title of the work
 * @param where journal with volume and first page, or publisher
 * @param doi DOI or stable URL, when there is one
 */
public record Citation(
    String key, String authors, int year, String title, String where, Optional<String> doi) {

  /**
   * Validates every component.
   *
   * @param key short stable identifier, e.g. {@code "kroenke2001"}; letters, digits, '-' and '_'
   * @param authors author list as usually cited, e.g. {@code "Kroenke K, Spitzer RL, Williams JBW"}
   * @param year publication year
   * @param title title of the work
   * @param where journal with volume and first page, or publisher
   * @param doi DOI or stable URL, when there is one
   */
  public Citation {
    Checks.nonBlank("key", key);
    if (!key.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException(
          "key may hold only letters, digits, '-' and '_', was " + Checks.quote(key));
    }
    Checks.nonBlank("authors", authors);
    Checks.inRange("year", year, 1800, 2100);
    Checks.nonBlank("title", title);
    Checks.nonBlank("where", where);
    Objects.requireNonNull(doi, "doi");
  }

  /**
   * A citation with a DOI or URL.
   *
   * @param key the citation key, e.g. {@code kroenke2001}
   * @param authors the authors, e.g. {@code "Kroenke K, Spitzer RL, Williams JBW"}
   * @param year the year of publication
   * @param title the title
   * @param where the journal, volume and pages, or the publisher
   * @param doi a DOI ({@code doi:...}) or a URL
   * @return a citation with a DOI or URL
   */
  public static Citation of(
      String key, String authors, int year, String title, String where, String doi) {
    return new Citation(key, authors, year, title, where, Optional.of(doi));
  }

  /**
   * A citation without a DOI.
   *
   * @param key the citation key, e.g. {@code kroenke2001}
   * @param authors the authors, e.g. {@code "Kroenke K, Spitzer RL, Williams JBW"}
   * @param year the year of publication
   * @param title the title
   * @param where the journal, volume and pages, or the publisher
   * @return a citation without a DOI
   */
  public static Citation of(String key, String authors, int year, String title, String where) {
    return new Citation(key, authors, year, title, where, Optional.empty());
  }

  /**
   * Short author–year form: "Kroenke et al. 2001", "Andrews &amp; Slade 2001", "Hsu 1989". Authors
   * are read as a comma-separated list whose entries start with the surname.
   *
   * @return the author–year form
   */
  public String shortForm() {
    java.util.List<String> names = surnames();
    String first = names.get(0);
    String who =
        names.size() == 1 ? first : names.size() == 2 ? first + " & " + names.get(1) : first + " et al.";
    return who + " " + year;
  }

  /**
   * The authors' surnames (or an organisation's full name), in order: "Kroenke K, Spitzer RL" gives
   * Kroenke and Spitzer. For citing in another language or style than {@link #shortForm()}.
   *
   * @return at least one name
   */
  public java.util.List<String> surnames() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (String a : authors.split(",\\s*")) {
      out.add(surname(a));
    }
    return java.util.List.copyOf(out);
  }

  private static String surname(String author) {
    String a = author.strip();
    int space = a.lastIndexOf(' ');
    // "Kroenke K" -> "Kroenke"; an organisation keeps its full name
    if (space > 0 && a.substring(space + 1).chars().allMatch(Character::isUpperCase)) {
      return a.substring(0, space);
    }
    return a;
  }

  @Override
  public String toString() {
    return authors + " (" + year + "). " + title + ". " + where + doi.map(d -> ". " + d).orElse("");
  }
}
