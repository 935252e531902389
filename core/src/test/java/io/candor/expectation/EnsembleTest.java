package io.candor.expectation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.change.ClinicalEvents;
import io.candor.measure.Instruments;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.SimulatedPanel;
import io.candor.simulation.Simulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The comparable clients of a small simulated panel and their outcomes, checked client by client
 * against the panel's own scores and {@link ClinicalEvents}: each count, quantile and share is
 * recomputed here from its definition (R's type-7 quantile, the ordinary least-squares slope of
 * the regression adjustment), on a few hundred clients.
 */
class EnsembleTest {

  private static final ClinicalEvents EVENTS = ClinicalEvents.of(Instruments.PHQ9);
  private static final double INTAKE = 18;
  private static final int PLANNED = 12;
  private static final int[] HORIZONS = {3, 8, 12};
  private static final SimulatedPanel PANEL = Simulator.of(
      Scenario.calibratedDefault(Instruments.PHQ9).withSessions(PLANNED)).givenIntake(INTAKE)
      .panel(11L, 400, Arm.TREATED, 1);

  private static Ensemble.Conditioning intakeOnly() {
    return new Ensemble.Conditioning(EVENTS, INTAKE, new int[0], new double[0], 0);
  }

  /** R's quantile(x, p, type = 7) of sorted values. */
  private static double type7(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo + 1 >= sorted.length) {
      return sorted[lo];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }

  /** The outcome counts of scores y at a horizon, out of n comparable clients. */
  private static int[] countsOf(List<Double> y, int n) {
    int[] row = new int[Outcome.values().length];
    int better = 0;
    int worse = 0;
    int recovered = 0;
    for (double v : y) {
      if (EVENTS.reliablyImproved(INTAKE, v)) {
        better++;
      } else if (EVENTS.reliablyDeteriorated(INTAKE, v)) {
        worse++;
      }
      if (EVENTS.recovered(INTAKE, v)) {
        recovered++;
      }
    }
    row[Outcome.RELIABLE_IMPROVEMENT.ordinal()] = better;
    row[Outcome.NO_RELIABLE_CHANGE.ordinal()] = y.size() - better - worse;
    row[Outcome.RELIABLE_DETERIORATION.ordinal()] = worse;
    row[Outcome.DROPOUT.ordinal()] = n - y.size();
    row[Outcome.RECOVERY.ordinal()] = recovered;
    row[Outcome.NO_RECOVERY.ordinal()] = n - recovered;
    row[Outcome.STABLE_OR_BETTER.ordinal()] = y.size() - worse;
    return row;
  }

