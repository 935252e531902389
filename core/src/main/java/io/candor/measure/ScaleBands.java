package io.candor.measure;

import io.candor.evidence.Certainty;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import java.util.List;

/**
 * Named score ranges of a scale, given by their cut points: band {@code i} holds the scores from
 * cut {@code i − 1} (inclusive) up to cut {@code i} (exclusive); the first band starts at the
 * scale's minimum and the last ends at its maximum (inclusive). For whole-number sums this reads
 * as usual: cuts 23 and 42 on a 10–50 sum give 10–22, 23–41 and 42–50. Half-open bands also work
 * for mean scores (the Copenhagen Burnout Inventory's 45.83 is below a cut at 50).
 *
 * <p>Every cut is {@link Sourced}: a published self-score rule, a study's convention or a
 * documented assumption. A band describes a score, never a person; see {@link
 * MultiScaleInstrument#caveats()} for what each instrument's bands may and may not say.
 *
 * <p>Immutable and thread-safe.
 *
 * @param labels the band names from low to high scores (one more than the cuts)
 * @param cuts the lower bound of every band after the first, strictly increasing
 */
public record ScaleBands(List<String> labels, List<Sourced> cuts) {

  /**
   * Validates counts and order.
   *
   * @param labels the band names from low to high scores (one more than the cuts)
   * @param cuts the lower bound of every band after the first, strictly increasing
   */
  public ScaleBands {
    labels = List.copyOf(Checks.nonEmptyNoNulls("labels", labels));
    cuts = List.copyOf(Checks.nonEmptyNoNulls("cuts", cuts));
    for (String l : labels) {
      Checks.nonBlank("band label", l);
    }
    if (labels.size() != cuts.size() + 1) {
      throw new IllegalArgumentException("bands need one label more than cuts: " + labels.size()
          + " labels for " + cuts.size() + " cuts");
    }
    if (labels.stream().distinct().count() != labels.size()) {
      throw new IllegalArgumentException("band labels must differ, were " + labels);
    }
    for (int i = 1; i < cuts.size(); i++) {
      if (!(cuts.get(i).value() > cuts.get(i - 1).value())) {
        throw new IllegalArgumentException("cuts must be strictly increasing; "
            + Checks.fmt(cuts.get(i).value()) + " follows " + Checks.fmt(cuts.get(i - 1).value()));
      }
    }
  }

  /**
   * The index of the band holding the score.
   *
   * @param score a score on the scale
   * @return 0 for the lowest band
   */
  public int index(double score) {
    Checks.finite("score", score);
    int i = 0;
    while (i < cuts.size() && score >= cuts.get(i).value()) {
      i++;
    }
    return i;
  }

  /**
   * The label of the band holding the score.
   *
   * @param score a score on the scale
   * @return the label
   */
  public String label(double score) {
    return labels.get(index(score));
  }

  /**
   * The least certain grade among the cuts: how far the bands as a whole can be trusted.
   *
   * @return the weakest certainty
   */
  public Certainty certainty() {
    Certainty worst = Certainty.PRIMARY;
    for (Sourced c : cuts) {
      if (c.certainty().compareTo(worst) > 0) {
        worst = c.certainty();
      }
    }
    return worst;
  }

  /**
   * The range of band {@code i} in words, for a scale from {@code min} to {@code max} whose
   * scores are steps of {@code resolution} from {@code min}: closed ranges for whole-number
   * scores ("23-41"), half-open ones otherwise ("below 50", "50 or above").
   *
   * @param i the band index
   * @param min the scale minimum
   * @param max the scale maximum
   * @param resolution the step between possible scores
   * @return the range text
   */
  public String range(int i, double min, double max, double resolution) {
    Checks.inRange("band index", i, 0, labels.size() - 1);
    boolean wholeNumbers = resolution == 1 && min == Math.rint(min);
    double lo = i == 0 ? min : cuts.get(i - 1).value();
    boolean last = i == labels.size() - 1;
    if (wholeNumbers) {
      double hi = last ? max : cuts.get(i).value() - 1;
      return Checks.fmt(lo) + "-" + Checks.fmt(hi);
    }
    if (i == 0) {
      return "below " + Checks.fmt(cuts.get(0).value());
    }
    return last ? Checks.fmt(lo) + " or above"
        : Checks.fmt(lo) + " to below " + Checks.fmt(cuts.get(i).value());
  }
}
