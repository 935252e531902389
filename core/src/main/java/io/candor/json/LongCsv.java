package io.candor.json;

import io.candor.domain.Cohort;
import io.candor.domain.Trajectory;
import io.candor.internal.Checks;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads and writes long-format CSV: one row per client and time, with a header row.
 *
 * <p>Reading is strict: every requested column must be in the header; every numeric cell must be
 * a finite number; an empty cell, {@code NA} or text where a number belongs is an error naming the
 * file, the line and the column. Nothing is skipped or guessed. Line numbers count CSV records
 * (header = line 1); a quoted field holding a line break is therefore reported one line early.
 *
 * <pre>{@code
 * LongTable t = LongCsv.read(Path.of("scores.csv"),
 *     LongCsv.columns("client", "session", "phq9").withCovariates("age"));
 * Cohort cohort = t.toCohort(Instruments.PHQ9);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class LongCsv {

  private static final CsvMapper MAPPER =
      CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

  static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private LongCsv() {}

  /**
   * Which columns to read.
   *
   * @param id client-id column
   * @param time time (session) column
   * @param score outcome column
   * @param covariates numeric client-level columns
   * @param attributes text columns (e.g. a grouping variable)
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
     * @param attributes text columns (e.g. a grouping variable)
     */
    public Columns {
      Checks.nonBlank("id column", id);
      Checks.nonBlank("time column", time);
      Checks.nonBlank("score column", score);
      covariates = List.copyOf(Checks.noNulls("covariates", covariates));
      attributes = List.copyOf(Checks.noNulls("attributes", attributes));
    }

    /**
     * A copy that also reads these numeric covariates.
     *
     * @param names the covariate column names
     * @return the copy
     */
    public Columns withCovariates(String... names) {
      List<String> list = new ArrayList<>(covariates);
      list.addAll(Arrays.asList(names));
      return new Columns(id, time, score, list, attributes);
    }

    /**
     * A copy that also reads these text attributes.
     *
     * @param names the attribute column names
     * @return the copy
     */
    public Columns withAttributes(String... names) {
      List<String> list = new ArrayList<>(attributes);
      list.addAll(Arrays.asList(names));
      return new Columns(id, time, score, covariates, list);
    }
  }

  /**
   * The id, time and score columns, no covariates.
   *
   * @param id the name of the client id column
   * @param time the name of the time (session) column
   * @param score the name of the score column
   * @return the id, time and score columns, no covariates
   */
  public static Columns columns(String id, String time, String score) {
    return new Columns(id, time, score, List.of(), List.of());
  }

  /**
   * Reads a UTF-8 file.
   *
   * @param file the CSV file
   * @param columns which columns hold the id, time, score, covariates and attributes
   * @return the rows
   * @throws IllegalArgumentException naming the line and column of the first bad cell, or the
   *     missing header column
   * @throws UncheckedIOException if the file cannot be read
   */
  public static LongTable read(Path file, Columns columns) {
    Objects.requireNonNull(file, "file");
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(r, file.toString(), columns);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads from a reader; {@code source} names it in messages.
   *
   * @param reader the CSV text; not closed
   * @param source the name of the input in error messages, e.g. the file name
   * @param columns which columns hold the id, time, score, covariates and attributes
   * @return the rows
   * @throws IllegalArgumentException naming the line and column of the first bad cell
   */
  public static LongTable read(Reader reader, String source, Columns columns) {
    Objects.requireNonNull(reader, "reader");
    Checks.nonBlank("source", source);
    Objects.requireNonNull(columns, "columns");
    try (JsonParser p = MAPPER.readerFor(String[].class).createParser(reader)) {
      List<String> row = new ArrayList<>();
      // WRAP_AS_ARRAY presents the file as an array of records, each an array of strings
      if (p.nextToken() != JsonToken.START_ARRAY || !nextRow(p, row)) {
        throw new IllegalArgumentException(source + " is empty: expected a header row");
      }
      String[] header = row.toArray(String[]::new);
      Map<String, Integer> index = new LinkedHashMap<>();
      for (int c = 0; c < header.length; c++) {
        String name = header[c].strip();
        if (c == 0 && name.startsWith("\uFEFF")) {
          name = name.substring(1).strip(); // the byte-order mark Excel's "CSV UTF-8" writes
        }
        if (index.putIfAbsent(name, c) != null) {
          throw new IllegalArgumentException(
              source + " line 1: column \"" + name + "\" appears twice in the header");
        }
      }
      int idCol = column(index, columns.id(), source);
      int timeCol = column(index, columns.time(), source);
      int scoreCol = column(index, columns.score(), source);
      int[] covCols = columns.covariates().stream().mapToInt(n -> column(index, n, source)).toArray();
      int[] attCols = columns.attributes().stream().mapToInt(n -> column(index, n, source)).toArray();

      Builder b = new Builder(covCols.length, attCols.length);
      int line = 1;
      String previousId = "";
      while (nextRow(p, row)) {
        line++;
        if (row.size() == 1 && row.get(0).isBlank()) {
          continue; // a trailing blank line
        }
        if (row.size() != header.length) {
          throw new IllegalArgumentException(
              source + " line " + line + ": expected " + header.length + " columns as in the header, found "
                  + row.size());
        }
        String id = row.get(idCol).strip();
        if (id.equals(previousId)) {
          id = previousId; // long format repeats the id on consecutive rows: keep one String
        }
        previousId = id;
        if (id.isEmpty()) {
          throw new IllegalArgumentException(
              source + " line " + line + ", column " + (idCol + 1) + " (" + columns.id() + "): client id is empty");
        }
        double time = number(row, timeCol, columns.time(), source, line);
        double score = number(row, scoreCol, columns.score(), source, line);
        double[] cov = new double[covCols.length];
        for (int k = 0; k < covCols.length; k++) {
          cov[k] = number(row, covCols[k], columns.covariates().get(k), source, line);
        }
        String[] att = new String[attCols.length];
        for (int k = 0; k < attCols.length; k++) {
          att[k] = row.get(attCols[k]).strip();
          if (att[k].isEmpty()) {
            throw new IllegalArgumentException(
                source + " line " + line + ", column " + (attCols[k] + 1) + " ("
                    + columns.attributes().get(k) + "): value is empty");
          }
        }
        b.add(id, time, score, line, cov, att);
      }
      return b.build(source, columns);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(source + ": not valid CSV: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads the next record's cells into {@code row} from the token stream (Jackson CSV exposes each
   * record as an array of strings); false at the end of input.
   */
  private static boolean nextRow(JsonParser p, List<String> row) {
    row.clear();
    JsonToken t = p.nextToken();
    if (t == null || t == JsonToken.END_ARRAY) {
      return false;
    }
    if (t != JsonToken.START_ARRAY) {
      throw new IllegalStateException("unexpected CSV token " + t);
    }
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new IllegalStateException("CSV record ended early");
      }
      row.add(p.getString());
    }
    return true;
  }

  private static int column(Map<String, Integer> index, String name, String source) {
    Integer c = index.get(name);
    if (c == null) {
      throw new IllegalArgumentException(
          source + " line 1: column \"" + name + "\" not found; the header has " + index.keySet());
    }
    return c;
  }

  private static double number(List<String> row, int col, String name, String source, int line) {
    String text = row.get(col).strip();
    if (text.isEmpty() || text.equalsIgnoreCase("NA") || text.equalsIgnoreCase("NaN")) {
      throw new IllegalArgumentException(
          where(source, line, col, name) + ": a number is required, the cell is " + (text.isEmpty() ? "empty" : text)
              + " (Candor does not drop or impute rows: remove the row or fill the value)");
    }
    if (!isDecimal(text)) {
      throw new IllegalArgumentException(where(source, line, col, name) + ": expected a decimal number, was \"" + text + "\"");
    }
    double v = Double.parseDouble(text);
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(where(source, line, col, name) + ": number is too large, was \"" + text + "\"");
    }
    return v;
  }

  /**
   * Whether the text is a plain decimal number, {@code [+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?}
   * (the {@link #DECIMAL} pattern), checked by hand because a regex per cell dominated reading
   * large files.
   */
  static boolean isDecimal(CharSequence t) {
    int n = t.length();
    int i = 0;
    if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      i++;
    }
    int intDigits = 0;
    while (i < n && isDigit(t.charAt(i))) {
      i++;
      intDigits++;
    }
    int fracDigits = 0;
    if (i < n && t.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
        fracDigits++;
      }
    }
    if (intDigits == 0 && fracDigits == 0) {
      return false;
    }
    if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
      i++;
      if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(t.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The cell's location for messages; built only on error (it is costly per cell). */
  private static String where(String source, int line, int col, String name) {
    return source + " line " + line + ", column " + (col + 1) + " (" + name + ")";
  }

  /**
   * Writes a cohort in long format with the header {@code id,scale,session,score} (plus
   * {@code date} when any observation has one). Scores are written in their shortest exact decimal
   * form, so reading the file back gives the same doubles.
   *
   * @param cohort the cohort
   * @param out where the CSV text goes; not closed
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

  private static final class Builder {
    private final int nCov;
    private final int nAtt;
    private String[] ids = new String[1024];
    private double[] times = new double[1024];
    private double[] scores = new double[1024];
    private int[] lines = new int[1024];
    private double[][] cov;
    private String[][] att;
    private int n;

    Builder(int nCov, int nAtt) {
      this.nCov = nCov;
      this.nAtt = nAtt;
      this.cov = new double[nCov][1024];
      this.att = new String[nAtt][1024];
    }

    void add(String id, double time, double score, int line, double[] c, String[] a) {
      if (n == ids.length) {
        int cap = n * 2;
        ids = Arrays.copyOf(ids, cap);
        times = Arrays.copyOf(times, cap);
        scores = Arrays.copyOf(scores, cap);
        lines = Arrays.copyOf(lines, cap);
        for (int k = 0; k < nCov; k++) {
          cov[k] = Arrays.copyOf(cov[k], cap);
        }
        for (int k = 0; k < nAtt; k++) {
          att[k] = Arrays.copyOf(att[k], cap);
        }
      }
      ids[n] = id;
      times[n] = time;
      scores[n] = score;
      lines[n] = line;
      for (int k = 0; k < nCov; k++) {
        cov[k][n] = c[k];
      }
      for (int k = 0; k < nAtt; k++) {
        att[k][n] = a[k];
      }
      n++;
    }

    LongTable build(String source, Columns columns) {
      Map<String, double[]> covariates = new LinkedHashMap<>();
      for (int k = 0; k < nCov; k++) {
        covariates.put(columns.covariates().get(k), Arrays.copyOf(cov[k], n));
      }
      Map<String, String[]> attributes = new LinkedHashMap<>();
      for (int k = 0; k < nAtt; k++) {
        attributes.put(columns.attributes().get(k), Arrays.copyOf(att[k], n));
      }
      return new LongTable(
          source,
          Arrays.copyOf(ids, n),
          Arrays.copyOf(times, n),
          Arrays.copyOf(scores, n),
          Arrays.copyOf(lines, n),
          covariates,
          attributes);
    }
  }
}
