package io.candor.json;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits CSV text (RFC 4180: fields separated by one delimiter character, optionally quoted with
 * {@code "}, a quote inside a quoted field doubled, records ending in LF, CRLF or CR) into records
 * and fields, without creating an object per field: the fields of the current record are ranges
 * of {@link #text()}. A record is always whole in the buffer, which grows for very long records.
 *
 * <p>Lines are physical lines: a quoted field holding a line break makes the next record start
 * one line further down, and {@link #line()} is the line where the current record starts. Blank
 * lines (nothing, or only spaces and tabs, before the line break) are not records and are skipped.
 * A byte-order mark ({@code U+FEFF}) as the very first character is skipped, so a quoted first
 * field right after it is still quoted; anywhere else it is text.
 * A quote opens a quoted field only as the field's first character (after spaces); a quote inside
 * an unquoted field is an ordinary character. After a closing quote only spaces may come before
 * the delimiter or the end of the record.
 *
 * <p>Not thread-safe; one instance reads one input once.
 */
final class CsvRecords {

  private static final int NEED_MORE = -2;

  private final Reader in;
  private final char delimiter;
  private final String source;
  private char[] buf = new char[1 << 16];
  private int pos; // first char not yet consumed
  private int limit; // end of the chars read so far
  private boolean eof;
  private int nextLine = 1; // physical line at pos
  private long consumedBefore; // chars dropped from the buffer by compaction
  private boolean started; // past a byte-order mark at the very start

  private int line;
  private int fields;
  private boolean anyQuoted; // in the current record
  private int[] starts = new int[16];
  private int[] ends = new int[16];

  // scan state of a quoted field, to unescape it once the record is complete
  private boolean[] quoted = new boolean[16];

  CsvRecords(Reader in, char delimiter, String source) {
    this.in = in;
    this.delimiter = delimiter;
    this.source = source;
  }

  /** The buffer holding the current record's fields. */
  char[] text() {
    return buf;
  }

  /** Number of fields in the current record. */
  int fields() {
    return fields;
  }

  /** Start (inclusive) of field {@code f} in {@link #text()}. */
  int start(int f) {
    return starts[f];
  }

  /** End (exclusive) of field {@code f} in {@link #text()}. */
  int end(int f) {
    return ends[f];
  }

  /** Start of field {@code f} without its leading white space ({@link Character#isWhitespace}). */
  int strippedStart(int f) {
    int s = starts[f];
    int e = ends[f];
    while (s < e && isWhitespace(buf[s])) {
      s++;
    }
    return s;
  }

  /** End of field {@code f} without its trailing white space (as {@link String#strip()}). */
  int strippedEnd(int f) {
    int e = ends[f];
    if (e > starts[f] && !isWhitespace(buf[e - 1])) {
      return e; // the usual cell: nothing to strip
    }
    int s = strippedStart(f);
    while (e > s && isWhitespace(buf[e - 1])) {
      e--;
    }
    return e;
  }

  /** {@link Character#isWhitespace}, answered without a call for printable ASCII. */
  private static boolean isWhitespace(char c) {
    return c <= ' ' ? Character.isWhitespace(c) : c >= 0x7f && Character.isWhitespace(c);
  }

  /** Physical line (1-based) where the current record starts. */
  int line() {
    return line;
  }

  /** Characters consumed so far (for estimating how many records are left). */
  long consumed() {
    return consumedBefore + pos;
  }

  /**
   * Moves to the next record, skipping blank lines.
   *
   * @return false at the end of the input
   * @throws IOException if reading fails
   * @throws IllegalArgumentException for a quoted field that is not closed or text after a
   *     closing quote, naming the line and column
   */
  boolean next() throws IOException {
    while (true) {
      if (pos >= limit && !fill()) {
        return false;
      }
      if (!started) {
        started = true;
        if (buf[pos] == '\uFEFF') {
          pos++; // the byte-order mark Excel's "CSV UTF-8" and R's write.csv(fileEncoding = "UTF-8-BOM") write
          continue;
        }
      }
      int lines = scan();
      if (lines == NEED_MORE) {
        if (!fill()) {
          throw new IllegalStateException("unreachable: scan needs more input at the end");
        }
        continue;
      }
      if (fields == 1 && isBlank(starts[0], ends[0]) && !quoted[0]) {
        continue; // a blank line
      }
      unescape();
      return true;
    }
  }

  /**
   * Scans one record from {@code pos} without changing the buffer; on success sets the fields,
   * moves {@code pos} past the record's line break and returns the number of physical lines it
   * spans. Returns {@link #NEED_MORE} when the record is not complete in the buffer and more
   * input may follow.
   */
  private int scan() {
    final char[] b = buf;
    final char d = delimiter;
    int p = pos;
    int n = 0;
    anyQuoted = false;
    int breaks = 0; // line breaks inside quoted fields
    while (true) {
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, n * 2);
        ends = Arrays.copyOf(ends, n * 2);
        quoted = Arrays.copyOf(quoted, n * 2);
      }
      int fieldStart = p;
      int q = p;
      while (q < limit && b[q] == ' ' && d != ' ') {
        q++;
      }
      if (q < limit && b[q] == '"') {
        int content = q + 1;
        q = content;
        while (true) {
          if (q >= limit) {
            if (!eof) {
              return NEED_MORE;
            }
            throw new IllegalArgumentException(source + " line " + (nextLine + breaks)
                + ", column " + (n + 1) + ": a quoted field is not closed before the end of the"
                + " file (quote opened on line " + (nextLine + breaksBefore(fieldStart)) + ")");
          }
          char c = b[q];
          if (c == '"') {
            if (q + 1 >= limit && !eof) {
              return NEED_MORE;
            }
            if (q + 1 < limit && b[q + 1] == '"') {
              q += 2;
              continue;
            }
            break;
          }
          if (c == '\n') {
            breaks++;
          } else if (c == '\r') {
            if (q + 1 >= limit && !eof) {
              return NEED_MORE;
            }
            if (q + 1 >= limit || b[q + 1] != '\n') {
              breaks++;
            }
          }
          q++;
        }
        starts[n] = content;
        ends[n] = q; // the closing quote; unescape() fixes the end for doubled quotes
        quoted[n] = true;
        anyQuoted = true;
        q++;
        while (q < limit && b[q] == ' ' && d != ' ') {
          q++;
        }
        if (q >= limit && !eof) {
          return NEED_MORE;
        }
        if (q < limit && b[q] != d && b[q] != '\n' && b[q] != '\r') {
          throw new IllegalArgumentException(source + " line " + (nextLine + breaks) + ", column "
              + (n + 1) + ": unexpected text after the closing quote of a quoted field ("
              + describe(b[q]) + "); a quote inside a quoted field is written twice (\"\")");
        }
        p = q;
      } else {
        q = p;
        while (q < limit) {
          char c = b[q];
          if (c == d || c == '\n' || c == '\r') {
            break;
          }
          q++;
        }
        if (q >= limit && !eof) {
          return NEED_MORE;
        }
        starts[n] = fieldStart;
        ends[n] = q;
        quoted[n] = false;
        p = q;
      }
      n++;
      if (p < limit && b[p] == d) {
        p++;
        continue;
      }
      // end of the record: line break or end of input
      if (p < limit) {
        if (b[p] == '\r') {
          if (p + 1 >= limit && !eof) {
            return NEED_MORE;
          }
          p += p + 1 < limit && b[p + 1] == '\n' ? 2 : 1;
        } else {
          p++;
        }
      }
      fields = n;
      line = nextLine;
      nextLine += breaks + 1;
      pos = p;
      return breaks + 1;
    }
  }

  /** Line breaks inside quoted fields of the current record before {@code index}. */
  private int breaksBefore(int index) {
    int count = 0;
    for (int i = pos; i < index; i++) {
      if (buf[i] == '\n' || (buf[i] == '\r' && (i + 1 >= limit || buf[i + 1] != '\n'))) {
        count++;
      }
    }
    return count;
  }

  private static String describe(char c) {
    return c < ' ' ? String.format("character U+%04X", (int) c) : "'" + c + "'";
  }

  /** Removes the doubled quotes of quoted fields, in place. */
  private void unescape() {
    if (!anyQuoted) {
      return;
    }
    for (int f = 0; f < fields; f++) {
      if (!quoted[f]) {
        continue;
      }
      int w = starts[f];
      for (int r = starts[f]; r < ends[f]; r++) {
        buf[w++] = buf[r];
        if (buf[r] == '"') {
          r++; // the second of a doubled quote
        }
      }
      ends[f] = w;
    }
  }

  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] != ' ' && buf[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * Keeps the unconsumed chars, growing the buffer if they fill it, and reads more.
   *
   * @return false when nothing more could be read
   */
  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      consumedBefore += pos;
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int read = in.read(buf, limit, buf.length - limit);
    if (read < 0) {
      eof = true;
      return limit > pos;
    }
    limit += read;
    return true;
  }
}
