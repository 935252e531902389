package io.candor.progress;

import io.candor.domain.ScoreScale;
import io.candor.domain.Trajectory;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import io.candor.measure.Instrument;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Finds plateaus: runs of at least k consecutive observations in which every score is still in
 * the clinical range (at or beyond the instrument's caseness cutoff) and no two scores differ by
 * the reliable-change threshold or more (max − min &lt; threshold), so nothing reliably changed.
 *
 * <p>There is no single published definition of a plateau in routine outcome monitoring; the
 * default window, {@link #DEFAULT_LENGTH} = 4 observations, is an assumption: about a month of
 * weekly sessions, the horizon over which early change is judged (Beard &amp; Delgadillo 2019).
 * Runs are maximal and do not overlap: scanning from the first observation, each run is extended
 * as far as the condition holds, then the scan resumes after it.
 *
 * <p>Immutable and thread-safe.
 */
public final class PlateauCriteria {

  /** Default window: 4 consecutive observations (assumption, see the class comment). */
  public static final Sourced DEFAULT_LENGTH =
      Sourced.assumption(4, Citations.BEARD_2019,
          "no standard plateau definition; 4 observations ~ the first month over which early change"
              + " is judged");

  private final int length;
  private final double threshold; // NaN: the instrument's reliable change

  private PlateauCriteria(int length, double threshold) {
    this.length = length;
    this.threshold = threshold;
  }

  /**
   * Windows of {@link #DEFAULT_LENGTH} observations; the instrument's reliable-change threshold.
   *
   * @return the default criteria
   */
  public static PlateauCriteria withDefaults() {
    return new PlateauCriteria((int) DEFAULT_LENGTH.value(), Double.NaN);
  }

  /**
   * A copy with another minimum run length (at least 2 observations).
   *
   * @param observations the minimum number of observations, at least 2
   * @return the copy
   */
  public PlateauCriteria withLength(int observations) {
    return new PlateauCriteria(Checks.atLeast("plateau length", observations, 2), threshold);
  }

  /**
   * A copy whose "no reliable change" threshold is a given number of points (&gt; 0).
   *
   * @param points the threshold in points, > 0
   * @return the copy
   */
  public PlateauCriteria withThreshold(double points) {
    return new PlateauCriteria(length, Checks.positive("plateau threshold", points));
  }

  /**
   * The minimum number of observations in a plateau.
   *
   * @return the minimum number of observations in a plateau
   */
  public int length() {
    return length;
  }

  /**
   * The given threshold, empty when the instrument's reliable-change threshold is used.
   *
   * @return the given threshold, empty when the instrument's reliable-change threshold is used
   */
  public OptionalDouble threshold() {
    return Double.isNaN(threshold) ? OptionalDouble.empty() : OptionalDouble.of(threshold);
  }

  /**
   * The plateaus of one trajectory in session order.
   *
   * @param trajectory the trajectory
   * @return the plateaus of one trajectory in session order
   * @throws IllegalStateException if the scale has no caseness cutoff, or no reliable-change
   *     threshold when none was given
   */
  public List<Plateau> find(Trajectory trajectory) {
    Objects.requireNonNull(trajectory, "trajectory");
    ScoreScale scale = trajectory.scale();
    Instrument instrument =
        Scales.requireCaseness(scale, "plateaus are defined within the clinical range");
    double rc =
        Double.isNaN(threshold)
            ? Scales.reliableChangePoints(scale, "give the plateau threshold explicitly")
            : threshold;
    List<Plateau> out = new ArrayList<>();
    int n = trajectory.size();
    int i = 0;
    while (i < n) {
      if (!instrument.isCase(trajectory.scoreAt(i))) {
        i++;
        continue;
      }
      double lo = trajectory.scoreAt(i);
      double hi = lo;
      int j = i;
      while (j + 1 < n) {
        double x = trajectory.scoreAt(j + 1);
        double nlo = Math.min(lo, x);
        double nhi = Math.max(hi, x);
        if (!instrument.isCase(x) || !(nhi - nlo < rc)) {
          break;
        }
        lo = nlo;
        hi = nhi;
        j++;
      }
      int count = j - i + 1;
      if (count >= length) {
        out.add(new Plateau(trajectory.sessionAt(i), trajectory.sessionAt(j), count, lo, hi));
        i = j + 1;
      } else {
        i++;
      }
    }
    return List.copyOf(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlateauCriteria c
        && length == c.length
        && Double.compare(threshold, c.threshold) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(length, threshold);
  }

  @Override
  public String toString() {
    return "plateaus: at least " + length + " observations in the clinical range within "
        + (Double.isNaN(threshold) ? "the reliable-change threshold" : Checks.fmt(threshold) + " points");
  }
}
