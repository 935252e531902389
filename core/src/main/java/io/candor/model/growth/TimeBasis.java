package io.candor.model.growth;

import java.util.List;

/**
 * How time (session number, days, weeks...) enters the fixed part of a growth model.
 *
 * <p>Each basis turns one time value into one or two terms. The first term is the one a random
 * slope acts on, and the one covariates interact with. Term names are the ones the JSON and CLI
 * use: in the {@link #LOG} basis the term named {@code time} holds log(time + 1).
 */
public enum TimeBasis {
  /** One term: time. */
  LINEAR(List.of("time")),
  /** One term: log(time + 1), named {@code time}; time must be greater than −1. */
  LOG(List.of("time")),
  /** Two terms: time and time², named {@code time} and {@code time^2}. */
  QUADRATIC(List.of("time", "time^2")),
  /**
   * Two terms: time and max(0, time − knot), named {@code time} and {@code time_after_knot}: a
   * line whose slope changes by the second coefficient at the knot.
   */
  PIECEWISE(List.of("time", "time_after_knot"));

  private final List<String> termNames;

  TimeBasis(List<String> termNames) {
    this.termNames = termNames;
  }

  /**
   * The names of this basis's terms, first term first.
   *
   * @return the names of this basis's terms, first term first
   */
  public List<String> termNames() {
    return termNames;
  }

  /**
   * Number of terms (1 or 2).
   *
   * @return the number of terms (1 or 2)
   */
  public int size() {
    return termNames.size();
  }

  /**
   * The first term at this time (what a random slope multiplies).
   *
   * @param time the time value
   * @return time, or log(time + 1) for {@link #LOG}
   */
  public double firstTerm(double time) {
    return this == LOG ? log1p(time) : time;
  }

  /** log(1 + k) for whole times k below {@value #TABULATED}, the usual session numbers. */
  private static final int TABULATED = 1024;

  private static final double[] LOG1P = new double[TABULATED];

  static {
    for (int k = 0; k < TABULATED; k++) {
      LOG1P[k] = Math.log1p(k);
    }
  }

  /**
   * {@link Math#log1p}, exactly, from a table for whole times 0 to {@value #TABULATED} − 1: a
   * growth fit takes the log of every row's time several times, and on JDK 17 each {@code
   * Math.log1p} is a call into native code, which dominated the fit of a large file of sessions.
   */
  private static double log1p(double time) {
    int k = (int) time;
    if (k == time && k >= 0 && k < TABULATED) {
      return k == 0 ? time : LOG1P[k]; // log1p keeps ±0 as they are: the intake costs no call
    }
    return Math.log1p(time);
  }

  /**
   * Writes this basis's terms at {@code time} into {@code out} starting at {@code offset}.
   *
   * @param time the time value
   * @param knot the knot, used by {@link #PIECEWISE} only
   * @param out destination
   * @param offset first index written
   */
  public void terms(double time, double knot, double[] out, int offset) {
    switch (this) {
      case LINEAR -> out[offset] = time;
      case LOG -> out[offset] = log1p(time);
      case QUADRATIC -> {
        out[offset] = time;
        out[offset + 1] = time * time;
      }
      case PIECEWISE -> {
        out[offset] = time;
        out[offset + 1] = Math.max(0.0, time - knot);
      }
      default -> throw new AssertionError(this);
    }
  }
}
