package io.candor.simulation;

import io.candor.domain.Course;
import io.candor.domain.ReadinessStage;
import io.candor.internal.Checks;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the trajectory simulator needs to know: the instrument, the number of sessions, the
 * case mix and the parameters of each part of the generative model (see {@link Simulator} for
 * the model itself).
 *
 * <p>A record of records, written as nested JSON objects by {@code io.candor.json.CandorJson}, whose
 * reader lays a scenario file over the calibrated default so that the file may set only what it
 * changes.
 * Every component is validated when it is built; a bad value raises an
 * {@link IllegalArgumentException} naming the field (as a dotted path such as
 * {@code dropout.hazard}) and the value. All levels are in the instrument's own score units and
 * all rates are per session (per week in the wait-list arm).
 *
 * <p>The documented, calibrated defaults come from {@link #calibratedDefault(Instrument)}; every
 * default value and its source is listed by {@link ScenarioDefaults#sources()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument the instrument's id, e.g. {@code "PHQ-9"} (a built-in instrument)
 * @param sessions planned treatment sessions after the intake assessment (session 0); 1 to 500
 * @param caseMix share of each course in the treated population; sums to 1
 * @param intake the distribution of true intake severity and the entry rule
 * @param paths the mean path of each course
 * @param variation week-to-week variation and measurement error
 * @param jumps sudden gains and losses
 * @param deterioration the subgroup that gets worse
 * @param readiness readiness stages and their effects
 * @param dropout the dropout hazard
 * @param waitlist the untreated (wait-list) arm
 */
public record Scenario(
    String instrument,
    int sessions,
    Map<Course, Double> caseMix,
    Intake intake,
    Paths paths,
    Variation variation,
    Jumps jumps,
    Deterioration deterioration,
    Readiness readiness,
    Dropout dropout,
    Waitlist waitlist) {

  /**
   * Validates every component and copies the maps into unmodifiable enum-ordered maps.
   *
   * @param instrument the instrument's id, e.g. {@code "PHQ-9"} (a built-in instrument)
   * @param sessions planned treatment sessions after the intake assessment (session 0); 1 to 500
   * @param caseMix share of each course in the treated population; sums to 1
   * @param intake the distribution of true intake severity and the entry rule
   * @param paths the mean path of each course
   * @param variation week-to-week variation and measurement error
   * @param jumps sudden gains and losses
   * @param deterioration the subgroup that gets worse
   * @param readiness readiness stages and their effects
   * @param dropout the dropout hazard
   * @param waitlist the untreated (wait-list) arm
   */
  public Scenario {
    Objects.requireNonNull(instrument, "instrument");
    Instrument inst = Instruments.byId(instrument);
    instrument = inst.id();
    Checks.inRange("sessions", sessions, 1, 500);
    caseMix = shares("caseMix", Course.class, caseMix);
    Objects.requireNonNull(intake, "intake");
    Objects.requireNonNull(paths, "paths");
    Objects.requireNonNull(variation, "variation");
    Objects.requireNonNull(jumps, "jumps");
    Objects.requireNonNull(deterioration, "deterioration");
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(dropout, "dropout");
    Objects.requireNonNull(waitlist, "waitlist");
    inScale(inst, "intake.mean", intake.mean());
    inScale(inst, "paths.remissionLevel", paths.remissionLevel());
    inScale(inst, "paths.chronicLevel", paths.chronicLevel());
    if (inst.reliableChange().isEmpty()) {
      throw new IllegalArgumentException(
          "instrument " + inst.id() + " has no reliable-change threshold; the simulator's summaries"
              + " need one");
    }
    if (inst.casenessCutoff().isEmpty()) {
      throw new IllegalArgumentException(
          "instrument " + inst.id() + " has no caseness cutoff; the simulator's entry rule needs"
              + " one");
    }
  }

  /**
   * The calibrated default scenario for an instrument. For PHQ-9 the parameters are those tuned
   * to the published targets (see {@link Calibration}); for another instrument the PHQ-9 levels
   * are mapped linearly onto its range, in its direction, and the result is <em>not</em>
   * calibrated (an assumption, said in {@link ScenarioDefaults#sources()}).
   *
   * @param instrument a built-in instrument with a caseness cutoff and a reliable-change threshold
   * @return the calibrated default scenario for an instrument
   */
  public static Scenario calibratedDefault(Instrument instrument) {
    return ScenarioDefaults.forInstrument(instrument);
  }

  /**
   * The {@link Instrument} named by {@link #instrument()}.
   *
   * @return the {@link Instrument} named by {@link #instrument()}
   */
  public Instrument instrumentSpec() {
    return Instruments.byId(instrument);
  }

  /**
   * Standard deviation of measurement error implied by the instrument's reliability r and the
   * true-score SD at intake: {@code intake.sd · √((1 − r) / r)} (classical test theory, where
   * r = true variance / observed variance).
   *
   * @return the measurement-error SD in points
   */
  public double measurementErrorSd() {
    double r = variation.reliability();
    return intake.sd() * Math.sqrt((1 - r) / r);
  }

  /**
   * A copy with another number of planned sessions.
   *
   * @param n the number of planned sessions after intake, 1 to 500
   * @return the copy
   */
  public Scenario withSessions(int n) {
    return new Scenario(instrument, n, caseMix, intake, paths, variation, jumps, deterioration,
        readiness, dropout, waitlist);
  }

  /**
   * A copy with another case mix.
   *
   * @param mix the share of each course, summing to 1
   * @return the copy
   */
  public Scenario withCaseMix(Map<Course, Double> mix) {
    return new Scenario(instrument, sessions, mix, intake, paths, variation, jumps, deterioration,
        readiness, dropout, waitlist);
  }

  /**
   * A copy with another intake distribution.
   *
   * @param i the intake distribution
   * @return the copy
   */
  public Scenario withIntake(Intake i) {
    return new Scenario(instrument, sessions, caseMix, i, paths, variation, jumps, deterioration,
        readiness, dropout, waitlist);
  }

  /**
   * A copy with other mean paths.
   *
   * @param p the mean paths
   * @return the copy
   */
  public Scenario withPaths(Paths p) {
    return new Scenario(instrument, sessions, caseMix, intake, p, variation, jumps, deterioration,
        readiness, dropout, waitlist);
  }

  /**
   * A copy with other variation parameters.
   *
   * @param v the variation parameters
   * @return the copy
   */
  public Scenario withVariation(Variation v) {
    return new Scenario(instrument, sessions, caseMix, intake, paths, v, jumps, deterioration,
        readiness, dropout, waitlist);
  }

  /**
   * A copy with another jump process.
   *
   * @param j the jump process
   * @return the copy
   */
  public Scenario withJumps(Jumps j) {
    return new Scenario(instrument, sessions, caseMix, intake, paths, variation, j, deterioration,
        readiness, dropout, waitlist);
  }

  /**
   * A copy with another deteriorating subgroup.
   *
   * @param d the deteriorating subgroup
   * @return the copy
   */
  public Scenario withDeterioration(Deterioration d) {
    return new Scenario(instrument, sessions, caseMix, intake, paths, variation, jumps, d,
        readiness, dropout, waitlist);
  }

  /**
   * A copy with other readiness parameters.
   *
   * @param r the readiness parameters
   * @return the copy
   */
  public Scenario withReadiness(Readiness r) {
    return new Scenario(instrument, sessions, caseMix, intake, paths, variation, jumps,
        deterioration, r, dropout, waitlist);
  }

  /**
   * A copy with another dropout model.
   *
   * @param d the dropout model
   * @return the copy
   */
  public Scenario withDropout(Dropout d) {
    return new Scenario(instrument, sessions, caseMix, intake, paths, variation, jumps,
        deterioration, readiness, d, waitlist);
  }

  /**
   * A copy with another wait-list arm.
   *
   * @param w the wait-list arm
   * @return the copy
   */
  public Scenario withWaitlist(Waitlist w) {
    return new Scenario(instrument, sessions, caseMix, intake, paths, variation, jumps,
        deterioration, readiness, dropout, w);
  }

  private static void inScale(Instrument inst, String field, double v) {
    Checks.finite(field, v);
    if (v < inst.minScore() || v > inst.maxScore()) {
      throw new IllegalArgumentException(
          field + " must lie in " + inst.id() + "'s range " + Checks.fmt(inst.minScore()) + "-"
              + Checks.fmt(inst.maxScore()) + ", was " + Checks.fmt(v));
    }
  }

  /** Validates a share per enum constant: every constant present, probabilities summing to 1. */
  static <E extends Enum<E>> Map<E, Double> shares(String field, Class<E> type, Map<E, Double> in) {
    Map<E, Double> m = probabilities(field, type, in);
    double sum = 0;
    for (double v : m.values()) {
      sum += v;
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException(
          field + " shares must sum to 1, sum to " + Checks.fmt(sum));
    }
    return m;
  }

  /** Validates one probability per enum constant. */
  static <E extends Enum<E>> Map<E, Double> probabilities(
      String field, Class<E> type, Map<E, Double> in) {
    return perConstant(field, type, in, true);
  }

  /** Validates one positive finite number per enum constant. */
  static <E extends Enum<E>> Map<E, Double> multipliers(
      String field, Class<E> type, Map<E, Double> in) {
    return perConstant(field, type, in, false);
  }

  private static <E extends Enum<E>> Map<E, Double> perConstant(
      String field, Class<E> type, Map<E, Double> in, boolean probability) {
    Objects.requireNonNull(in, field);
    EnumMap<E, Double> m = new EnumMap<>(type);
    for (E e : type.getEnumConstants()) {
      Double v = in.get(e);
      String name = field + "." + e.name();
      if (v == null) {
        throw new IllegalArgumentException(name + " is missing; " + field + " needs a value for "
            + "each of " + java.util.Arrays.toString(type.getEnumConstants()));
      }
      if (probability) {
        Checks.probability(name, v);
      } else {
        Checks.nonNegative(name, v);
      }
      m.put(e, v);
    }
    if (in.size() != m.size()) {
      throw new IllegalArgumentException(field + " has unknown keys: " + in.keySet());
    }
    return Collections.unmodifiableMap(m);
  }

  /** Who enters the simulated service at intake. */
  public enum Entry {
    /**
     * Only clients whose observed intake score is in the clinical range, as services and trials
     * admit them (the intake is drawn again until it is); this is what makes regression to the
     * mean appear. The calibrated default.
     */
    CASES_ONLY,
    /** Every drawn client, whatever the observed intake score. */
    ANY_SCORE
  }

  /**
   * True severity at intake, and the entry rule.
   *
   * @param mean mean true intake score
   * @param sd between-client SD of the true intake score (the intake random effect); &gt; 0
   * @param entry who enters: only cases at the observed intake score, or everybody
   */
  public record Intake(double mean, double sd, Entry entry) {
    /**
     * Validates.
     *
     * @param mean mean true intake score
     * @param sd between-client SD of the true intake score (the intake random effect); &gt; 0
     * @param entry who enters: only cases at the observed intake score, or everybody
     */
    public Intake {
      Checks.finite("intake.mean", mean);
      Checks.positive("intake.sd", sd);
      Objects.requireNonNull(entry, "intake.entry");
    }
  }

  /**
   * Mean paths: {@code m(t) = A + (m(t−1) − A)·exp(−k)}, an exponential decay from the intake
   * level towards an asymptote A at a per-session rate k.
   *
   * @param remissionLevel asymptote A for resolvable and episodic courses
   * @param chronicLevel asymptote A for the chronic course (where therapy meets its limit)
   * @param resolvableRate k for the resolvable course (per session)
   * @param episodicRate k for the episodic course
   * @param chronicRate k for the chronic course
   * @param rateSd SD of the client's log-rate random effect (mean-preserving log-normal)
   * @param relapseHazard per-session probability that an episodic client who is out of the
   *     clinical range relapses to the intake level
   */
  public record Paths(
      double remissionLevel,
      double chronicLevel,
      double resolvableRate,
      double episodicRate,
      double chronicRate,
      double rateSd,
      double relapseHazard) {
    /**
     * Validates.
     *
     * @param remissionLevel asymptote A for resolvable and episodic courses
     * @param chronicLevel asymptote A for the chronic course (where therapy meets its limit)
     * @param resolvableRate k for the resolvable course (per session)
     * @param episodicRate k for the episodic course
     * @param chronicRate k for the chronic course
     * @param rateSd SD of the client's log-rate random effect (mean-preserving log-normal)
     * @param relapseHazard per-session probability that an episodic client who is out of the
     *     clinical range relapses to the intake level
     */
    public Paths {
      Checks.finite("paths.remissionLevel", remissionLevel);
      Checks.finite("paths.chronicLevel", chronicLevel);
      Checks.nonNegative("paths.resolvableRate", resolvableRate);
      Checks.nonNegative("paths.episodicRate", episodicRate);
      Checks.nonNegative("paths.chronicRate", chronicRate);
      Checks.nonNegative("paths.rateSd", rateSd);
      Checks.probability("paths.relapseHazard", relapseHazard);
    }
  }

  /**
   * Week-to-week variation and measurement error.
   *
   * @param autocorrelation AR(1) coefficient of the week-to-week deviation, in [0, 1)
   * @param sd stationary SD of the week-to-week deviation
   * @param chronicFluctuation multiplier of {@code sd} for chronic cases (≥ 0)
   * @param reliability the instrument's reliability, which sets the measurement error (see
   *     {@link Scenario#measurementErrorSd()}); in (0, 1)
   */
  public record Variation(
      double autocorrelation, double sd, double chronicFluctuation, double reliability) {
    /**
     * Validates.
     *
     * @param autocorrelation AR(1) coefficient of the week-to-week deviation, in [0, 1)
     * @param sd stationary SD of the week-to-week deviation
     * @param chronicFluctuation multiplier of {@code sd} for chronic cases (≥ 0)
     * @param reliability the instrument's reliability, which sets the measurement error (see
     *     {@link Scenario#measurementErrorSd()}); in (0, 1)
     */
    public Variation {
      Checks.inRange("variation.autocorrelation", autocorrelation, 0, 0.999);
      Checks.nonNegative("variation.sd", sd);
      Checks.nonNegative("variation.chronicFluctuation", chronicFluctuation);
      Checks.openUnit("variation.reliability", reliability);
    }
  }

  /**
   * Sudden gains and losses as a jump process in the mean path, one chance per session.
   *
   * @param gainProbability per-session probability of a sudden gain
   * @param gainFraction share of the remaining distance to the asymptote removed by a gain, (0, 1]
   * @param lossProbability per-session probability of a sudden loss
   * @param lossSize points added in the worse direction by a loss
   */
  public record Jumps(
      double gainProbability, double gainFraction, double lossProbability, double lossSize) {
    /**
     * Validates.
     *
     * @param gainProbability per-session probability of a sudden gain
     * @param gainFraction share of the remaining distance to the asymptote removed by a gain, (0, 1]
     * @param lossProbability per-session probability of a sudden loss
     * @param lossSize points added in the worse direction by a loss
     */
    public Jumps {
      Checks.probability("jumps.gainProbability", gainProbability);
      Checks.inRange("jumps.gainFraction", gainFraction, 0, 1);
      Checks.probability("jumps.lossProbability", lossProbability);
      Checks.nonNegative("jumps.lossSize", lossSize);
      if (gainProbability + lossProbability > 1) {
        throw new IllegalArgumentException(
            "jumps.gainProbability + jumps.lossProbability must be at most 1, is "
                + Checks.fmt(gainProbability + lossProbability));
      }
    }
  }

  /**
   * A subgroup whose mean path moves away from health.
   *
   * @param proportion share of clients in the subgroup
   * @param size points the path moves in the worse direction (towards intake + size)
   * @param rate per-session rate of that movement
   */
  public record Deterioration(double proportion, double size, double rate) {
    /**
     * Validates.
     *
     * @param proportion share of clients in the subgroup
     * @param size points the path moves in the worse direction (towards intake + size)
     * @param rate per-session rate of that movement
     */
    public Deterioration {
      Checks.probability("deterioration.proportion", proportion);
      Checks.nonNegative("deterioration.size", size);
      Checks.nonNegative("deterioration.rate", rate);
    }
  }

  /**
   * Readiness (transtheoretical stage) at intake, its movement between sessions, and its effects.
   *
   * @param initial share of clients in each stage at intake; sums to 1
   * @param rateMultiplier multiplier of the course rate in each stage (≥ 0)
   * @param dropoutMultiplier multiplier of the dropout hazard in each stage (≥ 0)
   * @param forward per-session probability of moving one stage forward
   * @param backward per-session probability of moving one stage back
   */
  public record Readiness(
      Map<ReadinessStage, Double> initial,
      Map<ReadinessStage, Double> rateMultiplier,
      Map<ReadinessStage, Double> dropoutMultiplier,
      double forward,
      double backward) {
    /**
     * Validates and copies.
     *
     * @param initial share of clients in each stage at intake; sums to 1
     * @param rateMultiplier multiplier of the course rate in each stage (≥ 0)
     * @param dropoutMultiplier multiplier of the dropout hazard in each stage (≥ 0)
     * @param forward per-session probability of moving one stage forward
     * @param backward per-session probability of moving one stage back
     */
    public Readiness {
      initial = shares("readiness.initial", ReadinessStage.class, initial);
      rateMultiplier = multipliers("readiness.rateMultiplier", ReadinessStage.class, rateMultiplier);
      dropoutMultiplier =
          multipliers("readiness.dropoutMultiplier", ReadinessStage.class, dropoutMultiplier);
      Checks.probability("readiness.forward", forward);
      Checks.probability("readiness.backward", backward);
      if (forward + backward > 1) {
        throw new IllegalArgumentException(
            "readiness.forward + readiness.backward must be at most 1, is "
                + Checks.fmt(forward + backward));
      }
    }
  }

  /** What the dropout hazard may depend on. */
  public enum Missingness {
    /**
     * Only what was observed (the last observed worsening): missing at random. The calibrated
     * default, an assumption (Swift &amp; Greenberg 2012 report rates, not mechanisms).
     */
    AT_RANDOM,
    /** Also the unobserved current score: missing not at random. */
    NOT_AT_RANDOM
  }

  /**
   * The per-session dropout hazard:
   * {@code h = hazard · stageMultiplier · max(0, 1 + progressEffect · w / RC)
   * · [NOT_AT_RANDOM: max(0, 1 + notAtRandomEffect · v / RC)]}, capped at 1, where w is the last
   * observed change in the worse direction, v the unobserved current true score's distance from
   * the intake score in the worse direction and RC the instrument's reliable-change threshold.
   *
   * @param hazard baseline per-session hazard
   * @param progressEffect effect of recent observed worsening (missing at random)
   * @param missingness whether dropout also depends on the unobserved current score
   * @param notAtRandomEffect effect of the unobserved score under {@link Missingness#NOT_AT_RANDOM}
   */
  public record Dropout(
      double hazard, double progressEffect, Missingness missingness, double notAtRandomEffect) {
    /**
     * Validates.
     *
     * @param hazard baseline per-session hazard
     * @param progressEffect effect of recent observed worsening (missing at random)
     * @param missingness whether dropout also depends on the unobserved current score
     * @param notAtRandomEffect effect of the unobserved score under {@link
     *     Missingness#NOT_AT_RANDOM}
     */
    public Dropout {
      Checks.probability("dropout.hazard", hazard);
      Checks.finite("dropout.progressEffect", progressEffect);
      Objects.requireNonNull(missingness, "dropout.missingness");
      Checks.finite("dropout.notAtRandomEffect", notAtRandomEffect);
    }
  }

  /**
   * The untreated arm: weekly assessments, no treatment effect, the course's asymptote reached
   * at a slow spontaneous rate, no jumps; dropout and readiness as in the treated arm (without
   * readiness acting on the rate).
   *
   * @param rate spontaneous per-week rate k towards the course's asymptote
   * @param weeks weeks of follow-up after the intake assessment (13 ≈ 3 months)
   */
  public record Waitlist(double rate, int weeks) {
    /**
     * Validates.
     *
     * @param rate spontaneous per-week rate k towards the course's asymptote
     * @param weeks weeks of follow-up after the intake assessment (13 ≈ 3 months)
     */
    public Waitlist {
      Checks.nonNegative("waitlist.rate", rate);
      Checks.inRange("waitlist.weeks", weeks, 1, 520);
    }
  }
}
