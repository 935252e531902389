package io.candor.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code candor} command-line tool. Each subcommand is its own class; bad arguments print a
 * one-line error and exit with status 2.
 */
@Command(
    name = "candor",
    mixinStandardHelpOptions = true,
    versionProvider = CandorCli.Version.class,
    description = "Realistic expectations about psychotherapy outcomes. Informs; never diagnoses.",
    subcommands = {
      DemoCommand.class,
      InstrumentsCommand.class,
      ClassifyCommand.class,
      FitCommand.class,
      ExpectCommand.class,
      PatternsCommand.class,
      SurvivalCommand.class,
      SimulateCommand.class,
      CalibrateCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class CandorCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Status for bad arguments or bad input. */
  public static final int USAGE = 2;

  /**
   * Status for an unexpected failure inside Candor (a bug): still one line on stderr, no stack
   * trace ({@code EX_SOFTWARE} of sysexits.h).
   */
  public static final int INTERNAL = 70;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Entry point. */
  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /**
   * Runs the tool with the given streams (what tests call).
   *
   * @return the exit status
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new CandorCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("candor: " + oneLine(stripErrorPrefix(parameterMessage(ex))));
          err.flush();
          return USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          err.println("candor: " + describe(ex));
          err.flush();
          return isBadInput(ex) ? USAGE : INTERNAL;
        });
    int status = cli.execute(args);
    out.flush();
    err.flush();
    return status;
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
