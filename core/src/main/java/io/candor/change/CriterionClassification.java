package io.candor.change;

import io.candor.evidence.Sourced;
import java.util.Objects;

/**
 * One client's change judged by the instrument's own reliable-change threshold ({@link
 * ClinicalEvents}: the published threshold in points, else Jacobson–Truax from the clinical norms)
 * and a clinical-significance cutoff: the verdict that services such as NHS Talking Therapies use,
 * which needs no cohort statistics. Built by {@link ClinicalChange#classifyByCriterion}.
 *
 * <p>The category follows the same rules as {@link Classification}: recovered = clinical before,
 * functional after and reliably improved; harmed = not clinical before, not functional after and
 * reliably deteriorated.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pre pre-treatment score
 * @param post post-treatment score
 * @param threshold the reliable-change threshold in points, with its source
 * @param improvement the change signed so that a positive value is an improvement
 * @param improved whether the change is a reliable improvement
 * @param deteriorated whether the change is a reliable deterioration
 * @param cutoff the clinical-significance cutoff used
 * @param clinicalPre whether the pre score is in the clinical range
 * @param functionalPost whether the post score is in the functional range
 * @param category the resulting category
 */
public record CriterionClassification(
    double pre,
    double post,
    Sourced threshold,
    double improvement,
    boolean improved,
    boolean deteriorated,
    ClinicalCutoff cutoff,
    boolean clinicalPre,
    boolean functionalPost,
    ChangeCategory category) {

  /**
   * Validates the components.
   *
   * @param pre see the record description
   * @param post see the record description
   * @param threshold see the record description
   * @param improvement see the record description
   * @param improved see the record description
   * @param deteriorated see the record description
   * @param cutoff see the record description
   * @param clinicalPre see the record description
   * @param functionalPost see the record description
   * @param category see the record description
   */
  public CriterionClassification {
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(cutoff, "cutoff");
    Objects.requireNonNull(category, "category");
    if (improved && deteriorated) {
      throw new IllegalArgumentException("a change cannot be both improved and deteriorated");
    }
  }
}
