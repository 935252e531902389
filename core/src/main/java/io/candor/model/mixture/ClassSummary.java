package io.candor.model.mixture;

import io.candor.internal.Checks;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How well the fitted clients separate into one class: how many have it as their most likely
 * class, and how sure the model is about them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index the class (1..K)
 * @param count clients whose most likely class this is
 * @param avePosterior the mean posterior probability of this class among those clients (Nagin's
 *     average posterior probability; values near 1 mean the class is well separated); empty when
 *     no client has this class as its most likely one
 */
public record ClassSummary(int index, int count, OptionalDouble avePosterior) {

  /**
   * Validates the components.
   *
   * @param index see the record description
   * @param count see the record description
   * @param avePosterior see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public ClassSummary {
    Checks.atLeast("index", index, 1);
    Checks.atLeast("count", count, 0);
    Objects.requireNonNull(avePosterior, "avePosterior");
    if (avePosterior.isPresent() != (count > 0)) {
      throw new IllegalArgumentException("avePosterior must be present exactly when count > 0;"
          + " count is " + count);
    }
    if (avePosterior.isPresent()) {
      Checks.probability("avePosterior", avePosterior.getAsDouble());
    }
  }
}
