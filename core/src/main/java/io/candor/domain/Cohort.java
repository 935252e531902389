package io.candor.domain;

import io.candor.internal.Checks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Many clients' trajectories, with lookup by client.
 *
 * <p>A client may have trajectories on several scales (PHQ-9 and GAD-7, say) but at most one per
 * scale. Order is kept as given.
 *
 * <p>Immutable and thread-safe.
 */
public final class Cohort {

  private final List<Trajectory> trajectories;
  private final Map<ClientId, List<Trajectory>> byClient;

  private Cohort(List<Trajectory> trajectories) {
    this.trajectories = List.copyOf(Checks.noNulls("trajectories", trajectories));
    Map<ClientId, List<Trajectory>> map = new LinkedHashMap<>();
    for (Trajectory t : this.trajectories) {
      List<Trajectory> list = map.computeIfAbsent(t.client(), k -> new ArrayList<>(2));
      for (Trajectory other : list) {
        if (other.scale().id().equals(t.scale().id())) {
          throw new IllegalArgumentException(
              "client " + t.client() + " has two trajectories on " + t.scale().id()
                  + "; a cohort allows one per client and scale");
        }
      }
      list.add(t);
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    this.byClient = map;
  }

  /**
   * A cohort of these trajectories (possibly none).
   *
   * @param trajectories the trajectories (possibly none)
   * @return a cohort of these trajectories (possibly none)
   */
  public static Cohort of(Collection<Trajectory> trajectories) {
    return new Cohort(new ArrayList<>(Objects.requireNonNull(trajectories, "trajectories")));
  }

  /**
   * All trajectories, in the order given.
   *
   * @return the all trajectories, in the order given
   */
  public List<Trajectory> trajectories() {
    return trajectories;
  }

  /**
   * Number of trajectories.
   *
   * @return the number of trajectories
   */
  public int size() {
    return trajectories.size();
  }

  /**
   * The distinct clients, in first-seen order.
   *
   * @return the distinct clients, in first-seen order
   */
  public Set<ClientId> clients() {
    return java.util.Collections.unmodifiableSet(byClient.keySet());
  }

  /**
   * The client's trajectories (empty list if the client is not in the cohort).
   *
   * @param client the client
   * @return the client's trajectories (empty list if the client is not in the cohort)
   */
  public List<Trajectory> trajectories(ClientId client) {
    return byClient.getOrDefault(Objects.requireNonNull(client, "client"), List.of());
  }

  /**
   * The client's trajectory on the scale with that id.
   *
   * @param client the client
   * @param scaleId the scale's id, e.g. {@code "PHQ-9"}
   * @return the client's trajectory on the scale with that id
   */
  public Optional<Trajectory> find(ClientId client, String scaleId) {
    Objects.requireNonNull(scaleId, "scaleId");
    return trajectories(client).stream().filter(t -> t.scale().id().equals(scaleId)).findFirst();
  }

  /**
   * The cohort in long format: one row per observation, trajectory by trajectory.
   *
   * @return the cohort in long format: one row per observation, trajectory by trajectory
   */
  public List<LongRow> toLong() {
    List<LongRow> rows = new ArrayList<>();
    for (Trajectory t : trajectories) {
      for (Observation o : t.observations()) {
        rows.add(new LongRow(t.client(), t.scale().id(), o.session(), o.date(), o.score()));
      }
    }
    return rows;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cohort c && trajectories.equals(c.trajectories);
  }

  @Override
  public int hashCode() {
    return trajectories.hashCode();
  }

  @Override
  public String toString() {
    return "Cohort of " + trajectories.size() + " trajectories, " + byClient.size() + " clients";
  }
}
