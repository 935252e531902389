package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.candor.domain.Cohort;
import io.candor.domain.ScoreScale;
import io.candor.measure.Instruments;
import io.candor.robustness.Refusals;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Fuzz target for the long-format CSV reader: any text, read with one of six configurations
 * (comma, semicolon with decimal commas, tab; with and without an instrument), then turned into a
 * cohort and growth data. Each step succeeds or refuses with an {@link IllegalArgumentException}
 * naming the line and column in one short line that repeats no row; a cohort that is read writes
 * back to CSV and reads back the same.
 *
 * <p>Inputs that name the columns {@code age} and {@code site} read them as a covariate and an
 * attribute. {@code mvn verify} runs the committed inputs in
 * {@code src/test/resources/io/candor/json/LongCsvFuzzTestInputs/read/}; fuzzing mode is
 * {@code mvn -P fuzz -pl core test -Dtest=LongCsvFuzzTest} (docs/robustness.md).
 */
class LongCsvFuzzTest {

  private static final LongCsv[] READERS = {
    LongCsv.withDefaults(),
    LongCsv.withDefaults().withInstrument(Instruments.PHQ9),
    LongCsv.withDefaults().withDelimiter(';').with(LongCsv.DecimalMark.COMMA),
    LongCsv.withDefaults().withDelimiter(';').with(LongCsv.DecimalMark.COMMA)
        .withInstrument(Instruments.GAD7),
    LongCsv.withDefaults().withDelimiter('\t'),
    LongCsv.withDefaults().withDelimiter('\t').withInstrument(Instruments.ORS),
  };

  /** Any text as a long-format CSV file. */
  @FuzzTest(maxDuration = "5m")
  void read(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    LongCsv reader = READERS[Math.floorMod(Arrays.hashCode(input), READERS.length)];
    ScoreScale scale = reader.instrument().<ScoreScale>map(i -> i)
        .orElse(ScoreScale.unbounded("outcome"));
    LongTable table;
    Cohort cohort;
    try {
      table = reader.read(new StringReader(text), "fuzz.csv", columns(text));
      cohort = table.toCohort(scale);
    } catch (IllegalArgumentException e) {
      Refusals.check(e, text, other -> refusal(reader, other));
      return;
    }
    StringWriter written = new StringWriter();
    LongCsv.write(cohort, written);
    Cohort again = LongCsv.withDefaults().read(new StringReader(written.toString()), "written.csv",
        LongCsv.columns("id", "session", "score")).toCohort(scale);
    assertEquals(cohort, again, "a cohort read from CSV does not round-trip");
    try {
      table.toGrowthData();
    } catch (IllegalArgumentException e) {
      Refusals.check(e, text, other -> refusal(reader, other));
    }
  }

  /** The columns read: id, session and score, and {@code age} and {@code site} if named. */
  private static LongCsv.Columns columns(String text) {
    LongCsv.Columns columns = LongCsv.columns("id", "session", "score");
    String header = text.lines().findFirst().orElse("");
    if (header.contains("age")) {
      columns = columns.withCovariates("age");
    }
    if (header.contains("site")) {
      columns = columns.withAttributes("site");
    }
    return columns;
  }

  /**
   * What reading other text (as a table, a cohort and growth data) says, for {@link Refusals} to
   * tell a line the message repeats from a line copying its words.
   */
  private static Optional<String> refusal(LongCsv reader, String text) {
    try {
      LongTable table = reader.read(new StringReader(text), "fuzz.csv", columns(text));
      table.toCohort(reader.instrument().<ScoreScale>map(i -> i).orElse(ScoreScale.unbounded("outcome")));
      table.toGrowthData();
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }
}
