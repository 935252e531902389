package io.candor.examples.cli;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * What a command computed, ready to be written in each of the tool's formats: text for people,
 * a Candor JSON document ({@code --json}) and, for results with a table, CSV ({@code --csv FILE}).
 */
interface CliResult {

  /** Prints the result as text. */
  void printText(PrintWriter out);

  /** The value written by {@code --json}: a record that {@code CandorJson} writes. */
  Object json();

  /** The table written by {@code --csv FILE}, when the result has one. */
  Optional<CsvTable> table();
}
