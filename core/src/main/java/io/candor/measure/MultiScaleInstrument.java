package io.candor.measure;

import io.candor.evidence.Statement;
import io.candor.internal.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A questionnaire with several scales scored from one set of item responses, such as the
 * Professional Quality of Life scale (three scales of ten items each) or the Copenhagen Burnout
 * Inventory (three scales of six or seven items). Single-scale instruments stay {@link Instrument}s;
 * each scale here carries an {@link Instrument} of its own ({@link Subscale#properties()}), so
 * reliable change and the rest of Candor work per scale.
 *
 * <p>Candor holds the scoring keys (which item belongs to which scale, which items are reversed,
 * how points add up) but no item text: see {@link #licence()}. Instruments whose keys are
 * proprietary have unkeyed scales whose scores are entered as numbers ({@link
 * #ofScaleScores(Map)}).
 *
 * <p>{@link #caveats()} holds what the instrument's authors and its critics say a score can and
 * cannot mean (for example "not diagnostic"); text Candor builds from these scores repeats them.
 *
 * <p>The built-in ones are in {@link MultiScaleInstruments}. Immutable and thread-safe.
 *
 * @param id short identifier ("ProQOL-5")
 * @param name full name
 * @param items number of items in the questionnaire (at least the highest item number of any
 *     scale)
 * @param responses how answers are coded and scored (shared by every scale)
 * @param scales the scales, in reporting order; ids unique
 * @param licence licence and use note
 * @param credit the credit line the licence asks users to show, if any
 * @param caveats what a score can and cannot mean, with sources
 */
public record MultiScaleInstrument(
    String id,
    String name,
    int items,
    ResponseScale responses,
    List<Subscale> scales,
    String licence,
    Optional<String> credit,
    List<Statement> caveats) {

  /**
   * Validates the whole description.
   *
   * @param id short identifier ("ProQOL-5")
   * @param name full name
   * @param items number of items in the questionnaire (at least the highest item number of any
   *     scale)
   * @param responses how answers are coded and scored (shared by every scale)
   * @param scales the scales, in reporting order; ids unique
   * @param licence licence and use note
   * @param credit the credit line the licence asks users to show, if any
   * @param caveats what a score can and cannot mean, with sources
   */
  public MultiScaleInstrument {
    Checks.nonBlank("id", id);
    Checks.nonBlank("name", name);
    Checks.atLeast(id + " items", items, 1);
    Objects.requireNonNull(responses, "responses");
    scales = List.copyOf(Checks.nonEmptyNoNulls("scales", scales));
    Checks.nonBlank("licence", licence);
    Objects.requireNonNull(credit, "credit");
    credit.ifPresent(c -> Checks.nonBlank("credit", c));
    caveats = List.copyOf(Checks.noNulls("caveats", caveats));
    if (scales.stream().map(Subscale::id).distinct().count() != scales.size()) {
      throw new IllegalArgumentException(id + ": scale ids must differ, were "
          + scales.stream().map(Subscale::id).toList());
    }
    for (Subscale s : scales) {
      if (!s.responses().equals(responses)) {
        throw new IllegalArgumentException(id + " scale " + s.id() + " codes responses "
            + s.responses() + " but the instrument codes them " + responses);
      }
      for (int item : s.items()) {
        if (item > items) {
          throw new IllegalArgumentException(id + " scale " + s.id() + " lists item " + item
              + " but the instrument has " + items + " items");
        }
      }
    }
  }

  /**
   * Whether Candor holds the item keys of every scale (so item responses can be scored).
   *
   * @return true when every scale is keyed
   */
  public boolean keyed() {
    return scales.stream().allMatch(Subscale::keyed);
  }

  /**
   * The scale with that id, ignoring case.
   *
   * @param scaleId a scale id ("BO", "bo")
   * @return the scale
   * @throws IllegalArgumentException naming the id and listing the scales
   */
  public Subscale scale(String scaleId) {
    Checks.nonBlank("scale id", scaleId);
    return scales.stream()
        .filter(s -> s.id().equalsIgnoreCase(scaleId.strip()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(id + " has no scale "
            + Checks.quote(scaleId)
            + "; its scales are " + scales.stream().map(Subscale::id)
                .collect(Collectors.joining(", "))));
  }

  /**
   * Scores a complete set of responses, item 1 first.
   *
   * @param responses one response per item
   * @return every scale's score
   * @throws IllegalArgumentException if the count is wrong or a response is out of range, naming
   *     the item
   * @throws IllegalStateException if Candor holds no item key for the instrument
   */
  public ScaleScores score(int... responses) {
    Objects.requireNonNull(responses, "responses");
    List<OptionalInt> list = new ArrayList<>(responses.length);
    for (int r : responses) {
      list.add(OptionalInt.of(r));
    }
    return score(list);
  }

  /**
   * Scores responses some of which may be missing ({@link OptionalInt#empty()}), each scale by
   * its own missing-item rule.
   *
   * @param responses one entry per item, item 1 first
   * @return every scale's score
   * @throws IllegalArgumentException if the count is wrong, a response is out of range, or a scale
   *     has more missing items than its rule allows
   * @throws IllegalStateException if Candor holds no item key for the instrument
   */
  public ScaleScores score(List<OptionalInt> responses) {
    Checks.noNulls("responses", responses);
    if (!keyed()) {
      throw new IllegalStateException(id + ": Candor holds no item keys for this instrument ("
          + licence + "); enter its scale scores instead");
    }
    if (responses.size() != items) {
      throw new IllegalArgumentException(
          id + " needs exactly " + items + " item responses, was " + responses.size());
    }
    for (int i = 0; i < responses.size(); i++) {
      OptionalInt r = responses.get(i);
      if (r.isPresent() && !this.responses.contains(r.getAsInt())) {
        throw new IllegalArgumentException(id + " item " + (i + 1) + " must be "
            + this.responses.min() + "-" + this.responses.max() + ", was " + r.getAsInt());
      }
    }
    List<ScaleScore> out = new ArrayList<>(scales.size());
    for (Subscale s : scales) {
      out.add(s.score(responses, id));
    }
    return new ScaleScores(id, out);
  }

  /**
   * Scale scores entered as numbers (a proprietary instrument's subscale sums, or scores from
   * another system), in any order; scales not given are not scored.
   *
   * @param scores score by scale id (ids matched ignoring case), at least one
   * @return the scores in the instrument's scale order
   * @throws IllegalArgumentException for an unknown scale, a score out of range or off the
   *     scale's grid
   */
  public ScaleScores ofScaleScores(Map<String, Double> scores) {
    Objects.requireNonNull(scores, "scores");
    if (scores.isEmpty()) {
      throw new IllegalArgumentException(id + ": give at least one scale score");
    }
    Map<String, Double> byId = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : scores.entrySet()) {
      Subscale s = scale(Objects.requireNonNull(e.getKey(), "scale id"));
      if (byId.put(s.id(), Objects.requireNonNull(e.getValue(), s.id() + " score")) != null) {
        throw new IllegalArgumentException(id + " scale " + s.id() + " is given twice");
      }
    }
    List<ScaleScore> out = new ArrayList<>();
    for (Subscale s : scales) {
      Double v = byId.get(s.id());
      if (v != null) {
        out.add(s.ofScore(v));
      }
    }
    return new ScaleScores(id, out);
  }

  @Override
  public String toString() {
    return id + " (" + name + ": " + scales.stream().map(Subscale::id)
        .collect(Collectors.joining(", ")) + ")";
  }
}
