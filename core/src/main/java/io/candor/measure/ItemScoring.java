package io.candor.measure;

import io.candor.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an instrument's item responses add up to its total: number of items, the response range,
 * which items are reverse-scored, and how many missing items may be prorated.
 *
 * <p>Proration, where the instrument defines it, replaces the missing items by the mean of the
 * answered ones: {@code total = (sum of answered) × items / answered}. The result is not rounded
 * (round it yourself if your service's rule says so). When more items are missing than the rule
 * allows, scoring fails with a message naming the count.
 *
 * <p>Risk items (PHQ-9 item 9, CORE-10 item 6) are declared by the instrument; {@link
 * #riskFlags(List)} turns their raw responses into {@link RiskFlag}s for clinician review. A risk
 * item still counts towards the total like any other item; the flag is in addition to the total,
 * never folded into it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param items number of items
 * @param itemMin lowest response
 * @param itemMax highest response
 * @param reversed 1-based numbers of reverse-scored items (scored {@code itemMin + itemMax − x})
 * @param maxProratedMissing how many missing items may be prorated (0: none)
 * @param instrumentId the instrument's id, for messages
 * @param riskItems 1-based numbers of the items that ask about risk (self-harm, suicide), whose
 *     answers need a clinician's review; not reverse-scored
 */
public record ItemScoring(
    int items, int itemMin, int itemMax, Set<Integer> reversed, int maxProratedMissing,
    String instrumentId, Set<Integer> riskItems) {

  /**
   * Validates the rule.
   *
   * @param items number of items
   * @param itemMin lowest response
   * @param itemMax highest response
   * @param reversed 1-based numbers of reverse-scored items (scored {@code itemMin + itemMax − x})
   * @param maxProratedMissing how many missing items may be prorated (0: none)
   * @param instrumentId the instrument's id, for messages
   * @param riskItems 1-based numbers of the items that ask about risk (self-harm, suicide), whose
   *     answers need a clinician's review; not reverse-scored
   * @throws IllegalArgumentException naming the first component that is out of range
   */
  public ItemScoring {
    Checks.atLeast("items", items, 1);
    if (itemMax <= itemMin) {
      throw new IllegalArgumentException("itemMax must be above itemMin " + itemMin + ", was " + itemMax);
    }
    // totals, and the reverse-scoring sum itemMin + itemMax, must be whole numbers of int range
    wholeTotal("items x itemMin", (long) items * itemMin);
    wholeTotal("items x itemMax", (long) items * itemMax);
    wholeTotal("itemMin + itemMax", (long) itemMin + itemMax);
    reversed = Set.copyOf(new TreeSet<>(Checks.noNulls("reversed", reversed)));
    for (int r : reversed) {
      Checks.inRange("reversed item", r, 1, items);
    }
    Checks.inRange("maxProratedMissing", maxProratedMissing, 0, items - 1);
    Checks.nonBlank("instrumentId", instrumentId);
    riskItems = Set.copyOf(new TreeSet<>(Checks.noNulls("riskItems", riskItems)));
    for (int r : riskItems) {
      Checks.inRange("risk item", r, 1, items);
      if (reversed.contains(r)) {
        throw new IllegalArgumentException(
            instrumentId + ": risk item " + r + " must not be reverse-scored: its raw response is"
                + " what the clinician reviews");
      }
    }
  }

  private static void wholeTotal(String what, long value) {
    if (value != (int) value) {
      throw new IllegalArgumentException(what + " must be within " + Integer.MIN_VALUE + " and "
          + Integer.MAX_VALUE + ", was " + value);
    }
  }

  /**
   * A rule without risk items.
   *
   * @param items number of items
   * @param itemMin lowest response
   * @param itemMax highest response
   * @param reversed 1-based numbers of reverse-scored items
   * @param maxProratedMissing how many missing items may be prorated (0: none)
   * @param instrumentId the instrument's id, for messages
   * @throws IllegalArgumentException naming the first component that is out of range
   */
  public ItemScoring(
      int items, int itemMin, int itemMax, Set<Integer> reversed, int maxProratedMissing,
      String instrumentId) {
    this(items, itemMin, itemMax, reversed, maxProratedMissing, instrumentId, Set.of());
  }

  /**
   * A copy that declares these risk items.
   *
   * @param items 1-based item numbers
   * @return the copy
   * @throws IllegalArgumentException if an item is out of range or reverse-scored
   */
  public ItemScoring withRiskItems(Integer... items) {
    return new ItemScoring(this.items, itemMin, itemMax, reversed, maxProratedMissing,
        instrumentId, Set.of(items));
  }

  /**
   * The risk flags raised by a set of responses (item 1 first, missing items empty): one for every
   * risk item answered above {@link #itemMin()} and one for every risk item not answered, in item
   * order. An empty list means only that no risk item was answered above its lowest response; it
   * is not reassurance (see {@link RiskFlag}).
   *
   * @param responses one entry per item; may be scored or not, the flags do not depend on it
   * @return the flags, possibly empty
   * @throws IllegalArgumentException if the count is wrong or a response is out of range
   */
  public List<RiskFlag> riskFlags(List<OptionalInt> responses) {
    Checks.noNulls("responses", responses);
    checkCount(responses.size());
    List<RiskFlag> flags = new ArrayList<>(riskItems.size());
    for (int i = 0; i < responses.size(); i++) {
      OptionalInt r = responses.get(i);
      int item = i + 1;
      if (r.isPresent()) {
        scored(item, r.getAsInt());
      }
      if (riskItems.contains(item) && (r.isEmpty() || r.getAsInt() > itemMin)) {
        flags.add(new RiskFlag(instrumentId, item, r));
      }
    }
    return List.copyOf(flags);
  }

  /**
   * Lowest possible total.
   *
   * @return items × itemMin
   */
  public int minTotal() {
    return items * itemMin;
  }

  /**
   * Highest possible total.
   *
   * @return items × itemMax
   */
  public int maxTotal() {
    return items * itemMax;
  }

  /**
   * Scores a complete set of responses, item 1 first.
   *
   * @param responses one response per item, item 1 first
   * @return the total
   * @throws IllegalArgumentException if the count is wrong or a response is out of range, naming
   *     the item
   */
  public int score(int... responses) {
    Objects.requireNonNull(responses, "responses");
    checkCount(responses.length);
    int total = 0;
    for (int i = 0; i < responses.length; i++) {
      total += scored(i + 1, responses[i]);
    }
    return total;
  }

  /**
   * Scores responses some of which may be missing ({@link OptionalInt#empty()}), prorating when the
   * instrument allows it.
   *
   * @param responses one response per item, item 1 first; empty where missing
   * @return the total and how it was reached
   * @throws IllegalArgumentException if the count is wrong, a response is out of range, or more
   *     items are missing than the rule allows
   */
  public ItemScore score(List<OptionalInt> responses) {
    Checks.noNulls("responses", responses);
    checkCount(responses.size());
    int sum = 0;
    int answered = 0;
    for (int i = 0; i < responses.size(); i++) {
      OptionalInt r = responses.get(i);
      if (r.isPresent()) {
        sum += scored(i + 1, r.getAsInt());
        answered++;
      }
    }
    int missing = items - answered;
    if (missing == 0) {
      return new ItemScore(sum, items, false);
    }
    if (missing > maxProratedMissing) {
      throw new IllegalArgumentException(
          instrumentId + ": " + missing + " of " + items + " items are missing; "
              + (maxProratedMissing == 0
                  ? "the instrument defines no proration, so every item must be answered"
                  : "at most " + maxProratedMissing + " may be missing for a prorated score"));
    }
    return new ItemScore(sum * (double) items / answered, answered, true);
  }

  private void checkCount(int n) {
    if (n != items) {
      throw new IllegalArgumentException(
          instrumentId + " needs exactly " + items + " item responses, was " + n);
    }
  }

  private int scored(int item, int response) {
    if (response < itemMin || response > itemMax) {
      throw new IllegalArgumentException(
          instrumentId + " item " + item + " must be " + itemMin + "-" + itemMax + ", was " + response);
    }
    return reversed.contains(item) ? itemMin + itemMax - response : response;
  }

  /**
   * A total from item responses.
   *
   * @param total the (possibly prorated) total
   * @param answered how many items were answered
   * @param prorated whether missing items were prorated
   */
  public record ItemScore(double total, int answered, boolean prorated) {}
}
