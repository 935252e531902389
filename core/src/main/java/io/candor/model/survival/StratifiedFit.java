package io.candor.model.survival;

import io.candor.internal.Checks;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Kaplan–Meier curves for several named groups and, when there are two or more, the log-rank test
 * comparing them (R's {@code survfit(Surv(time, status) ~ group)} and {@code survdiff(...)}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param strata one curve per group, in the order the groups were given
 * @param logRank the log-rank test, present when there are at least two groups
 */
public record StratifiedFit(List<Stratum> strata, Optional<LogRankResult> logRank) {

  /**
   * Validates the components and copies the list.
   *
   * @param strata one curve per group, in the order the groups were given
   * @param logRank the log-rank test, present when there are at least two groups
   */
  public StratifiedFit {
    strata = List.copyOf(Checks.nonEmptyNoNulls("strata", strata));
    Objects.requireNonNull(logRank, "logRank");
  }

  /**
   * The stratum called {@code name}.
   *
   * @param name the stratum's name
   * @return the stratum called {@code name}
   * @throws IllegalArgumentException if there is none, listing the names there are
   */
  public Stratum stratum(String name) {
    for (Stratum s : strata) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "no stratum named " + Checks.quote(name) + "; strata are "
            + strata.stream().map(s -> Checks.quote(s.name())).toList());
  }

  /**
   * A plain-text summary: for each group its size, events and median with interval, then the
   * log-rank test. Use {@link KaplanMeierFit#toText()} for a group's full table.
   *
   * @return the summary
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(Locale.ROOT, "%-20s %8s %8s  %s%n", "group", "n", "events", "median (CI)"));
    for (Stratum s : strata) {
      KaplanMeierFit f = s.fit();
      sb.append(
          String.format(
              Locale.ROOT,
              "%-20s %8d %8d  %s%n",
              s.name(),
              f.n(),
              f.events(),
              f.medianText()));
    }
    logRank.ifPresent(t -> sb.append(t.toText()));
    return sb.toString();
  }
}
