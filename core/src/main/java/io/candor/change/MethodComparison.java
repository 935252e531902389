package io.candor.change;

import io.candor.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * Every reliable-change method applied to the same paired data, with category counts per method, so
 * that a reader sees how much the verdict depends on the method. Built by {@link
 * ClinicalChange#compare}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrumentId the instrument's id
 * @param n number of clients
 * @param statistics the cohort statistics every method used
 * @param cutoffType the cutoff type (Hageman–Arrindell uses its true-score variant)
 * @param rows one row per method that could be applied, in {@link ReliableChangeMethod} order
 * @param notes why a method could not be applied, one line each (usually empty)
 */
public record MethodComparison(
    String instrumentId,
    int n,
    ReferenceStatistics statistics,
    CutoffType cutoffType,
    List<MethodCounts> rows,
    List<String> notes) {

  /**
   * Validates and copies.
   *
   * @param instrumentId the instrument's id
   * @param n number of clients
   * @param statistics the cohort statistics every method used
   * @param cutoffType the cutoff type (Hageman–Arrindell uses its true-score variant)
   * @param rows one row per method that could be applied, in {@link ReliableChangeMethod} order
   * @param notes why a method could not be applied, one line each (usually empty)
   */
  public MethodComparison {
    Checks.nonBlank("instrumentId", instrumentId);
    Checks.atLeast("n", n, 2);
    Objects.requireNonNull(statistics, "statistics");
    Objects.requireNonNull(cutoffType, "cutoffType");
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }
}
