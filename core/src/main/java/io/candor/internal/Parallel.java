package io.candor.internal;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs one body on several worker threads and waits for all of them: worker 0 on the calling
 * thread, the others on daemon threads named after the task. The first failure of any worker is
 * rethrown on the calling thread once every worker has stopped.
 *
 * <p>Callers make results independent of the thread count themselves (one random stream per unit
 * of work, integer counts merged exactly).
 */
public final class Parallel {

  private Parallel() {}

  /**
   * Runs {@code work} for workers 0 to {@code threads − 1} and waits for them.
   *
   * @param threads number of workers (at least 1; 1 runs on the calling thread only)
   * @param name prefix of the worker threads' names
   * @param work the body, given the worker number
   */
  public static void run(int threads, String name, IntConsumer work) {
    if (threads == 1) {
      work.accept(0);
      return;
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] pool = new Thread[threads - 1];
    for (int w = 1; w < threads; w++) {
      int id = w;
      pool[w - 1] = new Thread(() -> {
        try {
          work.accept(id);
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        }
      }, name + "-" + w);
      pool[w - 1].setDaemon(true);
      pool[w - 1].start();
    }
    try {
      work.accept(0);
    } catch (RuntimeException | Error t) {
      failure.compareAndSet(null, t);
    }
    for (Thread t : pool) {
      try {
        t.join();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name + " workers", ex);
      }
    }
    Throwable f = failure.get();
    if (f instanceof RuntimeException re) {
      throw re;
    }
    if (f instanceof Error err) {
      throw err;
    }
    if (f != null) {
      throw new IllegalStateException(f);
    }
  }
}
