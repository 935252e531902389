package io.candor.simulation;

import io.candor.domain.Course;
import java.util.Arrays;
import java.util.Objects;

/**
 * Streaming summary of a simulated cohort: counts and rates computed while the clients were
 * generated, without keeping them. Every figure is built from integer counts, so the summary is
 * identical whatever the number of threads.
 *
 * <p>Definitions ("reliable" = a change of at least the instrument's reliable-change threshold,
 * measured from the intake score at session 0):
 * <ul>
 *   <li>{@link #improvedBy(int)}: Kaplan–Meier estimate of the share reliably improved at some
 *       session up to s (time to first reliable improvement, censored at the last observed
 *       session);
 *   <li>{@link #dropoutRate()}: share who dropped out before their last planned session;
 *   <li>{@link #deteriorationRate()}: share of clients with at least two scores whose last score is
 *       reliably worse than the intake score;
 *   <li>{@link #suddenGainRate()}: share of clients with at least four scores who show a sudden
 *       gain by the three Tang &amp; DeRubeis (1999) criteria (consecutive sessions);
 *   <li>{@link #caseRateAt(int)}: share of clients observed at a session who are in the clinical
 *       range then ({@code 1 −} that is the remission rate).
 * </ul>
 *
 * <p>Immutable and thread-safe. Serializable (its integer counts), so that a distributed job can
 * ship partial summaries to be {@link #combine(SimulationSummary) combined}.
 */
