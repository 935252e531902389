package io.candor.expectation;

import io.candor.change.ClinicalEvents;
import io.candor.domain.Course;
import io.candor.domain.Observation;
import io.candor.domain.ReadinessStage;
import io.candor.evidence.Certainty;
import io.candor.evidence.Citation;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.ItemScoring;
import io.candor.measure.RiskFlag;
import io.candor.model.mixture.ClassPosterior;
import io.candor.model.mixture.NewClient;
import io.candor.model.mixture.TrajectoryClasses;
import io.candor.model.mixture.WithinClass;
import io.candor.progress.ExpectedCurve;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.ExpectedResponseModel;
import io.candor.simulation.Arm;
import io.candor.simulation.PlausibleRange;
import io.candor.simulation.Scenario;
import io.candor.simulation.ScenarioDefaults;
import io.candor.simulation.SimulatedPanel;
import io.candor.simulation.Simulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;

/**
 * Makes {@link ExpectationReport}s: realistic expectations for one client from the calibrated
 * simulator, conditioned on what is known about the client and updated by the scores observed so
 * far.
 *
 * <pre>{@code
 * ClientProfile profile = ClientProfile.of(Instruments.PHQ9, 18).withObserved(1, 17);
 * ExpectationReport report = Expectations.withDefaults()
 *     .withModel(ExpectedResponseModels.reference(Instruments.PHQ9))   // io.candor.json
 *     .report(profile, 42L);
 * }</pre>
 *
 * <h2>Method</h2>
 * <ol>
 *   <li><b>Conditioning on the profile.</b> The scenario (by default {@link
 *       Scenario#calibratedDefault} of the instrument) gets the planned number of sessions; a known
 *       course fixes the case mix to that course and a known readiness stage fixes the stage at
 *       intake (so readiness acts on the rate and the dropout hazard as the scenario says). The
 *       simulator then draws {@link #withClients(int) clients} (20,000 by default) who all start at
 *       the client's intake score ({@link Simulator#givenIntake(double)}).
 *   <li><b>Updating by the observed scores.</b> Only simulated clients still attending at the last
 *       observed session are kept: the client is. The expected-response model ({@link
 *       #withModel}) gives the weight of each observed score in its estimate of the client's
 *       current level (the fitted value at the last observed session); negative weights, which
 *       growth models give early scores of long courses when they extrapolate a slope, are set to
 *       zero and the rest scaled to sum to 1. The client's weighted level and each simulated
 *       client's weighted level (their scores at the same sessions) are compared, and every later
 *       simulated score is moved by the slope of score on level times the difference: regression
 *       adjustment (Beaumont, Zhang &amp; Balding 2002), with the slope estimated per session over
 *       the comparable clients and never below zero. So a better observed course never lowers the
 *       probability of improvement, exactly.
 *   <li><b>Outcomes.</b> At each horizon a comparable client has stopped attending (dropout), or is
 *       reliably better, neither, or reliably worse than at intake, by the one definition in {@link
 *       ClinicalEvents}; recovery is reported for an intake in the clinical range.
 *   <li><b>Monte Carlo interval.</b> The Wilson 95 % interval of each share over the comparable
 *       clients.
 *   <li><b>Sensitivity interval.</b> For each {@link PlausibleRange} that applies, both ends are
 *       simulated on {@link #withSensitivityClients(int) sensitivity clients} (5,000 by default)
 *       with the same seed, so the same clients' random streams (common random numbers): the move
 *       of each estimate is the variant's share minus the base scenario's share on the same
 *       clients. The sensitivity interval is the estimate plus the largest moves down and up; the
 *       range to quote is the Monte Carlo interval widened by the same moves.
 *   <li><b>Latent trajectory classes</b>, when the profile has them ({@link FittedClasses}): the
 *       class model's posterior probability of each class given the intake (time 0) and the
 *       observed scores, and the shape of each class curve, judged by the instrument's
 *       reliable-change threshold. They are reported beside the simulated numbers and do not
 *       change them.
 * </ol>
 * The same profile, configuration and seed give the same report, byte for byte, for any number of
 * threads.
 *
 * <p>Immutable and thread-safe; {@code withXxx} returns a copy.
 */
