package io.candor.progress;

import io.candor.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Cohort summary of sudden gains (or losses), "by change" (every change counts) and "by person"
 * (one change per client who had any, chosen by a {@link PersonSelection}), as the suddengains
 * package's {@code bysg} and {@code byperson} data sets.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind gains or losses
 * @param selection how the by-person change was chosen
 * @param clients number of clients analysed
 * @param changes number of changes in all clients
 * @param clientsWithChange clients with at least one change
 * @param clientsWithSeveral clients with two or more
 * @param reversalsByChange changes that were reversed
 * @param reversalsByPerson by-person changes that were reversed
 * @param meanMagnitudeByChange mean magnitude over all changes (empty when none)
 * @param sdMagnitudeByChange SD (n − 1) of the magnitude over all changes (empty when fewer than 2)
 * @param meanMagnitudeByPerson mean magnitude of the by-person changes (empty when none)
 * @param sdMagnitudeByPerson SD (n − 1) of the by-person magnitudes (empty when fewer than 2)
 */
public record SuddenChangeSummary(
    ChangeKind kind,
    PersonSelection selection,
    int clients,
    int changes,
    int clientsWithChange,
    int clientsWithSeveral,
    int reversalsByChange,
    int reversalsByPerson,
    OptionalDouble meanMagnitudeByChange,
    OptionalDouble sdMagnitudeByChange,
    OptionalDouble meanMagnitudeByPerson,
    OptionalDouble sdMagnitudeByPerson) {

  /**
   * Validates the components.
   *
   * @param kind gains or losses
   * @param selection how the by-person change was chosen
   * @param clients number of clients analysed
   * @param changes number of changes in all clients
   * @param clientsWithChange clients with at least one change
   * @param clientsWithSeveral clients with two or more
   * @param reversalsByChange changes that were reversed
   * @param reversalsByPerson by-person changes that were reversed
   * @param meanMagnitudeByChange mean magnitude over all changes (empty when none)
   * @param sdMagnitudeByChange SD (n − 1) of the magnitude over all changes (empty when fewer than 2)
   * @param meanMagnitudeByPerson mean magnitude of the by-person changes (empty when none)
   * @param sdMagnitudeByPerson SD (n − 1) of the by-person magnitudes (empty when fewer than 2)
   */
  public SuddenChangeSummary {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(selection, "selection");
    Checks.atLeast("clients", clients, 1);
    Checks.inRange("clientsWithChange", clientsWithChange, 0, clients);
    Checks.inRange("clientsWithSeveral", clientsWithSeveral, 0, clientsWithChange);
    Checks.atLeast("changes", changes, clientsWithChange);
    Checks.inRange("reversalsByChange", reversalsByChange, 0, changes);
    Checks.inRange("reversalsByPerson", reversalsByPerson, 0, clientsWithChange);
    Objects.requireNonNull(meanMagnitudeByChange, "meanMagnitudeByChange");
    Objects.requireNonNull(sdMagnitudeByChange, "sdMagnitudeByChange");
    Objects.requireNonNull(meanMagnitudeByPerson, "meanMagnitudeByPerson");
    Objects.requireNonNull(sdMagnitudeByPerson, "sdMagnitudeByPerson");
  }

  /**
   * Summarises the changes of one kind over clients, with the first change by person.
   *
   * @param results the per-client results, at least one
   * @param kind gains or losses
   * @return the summary
   */
  public static SuddenChangeSummary of(Collection<SuddenChanges> results, ChangeKind kind) {
    return of(results, kind, PersonSelection.FIRST);
  }

  /**
   * Summarises the changes of one kind over clients.
   *
   * @param results the per-client results, at least one
   * @param kind gains or losses
   * @param selection which change counts for a client with several: the first or the largest
   * @return the summary
   * @throws IllegalArgumentException if there are no results (a share of no clients is undefined)
   */
  public static SuddenChangeSummary of(
      Collection<SuddenChanges> results, ChangeKind kind, PersonSelection selection) {
    Checks.nonEmptyNoNulls("results", results);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(selection, "selection");
    List<Double> all = new ArrayList<>();
    List<Double> byPerson = new ArrayList<>();
    int with = 0;
    int several = 0;
    int revAll = 0;
    int revPerson = 0;
    for (SuddenChanges r : results) {
      List<SuddenChange> list = r.of(kind);
      for (SuddenChange c : list) {
        all.add(c.magnitude());
        if (c.reversal()) {
          revAll++;
        }
      }
      if (!list.isEmpty()) {
        with++;
        if (list.size() > 1) {
          several++;
        }
        Optional<SuddenChange> chosen = r.select(kind, selection);
        byPerson.add(chosen.orElseThrow().magnitude());
        if (chosen.get().reversal()) {
          revPerson++;
        }
      }
    }
    return new SuddenChangeSummary(
        kind, selection, results.size(), all.size(), with, several, revAll, revPerson,
        mean(all), sd(all), mean(byPerson), sd(byPerson));
  }

  /**
   * Share of clients with at least one change (there is at least one client).
   *
   * @return the share of clients with at least one change (there is at least one client)
   */
  public double shareWithChange() {
    return (double) clientsWithChange / clients;
  }

  private static OptionalDouble mean(List<Double> xs) {
    if (xs.isEmpty()) {
      return OptionalDouble.empty();
    }
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return OptionalDouble.of(s / xs.size());
  }

  private static OptionalDouble sd(List<Double> xs) {
    if (xs.size() < 2) {
      return OptionalDouble.empty();
    }
    double m = mean(xs).getAsDouble();
    double ss = 0;
    for (double x : xs) {
      ss += (x - m) * (x - m);
    }
    return OptionalDouble.of(Math.sqrt(ss / (xs.size() - 1)));
  }
}
