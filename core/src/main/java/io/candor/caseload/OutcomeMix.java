package io.candor.caseload;

import static io.candor.evidence.Sourced.assumption;

import io.candor.domain.Course;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import io.candor.progress.ExpectedResponseModel;
import io.candor.simulation.Scenario;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The expected outcome mix of a real caseload: from each current client's scores so far (and
 * course, when known), the probability that they improve reliably, recover, do not change
 * reliably, get reliably worse or stop attending by a horizon session, and the exact distribution
 * of how many will.
 *
 * <p><b>Per client.</b> Let s be the latest session and H the horizon.
 * <ul>
 *   <li>Attendance: the probability of stopping between s and H is {@code 1 − S(H)/S(s)}, where S
 *       is the share of the calibrated simulator's clients still attending at a session (for the
 *       client's course when known, else for the scenario's case mix).
 *   <li>Score at H, if still attending: from the expected-response model conditioned on
 *       all the client's scores so far ({@link io.candor.progress.ExpectedResponse#forecast}); for
 *       a client with a known course, from a model fitted on the simulator's clients of that course
 *       (or one given with {@link #withCourseModel(Course, ExpectedResponseModel)}). Observed
 *       scores are whole steps of the instrument's resolution, clamped to its range, so the
 *       probability of a score at or below a step t is F((t + step/2 − mean)/sd), where F is the
 *       standard normal distribution ({@link ScoreDistribution#NORMAL}) or, by default, the
 *       distribution of the model's standardised errors on the simulator's clients with the same
 *       latest session, horizon and course ({@link ScoreDistribution#RECALIBRATED}).
 *   <li>Outcomes at H are those of {@link Outcome}: reliable improvement and deterioration by the
 *       instrument's published reliable-change threshold from the intake score, recovery as
 *       reliable improvement to a score out of the clinical range from one in it.
 * </ul>
 *
 * <p><b>The count.</b> Clients are treated as independent, so each outcome's count is
 * Poisson-binomial; {@link PoissonBinomial} gives it exactly, and the interval is equal-tailed at
 * {@link #DEFAULT_LEVEL} unless set.
 *
 * <p>Immutable and thread-safe; {@link #prepare()} does the simulation once.
 */
public final class OutcomeMix {

  /** Default central probability of the count intervals (a choice, not a published figure). */
  public static final Sourced DEFAULT_LEVEL = assumption(0.80, Citations.VAN_DER_BLES_2020,
      "Candor's choice: a range that holds the count 8 times in 10. Giving a range communicates"
          + " uncertainty without much loss of trust (van der Bles et al. 2020)");

  /** Default number of simulated clients per course for the attendance curves. */
  public static final int DEFAULT_SIMULATED_CLIENTS = 20_000;

  private final ExpectedResponseModel model;
  private final Scenario scenario;
  private final double level;
  private final Map<Course, ExpectedResponseModel> courseModels;
  private final int maximumHorizon;
  private final long seed;
  private final int simulatedClients;
  private final ScoreDistribution distribution;

  private OutcomeMix(ExpectedResponseModel model, Scenario scenario, double level,
      Map<Course, ExpectedResponseModel> courseModels, int maximumHorizon, long seed,
      int simulatedClients, ScoreDistribution distribution) {
    this.model = model;
    this.scenario = scenario;
    this.level = level;
    this.courseModels = courseModels;
    this.maximumHorizon = maximumHorizon;
    this.seed = seed;
    this.simulatedClients = simulatedClients;
    this.distribution = distribution;
  }

  /**
   * The outcome mix for clients scored on the scenario's instrument, with the documented
   * defaults: intervals at {@link #DEFAULT_LEVEL}, horizons up to the scenario's planned sessions,
   * {@link #DEFAULT_SIMULATED_CLIENTS} simulated clients per course drawn with the calibration's seed
   * ({@link io.candor.simulation.Calibration#DEFAULT_SEED}).
   *
   * @param model the expected-response model for clients whose course is not known (fitted on
   *     scores of the scenario's instrument)
   * @param scenario the calibrated scenario for attendance and course-specific models (its
   *     instrument needs a caseness cutoff and a reliable-change threshold)
   * @return the configuration
   * @throws IllegalArgumentException if the model records another instrument than the
   *     scenario's, or the instrument lacks a cutoff or a threshold
   */
  public static OutcomeMix of(ExpectedResponseModel model, Scenario scenario) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(scenario, "scenario");
    new Events(scenario.instrumentSpec()); // fails early without a cutoff or threshold
    checkScale(model, scenario);
    return new OutcomeMix(model, scenario, DEFAULT_LEVEL.value(), Map.of(), scenario.sessions(),
        ReferenceModels.SEED, DEFAULT_SIMULATED_CLIENTS, ScoreDistribution.RECALIBRATED);
  }

  /** A model that records an instrument must be on the scenario's instrument. */
  static void checkScale(ExpectedResponseModel model, Scenario scenario) {
    if (model.fittedOn().scale() instanceof io.candor.measure.Instrument fitted
        && !fitted.id().equals(scenario.instrument())) {
      throw new IllegalArgumentException("the expected-response model was fitted on "
          + fitted.id() + " scores but the scenario is on " + scenario.instrument());
    }
  }

  /**
   * A copy with intervals of this central probability.
   *
   * @param p in (0, 1)
   * @return the copy
   */
  public OutcomeMix withIntervalLevel(double p) {
    Checks.openUnit("interval level", p);
    return new OutcomeMix(model, scenario, p, courseModels, maximumHorizon, seed, simulatedClients,
        distribution);
  }

  /**
   * A copy using this model for clients with that course.
   *
   * @param course the course
   * @param courseModel its expected-response model
   * @return the copy
   */
  public OutcomeMix withCourseModel(Course course, ExpectedResponseModel courseModel) {
    Objects.requireNonNull(course, "course");
    Objects.requireNonNull(courseModel, "courseModel");
    checkScale(courseModel, scenario);
    EnumMap<Course, ExpectedResponseModel> m = new EnumMap<>(Course.class);
    m.putAll(courseModels);
    m.put(course, courseModel);
    return new OutcomeMix(model, scenario, level, Collections.unmodifiableMap(m), maximumHorizon,
        seed, simulatedClients, distribution);
  }

  /**
   * A copy allowing horizons up to this session.
   *
   * @param session the latest horizon, 1 to 500
   * @return the copy
   */
  public OutcomeMix withMaximumHorizon(int session) {
    Checks.inRange("maximum horizon", session, 1, 500);
    return new OutcomeMix(model, scenario, level, courseModels, session, seed, simulatedClients,
        distribution);
  }

  /**
   * A copy simulating with another seed.
   *
   * @param newSeed the seed of the attendance simulation and the course models
   * @return the copy
   */
  public OutcomeMix withSeed(long newSeed) {
    return new OutcomeMix(model, scenario, level, courseModels, maximumHorizon, newSeed,
        simulatedClients, distribution);
  }

  /**
   * A copy with this many simulated clients per course for the attendance curves.
   *
   * @param clients 1,000 to 10,000,000
   * @return the copy
   */
  public OutcomeMix withSimulatedClients(int clients) {
    Checks.inRange("simulated clients", clients, 1000, 10_000_000);
    return new OutcomeMix(model, scenario, level, courseModels, maximumHorizon, seed, clients,
        distribution);
  }

  /**
   * A copy turning forecasts into probabilities this way.
   *
   * @param d normal, or recalibrated against the simulator (the default)
   * @return the copy
   */
  public OutcomeMix with(ScoreDistribution d) {
    return new OutcomeMix(model, scenario, level, courseModels, maximumHorizon, seed,
        simulatedClients, Objects.requireNonNull(d, "distribution"));
  }

  /**
   * How forecasts become probabilities.
   *
   * @return the score distribution
   */
  public ScoreDistribution distribution() {
    return distribution;
  }

  /**
   * Simulates the attendance curves (one per course and one for the case mix).
   *
   * @return the prepared mix, ready for any number of caseloads
   */
  public PreparedOutcomeMix prepare() {
    return new PreparedOutcomeMix(this);
  }

  /**
   * The model for clients whose course is not known.
   *
   * @return the model
   */
  public ExpectedResponseModel model() {
    return model;
  }

  /**
   * The scenario.
   *
   * @return the scenario
   */
  public Scenario scenario() {
    return scenario;
  }

  /**
   * The intervals' central probability.
   *
   * @return the level
   */
  public double level() {
    return level;
  }

  /**
   * The course models given.
   *
   * @return by course
   */
  public Map<Course, ExpectedResponseModel> courseModels() {
    return courseModels;
  }

  /**
   * The latest horizon allowed.
   *
   * @return the session
   */
  public int maximumHorizon() {
    return maximumHorizon;
  }

  /**
   * The seed of the simulation.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * Simulated clients per course.
   *
   * @return the number
   */
  public int simulatedClients() {
    return simulatedClients;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutcomeMix m && model.equals(m.model) && scenario.equals(m.scenario)
        && Double.compare(level, m.level) == 0 && courseModels.equals(m.courseModels)
        && maximumHorizon == m.maximumHorizon && seed == m.seed
        && simulatedClients == m.simulatedClients && distribution == m.distribution;
  }

  @Override
  public int hashCode() {
    return Objects.hash(model, scenario, level, courseModels, maximumHorizon, seed,
        simulatedClients, distribution);
  }

  @Override
  public String toString() {
    return "OutcomeMix[" + scenario.instrument() + ", level " + Checks.fmt(level)
        + ", horizons up to " + maximumHorizon + ", course models given for "
        + courseModels.keySet() + ", " + simulatedClients + " simulated clients per course, seed "
        + seed + ", " + distribution + "]";
  }
}
