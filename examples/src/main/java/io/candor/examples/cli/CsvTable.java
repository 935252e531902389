package io.candor.examples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A table written as CSV by {@code --csv FILE}: a header and rows, comma-separated, RFC 4180
 * quoting, one line per row. Numbers are written exactly (the shortest form that reads back to the
 * same double); an absent value is an empty cell. Column names are those of the JSON fields.
 */
final class CsvTable {

  private final List<String> columns;
  private final List<String> lines = new ArrayList<>();

  CsvTable(String... columns) {
    this.columns = List.of(columns);
  }

  /**
   * Adds a row: one cell per column; numbers, booleans, text, enums and optionals.
   *
   * @throws IllegalStateException if the number of cells is not the number of columns
   */
  CsvTable row(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalStateException("a row of " + columns + " needs " + columns.size()
          + " cells, has " + cells.length);
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(cell(cells[i]));
    }
    lines.add(sb.toString());
    return this;
  }

  /** Number of rows. */
  int size() {
    return lines.size();
  }

  /** The table as CSV text, header first, each line ending in a line feed. */
  String text() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", columns.stream().map(CsvTable::quote).toList())).append('\n');
    for (String line : lines) {
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  private static String cell(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Optional<?> o) {
      return o.map(CsvTable::cell).orElse("");
    }
    if (v instanceof OptionalDouble o) {
      return o.isPresent() ? cell(o.getAsDouble()) : "";
    }
    if (v instanceof OptionalInt o) {
      return o.isPresent() ? Integer.toString(o.getAsInt()) : "";
    }
    if (v instanceof Double d) {
      return Double.isFinite(d) ? CliText.number(d) : "";
    }
    if (v instanceof Float || v instanceof Integer || v instanceof Long || v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof Enum<?> e) {
      return e.name();
    }
    return quote(v.toString());
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
