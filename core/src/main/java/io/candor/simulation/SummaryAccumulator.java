package io.candor.simulation;

import io.candor.change.ClinicalEvents;

/**
 * Integer counts over clients, filled from an {@link Engine}'s scratch. Every field is an integer
 * count, so merging is exact in any order: a summary does not depend on how clients were split
 * among threads. Memory is constant in the number of clients (arrays sized by sessions).
 *
 * <p>Not thread-safe: one per worker, merged at the end.
 */
final class SummaryAccumulator implements java.io.Serializable {

  private static final long serialVersionUID = 1L;


  /** Two-sided 5 % critical t values for 2, 3 and 4 degrees of freedom. */
  static final double[] T_CRIT = {Double.NaN, Double.NaN, 4.302652729911275, 3.182446305284263,
      2.7764451051977987};

  final int length;
  long clients;
  long dropouts;
  long deteriorated;
  long improvedAtEnd;
  long recoveredAtEnd;
  long gainEvaluable;
  long gainClients;
  long lossClients;
  long deterioratingSubgroup;
  final long[] courseCounts = new long[3];
  final long[] observed;
  final long[] cases;
  final long[] reliablyImproved;
  /** Sum of (score − min) / resolution: an integer, so the mean is exact. */
  final long[] scoreUnits;
  /** Time to first reliable improvement: events and censorings per session. */
  final long[] improvementEvents;
  final long[] improvementCensored;
  final long[] dropoutsAt;
  /**
   * Clients by session and observed score in units of the resolution above the minimum; sized from
   * the first engine seen (or the first non-empty summary merged), so the constructor needs no
   * scale. Null while no client has been counted.
   */
  long[][] scoreCounts;

  SummaryAccumulator(int sessions) {
    length = sessions + 1;
    observed = new long[length];
    cases = new long[length];
    reliablyImproved = new long[length];
    scoreUnits = new long[length];
    improvementEvents = new long[length];
    improvementCensored = new long[length];
    dropoutsAt = new long[length];
  }

  void accept(Engine e) {
    double[] y = e.scores;
    int n = e.size;
    ClinicalEvents events = e.events;
    clients++;
    courseCounts[e.course.ordinal()]++;
    if (e.deteriorating) {
      deterioratingSubgroup++;
    }
    if (e.dropoutSession >= 0) {
      dropouts++;
      dropoutsAt[e.dropoutSession]++;
    }
    double y0 = y[0];
    int firstImproved = -1;
    for (int t = 0; t < n; t++) {
      double s = y[t];
      observed[t]++;
      if (e.direction.isCase(s, e.cutoff)) {
        cases[t]++;
      }
      boolean improved = events.reliablyImproved(y0, s);
      if (improved) {
        reliablyImproved[t]++;
        if (firstImproved < 0) {
          firstImproved = t;
        }
      }
      long units = Math.round((s - e.min) / e.resolution);
      scoreUnits[t] += units;
      if (scoreCounts == null) {
        scoreCounts = new long[length][(int) Math.round((e.max - e.min) / e.resolution) + 1];
      }
      scoreCounts[t][(int) units]++;
    }
    if (firstImproved >= 0) {
      improvementEvents[firstImproved]++;
    } else {
      improvementCensored[n - 1]++;
    }
    if (n >= 2) {
      double last = y[n - 1];
      if (events.reliablyDeteriorated(y0, last)) {
        deteriorated++;
      } else if (events.reliablyImproved(y0, last)) {
        improvedAtEnd++;
        if (events.recovered(y0, last)) {
          recoveredAtEnd++;
        }
      }
    }
    if (n >= 4) {
      gainEvaluable++;
      if (hasShift(e, y, n, 1)) {
        gainClients++;
      }
      if (hasShift(e, y, n, -1)) {
        lossClients++;
      }
    }
  }

