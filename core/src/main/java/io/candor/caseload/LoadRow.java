package io.candor.caseload;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One date of a therapist's load shown beside their wellbeing scores.
 *
 * <p>Immutable and thread-safe.
 *
 * @param date the date
 * @param workload the load on that date, if recorded
 * @param scores the scale scores on that date by scale id, if assessed (empty map otherwise)
 */
public record LoadRow(LocalDate date, Optional<WorkloadSnapshot> workload,
    Map<String, Double> scores) {

  /**
   * Validates the components.
   *
   * @param date the date
   * @param workload the load on that date, if recorded
   * @param scores the scale scores on that date by scale id, if assessed (empty map otherwise)
   */
  public LoadRow {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(workload, "workload");
    scores = java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(Objects.requireNonNull(scores, "scores")));
    if (workload.isEmpty() && scores.isEmpty()) {
      throw new IllegalArgumentException("a load row on " + date + " has neither load nor scores");
    }
  }
}
