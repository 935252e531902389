package io.candor.model.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of the Kaplan–Meier estimator and the log-rank test on random data. */
class KaplanMeierPropertyTest {

  /** Each code is 2·time + event, time 0–30: many ties, censoring at event times. */
  private static final Gen<List<Integer>> CODES =
      lists().of(integers().between(0, 61)).ofSizeBetween(1, 60);

  private static final ConfidenceType[] TYPES = ConfidenceType.values();

  private static double[] times(List<Integer> codes) {
    double[] t = new double[codes.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = codes.get(i) / 2;
    }
    return t;
  }

  private static boolean[] events(List<Integer> codes) {
    boolean[] e = new boolean[codes.size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = codes.get(i) % 2 == 1;
    }
    return e;
  }

  @Test
  void survivalIsANonIncreasingProbabilityInsideItsLimits() {
    qt().forAll(CODES, integers().between(0, 2))
        .checkAssert(
            (codes, type) -> {
              KaplanMeierFit f =
                  KaplanMeier.withDefaults().with(TYPES[type]).fit(times(codes), events(codes));
              double prev = 1;
              for (int i = 0; i < f.size(); i++) {
                double s = f.survival().get(i);
                assertTrue(s >= 0 && s <= prev, "S non-increasing in [0, 1]");
                java.util.OptionalDouble lo = f.lower().get(i);
                java.util.OptionalDouble hi = f.upper().get(i);
                if (lo.isPresent()) {
                  assertTrue(lo.getAsDouble() <= s + 1e-12, "lower <= S");
                }
                if (hi.isPresent()) {
                  assertTrue(hi.getAsDouble() >= s - 1e-12, "upper >= S");
                }
                prev = s;
              }
            });
  }

  @Test
  void countsAddUp() {
    qt().forAll(CODES)
        .checkAssert(
            codes -> {
              KaplanMeierFit f = KaplanMeier.withDefaults().fit(times(codes), events(codes));
              assertEquals(codes.size(), f.nRisk().get(0));
              int total = 0;
              for (int i = 0; i < f.size(); i++) {
                total += f.nEvent().get(i) + f.nCensor().get(i);
                if (i + 1 < f.size()) {
                  assertEquals(
                      f.nRisk().get(i) - f.nEvent().get(i) - f.nCensor().get(i),
                      f.nRisk().get(i + 1));
                }
              }
              assertEquals(codes.size(), total);
            });
  }

  @Test
  void orderOfClientsDoesNotMatter_andIntegerPathAgrees() {
    qt().forAll(CODES)
        .checkAssert(
            codes -> {
              List<Integer> reversed = new ArrayList<>(codes);
              java.util.Collections.reverse(reversed);
              KaplanMeierFit a = KaplanMeier.withDefaults().fit(times(codes), events(codes));
              KaplanMeierFit b = KaplanMeier.withDefaults().fit(times(reversed), events(reversed));
              assertEquals(a, b);
              int[] it = new int[codes.size()];
              for (int i = 0; i < it.length; i++) {
                it[i] = codes.get(i) / 2;
              }
              assertEquals(a, KaplanMeier.withDefaults().fit(it, events(codes)));
            });
  }

  @Test
  void logRankDoesNotDependOnGroupOrder() {
    qt().forAll(CODES, CODES, CODES)
        .checkAssert(
            (x, y, z) -> {
              Map<String, List<EventTime>> abc = new LinkedHashMap<>();
              abc.put("a", records(x));
              abc.put("b", records(y));
              abc.put("c", records(z));
              Map<String, List<EventTime>> cba = new LinkedHashMap<>();
              cba.put("c", records(z));
              cba.put("b", records(y));
              cba.put("a", records(x));
              LogRankResult t1 = LogRank.test(abc);
              LogRankResult t2 = LogRank.test(cba);
              assertEquals(t1.df(), t2.df());
              if (t1.df() == 2) {
                assertEquals(t1.chiSquare(), t2.chiSquare(), 1e-8 * (1 + t1.chiSquare()));
              }
              double sumOe = 0;
              for (int g = 0; g < 3; g++) {
                sumOe += t1.observed().get(g) - t1.expected().get(g);
              }
              assertEquals(0, sumOe, 1e-9, "observed and expected totals agree");
            });
  }

