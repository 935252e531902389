package io.candor.spark;

import io.candor.change.ChangeCategory;
import io.candor.model.survival.KaplanMeierFit;
import io.candor.progress.SuddenChangeSummary;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The cohort summary of {@link SparkAnalyses#summarise}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param clients number of clients
 * @param singleScore clients with a single score: not classified (counted, not dropped)
 * @param categories clients in each change category, first against last score
 * @param reliablyImproved clients reliably improved at some session ({@code Milestones})
 * @param recovered clients who recovered at some session ({@code Milestones})
 * @param timeToImprovement Kaplan–Meier curve of the session of the first reliable improvement
 *     (censored at the last observed session)
 * @param suddenGains sudden-gain summary (by change and by person, first gain)
 * @param suddenLosses sudden-loss summary
 */
public record CohortAnalysis(
    long clients,
    long singleScore,
    Map<ChangeCategory, Long> categories,
    long reliablyImproved,
    long recovered,
    KaplanMeierFit timeToImprovement,
    SuddenChangeSummary suddenGains,
    SuddenChangeSummary suddenLosses) {

  /**
   * Copies the map and checks for nulls.
   *
   * @param clients number of clients
   * @param singleScore clients with a single score: not classified (counted, not dropped)
   * @param categories clients in each change category, first against last score
   * @param reliablyImproved clients reliably improved at some session ({@code Milestones})
   * @param recovered clients who recovered at some session ({@code Milestones})
   * @param timeToImprovement Kaplan–Meier curve of the session of the first reliable improvement (censored at the last observed session)
   * @param suddenGains sudden-gain summary (by change and by person, first gain)
   * @param suddenLosses sudden-loss summary
   */
  public CohortAnalysis {
    categories = Collections.unmodifiableMap(new EnumMap<>(categories));
    Objects.requireNonNull(timeToImprovement, "timeToImprovement");
    Objects.requireNonNull(suddenGains, "suddenGains");
    Objects.requireNonNull(suddenLosses, "suddenLosses");
  }
}
