package io.candor.fhir;

import io.candor.domain.Cohort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@code Bundle} held: one {@link io.candor.domain.Trajectory} per patient and instrument
 * (a {@link Cohort}), every score with where it came from and its risk flags, and every resource
 * that gave no score with the reason.
 *
 * <p>Immutable and thread-safe.
 *
 * @param cohort the trajectories, patients in first-seen order, sessions in date order
 * @param scores every score, by patient, instrument and session
 * @param exclusions resources that gave no score, in input order
 */
public record FhirCohort(Cohort cohort, List<ImportedScore> scores, List<Exclusion> exclusions) {

  /**
   * Copies the lists and checks for nulls.
   *
   * @param cohort the trajectories, patients in first-seen order, sessions in date order
   * @param scores every score, by patient, instrument and session
   * @param exclusions resources that gave no score, in input order
   */
  public FhirCohort {
    Objects.requireNonNull(cohort, "cohort");
    scores = List.copyOf(scores);
    exclusions = List.copyOf(exclusions);
  }

  /**
   * The scores that carry at least one risk flag.
   *
   * @return those scores, in {@link #scores()} order
   */
  public List<ImportedScore> flagged() {
    return scores.stream().filter(s -> !s.riskFlags().isEmpty()).toList();
  }

  /**
   * How many resources were excluded for each reason (reasons with none left out).
   *
   * @return counts in reason order
   */
  public Map<Exclusion.Reason, Integer> excludedCounts() {
    Map<Exclusion.Reason, Integer> counts = new LinkedHashMap<>();
    for (Exclusion.Reason r : Exclusion.Reason.values()) {
      int n = (int) exclusions.stream().filter(e -> e.reason() == r).count();
      if (n > 0) {
        counts.put(r, n);
      }
    }
    return counts;
  }
}
