package io.candor.robustness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a refusal of bad input must look like, for the fuzz targets and the bad-input suites of the
 * library and the CLI: an {@link IllegalArgumentException} whose message is one line, names what
 * was wrong, and carries the one offending value, never a whole record: no line of the CSV input
 * (after its header; a list of the header's names aside), no JSON object or array of two
 * or more members from the input, no record's {@code toString()} ({@code Observation[session=1,
 * ...]}).
 *
 * <p>A CSV line counts as repeated only if the message holds it because the input holds it. Told
 * how to refuse other input ({@link #check(IllegalArgumentException, String, Function)}), the check
 * refuses the input again with that line altered (its letters' case swapped, or its digits
 * changed) and lets the line pass if the new message still holds the original line: then the text
 * is the message's own wording (a fuzzer learns to write lines such as {@code expected a decimal
 * number, was}) or comes from elsewhere, not from the line.
 */
public final class Refusals {

  /** Longer than this, a message is repeating input rather than naming one value. */
  public static final int MAX_MESSAGE = 1000;

  /** A record's toString: {@code Name[component=}. */
  private static final Pattern RECORD_TEXT = Pattern.compile("\\b[A-Z][A-Za-z0-9]*\\[[a-z][A-Za-z0-9]*=");

  /** Shorter CSV lines are too short to tell an echo from a coincidence. */
  private static final int SHORTEST_LINE = 6;

  /**
   * A value quoted and cut as Candor's messages cut the one offending value ({@code "…" (263
   * characters)}): the user's own text, at most 60 characters of it, a control character written
   * as its six-character escape (backslash, u, four hex digits) counting as one. The alternatives
   * exclude each other (a backslash starts an escape or is a character of its own), so a text has
   * one reading and the match takes linear time: overlapping ones made a quote of many escapes
   * that was not cut take exponential time.
   */
  private static final Pattern CUT_QUOTE = Pattern.compile(
      "\"(?:\\\\u[0-9a-f]{4}|\\\\(?!u[0-9a-f]{4})|[^\\\\]){0,64}?…\" \\(\\d+ characters\\)");

  private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\n|\\r");

  private static final JsonMapper PLAIN = JsonMapper.builder().build();

  private Refusals() {}

  /**
   * Checks a refusal's message.
   *
   * @param e the refusal
   */
  public static void check(IllegalArgumentException e) {
    checkMessage(e.getMessage());
  }

  /**
   * Checks a refusal's message against the input it refused.
   *
   * @param e the refusal
   * @param input the text that was refused (CSV or JSON)
   */
  public static void check(IllegalArgumentException e, String input) {
    checkMessage(e.getMessage(), input);
  }

  /**
   * Checks a refusal's message against the input it refused, telling a line the message repeats
   * from a line that merely copies the message's own words by refusing the input again with that
   * line altered.
   *
   * @param e the refusal
   * @param input the text that was refused (CSV or JSON)
   * @param refusal what refusing other input says: the message, or empty if that input is
   *     accepted
   */
  public static void check(IllegalArgumentException e, String input,
      Function<String, Optional<String>> refusal) {
    checkMessage(e.getMessage(), input, refusal);
  }

  /**
   * Checks a message: one line, not blank, not too long, no record's toString.
   *
   * @param m the message
   */
  public static void checkMessage(String m) {
    checkShape(m);
    assertNoRecordText(m, "");
  }

  /**
   * Checks a refusal whose message may quote the user's own text (a form field's value, an
   * argument): one line, not blank, not too long, and no record's toString other than text the
   * input itself holds.
   *
   * @param e the refusal
   * @param input the text that was refused
   */
  public static void checkQuoting(IllegalArgumentException e, String input) {
    checkShape(e.getMessage());
    assertNoRecordText(e.getMessage(), input);
  }

  /** One line, not blank, not too long. */
  private static void checkShape(String m) {
    assertNotNull(m, "a refusal without a message");
    assertFalse(m.isBlank(), "a refusal with a blank message");
    assertFalse(m.indexOf('\n') >= 0 || m.indexOf('\r') >= 0, () -> "a message of several lines: " + m);
    assertTrue(m.length() <= MAX_MESSAGE,
        () -> "a message of " + m.length() + " characters: " + m.substring(0, 200) + "...");
  }

  /**
   * No text in the message that looks like the start of a record's toString ({@code
   * Observation[session=}), unless the input holds that very text: then the message quotes what
   * the user wrote, not a record.
   */
  private static void assertNoRecordText(String m, String input) {
    Matcher record = RECORD_TEXT.matcher(m);
    while (record.find()) {
      String text = record.group();
      assertTrue(input.contains(text), () -> "a message with a record's toString: " + m);
    }
  }

  /**
   * Checks a message, and that it repeats no record of the input.
   *
   * @param m the message
   * @param input the CSV or JSON text that was refused
   */
  public static void checkMessage(String m, String input) {
    checkMessage(m, input, other -> Optional.empty());
  }

