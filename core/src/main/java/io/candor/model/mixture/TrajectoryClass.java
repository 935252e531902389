package io.candor.model.mixture;

import io.candor.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One latent trajectory class: its share of clients, its curve, and the spread around it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index the class's number, 1..K, in Candor's deterministic order (ascending first time
 *     coefficient, then ascending intercept)
 * @param share the estimated share of clients in this class: the mixing proportion, the prior
 *     probability of the class for a new client (with membership covariates, the mean of the
 *     fitted clients' prior probabilities); at the maximum it equals the mean of their posterior
 *     probabilities
 * @param coefficients the class curve's coefficients, one per term in the basis's order
 * @param residualSd the SD of observations around the curve (of a client's own curve, for GMM)
 * @param spread for a growth mixture model, how clients' intercepts (and slopes) vary within the
 *     class; empty for LCGA
 */
public record TrajectoryClass(int index, double share, List<TermEstimate> coefficients,
    double residualSd, Optional<WithinClassSpread> spread) {

  /**
   * Validates the components.
   *
   * @param index see the record description
   * @param share see the record description
   * @param coefficients see the record description
   * @param residualSd see the record description
   * @param spread see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public TrajectoryClass {
    Checks.atLeast("index", index, 1);
    Checks.probability("share", share);
    coefficients = List.copyOf(Checks.nonEmptyNoNulls("coefficients", coefficients));
    Checks.positive("residualSd", residualSd);
    Objects.requireNonNull(spread, "spread");
  }

  /**
   * The coefficient of a term.
   *
   * @param term a term name such as {@code intercept} or {@code time}
   * @return its estimate
   * @throws IllegalArgumentException if the class has no such term
   */
  public double coefficient(String term) {
    for (TermEstimate t : coefficients) {
      if (t.term().equals(term)) {
        return t.estimate();
      }
    }
    throw new IllegalArgumentException("class " + index + " has no term " + term + "; terms are "
        + coefficients.stream().map(TermEstimate::term).toList());
  }
}
