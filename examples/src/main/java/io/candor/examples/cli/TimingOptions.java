package io.candor.examples.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The {@code --timings} option of the commands that read a file and fit a model (a picocli
 * mixin): the wall seconds of reading and fitting, and the CPU seconds of the fit, printed to
 * standard error as {@code candor_read_seconds=}, {@code candor_fit_seconds=} and
 * {@code candor_fit_cpu_seconds=} lines for the side-by-side scripts.
 */
final class TimingOptions {

  @Option(names = "--timings",
      description = "print read and fit times (wall seconds; fit also CPU seconds) to stderr")
  boolean timings;

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private long start;
  private long read;
  private long readCpu;

  /** Marks the start of reading. */
  void start() {
    start = System.nanoTime();
  }

  /** Marks the end of reading and the start of the fit. */
  void read() {
    read = System.nanoTime();
    readCpu = timings ? threads.getCurrentThreadCpuTime() : 0;
  }

  /** Marks the end of the fit and prints the times when {@code --timings} was given. */
  void fitted(PrintWriter err) {
    if (!timings) {
      return;
    }
    long end = System.nanoTime();
    long cpu = threads.getCurrentThreadCpuTime();
    err.printf(Locale.ROOT, "candor_read_seconds=%.3f%ncandor_fit_seconds=%.3f%n"
        + "candor_fit_cpu_seconds=%.3f%n", (read - start) / 1e9, (end - read) / 1e9,
        (cpu - readCpu) / 1e9);
    err.flush();
  }
}
