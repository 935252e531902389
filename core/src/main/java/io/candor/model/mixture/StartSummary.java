package io.candor.model.mixture;

import io.candor.internal.Checks;
import java.util.List;

/**
 * How the random starts went: how many were drawn, how many were carried on to convergence, how
 * many of those reached the best log-likelihood (a replicated best solution is the usual check
 * that the maximum was found; Hipp &amp; Bauer 2006), and how many collapsed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param starts random starts drawn (1 for a one-class model, which needs none)
 * @param finalStarts starts carried on from the short runs to convergence
 * @param failedStarts starts that ended in a degenerate solution (an empty class or a residual
 *     SD collapsing to zero) and were set aside
 * @param bestReplicated final-stage runs whose log-likelihood is within 1e-6 · (1 + |ℓ|) of the
 *     best
 * @param finalLogLiks the final-stage runs' log-likelihoods, highest first
 */
public record StartSummary(int starts, int finalStarts, int failedStarts, int bestReplicated,
    List<Double> finalLogLiks) {

  /**
   * Validates the components.
   *
   * @param starts see the record description
   * @param finalStarts see the record description
   * @param failedStarts see the record description
   * @param bestReplicated see the record description
   * @param finalLogLiks see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public StartSummary {
    Checks.atLeast("starts", starts, 1);
    Checks.inRange("finalStarts", finalStarts, 1, starts);
    Checks.inRange("failedStarts", failedStarts, 0, starts);
    Checks.inRange("bestReplicated", bestReplicated, 1, finalStarts);
    finalLogLiks = List.copyOf(Checks.nonEmptyNoNulls("finalLogLiks", finalLogLiks));
    for (int i = 0; i < finalLogLiks.size(); i++) {
      Checks.finite("finalLogLiks[" + i + "]", finalLogLiks.get(i));
      if (i > 0 && finalLogLiks.get(i) > finalLogLiks.get(i - 1)) {
        throw new IllegalArgumentException("finalLogLiks must be in descending order");
      }
    }
  }
}
