package io.candor.spark;

import java.util.function.Supplier;

/** Runs Spark actions so that a bad-input error raised in a task reaches the caller as itself. */
final class Jobs {

  private Jobs() {}

  /**
   * Runs the action; an {@link IllegalArgumentException} thrown in a task (Spark wraps it in a
   * {@code SparkException}) is rethrown as an {@code IllegalArgumentException} with the same
   * message.
   */
  static <T> T run(Supplier<T> action) {
    try {
      return action.get();
    } catch (Exception e) { // Scala code throws the checked SparkException without declaring it
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof IllegalArgumentException iae) {
          if (t == e) {
            throw iae;
          }
          throw new IllegalArgumentException(iae.getMessage(), e);
        }
      }
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("Spark job failed: " + e.getMessage(), e);
    }
  }
}
