package io.candor.examples.cli;

import io.candor.model.survival.StratifiedFit;
import io.candor.progress.EngagementReport;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code candor survival} writes with {@code --json}: the event and its definition, the
 * Kaplan-Meier curves by stratum with the log-rank test, and for dropout the engagement report.
 *
 * @param instrument the instrument's id
 * @param event the event as given on the command line ({@code reliable-improvement},
 *     {@code recovery}, {@code dropout} or {@code relapse})
 * @param definition what counts as the event, in words
 * @param leftOut clients who could not have the event (not in the clinical range at intake, or
 *     never recovered for relapse) and were left out
 * @param fit the curves and the log-rank test
 * @param engagement for dropout, the engagement report (when the instrument has a reliable-change
 *     threshold)
 */
public record SurvivalResult(
    String instrument,
    String event,
    String definition,
    int leftOut,
    StratifiedFit fit,
    Optional<EngagementReport> engagement) {

  /**
   * Validates the components.
   *
   * @param instrument the instrument's id
   * @param event the event as given on the command line ({@code reliable-improvement},
   *     {@code recovery}, {@code dropout} or {@code relapse})
   * @param definition what counts as the event, in words
   * @param leftOut clients who could not have the event (not in the clinical range at intake, or
   *     never recovered for relapse) and were left out
   * @param fit the curves and the log-rank test
   * @param engagement for dropout, the engagement report (when the instrument has a reliable-change
   *     threshold)
   */
  public SurvivalResult {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(fit, "fit");
    Objects.requireNonNull(engagement, "engagement");
  }
}
