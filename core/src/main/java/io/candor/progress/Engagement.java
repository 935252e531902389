package io.candor.progress;

import io.candor.change.ClinicalEvents;
import io.candor.domain.ClientId;
import io.candor.domain.ScoreScale;
import io.candor.domain.Trajectory;
import io.candor.internal.Checks;
import io.candor.measure.Instrument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Engagement and dropout analysis over a cohort of trajectories on one instrument.
 *
 * <p>Stateless; thread-safe.
 *
 * @see EngagementReport
 */
public final class Engagement {

  private Engagement() {}

  /**
   * Analyses without grouping.
   *
   * @param trajectories the trajectories, one per client
   * @param definition who counts as having dropped out
   * @return the report
   */
  public static EngagementReport analyse(Collection<Trajectory> trajectories, DropoutDefinition definition) {
    return analyse(trajectories, definition, id -> "all", false);
  }

  /**
   * Analyses with hazard tables by group.
   *
   * @param group maps each client to its group name (e.g. readiness stage); must not return null
   *     or blank
   * @param trajectories the trajectories, one per client
   * @param definition who counts as having dropped out
   * @return the report
   * @throws IllegalArgumentException if the collection is empty, holds trajectories on different
   *     scales, or a group name is blank
   * @throws IllegalStateException if the scale has no reliable-change threshold
   */
  public static EngagementReport analyse(
      Collection<Trajectory> trajectories,
      DropoutDefinition definition,
      Function<ClientId, String> group) {
    return analyse(trajectories, definition, group, true);
  }

  private static EngagementReport analyse(
      Collection<Trajectory> trajectories,
      DropoutDefinition definition,
      Function<ClientId, String> group,
      boolean grouped) {
    Checks.nonEmptyNoNulls("trajectories", trajectories);
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(group, "group");
    ScoreScale scale = trajectories.iterator().next().scale();
    for (Trajectory t : trajectories) {
      if (!t.scale().equals(scale)) {
        throw new IllegalArgumentException(
            "trajectories must share one scale; found " + scale.id() + " and " + t.scale().id());
      }
    }
    ClinicalEvents events = Scales.requireReliableChange(scale, "engagement analysis needs one");
    boolean hasCutoff = events.instrument().casenessCutoff().isPresent();
    int n = trajectories.size();
    int[] first = new int[n];
    int[] last = new int[n];
    boolean[] dropped = new boolean[n];
    Map<String, List<Integer>> members = new LinkedHashMap<>();
    int dropouts = 0;
    int beforeRi = 0;
    int completers = 0;
    int riCompleters = 0;
    int riAll = 0;
    int recCompleters = 0;
    int recAll = 0;
    int k = 0;
    for (Trajectory t : trajectories) {
      first[k] = t.sessionAt(0);
      last[k] = t.sessionAt(t.size() - 1);
      dropped[k] = definition.droppedOut(t);
      boolean ri = Milestones.reliablyImprovedAtEnd(t, events);
      boolean rec = hasCutoff && Milestones.recoveredAtEnd(t, events);
      if (ri) {
        riAll++;
      }
      if (rec) {
        recAll++;
      }
      if (dropped[k]) {
        dropouts++;
        if (Milestones.reliableImprovement(t).isEmpty()) {
          beforeRi++;
        }
      } else {
        completers++;
        if (ri) {
          riCompleters++;
        }
        if (rec) {
          recCompleters++;
        }
      }
      if (grouped) {
        String g = group.apply(t.client());
        if (g == null || g.isBlank()) {
          throw new IllegalArgumentException("group of client " + t.client() + " must not be blank");
        }
        members.computeIfAbsent(g, x -> new ArrayList<>()).add(k);
      }
      k++;
    }
    Map<String, DropoutHazard> byGroup = new LinkedHashMap<>();
    for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
      List<Integer> idx = e.getValue();
      int[] f = new int[idx.size()];
      int[] l = new int[idx.size()];
      boolean[] d = new boolean[idx.size()];
      for (int j = 0; j < f.length; j++) {
        f[j] = first[idx.get(j)];
        l[j] = last[idx.get(j)];
        d[j] = dropped[idx.get(j)];
      }
      byGroup.put(e.getKey(), DropoutHazard.of(e.getKey(), f, l, d));
    }
    return new EngagementReport(
        definition,
        n,
        dropouts,
        beforeRi,
        DropoutHazard.of("all", first, last, dropped),
        byGroup,
        completers == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) riCompleters / completers),
        OptionalDouble.of((double) riAll / n),
        !hasCutoff || completers == 0
            ? OptionalDouble.empty()
            : OptionalDouble.of((double) recCompleters / completers),
        hasCutoff ? OptionalDouble.of((double) recAll / n) : OptionalDouble.empty());
  }
}