public final class Expectations {

  /** Default number of simulated clients for the estimates. */
  public static final int DEFAULT_CLIENTS = 20_000;

  /** Default number of simulated clients per end of each plausible range. */
  public static final int DEFAULT_SENSITIVITY_CLIENTS = 5_000;

  /** Default horizons (sessions); the last planned session is always added. */
  private static final int[] DEFAULT_HORIZONS = {8, 12, 20};

  private static final double HALF = 0.5;

  private final int clients;
  private final int sensitivityClients;
  private final int[] horizons;
  private final int threads;
  private final Optional<ExpectedResponseModel> model;
  private final Optional<Scenario> scenario;

  private Expectations(int clients, int sensitivityClients, int[] horizons, int threads,
      Optional<ExpectedResponseModel> model, Optional<Scenario> scenario) {
    this.clients = clients;
    this.sensitivityClients = sensitivityClients;
    this.horizons = horizons;
    this.threads = threads;
    this.model = model;
    this.scenario = scenario;
  }

  /**
   * {@value #DEFAULT_CLIENTS} clients, {@value #DEFAULT_SENSITIVITY_CLIENTS} per plausible-range
   * end, horizons 8, 12 and 20 (and the last planned session), one thread, the calibrated default
   * scenario of the profile's instrument, no expected-response model (needed only for profiles
   * with observed scores).
   *
   * @return the default configuration
   */
  public static Expectations withDefaults() {
    return new Expectations(DEFAULT_CLIENTS, DEFAULT_SENSITIVITY_CLIENTS, DEFAULT_HORIZONS, 1,
        Optional.empty(), Optional.empty());
  }

  /**
   * A copy that simulates this many clients for the estimates.
   *
   * @param n 100 to 1,000,000
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public Expectations withClients(int n) {
    Checks.inRange("clients", n, 100, 1_000_000);
    return new Expectations(n, sensitivityClients, horizons, threads, model, scenario);
  }

  /**
   * A copy that simulates this many clients for each end of each plausible range.
   *
   * @param n 100 to 1,000,000 (at most the clients for the estimates are used)
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public Expectations withSensitivityClients(int n) {
    Checks.inRange("sensitivityClients", n, 100, 1_000_000);
    return new Expectations(clients, n, horizons, threads, model, scenario);
  }

  /**
   * A copy with these horizons: sessions after the intake. A report uses those after the last
   * observed session and up to the last planned one, and always adds the last planned session.
   *
   * @param sessions one or more sessions, each 1 to {@value ClientProfile#MAX_SESSIONS}
   * @return the copy
   * @throws IllegalArgumentException if none is given or one is out of range
   */
  public Expectations withHorizons(int... sessions) {
    Objects.requireNonNull(sessions, "sessions");
    if (sessions.length == 0) {
      throw new IllegalArgumentException("horizons must name at least one session");
    }
    TreeSet<Integer> set = new TreeSet<>();
    for (int s : sessions) {
      set.add(Checks.inRange("horizon", s, 1, ClientProfile.MAX_SESSIONS));
    }
    return new Expectations(clients, sensitivityClients,
        set.stream().mapToInt(Integer::intValue).toArray(), threads, model, scenario);
  }

  /**
   * A copy that simulates on this many threads (the report does not depend on it).
   *
   * @param n 1 to 256
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public Expectations withThreads(int n) {
    Checks.inRange("threads", n, 1, 256);
    return new Expectations(clients, sensitivityClients, horizons, n, model, scenario);
  }

  /**
   * A copy that updates by observed scores through this expected-response model: Candor's reference
   * model ({@code io.candor.json.ExpectedResponseModels.reference}, fitted on the simulator) or one
   * fitted on your service's data. It must have been fitted on the profile's instrument (or a
   * plain scale) and have no covariates.
   *
   * @param m the model
   * @return the copy
   */
  public Expectations withModel(ExpectedResponseModel m) {
    return new Expectations(clients, sensitivityClients, horizons, threads,
        Optional.of(Objects.requireNonNull(m, "model")), scenario);
  }

