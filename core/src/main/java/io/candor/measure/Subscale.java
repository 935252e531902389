package io.candor.measure;

import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * One scale of a {@link MultiScaleInstrument}: which of the instrument's items it holds, which of
 * them are reverse-keyed, how their points add up ({@link ScaleScoring}), how many items may be
 * missing, its score bands, and its score properties as an {@link Instrument} (range, direction,
 * reliability, reference mean and SD, licence), so that everything Candor does with a single-scale
 * instrument (reliable change, {@link Instrument#improvement(double, double)}) works on a
 * subscale unchanged.
 *
 * <p>A scale whose item keys Candor does not hold (the proprietary Maslach Burnout Inventory) has
 * no {@link #items()}: its score can only be entered as a number ({@link #ofScore(double)}).
 *
 * <p>Missing items: when at most {@code maxMissing} of the scale's items are unanswered the score
 * comes from the answered ones ({@link ScaleScoring#score(double, int, int)}); with more, scoring
 * fails naming the missing items. The rule is a {@link Sourced} figure because manuals differ and
 * some are silent; the note says which.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id short identifier, unique within the instrument ("BO", "personal"); letters, digits
 *     and '-'
 * @param properties the scale's score properties; its range must match what the items and the
 *     scoring rule can give
 * @param responses how the instrument's answers are coded and scored
 * @param itemCount number of items in the scale (equal to {@code items.size()} when keyed)
 * @param items the instrument's item numbers (1-based) that make up the scale; empty when Candor
 *     holds no key
 * @param reversed the reverse-keyed items among {@code items}
 * @param scoring sum or mean
 * @param maxMissing how many of the scale's items may be missing, with its basis
 * @param bands named score ranges, if the scale has any
 */
public record Subscale(
    String id,
    Instrument properties,
    ResponseScale responses,
    int itemCount,
    List<Integer> items,
    Set<Integer> reversed,
    ScaleScoring scoring,
    Sourced maxMissing,
    Optional<ScaleBands> bands) {

  /**
   * Validates the key, the range and the bands.
   *
   * @param id short identifier, unique within the instrument ("BO", "personal"); letters, digits
   *     and '-'
   * @param properties the scale's score properties; its range must match what the items and the
   *     scoring rule can give
   * @param responses how the instrument's answers are coded and scored
   * @param itemCount number of items in the scale (equal to {@code items.size()} when keyed)
   * @param items the instrument's item numbers (1-based) that make up the scale; empty when Candor
   *     holds no key
   * @param reversed the reverse-keyed items among {@code items}
   * @param scoring sum or mean
   * @param maxMissing how many of the scale's items may be missing, with its basis
   * @param bands named score ranges, if the scale has any
   */
  public Subscale {
    Checks.nonBlank("id", id);
    if (!id.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException(
          "scale id may hold only letters, digits and '-', was " + Checks.quote(id));
    }
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(responses, "responses");
    Checks.atLeast(id + " itemCount", itemCount, 1);
    items = List.copyOf(Checks.noNulls("items", items));
    reversed = java.util.Collections.unmodifiableSortedSet(
        new TreeSet<>(Checks.noNulls("reversed", reversed)));
    Objects.requireNonNull(scoring, "scoring");
    Objects.requireNonNull(maxMissing, "maxMissing");
    Objects.requireNonNull(bands, "bands");
    if (!items.isEmpty() && items.size() != itemCount) {
      throw new IllegalArgumentException(
          id + " lists " + items.size() + " items but itemCount is " + itemCount);
    }
    if (items.stream().distinct().count() != items.size()) {
      throw new IllegalArgumentException(id + " lists an item twice: " + items);
    }
    for (int item : items) {
      Checks.atLeast(id + " item number", item, 1);
    }
    for (int r : reversed) {
      if (!items.contains(r)) {
        throw new IllegalArgumentException(
            id + ": reverse-keyed item " + r + " is not one of its items " + items);
      }
    }
    double m = maxMissing.value();
    if (m != Math.rint(m) || m < 0 || m > itemCount - 1) {
      throw new IllegalArgumentException(id + ": maxMissing must be a whole number from 0 to "
          + (itemCount - 1) + ", was " + Checks.fmt(m));
    }
    double lo = scoring == ScaleScoring.SUM ? itemCount * responses.minPoints() : responses.minPoints();
    double hi = scoring == ScaleScoring.SUM ? itemCount * responses.maxPoints() : responses.maxPoints();
    if (properties.minScore() != lo || properties.maxScore() != hi) {
      throw new IllegalArgumentException(id + ": " + itemCount + " items scored by "
          + scoring.name().toLowerCase(java.util.Locale.ROOT) + " give " + Checks.fmt(lo) + "-"
          + Checks.fmt(hi) + " but the properties' range is " + Checks.fmt(properties.minScore())
          + "-" + Checks.fmt(properties.maxScore()));
    }
    bands.ifPresent(b -> {
      for (Sourced c : b.cuts()) {
        if (!(c.value() > lo && c.value() <= hi)) {
          throw new IllegalArgumentException(id + ": band cut " + Checks.fmt(c.value())
              + " must lie above " + Checks.fmt(lo) + " and at most " + Checks.fmt(hi));
        }
      }
    });
  }

  /**
   * The smallest step between possible scores under a scoring rule and missing-item rule: the
   * item step for a complete sum; for a mean (or a prorated sum) the item step divided by the
   * least common multiple of the possible numbers of answered items.
   *
   * @param responses the response scale
   * @param itemCount items in the scale
   * @param scoring the scoring rule
   * @param maxMissing how many items may be missing
   * @return the resolution
   */
  public static double resolutionFor(
      ResponseScale responses, int itemCount, ScaleScoring scoring, int maxMissing) {
    Objects.requireNonNull(responses, "responses");
    Objects.requireNonNull(scoring, "scoring");
    Checks.atLeast("itemCount", itemCount, 1);
    Checks.inRange("maxMissing", maxMissing, 0, itemCount - 1);
    long lcm = 1;
    for (int k = itemCount - maxMissing; k <= itemCount; k++) {
      lcm = lcm / gcd(lcm, k) * k;
    }
    double step = responses.step();
    if (scoring == ScaleScoring.SUM) {
      return maxMissing == 0 ? step : step * itemCount / lcm;
    }
    return step / lcm;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /**
   * The scale's full name ("Burnout").
   *
   * @return the name of its properties
   */
  public String name() {
    return properties.name();
  }

  /**
   * Whether Candor holds the scale's item key (so it can score item responses).
   *
   * @return true when {@link #items()} is not empty
   */
  public boolean keyed() {
    return !items.isEmpty();
  }

  /**
   * The band label of a score, if the scale has bands.
   *
   * @param score a score on the scale
   * @return the label, or empty
   * @throws IllegalArgumentException if the score is outside the scale's range
   */
  public Optional<String> band(double score) {
    properties.checkScore("score", score);
    return bands.map(b -> b.label(score));
  }

  /**
   * The range of band {@code i} in words ("23-41", "50 or above").
   *
   * @param i the band index
   * @return the range text
   * @throws IllegalStateException if the scale has no bands
   */
  public String bandRange(int i) {
    return bands.orElseThrow(() -> new IllegalStateException(name() + " has no bands"))
        .range(i, properties.minScore(), properties.maxScore(), properties.resolution());
  }

  /**
   * Scores the scale from the whole instrument's responses (item 1 first, an empty value for an
   * unanswered item). Responses are assumed to be in range (the instrument checks them).
   *
   * @param responses every item's response
   * @param instrumentId the instrument's id, for messages
   * @return the score
   * @throws IllegalStateException if Candor holds no key for this scale
   * @throws IllegalArgumentException if more items are missing than the rule allows, or an item
   *     number lies beyond the responses
   */
  public ScaleScore score(List<OptionalInt> responses, String instrumentId) {
    Objects.requireNonNull(responses, "responses");
    Objects.requireNonNull(instrumentId, "instrumentId");
    if (!keyed()) {
      throw new IllegalStateException(instrumentId + " " + name() + ": Candor holds no item key"
          + " for this scale; enter its score instead");
    }
    double sum = 0;
    int answered = 0;
    List<Integer> missing = new ArrayList<>();
    for (int item : items) {
      if (item > responses.size()) {
        throw new IllegalArgumentException(instrumentId + " " + name() + " needs item " + item
            + " but only " + responses.size() + " responses were given");
      }
      OptionalInt r = responses.get(item - 1);
      if (r.isPresent()) {
        sum += reversed.contains(item) ? this.responses.reversedPoints(r.getAsInt())
            : this.responses.points(r.getAsInt());
        answered++;
      } else {
        missing.add(item);
      }
    }
    int allowed = (int) maxMissing.value();
    if (missing.size() > allowed) {
      throw new IllegalArgumentException(instrumentId + " " + name() + ": " + missing.size()
          + " of " + itemCount + " items are missing (item" + (missing.size() == 1 ? " " : "s ")
          + String.join(", ", missing.stream().map(String::valueOf).toList()) + "); "
          + (allowed == 0 ? "every item must be answered" : "at most " + allowed + " may be")
          + " (" + maxMissing.note() + ")");
    }
    double score = scoring.score(sum, answered, itemCount);
    return new ScaleScore(id, score, OptionalInt.of(answered), !missing.isEmpty(), band(score));
  }

  /**
   * A scale score entered as a number (a scale without an item key, or one scored elsewhere).
   *
   * @param score the score
   * @return the score with its band
   * @throws IllegalArgumentException if the score is outside the range or off the scale's grid
   *     of possible scores
   */
  public ScaleScore ofScore(double score) {
    properties.checkScore(name() + " score", score);
    double res = properties.resolution();
    double steps = (score - properties.minScore()) / res;
    if (Math.abs(steps - Math.rint(steps)) > 1e-6) {
      throw new IllegalArgumentException(properties.id() + " score must be a multiple of "
          + Checks.fmt(res) + " from " + Checks.fmt(properties.minScore()) + ", was "
          + Checks.fmt(score));
    }
    return new ScaleScore(id, score, OptionalInt.empty(), false, band(score));
  }
}
