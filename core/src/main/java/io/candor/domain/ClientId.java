package io.candor.domain;

import io.candor.internal.Checks;

/**
 * An opaque client identifier, as the embedding application assigns it. Candor never needs (and
 * should never be given) names or other identifying details.
 *
 * <p>Immutable and thread-safe; {@link #parse(CharSequence)} round-trips with {@link #toString()}.
 *
 * @param value 1 to 128 characters, no control characters, no invisible formatting characters
 *     (Unicode category Cf, such as a byte-order mark or a zero-width space), no leading or
 *     trailing white space
 */
public record ClientId(String value) implements Comparable<ClientId> {

  /**
   * Validates the identifier.
   *
   * @param value 1 to 128 characters, no control characters, no leading or trailing white space
   */
  public ClientId {
    Checks.nonBlank("client id", value);
    if (value.length() > 128) {
      throw new IllegalArgumentException(
          "client id must be at most 128 characters, was " + value.length());
    }
    if (!value.strip().equals(value)) {
      throw new IllegalArgumentException(
          "client id must not start or end with white space, was " + Checks.quote(value));
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= ' ' && c < 0x7f) {
        continue; // printable ASCII: neither a control nor a formatting character
      }
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            "client id must not contain control characters (position " + i + ")");
      }
      if (Character.getType(c) == Character.FORMAT) {
        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
            "client id must not contain invisible formatting characters (U+%04X at position %d):"
                + " two ids that look the same would be different clients", (int) c, i));
      }
    }
  }

  /**
   * The identifier with that text.
   *
   * @param value the identifier, not blank
   * @return the identifier with that text
   */
  public static ClientId of(String value) {
    return new ClientId(value);
  }

  /**
   * Parses the form produced by {@link #toString()}.
   *
   * @param text the text of a client id
   * @return the client id
   */
  public static ClientId parse(CharSequence text) {
    return new ClientId(text.toString());
  }

  @Override
  public int compareTo(ClientId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
