package io.candor.simulation;

import static io.candor.evidence.Sourced.assumption;
import static io.candor.evidence.Sourced.secondary;

import io.candor.domain.Course;
import io.candor.domain.ReadinessStage;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The calibrated default scenario and the source of each of its numbers.
 *
 * <p>Levels are in PHQ-9 points (0–27, higher is worse). Figures taken from a publication are
 * {@code SECONDARY} (read from the paper's abstract or a review, not re-derived); the rest are
 * modelling choices, {@code ASSUMPTION}, whose note says which published target they were tuned
 * to by {@link Calibration}. The tuning was done by hand on 20,000 simulated clients with seed
 * {@link Calibration#DEFAULT_SEED}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ScenarioDefaults {

  private ScenarioDefaults() {}

  private static final String TUNED = "modelling choice tuned so that ";
  private static final String HOWARD =
      "about 50 % are reliably improved by session 8 and 75 % by session 26 (Howard et al. 1986)";

  private static final Map<String, Sourced> SOURCES = build();

  private static Map<String, Sourced> build() {
    Map<String, Sourced> m = new LinkedHashMap<>();
    m.put("sessions", assumption(26, Citations.HOWARD_1986,
        "26 planned sessions: the longest dose of Howard et al.'s 50 % / 75 % targets"));
    m.put("caseMix.RESOLVABLE", assumption(0.48, Citations.SATYANARAYANA_2009,
        "remainder after the chronic and episodic shares"));
    m.put("caseMix.EPISODIC", assumption(0.27, Citations.VITTENGL_2007,
        "recurrent course; share chosen so that relapse during treatment stays modest"));
    m.put("caseMix.CHRONIC", secondary(0.25, Citations.SATYANARAYANA_2009,
        "chronic depression (episode >= 2 years) in about 25-33 % of depressive cases"
            + " (several cohorts; figure not re-derived from the paper); lower end used"));
    m.put("intake.mean", assumption(16.5, Citations.KROENKE_2001,
        "true intake severity in the moderately severe band (15-19), as in routine services;"
            + " PHQ-9 bands from Kroenke et al. 2001"));
    m.put("intake.sd", assumption(4.5, Citations.KROENKE_2001,
        "between-client SD of true intake severity; modelling choice"));
    m.put("paths.remissionLevel", assumption(3, Citations.KROENKE_2001,
        "asymptote of resolvable/episodic courses inside the minimal band (0-4)"));
    m.put("paths.chronicLevel", assumption(10.5, Citations.SATYANARAYANA_2009,
        "chronic asymptote just above the caseness cutoff of 10: therapy meets a limit; half a point"
            + " above it so that the improved share reaches Howard et al.'s 75 % by session 26"));
    m.put("paths.resolvableRate", assumption(0.08, Citations.HOWARD_1986, TUNED + HOWARD));
    m.put("paths.episodicRate", assumption(0.08, Citations.HOWARD_1986, TUNED + HOWARD));
    m.put("paths.chronicRate", assumption(0.08, Citations.HOWARD_1986, TUNED + HOWARD));
    m.put("paths.rateSd", assumption(0.15, Citations.HOWARD_1986,
        TUNED + "the improved share rises slowly from session 8 to 26 as in Howard et al.'s"
            + " probit on log sessions"));
    m.put("paths.relapseHazard", secondary(0.0066, Citations.VITTENGL_2007,
        "29 % relapse within a year after acute CBT: 1 - 0.71^(1/52) per weekly session"));
    m.put("variation.autocorrelation", assumption(0.5, Citations.KROENKE_2001,
        "week-to-week AR(1) coefficient; modelling choice"));
    m.put("variation.sd", assumption(2.0, Citations.KROENKE_2001,
        "stationary SD of week-to-week variation in PHQ-9 points; modelling choice"));
    m.put("variation.chronicFluctuation", assumption(1.5, Citations.SATYANARAYANA_2009,
        "chronic courses fluctuate more; modelling choice"));
    m.put("variation.reliability", secondary(0.84, Citations.KROENKE_2001,
        "the instrument's reliability (PHQ-9 test-retest r = .84)"));
    m.put("jumps.gainProbability", assumption(0.015, Citations.TANG_1999,
        TUNED + "the share of clients with a sudden gain lies in the published 17-39 % range"
            + " (Tang & DeRubeis 1999; Aderka et al. 2012)"));
    m.put("jumps.gainFraction", assumption(0.6, Citations.ADERKA_2012,
        "a gain removes 60 % of the remaining distance to the asymptote; modelling choice"));
    m.put("jumps.lossProbability", assumption(0.004, Citations.LAMBERT_2013,
        TUNED + "reliable deterioration stays in Lambert's 5-10 %"));
    m.put("jumps.lossSize", assumption(5, Citations.LAMBERT_2013,
        "points added by a sudden loss; modelling choice"));
    m.put("deterioration.proportion", assumption(0.12, Citations.LAMBERT_2013,
        TUNED + "reliable deterioration is 5-10 % of adults (Lambert 2013) by both the 6-point"
            + " rule and Jacobson-Truax; fewer than the"
            + " 12 % in the subgroup deteriorate reliably because of the ceiling at 27, noise and"
            + " dropout, and sudden losses and relapse add some"));
    m.put("deterioration.size", assumption(10, Citations.LAMBERT_2013,
        "points the deteriorating subgroup moves towards; modelling choice"));
    m.put("deterioration.rate", assumption(0.15, Citations.LAMBERT_2013,
        "per-session rate of deterioration; modelling choice"));
    m.put("readiness.initial.PRECONTEMPLATION", assumption(0.10, Citations.NORCROSS_2011,
        "clients starting therapy are more ready than the 40-40-20 population rule; assumption"));
    m.put("readiness.initial.CONTEMPLATION", assumption(0.30, Citations.NORCROSS_2011,
        "assumption (see precontemplation)"));
    m.put("readiness.initial.PREPARATION", assumption(0.30, Citations.NORCROSS_2011,
        "assumption (see precontemplation)"));
    m.put("readiness.initial.ACTION", assumption(0.30, Citations.NORCROSS_2011,
        "assumption (see precontemplation)"));
    m.put("readiness.initial.MAINTENANCE", assumption(0.0, Citations.NORCROSS_2011,
        "nobody starts in maintenance; assumption"));
    m.put("readiness.rateMultiplier.PRECONTEMPLATION", assumption(0.5, Citations.NORCROSS_2011,
        "pretreatment stage predicts outcome (d about 0.46); multipliers are modelling choices"));
    m.put("readiness.rateMultiplier.CONTEMPLATION", assumption(0.75, Citations.NORCROSS_2011,
        "see precontemplation"));
    m.put("readiness.rateMultiplier.PREPARATION", assumption(1.0, Citations.NORCROSS_2011,
        "reference stage"));
    m.put("readiness.rateMultiplier.ACTION", assumption(1.2, Citations.NORCROSS_2011,
        "see precontemplation"));
    m.put("readiness.rateMultiplier.MAINTENANCE", assumption(1.2, Citations.NORCROSS_2011,
        "see precontemplation"));
    m.put("readiness.dropoutMultiplier.PRECONTEMPLATION", assumption(2.0, Citations.NORCROSS_2011,
        "pretreatment stage predicts premature termination; multipliers are modelling choices"));
    m.put("readiness.dropoutMultiplier.CONTEMPLATION", assumption(1.4, Citations.NORCROSS_2011,
        "see precontemplation"));
    m.put("readiness.dropoutMultiplier.PREPARATION", assumption(1.0, Citations.NORCROSS_2011,
        "reference stage"));
    m.put("readiness.dropoutMultiplier.ACTION", assumption(0.75, Citations.NORCROSS_2011,
        "see precontemplation"));
    m.put("readiness.dropoutMultiplier.MAINTENANCE", assumption(0.75, Citations.NORCROSS_2011,
        "see precontemplation"));
    m.put("readiness.forward", assumption(0.06, Citations.NORCROSS_2011,
        "per-session chance of moving one stage forward; modelling choice"));
    m.put("readiness.backward", assumption(0.02, Citations.NORCROSS_2011,
        "per-session chance of moving one stage back (movement goes both ways); modelling"
            + " choice"));
    m.put("dropout.hazard", assumption(0.0083, Citations.SWIFT_2012,
        TUNED + "about 19.7 % of clients end treatment prematurely (Swift & Greenberg 2012)"));
    m.put("dropout.progressEffect", assumption(0.5, Citations.SWIFT_2012,
        "recent worsening raises the hazard; modelling choice"));
    m.put("dropout.notAtRandomEffect", assumption(0.5, Citations.SWIFT_2012,
        "strength of dependence on the unobserved current score when switched on; modelling"
            + " choice"));
    m.put("waitlist.rate", assumption(0.0405, Citations.WHITEFORD_2013,
        TUNED + "about 23 % of untreated clients are out of the clinical range at 3 months"
            + " (Whiteford et al. 2013)"));
    m.put("waitlist.weeks", secondary(13, Citations.WHITEFORD_2013,
        "3 months of weekly follow-up, Whiteford et al.'s first time point"));
    return Collections.unmodifiableMap(m);
  }

  /**
   * Every default of the PHQ-9 scenario, keyed by its field path (as in the scenario JSON, with
   * map entries as {@code caseMix.CHRONIC}), in a stable order.
   *
   * @return every default with its source, keyed by field path
   */
  public static Map<String, Sourced> sources() {
    return SOURCES;
  }

  private static double v(String key) {
    return Objects.requireNonNull(SOURCES.get(key), key).value();
  }

  private static <E extends Enum<E>> Map<E, Double> map(String prefix, Class<E> type) {
    EnumMap<E, Double> m = new EnumMap<>(type);
    for (E e : type.getEnumConstants()) {
      m.put(e, v(prefix + "." + e.name()));
    }
    return m;
  }

  /** The calibrated default (see {@link Scenario#calibratedDefault(Instrument)}). */
  static Scenario forInstrument(Instrument instrument) {
    Objects.requireNonNull(instrument, "instrument");
    Instrument phq = Instruments.PHQ9;
    double scale = (instrument.maxScore() - instrument.minScore()) / (phq.maxScore() - phq.minScore());
    boolean flip = instrument.direction() != Direction.HIGHER_IS_WORSE;
    java.util.function.DoubleUnaryOperator level =
        x -> flip ? instrument.maxScore() - x * scale : instrument.minScore() + x * scale;
    return new Scenario(
        instrument.id(),
        (int) v("sessions"),
        map("caseMix", Course.class),
        new Scenario.Intake(level.applyAsDouble(v("intake.mean")), v("intake.sd") * scale,
            Scenario.Entry.CASES_ONLY),
        new Scenario.Paths(
            level.applyAsDouble(v("paths.remissionLevel")),
            level.applyAsDouble(v("paths.chronicLevel")),
            v("paths.resolvableRate"),
            v("paths.episodicRate"),
            v("paths.chronicRate"),
            v("paths.rateSd"),
            v("paths.relapseHazard")),
        new Scenario.Variation(
            v("variation.autocorrelation"),
            v("variation.sd") * scale,
            v("variation.chronicFluctuation"),
            instrument == phq ? v("variation.reliability") : instrument.reliability().value()),
        new Scenario.Jumps(
            v("jumps.gainProbability"),
            v("jumps.gainFraction"),
            v("jumps.lossProbability"),
            v("jumps.lossSize") * scale),
        new Scenario.Deterioration(
            v("deterioration.proportion"), v("deterioration.size") * scale,
            v("deterioration.rate")),
        new Scenario.Readiness(
            map("readiness.initial", ReadinessStage.class),
            map("readiness.rateMultiplier", ReadinessStage.class),
            map("readiness.dropoutMultiplier", ReadinessStage.class),
            v("readiness.forward"),
            v("readiness.backward")),
        new Scenario.Dropout(
            v("dropout.hazard"), v("dropout.progressEffect"), Scenario.Missingness.AT_RANDOM,
            v("dropout.notAtRandomEffect")),
        new Scenario.Waitlist(v("waitlist.rate"), (int) v("waitlist.weeks")));
  }
}
