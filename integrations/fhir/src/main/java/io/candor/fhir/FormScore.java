package io.candor.fhir;

import io.candor.measure.RiskFlag;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The score of one completed questionnaire: the total by the instrument's item scoring (prorated
 * where the instrument allows it), the raw responses, and the risk flags.
 *
 * <p>Immutable and thread-safe.
 *
 * @param form the form that was scored
 * @param total the total (possibly prorated)
 * @param answered how many items were answered
 * @param prorated whether missing items were prorated
 * @param responses the raw response to each item, item 1 first; empty where not answered
 * @param riskFlags risk items answered above zero or not answered (see {@link RiskFlag})
 */
public record FormScore(
    LoincForm form, double total, int answered, boolean prorated, List<OptionalInt> responses,
    List<RiskFlag> riskFlags) {

  /**
   * Copies the lists and checks for nulls.
   *
   * @param form the form that was scored
   * @param total the total (possibly prorated)
   * @param answered how many items were answered
   * @param prorated whether missing items were prorated
   * @param responses the raw response to each item, item 1 first; empty where not answered
   * @param riskFlags risk items answered above zero or not answered (see {@link RiskFlag})
   */
  public FormScore {
    Objects.requireNonNull(form, "form");
    responses = List.copyOf(responses);
    riskFlags = List.copyOf(riskFlags);
  }
}
