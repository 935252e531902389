package io.candor.examples.cli;

import io.candor.json.LongCsv;
import io.candor.json.LongTable;
import io.candor.measure.Instrument;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The long-format CSV input of every command that reads one: the file, its client-id, time and
 * score columns, its delimiter and decimal mark. A picocli mixin where the input is required
 * ({@code fit}, {@code patterns}, {@code survival}), an argument group where it is optional
 * ({@code classify}: with {@code --input} the other options are required). Every such command
 * reads through {@link #read} and so through the one reader, {@link LongCsv}, with one set of
 * rules.
 */
final class LongInputOptions {

  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "Long-format CSV file: UTF-8, a header row, one row per client and time.")
  Path input;

  @Option(names = "--id", required = true, paramLabel = "COL", description = "Client-id column.")
  String idColumn;

  @Option(names = "--time", required = true, paramLabel = "COL",
      description = "Time column: session numbers (fit also takes other numeric times).")
  String timeColumn;

  @Option(names = "--score", required = true, paramLabel = "COL", description = "Score column.")
  String scoreColumn;

  @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
      converter = DelimiterConverter.class,
      description = "Field separator: ',' (default), ';', tab or '|'.")
  char delimiter;

  @Option(names = "--decimal", paramLabel = "MARK", defaultValue = "point",
      converter = DecimalConverter.class,
      description = "Decimal mark of numbers: point (15.5, default) or comma (15,5, with"
          + " --delimiter ';' or tab, as spreadsheets in much of Europe save CSV). Thousands"
          + " separators are never accepted.")
  LongCsv.DecimalMark decimal;

  /**
   * Reads the file: scores checked against the instrument when one is given, the covariates and
   * attributes (client-level columns) read too.
   *
   * @throws IllegalArgumentException naming the file, line and column of the first bad cell
   */
  LongTable read(Optional<Instrument> instrument, List<String> covariates,
      List<String> attributes) {
    return read(scoreColumn, instrument, covariates, attributes);
  }

  /**
   * Reads the file with another score column (a second measure in the same file).
   *
   * @throws IllegalArgumentException naming the file, line and column of the first bad cell
   */
  LongTable read(String score, Optional<Instrument> instrument, List<String> covariates,
      List<String> attributes) {
    LongCsv reader = LongCsv.withDefaults().withDelimiter(delimiter).with(decimal);
    if (instrument.isPresent()) {
      reader = reader.withInstrument(instrument.get());
    }
    LongCsv.Columns columns = LongCsv.columns(idColumn, timeColumn, score)
        .withCovariates(covariates.toArray(new String[0]))
        .withAttributes(attributes.toArray(new String[0]));
    LongTable table = reader.read(input, columns);
    if (table.size() == 0) {
      throw new IllegalArgumentException(input + " has a header but no rows");
    }
    return table;
  }

  /** {@code ,}, {@code ;}, {@code |} or tab (the word or the character). */
  static final class DelimiterConverter implements CommandLine.ITypeConverter<Character> {
    @Override
    public Character convert(String value) {
      switch (value.toLowerCase(Locale.ROOT)) {
        case ",", "comma":
          return ',';
        case ";", "semicolon":
          return ';';
        case "|", "pipe":
          return '|';
        case "\t", "tab", "\\t":
          return '\t';
        default:
          throw new CommandLine.TypeConversionException(
              "expected one of ',', ';', '|' or tab but was '" + value + "'");
      }
    }
  }

  /** {@code point} or {@code comma}, in any case. */
  static final class DecimalConverter extends CliWords<LongCsv.DecimalMark> {
    DecimalConverter() {
      super("point", LongCsv.DecimalMark.POINT, "comma", LongCsv.DecimalMark.COMMA);
    }
  }
}
