package io.candor.expectation;

import io.candor.change.ClinicalEvents;
import io.candor.internal.Grid;
import io.candor.simulation.SimulatedPanel;
import java.util.ArrayList;
import java.util.List;

/**
 * The comparable simulated clients of one panel and what happened to them: outcome counts at the
 * horizons, the share reliably improved at every session, and (for the main panel) the curve. The
 * observed course enters through the regression adjustment described in {@link Expectations}.
 *
 * <p>Immutable once computed; not part of the API.
 */
final class Ensemble {

  private static final Outcome[] OUTCOMES = Outcome.values();

  /** What the client's profile fixes for every panel of one report. */
  static final class Conditioning {
    final ClinicalEvents events;
    final double intake;
    final boolean caseAtIntake;
    final int last;
    final int[] sessions;
    final double[] weights;
    final double level;
    final double min;
    final double max;
    final double resolution;
    final int bins;
    /** Per grid point of the scale: reliably improved, reliably worse, recovered from the intake. */
    final boolean[] improvedAt;
    final boolean[] worseAt;
    final boolean[] recoveredAt;
    /** The scale's grid points as the doubles nearest their decimal values. */
    final double[] grid;

    Conditioning(ClinicalEvents events, double intake, int[] sessions, double[] weights,
        double level) {
      this.events = events;
      this.intake = intake;
      this.caseAtIntake = events.isCase(intake);
      this.sessions = sessions;
      this.weights = weights;
      this.level = level;
      this.last = sessions.length == 0 ? 0 : sessions[sessions.length - 1];
      this.min = events.instrument().minScore();
      this.max = events.instrument().maxScore();
      this.resolution = events.instrument().resolution();
      this.bins = (int) Math.round((max - min) / resolution) + 1;
      this.grid = new double[bins];
      for (int b = 0; b < bins; b++) {
        double v = Grid.nearest(min, resolution, min + b * resolution);
        grid[b] = v > max ? max : v;
      }
      this.improvedAt = new boolean[bins];
      this.worseAt = new boolean[bins];
      this.recoveredAt = new boolean[bins];
      for (int b = 0; b < bins; b++) {
        double y = value(b);
        improvedAt[b] = events.reliablyImproved(intake, y);
        worseAt[b] = !improvedAt[b] && events.reliablyDeteriorated(intake, y);
        recoveredAt[b] = caseAtIntake && events.recovered(intake, y);
      }
    }

    /** The grid point of a score on the grid. */
    int bin(double y) {
      return (int) Math.round((y - min) / resolution);
    }

    /** The score of a grid point, as the double nearest its decimal value. */
    double value(int bin) {
      return grid[bin];
    }

    boolean observed() {
      return sessions.length > 0;
    }

    /** A value clamped to the scale and put on the instrument's grid. */
    double snap(double y) {
      double c = y < min ? min : (y > max ? max : y);
      int b = bin(c);
      return grid[b < 0 ? 0 : (b >= bins ? bins - 1 : b)];
    }
  }

  final int comparable;
  /** counts[h][outcome ordinal], for the horizons in order. */
  final int[][] counts;
  /** Share reliably improved among comparable clients attending each session (NaN: nobody). */
  final double[] improvedShare;
  final List<CurvePoint> curve;
  final double meanLevel;
  final double lowLevel;
  final double highLevel;

  private Ensemble(int comparable, int[][] counts, double[] improvedShare, List<CurvePoint> curve,
      double meanLevel, double lowLevel, double highLevel) {
    this.comparable = comparable;
    this.counts = counts;
    this.improvedShare = improvedShare;
    this.curve = curve;
    this.meanLevel = meanLevel;
    this.lowLevel = lowLevel;
    this.highLevel = highLevel;
  }

