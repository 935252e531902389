package io.candor.expectation;

import io.candor.internal.Checks;
import io.candor.measure.RiskFlag;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the report saw of the instrument's risk items (PHQ-9 item 9, CORE-10 item 6): whether item
 * responses were given, which items ask about risk, and a {@link RiskFlag} for every risk item
 * answered above its lowest response or left unanswered.
 *
 * <p>There is no risk score, no risk level and no prediction here, by design (NICE NG225,
 * recommendations 1.6.1–1.6.4). A flag asks for a clinician's review and is shown whatever the
 * total score and however good the other numbers look. No flag is not reassurance: most people who
 * died by suicide in a large cohort had answered "not at all" on their latest PHQ-9 item 9 (Louzon
 * et al. 2016: 71.6 %), and every renderer says so whenever it saw the items.
 *
 * <p>Immutable and thread-safe.
 *
 * @param itemsSeen whether item responses were given
 * @param itemsSession the session of the responses, when known
 * @param riskItems the instrument's risk items (1-based), possibly none
 * @param flags one flag per risk item answered above its lowest response or not answered
 */
public record RiskReview(boolean itemsSeen, OptionalInt itemsSession, List<Integer> riskItems,
    List<RiskFlag> flags) {

  /**
   * Validates.
   *
   * @param itemsSeen whether item responses were given
   * @param itemsSession the session of the responses, when known
   * @param riskItems the instrument's risk items (1-based), possibly none
   * @param flags one flag per risk item answered above its lowest response or not answered
   * @throws IllegalArgumentException if flags are given without items
   */
  public RiskReview {
    Objects.requireNonNull(itemsSession, "itemsSession");
    riskItems = List.copyOf(Checks.noNulls("riskItems", riskItems));
    flags = List.copyOf(Checks.noNulls("flags", flags));
    if (!itemsSeen && (!flags.isEmpty() || itemsSession.isPresent())) {
      throw new IllegalArgumentException("risk flags and an items session need item responses");
    }
  }

  /**
   * Whether any flag asks for a clinician's review.
   *
   * @return true when at least one risk item was answered above its lowest response or left
   *     unanswered
   */
  public boolean needsReview() {
    return !flags.isEmpty();
  }
}
