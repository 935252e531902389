package io.candor.model.therapist;

import io.candor.internal.Checks;
import java.util.Objects;

/**
 * The intraclass correlation of end-of-treatment scores within therapists, τ²/(τ² + σ²): the
 * share of the variation in adjusted outcomes that lies between therapists (about 5 % in routine
 * care, Johns et al. 2019; 6.6 % in Saxon &amp; Barkham 2012), with its confidence interval.
 *
 * @param estimate the ICC
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 * @param level the interval's confidence level
 * @param method how the interval was found
 * @param replicates bootstrap replicates used (0 for the profile likelihood)
 * @see io.candor.evidence.Citations#JOHNS_2019
 * @see io.candor.evidence.Citations#SAXON_2012
 */
public record IccEstimate(
    double estimate, double lower, double upper, double level, IccInterval method,
    int replicates) {

  /**
   * Validates the components.
   *
   * @param estimate see the record description
   * @param lower see the record description
   * @param upper see the record description
   * @param level see the record description
   * @param method see the record description
   * @param replicates see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public IccEstimate {
    Checks.probability("estimate", estimate);
    Checks.probability("lower", lower);
    Checks.probability("upper", upper);
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("lower " + lower + " must not exceed upper " + upper);
    }
    Checks.openUnit("level", level);
    Objects.requireNonNull(method, "method");
    Checks.atLeast("replicates", replicates, 0);
  }
}
