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
      CommandLine.HelpCommand.class
    })
public final class CandorCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Status for bad arguments or bad input. */
  public static final int USAGE = 2;

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
          err.println("candor: " + oneLine(ex.getMessage()));
          err.flush();
          return USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof IllegalArgumentException || ex instanceof java.io.UncheckedIOException) {
            err.println("candor: " + oneLine(ex.getMessage()));
            err.flush();
            return USAGE;
          }
          throw ex;
        });
    int status = cli.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  private static String oneLine(String message) {
    return message == null ? "error" : message.replace('\n', ' ').replace('\r', ' ').trim();
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
