package io.candor.examples.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The {@code --timings} option of the commands that read a file and fit a model (a picocli
 * mixin): the wall and CPU seconds of the main thread while reading, fitting and writing the
 * result, printed to standard error as {@code candor_read_seconds=}, {@code
 * candor_read_cpu_seconds=}, {@code candor_fit_seconds=}, {@code candor_fit_cpu_seconds=}, {@code
 * candor_output_seconds=} and {@code candor_output_cpu_seconds=} lines for the side-by-side
 * scripts. Without the option nothing is measured, and the thread management bean (a native
 * library) is not loaded.
 */
final class TimingOptions {

  @Option(names = "--timings",
      description = "print read, fit and output times (wall and CPU seconds of the main thread) to"
          + " stderr")
  boolean timings;

  private ThreadMXBean threads;
  private final long[] wall = new long[4];
  private final long[] cpu = new long[4];

  private void mark(int at) {
    if (timings) {
      if (threads == null) {
        threads = ManagementFactory.getThreadMXBean();
      }
      wall[at] = System.nanoTime();
      cpu[at] = threads.getCurrentThreadCpuTime();
    }
  }

  /** Marks the start of reading. */
  void start() {
    mark(0);
  }

  /** Marks the end of reading and the start of the fit. */
  void read() {
    mark(1);
  }

  /** Marks the end of the fit and the start of writing the result. */
  void fitted() {
    mark(2);
  }

  /**
   * Marks the end of writing the result and prints the times when {@code --timings} was given.
   *
   * @param err where the times go
   */
  void written(PrintWriter err) {
    if (!timings) {
      return;
    }
    mark(3);
    String[] phases = {"read", "fit", "output"};
    for (int p = 0; p < phases.length; p++) {
      err.printf(Locale.ROOT, "candor_%s_seconds=%.3f%ncandor_%s_cpu_seconds=%.3f%n", phases[p],
          (wall[p + 1] - wall[p]) / 1e9, phases[p], (cpu[p + 1] - cpu[p]) / 1e9);
    }
    err.flush();
  }
}
