package io.candor.spark;

import io.candor.simulation.Scenario;
import java.util.Locale;
import java.util.Objects;

/**
 * A numeric scenario parameter a {@link SweepGrid} can vary, named by its path in the scenario's
 * JSON ({@code dropout.hazard}); setting it goes through the scenario's own validation, so an
 * out-of-range value fails with the scenario's message.
 */
public enum ScenarioParameter {
  /** Planned sessions (a whole number). */
  SESSIONS("sessions"),
  /** Mean true intake score. */
  INTAKE_MEAN("intake.mean"),
  /** Between-client SD of the true intake score. */
  INTAKE_SD("intake.sd"),
  /** Asymptote of resolvable and episodic courses. */
  REMISSION_LEVEL("paths.remissionLevel"),
  /** Asymptote of the chronic course. */
  CHRONIC_LEVEL("paths.chronicLevel"),
  /** Per-session rate of the resolvable course. */
  RESOLVABLE_RATE("paths.resolvableRate"),
  /** Per-session rate of the episodic course. */
  EPISODIC_RATE("paths.episodicRate"),
  /** Per-session rate of the chronic course. */
  CHRONIC_RATE("paths.chronicRate"),
  /** Per-session relapse hazard of episodic clients out of the clinical range. */
  RELAPSE_HAZARD("paths.relapseHazard"),
  /** Per-session probability of a sudden gain. */
  GAIN_PROBABILITY("jumps.gainProbability"),
  /** Per-session probability of a sudden loss. */
  LOSS_PROBABILITY("jumps.lossProbability"),
  /** Share of clients in the deteriorating subgroup. */
  DETERIORATION_PROPORTION("deterioration.proportion"),
  /** Baseline per-session dropout hazard. */
  DROPOUT_HAZARD("dropout.hazard"),
  /** Effect of recent observed worsening on dropout. */
  DROPOUT_PROGRESS_EFFECT("dropout.progressEffect"),
  /** Spontaneous per-week rate in the wait-list arm. */
  WAITLIST_RATE("waitlist.rate");

  private final String path;

  ScenarioParameter(String path) {
    this.path = path;
  }

  /**
   * The parameter's path in the scenario's JSON.
   *
   * @return e.g. {@code dropout.hazard}
   */
  public String path() {
    return path;
  }

  /**
   * Parses a path ({@code dropout.hazard}) or a constant name ({@code DROPOUT_HAZARD}).
   *
   * @param text the name
   * @return the parameter
   * @throws IllegalArgumentException naming the known paths
   */
  public static ScenarioParameter parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    String t = text.toString().strip();
    for (ScenarioParameter p : values()) {
      if (p.path.equals(t) || p.name().equals(t.toUpperCase(Locale.ROOT).replace('-', '_'))) {
        return p;
      }
    }
    StringBuilder known = new StringBuilder();
    for (ScenarioParameter p : values()) {
      known.append(known.length() == 0 ? "" : ", ").append(p.path);
    }
    throw new IllegalArgumentException("unknown scenario parameter \"" + text + "\"; known: " + known);
  }

  /**
   * The scenario with this parameter set to a value.
   *
   * @param s the scenario
   * @param v the value
   * @return the new scenario
   * @throws IllegalArgumentException if the scenario rejects the value (named by path), or a whole
   *     number is needed and {@code v} is not one
   */
  public Scenario apply(Scenario s, double v) {
    Objects.requireNonNull(s, "scenario");
    var in = s.intake();
    var pa = s.paths();
    var j = s.jumps();
    var d = s.deterioration();
    var dr = s.dropout();
    var w = s.waitlist();
    return switch (this) {
      case SESSIONS -> s.withSessions(whole(v));
      case INTAKE_MEAN -> s.withIntake(new Scenario.Intake(v, in.sd(), in.entry()));
      case INTAKE_SD -> s.withIntake(new Scenario.Intake(in.mean(), v, in.entry()));
      case REMISSION_LEVEL -> s.withPaths(new Scenario.Paths(v, pa.chronicLevel(),
          pa.resolvableRate(), pa.episodicRate(), pa.chronicRate(), pa.rateSd(), pa.relapseHazard()));
      case CHRONIC_LEVEL -> s.withPaths(new Scenario.Paths(pa.remissionLevel(), v,
          pa.resolvableRate(), pa.episodicRate(), pa.chronicRate(), pa.rateSd(), pa.relapseHazard()));
      case RESOLVABLE_RATE -> s.withPaths(new Scenario.Paths(pa.remissionLevel(), pa.chronicLevel(),
          v, pa.episodicRate(), pa.chronicRate(), pa.rateSd(), pa.relapseHazard()));
      case EPISODIC_RATE -> s.withPaths(new Scenario.Paths(pa.remissionLevel(), pa.chronicLevel(),
          pa.resolvableRate(), v, pa.chronicRate(), pa.rateSd(), pa.relapseHazard()));
      case CHRONIC_RATE -> s.withPaths(new Scenario.Paths(pa.remissionLevel(), pa.chronicLevel(),
          pa.resolvableRate(), pa.episodicRate(), v, pa.rateSd(), pa.relapseHazard()));
      case RELAPSE_HAZARD -> s.withPaths(new Scenario.Paths(pa.remissionLevel(), pa.chronicLevel(),
          pa.resolvableRate(), pa.episodicRate(), pa.chronicRate(), pa.rateSd(), v));
      case GAIN_PROBABILITY -> s.withJumps(new Scenario.Jumps(v, j.gainFraction(),
          j.lossProbability(), j.lossSize()));
      case LOSS_PROBABILITY -> s.withJumps(new Scenario.Jumps(j.gainProbability(), j.gainFraction(),
          v, j.lossSize()));
      case DETERIORATION_PROPORTION -> s.withDeterioration(
          new Scenario.Deterioration(v, d.size(), d.rate()));
      case DROPOUT_HAZARD -> s.withDropout(new Scenario.Dropout(v, dr.progressEffect(),
          dr.missingness(), dr.notAtRandomEffect()));
      case DROPOUT_PROGRESS_EFFECT -> s.withDropout(new Scenario.Dropout(dr.hazard(), v,
          dr.missingness(), dr.notAtRandomEffect()));
      case WAITLIST_RATE -> s.withWaitlist(new Scenario.Waitlist(v, w.weeks()));
    };
  }

  private int whole(double v) {
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(path + " must be a whole number, was " + v);
    }
    return (int) v;
  }
}
