package io.candor.model.mixture;

import io.candor.internal.Checks;

/**
 * One class's contribution to a forecast at one time: the class's posterior probability and the
 * normal distribution of the client's score at that time if the client is in that class.
 *
 * <p>Immutable and thread-safe.
 *
 * @param classIndex the class (1..K)
 * @param probability its posterior probability for this client
 * @param mean the expected score in this class (for GMM, on the client's own predicted curve)
 * @param sd the SD of a new observation in this class
 */
public record ClassPoint(int classIndex, double probability, double mean, double sd) {

  /**
   * Validates the components.
   *
   * @param classIndex see the record description
   * @param probability see the record description
   * @param mean see the record description
   * @param sd see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public ClassPoint {
    Checks.atLeast("classIndex", classIndex, 1);
    Checks.probability("probability", probability);
    Checks.finite("mean", mean);
    Checks.positive("sd", sd);
  }
}
