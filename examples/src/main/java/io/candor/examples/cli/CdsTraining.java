package io.candor.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run the build makes its class-data-sharing archive from ({@code
 * examples/target/candor.jsa}, used by the {@code examples/target/candor} launcher): one JVM
 * runs every subcommand once on a small simulated cohort, with {@code
 * -XX:ArchiveClassesAtExit}, so the archive holds the classes a real run loads. Each run must
 * succeed, which makes the step a smoke test of the packaged jar as well.
 *
 * <p>Not part of the tool; run by the Maven build only.
 */
final class CdsTraining {

  private CdsTraining() {}

  /**
   * Runs the subcommands in a scratch directory.
   *
   * @param args the scratch directory
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CdsTraining SCRATCH_DIRECTORY");
    }
    Path dir = Path.of(args[0]);
    try {
      Files.createDirectories(dir);
      String cohort = dir.resolve("cohort.csv").toString();
      String[] input = {"--input", cohort, "--id", "id", "--time", "session", "--score", "score"};
      run("simulate", "--clients", "500", "--seed", "1", "--threads", "1", "--out", cohort);
      String model = run(with(input, "fit", "--basis", "log", "--json"));
      Path modelFile = Files.writeString(dir.resolve("model.json"), model);
      run(with(input, "fit", "--instrument", "PHQ-9", "--random", "intercept"));
      run("fit", "--help"); // the picocli path of fit (FitArguments reads plain lines)
      run(with(input, "classes", "--basis", "log", "--classes", "1-2", "--starts", "4", "--json"));
      run(with(input, "patterns", "--instrument", "PHQ-9"));
      run(with(input, "survival", "--instrument", "PHQ-9", "--event", "recovery", "--by", "arm"));
      run("expect", "--model", modelFile.toString(), "--intake", "18", "--observed", "1:17,2:15");
      run("classify", "--instrument", "PHQ-9", "--pre", "18", "--post", "9");
      run(with(input, "classify", "--instrument", "PHQ-9"));
      String[] report = {"report", "--instrument", "PHQ-9", "--intake", "18", "--observed",
          "1:17,2:16", "--items", "2,2,1,3,1,0,2,1,1", "--clients", "500", "--threads", "1"};
      run(plus(report, "--audience", "client"));
      run(plus(report, "--audience", "therapist", "--format", "html"));
      run(plus(report, "--audience", "service", "--format", "json"));
      run("instruments");
      run("--help");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] plus(String[] command, String... more) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static String[] with(String[] input, String command, String... more) {
    List<String> all = new ArrayList<>();
    all.add(command);
    all.addAll(List.of(input));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = CandorCli.run(new PrintWriter(out), new PrintWriter(err), args);
    if (status != 0) {
      throw new IllegalStateException(
          "candor " + String.join(" ", args) + " exited " + status + ": " + err);
    }
    return out.toString();
  }
}
