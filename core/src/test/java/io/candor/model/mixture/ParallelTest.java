package io.candor.model.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void map_returnsEveryTasksResultInIndexOrder_forAnyNumberOfThreads() {
    for (int threads : new int[] {1, 2, 3, 8}) {
      for (int n : new int[] {0, 1, 2, 7, 50}) {
        List<Integer> out = Parallel.map(n, threads, () -> null, (s, i) -> i * i);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          expected.add(i * i);
        }
        assertEquals(expected, out, threads + " threads, " + n + " tasks");
      }
    }
  }

  @Test
  void map_givesEachWorkerItsOwnState_andUsesNoMoreWorkersThanTasksOrThreads() {
    for (int threads : new int[] {1, 2, 3}) {
      for (int n : new int[] {1, 2, 40}) {
        AtomicInteger made = new AtomicInteger();
        Set<Object> states = ConcurrentHashMap.newKeySet();
        Set<String> names = ConcurrentHashMap.newKeySet();
        List<Integer> out = Parallel.map(n, threads, () -> {
          made.incrementAndGet();
          return new Object();
        }, (s, i) -> {
          states.add(s);
          names.add(Thread.currentThread().getName());
          return i;
        });
        assertEquals(n, out.size());
        int workers = Math.min(threads, n);
        assertEquals(workers, made.get(), threads + " threads, " + n + " tasks");
        assertTrue(states.size() <= workers);
        assertTrue(names.size() <= workers);
        for (String name : names) {
          assertTrue(name.equals(Thread.currentThread().getName())
              || name.matches("candor-mixture-[1-" + (workers - 1) + "]"), name);
        }
      }
    }
  }

  @Test
  void map_withManyThreads_runsTheTasksOnTheCallingAndNamedWorkerThreads() {
    Set<String> names = Collections.synchronizedSet(new java.util.HashSet<>());
    Parallel.map(64, 2, () -> null, (s, i) -> {
      names.add(Thread.currentThread().getName());
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return i;
    });
    assertTrue(names.contains("candor-mixture-1"), names.toString());
    assertTrue(names.contains(Thread.currentThread().getName()), names.toString());
  }

  @Test
  void map_passesOnTheFirstFailureOfATask_whetherExceptionOrError() {
    for (int threads : new int[] {1, 2}) {
      IllegalStateException boom = new IllegalStateException("boom");
      assertSame(boom, assertThrows(IllegalStateException.class,
          () -> Parallel.map(20, threads, () -> null, (s, i) -> {
            if (i == 7) {
              throw boom;
            }
            return i;
          })));
      AssertionError error = new AssertionError("bad");
      assertSame(error, assertThrows(AssertionError.class,
          () -> Parallel.map(20, threads, () -> null, (s, i) -> {
            if (i == 3) {
              throw error;
            }
            return i;
          })));
    }
  }

  @Test
  void map_stopsTakingNewTasksOnceOneHasFailed() {
    AtomicInteger ran = new AtomicInteger();
    assertThrows(IllegalArgumentException.class,
        () -> Parallel.map(10_000, 2, () -> null, (s, i) -> {
          ran.incrementAndGet();
          if (i == 0) {
            throw new IllegalArgumentException("first");
          }
          return i;
        }));
    assertTrue(ran.get() < 10_000, "ran " + ran.get());
  }
}
