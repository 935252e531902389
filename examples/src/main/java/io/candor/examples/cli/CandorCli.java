package io.candor.examples.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code candor} command-line tool. Each subcommand is its own class; bad arguments print a
 * one-line error and exit with status 2.
 *
 * <p>Start-up is part of every run, so only the subcommand named on the command line is loaded
 * and introspected; the others are registered only when needed (top-level help, an unknown
 * command, {@code candor help}). A plain {@code candor fit} line is read without picocli at all
 * ({@link FitArguments}).
 */
@Command(
    name = "candor",
    mixinStandardHelpOptions = true,
    versionProvider = CandorCli.Version.class,
    description = "Realistic expectations about psychotherapy outcomes. Informs; never diagnoses.")
public final class CandorCli implements Runnable {

  /** The subcommands, in the order {@code --help} lists them. */
  static final List<String> COMMANDS = List.of("demo", "report", "instruments", "classify", "fit",
      "expect", "classes", "therapists", "patterns", "survival", "simulate", "calibrate",
      "wellbeing", "caseload", "caseload-sim", "fhir-import", "serve");

  private static final Set<String> ALL = Set.copyOf(COMMANDS);

  /** A new instance of a subcommand; only the named class is loaded. */
  private static Object command(String name) {
    return switch (name) {
      case "demo" -> new DemoCommand();
      case "report" -> new ReportCommand();
      case "instruments" -> new InstrumentsCommand();
      case "classify" -> new ClassifyCommand();
      case "fit" -> new FitCommand();
      case "expect" -> new ExpectCommand();
      case "classes" -> new ClassesCommand();
      case "therapists" -> new TherapistsCommand();
      case "patterns" -> new PatternsCommand();
      case "survival" -> new SurvivalCommand();
      case "simulate" -> new SimulateCommand();
      case "calibrate" -> new CalibrateCommand();
      case "wellbeing" -> new WellbeingCommand();
      case "caseload" -> new CaseloadCommand();
      case "caseload-sim" -> new CaseloadSimCommand();
      case "fhir-import" -> new FhirImportCommand();
      case "serve" -> new ServeCommand();
      default -> throw new IllegalArgumentException("no subcommand " + name);
    };
  }

  /**
   * The tool with the subcommand {@code args[0]} only; else with every subcommand, those picocli
   * may look into fully built and the others by name only (see {@link #lookedInto}); with no
   * arguments, with all of them fully built.
   */
  static CommandLine commandLine(String... args) {
    CommandLine cli = new CommandLine(new CandorCli());
    if (args.length > 0 && COMMANDS.contains(args[0])) {
      cli.addSubcommand(args[0], command(args[0]));
      return cli;
    }
    Set<String> built = lookedInto(args);
    for (String name : COMMANDS) {
      cli.addSubcommand(name,
          built.contains(name) ? command(name) : CommandLine.Model.CommandSpec.create());
    }
    cli.addSubcommand("help", new CommandLine.HelpCommand());
    return cli;
  }

  /**
   * The subcommands whose options picocli may look at for these arguments, when the first is not
   * a subcommand: every one if an argument may ask for help or the version, or is an argument
   * file ({@code @file}), or if each is the end of options ({@code --}, after which picocli takes
   * nothing as a command or option; alone, it asks for the usage), which lists the subcommands'
   * descriptions; else those the arguments name (picocli parses the rest of the line with the
   * first one named; the others it only suggests by name). Help and the version are asked by
   * {@code help}, by {@code --help} and {@code --version} alone or with a value ({@code
   * --help=true}: picocli allows neither abbreviations nor other suffixes of a long option), and
   * by any argument starting {@code -h} or {@code -V}, which covers clusters such as {@code -hV}.
   * Building a subcommand's options takes most of the start-up of a mistyped command (tens of
   * milliseconds for all of them).
   */
  static Set<String> lookedInto(String... args) {
    Set<String> named = new LinkedHashSet<>();
    boolean unmatched = false;
    for (String a : args) {
      if (a.equals("help") || a.startsWith("@") || a.startsWith("-h") || a.startsWith("-V")
          || isLong(a, "--help") || isLong(a, "--version")) {
        return ALL;
      }
      if (COMMANDS.contains(a)) {
        named.add(a);
      }
      unmatched |= !a.equals("--");
    }
    return unmatched ? named : ALL;
  }

