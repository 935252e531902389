package io.candor.caseload;

import static io.candor.evidence.Sourced.assumption;

import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import io.candor.internal.Parallel;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.progress.AlertRules;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.ExpectedResponseModel;
import io.candor.progress.PreparedCurve;
import io.candor.simulation.Scenario;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A caseload as a flow, simulated week by week: referrals arrive ({@link Referrals}), wait when the
 * therapist is full, start treatment when a slot frees up, attend a session every
 * {@link #sessionInterval()} weeks, and leave at recovery ({@link RecoveryDischarge}), at the
 * planned number of sessions (or, when extended, at the maximum; {@link Extension}) or by
 * dropping out. Each client's scores, course, readiness, sudden gains and losses, deterioration
 * and dropout come from the calibrated simulator ({@link io.candor.simulation.ClientPaths}); a
 * share of clients has trauma-related problems, whose sessions count as trauma exposure.
 *
 * <p><b>Weeks.</b> In week w: referrals join the waiting list; waiting clients start while the
 * week's sessions are below {@link #capacity()} (a client started in week w has sessions in weeks
 * w, w + interval, ...; the first is the intake assessment, session 0); each client due a session
 * attends it or drops out (the simulator's dropout session), and is discharged when a rule says
 * so; then the week's figures are taken from the clients still in treatment. Waiting does not
 * change a client's course (the simulator's trajectory starts at the intake session).
 *
 * <p><b>Alerts.</b> "Not on track" is Candor's alert ({@link PreparedCurve}) on the client's latest
 * score against the expected-response curve for their intake score, under the given model (by
 * default one fitted on the scenario's own simulated clients) and alert rules (by default the
 * instrument's direction and caseness cutoff with the default percentiles, {@link
 * AlertRules#forInstrument}); "not on track" is a yellow or red signal ({@link
 * io.candor.progress.Signal#onTrack()}).
 *
 * <p><b>Reproducibility.</b> Therapist t draws referrals from its own stream and its clients from
 * the simulator with a seed of its own, all derived from the run's seed; counts are merged exactly,
 * so a seed gives the same run on any number of threads.
 *
 * <p>Immutable and thread-safe; {@code with...} returns a copy.
 */
public final class CaseloadModel {

  /** Default referrals per week and therapist (an assumption: no caseload norm was found). */
  public static final Sourced DEFAULT_REFERRALS = assumption(1.7, Citations.NHS_TALKING_THERAPIES_2024,
      "no published norm for new cases per therapist and week was found (NHS Talking Therapies or"
          + " US community services); 1.7 a week keeps a 20-session week busy (about 90 % of"
          + " capacity under the other defaults) without an ever-growing waiting list. Set it for"
          + " your service");

  /** Default capacity in sessions per week and therapist (an assumption). */
  public static final Sourced DEFAULT_CAPACITY = assumption(20, Citations.NHS_TALKING_THERAPIES_2024,
      "20 client sessions a week for a full-time therapist is Candor's assumption; no published"
          + " norm was found");

  /** Default planned number of treatment sessions (an assumption). */
  public static final Sourced DEFAULT_PLANNED = assumption(12, Citations.NHS_TALKING_THERAPIES_2024,
      "a course of 12 high-intensity sessions; NICE-recommended courses are commonly quoted as"
          + " 12-20 sessions, not checked in the manual");

  /** Default maximum number of treatment sessions for extended clients (an assumption). */
  public static final Sourced DEFAULT_MAXIMUM = assumption(20, Citations.NHS_TALKING_THERAPIES_2024,
      "the upper end of the commonly quoted 12-20 sessions; not checked in the manual");

  /** Default share of clients with trauma-related problems (an assumption, to be set). */
  public static final Sourced DEFAULT_TRAUMA_SHARE = assumption(0.25, Citations.BRIDE_2007,
      "placeholder: no figure for the share of a caseload with trauma-related problems was looked"
          + " up; set it for your service");

  /** Default weeks left out of the standing-caseload averages while the caseload fills up. */
  public static final int DEFAULT_WARM_UP_WEEKS = 26;

  private final Scenario scenario;
  private final Referrals referrals;
  private final int capacity;
  private final int sessionInterval;
  private final int plannedSessions;
  private final int maximumSessions;
  private final RecoveryDischarge recoveryDischarge;
  private final Extension extension;
  private final double traumaShare;
  private final int warmUpWeeks;
  private final Optional<ExpectedResponseModel> expectedResponse;
  private final Optional<AlertRules> alertRules;

  private CaseloadModel(Scenario scenario, Referrals referrals, int capacity, int sessionInterval,
      int plannedSessions, int maximumSessions, RecoveryDischarge recoveryDischarge,
      Extension extension, double traumaShare, int warmUpWeeks,
      Optional<ExpectedResponseModel> expectedResponse, Optional<AlertRules> alertRules) {
    this.scenario = scenario;
    this.referrals = referrals;
    this.capacity = capacity;
    this.sessionInterval = sessionInterval;
    this.plannedSessions = plannedSessions;
    this.maximumSessions = maximumSessions;
    this.recoveryDischarge = recoveryDischarge;
    this.extension = extension;
    this.traumaShare = traumaShare;
    this.warmUpWeeks = warmUpWeeks;
    this.expectedResponse = expectedResponse;
    this.alertRules = alertRules;
  }

  /**
   * The calibrated PHQ-9 scenario with the documented defaults: Poisson referrals at
   * {@link #DEFAULT_REFERRALS} a week, {@link #DEFAULT_CAPACITY} sessions a week, weekly sessions,
   * {@link #DEFAULT_PLANNED} planned and {@link #DEFAULT_MAXIMUM} at most, discharge at recovery,
   * extension when not improved, {@link #DEFAULT_TRAUMA_SHARE} with trauma-related problems.
   *
   * @return the default model
   */
  public static CaseloadModel withDefaults() {
    return new CaseloadModel(Scenario.calibratedDefault(Instruments.PHQ9),
        Referrals.poisson(DEFAULT_REFERRALS.value()), (int) DEFAULT_CAPACITY.value(), 1,
        (int) DEFAULT_PLANNED.value(), (int) DEFAULT_MAXIMUM.value(),
        RecoveryDischarge.AT_RECOVERY, Extension.WHEN_NOT_IMPROVED, DEFAULT_TRAUMA_SHARE.value(),
        DEFAULT_WARM_UP_WEEKS, Optional.empty(), Optional.empty());
  }

  /**
   * A copy whose clients follow this scenario.
   *
   * @param s the scenario (its instrument needs a caseness cutoff and a reliable-change threshold)
   * @return the copy
   */
  public CaseloadModel with(Scenario s) {
    return new CaseloadModel(Objects.requireNonNull(s, "scenario"), referrals, capacity,
        sessionInterval, plannedSessions, maximumSessions, recoveryDischarge, extension,
        traumaShare, warmUpWeeks, expectedResponse, alertRules);
  }

  /**
   * A copy with this arrival process.
   *
   * @param r the referrals
   * @return the copy
   */
  public CaseloadModel with(Referrals r) {
    return new CaseloadModel(scenario, Objects.requireNonNull(r, "referrals"), capacity,
        sessionInterval, plannedSessions, maximumSessions, recoveryDischarge, extension,
        traumaShare, warmUpWeeks, expectedResponse, alertRules);
  }

  /**
   * A copy with this recovery rule.
   *
   * @param rule when recovered clients are discharged
   * @return the copy
   */
  public CaseloadModel with(RecoveryDischarge rule) {
    return new CaseloadModel(scenario, referrals, capacity, sessionInterval, plannedSessions,
        maximumSessions, Objects.requireNonNull(rule, "recoveryDischarge"), extension, traumaShare,
        warmUpWeeks, expectedResponse, alertRules);
  }

  /**
   * A copy with this extension rule.
   *
   * @param rule what happens to non-improved clients at the planned end
   * @return the copy
   */
  public CaseloadModel with(Extension rule) {
    return new CaseloadModel(scenario, referrals, capacity, sessionInterval, plannedSessions,
        maximumSessions, recoveryDischarge, Objects.requireNonNull(rule, "extension"), traumaShare,
        warmUpWeeks, expectedResponse, alertRules);
  }

  /**
   * A copy whose alerts use this expected-response model (on the scenario's instrument).
   *
   * @param model the model
   * @return the copy
   */
  public CaseloadModel with(ExpectedResponseModel model) {
    return new CaseloadModel(scenario, referrals, capacity, sessionInterval, plannedSessions,
        maximumSessions, recoveryDischarge, extension, traumaShare, warmUpWeeks,
        Optional.of(Objects.requireNonNull(model, "model")), alertRules);
  }

  /**
   * A copy whose alerts use these rules.
   *
   * @param rules the alert rules (their direction must be the instrument's)
   * @return the copy
   */
  public CaseloadModel with(AlertRules rules) {
    return new CaseloadModel(scenario, referrals, capacity, sessionInterval, plannedSessions,
        maximumSessions, recoveryDischarge, extension, traumaShare, warmUpWeeks, expectedResponse,
        Optional.of(Objects.requireNonNull(rules, "rules")));
  }

  /**
   * A copy with this capacity.
   *
   * @param sessionsPerWeek sessions a therapist can give in a week, 0 to 10,000
   * @return the copy
   * @throws IllegalArgumentException if negative or above 10,000
   */
  public CaseloadModel withCapacity(int sessionsPerWeek) {
    Checks.inRange("capacity (sessions per week)", sessionsPerWeek, 0, 10_000);
    return new CaseloadModel(scenario, referrals, sessionsPerWeek, sessionInterval,
        plannedSessions, maximumSessions, recoveryDischarge, extension, traumaShare, warmUpWeeks,
        expectedResponse, alertRules);
  }

  /**
   * A copy with sessions every {@code weeks} weeks (1 weekly, 2 fortnightly).
   *
   * @param weeks weeks between a client's sessions, 1 to 12
   * @return the copy
   */
  public CaseloadModel withSessionInterval(int weeks) {
    Checks.inRange("session interval (weeks)", weeks, 1, 12);
    return new CaseloadModel(scenario, referrals, capacity, weeks, plannedSessions,
        maximumSessions, recoveryDischarge, extension, traumaShare, warmUpWeeks, expectedResponse,
        alertRules);
  }

  /**
   * A copy with these treatment lengths.
   *
   * @param planned the planned number of treatment sessions after the intake, 1 to 500
   * @param maximum the most any client receives (when extended), {@code planned} to 500
   * @return the copy
   * @throws IllegalArgumentException if out of range or the maximum is below the planned number
   */
  public CaseloadModel withSessions(int planned, int maximum) {
    Checks.inRange("planned sessions", planned, 1, 500);
    Checks.inRange("maximum sessions", maximum, 1, 500);
    if (maximum < planned) {
      throw new IllegalArgumentException("maximum sessions " + maximum
          + " must be at least the planned sessions " + planned);
    }
    return new CaseloadModel(scenario, referrals, capacity, sessionInterval, planned, maximum,
        recoveryDischarge, extension, traumaShare, warmUpWeeks, expectedResponse, alertRules);
  }

  /**
   * A copy with this share of clients with trauma-related problems.
   *
   * @param share in [0, 1]
   * @return the copy
   */
  public CaseloadModel withTraumaShare(double share) {
    Checks.probability("trauma share", share);
    return new CaseloadModel(scenario, referrals, capacity, sessionInterval, plannedSessions,
        maximumSessions, recoveryDischarge, extension, share, warmUpWeeks, expectedResponse,
        alertRules);
  }

  /**
   * A copy leaving this many first weeks out of the standing-caseload composition.
   *
   * @param weeks weeks of warm-up, at least 0
   * @return the copy
   */
  public CaseloadModel withWarmUpWeeks(int weeks) {
    Checks.atLeast("warm-up weeks", weeks, 0);
    return new CaseloadModel(scenario, referrals, capacity, sessionInterval, plannedSessions,
        maximumSessions, recoveryDischarge, extension, traumaShare, weeks, expectedResponse,
        alertRules);
  }

  /**
   * The scenario clients follow.
   *
   * @return the scenario clients follow
   */
  public Scenario scenario() {
    return scenario;
  }

  /**
   * The arrival process.
   *
   * @return the arrival process
   */
  public Referrals referrals() {
    return referrals;
  }

  /**
   * Sessions a therapist can give in a week.
   *
   * @return sessions a therapist can give in a week
   */
  public int capacity() {
    return capacity;
  }

  /**
   * Weeks between a client's sessions.
   *
   * @return weeks between a client's sessions
   */
  public int sessionInterval() {
    return sessionInterval;
  }

  /**
   * The planned number of treatment sessions.
   *
   * @return the planned number of treatment sessions
   */
  public int plannedSessions() {
    return plannedSessions;
  }

  /**
   * The most treatment sessions a client receives.
   *
   * @return the most treatment sessions a client receives
   */
  public int maximumSessions() {
    return maximumSessions;
  }

  /**
   * When recovered clients are discharged.
   *
   * @return when recovered clients are discharged
   */
  public RecoveryDischarge recoveryDischarge() {
    return recoveryDischarge;
  }

  /**
   * What happens to non-improved clients at the planned end.
   *
   * @return what happens to non-improved clients at the planned end
   */
  public Extension extension() {
    return extension;
  }

  /**
   * The share of clients with trauma-related problems.
   *
   * @return the share of clients with trauma-related problems
   */
  public double traumaShare() {
    return traumaShare;
  }

  /**
   * Weeks left out of the composition averages.
   *
   * @return weeks left out of the composition averages
   */
  public int warmUpWeeks() {
    return warmUpWeeks;
  }

  /**
   * The alerts' expected-response model, if one was given.
   *
   * @return the alerts' expected-response model, if one was given
   */
  public Optional<ExpectedResponseModel> expectedResponse() {
    return expectedResponse;
  }

  /**
   * The alert rules, if given.
   *
   * @return the alert rules, if given
   */
  public Optional<AlertRules> alertRules() {
    return alertRules;
  }

  /**
   * The alert rules used: the given ones completed from the scenario's instrument ({@link
   * AlertRules#resolve}), or {@link AlertRules#forInstrument} of it.
   *
   * @return the rules
   * @throws IllegalArgumentException if the given rules contradict the instrument's direction or
   *     caseness cutoff
   */
  public AlertRules effectiveAlertRules() {
    Instrument i = scenario.instrumentSpec();
    return alertRules.map(r -> r.resolve(i)).orElseGet(() -> AlertRules.forInstrument(i));
  }

  /**
   * Simulates {@code therapists} caseloads for {@code weeks} weeks.
   *
   * @param seed the seed (any value)
   * @param therapists number of therapists, 1 to 1,000,000
   * @param weeks length of the run, 1 to 5,200
   * @param threads worker threads, 1 to 256; the result does not depend on it
   * @return the weekly series and the composition of the standing caseload
   * @throws IllegalArgumentException if a count is out of range, the warm-up is not shorter than
   *     the run, a referral schedule is shorter than the run, or the alerts' model was fitted on
   *     another instrument
   */
  public CaseloadRun simulate(long seed, int therapists, int weeks, int threads) {
    Checks.inRange("therapists", therapists, 1, 1_000_000);
    Checks.inRange("weeks", weeks, 1, 5200);
    Checks.inRange("threads", threads, 1, 256);
    if (warmUpWeeks >= weeks) {
      throw new IllegalArgumentException("the warm-up of " + warmUpWeeks
          + " weeks must be shorter than the run of " + weeks + " weeks");
    }
    referrals.checkWeeks(weeks);
    Instrument instrument = scenario.instrumentSpec();
    Events events = new Events(instrument);
    AlertRules rules = effectiveAlertRules();
    ExpectedResponseModel model = expectedResponse.orElseGet(() -> ReferenceModels.fitted(scenario));
    OutcomeMix.checkScale(model, scenario);
    PreparedCurve[] curves = curves(instrument, model, rules);
    Scenario paths = scenario.withSessions(maximumSessions);
    int workers = Math.min(threads, therapists);
    FlowCounts[] parts = new FlowCounts[workers];
    AtomicInteger next = new AtomicInteger();
    Parallel.run(workers, "candor-caseload", w -> {
      Flow flow = new Flow(this, paths, events, curves, seed, weeks);
      FlowCounts counts = new FlowCounts(weeks);
      parts[w] = counts;
      int t;
      while ((t = next.getAndIncrement()) < therapists) {
        flow.run(t, counts);
      }
    });
    FlowCounts total = new FlowCounts(weeks);
    for (FlowCounts p : parts) {
      total.merge(p);
    }
    return CaseloadRun.of(this, seed, therapists, weeks, total);
  }

  /** One prepared alert curve per possible intake score on the instrument's grid. */
  PreparedCurve[] curves(Instrument instrument, ExpectedResponseModel model,
      AlertRules rules) {
    int steps = (int) Math.round((instrument.maxScore() - instrument.minScore())
        / instrument.resolution());
    PreparedCurve[] out = new PreparedCurve[steps + 1];
    ExpectedResponse er = ExpectedResponse.of(model).withPercentiles(0.5).withScale(instrument);
    for (int i = 0; i <= steps; i++) {
      out[i] = er.prepare(instrument.minScore() + i * instrument.resolution(), maximumSessions,
          rules);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CaseloadModel m
        && scenario.equals(m.scenario)
        && referrals.equals(m.referrals)
        && capacity == m.capacity
        && sessionInterval == m.sessionInterval
        && plannedSessions == m.plannedSessions
        && maximumSessions == m.maximumSessions
        && recoveryDischarge == m.recoveryDischarge
        && extension == m.extension
        && Double.compare(traumaShare, m.traumaShare) == 0
        && warmUpWeeks == m.warmUpWeeks
        && expectedResponse.equals(m.expectedResponse)
        && alertRules.equals(m.alertRules);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scenario, referrals, capacity, sessionInterval, plannedSessions,
        maximumSessions, recoveryDischarge, extension, traumaShare, warmUpWeeks, expectedResponse,
        alertRules);
  }

  @Override
  public String toString() {
    return "CaseloadModel[" + scenario.instrument() + ", referrals " + referrals + ", capacity "
        + capacity + " sessions/week, every " + sessionInterval + " week(s), " + plannedSessions
        + " planned / " + maximumSessions + " maximum sessions, " + recoveryDischarge + ", "
        + extension + ", trauma share " + Checks.fmt(traumaShare) + ", warm-up " + warmUpWeeks
        + " weeks" + (expectedResponse.isPresent() ? ", given model" : "")
        + alertRules.map(r -> ", " + r).orElse("") + "]";
  }
}
