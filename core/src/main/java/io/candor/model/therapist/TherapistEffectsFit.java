package io.candor.model.therapist;

import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import io.candor.measure.Direction;
import io.candor.model.Convergence;
import io.candor.model.growth.Estimation;
import io.candor.model.growth.FixedEffect;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Therapist effects on end-of-treatment scores, lme4's
 * {@code lmer(post ~ pre + covariates + (1 | therapist))}: the fixed effects, the therapist and
 * residual SDs, the intraclass correlation with its interval, each therapist's shrunken effect with
 * its uncertainty and rank interval, and the caseload a therapist needs before their own estimate
 * is reliable.
 *
 * <p>Immutable and thread-safe.
 *
 * @param estimation REML or ML
 * @param instrument the instrument's id
 * @param direction the instrument's direction: which end scores are favourable (rank 1)
 * @param clients number of clients
 * @param therapists number of therapists
 * @param fixedEffects intercept, {@code pre}, then the covariates
 * @param therapistSd SD τ of the therapists' effects
 * @param residualSd residual SD σ
 * @param icc the intraclass correlation with its interval
 * @param reliabilityTarget the reliability a therapist's estimate should reach to be called stable
 * @param caseloadForReliability the smallest caseload n with τ²/(τ² + σ²/n) at least the target,
 *     n = ⌈R/(1 − R) · σ²/τ²⌉; empty when τ = 0 (no caseload is enough to tell therapists apart)
 * @param effects one entry per therapist, in the data's therapist order
 * @param rankDraws draws from the effects' conditional distributions used for the rank intervals
 * @param boundary whether τ is (numerically) zero
 * @param convergence how the optimisation ended
 * @see io.candor.evidence.Citations#SCHIEFELE_2017
 * @see io.candor.evidence.Citations#GOLDSTEIN_1996
 */
public record TherapistEffectsFit(
    Estimation estimation,
    String instrument,
    Direction direction,
    int clients,
    int therapists,
    List<FixedEffect> fixedEffects,
    double therapistSd,
    double residualSd,
    IccEstimate icc,
    Sourced reliabilityTarget,
    OptionalInt caseloadForReliability,
    List<TherapistEffect> effects,
    int rankDraws,
    boolean boundary,
    Convergence convergence) {

  /**
   * Validates the components and copies the lists.
   *
   * @param estimation see the record description
   * @param instrument see the record description
   * @param direction see the record description
   * @param clients see the record description
   * @param therapists see the record description
   * @param fixedEffects see the record description
   * @param therapistSd see the record description
   * @param residualSd see the record description
   * @param icc see the record description
   * @param reliabilityTarget see the record description
   * @param caseloadForReliability see the record description
   * @param effects see the record description
   * @param rankDraws see the record description
   * @param boundary see the record description
   * @param convergence see the record description
   * @throws IllegalArgumentException if a component is invalid (the message names it)
   */
  public TherapistEffectsFit {
    Objects.requireNonNull(estimation, "estimation");
    Checks.nonBlank("instrument", instrument);
    Objects.requireNonNull(direction, "direction");
    Checks.atLeast("therapists", therapists, 2);
    Checks.atLeast("clients", clients, therapists);
    fixedEffects = List.copyOf(Checks.nonEmptyNoNulls("fixedEffects", fixedEffects));
    Checks.nonNegative("therapistSd", therapistSd);
    Checks.positive("residualSd", residualSd);
    Objects.requireNonNull(icc, "icc");
    Objects.requireNonNull(reliabilityTarget, "reliabilityTarget");
    Checks.openUnit("reliabilityTarget", reliabilityTarget.value());
    Objects.requireNonNull(caseloadForReliability, "caseloadForReliability");
    effects = List.copyOf(Checks.noNulls("effects", effects));
    if (effects.size() != therapists) {
      throw new IllegalArgumentException(effects.size() + " effects for " + therapists
          + " therapists");
    }
    Checks.atLeast("rankDraws", rankDraws, 1);
    Objects.requireNonNull(convergence, "convergence");
  }

  /**
   * The effect of one therapist.
   *
   * @param therapist the therapist's id
   * @return the effect
   * @throws IllegalArgumentException if there is no such therapist
   */
  public TherapistEffect effect(String therapist) {
    for (TherapistEffect e : effects) {
      if (e.therapist().equals(therapist)) {
        return e;
      }
    }
    throw new IllegalArgumentException("no therapist " + therapist + " in the fit");
  }
}
