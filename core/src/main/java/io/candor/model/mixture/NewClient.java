package io.candor.model.mixture;

import io.candor.internal.Checks;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What is known about a client who was not in the fitted data: the observations so far (none,
 * the intake alone, or any number) and the values of the model's membership covariates.
 *
 * <pre>{@code
 * NewClient intakeOnly = NewClient.of(new double[] {0}, new double[] {18});
 * NewClient threeSessions = NewClient.of(new double[] {0, 1, 2, 3}, new double[] {18, 17, 15, 14})
 *     .withCovariate("severe", 1);
 * }</pre>
 *
 * <p>Immutable and thread-safe; arrays are copied in and out.
 */
public final class NewClient {

  private static final NewClient NONE = new NewClient(new double[0], new double[0], Map.of());

  private final double[] times;
  private final double[] scores;
  private final Map<String, Double> covariates;

  private NewClient(double[] times, double[] scores, Map<String, Double> covariates) {
    this.times = times;
    this.scores = scores;
    this.covariates = covariates;
  }

  /**
   * A client with these observations.
   *
   * @param times the times, on the fitted data's time scale (finite)
   * @param scores the scores at those times (finite), same length
   * @return the client
   * @throws IllegalArgumentException if the lengths differ or a value is not finite
   */
  public static NewClient of(double[] times, double[] scores) {
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(scores, "scores");
    if (times.length != scores.length) {
      throw new IllegalArgumentException("times and scores must have the same length, were "
          + times.length + " and " + scores.length);
    }
    Checks.allFinite("times", times);
    Checks.allFinite("scores", scores);
    return new NewClient(times.clone(), scores.clone(), Map.of());
  }

  /**
   * A client with no observations yet: the class probabilities are the priors (given the
   * membership covariates, if any).
   *
   * @return the client
   */
  public static NewClient withoutObservations() {
    return NONE;
  }

  /**
   * A copy with a membership covariate's value.
   *
   * @param name the covariate's name, as in the model
   * @param value its value (finite)
   * @return the copy
   * @throws IllegalArgumentException if the name is blank or the value is not finite
   */
  public NewClient withCovariate(String name, double value) {
    Checks.nonBlank("covariate name", name);
    Checks.finite("covariate " + name, value);
    Map<String, Double> c = new TreeMap<>(covariates);
    c.put(name, value);
    return new NewClient(times, scores, Collections.unmodifiableMap(c));
  }

  /** {@return the observation times (a copy)} */
  public double[] times() {
    return times.clone();
  }

  /** {@return the scores (a copy)} */
  public double[] scores() {
    return scores.clone();
  }

  /** {@return the number of observations} */
  public int size() {
    return times.length;
  }

  /** {@return the membership covariate values by name} */
  public Map<String, Double> covariates() {
    return covariates;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NewClient n && Arrays.equals(times, n.times)
        && Arrays.equals(scores, n.scores) && covariates.equals(n.covariates);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(times), Arrays.hashCode(scores), covariates);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("NewClient[");
    for (int i = 0; i < times.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(Checks.fmt(times[i])).append(':')
          .append(Checks.fmt(scores[i]));
    }
    if (times.length == 0) {
      sb.append("no observations");
    }
    if (!covariates.isEmpty()) {
      sb.append("; ").append(covariates);
    }
    return sb.append(']').toString();
  }
}
