package io.candor.measure;

import io.candor.evidence.Sourced;
import java.util.Objects;

/**
 * Mean and standard deviation of a reference population (clinical or functional), each with its
 * source.
 *
 * @param mean the population mean
 * @param sd the population standard deviation (&gt; 0)
 */
public record Norms(Sourced mean, Sourced sd) {

  /**
   * Validates that the SD is positive.
   *
   * @param mean the population mean
   * @param sd the population standard deviation (&gt; 0)
   */
  public Norms {
    Objects.requireNonNull(mean, "mean");
    Objects.requireNonNull(sd, "sd");
    if (!(sd.value() > 0)) {
      throw new IllegalArgumentException("norm sd must be > 0, was " + sd.value());
    }
  }
}
