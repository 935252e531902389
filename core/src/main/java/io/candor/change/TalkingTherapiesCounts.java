package io.candor.change;

import java.util.Objects;
import java.util.Optional;

/**
 * The counts behind {@link TalkingTherapiesRates}: how many episodes, how many finished treatment,
 * and how many of those met each metric. Counts add up exactly, so episodes can be counted in
 * parts (per thread, per partition of a distributed data set) and {@link #plus(TalkingTherapiesCounts)
 * added}; {@link #rates()} then gives the same rates as {@link TalkingTherapies#rates} on all
 * episodes at once.
 *
 * <p>Immutable and thread-safe.
 *
 * @param episodes episodes counted
 * @param finishedTreatment episodes that finished treatment
 * @param caseAtStart episodes that finished treatment at caseness at the start
 * @param recovered of those at caseness, how many recovered
 * @param reliablyRecovered of those at caseness, how many recovered reliably
 * @param reliablyImproved of those that finished, how many improved reliably
 * @param reliablyDeteriorated of those that finished, how many deteriorated reliably
 */
public record TalkingTherapiesCounts(
    long episodes,
    long finishedTreatment,
    long caseAtStart,
    long recovered,
    long reliablyRecovered,
    long reliablyImproved,
    long reliablyDeteriorated) {

  /** No episodes. */
  public static final TalkingTherapiesCounts NONE = new TalkingTherapiesCounts(0, 0, 0, 0, 0, 0, 0);

  /**
   * Validates that every count is within its denominator.
   *
   * @param episodes episodes counted
   * @param finishedTreatment episodes that finished treatment
   * @param caseAtStart episodes that finished treatment at caseness at the start
   * @param recovered of those at caseness, how many recovered
   * @param reliablyRecovered of those at caseness, how many recovered reliably
   * @param reliablyImproved of those that finished, how many improved reliably
   * @param reliablyDeteriorated of those that finished, how many deteriorated reliably
   * @throws IllegalArgumentException naming the first count out of range
   */
  public TalkingTherapiesCounts {
    if (episodes < 0) {
      throw new IllegalArgumentException("episodes must be >= 0, was " + episodes);
    }
    within("finishedTreatment", finishedTreatment, episodes);
    within("caseAtStart", caseAtStart, finishedTreatment);
    within("recovered", recovered, caseAtStart);
    within("reliablyRecovered", reliablyRecovered, recovered);
    within("reliablyImproved", reliablyImproved, finishedTreatment);
    within("reliablyDeteriorated", reliablyDeteriorated, finishedTreatment);
  }

  private static void within(String name, long value, long max) {
    if (value < 0 || value > max) {
      throw new IllegalArgumentException(name + " must be 0-" + max + ", was " + value);
    }
  }

  /**
   * The counts of one episode.
   *
   * @param outcome the episode's outcome ({@link TalkingTherapies#outcome(PairedMeasures)})
   * @return counts of one episode
   */
  public static TalkingTherapiesCounts of(TalkingTherapiesOutcome outcome) {
    Objects.requireNonNull(outcome, "outcome");
    if (!outcome.finishedTreatment()) {
      return new TalkingTherapiesCounts(1, 0, 0, 0, 0, 0, 0);
    }
    boolean atCase = outcome.caseAtStart();
    return new TalkingTherapiesCounts(1, 1, atCase ? 1 : 0,
        atCase && outcome.recovered() ? 1 : 0, atCase && outcome.reliablyRecovered() ? 1 : 0,
        outcome.reliablyImproved() ? 1 : 0, outcome.reliablyDeteriorated() ? 1 : 0);
  }

  /**
   * The sum of two sets of counts.
   *
   * @param other the other counts
   * @return the sum
   */
  public TalkingTherapiesCounts plus(TalkingTherapiesCounts other) {
    Objects.requireNonNull(other, "other");
    return new TalkingTherapiesCounts(episodes + other.episodes,
        finishedTreatment + other.finishedTreatment, caseAtStart + other.caseAtStart,
        recovered + other.recovered, reliablyRecovered + other.reliablyRecovered,
        reliablyImproved + other.reliablyImproved, reliablyDeteriorated + other.reliablyDeteriorated);
  }

  /**
   * The rates with Wilson 95 % intervals (empty where the denominator is zero).
   *
   * @return the rates
   * @throws IllegalArgumentException if a count exceeds {@link Integer#MAX_VALUE}
   */
  public TalkingTherapiesRates rates() {
    return new TalkingTherapiesRates(toInt("episodes", episodes),
        toInt("finishedTreatment", finishedTreatment), toInt("caseAtStart", caseAtStart),
        rate(recovered, caseAtStart), rate(reliablyImproved, finishedTreatment),
        rate(reliablyRecovered, caseAtStart), rate(reliablyDeteriorated, finishedTreatment));
  }

  private static Optional<Rate> rate(long count, long denominator) {
    return denominator == 0 ? Optional.empty()
        : Optional.of(Rate.wilson(toInt("count", count), toInt("denominator", denominator)));
  }

  private static int toInt(String name, long v) {
    if (v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be at most " + Integer.MAX_VALUE + " for a"
          + " rate, was " + v);
    }
    return (int) v;
  }
}
