package io.candor.progress;

import io.candor.measure.Direction;
import java.util.Objects;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * An expected-response curve prepared for fast alerts: the expected mean and SD at every session
 * and the rules' boundaries as z-values are precomputed, so {@link #evaluate(int, double)} costs
 * a handful of arithmetic operations and one normal CDF, and never refits anything.
 *
 * <p>Immutable and thread-safe.
 */
public final class PreparedCurve {

  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  private final ExpectedCurve curve;
  private final AlertRules rules;
  private final int first;
  private final double[] mean;
  private final double[] sd;
  private final double sign;
  private final Direction direction;
  private final double yellowZ;
  private final double redZ;
  private final boolean hasCutoff;
  private final double cutoff;

  /** {@code rules} must have a direction ({@link AlertRules#resolve}). */
  PreparedCurve(ExpectedCurve curve, AlertRules rules) {
    this.curve = Objects.requireNonNull(curve, "curve");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.direction = rules.direction().orElseThrow();
    int n = curve.sessions().size();
    this.first = curve.sessions().get(0).session();
    this.mean = new double[n];
    this.sd = new double[n];
    for (int i = 0; i < n; i++) {
      SessionExpectation s = curve.sessions().get(i);
      if (s.session() != first + i) {
        throw new IllegalArgumentException("a prepared curve needs consecutive sessions");
      }
      mean[i] = s.mean();
      sd[i] = s.sd();
    }
    this.sign = direction == Direction.HIGHER_IS_WORSE ? 1 : -1;
    this.yellowZ = STANDARD.inverseCumulativeProbability(rules.yellowPercentile());
    this.redZ = STANDARD.inverseCumulativeProbability(rules.redPercentile());
    this.hasCutoff = rules.functionalCutoff().isPresent();
    this.cutoff = rules.functionalCutoff().orElse(0);
  }

  /**
   * The curve this was prepared from.
   *
   * @return the curve this was prepared from
   */
  public ExpectedCurve curve() {
    return curve;
  }

  /**
   * The rules applied, with the direction and cutoff in effect.
   *
   * @return the rules applied, with the direction and cutoff in effect
   */
  public AlertRules rules() {
    return rules;
  }

  /**
   * Evaluates one new observation.
   *
   * @param session its session (within the curve)
   * @param score the observed score (finite)
   * @return the alert with its reason and numbers
   * @throws IllegalArgumentException if the session is outside the curve or the score not finite
   */
  public Alert evaluate(int session, double score) {
    int i = session - first;
    if (i < 0 || i >= mean.length) {
      throw new IllegalArgumentException("session " + session + " is outside the prepared curve ("
          + first + ".." + (first + mean.length - 1) + ")");
    }
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score must be finite, was " + score);
    }
    double z = sign * (score - mean[i]) / sd[i];
    Signal signal;
    if (hasCutoff && !direction.isCase(score, cutoff)) {
      signal = Signal.FUNCTIONAL;
    } else if (z > redZ) {
      signal = Signal.AT_RISK;
    } else if (z > yellowZ) {
      signal = Signal.LESS_THAN_EXPECTED;
    } else {
      signal = Signal.ADEQUATE_PROGRESS;
    }
    return new Alert(session, score, mean[i], sd[i], STANDARD.cumulativeProbability(z), signal,
        rules);
  }

  @Override
  public String toString() {
    return "PreparedCurve[" + curve.conditioning() + ", sessions " + first + ".."
        + (first + mean.length - 1) + ", " + rules + "]";
  }
}