  /**
   * A copy that starts from this scenario instead of the calibrated default of the profile's
   * instrument (the planned sessions, course and readiness of the profile are still applied).
   *
   * @param s the scenario; its instrument must be the profile's
   * @return the copy
   */
  public Expectations withScenario(Scenario s) {
    return new Expectations(clients, sensitivityClients, horizons, threads, model,
        Optional.of(Objects.requireNonNull(s, "scenario")));
  }

  /**
   * The number of clients simulated for the estimates.
   *
   * @return the count
   */
  public int clients() {
    return clients;
  }

  /**
   * The number of clients simulated for each end of each plausible range.
   *
   * @return the count
   */
  public int sensitivityClients() {
    return sensitivityClients;
  }

  /**
   * The configured horizons.
   *
   * @return sessions, ascending
   */
  public List<Integer> horizons() {
    return Arrays.stream(horizons).boxed().toList();
  }

  /**
   * The expected-response model, if one was given.
   *
   * @return the model
   */
  public Optional<ExpectedResponseModel> model() {
    return model;
  }

  /**
   * The report for a profile.
   *
   * @param profile the client's profile
   * @param seed the seed of the simulation (any value; the same seed gives the same report)
   * @return the report
   * @throws IllegalArgumentException if the profile has observed scores but no model was given,
   *     the model or scenario does not fit the profile's instrument, or every planned session has
   *     already been observed
   */
  public ExpectationReport report(ClientProfile profile, long seed) {
    Objects.requireNonNull(profile, "profile");
    Instrument instrument = profile.instrument();
    Scenario base = scenario.orElseGet(() -> Scenario.calibratedDefault(instrument));
    if (!base.instrument().equals(instrument.id())) {
      throw new IllegalArgumentException("the scenario is for " + base.instrument()
          + " but the profile's instrument is " + instrument.id());
    }
    List<Notice> notices = new ArrayList<>();
    Scenario conditioned = condition(base, profile);
    int last = profile.lastObservedSession();
    int planned = profile.plannedSessions();
    if (last >= planned) {
      throw new IllegalArgumentException("every planned session (" + planned + ") has already"
          + " been observed; plan more sessions to have anything to expect");
    }
    TreeSet<Integer> hs = new TreeSet<>();
    for (int h : horizons) {
      if (h <= last) {
        if (!notices.contains(Notice.HORIZONS_PASSED)) {
          notices.add(Notice.HORIZONS_PASSED);
        }
      } else if (h <= planned) {
        hs.add(h);
      }
    }
    hs.add(planned);
    int[] hz = hs.stream().mapToInt(Integer::intValue).toArray();
    ClinicalEvents events = ClinicalEvents.of(instrument);
    if (!events.isCase(profile.intake())) {
      notices.add(Notice.NOT_AT_CASENESS);
    }
    if (!instrument.equals(Instruments.PHQ9)) {
      notices.add(Notice.NOT_CALIBRATED);
    }
    if (scenario.isPresent() && !scenario.get().equals(Scenario.calibratedDefault(instrument)
        .withSessions(scenario.get().sessions()))) {
      notices.add(Notice.CUSTOM_SCENARIO);
    }

    Ensemble.Conditioning cond;
    Optional<String> modelText = Optional.empty();
    if (profile.observed().isEmpty()) {
      cond = new Ensemble.Conditioning(events, profile.intake(), new int[0], new double[0], 0);
    } else {
      ExpectedResponse er = expectedResponse(instrument);
      int[] sessions = profile.observed().stream().mapToInt(Observation::session).toArray();
      double[] scores = profile.observed().stream().mapToDouble(Observation::score).toArray();
      double[] weights = weights(er, instrument, sessions);
      double level = 0;
      for (int k = 0; k < sessions.length; k++) {
        level += weights[k] * scores[k];
      }
      cond = new Ensemble.Conditioning(events, profile.intake(), sessions, weights, level);
      if (extrapolates(er, profile, sessions, scores, planned)) {
        notices.add(Notice.MODEL_EXTRAPOLATES);
      }
      modelText = Optional.of(er.model().fittedOn().provenance());
    }

    Simulator simulator = Simulator.of(conditioned).givenIntake(profile.intake());
    SimulatedPanel main = simulator.panel(seed, clients, Arm.TREATED, threads);
    Ensemble full = Ensemble.of(main, clients, cond, hz, true);
    int m = Math.min(sensitivityClients, clients);
    Ensemble baseSub = Ensemble.of(main, m, cond, hz, false);
    List<PlausibleRange> varied = new ArrayList<>();
    List<Ensemble> variants = new ArrayList<>();
    for (PlausibleRange range : PlausibleRange.values()) {
      if (!range.appliesTo(conditioned)) {
        continue;
      }
      varied.add(range);
      for (Sourced end : List.of(range.low(), range.high())) {
        Scenario v = range.apply(conditioned, end.value());
        SimulatedPanel p = Simulator.of(v).givenIntake(profile.intake())
            .panel(seed, m, Arm.TREATED, threads);
        variants.add(Ensemble.of(p, m, cond, hz, false));
      }
    }

    if (cond.observed() && (cond.level < full.lowLevel || cond.level > full.highLevel)) {
      notices.add(Notice.UNUSUAL_COURSE);
    }
    RiskReview risk = risk(profile);
    if (profile.items().isPresent() && profile.items().get().session().isEmpty()) {
      notices.add(Notice.ITEMS_NOT_TIED);
    }
    if (profile.items().isEmpty() && instrument.itemScoring().isPresent()
        && !instrument.itemScoring().get().riskItems().isEmpty()) {
      notices.add(Notice.RISK_ITEMS_NOT_SEEN);
    }

    Sources sources = new Sources();
    List<Probability> probabilities = new ArrayList<>();
    List<IconArray> arrays = new ArrayList<>();
    List<IconArray> recoveryArrays = new ArrayList<>();
    for (int h = 0; h < hz.length; h++) {
      Map<Outcome, Probability> at = new EnumMap<>(Outcome.class);
      List<Outcome> outcomes = new ArrayList<>(Outcome.EXCLUSIVE);
      outcomes.add(Outcome.STABLE_OR_BETTER);
      if (cond.caseAtIntake) {
        outcomes.addAll(Outcome.RECOVERY_SPLIT);
      }
      int[] exclusiveCounts = largestRemainder(full, h, Outcome.EXCLUSIVE);
      int[] recoveryCounts = cond.caseAtIntake ? largestRemainder(full, h, Outcome.RECOVERY_SPLIT)
          : null;
      for (Outcome o : outcomes) {
        int count;
        if (o.exclusive()) {
          count = exclusiveCounts[Outcome.EXCLUSIVE.indexOf(o)];
        } else if (o == Outcome.STABLE_OR_BETTER) {
          count = exclusiveCounts[0] + exclusiveCounts[1];
        } else {
          count = recoveryCounts[Outcome.RECOVERY_SPLIT.indexOf(o)];
        }
        at.put(o, probability(o, hz[h], h, full, baseSub, variants, count,
            sources.keys(citations(o, profile, instrument))));
      }
      probabilities.addAll(at.values());
      arrays.add(IconArray.of(hz[h], Outcome.EXCLUSIVE, boxed(exclusiveCounts)));
      if (recoveryCounts != null) {
        recoveryArrays.add(IconArray.of(hz[h], Outcome.RECOVERY_SPLIT, boxed(recoveryCounts)));
      }
    }
    arrays.addAll(recoveryArrays);

    Optional<Milestone> half = milestone(full, baseSub, variants, planned);
    Optional<CourseUpdate> update = Optional.empty();
    if (cond.observed()) {
      List<Integer> ss = Arrays.stream(cond.sessions).boxed().toList();
      List<Double> ws = Arrays.stream(cond.weights).boxed().toList();
      update = Optional.of(new CourseUpdate(ss, ws, cond.level, full.meanLevel, full.comparable,
          modelText.orElseThrow()));
      sources.keys(List.of(Citations.BEAUMONT_2002));
    }
    Optional<ChronicOutlook> chronic = Optional.empty();
    if (profile.course().equals(Optional.of(Course.CHRONIC))) {
      chronic = Optional.of(chronicOutlook(conditioned));
      sources.keys(List.of(Citations.CUIJPERS_2010, Citations.VITTENGL_2007,
          Citations.SATYANARAYANA_2009));
    }
    Optional<ClassOutlook> classes = Optional.empty();
    if (profile.classes().isPresent()) {
      FittedClasses fitted = profile.classes().get();
      classes = Optional.of(classOutlook(fitted, profile, events, notices));
      sources.keys(List.of(fitted.model().withinClass() == WithinClass.NONE
          ? Citations.NAGIN_1999 : Citations.MUTHEN_1999, Citations.STULZ_2007,
          Citations.SAUNDERS_2019));
    }
    EngagementContext engagement = engagement(profile);
    sources.keys(List.of(Citations.MITCHELL_2007, Citations.KAZANTZIS_2000,
        Citations.MAUSBACH_2010, Citations.NORCROSS_2011));
    if (!risk.riskItems().isEmpty() || risk.itemsSeen()) {
      sources.keys(List.of(Citations.LOUZON_2016, Citations.NICE_NG225_2022));
    }
    sources.keys(List.of(Citations.GIGERENZER_1995, Citations.ZIPKIN_2014,
        Citations.GALESIC_2009, Citations.TREVENA_2013));
    return new ExpectationReport(profile, seed, clients, full.comparable, m, varied,
        Arrays.stream(hz).boxed().toList(), probabilities, arrays, full.curve, half, update, risk,
        engagement, chronic, classes, notices, sources.list());
  }

