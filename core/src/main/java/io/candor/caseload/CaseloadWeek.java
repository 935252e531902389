package io.candor.caseload;

import io.candor.internal.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One week of a simulated caseload, as the mean per therapist (counts) or the pooled share over
 * all therapists (shares), taken at the end of the week.
 *
 * <p>Immutable and thread-safe.
 *
 * @param week the week (from 0)
 * @param referrals new referrals
 * @param started clients who started treatment (came off the waiting list)
 * @param waiting clients on the waiting list
 * @param caseload clients in treatment
 * @param sessions sessions delivered (intake assessments included)
 * @param traumaSessions sessions delivered to clients with trauma-related problems
 * @param shareChronic share of the caseload with a chronic course; empty when nobody is in
 *     treatment
 * @param shareNotOnTrack share of clients with at least one treatment session whose latest alert
 *     is "not on track"; empty when there are none
 * @param shareReliablyWorse share of the same clients whose latest score is reliably worse than
 *     their intake; empty when there are none
 * @param discharges discharges this week by outcome (a recovered client counts under both
 *     {@link Outcome#RELIABLE_IMPROVEMENT} and {@link Outcome#RECOVERY}); every outcome present
 */
public record CaseloadWeek(
    int week,
    double referrals,
    double started,
    double waiting,
    double caseload,
    double sessions,
    double traumaSessions,
    OptionalDouble shareChronic,
    OptionalDouble shareNotOnTrack,
    OptionalDouble shareReliablyWorse,
    Map<Outcome, Double> discharges) {

  /**
   * Validates the components and copies the map into outcome order.
   *
   * @param week the week (from 0)
   * @param referrals new referrals
   * @param started clients who started treatment (came off the waiting list)
   * @param waiting clients on the waiting list
   * @param caseload clients in treatment
   * @param sessions sessions delivered (intake assessments included)
   * @param traumaSessions sessions delivered to clients with trauma-related problems
   * @param shareChronic share of the caseload with a chronic course; empty when nobody is in
   *     treatment
   * @param shareNotOnTrack share of clients with at least one treatment session whose latest alert
   *     is "not on track"; empty when there are none
   * @param shareReliablyWorse share of the same clients whose latest score is reliably worse than
   *     their intake; empty when there are none
   * @param discharges discharges this week by outcome (a recovered client counts under both
   *     {@link Outcome#RELIABLE_IMPROVEMENT} and {@link Outcome#RECOVERY}); every outcome present
   */
  public CaseloadWeek {
    Checks.atLeast("week", week, 0);
    Checks.nonNegative("referrals", referrals);
    Checks.nonNegative("started", started);
    Checks.nonNegative("waiting", waiting);
    Checks.nonNegative("caseload", caseload);
    Checks.nonNegative("sessions", sessions);
    Checks.nonNegative("traumaSessions", traumaSessions);
    share("shareChronic", shareChronic);
    share("shareNotOnTrack", shareNotOnTrack);
    share("shareReliablyWorse", shareReliablyWorse);
    Objects.requireNonNull(discharges, "discharges");
    EnumMap<Outcome, Double> m = new EnumMap<>(Outcome.class);
    for (Outcome o : Outcome.values()) {
      Double v = discharges.get(o);
      if (v == null) {
        throw new IllegalArgumentException("discharges." + o.name() + " is missing");
      }
      m.put(o, Checks.nonNegative("discharges." + o.name(), v));
    }
    discharges = Collections.unmodifiableMap(m);
  }

  private static void share(String name, OptionalDouble v) {
    Objects.requireNonNull(v, name);
    v.ifPresent(x -> Checks.probability(name, x));
  }

  /**
   * All discharges this week (the four outcomes that exclude each other).
   *
   * @return the total
   */
  public double dischargesTotal() {
    double t = 0;
    for (Outcome o : Outcome.values()) {
      if (o.partitions()) {
        t += discharges.get(o);
      }
    }
    return t;
  }
}
