package io.candor.model.mixture;

import io.candor.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * A client's class probabilities and the forecast of their scores as a mixture of the class
 * curves, with bands.
 *
 * <p>Immutable and thread-safe.
 *
 * @param posterior the class probabilities the forecast is weighted by
 * @param percentiles the percentiles (0–1, ascending) of each point's quantiles
 * @param points one forecast per requested time, in the order requested
 */
public record ClassForecast(ClassPosterior posterior, List<Double> percentiles,
    List<ForecastPoint> points) {

  /**
   * Validates the components.
   *
   * @param posterior see the record description
   * @param percentiles see the record description
   * @param points see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public ClassForecast {
    Objects.requireNonNull(posterior, "posterior");
    percentiles = List.copyOf(Checks.noNulls("percentiles", percentiles));
    points = List.copyOf(Checks.noNulls("points", points));
  }

  /**
   * The forecast at one time.
   *
   * @param time a time the forecast was made for
   * @return the point
   * @throws IllegalArgumentException if the forecast does not cover that time
   */
  public ForecastPoint at(double time) {
    for (ForecastPoint p : points) {
      if (p.time() == time) {
        return p;
      }
    }
    throw new IllegalArgumentException("the forecast covers times "
        + points.stream().map(p -> Checks.fmt(p.time())).toList() + ", not " + Checks.fmt(time));
  }
}
