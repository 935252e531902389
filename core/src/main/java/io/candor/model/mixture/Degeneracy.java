package io.candor.model.mixture;

import io.candor.internal.Checks;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Something about a fitted solution that limits what it can be used for, reported rather than
 * hidden.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what it is
 * @param classIndex the class concerned (the first of a pair for {@link Kind#INDISTINCT_CLASSES});
 *     empty when it concerns the whole solution
 * @param detail the numbers behind it, in words
 */
public record Degeneracy(Kind kind, OptionalInt classIndex, String detail) {

  /**
   * Validates the components.
   *
   * @param kind see the record description
   * @param classIndex see the record description
   * @param detail see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public Degeneracy {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(classIndex, "classIndex");
    if (classIndex.isPresent()) {
      Checks.atLeast("classIndex", classIndex.getAsInt(), 1);
    }
    Checks.nonBlank("detail", detail);
  }

  /** The kinds of degeneracy. */
  public enum Kind {
    /** No client has this class as its most likely class. */
    EMPTY_CLASS(true),
    /** The class's share is below the model's small-class share (5 % by default). */
    SMALL_CLASS(false),
    /**
     * The class's residual SD is below 0.1 % of the pooled residual SD: it fits a few clients
     * almost exactly, where the likelihood is unbounded.
     */
    ZERO_RESIDUAL_SD(true),
    /**
     * A random-effect SD of the class is below 5 % of its residual SD: practically no spread of
     * that effect between the class's clients, at or near the boundary of the parameter space
     * (EM approaches a zero variance slowly and stops near it).
     */
    ZERO_RANDOM_VARIANCE(false),
    /**
     * Two classes have the same curve (within 0.1 % of the pooled residual SD at every observed
     * time) and spread: there are fewer distinct trajectories than classes.
     */
    INDISTINCT_CLASSES(true),
    /** The best run stopped at the iteration limit before the convergence criterion was met. */
    NOT_CONVERGED(false),
    /** Only one of the final-stage runs reached the best log-likelihood. */
    BEST_NOT_REPLICATED(false);

    private final boolean disqualifying;

    Kind(boolean disqualifying) {
      this.disqualifying = disqualifying;
    }

    /**
     * Whether a solution with this degeneracy has more classes than the data support, so that
     * class enumeration passes over it when another K is available.
     *
     * @return true for empty and indistinct classes and collapsed residual SDs
     */
    public boolean disqualifying() {
      return disqualifying;
    }
  }
}
