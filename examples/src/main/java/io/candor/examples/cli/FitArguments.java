package io.candor.examples.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a plain {@code candor fit} command line without picocli, for the tool's most frequent
 * batch use. Setting picocli up for one command (reflection over the option fields, annotation
 * proxies, converters) costs about as much CPU time as reading and fitting a 10,000-client file;
 * this reader costs nothing measurable.
 *
 * <p>It accepts only lines picocli reads the same way: the subcommand {@code fit} followed by
 * long options of {@link FitCommand} and its mixins, each at most once (except the repeatable
 * {@code --covariate}), as {@code --name value} or {@code --name=value}, with non-empty values that
 * do not start with {@code -} or {@code @}, every required option present and every value
 * accepted by the option's own converter. Anything else (help, version, an unknown, repeated or
 * abbreviated option, a missing value, a value picocli would reject or expand as an argument
 * file) is left to picocli, so every message about a bad command line is picocli's as before.
 * {@code FitArgumentsTest} checks the table below against the annotated options and compares
 * both readers on random command lines.
 */
final class FitArguments {

  /** How an option takes its value. */
  enum Kind {
    /** One value. */
    VALUE,
    /** One value per occurrence, repeatable. */
    LIST,
    /** No value. */
    FLAG
  }

  /**
   * A long option of {@code candor fit}.
   *
   * @param name its name
   * @param kind how it takes its value
   * @param defaultValue its default value, or null for none
   */
  record Option(String name, Kind kind, String defaultValue) {}

  /** The options, in the order {@link #parse} reads their values. */
  static final Option[] OPTIONS = {
    new Option("--input", Kind.VALUE, null),
    new Option("--id", Kind.VALUE, null),
    new Option("--time", Kind.VALUE, null),
    new Option("--score", Kind.VALUE, null),
    new Option("--delimiter", Kind.VALUE, ","),
    new Option("--decimal", Kind.VALUE, "point"),
    new Option("--basis", Kind.VALUE, "linear"),
    new Option("--random", Kind.VALUE, "slope"),
    new Option("--method", Kind.VALUE, "reml"),
    new Option("--covariate", Kind.LIST, null),
    new Option("--instrument", Kind.VALUE, null),
    new Option("--interact", Kind.FLAG, null),
    new Option("--cluster", Kind.VALUE, null),
    new Option("--json", Kind.FLAG, null),
    new Option("--out", Kind.VALUE, null),
    new Option("--csv", Kind.VALUE, null),
    new Option("--timings", Kind.FLAG, null),
  };

  private FitArguments() {}

  /**
   * The command the arguments describe, or null when picocli must read them.
   *
   * @param args the whole command line, {@code args[0]} being the subcommand
   * @return the command with its options set, or null
   */
  static FitCommand parse(String... args) {
    if (args.length < 2 || !args[0].equals("fit") || System.getProperty("picocli.trace") != null) {
      return null;
    }
    FitCommand fit = new FitCommand();
    fit.data = new LongInputOptions();
    fit.output = new OutputOptions();
    Set<String> seen = new HashSet<>();
    String[] value = new String[OPTIONS.length];
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = eq > 2 && arg.startsWith("--") ? arg.substring(0, eq) : arg;
      int option = index(name);
      if (option < 0) {
        return null;
      }
      Kind kind = OPTIONS[option].kind();
      String v;
      if (kind == Kind.FLAG) {
        if (eq > 2) {
          return null;
        }
        v = "true";
      } else if (eq > 2) {
        v = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        v = args[++i];
      } else {
        return null;
      }
      if (v.isEmpty() || v.startsWith("-") || v.startsWith("@")) {
        return null;
      }
      if (kind == Kind.LIST) {
        fit.covariates.add(v);
      } else if (!seen.add(name)) {
        return null;
      } else {
        value[option] = v;
      }
    }
    for (int o = 0; o < OPTIONS.length; o++) {
      if (value[o] == null) {
        value[o] = OPTIONS[o].defaultValue();
      }
    }
    if (value[0] == null || value[1] == null || value[2] == null || value[3] == null) {
      return null; // picocli names the missing required options
    }
    try {
      fit.data.input = Path.of(value[0]);
      fit.data.idColumn = value[1];
      fit.data.timeColumn = value[2];
      fit.data.scoreColumn = value[3];
      fit.data.delimiter = new LongInputOptions.DelimiterConverter().convert(value[4]);
      fit.data.decimal = new LongInputOptions.DecimalConverter().convert(value[5]);
      fit.basis = new FitCommand.BasisConverter().convert(value[6]);
      fit.random = new FitCommand.RandomConverter().convert(value[7]);
      fit.method = new FitCommand.MethodConverter().convert(value[8]);
      fit.instrument = value[10];
      fit.interact = value[11] != null;
      fit.cluster = value[12];
      fit.output.json = value[13] != null;
      fit.output.out = value[14] == null ? null : Path.of(value[14]);
      fit.output.csv = value[15] == null ? null : Path.of(value[15]);
      fit.timings = new TimingOptions();
      fit.timings.timings = value[16] != null;
    } catch (RuntimeException e) {
      return null; // picocli reports the value and what the option takes (a path, a word)
    }
    return fit;
  }

  private static int index(String name) {
    for (int o = 0; o < OPTIONS.length; o++) {
      if (OPTIONS[o].name().equals(name)) {
        return o;
      }
    }
    return -1;
  }
}
