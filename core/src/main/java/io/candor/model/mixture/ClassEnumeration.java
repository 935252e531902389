package io.candor.model.mixture;

import io.candor.internal.Checks;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Fits with K = 1..Kmax classes side by side, the K chosen by a criterion, the numbers of
 * classes that could not be fitted, and the bootstrap likelihood-ratio tests if they were asked
 * for.
 *
 * <p>Immutable and thread-safe.
 *
 * @param criterion the criterion {@link #selected()} uses
 * @param fits one fit per K that could be fitted, ascending K
 * @param failures the K for which no start gave a proper solution
 * @param bootstrap the bootstrap tests of K against K − 1, ascending K (empty unless asked for)
 */
public record ClassEnumeration(SelectionCriterion criterion, List<MixtureFit> fits,
    List<FitFailure> failures, List<BootstrapTest> bootstrap) {

  /**
   * Validates the components.
   *
   * @param criterion see the record description
   * @param fits see the record description
   * @param failures see the record description
   * @param bootstrap see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public ClassEnumeration {
    Objects.requireNonNull(criterion, "criterion");
    fits = List.copyOf(Checks.nonEmptyNoNulls("fits", fits));
    for (int i = 1; i < fits.size(); i++) {
      if (fits.get(i).classes() <= fits.get(i - 1).classes()) {
        throw new IllegalArgumentException("fits must have distinct K in ascending order");
      }
    }
    failures = List.copyOf(Checks.noNulls("failures", failures));
    bootstrap = List.copyOf(Checks.noNulls("bootstrap", bootstrap));
  }

  /**
   * The fit with the lowest value of the criterion among the proper ones (no empty or
   * indistinct class, no collapsed residual SD); among all fits if none is proper. Ties go to
   * the smaller K.
   *
   * @return the selected fit
   */
  public MixtureFit selected() {
    Comparator<MixtureFit> order = Comparator.comparingDouble(f -> f.criterion(criterion));
    Optional<MixtureFit> proper = fits.stream().filter(MixtureFit::proper).min(order);
    return proper.orElseGet(() -> fits.stream().min(order).orElseThrow());
  }

  /**
   * The fit with K classes.
   *
   * @param classes K
   * @return the fit; empty if K was not in the range or could not be fitted
   */
  public Optional<MixtureFit> fit(int classes) {
    return fits.stream().filter(f -> f.classes() == classes).findFirst();
  }
}
