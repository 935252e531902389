package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.candor.robustness.Refusals;
import picocli.CommandLine;

/**
 * Fuzz target for the {@code candor} tool's argument handling: any arguments, with an input file
 * of any content. The tool either succeeds or refuses with one line on standard error and status 2
 * (1 for a calibration that misses its targets); status 70, an internal error, is a bug, and so is
 * an exception escaping {@link CandorCli#run}.
 *
 * <p>An input is the arguments one per line, then optionally a line {@code %%} and the content of
 * an input file. In the arguments {@code {in}} stands for that file and {@code {out}} and
 * {@code {csv}} for output files, all in a private temporary folder. So that fuzzing cannot
 * touch anything else, inputs are skipped whose arguments name another path (a {@code /}, a file
 * that exists in the working folder, a {@code @file} other than {@code @{in}}), give a
 * file-valued option a value outside the folder, or start the slow or long-running commands
 * ({@code calibrate}, {@code caseload-sim}; {@code serve} runs only when it is refused before it
 * listens: a port or upload limit out of range, or arguments it cannot parse); and so that the target checks argument handling rather
 * than throughput, inputs with a number above 2,000 (a seed or a date apart) are skipped too.
 */
class CliFuzzTest {

  /** Subcommands fast enough for every input; the others run only for their help. */
  private static final Set<String> FUZZED = Set.of("instruments", "classify", "fit", "expect",
      "patterns", "survival", "simulate", "therapists", "demo", "help", "wellbeing", "caseload",
      "fhir-import", "report");

  private static final Pattern DATE = Pattern.compile("(?:--date=)?\\d{4}-\\d{2}-\\d{2}");

  private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?");

  private static final Path DIR = sandbox();

  /** picocli's parsers for the safety checks, by subcommand ("" for all of them). */
  private static final Map<String, CommandLine> PARSERS = new HashMap<>();

  private static final Set<String> SUBCOMMANDS =
      Set.copyOf(CandorCli.commandLine().getSubcommands().keySet());

