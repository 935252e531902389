package io.candor.expectation;

import io.candor.internal.Checks;
import io.candor.model.mixture.MixtureFit;
import io.candor.model.mixture.NewClient;
import io.candor.model.mixture.TrajectoryClasses;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Latent trajectory classes fitted on a service's or a study's data ({@code
 * io.candor.model.mixture}, {@code candor classes}), carried by a {@link ClientProfile} so that its report can say which of
 * the classes' shapes of change the client's scores so far are closest to: the fitted classes,
 * where they come from, and the client's values of the classes' membership covariates.
 *
 * <p>The classes' time must count sessions from the intake (session 0), and their scores must be
 * on the profile's instrument: the report places the intake at time 0 and each observed score at
 * its session. Nothing in a fitted model records either, so the report cannot check them; it does
 * notice a class curve that leaves the instrument's range ({@link Notice#CLASSES_OFF_SCALE}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the fitted classes
 * @param source where the classes come from (the data and the fit), shown beside the class
 *     probabilities, e.g. {@code "candor classes on service-2025.csv, 3 classes by BIC"}
 * @param fittedClients the number of clients the classes were fitted on, if known
 * @param covariates the client's value of every membership covariate of the model, by name (empty
 *     for a model without membership covariates)
 */
public record FittedClasses(TrajectoryClasses model, String source, OptionalInt fittedClients,
    Map<String, Double> covariates) {

  /**
   * Validates and copies.
   *
   * @param model the fitted classes
   * @param source where the classes come from (not blank)
   * @param fittedClients the number of clients the classes were fitted on, if known (at least the
   *     number of classes)
   * @param covariates the client's value of every membership covariate of the model, by name
   * @throws IllegalArgumentException if the source is blank, the client count is below the number
   *     of classes, a membership covariate has no value or a value is not finite, or a covariate is
   *     not one of the model's
   */
  public FittedClasses {
    Objects.requireNonNull(model, "model");
    Checks.nonBlank("source", source);
    Objects.requireNonNull(fittedClients, "fittedClients");
    if (fittedClients.isPresent()) {
      Checks.atLeast("fittedClients", fittedClients.getAsInt(), model.size());
    }
    Objects.requireNonNull(covariates, "covariates");
    List<String> wanted = model.membershipCovariates();
    TreeMap<String, Double> copy = new TreeMap<>();
    for (Map.Entry<String, Double> e : covariates.entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "covariate name");
      if (!wanted.contains(name)) {
        throw new IllegalArgumentException("covariates: " + Checks.quote(name)
            + " is not a membership"
            + " covariate of the classes; " + (wanted.isEmpty() ? "they have none"
                : "they have " + wanted));
      }
      copy.put(name, Checks.finite("covariate " + name,
          Objects.requireNonNull(e.getValue(), "covariate " + name)));
    }
    TreeSet<String> missing = new TreeSet<>(wanted);
    missing.removeAll(copy.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("covariates: the classes' membership model needs the"
          + " client's value of " + missing + "; give every one of " + wanted);
    }
    covariates = Collections.unmodifiableMap(copy);
  }

  /**
   * Classes as stored (e.g. read from a {@code TrajectoryClasses} document), the number of
   * clients they were fitted on unknown.
   *
   * @param model the fitted classes
   * @param source where they come from
   * @param covariates the client's value of every membership covariate ({@code Map.of()} for a
   *     model without them)
   * @return the classes
   * @throws IllegalArgumentException as the constructor
   */
  public static FittedClasses of(TrajectoryClasses model, String source,
      Map<String, Double> covariates) {
    return new FittedClasses(model, source, OptionalInt.empty(), covariates);
  }

  /**
   * The classes of a fit, with the number of clients it was fitted on.
   *
   * @param fit the fit (e.g. the selected one of {@code candor classes --json})
   * @param source where the fitted data come from
   * @param covariates the client's value of every membership covariate ({@code Map.of()} for a
   *     model without them)
   * @return the classes
   * @throws IllegalArgumentException as the constructor
   */
  public static FittedClasses of(MixtureFit fit, String source, Map<String, Double> covariates) {
    Objects.requireNonNull(fit, "fit");
    return new FittedClasses(fit.model(), source, OptionalInt.of(fit.clients()), covariates);
  }

  /** The client as the classes see them: the intake at time 0, then each observed score. */
  NewClient client(ClientProfile profile) {
    int k = profile.observed().size();
    double[] times = new double[k + 1];
    double[] scores = new double[k + 1];
    scores[0] = profile.intake();
    for (int i = 0; i < k; i++) {
      times[i + 1] = profile.observed().get(i).session();
      scores[i + 1] = profile.observed().get(i).score();
    }
    NewClient c = NewClient.of(times, scores);
    for (Map.Entry<String, Double> e : covariates.entrySet()) {
      c = c.withCovariate(e.getKey(), e.getValue());
    }
    return c;
  }
}
