package io.candor.benchmarks;

import io.candor.model.mixture.ClassEnumeration;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Thread CPU time of {@link MixtureBenchmark}'s workloads, for a loaded shared machine where JMH's
 * wall-clock times mostly measure waiting for a core. Runs each workload {@code rounds} times
 * after one warm-up round and prints the CPU and wall time of each, with the iterations of the
 * largest K's best run.
 *
 * <pre>
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar io.candor.benchmarks.MixtureCpuTime 10000 3
 * </pre>
 */
public final class MixtureCpuTime {

  private MixtureCpuTime() {}

  /**
   * Entry point.
   *
   * @param args number of clients (default 10,000) and rounds (default 3)
   */
  public static void main(String[] args) {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (double sd : new double[] {2, 0}) {
      MixtureBenchmark b = new MixtureBenchmark();
      b.clients = clients;
      b.interceptSd = sd;
      b.setUp();
      for (String name : new String[] {"lcgaOneToFive", "gmmOneToFour"}) {
        for (int r = 0; r <= rounds; r++) {
          long cpu0 = mx.getCurrentThreadCpuTime();
          long wall0 = System.nanoTime();
          ClassEnumeration e = name.equals("lcgaOneToFive") ? b.lcgaOneToFive() : b.gmmOneToFour();
          long cpu = mx.getCurrentThreadCpuTime() - cpu0;
          long wall = System.nanoTime() - wall0;
          if (r > 0) {
            System.out.printf(Locale.ROOT, "%s interceptSd=%s %d clients: cpu %.2f s, wall %.2f s"
                + " (K = %d chosen; largest K: %d EM passes, %d of %d final runs at the best)%n",
                name, sd, clients, cpu / 1e9, wall / 1e9, e.selected().classes(),
                e.fits().get(e.fits().size() - 1).convergence().iterations(),
                e.fits().get(e.fits().size() - 1).bestReplicated(),
                e.fits().get(e.fits().size() - 1).starts().finalStarts());
          }
        }
      }
    }
  }
}
