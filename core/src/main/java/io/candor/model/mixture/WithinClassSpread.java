package io.candor.model.mixture;

import io.candor.internal.Checks;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How much clients of one class of a growth mixture model differ from the class curve: the SDs
 * of their intercepts and slopes and the correlation between the two.
 *
 * <p>Immutable and thread-safe.
 *
 * @param interceptSd SD of the clients' intercepts around the class intercept (≥ 0)
 * @param slopeSd SD of their slopes on the first time term; empty for a random-intercept model
 * @param correlation correlation of intercepts and slopes; empty for a random-intercept model or
 *     when either SD is zero (it is then undefined)
 */
public record WithinClassSpread(double interceptSd, OptionalDouble slopeSd,
    OptionalDouble correlation) {

  /**
   * Validates the components.
   *
   * @param interceptSd see the record description
   * @param slopeSd see the record description
   * @param correlation see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public WithinClassSpread {
    Checks.nonNegative("interceptSd", interceptSd);
    Objects.requireNonNull(slopeSd, "slopeSd");
    Objects.requireNonNull(correlation, "correlation");
    if (slopeSd.isPresent()) {
      Checks.nonNegative("slopeSd", slopeSd.getAsDouble());
    }
    if (correlation.isPresent()) {
      if (slopeSd.isEmpty()) {
        throw new IllegalArgumentException("correlation needs a slopeSd; a random-intercept model"
            + " has no correlation");
      }
      Checks.inRange("correlation", correlation.getAsDouble(), -1, 1);
      if (!(interceptSd > 0 && slopeSd.getAsDouble() > 0)) {
        throw new IllegalArgumentException("correlation is undefined when interceptSd ("
            + Checks.fmt(interceptSd) + ") or slopeSd (" + Checks.fmt(slopeSd.getAsDouble())
            + ") is zero; leave it empty");
      }
    }
  }

  /**
   * A spread from a covariance matrix (1 × 1 or 2 × 2, row-major).
   *
   * @param d the covariance, positive semi-definite
   * @param q its size (1 or 2)
   */
  static WithinClassSpread fromCovariance(double[] d, int offset, int q) {
    double sd0 = Math.sqrt(Math.max(0, d[offset]));
    if (q == 1) {
      return new WithinClassSpread(sd0, OptionalDouble.empty(), OptionalDouble.empty());
    }
    double sd1 = Math.sqrt(Math.max(0, d[offset + 3]));
    OptionalDouble r = OptionalDouble.empty();
    if (sd0 > 0 && sd1 > 0) {
      r = OptionalDouble.of(Math.max(-1, Math.min(1, d[offset + 1] / (sd0 * sd1))));
    }
    return new WithinClassSpread(sd0, OptionalDouble.of(sd1), r);
  }

  /** {@return the number of random effects this spread describes (1 or 2)} */
  public int size() {
    return slopeSd.isPresent() ? 2 : 1;
  }

  /** The covariance matrix D, row-major (1 or 4 entries). */
  double[] covariance() {
    double v0 = interceptSd * interceptSd;
    if (slopeSd.isEmpty()) {
      return new double[] {v0};
    }
    double s1 = slopeSd.getAsDouble();
    double c = correlation.isPresent() ? correlation.getAsDouble() * interceptSd * s1 : 0;
    return new double[] {v0, c, c, s1 * s1};
  }
}
