package io.candor.json;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns Jackson's exceptions into Candor's one-line messages: the JSON path in Candor's notation
 * ({@code value.fixedEffects[1]}), Jackson's own explanation without its source-location noise
 * ({@code [Source: REDACTED ...]}), and the line and column for text that is not JSON at all.
 */
final class JsonErrors {

  /** Jackson's location tag when the source is not included ("start marker at [Source: ...]"). */
  private static final Pattern SOURCE =
      Pattern.compile("\\s*\\(?(?:start marker )?at \\[Source: [^\\]]*\\]\\)?|\\s*\\[Source: [^\\]]*\\]");

  /** Jackson's message for an absent record component. */
  private static final Pattern MISSING = Pattern.compile("Missing (?:required )?creator property '([^']+)'");

  /** Jackson's message for a field the record does not have, with the known ones. */
  private static final Pattern UNKNOWN =
      Pattern.compile("^Unrecognized (?:property|field) .*known properties: \\[?([^\\]]*)\\]?\\)?");

  /** The longest explanation taken from Jackson. */
  private static final int LONGEST = 300;

  private JsonErrors() {}

  /**
   * One line for a failure while binding a tree: {@code root.path: explanation}.
   *
   * @param root the path of the node being bound, e.g. {@code document.value}
   * @param e Jackson's exception
   */
  static String describe(String root, JacksonException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      Collection<Object> known = u.getKnownPropertyIds();
      return path(root, e) + " is not a known field" + (known == null || known.isEmpty() ? ""
          : "; allowed: " + known.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
    String message = clean(e.getOriginalMessage());
    Matcher missing = MISSING.matcher(message);
    if (missing.find()) {
      String at = path(root, e);
      return (at.endsWith("." + missing.group(1)) ? at : at + "." + missing.group(1)) + " is missing";
    }
    Matcher unknown = UNKNOWN.matcher(message);
    if (unknown.find()) {
      return path(root, e) + " is not a known field; allowed: " + unknown.group(1).replace("\"", "");
    }
    return path(root, e) + ": " + message;
  }

  /**
   * The exception for a failure while binding the tree at {@code root} to a type: the JSON path of
   * the value and what was wrong with it, whether Jackson, a Candor deserializer or a record's
   * constructor found it.
   *
   * @param root the path of the node being bound, e.g. {@code reliableChange}
   * @param e Jackson's exception
   */
  static IllegalArgumentException binding(String root, JacksonException e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)
        && !(cause instanceof NullPointerException)) {
      cause = cause.getCause();
    }
    if (cause instanceof JsonNumbers.ValueError v) {
      return new IllegalArgumentException(v.after(path(root, e)), e);
    }
    if (cause instanceof IllegalArgumentException) {
      return new IllegalArgumentException(path(root, e) + ": " + cause.getMessage(), e);
    }
    if (cause instanceof NullPointerException && cause.getMessage() != null) {
      // a record's requireNonNull(x, "name") names the component that was null
      return new IllegalArgumentException(path(root, e) + "." + cause.getMessage() + " must not be null", e);
    }
    return new IllegalArgumentException(describe(root, e), e);
  }

  /**
   * The path of the failure below {@code root} in Candor's notation.
   *
   * @param root the path of the node being bound
   * @param e Jackson's exception
   */
  static String path(String root, JacksonException e) {
    StringBuilder path = new StringBuilder(root);
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        path.append('.').append(JsonIn.key(r.getPropertyName()));
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /**
   * One line for text that could not be parsed, with the line and column where parsing stopped.
   *
   * @param what what the text should have been, e.g. {@code "not valid JSON"}
   * @param e Jackson's exception
   */
  static String parse(String what, JacksonException e) {
    TokenStreamLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 1 ? ""
        : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    return what + where + ": " + clean(e.getOriginalMessage());
  }

  /**
   * Jackson's message without source locations, on one line, and cut after {@value #LONGEST}
   * characters: Jackson quotes the offending text, which may be long.
   */
  static String clean(String message) {
    if (message == null) {
      return "invalid JSON";
    }
    String one = SOURCE.matcher(message).replaceAll("").replace('\n', ' ').replace('\r', ' ').strip();
    return one.length() <= LONGEST ? one : one.substring(0, LONGEST - 1) + "\u2026";
  }
}