  /**
   * Whether the consecutive scores hold a sudden gain ({@code sign = 1}) or loss ({@code -1}) by
   * the three Tang &amp; DeRubeis (1999) criteria: (1) a change of at least the reliable-change
   * threshold between sessions i and i+1; (2) at least 25 % of the pre-shift score, measured
   * from the healthy end of the scale (for a loss: the rise is at least 25 % of the pre-loss
   * score); (3) the mean of up to three scores before (i−2..i) and up
   * to three after (i+1..i+3), at least two each side, differ by more than t_crit × pooled SD.
   */
  static boolean hasShift(Engine e, double[] y, int n, int sign) {
    double dir = e.worse * sign;
    for (int i = 1; i + 2 < n; i++) {
      double change = (y[i] - y[i + 1]) * dir;
      if (change < e.rc) {
        continue;
      }
      double severity = e.worse > 0 ? y[i] - e.min : e.max - y[i];
      if (change < 0.25 * severity) {
        continue;
      }
      int a = Math.max(0, i - 2);
      int n1 = i - a + 1;
      int b = Math.min(n - 1, i + 3);
      int n2 = b - i;
      double s1 = 0;
      for (int j = a; j <= i; j++) {
        s1 += y[j];
      }
      double m1 = s1 / n1;
      double s2 = 0;
      for (int j = i + 1; j <= b; j++) {
        s2 += y[j];
      }
      double m2 = s2 / n2;
      double ss = 0;
      for (int j = a; j <= i; j++) {
        ss += (y[j] - m1) * (y[j] - m1);
      }
      for (int j = i + 1; j <= b; j++) {
        ss += (y[j] - m2) * (y[j] - m2);
      }
      int df = n1 + n2 - 2;
      double pooled = Math.sqrt(ss / df);
      if ((m1 - m2) * dir > T_CRIT[df] * pooled) {
        return true;
      }
    }
    return false;
  }

  void merge(SummaryAccumulator o) {
    clients += o.clients;
    dropouts += o.dropouts;
    deteriorated += o.deteriorated;
    improvedAtEnd += o.improvedAtEnd;
    recoveredAtEnd += o.recoveredAtEnd;
    gainEvaluable += o.gainEvaluable;
    gainClients += o.gainClients;
    lossClients += o.lossClients;
    deterioratingSubgroup += o.deterioratingSubgroup;
    add(courseCounts, o.courseCounts);
    add(observed, o.observed);
    add(cases, o.cases);
    add(reliablyImproved, o.reliablyImproved);
    add(scoreUnits, o.scoreUnits);
    add(improvementEvents, o.improvementEvents);
    add(improvementCensored, o.improvementCensored);
    add(dropoutsAt, o.dropoutsAt);
    if (o.scoreCounts != null) {
      if (scoreCounts == null) {
        scoreCounts = new long[length][o.scoreCounts[0].length];
      }
      for (int t = 0; t < length; t++) {
        add(scoreCounts[t], o.scoreCounts[t]);
      }
    }
  }

  /** Whether every count equals the other's. */
  boolean sameCounts(SummaryAccumulator o) {
    return length == o.length && clients == o.clients && dropouts == o.dropouts
        && deteriorated == o.deteriorated && improvedAtEnd == o.improvedAtEnd
        && recoveredAtEnd == o.recoveredAtEnd && gainEvaluable == o.gainEvaluable
        && gainClients == o.gainClients && lossClients == o.lossClients
        && deterioratingSubgroup == o.deterioratingSubgroup
        && java.util.Arrays.equals(courseCounts, o.courseCounts)
        && java.util.Arrays.equals(observed, o.observed) && java.util.Arrays.equals(cases, o.cases)
        && java.util.Arrays.equals(reliablyImproved, o.reliablyImproved)
        && java.util.Arrays.equals(scoreUnits, o.scoreUnits)
        && java.util.Arrays.equals(improvementEvents, o.improvementEvents)
        && java.util.Arrays.equals(improvementCensored, o.improvementCensored)
        && java.util.Arrays.equals(dropoutsAt, o.dropoutsAt)
        && java.util.Arrays.deepEquals(scoreCounts, o.scoreCounts);
  }

  private static void add(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
  }
}