  private static List<EventTime> records(List<Integer> codes) {
    List<EventTime> out = new ArrayList<>();
    for (int c : codes) {
      out.add(new EventTime(c / 2, c % 2 == 1));
    }
    return out;
  }

  /**
   * Everyone censored: no event, so S(t) = 1 throughout with standard error 0 and limits 1, the
   * median and every quantile are not reached (empty), and the restricted mean up to any horizon
   * is the horizon itself, with standard error 0.
   */
  @Test
  void everyoneCensored_survivalStaysOne_andNothingIsReached() {
    qt().withExamples(40).forAll(lists().of(integers().between(0, 30)).ofSizeBetween(1, 40),
        integers().between(0, 2),
        doubles().between(0, 100))
        .checkAssert((ts, type, horizon) -> {
          double[] t = ts.stream().mapToDouble(Integer::doubleValue).toArray();
          KaplanMeierFit f = KaplanMeier.withDefaults().with(TYPES[type])
              .fit(t, new boolean[t.length]);
          assertEquals(0, f.events());
          // R (survival 3.5-3) gives limits 1 for "log" and "plain", NA for "log-log" at S = 1
          java.util.OptionalDouble limit = TYPES[type] == ConfidenceType.LOG_LOG
              ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(1.0);
          for (int i = 0; i < f.size(); i++) {
            assertEquals(1.0, f.survival().get(i));
            assertEquals(java.util.OptionalDouble.of(0.0), f.stdErr().get(i));
            assertEquals(limit, f.lower().get(i));
            assertEquals(limit, f.upper().get(i));
          }
          assertTrue(f.median().isEmpty() && f.medianLower().isEmpty()
              && f.medianUpper().isEmpty());
          assertTrue(f.quantile(0.25).time().isEmpty());
          RestrictedMean rm = f.restrictedMean(horizon);
          assertEquals(horizon, rm.mean(), 1e-12);
          assertEquals(0, rm.stdErr());
          assertTrue(f.toText().contains("not reached"), f.toText());
          String json = io.candor.json.CandorJson.toJson(f);
          assertTrue(!json.contains("NaN") && !json.contains("Infinity"), json);
        });
  }

  /**
   * Every event at one time t: a single row with S = 0, the median and every quantile at t (their
   * confidence limits not reached, as R gives NA), and the restricted mean up to any horizon at or
   * after t equal to t with standard error 0.
   */
  @Test
  void everyEventAtOneTime_dropsToZeroThere() {
    qt().withExamples(40).forAll(integers().between(1, 200), integers().between(0, 50),
        integers().between(0, 2))
        .checkAssert((n, time, type) -> {
          double[] t = new double[n];
          boolean[] e = new boolean[n];
          java.util.Arrays.fill(t, time);
          java.util.Arrays.fill(e, true);
          KaplanMeierFit f = KaplanMeier.withDefaults().with(TYPES[type]).fit(t, e);
          assertEquals(1, f.size());
          assertEquals(n, f.nEvent().get(0));
          assertEquals(0.0, f.survival().get(0));
          assertEquals(time, f.median().orElseThrow(), 0);
          assertTrue(f.medianLower().isEmpty() && f.medianUpper().isEmpty());
          for (double p : new double[] {0.1, 0.5, 0.9}) {
            assertEquals(time, f.quantile(p).time().orElseThrow(), 0);
          }
          RestrictedMean rm = f.restrictedMean(time + 3.0);
          assertEquals(time, rm.mean(), 1e-12);
          assertEquals(0, rm.stdErr());
          assertTrue(f.stdErr().get(0).isEmpty(), "R: Inf");
          assertTrue(f.lower().get(0).isEmpty() && f.upper().get(0).isEmpty(), "R: NA");
          assertTrue(f.toText().contains("NA"), f.toText());
          assertTrue(!f.toText().contains("NaN") && !f.toText().contains("Infinity"), f.toText());
          String json = io.candor.json.CandorJson.toJson(f);
          assertTrue(!json.contains("NaN") && !json.contains("Infinity"), json);
        });
  }
}
