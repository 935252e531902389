package io.candor.examples.cli;

import io.candor.json.CandorJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The output options every command that prints results shares (a picocli mixin), and the one
 * place that writes results: text or a Candor JSON document to standard output or {@code --out
 * FILE}, and the result's table as CSV to {@code --csv FILE}. Files are written only when the
 * command succeeds: to a temporary file beside the target, then moved into place, so a failed run
 * never leaves an empty or half-written file.
 */
final class OutputOptions {

  @Option(names = "--json",
      description = "Print the result as a Candor JSON document (versioned: format \"candor\", formatVersion 1) instead of text.")
  boolean json;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the output to FILE instead of standard output; written only if the command succeeds.")
  Path out;

  @Option(names = "--csv", paramLabel = "FILE",
      description = "Also write the result's table (curves, per-client results) as CSV to FILE, for plotting; written only if the command succeeds.")
  Path csv;

  /**
   * Writes a result: the CSV table first (when asked for), then the text or JSON.
   *
   * @throws IllegalArgumentException if {@code --csv} is given for a result without a table
   * @throws UncheckedIOException if a file cannot be written
   */
  void emit(CommandSpec spec, CliResult result) {
    emit(spec.name(), spec.commandLine().getOut(), result);
  }

  /**
   * Writes a result of the named command, standard output being {@code stdout}.
   *
   * @throws IllegalArgumentException if {@code --csv} is given for a result without a table
   * @throws UncheckedIOException if a file cannot be written
   */
  void emit(String command, PrintWriter stdout, CliResult result) {
    if (csv != null) {
      java.util.Optional<CsvTable> table = result.table();
      if (table.isEmpty()) {
        throw new IllegalArgumentException("--csv: " + command + " has no table to write");
      }
      write(csv, table.get().text());
    }
    String text;
    if (json) {
      text = CandorJson.toJson(result.json()) + System.lineSeparator();
    } else {
      StringWriter s = new StringWriter();
      PrintWriter w = new PrintWriter(s);
      result.printText(w);
      w.flush();
      text = s.toString();
    }
    if (out != null) {
      write(out, text);
    } else {
      stdout.print(text);
      stdout.flush();
    }
  }

  /** Checks that {@code --csv} and {@code --out} do not name the same file. */
  void checkFiles() {
    if (out != null && csv != null
        && out.toAbsolutePath().normalize().equals(csv.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("--out and --csv name the same file " + out);
    }
  }

  /** Writes text to a file only as a whole: a temporary file beside it, then a move. */
  static void write(Path file, String text) {
    atomically(file, w -> w.write(text));
  }

  /** What writes the content of a file. */
  interface Content {
    /** Writes the content. */
    void writeTo(Writer w) throws IOException;
  }

  /**
   * Writes a file only as a whole: the content goes to a temporary file in the same directory,
   * which then replaces the target (atomically where the file system can). On failure the
   * temporary file is removed and the target is left as it was.
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  static void atomically(Path file, Content content) {
    replace(file, tmp -> {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        content.writeTo(w);
      }
    });
  }

  /**
   * Writes bytes to a file only as a whole, as {@link #atomically(Path, Content)} does.
   *
   * @throws UncheckedIOException naming the file when it cannot be written
   */
  static void write(Path file, byte[] bytes) {
    replace(file, tmp -> Files.write(tmp, bytes));
  }

  private static final AtomicLong TEMPORARY = new AtomicLong();

  /**
   * A new empty file beside the target. Unlike {@code Files.createTempFile}, whose files are
   * readable by their owner only, it gets the permissions of any new file (the umask's), which the
   * written file then has.
   */
  private static Path temporaryBeside(Path target) throws IOException {
    String prefix = "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".";
    while (true) {
      try {
        return Files.createFile(target.resolveSibling(prefix + TEMPORARY.incrementAndGet() + ".tmp"));
      } catch (FileAlreadyExistsException e) {
        // left by an earlier run of the same process id: take the next name
      }
    }
  }

  /** A file written over keeps its permissions (where the file system has POSIX ones). */
  private static void keepPermissions(Path target, Path tmp) throws IOException {
    if (Files.isRegularFile(target)
        && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
    }
  }

  /** Fills a temporary file. */
  private interface Filler {
    void fill(Path tmp) throws IOException;
  }

  private static void replace(Path file, Filler filler) {
    Path target = file.toAbsolutePath().normalize();
    Path tmp = null;
    try {
      if (Files.isDirectory(target)) {
        throw new IOException("is a directory");
      }
      tmp = temporaryBeside(target);
      filler.fill(tmp);
      keepPermissions(target, tmp);
      try {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the write already failed; that is the error to report
        }
      }
    }
  }
}
