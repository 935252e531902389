package io.candor.model.survival;

import io.candor.internal.Checks;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The time by which a share {@code probability} of clients is estimated to have had the event,
 * with a confidence interval, as R's {@code quantile(survfit, probs)} reports it. Each part is
 * empty where R gives NA (the curve does not get that far).
 *
 * <p>Immutable and thread-safe.
 *
 * @param probability the share that has had the event, in [0, 1] ({@code 1 − S(t)})
 * @param time the estimated time
 * @param lower lower confidence limit (from the lower confidence curve)
 * @param upper upper confidence limit (from the upper confidence curve)
 */
public record SurvivalQuantile(
    double probability, OptionalDouble time, OptionalDouble lower, OptionalDouble upper) {

  /**
   * Validates the components.
   *
   * @param probability the share that has had the event, in [0, 1] ({@code 1 − S(t)})
   * @param time the estimated time
   * @param lower lower confidence limit (from the lower confidence curve)
   * @param upper upper confidence limit (from the upper confidence curve)
   */
  public SurvivalQuantile {
    Checks.probability("probability", probability);
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
  }
}