  /** The arguments (one per line), then {@code %%} and an input file's content. */
  @FuzzTest(maxDuration = "5m")
  void run(byte[] input) throws IOException {
    String text = new String(input, StandardCharsets.UTF_8);
    int split = text.indexOf("\n%%\n");
    String argText = split < 0 ? text : text.substring(0, split);
    if (argText.endsWith("\n")) {
      argText = argText.substring(0, argText.length() - 1);
    }
    String file = split < 0 ? "" : text.substring(split + 4);
    List<String> args = new ArrayList<>();
    for (String line : argText.split("\n", -1)) {
      args.add(line.replace("{in}", DIR.resolve("in").toString())
          .replace("{out}", DIR.resolve("out").toString())
          .replace("{csv}", DIR.resolve("table.csv").toString()));
    }
    if (argText.isEmpty()) {
      args.clear();
    }
    if (!safe(args)) {
      return;
    }
    clean();
    Files.writeString(DIR.resolve("in"), file, StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = CandorCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    String what = String.join(" ", args) + " -> " + status + ": " + err;
    assertNotEquals(CandorCli.INTERNAL, status, what);
    assertTrue(status == 0 || status == CandorCli.USAGE || status == CalibrateCommand.FAILED, what);
    assertTrue(SUBCOMMANDS.size() > 10, "the tool's subcommands are known");
    if (status == CandorCli.USAGE) {
      assertTrue(err.toString().startsWith("candor: "), what);
      assertTrue(err.toString().lines().count() == 1, what);
      assertFalse(err.toString().contains("\tat "), what);
      String message = err.toString().strip().substring("candor: ".length());
      if (args.contains("@" + DIR.resolve("in"))) {
        Refusals.checkMessage(message); // the file holds arguments: naming one is right
      } else {
        Refusals.checkMessage(message, file, other -> refusal(args, other));
      }
    }
  }

  /**
   * What the tool says for the same arguments with other input file content, for {@link Refusals}
   * to tell a line of the file the message repeats from one copying its words; empty unless it
   * refuses.
   */
  private static Optional<String> refusal(List<String> args, String file) {
    try {
      clean();
      Files.writeString(DIR.resolve("in"), file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringWriter err = new StringWriter();
    int status = CandorCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
        args.toArray(String[]::new));
    return status == CandorCli.USAGE && err.toString().startsWith("candor: ")
        ? Optional.of(err.toString().strip().substring("candor: ".length())) : Optional.empty();
  }

  /** Whether running these arguments can touch nothing outside {@link #DIR} and ends soon. */
  private static boolean safe(List<String> args) {
    boolean help = args.contains("--help") || args.contains("-h");
    boolean serve = !args.isEmpty() && args.get(0).equals("serve") && !help;
    if (!args.isEmpty() && !FUZZED.contains(args.get(0))
        && SUBCOMMANDS.contains(args.get(0)) && !help && !serve) {
      return false;
    }
    String dir = DIR.toString();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String p = a.startsWith("@") ? a.substring(1) : a;
      for (String part : new String[] {p, p.substring(p.indexOf('=') + 1)}) {
        if (part.contains("\\") || part.contains("..") || part.contains("/") && !part.startsWith(dir)
            || !part.isEmpty() && !part.startsWith(dir) && exists(part)) {
          return false;
        }
      }
      boolean seed = i > 0 && args.get(i - 1).equals("--seed") || a.startsWith("--seed=")
          || DATE.matcher(a).matches();
      Matcher m = NUMBER.matcher(a.replace(dir, ""));
      while (!seed && !serve && m.find()) {
        if (Double.parseDouble(m.group()) > 2000) {
          return false;
        }
      }
    }
    CommandLine.ParseResult parsed = parse(args);
    return pathOptionsInside(parsed) && (!serve || refusedBeforeListening(parsed));
  }

  /**
   * The arguments as picocli parses them for {@code candor}, or null if it refuses them. The
   * command lines are built once per subcommand and reused (building one reflects over the
   * command's options; picocli resets them before each parse).
   */
  private static CommandLine.ParseResult parse(List<String> args) {
    String[] a = args.toArray(String[]::new);
    String key = a.length > 0 && CandorCli.COMMANDS.contains(a[0]) ? a[0] : "";
    try {
      // every subcommand, fully built, for all arguments not naming one first
      return PARSERS.computeIfAbsent(key,
          k -> k.isEmpty() ? CandorCli.commandLine() : CandorCli.commandLine(a)).parseArgs(a);
    } catch (CommandLine.PicocliException e) {
      return null;
    }
  }

  /**
   * Whether {@code candor serve} with these arguments is refused before it listens: arguments
   * picocli cannot parse, an upload limit or a port out of range, or only help or the version.
   */
  private static boolean refusedBeforeListening(CommandLine.ParseResult parsed) {
    if (parsed == null) {
      return true;
    }
    CommandLine.ParseResult serve = parsed.subcommand();
    if (serve == null || serve.isUsageHelpRequested() || serve.isVersionHelpRequested()) {
      return true;
    }
    int port = serve.matchedOptionValue("--port", 8080);
    int megabytes = serve.matchedOptionValue("--max-upload-mb", 64);
    return port < 0 || port > 65535 || megabytes < 1 || megabytes > 4096;
  }

  private static boolean exists(String name) {
    try {
      return Files.exists(Path.of(name));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** Every value of a {@code Path} or {@code File} option, as picocli parses them, is inside. */
  private static boolean pathOptionsInside(CommandLine.ParseResult parsed) {
    if (parsed == null) {
      return true; // refused before anything runs
    }
    for (CommandLine.ParseResult r = parsed; r != null; r = r.subcommand()) {
      for (CommandLine.Model.ArgSpec spec : r.matchedArgs()) {
        Class<?> type = spec.typeInfo().getType();
        if (type == Path.class || type == java.io.File.class) {
          for (String value : spec.originalStringValues()) {
            if (!Path.of(value).toAbsolutePath().normalize().startsWith(DIR)) {
              return false;
            }
          }
        }
      }
    }
    return true;
  }

  private static void clean() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      for (Path p : files.toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Path sandbox() {
    try {
      Path dir = Files.createTempDirectory("candor-cli-fuzz").toRealPath();
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
