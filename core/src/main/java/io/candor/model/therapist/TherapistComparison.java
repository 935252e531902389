package io.candor.model.therapist;

import io.candor.internal.Checks;
import io.candor.measure.Direction;
import io.candor.model.dose.Coefficient;
import io.candor.model.growth.FixedEffect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Therapists compared fairly: the case-mix-adjusted funnel ({@link CaseMixFunnel}) and the
 * therapist effects on end-of-treatment scores ({@link TherapistEffects}) side by side, one row per
 * therapist. It is support for reflection and supervision, never a league table: a therapist
 * outside a funnel limit is worth a closer look at case mix and data, and the rank intervals show
 * how little a ranking can say.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument the instrument's id
 * @param direction the instrument's direction (which end scores are favourable)
 * @param outcome the funnel's outcome
 * @param limits how the funnel's limits were computed
 * @param overdispersion the funnel's over-dispersion adjustment
 * @param overall the overall rate of the outcome (the funnel's centre line)
 * @param cases all cases for the outcome
 * @param events all events
 * @param phi the funnel's over-dispersion factor φ
 * @param tau2 the funnel's between-therapist variance τ²
 * @param caseMix the funnel's case-mix model coefficients
 * @param icc the intraclass correlation of end scores, with its interval
 * @param therapistSd SD of the therapists' effects on end scores
 * @param residualSd residual SD of end scores
 * @param fixedEffects the end-score model's fixed effects (intercept, pre, covariates)
 * @param reliabilityTarget the reliability a therapist's estimate should reach to be stable
 * @param caseloadForStableEstimate the caseload that reaches it; empty when the therapist SD is 0
 * @param therapists one row per therapist, in the data's order
 * @param note how to read the comparison
 * @see io.candor.evidence.Citations#SPIEGELHALTER_2005
 * @see io.candor.evidence.Citations#GOLDSTEIN_1996
 * @see io.candor.evidence.Citations#SCHIEFELE_2017
 */
public record TherapistComparison(
    String instrument,
    Direction direction,
    FunnelOutcome outcome,
    ControlLimits limits,
    Overdispersion overdispersion,
    double overall,
    int cases,
    int events,
    double phi,
    double tau2,
    List<Coefficient> caseMix,
    IccEstimate icc,
    double therapistSd,
    double residualSd,
    List<FixedEffect> fixedEffects,
    double reliabilityTarget,
    OptionalInt caseloadForStableEstimate,
    List<Row> therapists,
    String note) {

  /** How to read a comparison; part of every one. */
  public static final String NOTE = "Support for reflection, not a league table: adjusted rates"
      + " and effects depend on the case mix the model can see, on data quality and on chance."
      + " A therapist outside a limit is worth a closer look at case mix and data, never a"
      + " verdict on the therapist; rank intervals show how uncertain any ranking is.";

  /**
   * One therapist's row.
   *
   * @param therapist the therapist's id
   * @param n the therapist's cases for the funnel's outcome
   * @param observed cases with the event
   * @param expected events expected from the case-mix model
   * @param adjusted the indirectly standardised rate
   * @param lower95 lower 95 % control limit
   * @param upper95 upper 95 % control limit
   * @param lower998 lower 99.8 % control limit
   * @param upper998 upper 99.8 % control limit
   * @param position where the adjusted rate falls
   * @param clients all the therapist's clients (the end-score model uses every client)
   * @param effect the therapist's shrunken effect on adjusted end scores (BLUP), in score points
   * @param effectSd its conditional SD
   * @param reliability how much of the therapist's raw deviation the effect keeps
   * @param rankLower lower end of the rank interval (1 = most favourable adjusted end scores)
   * @param rankUpper upper end of the rank interval
   * @param remark plain-language reading of the funnel position
   */
  public record Row(
      String therapist,
      int n,
      int observed,
      double expected,
      double adjusted,
      double lower95,
      double upper95,
      double lower998,
      double upper998,
      FunnelPosition position,
      int clients,
      double effect,
      double effectSd,
      double reliability,
      int rankLower,
      int rankUpper,
      String remark) {

    /**
     * Validates the components.
     *
     * @param therapist see the record description
     * @param n see the record description
     * @param observed see the record description
     * @param expected see the record description
     * @param adjusted see the record description
     * @param lower95 see the record description
     * @param upper95 see the record description
     * @param lower998 see the record description
     * @param upper998 see the record description
     * @param position see the record description
     * @param clients see the record description
     * @param effect see the record description
     * @param effectSd see the record description
     * @param reliability see the record description
     * @param rankLower see the record description
     * @param rankUpper see the record description
     * @param remark see the record description
     * @throws IllegalArgumentException if a component is invalid (the message names it)
     */
    public Row {
      Checks.nonBlank("therapist", therapist);
      Checks.atLeast("n", n, 1);
      Checks.atLeast("clients", clients, n);
      Objects.requireNonNull(position, "position");
      Checks.finite("effect", effect);
      Checks.nonNegative("effectSd", effectSd);
      Checks.probability("reliability", reliability);
      Checks.atLeast("rankLower", rankLower, 1);
      Checks.atLeast("rankUpper", rankUpper, rankLower);
      Objects.requireNonNull(remark, "remark");
    }
  }

  /**
   * Validates the components and copies the lists.
   *
   * @param instrument see the record description
   * @param direction see the record description
   * @param outcome see the record description
   * @param limits see the record description
   * @param overdispersion see the record description
   * @param overall see the record description
   * @param cases see the record description
   * @param events see the record description
   * @param phi see the record description
   * @param tau2 see the record description
   * @param caseMix see the record description
   * @param icc see the record description
   * @param therapistSd see the record description
   * @param residualSd see the record description
   * @param fixedEffects see the record description
   * @param reliabilityTarget see the record description
   * @param caseloadForStableEstimate see the record description
   * @param therapists see the record description
   * @param note see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public TherapistComparison {
    Checks.nonBlank("instrument", instrument);
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(overdispersion, "overdispersion");
    Checks.probability("overall", overall);
    Checks.atLeast("cases", cases, 1);
    Checks.inRange("events", events, 0, cases);
    Checks.nonNegative("phi", phi);
    Checks.nonNegative("tau2", tau2);
    caseMix = List.copyOf(Checks.nonEmptyNoNulls("caseMix", caseMix));
    Objects.requireNonNull(icc, "icc");
    Checks.nonNegative("therapistSd", therapistSd);
    Checks.positive("residualSd", residualSd);
    fixedEffects = List.copyOf(Checks.nonEmptyNoNulls("fixedEffects", fixedEffects));
    Checks.openUnit("reliabilityTarget", reliabilityTarget);
    Objects.requireNonNull(caseloadForStableEstimate, "caseloadForStableEstimate");
    therapists = List.copyOf(Checks.nonEmptyNoNulls("therapists", therapists));
    Objects.requireNonNull(note, "note");
  }

  /**
   * Fits both models to the same data and joins them by therapist.
   *
   * @param data the clients, their therapists and scores
   * @param effects the end-score model's configuration
   * @param funnel the funnel's configuration
   * @param rng randomness for the rank intervals (and a bootstrap, if configured)
   * @return the comparison
   * @throws IllegalArgumentException as {@link TherapistEffects#fit} and {@link CaseMixFunnel#fit}
   */
  public static TherapistComparison compare(TherapistData data, TherapistEffects effects,
      CaseMixFunnel funnel, UniformRandomProvider rng) {
    Objects.requireNonNull(effects, "effects");
    Objects.requireNonNull(funnel, "funnel");
    FunnelFit f = funnel.fit(data);
    TherapistEffectsFit e = effects.fit(data, rng);
    return of(f, e);
  }

  /**
   * Joins a funnel and therapist effects fitted to the same data.
   *
   * @param funnel the funnel
   * @param effects the therapist effects
   * @return the comparison
   * @throws IllegalArgumentException if they do not hold the same therapists in the same order
   *     or are on different instruments
   */
  public static TherapistComparison of(FunnelFit funnel, TherapistEffectsFit effects) {
    Objects.requireNonNull(funnel, "funnel");
    Objects.requireNonNull(effects, "effects");
    if (!funnel.instrument().equals(effects.instrument())) {
      throw new IllegalArgumentException("the funnel is on " + funnel.instrument()
          + " but the therapist effects are on " + effects.instrument());
    }
    if (funnel.points().size() != effects.effects().size()) {
      throw new IllegalArgumentException("the funnel has " + funnel.points().size()
          + " therapists but the therapist effects have " + effects.effects().size());
    }
    List<Row> rows = new ArrayList<>();
    for (int j = 0; j < funnel.points().size(); j++) {
      FunnelPoint p = funnel.points().get(j);
      TherapistEffect t = effects.effects().get(j);
      if (!p.therapist().equals(t.therapist())) {
        throw new IllegalArgumentException("therapist " + (j + 1) + " is " + p.therapist()
            + " in the funnel but " + t.therapist() + " in the therapist effects");
      }
      rows.add(new Row(p.therapist(), p.cases(), p.observed(), p.expected(), p.adjusted(),
          p.lower95(), p.upper95(), p.lower998(), p.upper998(), p.position(), t.clients(),
          t.effect(), t.effectSd(), t.reliability(), t.rankLower(), t.rankUpper(), p.note()));
    }
    return new TherapistComparison(funnel.instrument(), effects.direction(), funnel.outcome(),
        funnel.limits(),
        funnel.overdispersion(), funnel.overall(), funnel.cases(), funnel.events(), funnel.phi(),
        funnel.tau2(), funnel.caseMix().coefficients(), effects.icc(), effects.therapistSd(),
        effects.residualSd(), effects.fixedEffects(), effects.reliabilityTarget().value(),
        effects.caseloadForReliability(), rows, NOTE);
  }

  /**
   * A plain-text report: the overall rate, the ICC, the stable caseload, one line per therapist,
   * and how to read it.
   *
   * @return the report
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    String nl = System.lineSeparator();
    sb.append(String.format(Locale.ROOT, "Therapists compared on %s (%s): %d therapists, %d cases,"
        + " overall rate %.1f %%%n", outcome.label(), instrument, therapists.size(), cases,
        100 * overall));
    sb.append(String.format(Locale.ROOT, "Share of variation in adjusted end scores between"
        + " therapists (ICC): %.1f %% (%.0f %% CI %.1f to %.1f %%, %s)%n", 100 * icc.estimate(),
        100 * icc.level(), 100 * icc.lower(), 100 * icc.upper(),
        icc.method() == IccInterval.PROFILE_LIKELIHOOD ? "profile likelihood"
            : icc.replicates() + " bootstrap replicates"));
    if (caseloadForStableEstimate.isPresent()) {
      sb.append(String.format(Locale.ROOT, "A therapist needs about %d clients for their own"
          + " estimate to reach reliability %.2f (Schiefele et al. 2017).%n",
          caseloadForStableEstimate.getAsInt(), reliabilityTarget));
    } else {
      sb.append("The therapists' effects are estimated at zero: no caseload is enough to tell"
          + " them apart in these data.").append(nl);
    }
    if (overdispersion != Overdispersion.NONE) {
      sb.append(String.format(Locale.ROOT, "Limits widened for over-dispersion (%s): phi %.3f,"
          + " tau2 %.5f%n", overdispersion.name().toLowerCase(Locale.ROOT), phi, tau2));
    }
    sb.append(String.format(Locale.ROOT, "effect: the therapist's shrunken difference in adjusted"
        + " end scores from the average therapist, in %s points (%s is favourable); rank range:"
        + " %.0f %% interval of the therapist's rank, 1 = most favourable%n", instrument,
        direction == Direction.HIGHER_IS_WORSE ? "lower" : "higher", 100 * icc.level()));
    sb.append(String.format(Locale.ROOT, "%-12s %5s %5s %8s %9s %17s %17s %8s %11s%n",
        "therapist", "n", "obs", "expected", "adjusted", "95% limits", "99.8% limits",
        "effect", "rank range"));
    for (Row r : therapists) {
      sb.append(String.format(Locale.ROOT,
          "%-12s %5d %5d %8.2f %8.1f%% %7.1f-%5.1f%% %7.1f-%5.1f%% %8.2f %5d-%-5d%s%n",
          r.therapist(), r.n(), r.observed(), r.expected(), 100 * r.adjusted(),
          100 * r.lower95(), 100 * r.upper95(), 100 * r.lower998(), 100 * r.upper998(),
          r.effect(), r.rankLower(), r.rankUpper(),
          r.position() == FunnelPosition.INSIDE_95 ? "" : "  " + r.remark()));
    }
    sb.append(note).append(nl);
    return sb.toString();
  }
}
