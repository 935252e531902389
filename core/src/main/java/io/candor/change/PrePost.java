package io.candor.change;

import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Trajectory;
import io.candor.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One client's first and last score on one scale, the input of pre/post change classification.
 *
 * <p>Immutable and thread-safe.
 *
 * @param client the client
 * @param pre first (pre-treatment) score
 * @param post last (post-treatment) score
 */
public record PrePost(ClientId client, double pre, double post) {

  /**
   * Validates the components (scores finite).
   *
   * @param client the client
   * @param pre first (pre-treatment) score
   * @param post last (post-treatment) score
   */
  public PrePost {
    Objects.requireNonNull(client, "client");
    Checks.finite("pre", pre);
    Checks.finite("post", post);
  }

  /**
   * First and last observation of a trajectory (a single observation gives pre = post).
   *
   * @param trajectory the trajectory
   * @return the first and last score
   */
  public static PrePost of(Trajectory trajectory) {
    Objects.requireNonNull(trajectory, "trajectory");
    return new PrePost(trajectory.client(), trajectory.first().score(), trajectory.last().score());
  }

  /**
   * First and last score of every trajectory on {@code scaleId} in the cohort, in the cohort's
   * order; trajectories with fewer than {@code minObservations} observations are left out.
   *
   * @param cohort the cohort
   * @param scaleId the scale's id, e.g. {@code "PHQ-9"}
   * @param minObservations trajectories with fewer observations are left out, at least 1
   * @return one pair per kept trajectory, in the cohort's order
   * @throws IllegalArgumentException if {@code minObservations < 1}
   */
  public static List<PrePost> fromCohort(Cohort cohort, String scaleId, int minObservations) {
    Objects.requireNonNull(cohort, "cohort");
    Checks.nonBlank("scaleId", scaleId);
    Checks.atLeast("minObservations", minObservations, 1);
    List<PrePost> out = new ArrayList<>();
    for (Trajectory t : cohort.trajectories()) {
      if (t.scale().id().equals(scaleId) && t.size() >= minObservations) {
        out.add(of(t));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The pre scores, in order.
   *
   * @param pairs the first and last scores of each client
   * @return the pre scores, in order
   */
  public static double[] pres(List<PrePost> pairs) {
    return Checks.noNulls("pairs", pairs).stream().mapToDouble(PrePost::pre).toArray();
  }

  /**
   * The post scores, in order.
   *
   * @param pairs the first and last scores of each client
   * @return the post scores, in order
   */
  public static double[] posts(List<PrePost> pairs) {
    return Checks.noNulls("pairs", pairs).stream().mapToDouble(PrePost::post).toArray();
  }
}
