package io.candor.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The picocli-free reader of {@code candor fit} lines ({@link FitArguments}) against picocli: it
 * knows exactly the annotated options, and whenever it accepts a line it reads it as picocli does.
 */
class FitArgumentsTest {

  private static final String[] REQUIRED = {
    "--input", "scores.csv", "--id", "client", "--time", "session", "--score", "phq9"};

  /** Every option value the command ends up with, for comparison. */
  private static List<Object> view(FitCommand f) {
    return Arrays.asList(f.data.input, f.data.idColumn, f.data.timeColumn, f.data.scoreColumn,
        f.data.delimiter, f.data.decimal, f.basis, f.random, f.method, f.covariates,
        f.instrument, f.interact, f.cluster, f.output.json, f.output.out, f.output.csv,
        f.timings.timings);
  }

  /** The command as picocli reads the line, or null when picocli rejects it. */
  private static FitCommand picocli(String... args) {
    try {
      CommandLine.ParseResult parsed = CandorCli.commandLine(args).parseArgs(args);
      if (!parsed.hasSubcommand() || parsed.subcommand().isUsageHelpRequested()
          || parsed.subcommand().isVersionHelpRequested()) {
        return null;
      }
      return (FitCommand) parsed.subcommand().commandSpec().userObject();
    } catch (CommandLine.ParameterException e) {
      return null;
    }
  }

  @Test
  void options_areExactlyTheAnnotatedOptions_withTheirKindsAndDefaults() {
    Map<String, String> annotated = new TreeMap<>();
    for (OptionSpec o : new CommandLine(new FitCommand()).getCommandSpec().options()) {
      if (o.usageHelp() || o.versionHelp()) {
        continue;
      }
      FitArguments.Kind kind = o.arity().max() == 0 ? FitArguments.Kind.FLAG
          : o.isMultiValue() ? FitArguments.Kind.LIST : FitArguments.Kind.VALUE;
      annotated.put(String.join(" ", o.names()), kind + " " + o.defaultValue() + " "
          + (o.required() ? "required" : "optional"));
    }
    Map<String, String> known = new TreeMap<>();
    for (int i = 0; i < FitArguments.OPTIONS.length; i++) {
      FitArguments.Option o = FitArguments.OPTIONS[i];
      known.put(o.name(), o.kind() + " " + o.defaultValue() + " "
          + (i < 4 ? "required" : "optional"));
    }
    assertEquals(annotated, known);
  }

  @Test
  void plainLines_areReadWithoutPicocli_asPicocliReadsThem() {
    List<String[]> lines = List.of(
        with(),
        with("--basis", "log", "--json"),
        with("--basis=piecewise:4", "--random=intercept", "--method", "ML", "--timings"),
        with("--covariate", "age", "--covariate=group", "--interact", "--instrument", "PHQ-9",
            "--cluster", "therapist", "--out", "model.json", "--csv", "effects.csv"),
        with("--delimiter", ";", "--decimal", "comma"),
        with("--delimiter", "tab"));
    for (String[] line : lines) {
      FitCommand fast = FitArguments.parse(line);
      assertNotNull(fast, String.join(" ", line));
      assertEquals(view(picocli(line)), view(fast), String.join(" ", line));
    }
  }

  @Test
  void everythingElse_isLeftToPicocli() {
    for (String[] line : List.of(
        new String[] {"fit"},
        new String[] {"fit", "--help"},
        with("-h"),
        with("--version"),
        with("--bogus"),
        with("--json=true"),
        with("--basis"),
        with("--basis", "cubic"),
        with("--method", "--json"),
        with("--id", "again"),
        with("--json", "--json"),
        with("--instrument", "@args.txt"),
        with("--instrument", ""),
        with("--"),
        with("extra"),
        new String[] {"fit", "--input", "x.csv", "--id", "id", "--time", "t"},
        new String[] {"fit", "--input", "x\u0000.csv", "--id", "i", "--time", "t", "--score", "s"},
        new String[] {"patterns", "--input", "x.csv"})) {
      assertNull(FitArguments.parse(line), String.join(" ", line));
    }
  }

  private static String[] with(String... more) {
    List<String> all = new ArrayList<>(List.of("fit"));
    all.addAll(List.of(REQUIRED));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** Option names: those of fit, then others. */
  private static final String[] NAMES = {
    "--input", "--id", "--time", "--score", "--delimiter", "--decimal", "--basis", "--random",
    "--method", "--covariate", "--instrument", "--interact", "--cluster", "--json", "--out",
    "--csv", "--timings", "--bogus", "-h", "--help", "-V", "--inp", "--"};

  /** Values each option of fit may be given, good and bad, by option (flags have none). */
  private static final String[][] VALUES = {
    {"a.csv", "dir/x y.csv"}, {"id", "x y", "ü"}, {"session", "t"}, {"score", "phq9"},
    {",", ";", "tab", "|", "comma", "semicolon", "\\t", "x"}, {"point", "comma", "COMMA", "x"},
    {"linear", "log", "LOG", "quadratic", "piecewise:3", "piecewise:", "piecewise:x", "cubic"},
    {"slope", "intercept", "Slope", "both"}, {"reml", "ml", "ML", "x"}, {"age", "group"},
    {"PHQ-9", "no-such"}, {}, {"therapist"}, {}, {"o.json"}, {"e.csv"}, {}};

  /** Values that picocli reads differently or rejects: left to picocli. */
  private static final String[] ODD = {"-x", "@file", "", "a=b", "--json"};

  @Test
  void randomLines_whenReadWithoutPicocli_areReadAsPicocliReadsThem() {
    int[] accepted = {0};
    qt().withExamples(1500)
        .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 10),
            integers().between(0, 7))
        .checkAssert((tokens, omit) -> {
          List<String> line = new ArrayList<>(List.of("fit"));
          for (int r = 0; r < 4; r++) {
            if (r != omit) {
              line.add(REQUIRED[2 * r]);
              line.add(REQUIRED[2 * r + 1]);
            }
          }
          for (int t : tokens) {
            int o = t % 20 < 18 ? t % VALUES.length : VALUES.length + t % (NAMES.length
                - VALUES.length);
            String name = NAMES[o];
            String[] good = o < VALUES.length ? VALUES[o] : new String[0];
            int v = (t >>> 8) % 16;
            String value = good.length > 0 && v < 14 ? good[v % good.length] : ODD[v % ODD.length];
            boolean equals = ((t >>> 12) & 3) == 0;
            if (good.length == 0 && v < 14) {
              line.add(equals ? name + "=" + value : name);
            } else if (equals) {
              line.add(name + "=" + value);
            } else {
              line.add(name);
              line.add(value);
            }
          }
          String[] args = line.toArray(String[]::new);
          FitCommand fast = FitArguments.parse(args);
          FitCommand slow = picocli(args);
          if (fast != null) {
            accepted[0]++;
            assertNotNull(slow, "picocli rejects " + line);
            assertEquals(view(slow), view(fast), line.toString());
          }
        });
    assertTrue(accepted[0] > 100, "only " + accepted[0] + " random lines were read");
  }
}