  // ------------------------------------------------------------------ conditioning

  private static Scenario condition(Scenario base, ClientProfile profile) {
    Scenario s = base.withSessions(profile.plannedSessions());
    if (profile.course().isPresent()) {
      Map<Course, Double> mix = new EnumMap<>(Course.class);
      for (Course c : Course.values()) {
        mix.put(c, c == profile.course().get() ? 1.0 : 0.0);
      }
      s = s.withCaseMix(mix);
    }
    if (profile.readiness().isPresent()) {
      Map<ReadinessStage, Double> initial = new EnumMap<>(ReadinessStage.class);
      for (ReadinessStage r : ReadinessStage.values()) {
        initial.put(r, r == profile.readiness().get() ? 1.0 : 0.0);
      }
      Scenario.Readiness r = s.readiness();
      s = s.withReadiness(new Scenario.Readiness(initial, r.rateMultiplier(),
          r.dropoutMultiplier(), r.forward(), r.backward()));
    }
    return s;
  }

  private ExpectedResponse expectedResponse(Instrument instrument) {
    ExpectedResponseModel m = model.orElseThrow(() -> new IllegalArgumentException("the profile"
        + " has observed scores, which update the report through an expected-response model;"
        + " give one with withModel (Candor's reference model for " + instrument.id() + ", or one"
        + " fitted on your service's data)"));
    if (!m.covariates().isEmpty()) {
      throw new IllegalArgumentException("the expected-response model has covariates "
          + m.covariates() + "; expectation reports use a model without covariates");
    }
    try {
      return ExpectedResponse.of(m).withScale(instrument);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the expected-response model does not fit the profile: "
          + e.getMessage(), e);
    }
  }

  /**
   * The model's weights of the observed scores (after the intake) in its fitted value at the last
   * observed session, negatives set to zero, scaled to sum to 1. The fitted value is linear in the
   * scores, so each weight is the change of the fitted value when that score rises by one point,
   * taken at a fixed reference course (the middle of the scale at every session): the weights
   * depend on the sessions only, never on the scores.
   */
  static double[] weights(ExpectedResponse er, Instrument instrument, int[] sessions) {
    int k = sessions.length;
    int[] all = new int[k + 1];
    double[] ref = new double[k + 1];
    double mid = (instrument.minScore() + instrument.maxScore()) / 2;
    Arrays.fill(ref, mid);
    System.arraycopy(sessions, 0, all, 1, k);
    int last = sessions[k - 1];
    double at = fitted(er, all, ref, last);
    double[] w = new double[k];
    double sum = 0;
    for (int j = 0; j < k; j++) {
      double[] up = ref.clone();
      up[j + 1] += 1;
      w[j] = Math.max(0, fitted(er, all, up, last) - at);
      sum += w[j];
    }
    if (!(sum > 0)) {
      Arrays.fill(w, 0);
      w[k - 1] = 1;
      return w;
    }
    for (int j = 0; j < k; j++) {
      w[j] /= sum;
    }
    return w;
  }

  private static double fitted(ExpectedResponse er, int[] sessions, double[] scores, int at) {
    ExpectedCurve c = er.forecast(sessions, scores, at);
    return c.at(at).mean();
  }

  private static boolean extrapolates(ExpectedResponse er, ClientProfile profile, int[] sessions,
      double[] scores, int planned) {
    int[] all = new int[sessions.length + 1];
    double[] ys = new double[sessions.length + 1];
    ys[0] = profile.intake();
    System.arraycopy(sessions, 0, all, 1, sessions.length);
    System.arraycopy(scores, 0, ys, 1, scores.length);
    return er.forecast(all, ys, sessions[sessions.length - 1]).extrapolates();
  }

  // ------------------------------------------------------------------ figures

  private static Probability probability(Outcome o, int horizon, int h, Ensemble full,
      Ensemble baseSub, List<Ensemble> variants, int count, List<String> sources) {
    int n = full.comparable;
    int x = full.counts[h][o.ordinal()];
    double p = (double) x / n;
    org.apache.commons.statistics.interval.Interval ci =
        BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(n, x, 0.05);
    double mcLow = clamp(Math.min(p, ci.getLowerBound()));
    double mcHigh = clamp(Math.max(p, ci.getUpperBound()));
    double base = (double) baseSub.counts[h][o.ordinal()] / baseSub.comparable;
    double down = 0;
    double up = 0;
    for (Ensemble v : variants) {
      double move = (double) v.counts[h][o.ordinal()] / v.comparable - base;
      down = Math.min(down, move);
      up = Math.max(up, move);
    }
    Interval sensitivity = new Interval(clamp(p + down), clamp(p + up));
    double lower = clamp(mcLow + down);
    double upper = clamp(mcHigh + up);
    int nfLow = Math.min(count, (int) Math.round(100 * lower));
    int nfHigh = Math.max(count, (int) Math.round(100 * upper));
    return new Probability(o, horizon, p, lower, upper, new Interval(mcLow, mcHigh), sensitivity,
        new NaturalFrequency(count, nfLow, nfHigh, NaturalFrequency.DENOMINATOR),
        Certainty.ASSUMPTION, sources);
  }

  private static double clamp(double p) {
    return p < 0 ? 0 : (p > 1 ? 1 : p);
  }

  /** Counts out of 100 for outcomes that sum to 1: floors, then the largest remainders. */
  private static int[] largestRemainder(Ensemble e, int h, List<Outcome> outcomes) {
    double[] exact = new double[outcomes.size()];
    for (int i = 0; i < exact.length; i++) {
      exact[i] = 100.0 * e.counts[h][outcomes.get(i).ordinal()] / e.comparable;
    }
    return largestRemainder(exact);
  }

  /** Counts out of 100 for shares (given out of 100) that sum to 100: floors, then the largest
   * remainders (the first on a tie). */
  private static int[] largestRemainder(double[] exact) {
    int k = exact.length;
    int[] out = new int[k];
    double[] rest = new double[k];
    int total = 0;
    for (int i = 0; i < k; i++) {
      out[i] = (int) Math.floor(exact[i]);
      rest[i] = exact[i] - out[i];
      total += out[i];
    }
    while (total < NaturalFrequency.DENOMINATOR) {
      int best = 0;
      for (int i = 1; i < k; i++) {
        if (rest[i] > rest[best]) {
          best = i;
        }
      }
      out[best]++;
      rest[best] = -1;
      total++;
    }
    return out;
  }

  private static List<Integer> boxed(int[] a) {
    return Arrays.stream(a).boxed().toList();
  }

  /**
   * The session by which half of the comparable clients still attending are reliably improved,
   * with its range across the plausible parameter ranges: each variant moves it by its own session
   * minus the base scenario's on the same clients.
   */
  private static Optional<Milestone> milestone(Ensemble full, Ensemble baseSub,
      List<Ensemble> variants, int planned) {
    double s = full.sessionReaching(HALF);
    if (Double.isNaN(s)) {
      return Optional.empty();
    }
    double base = baseSub.sessionReaching(HALF);
    double earliest = s;
    double latest = s;
    boolean beyond = false;
    for (Ensemble v : variants) {
      double vs = v.sessionReaching(HALF);
      if (Double.isNaN(vs)) {
        beyond = true;
        latest = planned;
      } else {
        double moved = Double.isNaN(base) ? vs : s + (vs - base);
        earliest = Math.min(earliest, Math.max(0, moved));
        latest = Math.max(latest, Math.min(planned, moved));
      }
    }
    return Optional.of(new Milestone(HALF, s, earliest, latest, beyond));
  }

  /** The citations a figure of this outcome rests on. */
  private static List<Citation> citations(Outcome o, ClientProfile profile, Instrument inst) {
    List<Citation> out = new ArrayList<>();
    Citation rc = inst.reliableChange().orElseThrow().source();
    Citation cut = inst.casenessCutoff().orElseThrow().source();
    switch (o) {
      case RELIABLE_IMPROVEMENT -> out.addAll(List.of(Citations.HOWARD_1986, rc));
      case NO_RELIABLE_CHANGE -> out.addAll(List.of(Citations.HOWARD_1986,
          Citations.LAMBERT_2013, rc));
      case RELIABLE_DETERIORATION -> out.addAll(List.of(Citations.LAMBERT_2013, rc));
      case DROPOUT -> out.add(Citations.SWIFT_2012);
      case RECOVERY, NO_RECOVERY -> out.addAll(List.of(Citations.HOWARD_1986, cut));
      case STABLE_OR_BETTER -> out.addAll(List.of(Citations.LAMBERT_2013, rc));
      default -> throw new IllegalStateException(o.name());
    }
    if (profile.readiness().isPresent()) {
      out.add(Citations.NORCROSS_2011);
    }
    if (profile.course().equals(Optional.of(Course.CHRONIC))) {
      out.add(Citations.SATYANARAYANA_2009);
    }
    if (!profile.observed().isEmpty()) {
      out.add(Citations.BEAUMONT_2002);
    }
    return out;
  }

  private static ChronicOutlook chronicOutlook(Scenario s) {
    Sourced level = ScenarioDefaults.sources().get("paths.chronicLevel");
    return new ChronicOutlook(
        Sourced.primary(0.23, Citations.CUIJPERS_2010, "psychotherapy against control conditions"
            + " in chronic depression and dysthymia, 16 randomised trials: a small effect"),
        Sourced.primary(18, Citations.CUIJPERS_2010, "indications that at least 18 sessions are"
            + " needed for the full effect of psychotherapy"),
        ScenarioDefaults.sources().get("paths.relapseHazard").withValue(0.29, "29 % relapse"
            + " within a year after acute CBT (recurrent courses)"),
        level.withValue(s.paths().chronicLevel(), level.note()));
  }

  /**
   * The class posterior of the client (intake at time 0, each observed score at its session) under
   * the profile's fitted classes, with each class curve's shape judged by the instrument's
   * reliable-change threshold on the curve limited to the scale (a curve leaving the scale is
   * noticed).
   */
  private static ClassOutlook classOutlook(FittedClasses fitted, ClientProfile profile,
      ClinicalEvents events, List<Notice> notices) {
    TrajectoryClasses model = fitted.model();
    NewClient client = fitted.client(profile);
    ClassPosterior posterior;
    try {
      posterior = model.posterior(client);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("classes: " + e.getMessage(), e);
    }
    Instrument inst = profile.instrument();
    int planned = profile.plannedSessions();
    int k = model.size();
    double[] exact = new double[k];
    for (int j = 0; j < k; j++) {
      exact[j] = 100 * posterior.probabilities().get(j);
    }
    int[] counts = largestRemainder(exact);
    boolean offScale = false;
    List<ClassOutlook.Pattern> patterns = new ArrayList<>(k);
    for (int j = 1; j <= k; j++) {
      double start = model.mean(j, 0);
      double end = model.mean(j, planned);
      double from = onScale(inst, start);
      offScale |= from != start || onScale(inst, end) != end;
      OptionalInt improvedBy = OptionalInt.empty();
      for (int t = 1; t <= planned; t++) {
        double y = model.mean(j, t);
        offScale |= onScale(inst, y) != y;
        if (improvedBy.isEmpty() && events.reliablyImproved(from, onScale(inst, y))) {
          improvedBy = OptionalInt.of(t);
        }
      }
      double to = onScale(inst, end);
      ClassOutlook.Trend trend = events.reliablyImproved(from, to) ? ClassOutlook.Trend.IMPROVING
          : events.reliablyDeteriorated(from, to) ? ClassOutlook.Trend.WORSENING
          : ClassOutlook.Trend.LITTLE_CHANGE;
      patterns.add(new ClassOutlook.Pattern(j, model.trajectoryClass(j).share(),
          posterior.probability(j), counts[j - 1], start, end, trend, improvedBy));
    }
    if (offScale) {
      notices.add(Notice.CLASSES_OFF_SCALE);
    }
    return new ClassOutlook(fitted.source(), fitted.fittedClients(), client.size(), planned,
        patterns);
  }

  private static double onScale(Instrument inst, double y) {
    return y < inst.minScore() ? inst.minScore() : (y > inst.maxScore() ? inst.maxScore() : y);
  }

  private static EngagementContext engagement(ClientProfile profile) {
    return new EngagementContext(profile.attendance(),
        Sourced.primary(0.20, Citations.MITCHELL_2007, "about 20 % of scheduled mental-health"
            + " appointments are missed, about twice other specialties (review)"),
        profile.homework(),
        Sourced.primary(0.22, Citations.KAZANTZIS_2000, "correlation of homework compliance"
            + " with outcome, 27 studies, N = 1,702"),
        Sourced.primary(0.26, Citations.MAUSBACH_2010, "correlation of homework compliance"
            + " with outcome, 23 studies since 2000, N = 2,183 (95 % CI .19-.33)"),
        profile.readiness(),
        Sourced.primary(0.46, Citations.NORCROSS_2011, "association (d) of pretreatment stage"
            + " of change with psychotherapy outcome, 39 studies"));
  }

  private static RiskReview risk(ClientProfile profile) {
    Optional<ItemScoring> scoring = profile.instrument().itemScoring();
    List<Integer> riskItems = scoring.map(s -> List.copyOf(new TreeSet<>(s.riskItems())))
        .orElse(List.of());
    if (profile.items().isEmpty()) {
      return new RiskReview(false, OptionalInt.empty(), riskItems, List.of());
    }
    ClientProfile.ItemResponses items = profile.items().get();
    List<RiskFlag> flags = scoring.orElseThrow().riskFlags(items.responses());
    return new RiskReview(true, items.session(), riskItems, flags);
  }

  /** Citation keys in order of first use. */
  private static final class Sources {
    private final Map<String, Citation> byKey = new LinkedHashMap<>();

    List<String> keys(List<Citation> cs) {
      Set<String> keys = new LinkedHashSet<>();
      for (Citation c : cs) {
        byKey.putIfAbsent(c.key(), c);
        keys.add(c.key());
      }
      return List.copyOf(keys);
    }

    List<Citation> list() {
      return List.copyOf(byKey.values());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Expectations e && e.clients == clients
        && e.sensitivityClients == sensitivityClients && Arrays.equals(e.horizons, horizons)
        && e.threads == threads && e.model.equals(model) && e.scenario.equals(scenario);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clients, sensitivityClients, Arrays.hashCode(horizons), threads, model,
        scenario);
  }

  @Override
  public String toString() {
    return "Expectations[clients=" + clients + ", sensitivityClients=" + sensitivityClients
        + ", horizons=" + Arrays.toString(horizons) + ", threads=" + threads + ", model="
        + model.map(m -> "given").orElse("none") + ", scenario="
        + scenario.map(s -> "given").orElse("calibrated default") + "]";
  }
}