  private static List<Double> scoresAt(int m, int t) {
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      if (PANEL.observed(i, t)) {
        y.add(PANEL.score(i, t));
      }
    }
    return y;
  }

  @Test
  void conditioning_marksEachGridPointOfTheScaleByTheOneDefinitionOfEachEvent() {
    Ensemble.Conditioning c = intakeOnly();
    assertEquals(28, c.bins, "PHQ-9: 0 to 27 in whole points");
    assertTrue(c.caseAtIntake);
    assertEquals(0, c.last);
    for (int b = 0; b < c.bins; b++) {
      assertEquals(b, c.value(b));
      assertEquals(b, c.bin(b));
      assertEquals(EVENTS.reliablyImproved(INTAKE, b), c.improvedAt[b], "improved at " + b);
      assertEquals(EVENTS.reliablyDeteriorated(INTAKE, b), c.worseAt[b], "worse at " + b);
      assertEquals(EVENTS.recovered(INTAKE, b), c.recoveredAt[b], "recovered at " + b);
    }
    // 18 - 6 = 12 is the first reliable improvement, 18 + 6 = 24 the first deterioration
    assertTrue(c.improvedAt[12] && !c.improvedAt[13] && c.worseAt[24] && !c.worseAt[23]);
    assertEquals(List.of(0.0, 0.0, 13.0, 27.0, 27.0),
        List.of(c.snap(-3), c.snap(0.4), c.snap(12.6), c.snap(27), c.snap(31)));
    Ensemble.Conditioning below = new Ensemble.Conditioning(EVENTS, 8, new int[0], new double[0],
        0);
    assertTrue(!below.caseAtIntake && !below.recoveredAt[0], "no recovery below caseness");
  }

  @Test
  void conditioning_onAScaleWithDecimalSteps_putsScoresOnItsGrid() {
    ClinicalEvents ors = ClinicalEvents.of(Instruments.ORS);
    Ensemble.Conditioning c = new Ensemble.Conditioning(ors, 20, new int[0], new double[0], 0);
    assertEquals(401, c.bins, "ORS: 0 to 40 in steps of 0.1");
    assertEquals(0.3, c.value(3));
    assertEquals(23.7, c.value(237));
    assertEquals(40, c.value(400));
    assertEquals(237, c.bin(23.7));
    assertEquals(23.7, c.snap(23.66));
    assertEquals(40, c.snap(40.04));
  }

  @Test
  void intakeOnly_countsEveryHorizonsOutcomesClientByClient() {
    int m = 300;
    Ensemble e = Ensemble.of(PANEL, m, intakeOnly(), HORIZONS, true);
    int n = 0;
    for (int i = 0; i < m; i++) {
      n += PANEL.attended(i) > 0 ? 1 : 0;
    }
    assertEquals(m, n, "every client is observed at the intake");
    assertEquals(n, e.comparable);
    for (int h = 0; h < HORIZONS.length; h++) {
      assertEquals(Arrays.toString(countsOf(scoresAt(m, HORIZONS[h]), n)),
          Arrays.toString(e.counts[h]), "session " + HORIZONS[h]);
    }
    assertTrue(e.counts[2][Outcome.DROPOUT.ordinal()] > 0
        && e.counts[2][Outcome.RELIABLE_DETERIORATION.ordinal()] > 0
        && e.counts[2][Outcome.RECOVERY.ordinal()] > 0, "every outcome occurs");
    assertTrue(Double.isNaN(e.meanLevel) && Double.isNaN(e.lowLevel)
        && Double.isNaN(e.highLevel), "no observed course, no levels");
  }

  @Test
  void curve_holdsTheType7PercentilesAndTheShareAttending_atEverySession() {
    int m = 250;
    Ensemble e = Ensemble.of(PANEL, m, intakeOnly(), HORIZONS, true);
    assertEquals(PLANNED + 1, e.curve.size());
    for (int t = 0; t <= PLANNED; t++) {
      double[] y = scoresAt(m, t).stream().mapToDouble(Double::doubleValue).sorted().toArray();
      CurvePoint c = e.curve.get(t);
      assertEquals(t, c.session());
      String at = "session " + t;
      assertEquals(type7(y, 0.10), c.p10(), 1e-12, at);
      assertEquals(type7(y, 0.25), c.p25(), 1e-12, at);
      assertEquals(type7(y, 0.50), c.median(), 1e-12, at);
      assertEquals(type7(y, 0.75), c.p75(), 1e-12, at);
      assertEquals(type7(y, 0.90), c.p90(), 1e-12, at);
      assertEquals((double) y.length / m, c.attending(), 1e-15, at);
    }
    assertEquals(INTAKE, e.curve.get(0).p10(), "everyone starts at the given intake");
    assertTrue(Ensemble.of(PANEL, m, intakeOnly(), HORIZONS, false).curve.isEmpty(),
        "no curve unless asked");
  }

  @Test
  void improvedShare_isAmongThoseAttending_andHalfIsReachedByLinearInterpolation() {
    int m = 400;
    Ensemble e = Ensemble.of(PANEL, m, intakeOnly(), HORIZONS, false);
    double[] share = new double[PLANNED + 1];
    for (int t = 0; t <= PLANNED; t++) {
      List<Double> y = scoresAt(m, t);
      long better = y.stream().filter(v -> EVENTS.reliablyImproved(INTAKE, v)).count();
      share[t] = (double) better / y.size();
      assertEquals(share[t], e.improvedShare[t], 1e-15, "session " + t);
    }
    assertEquals(0, share[0]);
    for (double target : new double[] {0.1, 0.25, 0.5}) {
      int t = 1;
      while (share[t] < target) {
        t++;
      }
      double expected = (t - 1) + (target - share[t - 1]) / (share[t] - share[t - 1]);
      assertEquals(expected, e.sessionReaching(target), 1e-12, "share " + target);
      assertTrue(e.sessionReaching(target) > t - 1 && e.sessionReaching(target) <= t);
    }
    assertEquals(0, e.sessionReaching(0), "no share is already reached at the intake");
    assertTrue(Double.isNaN(e.sessionReaching(0.999)), "never reached");
    int first = 2;
    double before = Math.max(share[0], share[1]);
    while (share[first] <= before) {
      before = Math.max(before, share[first]);
      first++;
    }
    assertEquals(first, e.sessionReaching(share[first]), 1e-12,
        "a share met exactly, first at session " + first);
    int top = 1;
    for (int t = 2; t <= PLANNED; t++) {
      top = share[t] > share[top] ? t : top;
    }
    assertEquals(top, e.sessionReaching(share[top]), 1e-12,
        "the highest share is reached, at the session it is met, though never exceeded");
  }

  @Test
  void sessionReaching_isNaN_onceNobodyAttends() {
    Ensemble e = Ensemble.of(PANEL, 400, intakeOnly(), HORIZONS, false);
    e.improvedShare[2] = Double.NaN;
    assertTrue(Double.isNaN(e.sessionReaching(0.9)));
    assertEquals((0.01 - 0) / (e.improvedShare[1] - 0), e.sessionReaching(0.01), 1e-12,
        "reached before the gap");
  }

  /**
   * With observed scores only clients still attending after the last of them count, and every
   * later score is moved by the least-squares slope of score on weighted level (never below
   * zero) times the level's distance from the client's, then put back on the grid.
   */
  @Test
  void observedCourse_keepsClientsAttendingAfterIt_andAdjustsLaterScoresByTheRegressionSlope() {
    int m = 400;
    int[] sessions = {1, 2};
    double[] weights = {0.4, 0.6};
    double client = 0.4 * 14 + 0.6 * 11;
    Ensemble.Conditioning c = new Ensemble.Conditioning(EVENTS, INTAKE, sessions, weights,
        client);
    assertEquals(2, c.last);
    Ensemble e = Ensemble.of(PANEL, m, c, HORIZONS, true);
    List<Integer> comparable = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      if (PANEL.attended(i) > 2) {
        comparable.add(i);
      }
    }
    int n = comparable.size();
    assertTrue(n < m && n > 300, "some drop out before session 3: " + n);
    assertEquals(n, e.comparable);
    double[] level = new double[n];
    for (int a = 0; a < n; a++) {
      int i = comparable.get(a);
      level[a] = 0.4 * PANEL.score(i, 1) + 0.6 * PANEL.score(i, 2);
    }
    assertEquals(Arrays.stream(level).average().orElseThrow(), e.meanLevel, 1e-12);
    double[] sorted = level.clone();
    Arrays.sort(sorted);
    assertEquals(type7(sorted, 0.01), e.lowLevel, 1e-12);
    assertEquals(type7(sorted, 0.99), e.highLevel, 1e-12);
    assertTrue(e.lowLevel < e.meanLevel && e.meanLevel < e.highLevel);
    boolean moved = false;
    for (int h = 0; h < HORIZONS.length; h++) {
      int t = HORIZONS[h];
      List<Double> lv = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int a = 0; a < n; a++) {
        int i = comparable.get(a);
        if (PANEL.observed(i, t)) {
          lv.add(level[a]);
          ys.add(PANEL.score(i, t));
        }
      }
      double slope = Math.max(0, slope(lv, ys));
      assertTrue(slope > 0.3, "scores follow the level: slope " + slope + " at " + t);
      List<Double> adjusted = new ArrayList<>();
      for (int j = 0; j < ys.size(); j++) {
        double v = ys.get(j) - slope * (lv.get(j) - client);
        adjusted.add((double) Math.round(Math.min(27, Math.max(0, v))));
        moved |= adjusted.get(j) != ys.get(j).doubleValue();
      }
      assertEquals(Arrays.toString(countsOf(adjusted, n)), Arrays.toString(e.counts[h]),
          "session " + t);
      if (t == PLANNED) {
        double[] y = adjusted.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        assertEquals(type7(y, 0.5), e.curve.get(t).median(), 1e-12);
        assertEquals(type7(y, 0.9), e.curve.get(t).p90(), 1e-12);
      }
    }
    assertTrue(moved, "the adjustment moves scores");
    assertEquals(INTAKE, e.curve.get(0).median(), "the intake is not adjusted");
  }

  @Test
  void aClientAtTheComparableMeanLevel_hasTheUnadjustedMean_andABetterLevelMovesScoresDown() {
    int[] sessions = {2};
    double[] weights = {1};
    Ensemble.Conditioning probe = new Ensemble.Conditioning(EVENTS, INTAKE, sessions, weights, 0);
    double mean = Ensemble.of(PANEL, 400, probe, HORIZONS, false).meanLevel;
    int better = Outcome.RELIABLE_IMPROVEMENT.ordinal();
    int low = Ensemble.of(PANEL, 400, new Ensemble.Conditioning(EVENTS, INTAKE, sessions, weights,
        mean - 4), HORIZONS, false).counts[2][better];
    int mid = Ensemble.of(PANEL, 400, new Ensemble.Conditioning(EVENTS, INTAKE, sessions, weights,
        mean), HORIZONS, false).counts[2][better];
    int high = Ensemble.of(PANEL, 400, new Ensemble.Conditioning(EVENTS, INTAKE, sessions, weights,
        mean + 4), HORIZONS, false).counts[2][better];
    assertTrue(low > mid && mid > high, low + " > " + mid + " > " + high);
  }

  @Test
  void noSimulatedClientAttendingTheLastObservedSession_isRefusedNamingIt() {
    Ensemble.Conditioning late = new Ensemble.Conditioning(EVENTS, INTAKE, new int[] {13},
        new double[] {1}, 10);
    String msg = assertThrows(IllegalArgumentException.class,
        () -> Ensemble.of(PANEL, 3, late, new int[] {12}, false)).getMessage();
    assertTrue(msg.contains("none of the 3 simulated clients like this one attended session 13"),
        msg);
  }

  /** Ordinary least squares slope of y on x, two-pass. */
  private static double slope(List<Double> x, List<Double> y) {
    double mx = x.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double my = y.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    for (int j = 0; j < x.size(); j++) {
      sxy += (x.get(j) - mx) * (y.get(j) - my);
      sxx += (x.get(j) - mx) * (x.get(j) - mx);
    }
    return sxy / sxx;
  }

  /** One comparable client: their level is every quantile of the levels. */
  @Test
  void oneComparableClient_isTheirOwnLowAndHighLevel() {
    int m = 0;
    while (PANEL.attended(m) <= PLANNED) {
      m++;
    }
    m++;
    Ensemble.Conditioning c = new Ensemble.Conditioning(EVENTS, INTAKE, new int[] {PLANNED},
        new double[] {1}, 10);
    Ensemble e = Ensemble.of(PANEL, m, c, new int[] {PLANNED}, false);
    assertEquals(1, e.comparable, "only client " + (m - 1) + " of the first " + m
        + " attends the last session");
    double level = PANEL.score(m - 1, PLANNED);
    assertEquals(level, e.meanLevel);
    assertEquals(level, e.lowLevel);
    assertEquals(level, e.highLevel);
  }
}
