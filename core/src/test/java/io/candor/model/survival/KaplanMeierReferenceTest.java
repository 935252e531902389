package io.candor.model.survival;

import io.candor.reference.ReferenceCsv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Agreement with R 4.2.2 / survival 3.5-3 on the data sets of {@code
 * reference/survival/make_reference.R}: every curve (three confidence types, two levels), every
 * median with its interval and every log-rank test, to 1e-10.
 */
class KaplanMeierReferenceTest {

  private static final String DIR = "/reference/survival/";
  private static final double TOL = 1e-10;

  /** dataset → group → event times, groups in R's (alphabetical) order. */
  private static Map<String, TreeMap<String, List<EventTime>>> data() {
    Map<String, TreeMap<String, List<EventTime>>> out = new LinkedHashMap<>();
    for (Map<String, String> row : ReferenceCsv.read(DIR + "km_data.csv")) {
      out.computeIfAbsent(row.get("dataset"), k -> new TreeMap<>())
          .computeIfAbsent(row.get("group"), k -> new ArrayList<>())
          .add(new EventTime(Double.parseDouble(row.get("time")), row.get("status").equals("1")));
    }
    return out;
  }

  private static KaplanMeier fitter(Map<String, String> row) {
    return KaplanMeier.withDefaults()
        .with(ConfidenceType.parse(row.get("conftype")))
        .withConfidenceLevel(Double.parseDouble(row.get("conflevel")));
  }

