package io.candor.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * Thread CPU time of {@link ExpectationBenchmark}'s workloads (one report; the simulator alone on
 * the same 20,000 clients), for a loaded shared machine where JMH's wall-clock times mostly
 * measure waiting for a core. Runs each workload {@code rounds} times after as many warm-up
 * rounds, all on the calling thread, and prints the median CPU and wall time.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.candor.benchmarks.ExpectationCpuTime 20
 * </pre>
 */
public final class ExpectationCpuTime {

  private ExpectationCpuTime() {}

  /**
   * Entry point.
   *
   * @param args rounds (default 20)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    ExpectationBenchmark b = new ExpectationBenchmark();
    b.setUp();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long sink = 0;
    for (String name : new String[] {"report", "simulatorAlone"}) {
      double[] cpu = new double[rounds];
      double[] wall = new double[rounds];
      for (int r = 0; r < 2 * rounds; r++) {
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        sink += name.equals("report") ? b.report().clients() : b.simulatorAlone().clients();
        if (r >= rounds) {
          cpu[r - rounds] = (mx.getCurrentThreadCpuTime() - cpu0) / 1e6;
          wall[r - rounds] = (System.nanoTime() - wall0) / 1e6;
        }
      }
      Arrays.sort(cpu);
      Arrays.sort(wall);
      System.out.printf(Locale.ROOT, "%s: median cpu %.1f ms (%.1f-%.1f), median wall %.1f ms%n",
          name, cpu[rounds / 2], cpu[0], cpu[rounds - 1], wall[rounds / 2]);
    }
    System.out.println("(checksum " + sink + ")");
  }
}
