package io.candor.model.mixture;

import io.candor.internal.Checks;
import java.util.List;

/**
 * The forecast of a client's score at one time: a mixture of the classes' normal distributions
 * weighted by the client's posterior class probabilities, summarised by its mean, SD and
 * quantiles.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time the time
 * @param mean the mixture's mean
 * @param sd the mixture's SD (it includes the spread between the classes)
 * @param quantiles the mixture's quantiles at the forecast's percentiles, ascending
 * @param classes each class's probability and distribution, in class order
 */
public record ForecastPoint(double time, double mean, double sd, List<Double> quantiles,
    List<ClassPoint> classes) {

  /**
   * Validates the components.
   *
   * @param time see the record description
   * @param mean see the record description
   * @param sd see the record description
   * @param quantiles see the record description
   * @param classes see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public ForecastPoint {
    Checks.finite("time", time);
    Checks.finite("mean", mean);
    Checks.positive("sd", sd);
    quantiles = List.copyOf(Checks.noNulls("quantiles", quantiles));
    classes = List.copyOf(Checks.nonEmptyNoNulls("classes", classes));
  }
}
