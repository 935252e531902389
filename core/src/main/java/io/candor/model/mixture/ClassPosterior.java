package io.candor.model.mixture;

import io.candor.internal.Checks;
import java.util.List;

/**
 * How likely each trajectory class is for one client, given what has been observed: the
 * posterior probabilities, in class order (class 1 first).
 *
 * <p>These are probabilities under the fitted model, not a verdict about the person: with few
 * observations they lean on the class shares, and classes with similar early curves stay hard to
 * tell apart.
 *
 * <p>Immutable and thread-safe.
 *
 * @param probabilities one probability per class, summing to 1
 * @param observations how many observations they rest on (0 gives the prior)
 */
public record ClassPosterior(List<Double> probabilities, int observations) {

  /**
   * Validates the components.
   *
   * @param probabilities see the record description
   * @param observations see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public ClassPosterior {
    probabilities = List.copyOf(Checks.nonEmptyNoNulls("probabilities", probabilities));
    double sum = 0;
    for (int i = 0; i < probabilities.size(); i++) {
      sum += Checks.probability("probabilities[" + i + "]", probabilities.get(i));
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("probabilities must sum to 1, sum to " + sum);
    }
    Checks.atLeast("observations", observations, 0);
  }

  /**
   * The probability of one class.
   *
   * @param classIndex 1..K
   * @return its posterior probability
   * @throws IllegalArgumentException if there is no such class
   */
  public double probability(int classIndex) {
    Checks.inRange("classIndex", classIndex, 1, probabilities.size());
    return probabilities.get(classIndex - 1);
  }

  /** {@return the most likely class (1..K; the lowest index on a tie)} */
  public int mostLikely() {
    int best = 0;
    for (int j = 1; j < probabilities.size(); j++) {
      if (probabilities.get(j) > probabilities.get(best)) {
        best = j;
      }
    }
    return best + 1;
  }
}