  private static void close(String what, double expected, double actual) {
    if (Double.isNaN(expected) || Double.isInfinite(expected)) {
      assertEquals(expected, actual, what);
    } else {
      assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)), what);
    }
  }

  @Test
  void curves_matchSurvfitForEveryConfidenceTypeAndLevel() {
    Map<String, TreeMap<String, List<EventTime>>> data = data();
    Map<String, KaplanMeierFit> cache = new LinkedHashMap<>();
    Map<String, Integer> rowInFit = new LinkedHashMap<>();
    int checked = 0;
    for (Map<String, String> row : ReferenceCsv.read(DIR + "km_curves.csv")) {
      String key =
          row.get("dataset") + "/" + row.get("conftype") + "/" + row.get("conflevel") + "/"
              + row.get("stratum");
      KaplanMeierFit fit =
          cache.computeIfAbsent(
              key, k -> fitter(row).fitStrata(data.get(row.get("dataset"))).stratum(row.get("stratum")).fit());
      int i = rowInFit.merge(key, 1, Integer::sum) - 1;
      String where = key + " row " + i;
      close(where + " time", ReferenceCsv.num(row.get("time")), fit.time().get(i));
      assertEquals(Integer.parseInt(row.get("nrisk")), fit.nRisk().get(i), where + " n.risk");
      assertEquals(Integer.parseInt(row.get("nevent")), fit.nEvent().get(i), where + " n.event");
      assertEquals(Integer.parseInt(row.get("ncensor")), fit.nCensor().get(i), where + " n.censor");
      close(where + " surv", ReferenceCsv.num(row.get("surv")), fit.survival().get(i));
      double se = ReferenceCsv.num(row.get("stderr"));
      if (se == Double.POSITIVE_INFINITY) {
        assertTrue(fit.stdErr().get(i).isEmpty(), where + " std.err (R: Inf) should be empty");
      } else {
        close(where + " std.err", se, fit.stdErr().get(i).orElseThrow());
      }
      close(where + " lower", ReferenceCsv.num(row.get("lower")), fit.lower().get(i).orElse(Double.NaN));
      close(where + " upper", ReferenceCsv.num(row.get("upper")), fit.upper().get(i).orElse(Double.NaN));
      checked++;
    }
    for (Map.Entry<String, Integer> e : rowInFit.entrySet()) {
      assertEquals(e.getValue(), cache.get(e.getKey()).size(), e.getKey() + " number of rows");
    }
    assertTrue(checked > 3000, "rows checked: " + checked);
  }

  private static void closeOpt(String what, String expected, OptionalDouble actual) {
    double e = ReferenceCsv.num(expected);
    if (Double.isNaN(e)) {
      assertFalse(actual.isPresent(), what + " should be absent (R: NA), was " + actual);
    } else {
      assertTrue(actual.isPresent(), what + " should be " + e);
      close(what, e, actual.getAsDouble());
    }
  }

  @Test
  void medians_matchPrintSurvfitIncludingNotReachedAndExactHalf() {
    Map<String, TreeMap<String, List<EventTime>>> data = data();
    int checked = 0;
    for (Map<String, String> row : ReferenceCsv.read(DIR + "km_medians.csv")) {
      KaplanMeierFit fit = fitter(row).fitStrata(data.get(row.get("dataset"))).stratum(row.get("stratum")).fit();
      String where = row.get("dataset") + "/" + row.get("conftype") + "/" + row.get("conflevel")
          + "/" + row.get("stratum");
      assertEquals(Integer.parseInt(row.get("n")), fit.n(), where + " n");
      assertEquals(Integer.parseInt(row.get("events")), fit.events(), where + " events");
      closeOpt(where + " median", row.get("median"), fit.median());
      closeOpt(where + " lower", row.get("lcl"), fit.medianLower());
      closeOpt(where + " upper", row.get("ucl"), fit.medianUpper());
      checked++;
    }
    assertEquals(108, checked);
  }

  @Test
  void restrictedMean_matchesPrintSurvfitRmean() {
    Map<String, TreeMap<String, List<EventTime>>> data = data();
    int checked = 0;
    for (Map<String, String> row : ReferenceCsv.read(DIR + "km_rmean.csv")) {
      KaplanMeierFit fit =
          KaplanMeier.withDefaults().fitStrata(data.get(row.get("dataset")))
              .stratum(row.get("stratum")).fit();
      double tau = ReferenceCsv.num(row.get("tau"));
      RestrictedMean r = fit.restrictedMean(tau);
      String where = row.get("dataset") + "/" + row.get("stratum") + "/tau=" + tau;
      close(where + " rmean", ReferenceCsv.num(row.get("rmean")), r.mean());
      close(where + " se", ReferenceCsv.num(row.get("se")), r.stdErr());
      checked++;
    }
    assertEquals(54, checked);
  }

  @Test
  void quantiles_matchQuantileSurvfit() {
    Map<String, TreeMap<String, List<EventTime>>> data = data();
    int checked = 0;
    for (Map<String, String> row : ReferenceCsv.read(DIR + "km_quantiles.csv")) {
      KaplanMeierFit fit = fitter(row).fitStrata(data.get(row.get("dataset"))).stratum(row.get("stratum")).fit();
      double p = Double.parseDouble(row.get("p"));
      SurvivalQuantile q = fit.quantile(p);
      String where = row.get("dataset") + "/" + row.get("conftype") + "/" + row.get("conflevel")
          + "/" + row.get("stratum") + "/p=" + p;
      closeOpt(where + " quantile", row.get("quantile"), q.time());
      closeOpt(where + " lower", row.get("lower"), q.lower());
      closeOpt(where + " upper", row.get("upper"), q.upper());
      checked++;
    }
    assertEquals(324, checked);
  }

  /** dataset → stratum → group → event times (the stratified log-rank test). */
  private static Map<String, TreeMap<String, TreeMap<String, List<EventTime>>>> strataData() {
    Map<String, TreeMap<String, TreeMap<String, List<EventTime>>>> out = new LinkedHashMap<>();
    for (Map<String, String> row : ReferenceCsv.read(DIR + "km_data.csv")) {
      out.computeIfAbsent(row.get("dataset"), k -> new TreeMap<>())
          .computeIfAbsent(row.get("stratum"), k -> new TreeMap<>())
          .computeIfAbsent(row.get("group"), k -> new ArrayList<>())
          .add(new EventTime(Double.parseDouble(row.get("time")), row.get("status").equals("1")));
    }
    return out;
  }

  private static String testKey(Map<String, String> row) {
    return row.get("dataset") + "/rho=" + row.get("rho") + "/stratified=" + row.get("stratified");
  }

  @Test
  void logRank_matchesSurvdiffIncludingRhoAndStrata() {
    Map<String, TreeMap<String, List<EventTime>>> data = data();
    Map<String, TreeMap<String, TreeMap<String, List<EventTime>>>> strata = strataData();
    Map<String, LogRankResult> tests = new LinkedHashMap<>();
    for (Map<String, String> row : ReferenceCsv.read(DIR + "logrank.csv")) {
      double rho = Double.parseDouble(row.get("rho"));
      String key = testKey(row);
      LogRankResult t =
          row.get("stratified").equals("TRUE")
              ? LogRank.testStratified(strata.get(row.get("dataset")), rho, NearTies.MERGE)
              : LogRank.test(data.get(row.get("dataset")), rho, NearTies.MERGE);
      tests.put(key, t);
      close(key + " chisq", ReferenceCsv.num(row.get("chisq")), t.chiSquare());
      assertEquals(Integer.parseInt(row.get("df")), t.df(), key);
      close(key + " p", ReferenceCsv.num(row.get("p")), t.p());
      assertEquals(rho, t.rho());
    }
    assertEquals(11, tests.size());
    Map<String, Integer> index = new LinkedHashMap<>();
    for (Map<String, String> row : ReferenceCsv.read(DIR + "logrank_groups.csv")) {
      String key = testKey(row);
      LogRankResult t = tests.get(key);
      int g = index.merge(key, 1, Integer::sum) - 1;
      String where = key + "/" + row.get("group");
      assertEquals(row.get("group"), t.groups().get(g), where);
      assertEquals(Integer.parseInt(row.get("n")), t.n().get(g), where + " n");
      close(where + " observed", ReferenceCsv.num(row.get("observed")), t.observed().get(g));
      close(where + " expected", ReferenceCsv.num(row.get("expected")), t.expected().get(g));
      String[] v = row.get("var").split(";");
      for (int j = 0; j < v.length; j++) {
        close(where + " var " + j, ReferenceCsv.num(v[j]), t.variance().get(g).get(j));
      }
    }
  }

  @Test
  void integerTimes_giveTheSameCurveAsDoubleTimes() {
    List<EventTime> sessions = data().get("sessions").get("early");
    int[] it = new int[sessions.size()];
    double[] dt = new double[sessions.size()];
    boolean[] ev = new boolean[sessions.size()];
    for (int i = 0; i < it.length; i++) {
      it[i] = (int) sessions.get(i).time();
      dt[i] = sessions.get(i).time();
      ev[i] = sessions.get(i).event();
    }
    assertEquals(KaplanMeier.withDefaults().fit(dt, ev), KaplanMeier.withDefaults().fit(it, ev));
  }
}
