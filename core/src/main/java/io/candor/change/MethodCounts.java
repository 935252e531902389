package io.candor.change;

import io.candor.internal.Checks;
import java.util.Objects;

/**
 * How many clients of a cohort fall in each {@link ChangeCategory} under one method.
 *
 * @param method the reliable-change method
 * @param cutoff the cutoff used (Hageman–Arrindell's true-score variant for that method)
 * @param recovered number recovered
 * @param improved number improved (not recovered)
 * @param unchanged number unchanged
 * @param deteriorated number deteriorated (not harmed)
 * @param harmed number harmed
 */
public record MethodCounts(
    ReliableChangeMethod method,
    ClinicalCutoff cutoff,
    int recovered,
    int improved,
    int unchanged,
    int deteriorated,
    int harmed) {

  /**
   * Validates the counts.
   *
   * @param method the reliable-change method
   * @param cutoff the cutoff used (Hageman–Arrindell's true-score variant for that method)
   * @param recovered number recovered
   * @param improved number improved (not recovered)
   * @param unchanged number unchanged
   * @param deteriorated number deteriorated (not harmed)
   * @param harmed number harmed
   */
  public MethodCounts {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(cutoff, "cutoff");
    Checks.atLeast("recovered", recovered, 0);
    Checks.atLeast("improved", improved, 0);
    Checks.atLeast("unchanged", unchanged, 0);
    Checks.atLeast("deteriorated", deteriorated, 0);
    Checks.atLeast("harmed", harmed, 0);
  }

  /**
   * Total number of clients.
   *
   * @return the total number of clients
   */
  public int total() {
    return recovered + improved + unchanged + deteriorated + harmed;
  }

  /**
   * The count in one category.
   *
   * @param category the category
   * @return the count in one category
   */
  public int count(ChangeCategory category) {
    switch (Objects.requireNonNull(category, "category")) {
      case RECOVERED:
        return recovered;
      case IMPROVED:
        return improved;
      case UNCHANGED:
        return unchanged;
      case DETERIORATED:
        return deteriorated;
      default:
        return harmed;
    }
  }
}
