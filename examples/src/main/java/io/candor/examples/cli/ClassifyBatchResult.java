package io.candor.examples.cli;

import io.candor.change.ChangeCategory;
import io.candor.change.ClinicalCutoff;
import io.candor.change.MethodComparison;
import io.candor.change.ReliableChangeMethod;
import io.candor.change.TalkingTherapiesRates;
import io.candor.domain.ClientId;
import io.candor.evidence.Sourced;
import io.candor.measure.Instrument;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code candor classify --input FILE} writes with {@code --json}: every client's first
 * against last score, the method comparison on the cohort statistics of the file, the NHS Talking
 * Therapies metrics with a paired measure, and each client's categories.
 *
 * @param instrument the instrument
 * @param clients clients with two or more scores (classified)
 * @param leftOutSingleScore clients with a single score, left out
 * @param criterionThreshold the instrument's own reliable-change threshold, when it has one
 * @param criterionNotAvailable why the instrument has no criterion, when it has none
 * @param cutoff the clinical cutoff used
 * @param comparison the method comparison (counts per category and method, statistics, notes)
 * @param talkingTherapies the NHS Talking Therapies rates, with a paired measure
 * @param perClient each client's categories
 */
public record ClassifyBatchResult(
    Instrument instrument,
    int clients,
    int leftOutSingleScore,
    Optional<Sourced> criterionThreshold,
    Optional<String> criterionNotAvailable,
    ClinicalCutoff cutoff,
    MethodComparison comparison,
    Optional<TalkingTherapiesRates> talkingTherapies,
    List<Client> perClient) {

  /**
   * Validates the components.
   *
   * @param instrument the instrument
   * @param clients clients with two or more scores (classified)
   * @param leftOutSingleScore clients with a single score, left out
   * @param criterionThreshold the instrument's own reliable-change threshold, when it has one
   * @param criterionNotAvailable why the instrument has no criterion, when it has none
   * @param cutoff the clinical cutoff used
   * @param comparison the method comparison (counts per category and method, statistics, notes)
   * @param talkingTherapies the NHS Talking Therapies rates, with a paired measure
   * @param perClient each client's categories
   */
  public ClassifyBatchResult {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(criterionThreshold, "criterionThreshold");
    Objects.requireNonNull(criterionNotAvailable, "criterionNotAvailable");
    Objects.requireNonNull(cutoff, "cutoff");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(talkingTherapies, "talkingTherapies");
    perClient = List.copyOf(perClient);
  }

  /**
   * One client's first and last score and the categories.
   *
   * @param client the client
   * @param pre the first score
   * @param post the last score
   * @param observations the client's scored sessions
   * @param criterion the category by the instrument's own criterion, when it has one
   * @param methods the category under each method that could be applied
   */
  public record Client(
      ClientId client,
      double pre,
      double post,
      int observations,
      Optional<ChangeCategory> criterion,
      Map<ReliableChangeMethod, ChangeCategory> methods) {

    /**
     * Validates the components.
     *
     * @param client the client
     * @param pre the first score
     * @param post the last score
     * @param observations the client's scored sessions
     * @param criterion the category by the instrument's own criterion, when it has one
     * @param methods the category under each method that could be applied
     */
    public Client {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(criterion, "criterion");
      methods = Collections.unmodifiableMap(methods.isEmpty()
          ? new EnumMap<>(ReliableChangeMethod.class) : new EnumMap<>(methods));
    }
  }
}
