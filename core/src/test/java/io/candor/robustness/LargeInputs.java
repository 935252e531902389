package io.candor.robustness;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/**
 * Adversarial inputs of about 10 MB (deep nesting, one huge value, no line break) and the check
 * that reading one is refused with a short {@link IllegalArgumentException}, without a stack
 * overflow, and allocating at most a bounded multiple of the input's size (so that a larger input
 * cannot exhaust memory).
 */
public final class LargeInputs {

  /** About 10 MB. */
  public static final int SIZE = 10 * 1024 * 1024;

  /** At most this many bytes may be allocated per character of input. */
  public static final long BYTES_PER_CHAR = 40;

  private LargeInputs() {}

  /**
   * A text of {@link #SIZE} characters: {@code prefix}, then {@code unit} repeated, then {@code suffix}.
   *
   * @param prefix the start
   * @param unit what is repeated
   * @param suffix the end
   * @return the text
   */
  public static String of(String prefix, String unit, String suffix) {
    int n = (SIZE - prefix.length() - suffix.length()) / unit.length();
    return prefix + unit.repeat(n) + suffix;
  }

  /**
   * Asserts that reading the input is refused with a checked message, allocating at most
   * {@link #BYTES_PER_CHAR} bytes per input character on this thread.
   *
   * @param input the input (for the message and allocation checks)
   * @param read reads it
   * @return the message
   */
  public static String assertRefused(String input, Executable read) {
    long before = allocated();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, read);
    long used = allocated() - before;
    Refusals.checkMessage(e.getMessage(), input.length() < 100_000 ? input : "");
    assertTrue(used <= BYTES_PER_CHAR * input.length(),
        () -> "allocated " + used / (1 << 20) + " MB to refuse " + input.length() / (1 << 20)
            + " MB: " + e.getMessage());
    return e.getMessage();
  }

  /**
   * Bytes allocated so far by this thread (HotSpot's thread allocation counter, reached by
   * reflection: the tests compile inside module io.candor.core, which does not read
   * jdk.management).
   *
   * @return the count
   */
  public static long allocated() {
    try {
      Object bean = Class.forName("java.lang.management.ManagementFactory")
          .getMethod("getThreadMXBean").invoke(null);
      return (long) Class.forName("com.sun.management.ThreadMXBean")
          .getMethod("getThreadAllocatedBytes", long.class)
          .invoke(bean, Thread.currentThread().getId());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no thread allocation counter", e);
    }
  }
}
