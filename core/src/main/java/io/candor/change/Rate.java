package io.candor.change;

import io.candor.evidence.Citations;
import io.candor.internal.Checks;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/**
 * A proportion {@code count / denominator} with its Wilson score 95 % confidence interval (Wilson
 * 1927; computed by Commons Statistics' {@code BinomialConfidenceInterval.WILSON_SCORE}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param count number with the outcome
 * @param denominator number at risk (&gt; 0)
 * @param proportion {@code count / denominator}
 * @param lower lower end of the 95 % Wilson interval
 * @param upper upper end of the 95 % Wilson interval
 * @see Citations#WILSON_1927
 */
public record Rate(int count, int denominator, double proportion, double lower, double upper) {

  /**
   * Validates the components.
   *
   * @param count number with the outcome
   * @param denominator number at risk (&gt; 0)
   * @param proportion {@code count / denominator}
   * @param lower lower end of the 95 % Wilson interval
   * @param upper upper end of the 95 % Wilson interval
   */
  public Rate {
    Checks.atLeast("denominator", denominator, 1);
    Checks.inRange("count", count, 0, denominator);
    Checks.probability("proportion", proportion);
    Checks.probability("lower", lower);
    Checks.probability("upper", upper);
    if (!(lower <= proportion && proportion <= upper)) {
      throw new IllegalArgumentException(
          "interval [" + lower + ", " + upper + "] must contain the proportion " + proportion);
    }
  }

  /**
   * The proportion with its Wilson 95 % interval.
   *
   * @param count the number with the outcome, 0 to {@code denominator}
   * @param denominator the number at risk of it, at least 1
   * @return the proportion with its Wilson 95 % interval
   * @throws IllegalArgumentException if {@code denominator < 1} or {@code count} is not in [0,
   *     denominator]
   */
  public static Rate wilson(int count, int denominator) {
    Checks.atLeast("denominator", denominator, 1);
    Checks.inRange("count", count, 0, denominator);
    Interval ci = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(denominator, count, 0.05);
    double p = (double) count / denominator;
    // for 0 or n of n the limits are 0 and 1 in theory; rounding can put them an ulp outside
    return new Rate(count, denominator, p, Math.max(0, Math.min(p, ci.getLowerBound())),
        Math.min(1, Math.max(p, ci.getUpperBound())));
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT, "%d/%d = %.1f %% (95 %% CI %.1f-%.1f %%)", count, denominator,
        100 * proportion, 100 * lower, 100 * upper);
  }
}
