package io.candor.model.mixture;

import io.candor.internal.Checks;
import io.candor.model.Convergence;
import io.candor.model.growth.GrowthData;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A fitted K-class trajectory mixture: the classes, the log-likelihood and the criteria for
 * choosing K, how well the clients separate, how the random starts went and any degeneracy of
 * the solution.
 *
 * <p>With ℓ the log-likelihood, P = {@link #parameterCount()}, N clients and n observations:
 * AIC = −2ℓ + 2P; BIC = −2ℓ + P log N; the row-based BIC flexmix prints, −2ℓ + P log n;
 * SABIC = −2ℓ + P log((N + 2)/24); ICL = BIC − 2 Σ_i log τ_i,ĉ(i), where τ_i,ĉ(i) is client i's
 * posterior probability of its most likely class (flexmix computes the same ICL with n for N);
 * relative entropy = 1 − Σ_i Σ_j (−τ_ij log τ_ij) / (N log K), 1 meaning perfectly separated
 * classes (Ramaswamy et al. 1993; flexmix's {@code EIC}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the fitted classes (what to store and predict from)
 * @param clients number of clients N
 * @param observations number of observations n
 * @param logLik the maximised log-likelihood ℓ
 * @param classificationEntropy Σ_i Σ_j (−τ_ij log τ_ij) over the fitted clients (≥ 0)
 * @param modalLogPosterior Σ_i log τ_i,ĉ(i) (≤ 0)
 * @param classSummaries per class: clients assigned and average posterior, class order
 * @param starts how the random starts went
 * @param convergence how the best run ended (its objective is −2ℓ)
 * @param degeneracies what limits the solution, if anything
 */
public record MixtureFit(TrajectoryClasses model, int clients, int observations, double logLik,
    double classificationEntropy, double modalLogPosterior, List<ClassSummary> classSummaries,
    StartSummary starts, Convergence convergence, List<Degeneracy> degeneracies) {

  /**
   * Validates the components.
   *
   * @param model see the record description
   * @param clients see the record description
   * @param observations see the record description
   * @param logLik see the record description
   * @param classificationEntropy see the record description
   * @param modalLogPosterior see the record description
   * @param classSummaries see the record description
   * @param starts see the record description
   * @param convergence see the record description
   * @param degeneracies see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public MixtureFit {
    Objects.requireNonNull(model, "model");
    Checks.atLeast("clients", clients, 1);
    Checks.atLeast("observations", observations, clients);
    Checks.finite("logLik", logLik);
    Checks.nonNegative("classificationEntropy", classificationEntropy);
    if (!(modalLogPosterior <= 0)) {
      throw new IllegalArgumentException("modalLogPosterior must be <= 0, was "
          + modalLogPosterior);
    }
    classSummaries = List.copyOf(Checks.nonEmptyNoNulls("classSummaries", classSummaries));
    if (classSummaries.size() != model.size()) {
      throw new IllegalArgumentException("classSummaries has " + classSummaries.size()
          + " entries for " + model.size() + " classes");
    }
    int total = 0;
    for (int j = 0; j < classSummaries.size(); j++) {
      if (classSummaries.get(j).index() != j + 1) {
        throw new IllegalArgumentException("classSummaries[" + j + "] has index "
            + classSummaries.get(j).index() + "; must be " + (j + 1));
      }
      total += classSummaries.get(j).count();
    }
    if (total != clients) {
      throw new IllegalArgumentException("class counts add up to " + total + " but there are "
          + clients + " clients");
    }
    Objects.requireNonNull(starts, "starts");
    Objects.requireNonNull(convergence, "convergence");
    degeneracies = List.copyOf(Checks.noNulls("degeneracies", degeneracies));
  }

  /** {@return the number of classes K} */
  public int classes() {
    return model.size();
  }

  /** {@return the number of free parameters P} */
  public int parameterCount() {
    return model.parameterCount();
  }

  /** {@return AIC = −2ℓ + 2P} */
  public double aic() {
    return -2 * logLik + 2.0 * parameterCount();
  }

  /** {@return BIC = −2ℓ + P log N, N the number of clients} */
  public double bic() {
    return -2 * logLik + parameterCount() * Math.log(clients);
  }

  /** {@return the row-based BIC that flexmix prints, −2ℓ + P log n, n the number of rows} */
  public double bicRows() {
    return -2 * logLik + parameterCount() * Math.log(observations);
  }

  /** {@return the sample-size-adjusted BIC, −2ℓ + P log((N + 2) / 24)} */
  public double sabic() {
    return -2 * logLik + parameterCount() * Math.log((clients + 2) / 24.0);
  }

  /** {@return ICL = BIC − 2 Σ_i log τ_i,ĉ(i)} */
  public double icl() {
    return bic() - 2 * modalLogPosterior;
  }

  /**
   * The value of a selection criterion.
   *
   * @param criterion the criterion
   * @return its value (lower is better)
   */
  public double criterion(SelectionCriterion criterion) {
    return switch (Objects.requireNonNull(criterion, "criterion")) {
      case AIC -> aic();
      case BIC -> bic();
      case BIC_ROWS -> bicRows();
      case SABIC -> sabic();
      case ICL -> icl();
    };
  }

  /** {@return the relative entropy 1 − EN / (N log K); empty for one class} */
  public OptionalDouble relativeEntropy() {
    int k = classes();
    return k == 1 ? OptionalDouble.empty()
        : OptionalDouble.of(1 - classificationEntropy / (clients * Math.log(k)));
  }

  /** {@return the smallest class share} */
  public double smallestShare() {
    return model.classes().stream().mapToDouble(TrajectoryClass::share).min().orElseThrow();
  }

  /** {@return the smallest number of clients whose most likely class is one class} */
  public int smallestCount() {
    return classSummaries.stream().mapToInt(ClassSummary::count).min().orElseThrow();
  }

  /** {@return whether the best run met the convergence criterion} */
  public boolean converged() {
    return convergence.converged();
  }

  /** {@return final-stage runs that reached the best log-likelihood} */
  public int bestReplicated() {
    return starts.bestReplicated();
  }

  /** {@return whether no degeneracy disqualifies the solution (see Degeneracy.Kind)} */
  public boolean proper() {
    return degeneracies.stream().noneMatch(d -> d.kind().disqualifying());
  }

  /**
   * The class probabilities of every client of a data set (usually the fitted data) under this
   * fit.
   *
   * @param data the data, with this model's membership covariates
   * @return the posteriors, in the data's client order
   * @throws IllegalArgumentException if the data lack a membership covariate or have times the
   *     basis does not allow
   */
  public ClientPosteriors posteriors(GrowthData data) {
    Objects.requireNonNull(data, "data");
    ClientBlocks b = ClientBlocks.of(data, model.design(), model.membershipCovariates());
    Em em = new Em(b, classes(), model.withinClass().randomEffects(), true, true, 0);
    em.estep(model.params(b.yMean));
    return new ClientPosteriors(b.clients, classes(), em.tau.clone());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "K = %d: logLik %.3f, %d parameters, BIC %.3f,"
        + " ICL %.3f", classes(), logLik, parameterCount(), bic(), icl()));
    relativeEntropy().ifPresent(e -> sb.append(String.format(Locale.ROOT, ", entropy %.3f", e)));
    sb.append(String.format(Locale.ROOT, "; best of %d starts reached by %d of %d final runs",
        starts.starts(), starts.bestReplicated(), starts.finalStarts()));
    sb.append('\n').append(model);
    for (Degeneracy d : degeneracies) {
      sb.append("\n  ").append(d.kind()).append(": ").append(d.detail());
    }
    return sb.toString();
  }
}