  /** Whether picocli reads the argument as the long option: the name alone, or with a value. */
  private static boolean isLong(String arg, String option) {
    return arg.equals(option) || arg.startsWith(option + "=");
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Status for bad arguments or bad input. */
  public static final int USAGE = 2;

  /** picocli's messages for bad arguments are cut after this many characters. */
  private static final int LONGEST_PARAMETER_MESSAGE = 300;

  /**
   * Other messages are cut after this many characters: a path the user gave is shown whole, and
   * a control character in it is written as a six-character escape.
   */
  static final int LONGEST_MESSAGE = 1000;

  /**
   * Status for an unexpected failure inside Candor (a bug): still one line on stderr, no stack
   * trace ({@code EX_SOFTWARE} of sysexits.h).
   */
  public static final int INTERNAL = 70;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Entry point.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the tool with the given streams (what tests call).
   *
   * @param out where results go
   * @param err where the one-line error goes
   * @param args the command line
   * @return the exit status
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    FitCommand fit = FitArguments.parse(args);
    if (fit != null) {
      int status = fit.run(out, err);
      out.flush();
      err.flush();
      return status;
    }
    return execute(commandLine(args), out, err, args);
  }

  /** Runs the arguments on the given command line, as {@link #run} does after {@code fit}. */
  static int execute(CommandLine cli, PrintWriter out, PrintWriter err, String... args) {
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          // picocli repeats the offending argument, which may be long or hold control characters
          err.println("candor: " + CliText.shortened(oneLine(stripErrorPrefix(parameterMessage(ex))),
              LONGEST_PARAMETER_MESSAGE));
          err.flush();
          return USAGE;
        });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, err));
    int status = cli.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  /**
   * Reports what a command threw: one line on {@code err}, any control character left in it (a
   * tab in a file name the user gave: the library quotes the values it names, but names a path
   * as given) written as its Unicode escape, as quoted values are, and cut after {@value
   * #LONGEST_MESSAGE} characters.
   *
   * @return the status: {@link #USAGE} for bad input, {@link #INTERNAL} for anything else
   */
  static int failed(Exception ex, PrintWriter err) {
    err.println("candor: " + CliText.shortened(describe(ex), LONGEST_MESSAGE));
    err.flush();
    return isBadInput(ex) ? USAGE : INTERNAL;
  }

  private static String oneLine(String message) {
    return message == null || message.isBlank()
        ? "error"
        : message.replace('\n', ' ').replace('\r', ' ').trim();
  }

  /**
   * A misspelt option also leaves required options missing; picocli reports the missing ones, so
   * name the unknown option instead: it is the one to fix.
   */
  private static String parameterMessage(CommandLine.ParameterException ex) {
    if (ex instanceof CommandLine.MissingParameterException && ex.getCommandLine() != null) {
      java.util.List<String> unmatched = ex.getCommandLine().getUnmatchedArguments();
      if (!unmatched.isEmpty()) {
        String arg = unmatched.get(0);
        return (arg.startsWith("-") ? "Unknown option: '" : "Unmatched argument: '") + arg + "'";
      }
    }
    return ex.getMessage();
  }

  /** picocli's group messages start with "Error: "; after "candor: " that is noise. */
  private static String stripErrorPrefix(String message) {
    return message != null && message.startsWith("Error: ") ? message.substring(7) : message;
  }

  /** Bad arguments, bad input files and I/O failures are the user's to fix: status 2. */
  static boolean isBadInput(Throwable ex) {
    return ex instanceof IllegalArgumentException
        || ex instanceof java.io.UncheckedIOException
        || ex instanceof java.io.IOException;
  }

  /** One line naming what went wrong; I/O causes get a readable reason. */
  static String describe(Throwable ex) {
    if (!isBadInput(ex)) {
      return "internal error (please report): " + ex.getClass().getSimpleName()
          + (ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage()));
    }
    String message = oneLine(ex.getMessage());
    Throwable cause = ex instanceof java.io.IOException ? ex : ex.getCause();
    if (cause instanceof java.nio.file.FileSystemException fse && fse.getReason() == null) {
      String reason =
          fse instanceof java.nio.file.NoSuchFileException
              ? "no such file or directory"
              : fse instanceof java.nio.file.AccessDeniedException
                  ? "permission denied"
                  : fse instanceof java.nio.file.FileAlreadyExistsException
                      ? "file already exists"
                      : null;
      String bare = oneLine(fse.getMessage());
      if (reason != null) {
        message = message.endsWith(bare)
            ? message.substring(0, message.length() - bare.length()) + reason
            : message + ": " + reason;
        if (message.equals(reason)) {
          message = fse.getFile() + ": " + reason;
        }
      }
    }
    return message;
  }

  /** Reports the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = CandorCli.class.getPackage().getImplementationVersion();
      return new String[] {"candor " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }
}