  /**
   * Checks a message, and that it repeats no record of the input; a CSV line the message holds is
   * repeated unless the message for the input with that line altered holds it too.
   *
   * @param m the message
   * @param input the CSV or JSON text that was refused
   * @param refusal what refusing other input says: the message, or empty if that input is
   *     accepted
   */
  public static void checkMessage(String m, String input, Function<String, Optional<String>> refusal) {
    checkShape(m);
    assertNoRecordText(m, input);
    JsonNode root = null;
    try {
      root = PLAIN.readTree(input);
    } catch (JacksonException e) {
      // not JSON: look for CSV lines
    }
    String checked = checked(m);
    if (root != null) {
      assertNoObjectEchoed(checked, root, root, refusal);
      return;
    }
    List<String> lines = lines(input);
    boolean[] rows = rows(input, lines.size());
    Map<String, Integer> held = new LinkedHashMap<>(); // each line the message holds, first number
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (rows[i] && line.length() >= SHORTEST_LINE && fields(line) >= 2 && checked.contains(line)) {
        held.putIfAbsent(line, i + 1);
      }
    }
    Set<String> own = held.size() < 2 ? Set.of() : ownWords(held.keySet(), lines, rows, refusal);
    held.forEach((line, number) -> {
      if (!own.contains(line) && !ownWords(Set.of(line), lines, rows, refusal).contains(line)) {
        throw new AssertionError("the message repeats line " + number + " of the input: " + m);
      }
    });
  }

  /** The physical lines of the text (ending in LF, CRLF or CR), with their line breaks. */
  private static List<String> lines(String input) {
    List<String> lines = new ArrayList<>();
    Matcher breaks = LINE_BREAK.matcher(input);
    int start = 0;
    while (breaks.find(start)) {
      lines.add(input.substring(start, breaks.end()));
      start = breaks.end();
    }
    lines.add(input.substring(start));
    return lines;
  }

  /**
   * Which physical lines start a record after the header, for every delimiter Candor reads: not
   * the blank lines before the header (the reader skips them), not the header's lines, not a line
   * that starts inside a quoted field (a name or value holding a line break; as the reader splits
   * records, a quote opens a quoted field only as a field's first character, after spaces, and a
   * doubled quote inside is a quote).
   *
   * @param input the text
   * @return for each physical line, whether it starts a record after the header
   */
  static boolean[] rows(String input) {
    return rows(input, lines(input).size());
  }

  private static boolean[] rows(String input, int count) {
    boolean[] rows = new boolean[count];
    java.util.Arrays.fill(rows, true);
    for (char d : new char[] {',', ';', '\t'}) {
      boolean[] forD = rows(input, count, d);
      for (int i = 0; i < count; i++) {
        rows[i] &= forD[i];
      }
    }
    return rows;
  }

  private static boolean[] rows(String input, int count, char delimiter) {
    boolean[] rows = new boolean[count];
    int line = 0;
    boolean headerSeen = false;
    boolean quoted = false;
    boolean fieldStart = true;
    boolean startsOutside = true;
    boolean blank = true;
    for (int i = input.startsWith("\uFEFF") ? 1 : 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c == '\n' || c == '\r') {
        i += c == '\r' && i + 1 < input.length() && input.charAt(i + 1) == '\n' ? 1 : 0;
        headerSeen |= startsOutside && !blank;
        line++;
        startsOutside = !quoted;
        rows[line] = startsOutside && headerSeen;
        blank = true;
        fieldStart |= !quoted;
        continue;
      }
      blank &= c == ' ' || c == '\t';
      if (quoted) {
        if (c == '"' && i + 1 < input.length() && input.charAt(i + 1) == '"') {
          i++;
        } else if (c == '"') {
          quoted = false;
          fieldStart = false;
        }
      } else if (c == delimiter) {
        fieldStart = true;
      } else if (c == '"' && fieldStart) {
        quoted = true;
      } else if (c != ' ') {
        fieldStart = false;
      }
    }
    return rows;
  }

  /**
   * Which of these lines the message holds whatever the input's lines say: refused again with
   * every record's line equal to one of them altered (not a line inside a quoted field), the
   * input gives a message that still holds the original line. All are altered in one refusal,
   * which makes a message repeating many lines cost one refusal rather than one each; a line whose
   * altered form holds another of them is then no evidence, so then none is found (each line is
   * checked alone).
   */
  private static Set<String> ownWords(Set<String> held, List<String> lines, boolean[] rows,
      Function<String, Optional<String>> refusal) {
    Map<String, String> changed = new HashMap<>();
    for (String line : held) {
      String altered = altered(line);
      for (String other : held) {
        if (altered.contains(other)) {
          return Set.of();
        }
      }
      changed.put(line, altered);
    }
    StringBuilder other = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      String line = LINE_BREAK.matcher(raw).replaceAll("").strip();
      other.append(rows[i] && changed.containsKey(line)
          ? raw.replace(line, changed.get(line)) : raw);
    }
    return refusal.apply(other.toString())
        .map(again -> {
          String checked = checked(again);
          Set<String> own = new HashSet<>();
          for (String line : held) {
            if (checked.contains(line)) {
              own.add(line);
            }
          }
          return own;
        })
        .orElse(Set.of());
  }

  /**
   * The line with every letter's case swapped, or if it has no letter with a case, every digit
   * changed ({@code 0} to {@code 1}, ..., {@code 9} to {@code 0}), or if it has neither, its first
   * character made {@code x}. The result differs from the line and has its length, so it does not
   * hold the line.
   */
  static String altered(String line) {
    StringBuilder b = new StringBuilder(line.length());
    line.codePoints().forEach(c -> b.appendCodePoint(Character.isUpperCase(c)
        ? Character.toLowerCase(c) : Character.toUpperCase(c)));
    if (!b.toString().equals(line)) {
      return b.toString();
    }
    b.setLength(0);
    line.codePoints().forEach(c -> b.appendCodePoint(c >= '0' && c <= '9' ? '0' + (c - '0' + 1) % 10 : c));
    if (!b.toString().equals(line)) {
      return b.toString();
    }
    return "x" + line.substring(line.offsetByCodePoints(0, 1));
  }

  /** The message as the checks read it: without the header's names and the one quoted value. */
  private static String checked(String m) {
    return withoutQuotedValue(withoutHeaderNames(m));
  }

  /**
   * The message without the list of the header's names ({@code the header has [...]}): naming the
   * header's columns is allowed, and a quoted name may hold what looks like a later line.
   */
  private static String withoutHeaderNames(String m) {
    int start = m.indexOf("the header has [");
    int end = m.lastIndexOf(']');
    return start < 0 || end < start ? m : m.substring(0, start) + m.substring(end + 1);
  }

  /**
   * The message without the one value it quotes ({@code was "..."}): quoting the offending value is
   * allowed, and a value may hold what looks like a later line (a cell ending in {@code 05,02"}
   * beside a line {@code 05,02"}).
   */
  private static String withoutQuotedValue(String m) {
    m = CUT_QUOTE.matcher(m).replaceAll("\"…\"");
    int start = m.indexOf("was \"");
    int end = m.lastIndexOf('"');
    return start < 0 || end < start + 4 ? m : m.substring(0, start) + m.substring(end + 1);
  }

  /** The fields of a CSV line, for any of the delimiters Candor reads, quotes respected. */
  private static int fields(String line) {
    int most = 1;
    for (char d : new char[] {',', ';', '\t'}) {
      int n = 1;
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (c == d && !quoted) {
          n++;
        }
      }
      most = Math.max(most, n);
    }
    return most;
  }

  /**
   * No JSON object or array of two or more members of the input in the message, unless the
   * message holds its text whatever the container says: refused again with the container's
   * values altered ({@link #alteredCopy}), the input gives a message that still holds the
   * original text (a name the message quotes may copy an array's text).
   */
  private static void assertNoObjectEchoed(String m, JsonNode node, JsonNode root,
      Function<String, Optional<String>> refusal) {
    if (node == null || !node.isContainer()) {
      return;
    }
    if (node.size() >= 2) {
      for (String text : List.of(node.toString(), node.toPrettyString())) {
        if (m.contains(text)
            && !refusal.apply(PLAIN.writeValueAsString(alteredCopy(root, node, false)))
                .map(again -> checked(again).contains(text)).orElse(false)) {
          throw new AssertionError("the message repeats a JSON "
              + (node.isObject() ? "object" : "array") + " of the input: " + m);
        }
      }
    }
    for (JsonNode child : node) {
      assertNoObjectEchoed(m, child, root, refusal);
    }
  }

  /**
   * A copy of {@code node} with the values inside {@code target} (the very node) altered: a
   * number negated (0 made 1), a string {@link #altered}, a boolean flipped, a null made a string;
   * names are kept. {@code alter} says whether {@code node} is inside {@code target} already.
   */
  private static JsonNode alteredCopy(JsonNode node, JsonNode target, boolean alter) {
    boolean inside = alter || node == target;
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node.isObject()) {
      ObjectNode o = f.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        o.set(e.getKey(), alteredCopy(e.getValue(), target, inside));
      }
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = f.arrayNode();
      for (JsonNode child : node) {
        a.add(alteredCopy(child, target, inside));
      }
      return a;
    }
    if (!inside) {
      return node;
    }
    if (node.isNumber()) {
      return node.decimalValue().signum() == 0 ? f.numberNode(1)
          : f.numberNode(node.decimalValue().negate());
    }
    if (node.isString()) {
      return f.stringNode(node.stringValue().isEmpty() ? "x" : altered(node.stringValue()));
    }
    if (node.isBoolean()) {
      return f.booleanNode(!node.booleanValue());
    }
    return f.stringNode("x");
  }
}
