package io.candor.simulation;

import static io.candor.evidence.Sourced.assumption;
import static io.candor.evidence.Sourced.secondary;

import io.candor.domain.Course;
import io.candor.evidence.Citation;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of the calibrated scenario that the published targets pin down only to a range,
 * each with the low and high end of what is still plausible: a sensitivity analysis varies one at a
 * time between its ends and reports how far a result moves.
 *
 * <p>Each range is the part of the parameter that keeps its calibration target inside the range
 * {@link Calibration} accepts (found on 20,000 clients with {@link Calibration#DEFAULT_SEED}, PHQ-9
 * scenario): the rates keep "reliably improved at session 8" within Howard et al.'s 45–55 %, the
 * dropout hazard keeps dropout within 17.7–21.7 % (Swift &amp; Greenberg 2012), the deteriorating
 * share keeps reliable deterioration within Lambert's 5–10 %, and the chronic share spans the
 * published 25–33 % of depressive cases. The rates, hazard and deteriorating share are
 * multipliers of the scenario's own value, so they apply to any scenario (conditioned on a course or
 * readiness stage too); the chronic share is a share, and applies only where the case mix is not
 * fixed to one course.
 *
 * <p>Immutable and thread-safe.
 */
public enum PlausibleRange {

  /** The three course rates together (multiplier). */
  IMPROVEMENT_RATE("paths.resolvableRate, paths.episodicRate, paths.chronicRate",
      assumption(0.85, Citations.HOWARD_1986, "rates x0.85 give about 45 % reliably improved at"
          + " session 8, the lower end Calibration accepts around Howard et al.'s 50 %"),
      assumption(1.22, Citations.HOWARD_1986, "rates x1.22 give about 55 % reliably improved at"
          + " session 8, the upper end Calibration accepts around Howard et al.'s 50 %")),

  /** The baseline dropout hazard (multiplier). */
  DROPOUT_HAZARD("dropout.hazard",
      assumption(0.90, Citations.SWIFT_2012, "hazard x0.90 gives about 17.8 % dropout, the lower"
          + " end Calibration accepts around Swift & Greenberg's 19.7 %"),
      assumption(1.12, Citations.SWIFT_2012, "hazard x1.12 gives about 21.7 % dropout, the upper"
          + " end Calibration accepts around Swift & Greenberg's 19.7 %")),

  /** The share of clients in the deteriorating subgroup (multiplier). */
  DETERIORATION_SHARE("deterioration.proportion",
      assumption(0.63, Citations.LAMBERT_2013, "share x0.63 gives about 5 % reliable"
          + " deterioration, the lower end of Lambert's 5-10 %"),
      assumption(1.37, Citations.LAMBERT_2013, "share x1.37 gives about 10 % reliable"
          + " deterioration, the upper end of Lambert's 5-10 %")),

  /** The share of chronic courses in the case mix (a share; the others keep their proportions). */
  CHRONIC_SHARE("caseMix.CHRONIC",
      secondary(0.25, Citations.SATYANARAYANA_2009, "chronic depression in about 25-33 % of"
          + " depressive cases (several cohorts): lower end"),
      secondary(0.33, Citations.SATYANARAYANA_2009, "chronic depression in about 25-33 % of"
          + " depressive cases (several cohorts): upper end"));

  private final String parameter;
  private final Sourced low;
  private final Sourced high;

  PlausibleRange(String parameter, Sourced low, Sourced high) {
    this.parameter = parameter;
    this.low = low;
    this.high = high;
  }

  /**
   * The scenario fields this range varies, as paths of the scenario JSON.
   *
   * @return e.g. {@code "dropout.hazard"}
   */
  public String parameter() {
    return parameter;
  }

  /**
   * The low end: a multiplier of the scenario's value, or for {@link #CHRONIC_SHARE} the share.
   *
   * @return the low end with its source
   */
  public Sourced low() {
    return low;
  }

  /**
   * The high end: a multiplier of the scenario's value, or for {@link #CHRONIC_SHARE} the share.
   *
   * @return the high end with its source
   */
  public Sourced high() {
    return high;
  }

  /**
   * The publication the range comes from.
   *
   * @return the citation of both ends
   */
  public Citation source() {
    return low.source();
  }

  /**
   * Whether varying this parameter can change a result of the scenario: always, except the chronic
   * share of a scenario whose case mix is fixed to one course (as for a client whose course is
   * known).
   *
   * @param scenario the scenario
   * @return whether the range applies
   */
  public boolean appliesTo(Scenario scenario) {
    Objects.requireNonNull(scenario, "scenario");
    if (this != CHRONIC_SHARE) {
      return true;
    }
    for (double share : scenario.caseMix().values()) {
      if (share == 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * The scenario with this parameter set to {@code value}: the rates, hazard or deteriorating share
   * multiplied by it, or the chronic share set to it (the other courses scaled to fill the rest in
   * their present proportions).
   *
   * @param scenario the scenario
   * @param value a multiplier (≥ 0) or, for {@link #CHRONIC_SHARE}, a share in [0, 1]
   * @return the varied scenario
   * @throws IllegalArgumentException if the value is out of range, the result is not a valid
   *     scenario (a probability above 1), or the chronic share is varied where it does not apply
   */
  public Scenario apply(Scenario scenario, double value) {
    Objects.requireNonNull(scenario, "scenario");
    switch (this) {
      case IMPROVEMENT_RATE: {
        Checks.nonNegative("rate multiplier", value);
        Scenario.Paths p = scenario.paths();
        return scenario.withPaths(new Scenario.Paths(p.remissionLevel(), p.chronicLevel(),
            p.resolvableRate() * value, p.episodicRate() * value, p.chronicRate() * value,
            p.rateSd(), p.relapseHazard()));
      }
      case DROPOUT_HAZARD: {
        Checks.nonNegative("dropout hazard multiplier", value);
        Scenario.Dropout d = scenario.dropout();
        return scenario.withDropout(new Scenario.Dropout(d.hazard() * value, d.progressEffect(),
            d.missingness(), d.notAtRandomEffect()));
      }
      case DETERIORATION_SHARE: {
        Checks.nonNegative("deteriorating share multiplier", value);
        Scenario.Deterioration d = scenario.deterioration();
        return scenario.withDeterioration(new Scenario.Deterioration(d.proportion() * value,
            d.size(), d.rate()));
      }
      default: {
        Checks.probability("chronic share", value);
        if (!appliesTo(scenario)) {
          throw new IllegalArgumentException("the chronic share cannot vary: the scenario's case"
              + " mix is fixed to one course " + scenario.caseMix());
        }
        double others = 1 - scenario.caseMix().get(Course.CHRONIC);
        Map<Course, Double> mix = new EnumMap<>(Course.class);
        for (Map.Entry<Course, Double> e : scenario.caseMix().entrySet()) {
          mix.put(e.getKey(), e.getKey() == Course.CHRONIC ? value
              : e.getValue() * (1 - value) / others);
        }
        return scenario.withCaseMix(mix);
      }
    }
  }
}
