package io.candor.caseload;

import io.candor.domain.Course;
import io.candor.domain.Trajectory;
import io.candor.evidence.Citations;
import io.candor.evidence.Statement;
import io.candor.internal.Checks;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.ExpectedResponseModel;
import io.candor.progress.SessionExpectation;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.SimulatedClient;
import io.candor.simulation.SimulationSummary;
import io.candor.simulation.Simulator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * An {@link OutcomeMix} with its attendance curves simulated, ready to give the outcome mix of
 * any number of caseloads. Expected-response models for courses that were not given are fitted on
 * the simulator's clients of that course the first time a client with that course is seen
 * (4,000 clients, the mix's seed).
 *
 * <p>Thread-safe; every result depends only on the configuration and the input.
 */
public final class PreparedOutcomeMix {

  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  /** Simulated clients behind each calibration (per course and horizon). */
  static final int CALIBRATION_CLIENTS = 6000;

  /** Simulated clients with the nearest gaps that set a calibrated probability. */
  static final int NEIGHBOURS = 400;

  private final OutcomeMix mix;
  private final Instrument instrument;
  private final Events events;
  private final double step;
  private final ExpectedResponse general;
  private final Map<Course, ExpectedResponse> byCourse = new ConcurrentHashMap<>();
  private final double[] attendance;
  private final double[][] attendanceByCourse = new double[Course.values().length][];
  private final Map<Integer, Calibration[]> calibrations = new ConcurrentHashMap<>();

  PreparedOutcomeMix(OutcomeMix mix) {
    this.mix = mix;
    Scenario scenario = mix.scenario().withSessions(mix.maximumHorizon());
    this.instrument = scenario.instrumentSpec();
    this.events = new Events(instrument);
    this.step = instrument.resolution();
    this.general = response(mix.model());
    this.attendance = attendance(scenario);
    for (Course c : Course.values()) {
      attendanceByCourse[c.ordinal()] = attendance(only(scenario, c));
      ExpectedResponseModel given = mix.courseModels().get(c);
      if (given != null) {
        byCourse.put(c, response(given));
      }
    }
  }

  private ExpectedResponse response(ExpectedResponseModel m) {
    return ExpectedResponse.of(m).withPercentiles().withScale(instrument);
  }

  private static Scenario only(Scenario s, Course course) {
    Map<Course, Double> mixOf = new EnumMap<>(Course.class);
    for (Course c : Course.values()) {
      mixOf.put(c, c == course ? 1.0 : 0.0);
    }
    return s.withCaseMix(mixOf);
  }

  /** S(t): the share of simulated clients attending session t. */
  private double[] attendance(Scenario s) {
    SimulationSummary sum = Simulator.of(s).summarise(mix.seed(), mix.simulatedClients(),
        Arm.TREATED, 1);
    double[] out = new double[s.sessions() + 1];
    for (int t = 0; t <= s.sessions(); t++) {
      out[t] = (double) sum.observedAt(t) / sum.clients();
    }
    return out;
  }

  /**
   * The configuration.
   *
   * @return the mix this was prepared from
   */
  public OutcomeMix mix() {
    return mix;
  }

  /**
   * One client's outcome probabilities by the horizon.
   *
   * @param client the client (scored on the mix's instrument)
   * @param horizon the session to read outcomes at: at least the client's latest session, at most
   *     {@link OutcomeMix#maximumHorizon()}
   * @return the probabilities
   * @throws IllegalArgumentException if the client is on another instrument, the horizon is
   *     before the client's latest session or beyond the maximum, or a score is out of range
   */
  public ClientOutlook outlook(CaseloadClient client, int horizon) {
    Objects.requireNonNull(client, "client");
    Trajectory t = client.trajectory();
    if (!t.scale().id().equals(instrument.id())) {
      throw new IllegalArgumentException("client " + t.client() + " is scored on "
          + t.scale().id() + " but the outcome mix is for " + instrument.id());
    }
    int s = client.currentSession();
    if (horizon < s) {
      throw new IllegalArgumentException("horizon " + horizon + " is before client " + t.client()
          + "'s latest session " + s);
    }
    if (horizon > mix.maximumHorizon()) {
      throw new IllegalArgumentException("horizon " + horizon + " is beyond the latest the mix"
          + " was prepared for (" + mix.maximumHorizon() + "; OutcomeMix.withMaximumHorizon)");
    }
    double intake = t.scoreAt(0);
    double latest = t.scoreAt(t.size() - 1);
    Map<Outcome, Double> p = new EnumMap<>(Outcome.class);
    if (horizon == s) {
      Outcome o = t.size() == 1 ? Outcome.NO_RELIABLE_CHANGE : events.outcome(intake, latest);
      for (Outcome x : Outcome.values()) {
        p.put(x, x == o ? 1.0 : 0.0);
      }
      p.put(Outcome.RECOVERY, events.recovered(intake, latest) ? 1.0 : 0.0);
      return new ClientOutlook(t.client(), client.course(), s, horizon, latest, 0, p);
    }
    double[] att = client.course().map(c -> attendanceByCourse[c.ordinal()]).orElse(attendance);
    if (!(att[s] > 0)) {
      throw new IllegalStateException("no simulated client attended session " + s
          + "; the dropout probability cannot be estimated there");
    }
    double stop = 1 - att[horizon] / att[s];
    ExpectedResponse er = client.course().map(this::courseResponse).orElse(general);
    int[] sessions = new int[t.size()];
    double[] scores = new double[t.size()];
    for (int i = 0; i < t.size(); i++) {
      sessions[i] = t.sessionAt(i);
      scores[i] = t.scoreAt(i);
    }
    SessionExpectation forecast = er.forecastAt(sessions, scores, horizon);
    double mean = forecast.mean();
    double sd = forecast.sd();
    Thresholds at = thresholds(intake);
    Calibration cal = mix.distribution() == ScoreDistribution.NORMAL ? null
        : calibration(client.course(), s, horizon);
    double pImproved = beyond(at.improved, at.down, mean, sd, cal == null ? null : cal.improved);
    double pWorse = beyond(at.worse, !at.down, mean, sd, cal == null ? null : cal.worse);
    double pRecovered = events.isCase(intake)
        ? beyond(at.recovered, at.down, mean, sd, cal == null ? null : cal.recovered) : 0;
    double stay = 1 - stop;
    p.put(Outcome.RELIABLE_IMPROVEMENT, stay * pImproved);
    p.put(Outcome.RECOVERY, stay * Math.min(pRecovered, pImproved));
    p.put(Outcome.RELIABLE_DETERIORATION, stay * pWorse);
    p.put(Outcome.NO_RELIABLE_CHANGE, Math.max(0, stay * (1 - pImproved - pWorse)));
    p.put(Outcome.DROPOUT, stop);
    return new ClientOutlook(t.client(), client.course(), s, horizon, mean, sd, p);
  }

  private ExpectedResponse courseResponse(Course c) {
    return byCourse.computeIfAbsent(c, k -> response(ReferenceModels.fitted(
        only(mix.scenario(), k), mix.seed())));
  }

  private double snapDown(double x) {
    double min = instrument.minScore();
    return min + Math.floor((x - min) / step + 1e-9) * step;
  }

  private double snapUp(double x) {
    double min = instrument.minScore();
    return min + Math.ceil((x - min) / step - 1e-9) * step;
  }

  /**
   * The probability of an observed score at or below ({@code below}) or at or above the grid value
   * t: from the normal forecast, or from the calibration curve of that event when given.
   */
  private double beyond(double t, boolean below, double mean, double sd, Curve curve) {
    if (below ? t < instrument.minScore() : t > instrument.maxScore()) {
      return 0;
    }
    if (below ? t >= instrument.maxScore() : t <= instrument.minScore()) {
      return 1;
    }
    double gap = gapOf(t, below, mean, sd);
    return curve == null ? STANDARD.cumulativeProbability(gap) : curve.at(gap);
  }

  /**
   * The share of simulated clients who reached an event, as a function of the event's gap
   * (how many forecast SDs the threshold lies on the event's side of the forecast mean): the
   * {@link #NEIGHBOURS} simulated clients with the nearest gaps vote, tabulated on a fine grid of
   * gaps.
   */
  static final class Curve {
    static final int POINTS = 2048;
    private final double from;
    private final double step;
    private final double[] table;

    Curve(double[] gap, boolean[] event, int n) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, (x, y) -> Double.compare(gap[x], gap[y]));
      double[] gaps = new double[n];
      long[] reached = new long[n + 1]; // events among the first i clients by gap
      for (int i = 0; i < n; i++) {
        gaps[i] = gap[order[i]];
        reached[i + 1] = reached[i] + (event[order[i]] ? 1 : 0);
      }
      from = gaps[0];
      double to = gaps[n - 1];
      step = to > from ? (to - from) / (POINTS - 1) : 1;
      table = new double[POINTS];
      int k = Math.min(NEIGHBOURS, n);
      int lo = 0;
      for (int j = 0; j < POINTS; j++) {
        double g = from + j * step;
        while (lo < n && gaps[lo] < g) {
          lo++;
        }
        int start = Math.max(0, Math.min(n - k, lo - k / 2));
        table[j] = (double) (reached[start + k] - reached[start]) / k;
      }
    }

    /** The share reached among the simulated clients whose gaps are nearest (on a fine grid). */
    double at(double gap) {
      int j = (int) Math.round((gap - from) / step);
      return table[j < 0 ? 0 : j >= POINTS ? POINTS - 1 : j];
    }
  }

  /** The calibration curves of the three events for one latest session. */
  private record Calibration(Curve improved, Curve recovered, Curve worse) {}

  private Calibration calibration(Optional<Course> course, int s, int horizon) {
    int key = (course.map(Course::ordinal).orElse(Course.values().length)) * 1000 + horizon;
    return calibrations.computeIfAbsent(key, k -> calibrate(course, horizon))[s];
  }

  /**
   * Forecasts the simulator's clients of the course (or case mix) who attended the horizon from
   * their scores up to each earlier session, and records for each event the gap and whether the
   * event happened: one simulation per (course, horizon) covers every latest session.
   */
  private Calibration[] calibrate(Optional<Course> course, int horizon) {
    Scenario sc = course.map(c -> only(mix.scenario(), c)).orElse(mix.scenario())
        .withSessions(mix.maximumHorizon());
    ExpectedResponse er = course.map(this::courseResponse).orElse(general);
    List<Trajectory> kept = new ArrayList<>();
    for (SimulatedClient c : Simulator.of(sc).simulate(mix.seed(), CALIBRATION_CLIENTS,
        Arm.TREATED, 1)) {
      if (c.trajectory().size() > horizon) {
        kept.add(c.trajectory());
      }
    }
    int n = kept.size();
    if (n < 2 * NEIGHBOURS) {
      throw new IllegalStateException("only " + n + " simulated clients attended session "
          + horizon + "; too few to calibrate the forecasts there");
    }
    Calibration[] out = new Calibration[horizon + 1];
    int[] sessions = new int[horizon];
    double[] scores = new double[horizon];
    for (int s = 0; s < horizon; s++) {
      double[][] gap = new double[3][n];
      boolean[][] event = new boolean[3][n];
      int cases = 0;
      double[] recGap = new double[n];
      boolean[] recEvent = new boolean[n];
      for (int i = 0; i < n; i++) {
        Trajectory t = kept.get(i);
        for (int k = 0; k <= s; k++) {
          sessions[k] = t.sessionAt(k);
          scores[k] = t.scoreAt(k);
        }
        SessionExpectation at = er.forecastAt(java.util.Arrays.copyOf(sessions, s + 1),
            java.util.Arrays.copyOf(scores, s + 1), horizon);
        double mean = at.mean();
        double sd = at.sd();
        double intake = t.scoreAt(0);
        double y = t.scoreAt(horizon);
        Thresholds th = thresholds(intake);
        gap[0][i] = gapOf(th.improved, th.down, mean, sd);
        event[0][i] = events.improved(intake, y);
        gap[2][i] = gapOf(th.worse, !th.down, mean, sd);
        event[2][i] = events.deteriorated(intake, y);
        if (events.isCase(intake)) {
          recGap[cases] = gapOf(th.recovered, th.down, mean, sd);
          recEvent[cases++] = events.recovered(intake, y);
        }
      }
      Curve rec = cases >= 2 * NEIGHBOURS ? new Curve(recGap, recEvent, cases)
          : new Curve(gap[0], new boolean[n], n);
      out[s] = new Calibration(new Curve(gap[0], event[0], n), rec,
          new Curve(gap[2], event[2], n));
    }
    return out;
  }

  /**
   * The grid scores at which an outcome starts, from an intake: improvement and recovery are at or
   * below them when {@code down} (higher is worse), deterioration on the other side.
   */
  private record Thresholds(double improved, double recovered, double worse, boolean down) {}

  private Thresholds thresholds(double intake) {
    boolean down = instrument.direction() == Direction.HIGHER_IS_WORSE;
    double improved = down ? snapDown(intake - events.threshold) : snapUp(intake + events.threshold);
    double worse = down ? snapUp(intake + events.threshold) : snapDown(intake - events.threshold);
    double recovered = down ? Math.min(improved, events.cutoff - step)
        : Math.max(improved, events.cutoff);
    return new Thresholds(improved, recovered, worse, down);
  }

  /** How many forecast SDs the threshold t lies on the event's side of the mean. */
  private double gapOf(double t, boolean below, double mean, double sd) {
    return below ? (t + step / 2 - mean) / sd : (mean - (t - step / 2)) / sd;
  }

  /**
   * The outcome mix of a caseload by the horizon.
   *
   * @param clients the caseload, at least one client, each id once
   * @param horizon the session to read outcomes at (see {@link #outlook(CaseloadClient, int)})
   * @return counts with intervals, each client's probabilities and a plain summary
   * @throws IllegalArgumentException for an empty caseload, a repeated client or a bad client
   *     (naming it)
   */
  public CaseloadOutlook outlook(List<CaseloadClient> clients, int horizon) {
    Checks.noNulls("clients", clients);
    if (clients.isEmpty()) {
      throw new IllegalArgumentException("the caseload has no clients");
    }
    List<ClientOutlook> per = new ArrayList<>(clients.size());
    java.util.Set<Object> seen = new java.util.HashSet<>();
    for (CaseloadClient c : clients) {
      if (!seen.add(c.trajectory().client())) {
        throw new IllegalArgumentException("client " + c.trajectory().client()
            + " appears twice in the caseload");
      }
      per.add(outlook(c, horizon));
    }
    Outcome[] outcomes = Outcome.values();
    double[][] p = new double[outcomes.length][per.size()];
    for (int i = 0; i < per.size(); i++) {
      Map<Outcome, Double> pi = per.get(i).probabilities();
      for (Outcome o : outcomes) {
        p[o.ordinal()][i] = pi.get(o);
      }
    }
    List<OutcomeCount> counts = new ArrayList<>();
    for (Outcome o : outcomes) {
      PoissonBinomial d = PoissonBinomial.of(p[o.ordinal()]);
      CountInterval ci = d.interval(mix.level());
      counts.add(new OutcomeCount(o, d.mean(), ci.lower(), ci.upper(), ci.coverage()));
    }
    return new CaseloadOutlook(instrument.id(), per.size(), horizon, mix.level(), counts, per,
        summary(per.size(), horizon, counts), basis());
  }

  private String summary(int n, int horizon, List<OutcomeCount> counts) {
    OutcomeCount improve = counts.get(Outcome.RELIABLE_IMPROVEMENT.ordinal());
    OutcomeCount recover = counts.get(Outcome.RECOVERY.ordinal());
    OutcomeCount none = counts.get(Outcome.NO_RELIABLE_CHANGE.ordinal());
    OutcomeCount worse = counts.get(Outcome.RELIABLE_DETERIORATION.ordinal());
    OutcomeCount stop = counts.get(Outcome.DROPOUT.ordinal());
    return "Of your " + (n == 1 ? "one client" : n + " clients") + ", " + about(improve)
        + " are likely to improve reliably by session " + horizon + ", and " + about(recover)
        + " of them to recover; " + about(none) + " may not change reliably, "
        + range(worse) + " may get worse and " + about(stop) + " may stop attending. Ranges"
        + " hold the count " + Math.round(10 * mix.level()) + " times in 10. This is the usual"
        + " pattern for a caseload like this, not a judgment of your work.";
  }

  private static String about(OutcomeCount c) {
    long e = Math.round(c.expected());
    return c.lower() == c.upper() ? "about " + e
        : "about " + e + " (" + c.lower() + " to " + c.upper() + ")";
  }

  private static String range(OutcomeCount c) {
    return c.lower() == c.upper() ? "about " + c.lower() : c.lower() + " to " + c.upper();
  }

  private List<Statement> basis() {
    Instrument i = instrument;
    String dir = i.direction() == Direction.HIGHER_IS_WORSE ? "below" : "at or above";
    return List.of(
        Statement.assumption("Scores at the horizon come from an expected-response growth model"
            + " conditioned on each client's scores so far; clients with a known course use a"
            + " model fitted on the calibrated simulator's clients of that course.",
            Citations.BATES_2015),
        Statement.assumption("The chance of stopping before the horizon is the calibrated"
            + " simulator's, which reproduces about 19.7 % of clients ending treatment early over"
            + " a full course.", Citations.SWIFT_2012),
        new Statement(String.format(Locale.ROOT, "Reliable change on %s is a change of at least"
            + " %s points (%s); recovery also needs a score %s the caseness cutoff %s.", i.id(),
            Checks.fmt(events.threshold), events.thresholdSource.source().shortForm(), dir,
            Checks.fmt(events.cutoff)), events.thresholdSource.source(),
            events.thresholdSource.certainty()),
        Statement.primary("Counts use the exact distribution of a sum of independent clients"
            + " with different chances (Poisson-binomial).", Citations.BISCARRI_2018),
        Statement.assumption("Clients are treated as independent; anything they share (the same"
            + " service, the same season) would widen the ranges.", Citations.BISCARRI_2018));
  }

  /**
   * For tests: the attendance curve used for a course (or the case mix when empty).
   *
   * @param course the course, or empty
   * @return S(t) for t = 0..maximum horizon (a copy)
   */
  double[] attendance(Optional<Course> course) {
    return course.map(c -> attendanceByCourse[c.ordinal()]).orElse(attendance).clone();
  }
}
