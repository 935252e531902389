package io.candor.progress;

import io.candor.internal.Checks;
import java.util.Arrays;
import java.util.Objects;

/**
 * Discrete-time dropout hazard per session: of the clients still in treatment at a session (first
 * session at or before it, last session at or after it), the share who dropped out after it (their
 * last observed session is this one and they count as dropouts).
 *
 * <p>Immutable and thread-safe (arrays are copied in and out).
 */
public final class DropoutHazard {

  private final String group;
  private final int[] sessions;
  private final int[] atRisk;
  private final int[] dropouts;

  DropoutHazard(String group, int[] sessions, int[] atRisk, int[] dropouts) {
    this.group = Objects.requireNonNull(group, "group");
    this.sessions = sessions;
    this.atRisk = atRisk;
    this.dropouts = dropouts;
  }

  /**
   * The group's name ("all" for the whole cohort).
   *
   * @return the group's name ("all" for the whole cohort)
   */
  public String group() {
    return group;
  }

  /**
   * Number of sessions in the table.
   *
   * @return the number of sessions in the table
   */
  public int size() {
    return sessions.length;
  }

  /**
   * Session numbers, ascending.
   *
   * @return the session numbers
   */
  public int[] sessions() {
    return sessions.clone();
  }

  /**
   * Clients in treatment at each session.
   *
   * @return the number in treatment at each session
   */
  public int[] atRisk() {
    return atRisk.clone();
  }

  /**
   * Clients who dropped out after each session.
   *
   * @return the number who dropped out after each session
   */
  public int[] dropouts() {
    return dropouts.clone();
  }

  /**
   * Hazard at each session: dropouts / at risk.
   *
   * @return the hazard at each session
   */
  public double[] hazard() {
    double[] h = new double[sessions.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = (double) dropouts[i] / atRisk[i];
    }
    return h;
  }

  /**
   * Hazard at one session, empty-safe: 0 when nobody was at risk there.
   *
   * @param session the session number
   * @return the hazard, 0 when nobody was at risk
   */
  public double hazardAt(int session) {
    int i = Arrays.binarySearch(sessions, session);
    return i < 0 || atRisk[i] == 0 ? 0 : (double) dropouts[i] / atRisk[i];
  }

  /**
   * Total dropouts.
   *
   * @return the total dropouts
   */
  public int totalDropouts() {
    int s = 0;
    for (int d : dropouts) {
      s += d;
    }
    return s;
  }

  /**
   * A hazard table from its counts (for example one read back from JSON).
   *
   * @param group the group's name
   * @param sessions session numbers, strictly increasing
   * @param atRisk clients in treatment at each session (at least 0)
   * @param dropouts dropouts after each session (0 to atRisk)
   * @return a hazard table from its counts (for example one read back from JSON)
   * @throws IllegalArgumentException if the arrays differ in length or a count is impossible
   */
  public static DropoutHazard ofCounts(String group, int[] sessions, int[] atRisk, int[] dropouts) {
    Checks.nonBlank("group", group);
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(atRisk, "atRisk");
    Objects.requireNonNull(dropouts, "dropouts");
    if (atRisk.length != sessions.length || dropouts.length != sessions.length) {
      throw new IllegalArgumentException("sessions, atRisk and dropouts must have the same length, were "
          + sessions.length + ", " + atRisk.length + " and " + dropouts.length);
    }
    for (int i = 0; i < sessions.length; i++) {
      if (i > 0 && sessions[i] <= sessions[i - 1]) {
        throw new IllegalArgumentException("sessions must be strictly increasing; " + sessions[i]
            + " follows " + sessions[i - 1]);
      }
      Checks.atLeast("atRisk at session " + sessions[i], atRisk[i], 0);
      Checks.inRange("dropouts at session " + sessions[i], dropouts[i], 0, atRisk[i]);
    }
    return new DropoutHazard(group, sessions.clone(), atRisk.clone(), dropouts.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DropoutHazard h
        && group.equals(h.group)
        && Arrays.equals(sessions, h.sessions)
        && Arrays.equals(atRisk, h.atRisk)
        && Arrays.equals(dropouts, h.dropouts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group, Arrays.hashCode(sessions), Arrays.hashCode(atRisk), Arrays.hashCode(dropouts));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(group).append(':');
    for (int i = 0; i < sessions.length; i++) {
      sb.append(' ').append(sessions[i]).append('=').append(dropouts[i]).append('/').append(atRisk[i]);
    }
    return sb.toString();
  }

  static DropoutHazard of(String group, int[] first, int[] last, boolean[] dropped) {
    Checks.nonBlank("group", group);
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int i = 0; i < first.length; i++) {
      lo = Math.min(lo, first[i]);
      hi = Math.max(hi, last[i]);
    }
    if (first.length == 0) {
      return new DropoutHazard(group, new int[0], new int[0], new int[0]);
    }
    int span = hi - lo + 1;
    int[] starts = new int[span + 1];
    int[] ends = new int[span + 1];
    int[] drops = new int[span];
    for (int i = 0; i < first.length; i++) {
      starts[first[i] - lo]++;
      ends[last[i] - lo]++;
      if (dropped[i]) {
        drops[last[i] - lo]++;
      }
    }
    int[] s = new int[span];
    int[] r = new int[span];
    int[] d = new int[span];
    int k = 0;
    int inTreatment = 0;
    for (int j = 0; j < span; j++) {
      inTreatment += starts[j];
      if (inTreatment > 0) {
        s[k] = lo + j;
        r[k] = inTreatment;
        d[k] = drops[j];
        k++;
      }
      inTreatment -= ends[j];
    }
    return new DropoutHazard(group, Arrays.copyOf(s, k), Arrays.copyOf(r, k), Arrays.copyOf(d, k));
  }
}