public final class SimulationSummary implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final Arm arm;
  private final String instrument;
  private final SummaryAccumulator a;
  private final double min;
  private final double resolution;

  SimulationSummary(Arm arm, String instrument, double min, double resolution,
      SummaryAccumulator acc) {
    this.arm = Objects.requireNonNull(arm, "arm");
    this.instrument = instrument;
    this.min = min;
    this.resolution = resolution;
    this.a = acc;
  }

  /** The arm simulated. */
  public Arm arm() {
    return arm;
  }

  /** The instrument's id. */
  public String instrument() {
    return instrument;
  }

  /** Number of clients. */
  public long clients() {
    return a.clients;
  }

  /** The last session index (planned sessions or wait-list weeks). */
  public int lastSession() {
    return a.length - 1;
  }

  /** Number of clients with that course. */
  public long clientsWithCourse(Course course) {
    return a.courseCounts[course.ordinal()];
  }

  /** Number of clients in the deteriorating subgroup (the generating truth). */
  public long deterioratingSubgroup() {
    return a.deterioratingSubgroup;
  }

  /** Number of clients who dropped out. */
  public long dropouts() {
    return a.dropouts;
  }

  /** Share of clients who dropped out before their last planned session. */
  public double dropoutRate() {
    return ratio(a.dropouts, a.clients);
  }

  /** Number of clients who dropped out at (did not attend) that session. */
  public long dropoutsAt(int session) {
    return a.dropoutsAt[check(session)];
  }

  /** Number of clients reliably worse at their last score than at intake. */
  public long deteriorated() {
    return a.deteriorated;
  }

  /** Share of clients with two or more scores reliably worse at their last score than at intake. */
  public double deteriorationRate() {
    return ratio(a.deteriorated, a.observed.length > 1 ? a.observed[1] : 0);
  }

  /** Share of clients with two or more scores reliably better at their last score. */
  public double improvedAtEndRate() {
    return ratio(a.improvedAtEnd, a.observed.length > 1 ? a.observed[1] : 0);
  }

  /**
   * Share of clients with two or more scores who recovered reliably at their last score (a case
   * at intake, not a case at the end, and reliably improved).
   */
  public double reliableRecoveryRate() {
    return ratio(a.recoveredAtEnd, a.observed.length > 1 ? a.observed[1] : 0);
  }

  /** Clients with at least four scores (at least one interval where a sudden gain can be tested). */
  public long suddenGainEvaluable() {
    return a.gainEvaluable;
  }

  /** Clients with at least one sudden gain. */
  public long suddenGainClients() {
    return a.gainClients;
  }

  /** Share of evaluable clients with at least one sudden gain. */
  public double suddenGainRate() {
    return ratio(a.gainClients, a.gainEvaluable);
  }

  /** Share of evaluable clients with at least one sudden loss (every criterion mirrored). */
  public double suddenLossRate() {
    return ratio(a.lossClients, a.gainEvaluable);
  }

  /** Clients observed at that session. */
  public long observedAt(int session) {
    return a.observed[check(session)];
  }

  /** Share of the clients observed at that session who are in the clinical range then. */
  public double caseRateAt(int session) {
    return ratio(a.cases[check(session)], a.observed[session]);
  }

  /** Share of the clients observed at that session who are reliably improved then. */
  public double reliablyImprovedAt(int session) {
    return ratio(a.reliablyImproved[check(session)], a.observed[session]);
  }

  /** Number of clients observed at that session who are reliably improved then. */
  public long reliablyImprovedCountAt(int session) {
    return a.reliablyImproved[check(session)];
  }

  /** Mean observed score at that session (NaN when nobody was observed). */
  public double meanScoreAt(int session) {
    long n = a.observed[check(session)];
    return n == 0 ? Double.NaN : min + resolution * ((double) a.scoreUnits[session] / n);
  }

  /** Clients whose first reliable improvement was at that session. */
  public long improvementEventsAt(int session) {
    return a.improvementEvents[check(session)];
  }

  /** Clients last observed at that session without having reliably improved (censored). */
  public long improvementCensoredAt(int session) {
    return a.improvementCensored[check(session)];
  }

  /** Clients still at risk of a first reliable improvement at that session. */
  public long improvementAtRiskAt(int session) {
    check(session);
    long r = a.clients;
    for (int s = 0; s < session; s++) {
      r -= a.improvementEvents[s] + a.improvementCensored[s];
    }
    return r;
  }

  /**
   * Kaplan–Meier estimate of the share reliably improved at some session up to {@code session}:
   * {@code 1 − Π (1 − d_s / r_s)} over sessions s ≤ session.
   */
  public double improvedBy(int session) {
    check(session);
    double surv = 1;
    long atRisk = a.clients;
    for (int s = 0; s <= session; s++) {
      if (atRisk > 0) {
        surv *= 1 - (double) a.improvementEvents[s] / atRisk;
      }
      atRisk -= a.improvementEvents[s] + a.improvementCensored[s];
    }
    return 1 - surv;
  }

  /**
   * The summary of both sets of clients: every count added, exactly (so the order of combination
   * does not matter). The two must come from the same scenario's arm and instrument; summarise
   * disjoint index ranges ({@link Simulator#summariseRange}) so that no client counts twice.
   *
   * @param other a summary of other clients
   * @return the combined summary (neither input changes)
   * @throws IllegalArgumentException if the arm, instrument or number of sessions differ
   */
  public SimulationSummary combine(SimulationSummary other) {
    Objects.requireNonNull(other, "other");
    if (arm != other.arm || !instrument.equals(other.instrument) || a.length != other.a.length
        || min != other.min || resolution != other.resolution) {
      throw new IllegalArgumentException("cannot combine a summary of " + arm + ", " + instrument
          + ", sessions 0-" + (a.length - 1) + " with one of " + other.arm + ", " + other.instrument
          + ", sessions 0-" + (other.a.length - 1));
    }
    SummaryAccumulator sum = new SummaryAccumulator(a.length - 1);
    sum.merge(a);
    sum.merge(other.a);
    return new SimulationSummary(arm, instrument, min, resolution, sum);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SimulationSummary s && arm == s.arm && instrument.equals(s.instrument)
        && min == s.min && resolution == s.resolution && a.sameCounts(s.a);
  }

  @Override
  public int hashCode() {
    return Objects.hash(arm, instrument, a.clients, a.dropouts, Arrays.hashCode(a.observed));
  }

  private int check(int session) {
    if (session < 0 || session >= a.length) {
      throw new IllegalArgumentException(
          "session must be 0-" + (a.length - 1) + ", was " + session);
    }
    return session;
  }

  private static double ratio(long num, long den) {
    return den == 0 ? Double.NaN : (double) num / den;
  }

  @Override
  public String toString() {
    return "SimulationSummary[" + arm + ", " + instrument + ", clients=" + a.clients
        + ", dropout=" + dropoutRate() + ", deterioration=" + deteriorationRate()
        + ", suddenGains=" + suddenGainRate() + ", observed=" + Arrays.toString(a.observed) + "]";
  }
}
