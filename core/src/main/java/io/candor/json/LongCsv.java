package io.candor.json;

import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Trajectory;
import io.candor.internal.Checks;
import io.candor.internal.RowGroups;
import io.candor.measure.Instrument;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes long-format CSV: a header row, then one row per client and time. Every command
 * of the {@code candor} tool reads its data through this one reader, with one set of rules.
 *
 * <p><b>The rules.</b> Reading is strict and nothing is skipped, merged or guessed; every error
 * names the file, the line and, for a cell, the column (its number and header name):
 *
 * <ul>
 *   <li>the file is UTF-8 text (a byte-order mark, as Excel's "CSV UTF-8" writes, is ignored);
 *       fields are separated by the {@linkplain #delimiter() delimiter} (a comma unless set),
 *       quoted with {@code "} where they hold the delimiter, a quote or a line break (RFC 4180);
 *       records end in LF, CRLF or CR; blank lines are skipped;
 *   <li>the header names each column once and has every requested column; every row has as many
 *       fields as the header;
 *   <li>a client id is a valid {@link ClientId} (not blank, at most 128 characters, no control
 *       characters; surrounding spaces are removed);
 *   <li>a number is a plain decimal, {@code [+-]?(d+[.]?d*|[.]d+)([eE][+-]?d+)?} with the
 *       {@linkplain #decimalMark() decimal mark} ({@code 15.5}, or {@code 15,5} with {@link
 *       DecimalMark#COMMA}); an empty cell, {@code NA}, {@code NaN}, text, hexadecimal,
 *       {@code Infinity}, a thousands separator or a type suffix ({@code 1d}) is an error, and so
 *       is a magnitude above 2<sup>53</sup> = 9,007,199,254,740,992 (beyond it a double no longer
 *       holds every whole number, and squares of such values overflow in model fitting);
 *   <li>a client has at most one row per time (a repeated session is an error naming both lines);
 *   <li>covariates and attributes are client-level: the same value on every row of a client;
 *   <li>with an {@linkplain #withInstrument instrument}, every score lies in its range and on its
 *       resolution grid ({@link Instrument#checkRecordedScore}: 15.5 is not a PHQ-9 score).
 * </ul>
 *
 * <p>Whether times must be whole session numbers depends on the use: {@link
 * LongTable#toCohort} requires them, a growth model ({@link LongTable#toGrowthData()}) takes any
 * finite time.
 *
 * <pre>{@code
 * LongTable t = LongCsv.withDefaults().withInstrument(Instruments.PHQ9)
 *     .read(Path.of("scores.csv"), LongCsv.columns("client", "session", "phq9").withCovariates("age"));
 * Cohort cohort = t.toCohort(Instruments.PHQ9);
 * }</pre>
 *
 * <p>The reader parses characters straight into primitive columns (no object per row or cell), at
 * a few million rows a second. Immutable and thread-safe.
 */
public final class LongCsv {

  /** The largest magnitude a number may have: 2<sup>53</sup>. */
  public static final double MAX_MAGNITUDE = 9007199254740992.0;

  private static final LongCsv DEFAULTS = new LongCsv(',', DecimalMark.POINT, Optional.empty());

  private final char delimiter;
  private final DecimalMark decimalMark;
  private final Optional<Instrument> instrument;

  private LongCsv(char delimiter, DecimalMark decimalMark, Optional<Instrument> instrument) {
    this.delimiter = delimiter;
    this.decimalMark = decimalMark;
    this.instrument = instrument;
  }

  /** The character between the integer and the fractional part of a number. */
  public enum DecimalMark {
    /** {@code 15.5}: the default, and what R, Python and English-language spreadsheets write. */
    POINT('.'),
    /**
     * {@code 15,5}: what spreadsheets in much of Europe write; needs a delimiter other than the
     * comma (usually {@code ;}).
     */
    COMMA(',');

    private final char mark;

    DecimalMark(char mark) {
      this.mark = mark;
    }

    /**
     * The mark itself.
     *
     * @return {@code '.'} or {@code ','}
     */
    public char mark() {
      return mark;
    }
  }

  /**
   * The defaults: comma-separated, decimal point, no instrument (any number in range is a score).
   *
   * @return the default reader
   */
  public static LongCsv withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy that separates fields with this character: {@code ','} (default), {@code ';'} (what
   * spreadsheets write where the comma is the decimal mark), tab or {@code '|'}.
   *
   * @param delimiter the field separator
   * @return the copy
   * @throws IllegalArgumentException for any other character
   */
  public LongCsv withDelimiter(char delimiter) {
    if (delimiter != ',' && delimiter != ';' && delimiter != '\t' && delimiter != '|') {
      throw new IllegalArgumentException("delimiter must be ',', ';', tab or '|', was "
          + (delimiter < ' ' ? String.format(Locale.ROOT, "U+%04X", (int) delimiter)
              : "'" + delimiter + "'"));
    }
    return new LongCsv(delimiter, decimalMark, instrument);
  }

  /**
   * A copy with this decimal mark.
   *
   * @param mark the decimal mark
   * @return the copy
   */
  public LongCsv with(DecimalMark mark) {
    return new LongCsv(delimiter, Objects.requireNonNull(mark, "mark"), instrument);
  }

  /**
   * A copy that checks every score against the instrument: its range and its resolution.
   *
   * @param instrument the instrument the scores are on
   * @return the copy
   */
  public LongCsv withInstrument(Instrument instrument) {
    return new LongCsv(
        delimiter, decimalMark, Optional.of(Objects.requireNonNull(instrument, "instrument")));
  }

  /**
   * The field separator.
   *
   * @return the delimiter
   */
  public char delimiter() {
    return delimiter;
  }

  /**
   * The decimal mark.
   *
   * @return the mark
   */
  public DecimalMark decimalMark() {
    return decimalMark;
  }

  /**
   * The instrument scores are checked against, if any.
   *
   * @return the instrument
   */
  public Optional<Instrument> instrument() {
    return instrument;
  }

  /**
   * Which columns to read.
   *
   * @param id client-id column
   * @param time time (session) column
   * @param score outcome column
   * @param covariates numeric client-level columns
   * @param attributes text client-level columns (e.g. a grouping variable)
   */
  public record Columns(
      String id, String time, String score, List<String> covariates, List<String> attributes) {

    /**
     * Validates the names.
     *
     * @param id client-id column
     * @param time time (session) column
     * @param score outcome column
     * @param covariates numeric client-level columns
     * @param attributes text client-level columns (e.g. a grouping variable)
     * @throws IllegalArgumentException if a name is blank or a column is requested twice
     */
    public Columns {
      Checks.nonBlank("id column", id);
      Checks.nonBlank("time column", time);
      Checks.nonBlank("score column", score);
      covariates = List.copyOf(Checks.noNulls("covariates", covariates));
      attributes = List.copyOf(Checks.noNulls("attributes", attributes));
      List<String> all = new ArrayList<>(List.of(id, time, score));
      all.addAll(covariates);
      all.addAll(attributes);
      for (int i = 0; i < all.size(); i++) {
        Checks.nonBlank("column name", all.get(i));
        if (all.indexOf(all.get(i)) != i) {
          throw new IllegalArgumentException(
              "column " + Checks.quote(all.get(i))
                  + " is requested twice; each column has one role");
        }
      }
    }

    /**
     * A copy that also reads these numeric client-level covariates.
     *
     * @param names header names
     * @return the copy
     */
    public Columns withCovariates(String... names) {
      List<String> list = new ArrayList<>(covariates);
      list.addAll(Arrays.asList(names));
      return new Columns(id, time, score, list, attributes);
    }

    /**
     * A copy that also reads these client-level text attributes.
     *
     * @param names header names
     * @return the copy
     */
    public Columns withAttributes(String... names) {
      List<String> list = new ArrayList<>(attributes);
      list.addAll(Arrays.asList(names));
      return new Columns(id, time, score, covariates, list);
    }
  }

  /**
   * The id, time and score columns, no covariates or attributes.
   *
   * @param id client-id column
   * @param time time (session) column
   * @param score outcome column
   * @return the columns
   */
  public static Columns columns(String id, String time, String score) {
    return new Columns(id, time, score, List.of(), List.of());
  }

  /**
   * Reads a UTF-8 file.
   *
   * @param file the file
   * @param columns which columns to read
   * @return the table
   * @throws IllegalArgumentException naming the line and column of the first bad cell, the
   *     missing header column, or a conflicting configuration (a decimal comma with the comma as
   *     delimiter)
   * @throws UncheckedIOException if the file cannot be read
   */
  public LongTable read(Path file, Columns columns) {
    Objects.requireNonNull(file, "file");
    try (Reader r = new Utf8Reader(Files.newInputStream(file))) {
      return read(r, file.toString(), columns, Files.size(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads from a reader; {@code source} names it in messages. The reader is not closed.
   *
   * @param reader the text
   * @param source a name for messages (e.g. the file name)
   * @param columns which columns to read
   * @return the table
   * @throws IllegalArgumentException naming the line and column of the first bad cell
   * @throws UncheckedIOException if reading fails
   */
  public LongTable read(Reader reader, String source, Columns columns) {
    try {
      return read(reader, source, columns, -1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  private LongTable read(Reader reader, String source, Columns columns, long sizeHint)
      throws IOException {
    Objects.requireNonNull(reader, "reader");
    Checks.nonBlank("source", source);
    Objects.requireNonNull(columns, "columns");
    if (decimalMark == DecimalMark.COMMA && delimiter == ',') {
      throw new IllegalArgumentException(
          "a decimal comma needs another delimiter (';' or tab): with ',' as both, 15,5 would be"
              + " two fields");
    }
    CsvRecords records = new CsvRecords(reader, delimiter, source);
    try {
      return new Reading(this, records, source, columns, sizeHint).run();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(source + " is not UTF-8 text (after line "
          + records.line() + "); save it as \"CSV UTF-8\"", e);
    }
  }

  /**
   * Writes a cohort in long format with the header {@code id,scale,session,score} (plus
   * {@code date} when any observation has one), comma-separated with a decimal point. Scores are
   * written in their shortest exact decimal form, so reading the file back gives the same
   * doubles.
   *
   * @param cohort the cohort
   * @param out where to write (flushed, not closed)
   * @throws UncheckedIOException if writing fails
   */
  public static void write(Cohort cohort, Writer out) {
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(out, "out");
    boolean dates = cohort.toLong().stream().anyMatch(r -> r.date().isPresent());
    try {
      out.write(dates ? "id,scale,session,date,score\n" : "id,scale,session,score\n");
      StringBuilder sb = new StringBuilder(64);
      for (Trajectory t : cohort.trajectories()) {
        String id = quote(t.client().value());
        String scale = quote(t.scale().id());
        for (int i = 0; i < t.size(); i++) {
          sb.setLength(0);
          sb.append(id).append(',').append(scale).append(',').append(t.sessionAt(i)).append(',');
          if (dates) {
            t.observations().get(i).date().ifPresent(sb::append);
            sb.append(',');
          }
          sb.append(Checks.fmt(t.scoreAt(i))).append('\n');
          out.write(sb.toString());
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Quotes a CSV field when it holds a comma, quote or line break. */
  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0
        && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LongCsv other
        && delimiter == other.delimiter
        && decimalMark == other.decimalMark
        && instrument.equals(other.instrument);
  }

  @Override
  public int hashCode() {
    return Objects.hash(delimiter, decimalMark, instrument);
  }

  @Override
  public String toString() {
    return "LongCsv[delimiter=" + (delimiter == '\t' ? "tab" : "'" + delimiter + "'")
        + ", decimalMark=" + decimalMark
        + ", instrument=" + instrument.map(Instrument::id).orElse("none") + "]";
  }

  /** One pass over one input: the header, then every row into growing primitive columns. */
  private static final class Reading {
    private final CsvRecords in;
    private final String source;
    private final Columns columns;
    private final long sizeHint;
    private final char mark;
    private final Instrument instrument;

    private int headerFields;
    private int idCol;
    private int timeCol;
    private int scoreCol;
    private int[] covCols;
    private int[] attCols;

    // rows
    private int n;
    private int[] clientOf = new int[1024];
    private double[] times = new double[1024];
    private double[] scores = new double[1024];
    private final LineMap lines = new LineMap();

    // clients
    private final IdTable clientIndex = new IdTable();
    private String[] clientIds = new String[256];
    private int[] firstRow = new int[256];
    private double[][] covByClient;
    private String[][] attByClient;
    private int m;

    // the previous row, for the common case of a client's rows one after another
    private char[] previousId = new char[32];
    private int previousIdLength = -1;
    private int previousClient = -1;
    private double previousTime;
    private int previousRow = -1;
    private boolean needsDuplicateCheck;

    Reading(LongCsv config, CsvRecords in, String source, Columns columns, long sizeHint) {
      this.in = in;
      this.source = source;
      this.columns = columns;
      this.sizeHint = sizeHint;
      this.mark = config.decimalMark.mark();
      this.instrument = config.instrument.orElse(null);
    }

    LongTable run() throws IOException {
      header();
      covByClient = new double[covCols.length][clientIds.length];
      attByClient = new String[attCols.length][clientIds.length];
      while (in.next()) {
        row();
      }
      if (needsDuplicateCheck) {
        checkDuplicatesAcrossRows();
      }
      Map<String, double[]> cov = new LinkedHashMap<>();
      for (int k = 0; k < covCols.length; k++) {
        cov.put(columns.covariates().get(k), Arrays.copyOf(covByClient[k], m));
      }
      Map<String, String[]> att = new LinkedHashMap<>();
      for (int k = 0; k < attCols.length; k++) {
        att.put(columns.attributes().get(k), Arrays.copyOf(attByClient[k], m));
      }
      return new LongTable(source, List.of(Arrays.copyOf(clientIds, m)), n, clientOf,
          times, scores, lines, cov, att,
          "column " + (timeCol + 1) + " (" + columns.time() + ")",
          "column " + (scoreCol + 1) + " (" + columns.score() + ")");
    }

    private void header() throws IOException {
      if (!in.next()) {
        throw new IllegalArgumentException(source + " is empty: expected a header row");
      }
      headerFields = in.fields();
      Map<String, Integer> index = new LinkedHashMap<>();
      for (int c = 0; c < headerFields; c++) {
        String name = text(c);
        if (index.putIfAbsent(name, c) != null) {
          throw new IllegalArgumentException(source + " line " + in.line() + ": column "
              + Checks.quote(name) + " appears twice in the header");
        }
      }
      idCol = column(index, columns.id());
      timeCol = column(index, columns.time());
      scoreCol = column(index, columns.score());
      covCols = columns(index, columns.covariates());
      attCols = columns(index, columns.attributes());
    }

    private int[] columns(Map<String, Integer> index, List<String> names) {
      int[] cols = new int[names.size()];
      for (int k = 0; k < cols.length; k++) {
        cols[k] = column(index, names.get(k));
      }
      return cols;
    }

    private int column(Map<String, Integer> index, String name) {
      Integer c = index.get(name);
      if (c == null) {
        throw new IllegalArgumentException(source + " line " + in.line() + ": column " + Checks.quote(name)
            + " not found; the header has " + names(index.keySet())
            + (index.size() == 1 && headerHasOtherDelimiter(index.keySet().iterator().next())
                ? " (one column: is the file separated by another delimiter?)" : ""));
      }
      return c;
    }

    /**
     * The header's names for a message: plain names as they are, others quoted and cut, and no
     * more than about 300 characters in all, then how many more there are.
     */
    private static String names(java.util.Collection<String> names) {
      StringBuilder sb = new StringBuilder("[");
      int shown = 0;
      for (String n : names) {
        if (sb.length() > 300) {
          sb.append(", \u2026 ").append(names.size() - shown).append(" more");
          break;
        }
        sb.append(shown++ == 0 ? "" : ", ")
            .append(n.length() <= Checks.QUOTED_LENGTH && n.chars().noneMatch(Character::isISOControl)
                ? n : Checks.quote(n));
      }
      return sb.append(']').toString();
    }

    private static boolean headerHasOtherDelimiter(String onlyColumn) {
      return onlyColumn.indexOf(',') >= 0 || onlyColumn.indexOf(';') >= 0
          || onlyColumn.indexOf('\t') >= 0 || onlyColumn.indexOf('|') >= 0;
    }

    private void row() {
      int line = in.line();
      if (in.fields() != headerFields) {
        throw new IllegalArgumentException(source + " line " + line + ": expected "
            + headerFields + " fields as in the header, found " + in.fields()
            + " (a field holding the delimiter must be quoted)");
      }
      if (n == times.length) {
        grow();
      }
      int client = client(line);
      double time = number(timeCol, columns.time(), line);
      double score = number(scoreCol, columns.score(), line);
      if (instrument != null) {
        try {
          instrument.checkRecordedScore("score", score);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(where(line, scoreCol, columns.score()) + ": "
              + e.getMessage(), e);
        }
      }
      if (client == previousClient) {
        if (time == previousTime) {
          throw duplicate(client, time, previousRow, line);
        }
        if (time < previousTime) {
          needsDuplicateCheck = true; // rows of a client out of time order: check them all later
        }
      }
      for (int k = 0; k < covCols.length; k++) {
        double v = number(covCols[k], columns.covariates().get(k), line);
        double[] byClient = covByClient[k];
        if (firstRow[client] == n) {
          byClient[client] = v;
        } else if (byClient[client] != v) {
          throw new IllegalArgumentException(where(line, covCols[k], columns.covariates().get(k))
              + ": a covariate is client-level, but client " + clientIds[client] + " has "
              + Checks.fmt(byClient[client]) + " on line " + lines.line(firstRow[client])
              + " and " + Checks.fmt(v) + " here");
        }
      }
      for (int k = 0; k < attCols.length; k++) {
        attribute(k, client, line);
      }
      clientOf[n] = client;
      times[n] = time;
      scores[n] = score;
      lines.add(n, line);
      previousClient = client;
      previousTime = time;
      previousRow = n;
      n++;
    }

    /** The row's client index, creating the client when the id is new. */
    private int client(int line) {
      char[] b = in.text();
      int s = in.strippedStart(idCol);
      int e = in.strippedEnd(idCol);
      int len = e - s;
      if (len == previousIdLength && sameAsPrevious(b, s, len)) {
        return previousClient;
      }
      String id = new String(b, s, len);
      int known = clientIndex.get(id);
      int c;
      if (known >= 0) {
        c = known;
        needsDuplicateCheck = true; // the client's rows are not one after another
      } else {
        if (len == 0) {
          throw new IllegalArgumentException(
              where(line, idCol, columns.id()) + ": client id is empty");
        }
        try {
          ClientId.of(id);
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(where(line, idCol, columns.id()) + ": "
              + ex.getMessage(), ex);
        }
        c = newClient(id);
      }
      if (previousId.length < len) {
        previousId = new char[Math.max(len, previousId.length * 2)];
      }
      System.arraycopy(b, s, previousId, 0, len);
      previousIdLength = len;
      return c;
    }

    /**
     * Whether {@code b[s, s + len)} holds the previous row's id. A plain loop: ids are short, and
     * {@code Arrays.equals} on ranges checks them and dispatches to a vectorised comparison that
     * only C2 compiles well.
     */
    private boolean sameAsPrevious(char[] b, int s, int len) {
      char[] p = previousId;
      for (int i = len - 1; i >= 0; i--) { // ids usually differ in their last characters
        if (b[s + i] != p[i]) {
          return false;
        }
      }
      return true;
    }

    private int newClient(String id) {
      if (m == clientIds.length) {
        int cap = m * 2;
        clientIds = Arrays.copyOf(clientIds, cap);
        firstRow = Arrays.copyOf(firstRow, cap);
        for (int k = 0; k < covByClient.length; k++) {
          covByClient[k] = Arrays.copyOf(covByClient[k], cap);
        }
        for (int k = 0; k < attByClient.length; k++) {
          attByClient[k] = Arrays.copyOf(attByClient[k], cap);
        }
      }
      clientIndex.put(id, m);
      clientIds[m] = id;
      firstRow[m] = n;
      return m++;
    }

    private void attribute(int k, int client, int line) {
      char[] b = in.text();
      int col = attCols[k];
      int s = in.strippedStart(col);
      int e = in.strippedEnd(col);
      String name = columns.attributes().get(k);
      if (s == e) {
        throw new IllegalArgumentException(where(line, col, name) + ": value is empty");
      }
      String[] byClient = attByClient[k];
      String before = byClient[client];
      if (firstRow[client] == n) {
        for (int i = s; i < e; i++) {
          if (Character.isISOControl(b[i])) {
            throw new IllegalArgumentException(where(line, col, name) + ": "
                + String.format(Locale.ROOT, "character U+%04X", (int) b[i])
                + " at position " + (i - s + 1) + " is a control character; a value is text");
          }
        }
        byClient[client] = new String(b, s, e - s);
      } else if (!sameText(before, b, s, e)) {
        throw new IllegalArgumentException(where(line, col, name) + ": client "
            + clientIds[client] + " has " + Checks.quote(new String(b, s, e - s)) + " here but "
            + Checks.quote(before) + " on line " + lines.line(firstRow[client])
            + "; a client-level column must be constant within a client (if these are different"
            + " people, give them different ids)");
      }
    }

    private static boolean sameText(String text, char[] b, int from, int to) {
      if (text.length() != to - from) {
        return false;
      }
      for (int i = from; i < to; i++) {
        if (text.charAt(i - from) != b[i]) {
          return false;
        }
      }
      return true;
    }

    private double number(int col, String name, int line) {
      char[] b = in.text();
      int s = in.strippedStart(col);
      int e = in.strippedEnd(col);
      double v = Decimals.parse(b, s, e, mark);
      if (v >= -MAX_MAGNITUDE && v <= MAX_MAGNITUDE) {
        return v;
      }
      String text = new String(b, s, e - s).strip();
      if (Double.isInfinite(v) || !Double.isNaN(v)) {
        throw new IllegalArgumentException(where(line, col, name) + ": number "
            + (text.length() <= Checks.QUOTED_LENGTH ? text : Checks.quote(text))
            + " is out of range; Candor reads numbers between -9007199254740992 and"
            + " 9007199254740992 (2^53)");
      }
      if (text.isEmpty() || text.equalsIgnoreCase("NA") || text.equalsIgnoreCase("NaN")) {
        throw new IllegalArgumentException(where(line, col, name) + ": a number is required, the"
            + " cell is " + (text.isEmpty() ? "empty" : text)
            + " (Candor does not drop or impute rows: remove the row or fill the value)");
      }
      String other = mark == '.' ? "," : ".";
      boolean otherMark = text.contains(other)
          && !Double.isNaN(Decimals.parse(text.toCharArray(), 0, text.length(), other.charAt(0)));
      throw new IllegalArgumentException(where(line, col, name) + ": expected a decimal number"
          + " with a decimal " + (mark == '.' ? "point" : "comma") + ", was " + Checks.quote(text)
          + (otherMark ? " (the file seems to use a decimal " + (mark == '.' ? "comma" : "point")
              + ")" : ""));
    }

    private String text(int f) {
      return new String(in.text(), in.start(f), in.end(f) - in.start(f)).strip();
    }

    private IllegalArgumentException duplicate(int client, double time, int earlierRow,
        int line) {
      return new IllegalArgumentException(where(line, timeCol, columns.time()) + ": client "
          + clientIds[client] + " has " + columns.time() + " " + Checks.fmt(time)
          + " twice (first on line " + lines.line(earlierRow) + "); keep one row per client and"
          + " time");
    }

    /**
     * Clients whose rows are not one after another in time order: sorts each such client's times
     * and reports the first repeated one, naming both lines.
     */
    private void checkDuplicatesAcrossRows() {
      RowGroups groups = RowGroups.of(Arrays.copyOf(clientOf, n), m);
      int[] start = groups.start();
      int[] order = groups.order();
      double[] t = new double[16];
      int firstBadRow = Integer.MAX_VALUE;
      int firstBadEarlier = -1;
      for (int c = 0; c < m; c++) {
        int k = start[c + 1] - start[c];
        boolean increasing = true;
        for (int j = start[c] + 1; j < start[c + 1] && increasing; j++) {
          increasing = times[order[j]] > times[order[j - 1]];
        }
        if (increasing) {
          continue;
        }
        if (t.length < k) {
          t = new double[Math.max(k, t.length * 2)];
        }
        for (int j = 0; j < k; j++) {
          t[j] = times[order[start[c] + j]];
        }
        Arrays.sort(t, 0, k);
        for (int j = 1; j < k; j++) {
          if (t[j] == t[j - 1]) {
            // rows of this client with that time, in file order: the second is the repeat
            int earlier = -1;
            for (int r = start[c]; r < start[c + 1]; r++) {
              if (times[order[r]] == t[j]) {
                if (earlier < 0) {
                  earlier = order[r];
                } else {
                  if (order[r] < firstBadRow) {
                    firstBadRow = order[r];
                    firstBadEarlier = earlier;
                  }
                  break;
                }
              }
            }
          }
        }
      }
      if (firstBadEarlier >= 0) {
        throw duplicate(clientOf[firstBadRow], times[firstBadRow], firstBadEarlier,
            lines.line(firstBadRow));
      }
    }

    private String where(int line, int col, String name) {
      return source + " line " + line + ", column " + (col + 1) + " (" + name + ")";
    }

    /**
     * Grows the row columns: to the size the file suggests after its first rows (one allocation
     * for most files), then by half again.
     */
    private void grow() {
      long estimate = (long) (n * 1.5);
      if (sizeHint > 0 && n >= 1024 && in.consumed() > 0) {
        long byFile = (long) ((double) sizeHint / in.consumed() * n * 1.02) + 1024;
        if (byFile > n) {
          estimate = Math.max(byFile, n + 1024);
          if (n == 1024) { // once: room for the clients the file suggests, so the table never grows
            clientIndex.reserve((long) ((double) m / n * estimate) + 16);
          }
        }
      }
      int cap = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(estimate, n + 1024));
      clientOf = Arrays.copyOf(clientOf, cap);
      times = Arrays.copyOf(times, cap);
      scores = Arrays.copyOf(scores, cap);
    }
  }

  /**
   * Client ids to their indices: open addressing over an {@code int[]} of indices into the ids
   * (no boxing, no entry objects; a file may hold a million clients). Grows to stay at most half
   * full.
   */
  private static final class IdTable {
    private String[] ids = new String[16];
    private int[] slots = newSlots(32);
    private int size;

    private static int[] newSlots(int capacity) {
      int[] s = new int[capacity];
      Arrays.fill(s, -1);
      return s;
    }

    private static int slot(String id, int mask) {
      int h = id.hashCode() * 0x9E3779B9; // Fibonacci hashing spreads the bits
      return (h ^ (h >>> 16)) & mask;
    }

    /** The index of {@code id}, or −1. */
    int get(String id) {
      int mask = slots.length - 1;
      for (int h = slot(id, mask); ; h = (h + 1) & mask) {
        int c = slots[h];
        if (c < 0) {
          return -1;
        }
        if (ids[c].equals(id)) {
          return c;
        }
      }
    }

    /** Adds a new id (not in the table) with the next index, {@link #size} before the call. */
    void put(String id, int index) {
      if (index != size) {
        throw new IllegalStateException("ids are numbered in order: expected " + size
            + ", was " + index);
      }
      if (2 * (size + 1) > slots.length) {
        reserve(size + 1);
      }
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, 2 * size);
      }
      ids[size] = id;
      place(size);
      size++;
    }

    /** Room for {@code clients} ids without growing. */
    void reserve(long clients) {
      long want = Math.max(32, Long.highestOneBit(Math.max(1, 2 * clients - 1)) * 2);
      if (want <= slots.length || want > 1 << 30) {
        return;
      }
      slots = newSlots((int) want);
      for (int c = 0; c < size; c++) {
        place(c);
      }
      if (ids.length < clients) {
        ids = Arrays.copyOf(ids, (int) Math.min(clients, Integer.MAX_VALUE - 16));
      }
    }

    private void place(int c) {
      int mask = slots.length - 1;
      int h = slot(ids[c], mask);
      while (slots[h] >= 0) {
        h = (h + 1) & mask;
      }
      slots[h] = c;
    }
  }

  /**
   * CSV line of each row, stored compactly: rows map to {@code row + 2} (header on line 1) except
   * after blank lines or quoted line breaks, where the offset changes; only the changes are kept.
   */
  static final class LineMap {
    private int[] fromRow = new int[8];
    private int[] offset = new int[8];
    private int changes;
    private int current = Integer.MIN_VALUE;

    void add(int row, int line) {
      int off = line - row;
      if (off != current) {
        if (changes == fromRow.length) {
          fromRow = Arrays.copyOf(fromRow, changes * 2);
          offset = Arrays.copyOf(offset, changes * 2);
        }
        fromRow[changes] = row;
        offset[changes] = off;
        changes++;
        current = off;
      }
    }

    int line(int row) {
      int i = Arrays.binarySearch(fromRow, 0, changes, row);
      if (i < 0) {
        i = -i - 2;
      }
      return row + offset[i];
    }
  }
}
