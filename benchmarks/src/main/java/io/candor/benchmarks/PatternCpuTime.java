package io.candor.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Thread CPU time of {@link PatternBenchmark}'s workloads, for a loaded shared machine where JMH's
 * wall-clock times mostly measure waiting for a core. Runs each workload {@code rounds} times
 * after the same number of warm-up rounds and prints the CPU time of each.
 *
 * <pre>
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar io.candor.benchmarks.PatternCpuTime 1000000 5
 * </pre>
 */
public final class PatternCpuTime {

  private PatternCpuTime() {}

  /**
   * Entry point.
   *
   * @param args number of trajectories (default 1,000,000) and rounds (default 5)
   */
  public static void main(String[] args) {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    PatternBenchmark b = new PatternBenchmark();
    b.clients = clients;
    b.setUp();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (String name : new String[] {"suddenGains", "plateaus"}) {
      for (int r = 0; r < 2 * rounds; r++) {
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        sink += name.equals("suddenGains") ? b.suddenGains() : b.plateaus();
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        long wall = System.nanoTime() - wall0;
        if (r >= rounds) {
          System.out.printf(Locale.ROOT, "%s %d trajectories: cpu %.0f ms, wall %.0f ms%n", name, clients,
              cpu / 1e6, wall / 1e6);
        }
      }
    }
    System.out.println("(checksum " + sink + ")");
  }
}
