package io.candor.simulation;

import io.candor.domain.Course;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

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

  /** The arm simulated. */
  private final Arm arm;
  /** The instrument's id. */
  private final String instrument;
  /** The integer counts every figure is computed from. */
  private final SummaryAccumulator a;
  /** The instrument's lowest score (scores are counted in resolution steps above it). */
  private final double min;
  /** The instrument's resolution. */
  private final double resolution;

  SimulationSummary(Arm arm, String instrument, double min, double resolution,
      SummaryAccumulator acc) {
    this.arm = Objects.requireNonNull(arm, "arm");
    this.instrument = instrument;
    this.min = min;
    this.resolution = resolution;
    this.a = acc;
  }

  /**
   * The arm simulated.
   *
   * @return the arm simulated
   */
  public Arm arm() {
    return arm;
  }

  /**
   * The instrument's id.
   *
   * @return the instrument's id
   */
  public String instrument() {
    return instrument;
  }

  /**
   * Number of clients.
   *
   * @return the number of clients
   */
  public long clients() {
    return a.clients;
  }

  /**
   * The last session index (planned sessions or wait-list weeks).
   *
   * @return the last session index (planned sessions or wait-list weeks)
   */
  public int lastSession() {
    return a.length - 1;
  }

  /**
   * Number of clients with that course.
   *
   * @param course the course
   * @return the number of clients with that course
   */
  public long clientsWithCourse(Course course) {
    return a.courseCounts[course.ordinal()];
  }

  /**
   * Number of clients in the deteriorating subgroup (the generating truth).
   *
   * @return the number of clients in the deteriorating subgroup (the generating truth)
   */
  public long deterioratingSubgroup() {
    return a.deterioratingSubgroup;
  }

  /**
   * Number of clients who dropped out.
   *
   * @return the number of clients who dropped out
   */
  public long dropouts() {
    return a.dropouts;
  }

  /**
   * Share of clients who dropped out before their last planned session.
   *
   * @return the share of clients who dropped out before their last planned session
   */
  public double dropoutRate() {
    return (double) a.dropouts / a.clients; // a summary has at least one client
  }

  /**
   * Number of clients who dropped out at (did not attend) that session.
   *
   * @param session the session, 0 to {@link #lastSession()}
   * @return the number of clients who dropped out at (did not attend) that session
   */
  public long dropoutsAt(int session) {
    return a.dropoutsAt[check(session)];
  }

  /**
   * Number of clients reliably worse at their last score than at intake.
   *
   * @return the number of clients reliably worse at their last score than at intake
   */
  public long deteriorated() {
    return a.deteriorated;
  }

  /**
   * Share of clients with two or more scores reliably worse at their last score than at intake.
   *
   * @return the share, empty when no client had two scores
   */
  public OptionalDouble deteriorationRate() {
    return ratio(a.deteriorated, a.observed.length > 1 ? a.observed[1] : 0);
  }

  /**
   * Share of clients with two or more scores reliably better at their last score.
   *
   * @return the share, empty when no client had two scores
   */
  public OptionalDouble improvedAtEndRate() {
    return ratio(a.improvedAtEnd, a.observed.length > 1 ? a.observed[1] : 0);
  }

  /**
   * Share of clients with two or more scores who recovered reliably at their last score (a case
   * at intake, not a case at the end, and reliably improved).
   *
   * @return the share, empty when no client had two scores
   */
  public OptionalDouble reliableRecoveryRate() {
    return ratio(a.recoveredAtEnd, a.observed.length > 1 ? a.observed[1] : 0);
  }

  /**
   * Clients with at least four scores (at least one interval where a sudden gain can be tested).
   *
   * @return the number of clients with at least four scores
   */
  public long suddenGainEvaluable() {
    return a.gainEvaluable;
  }

  /**
   * Clients with at least one sudden gain.
   *
   * @return the number of clients with at least one sudden gain
   */
  public long suddenGainClients() {
    return a.gainClients;
  }

  /**
   * Share of evaluable clients with at least one sudden gain.
   *
   * @return the share, empty when no client had four scores
   */
  public OptionalDouble suddenGainRate() {
    return ratio(a.gainClients, a.gainEvaluable);
  }

  /**
   * Share of evaluable clients with at least one sudden loss (every criterion mirrored).
   *
   * @return the share, empty when no client had four scores
   */
  public OptionalDouble suddenLossRate() {
    return ratio(a.lossClients, a.gainEvaluable);
  }

  /**
   * Clients observed at that session.
   *
   * @param session the session, 0 to {@link #lastSession()}
   * @return the number of clients observed at that session
   */
  public long observedAt(int session) {
    return a.observed[check(session)];
  }

  /**
   * Share of the clients observed at that session who are in the clinical range then.
   *
   * @param session the session, 0 to {@link #lastSession()}
   * @return the share, empty when nobody attended that session
   * @throws IllegalArgumentException if the session is out of range
   */
  public OptionalDouble caseRateAt(int session) {
    return ratio(a.cases[check(session)], a.observed[session]);
  }

  /**
   * Share of the clients observed at that session who are reliably improved then.
   *
   * @param session the session, 0 to {@link #lastSession()}
   * @return the share, empty when nobody attended that session
   * @throws IllegalArgumentException if the session is out of range
   */
  public OptionalDouble reliablyImprovedAt(int session) {
    return ratio(a.reliablyImproved[check(session)], a.observed[session]);
  }

  /**
   * Number of clients observed at that session who are reliably improved then.
   *
   * @param session the session, 0 to {@link #lastSession()}
   * @return the number of clients observed at that session who are reliably improved then
   */
  public long reliablyImprovedCountAt(int session) {
    return a.reliablyImproved[check(session)];
  }

  /**
   * Mean observed score at that session.
   *
   * @param session the session, 0 to {@link #lastSession()}
   * @return the mean, empty when nobody attended that session
   * @throws IllegalArgumentException if the session is out of range
   */
  public OptionalDouble meanScoreAt(int session) {
    long n = a.observed[check(session)];
    return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(min + resolution * ((double) a.scoreUnits[session] / n));
  }

  /**
   * An observed-score quantile at that session: the smallest score at or below which at least a
   * share {@code p} of the clients observed then lie (the inverse of the empirical distribution
   * function, R's {@code quantile(type = 1)}). Exact, because every simulated score lies on the
   * instrument's resolution and is counted; so it does not depend on the number of threads either.
   * This is what a fan chart of the simulated cohort draws.
   *
   * @param session the session, 0 to {@link #lastSession()}
   * @param p the share, 0 to 1 (0 gives the lowest observed score, 1 the highest)
   * @return the score, or empty when nobody was observed at that session
   * @throws IllegalArgumentException if the session is out of range or {@code p} is not in [0, 1]
   */
  public OptionalDouble scoreQuantileAt(int session, double p) {
    check(session);
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be between 0 and 1, was " + p);
    }
    long n = a.observed[session];
    if (n == 0) {
      return OptionalDouble.empty();
    }
    long target = Math.max(1, (long) Math.ceil(p * n));
    long[] counts = a.scoreCounts[session];
    long cumulative = 0;
    int unit = 0;
    while (true) {
      cumulative += counts[unit];
      if (cumulative >= target) {
        break;
      }
      unit++;
    }
    return OptionalDouble.of(scoreOf(unit));
  }

  /** The score of {@code units} resolutions above the minimum, written as its decimal. */
  private double scoreOf(int units) {
    return Double.parseDouble(java.math.BigDecimal.valueOf(min)
        .add(java.math.BigDecimal.valueOf(resolution).multiply(java.math.BigDecimal.valueOf(units)))
        .toPlainString());
  }

  /**
   * Clients whose first reliable improvement was at that session.
   *
   * @param session the session, 0 to {@link #lastSession()}
   * @return the number of clients whose first reliable improvement was at that session
   */
  public long improvementEventsAt(int session) {
    return a.improvementEvents[check(session)];
  }

  /**
   * Clients last observed at that session without having reliably improved (censored).
   *
   * @param session the session, 0 to {@link #lastSession()}
   * @return the number of clients last observed at that session without having reliably improved (censored)
   */
  public long improvementCensoredAt(int session) {
    return a.improvementCensored[check(session)];
  }

  /**
   * Clients still at risk of a first reliable improvement at that session.
   *
   * @param session the session, 0 to {@link #lastSession()}
   * @return the number of clients still at risk of a first reliable improvement at that session
   */
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
   *
   * @param session the session, 0 to {@link #lastSession()}
   * @return the estimated share
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

  private static OptionalDouble ratio(long num, long den) {
    return den == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) num / den);
  }

  private static String text(OptionalDouble v) {
    return v.isPresent() ? Double.toString(v.getAsDouble()) : "n/a";
  }

  @Override
  public String toString() {
    return "SimulationSummary[" + arm + ", " + instrument + ", clients=" + a.clients
        + ", dropout=" + dropoutRate() + ", deterioration=" + text(deteriorationRate())
        + ", suddenGains=" + text(suddenGainRate()) + ", observed=" + Arrays.toString(a.observed) + "]";
  }
}
