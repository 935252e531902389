package io.candor.examples.cli;

import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The long-format CSV input options shared by {@code patterns} and {@code survival} (a picocli
 * mixin): the file, its client-id, session and score columns, the instrument and the session
 * window, with their validation and reading in one place.
 */
final class LongInputOptions {

  @Option(names = "--input", required = true, description = "Long-format CSV file (one row per client and session).")
  Path input;

  @Option(names = "--id", required = true, description = "Client-id column.")
  String idColumn;

  @Option(names = "--time", required = true, description = "Session-number column (whole numbers).")
  String timeColumn;

  @Option(names = "--score", required = true, description = "Score column.")
  String scoreColumn;

  @Option(names = "--instrument", required = true, description = "Instrument id (PHQ-9, GAD-7, CORE-10, OQ-45, BDI-II, ORS, K10, WEMWBS).")
  String instrumentId;

  @Option(names = "--min-session", defaultValue = "0", description = "Ignore sessions before this one (default ${DEFAULT-VALUE}).")
  int minSession;

  @Option(names = "--max-session", defaultValue = "2147483647", description = "Ignore sessions after this one.")
  int maxSession;

  /** The instrument named by {@code --instrument}; unknown ids are rejected with the known ones. */
  Instrument instrument() {
    return Instruments.byId(instrumentId);
  }

  /**
   * Reads the file on the instrument, keeping sessions in the window, and the optional
   * client-level column.
   *
   * @throws IllegalArgumentException naming the option, file, line or column that is wrong
   */
  LongInput read(Instrument instrument, Optional<String> attributeColumn) {
    if (minSession < 0) {
      throw new IllegalArgumentException("--min-session must be >= 0, was " + minSession);
    }
    if (maxSession < 0) {
      throw new IllegalArgumentException("--max-session must be >= 0, was " + maxSession);
    }
    return LongInput.read(input, idColumn, timeColumn, scoreColumn, instrument, attributeColumn,
        minSession, maxSession);
  }
}
