package io.candor.model.mixture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Runs independent tasks 0..n−1 on a number of worker threads and returns their results in
 * index order. Each worker has its own state object (scratch arrays), made by a supplier, and
 * tasks do not share anything else, so the results are the same for any number of threads.
 */
final class Parallel {

  private Parallel() {}

  static <S, T> List<T> map(int n, int threads, Supplier<S> state, BiFunction<S, Integer, T> task) {
    Object[] out = new Object[n];
    int workers = Math.max(1, Math.min(threads, n));
    if (workers == 1) {
      S s = state.get();
      for (int i = 0; i < n; i++) {
        out[i] = task.apply(s, i);
      }
    } else {
      AtomicInteger next = new AtomicInteger();
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Runnable work = () -> {
        try {
          S s = state.get();
          for (int i = next.getAndIncrement(); i < n && failure.get() == null;
              i = next.getAndIncrement()) {
            out[i] = task.apply(s, i);
          }
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        }
      };
      Thread[] pool = new Thread[workers - 1];
      for (int w = 0; w < pool.length; w++) {
        pool[w] = new Thread(work, "candor-mixture-" + (w + 1));
        pool[w].setDaemon(true);
        pool[w].start();
      }
      work.run();
      for (Thread t : pool) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while fitting", e);
        }
      }
      Throwable f = failure.get();
      if (f instanceof RuntimeException re) {
        throw re;
      }
      if (f instanceof Error er) {
        throw er;
      }
    }
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) new ArrayList<>(Arrays.asList(out));
    return list;
  }
}
