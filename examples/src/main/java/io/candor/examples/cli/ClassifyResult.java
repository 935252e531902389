package io.candor.examples.cli;

import io.candor.change.Classification;
import io.candor.change.ClinicalCutoff;
import io.candor.change.CriterionClassification;
import io.candor.change.ReliableChangeMethod;
import io.candor.evidence.Citation;
import io.candor.evidence.Sourced;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code candor classify --pre --post} writes with {@code --json}: one client's change judged
 * by the instrument's own reliable-change criterion and by every reliable-change method, with the
 * cutoff and the sources.
 *
 * @param instrument the instrument
 * @param pre the pre-treatment score
 * @param post the post-treatment score
 * @param direction whether higher scores are worse or better
 * @param classified whether the criterion or at least one method gave a verdict
 * @param cutoff the clinical cutoff used
 * @param publishedReliableChange the instrument's published reliable-change threshold, if any
 * @param criterion the verdict by the instrument's own criterion, when it has one
 * @param criterionNotAvailable why the instrument has no criterion, when it has none
 * @param methods one result per method, available or not
 * @param sources the sources of the figures used
 */
public record ClassifyResult(
    Instrument instrument,
    double pre,
    double post,
    Direction direction,
    boolean classified,
    ClinicalCutoff cutoff,
    Optional<Sourced> publishedReliableChange,
    Optional<CriterionClassification> criterion,
    Optional<String> criterionNotAvailable,
    List<MethodResult> methods,
    List<String> sources) {

  /**
   * Validates the components.
   *
   * @param instrument the instrument
   * @param pre the pre-treatment score
   * @param post the post-treatment score
   * @param direction whether higher scores are worse or better
   * @param classified whether the criterion or at least one method gave a verdict
   * @param cutoff the clinical cutoff used
   * @param publishedReliableChange the instrument's published reliable-change threshold, if any
   * @param criterion the verdict by the instrument's own criterion, when it has one
   * @param criterionNotAvailable why the instrument has no criterion, when it has none
   * @param methods one result per method, available or not
   * @param sources the sources of the figures used
   */
  public ClassifyResult {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(cutoff, "cutoff");
    Objects.requireNonNull(publishedReliableChange, "publishedReliableChange");
    Objects.requireNonNull(criterion, "criterion");
    Objects.requireNonNull(criterionNotAvailable, "criterionNotAvailable");
    methods = List.copyOf(methods);
    sources = List.copyOf(sources);
  }

  /**
   * One method's result.
   *
   * @param method the method
   * @param abbreviation its short name (JT, GLN, ...)
   * @param needsCohort whether the method needs cohort statistics
   * @param classification the classification, when the method could be applied
   * @param notAvailable why the method could not be applied (the inputs it lacks)
   * @param source the method's citation
   */
  public record MethodResult(
      ReliableChangeMethod method,
      String abbreviation,
      boolean needsCohort,
      Optional<Classification> classification,
      Optional<String> notAvailable,
      Citation source) {

    /**
     * Validates the components.
     *
     * @param method the method
     * @param abbreviation its short name (JT, GLN, ...)
     * @param needsCohort whether the method needs cohort statistics
     * @param classification the classification, when the method could be applied
     * @param notAvailable why the method could not be applied (the inputs it lacks)
     * @param source the method's citation
     */
    public MethodResult {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(classification, "classification");
      Objects.requireNonNull(notAvailable, "notAvailable");
      if (classification.isPresent() == notAvailable.isPresent()) {
        throw new IllegalArgumentException("a method result has a classification or a reason it"
            + " is not available, not both or neither");
      }
    }
  }
}