  /**
   * The ensemble of the first {@code m} clients of a panel.
   *
   * @throws IllegalArgumentException when no simulated client attended the last observed session
   */
  static Ensemble of(SimulatedPanel panel, int m, Conditioning c, int[] horizons,
      boolean withCurve) {
    int planned = panel.lastSession();
    int[] comparable = new int[m];
    int n = 0;
    for (int i = 0; i < m; i++) {
      if (panel.attended(i) > c.last) {
        comparable[n++] = i;
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("none of the " + m + " simulated clients like this one"
          + " attended session " + c.last + "; simulate more clients or check the profile");
    }
    double[] level = new double[n];
    double meanLevel = Double.NaN;
    double low = Double.NaN;
    double high = Double.NaN;
    if (c.observed()) {
      double sum = 0;
      for (int a = 0; a < n; a++) {
        double s = 0;
        for (int k = 0; k < c.sessions.length; k++) {
          s += c.weights[k] * panel.score(comparable[a], c.sessions[k]);
        }
        level[a] = s;
        sum += s;
      }
      meanLevel = sum / n;
      double[] sorted = level.clone();
      java.util.Arrays.sort(sorted);
      low = quantile(sorted, 0.01);
      high = quantile(sorted, 0.99);
    }
    int[][] counts = new int[horizons.length][OUTCOMES.length];
    double[] improved = new double[planned + 1];
    List<CurvePoint> curve = new ArrayList<>(withCurve ? planned + 1 : 0);
    double[] y = new double[n];
    int[] hist = new int[c.bins];
    int h = 0;
    for (int t = 0; t <= planned; t++) {
      int k = 0;
      for (int a = 0; a < n; a++) {
        if (panel.observed(comparable[a], t)) {
          y[k++] = panel.score(comparable[a], t);
        }
      }
      if (c.observed() && t > 0 && k > 0) {
        adjust(panel, comparable, level, n, t, k, y, c);
      }
      int better = 0;
      int worse = 0;
      int recovered = 0;
      java.util.Arrays.fill(hist, 0);
      for (int j = 0; j < k; j++) {
        hist[c.bin(y[j])]++;
      }
      for (int b = 0; b < c.bins; b++) {
        int count = hist[b];
        if (c.improvedAt[b]) {
          better += count;
        } else if (c.worseAt[b]) {
          worse += count;
        }
        if (c.recoveredAt[b]) {
          recovered += count;
        }
      }
      improved[t] = k == 0 ? Double.NaN : (double) better / k;
      if (h < horizons.length && horizons[h] == t) {
        int[] row = counts[h++];
        row[Outcome.RELIABLE_IMPROVEMENT.ordinal()] = better;
        row[Outcome.RELIABLE_DETERIORATION.ordinal()] = worse;
        row[Outcome.NO_RELIABLE_CHANGE.ordinal()] = k - better - worse;
        row[Outcome.DROPOUT.ordinal()] = n - k;
        row[Outcome.STABLE_OR_BETTER.ordinal()] = k - worse;
        row[Outcome.RECOVERY.ordinal()] = recovered;
        row[Outcome.NO_RECOVERY.ordinal()] = n - recovered;
      }
      if (withCurve && k > 0) {
        curve.add(new CurvePoint(t, order(hist, k, 0.10, c), order(hist, k, 0.25, c),
            order(hist, k, 0.50, c), order(hist, k, 0.75, c), order(hist, k, 0.90, c),
            (double) k / n));
      }
    }
    return new Ensemble(n, counts, improved, curve, meanLevel, low, high);
  }

  /**
   * Regression adjustment (Beaumont et al. 2002) of the scores at session t: each comparable
   * client's score moves by the slope of score on weighted level times the difference between the
   * client's level and the profile's, then goes back onto the instrument's grid. The slope is
   * never negative, so a better observed course can only move scores the better way.
   */
  private static void adjust(SimulatedPanel panel, int[] comparable, double[] level, int n, int t,
      int k, double[] y, Conditioning c) {
    double meanY = 0;
    double meanS = 0;
    int j = 0;
    for (int a = 0; a < n; a++) {
      if (panel.observed(comparable[a], t)) {
        meanY += y[j++];
        meanS += level[a];
      }
    }
    meanY /= k;
    meanS /= k;
    double sxy = 0;
    double sxx = 0;
    j = 0;
    for (int a = 0; a < n; a++) {
      if (panel.observed(comparable[a], t)) {
        double ds = level[a] - meanS;
        sxy += ds * (y[j++] - meanY);
        sxx += ds * ds;
      }
    }
    double slope = sxx > 0 ? Math.max(0, sxy / sxx) : 0;
    j = 0;
    for (int a = 0; a < n; a++) {
      if (panel.observed(comparable[a], t)) {
        y[j] = c.snap(y[j] - slope * (level[a] - c.level));
        j++;
      }
    }
  }

  /** The type-7 quantile (R's default) of k grid values given as a histogram. */
  private static double order(int[] hist, int k, double p, Conditioning c) {
    double hpos = (k - 1) * p;
    int lo = (int) Math.floor(hpos);
    double frac = hpos - lo;
    double a = valueAt(hist, lo, c);
    if (frac == 0 || lo + 1 >= k) {
      return a;
    }
    double b = valueAt(hist, lo + 1, c);
    return a + frac * (b - a);
  }

  /** The r-th smallest (0-based) value of the histogram. */
  private static double valueAt(int[] hist, int r, Conditioning c) {
    int seen = 0;
    for (int bin = 0; bin < hist.length; bin++) {
      seen += hist[bin];
      if (seen > r) {
        return c.value(bin);
      }
    }
    throw new IllegalStateException("order statistic " + r + " beyond " + seen + " values");
  }

  private static double quantile(double[] sorted, double p) {
    double hpos = (sorted.length - 1) * p;
    int lo = (int) Math.floor(hpos);
    double frac = hpos - lo;
    return lo + 1 < sorted.length ? sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
  }

  /**
   * The session at which the improved share first reaches {@code share}, interpolated linearly
   * from the session before; NaN when it is not reached.
   */
  double sessionReaching(double share) {
    double previous = 0;
    for (int t = 1; t < improvedShare.length; t++) {
      double f = improvedShare[t];
      if (Double.isNaN(f)) {
        return Double.NaN;
      }
      if (f >= share) {
        return f == previous ? t : (t - 1) + (share - previous) / (f - previous);
      }
      previous = f;
    }
    return Double.NaN;
  }
}
