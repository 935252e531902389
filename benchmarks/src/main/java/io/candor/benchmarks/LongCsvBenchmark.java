package io.candor.benchmarks;

import io.candor.json.LongCsv;
import io.candor.json.LongTable;
import io.candor.measure.Instruments;
import io.candor.model.growth.GrowthData;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The long-format reader alone: a 1,000,000-row file (100,000 clients × sessions 0–9, scores
 * with four decimals as R's {@code write.csv} writes them, 21 MB) read from disk into a {@link
 * LongTable}, with every rule checked. The score is rows per second (one operation = one row).
 * {@code readOnInstrument} also checks each score against PHQ-9 (range and resolution; scores are
 * whole numbers there); {@code readToGrowthData} adds the grouping a growth fit starts from.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar LongCsvBenchmark -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:ActiveProcessorCount=1"})
public class LongCsvBenchmark {

  private static final int CLIENTS = 100_000;
  private static final int SESSIONS = 10;
  private static final int ROWS = CLIENTS * SESSIONS;

  private Path dir;
  private Path decimals;
  private Path phq9;
  private final LongCsv.Columns columns = LongCsv.columns("id", "session", "score");

  /**
   * Writes the files once (fixed seed).
   *
   * @throws IOException if the temporary folder cannot be made
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("candor-csv-bench");
    decimals = write(dir.resolve("decimals.csv"), false);
    phq9 = write(dir.resolve("phq9.csv"), true);
  }

  /**
   * Removes the files.
   *
   * @throws IOException if a file cannot be deleted
   */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(decimals);
    Files.deleteIfExists(phq9);
    Files.deleteIfExists(dir);
  }

  static Path write(Path file, boolean whole) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("id,session,score\n");
      for (int c = 1; c <= CLIENTS; c++) {
        String id = String.format(Locale.ROOT, "c%06d", c);
        double level = 17 + 7 * (rng.nextDouble() - 0.5);
        for (int s = 0; s < SESSIONS; s++) {
          double y = level - 2.8 * Math.log1p(s) + 5 * (rng.nextDouble() - 0.5);
          String score = whole
              ? Long.toString(Math.max(0, Math.min(27, Math.round(y))))
              : String.format(Locale.ROOT, "%.4f", y);
          w.write(id + "," + s + "," + score + "\n");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Reads the decimal file.
   *
   * @return the table (kept live by JMH)
   */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public LongTable read() {
    return LongCsv.withDefaults().read(decimals, columns);
  }

  /**
   * Reads the whole-number file, checking every score against PHQ-9.
   *
   * @return the table (kept live by JMH)
   */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public LongTable readOnInstrument() {
    return LongCsv.withDefaults().withInstrument(Instruments.PHQ9).read(phq9, columns);
  }

  /**
   * Reads the decimal file and groups it for a growth fit.
   *
   * @return the grouped data (kept live by JMH)
   */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public GrowthData readToGrowthData() {
    return LongCsv.withDefaults().read(decimals, columns).toGrowthData();
  }
}
