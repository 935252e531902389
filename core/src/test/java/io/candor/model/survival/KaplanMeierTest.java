package io.candor.model.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Hand-checked Kaplan–Meier numbers, validation and serialisation. */
class KaplanMeierTest {

  private static final KaplanMeier KM = KaplanMeier.withDefaults();

  @Test
  void fit_handChecked_tiesEventsBeforeCensoring() {
    // times 1 1* 2 3 3* 4 (* censored): at 1, 6 at risk, 1 event, 1 censored
    KaplanMeierFit f =
        KM.fit(new double[] {1, 1, 2, 3, 3, 4}, new boolean[] {true, false, true, true, false, true});
    assertEquals(List.of(1.0, 2.0, 3.0, 4.0), f.time());
    assertEquals(List.of(6, 4, 3, 1), f.nRisk());
    assertEquals(List.of(1, 1, 1, 1), f.nEvent());
    assertEquals(List.of(1, 0, 1, 0), f.nCensor());
    double s1 = 5.0 / 6;
    double s2 = s1 * 3 / 4;
    double s3 = s2 * 2 / 3;
    assertEquals(s1, f.survival().get(0), 1e-15);
    assertEquals(s2, f.survival().get(1), 1e-15);
    assertEquals(s3, f.survival().get(2), 1e-15);
    assertEquals(0.0, f.survival().get(3));
    // Greenwood on the cumulative-hazard scale: sqrt(1/(6*5) + 1/(4*3))
    assertEquals(Math.sqrt(1.0 / 30 + 1.0 / 12), f.stdErr().get(1).orElseThrow(), 1e-15);
    assertTrue(f.stdErr().get(3).isEmpty(), "S = 0: R's Inf is empty");
    assertTrue(f.lower().get(3).isEmpty(), "R gives NA once S is 0");
    assertTrue(f.upper().get(3).isEmpty(), "R gives NA once S is 0");
    // summary(fit)$std.err = S * se
    assertEquals(s2 * Math.sqrt(1.0 / 30 + 1.0 / 12), f.survivalStdErr().get(1).getAsDouble(), 1e-15);
    assertTrue(f.survivalStdErr().get(3).isEmpty());
    assertEquals(6, f.n());
    assertEquals(4, f.events());
    assertEquals(3.0, f.median().getAsDouble());
  }

  @Test
  void fit_censorOnlyTimesAreReported() {
    KaplanMeierFit f = KM.fit(new double[] {2, 1, 3}, new boolean[] {true, false, false});
    assertEquals(List.of(1.0, 2.0, 3.0), f.time());
    assertEquals(List.of(1.0, 0.5, 0.5), f.survival());
    assertEquals(2.0, f.median().getAsDouble(), "S is 0.5 from t = 2 and never falls below");
  }

  @Test
  void median_averagesWhenSurvivalIsExactlyHalfOverAnInterval() {
    KaplanMeierFit f = KM.fit(new int[] {1, 2, 3, 4}, new boolean[] {true, true, true, true});
    assertEquals(2.5, f.median().getAsDouble());
  }

  @Test
  void median_absentWhenNotReached() {
    KaplanMeierFit f = KM.fit(new int[] {1, 2, 3, 4}, new boolean[] {true, false, false, false});
    assertFalse(f.median().isPresent());
    assertFalse(f.medianUpper().isPresent());
    assertTrue(f.medianText().startsWith("not reached"));
  }

  @Test
  void restrictedMean_handChecked_andRejectsBadHorizon() {
    // S = 1 on [0, 1), 0.75 on [1, 2), 0.5 on [2, 3): area to 3 = 1 + 0.75 + 0.5
    KaplanMeierFit f = KM.fit(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true});
    assertEquals(2.25, f.restrictedMean(3).mean(), 1e-15);
    assertEquals(0.0, f.restrictedMean(0).mean());
    IllegalArgumentException x =
        assertThrows(IllegalArgumentException.class, () -> f.restrictedMean(-1));
    assertTrue(x.getMessage().contains("horizon") && x.getMessage().contains("-1"), x.getMessage());
    assertThrows(IllegalArgumentException.class, () -> f.restrictedMean(Double.NaN));
  }

  @Test
  void survivalAt_isRightContinuousStep() {
    KaplanMeierFit f = KM.fit(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, true});
    assertEquals(1.0, f.survivalAt(0.5));
    assertEquals(0.75, f.survivalAt(1));
    assertEquals(0.75, f.survivalAt(1.5));
    assertEquals(0.0, f.survivalAt(100));
  }

  @Test
  void timeFix_tiesAlmostEqualTimesAsR() {
    double[] t = {0.1 + 0.2, 0.3, 1, 1 + 1e-9, 2};
    boolean[] e = {true, true, false, true, true};
    KaplanMeierFit f = KM.fit(t, e);
    assertEquals(List.of(0.3, 1.0, 2.0), f.time());
    assertEquals(List.of(2, 1, 1), f.nEvent());
    KaplanMeierFit raw = KM.with(NearTies.KEEP).fit(t, e);
    assertEquals(5, raw.size());
    assertEquals(NearTies.KEEP, KM.with(NearTies.KEEP).nearTies());
  }

  @Test
  void timeFix_tiesRelativelyCloseLargeTimes_andKeepsLaterDistinctTimes() {
    // R's aeqSurv: tied when diff <= tol or diff / mean(|unique times|) <= tol, tol = 1.49e-8
    boolean[] three = {true, true, true};
    KaplanMeierFit large = KM.fit(new double[] {1e6, 1e6 + 1e-3, 2e6}, three);
    assertEquals(List.of(1e6, 2e6), large.time());
    assertEquals(List.of(2, 1), large.nEvent());
    KaplanMeierFit two = KM.fit(new double[] {1e6, 1e6 + 1e-3}, new boolean[] {true, false});
    assertEquals(List.of(1e6), two.time());
    assertEquals(List.of(1), two.nCensor());
    KaplanMeierFit apart = KM.fit(new double[] {1, 1 + 1e-3}, new boolean[] {true, true});
    assertEquals(List.of(1.0, 1 + 1e-3), apart.time());
    KaplanMeierFit chain = KM.fit(new double[] {0, 1e-9, 5, 6, 6 + 1e-9},
        new boolean[] {true, true, true, true, true});
    assertEquals(List.of(0.0, 5.0, 6.0), chain.time());
    assertEquals(List.of(2, 1, 2), chain.nEvent());
  }

  @Test
  void negativeZero_isTheSameTimeAsZero() {
    KaplanMeierFit f = KM.fit(new double[] {-0.0, 0.0, 1}, new boolean[] {true, false, true});
    assertEquals(1, Double.compare(0.0, -0.0));
    assertEquals(0, Double.compare(0.0, f.time().get(0)), "+0.0, not -0.0");
    assertEquals(List.of(1, 1), f.nEvent().subList(0, 2));
    assertEquals(List.of(1, 0), f.nCensor());
  }

  @Test
  void integerAndDoubleTimes_agreeOnWideSpans() {
    int[] t = {0, 5, 1_000_000, 2_000_000_000, 5, 7};
    boolean[] e = {true, false, true, true, true, false};
    double[] d = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      d[i] = t[i];
    }
    assertEquals(KM.fit(d, e), KM.fit(t, e));
  }

  @Test
  void negativeZero_tiesWithZero() {
    KaplanMeierFit f = KM.fit(new double[] {-0.0, 0.0, 1}, new boolean[] {true, false, true});
    assertEquals(2, f.size());
    assertEquals(1, f.nEvent().get(0));
    assertEquals(1, f.nCensor().get(0));
  }

  @Test
  void fit_doesNotChangeTheCallersArrays() {
    double[] t = {3, 1, 2};
    boolean[] e = {true, true, false};
    KM.fit(t, e);
    assertEquals(3.0, t[0]);
    assertTrue(e[0]);
  }

  @Test
  void result_isImmutable() {
    KaplanMeierFit f = KM.fit(new double[] {1, 2}, new boolean[] {true, true});
    assertThrows(UnsupportedOperationException.class, () -> f.survival().set(0, 2.0));
    assertThrows(UnsupportedOperationException.class, () -> f.nRisk().clear());
  }

  @Test
  void rejects_negativeTime() {
    IllegalArgumentException x =
        assertThrows(
            IllegalArgumentException.class,
            () -> KM.fit(new double[] {1, -2}, new boolean[] {true, true}));
    assertTrue(x.getMessage().contains("time[1]") && x.getMessage().contains("-2"), x.getMessage());
    x =
        assertThrows(
            IllegalArgumentException.class, () -> KM.fit(new int[] {-3}, new boolean[] {true}));
    assertTrue(x.getMessage().contains("time[0]") && x.getMessage().contains("-3"), x.getMessage());
    x = assertThrows(IllegalArgumentException.class, () -> EventTime.event(-1));
    assertTrue(x.getMessage().contains("time") && x.getMessage().contains("-1"), x.getMessage());
  }

  @Test
  void rejects_nanAndInfiniteTime() {
    IllegalArgumentException x =
        assertThrows(
            IllegalArgumentException.class,
            () -> KM.fit(new double[] {Double.NaN}, new boolean[] {true}));
    assertTrue(x.getMessage().contains("time[0]") && x.getMessage().contains("NaN"));
    x =
        assertThrows(
            IllegalArgumentException.class,
            () -> KM.fit(new double[] {1, Double.POSITIVE_INFINITY}, new boolean[] {true, true}));
    assertTrue(x.getMessage().contains("time[1]") && x.getMessage().contains("Infinity"));
    assertThrows(IllegalArgumentException.class, () -> EventTime.censored(Double.NaN));
  }

  @Test
  void rejects_emptyData() {
    IllegalArgumentException x =
        assertThrows(
            IllegalArgumentException.class, () -> KM.fit(new double[0], new boolean[0]));
    assertTrue(x.getMessage().contains("time") && x.getMessage().contains("empty"));
    assertThrows(IllegalArgumentException.class, () -> KM.fit(new int[0], new boolean[0]));
    x = assertThrows(IllegalArgumentException.class, () -> KM.fit(List.of()));
    assertTrue(x.getMessage().contains("data"));
    assertThrows(IllegalArgumentException.class, () -> KM.fitStrata(Map.of()));
    x =
        assertThrows(
            IllegalArgumentException.class,
            () -> KM.fitStrata(Map.of("a", List.of(EventTime.event(1)), "b", List.of())));
    assertTrue(x.getMessage().contains("\"b\""), x.getMessage());
  }

  @Test
  void rejects_mismatchedArrayLengths() {
    IllegalArgumentException x =
        assertThrows(
            IllegalArgumentException.class,
            () -> KM.fit(new double[] {1, 2, 3}, new boolean[] {true, false}));
    assertTrue(x.getMessage().contains("event") && x.getMessage().contains("3")
        && x.getMessage().contains("2"), x.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> KM.fit(new int[] {1, 2}, new boolean[] {true}));
  }

  @Test
  void rejects_badConfidenceLevelAndType() {
    IllegalArgumentException x =
        assertThrows(IllegalArgumentException.class, () -> KM.withConfidenceLevel(1.0));
    assertTrue(x.getMessage().contains("confidenceLevel") && x.getMessage().contains("1"));
    assertThrows(IllegalArgumentException.class, () -> KM.withConfidenceLevel(Double.NaN));
    x = assertThrows(IllegalArgumentException.class, () -> ConfidenceType.parse("logit"));
    assertTrue(x.getMessage().contains("logit"), x.getMessage());
    assertEquals(ConfidenceType.LOG_LOG, ConfidenceType.parse("log-log"));
    assertEquals(ConfidenceType.PLAIN, ConfidenceType.parse("PLAIN"));
  }

  @Test
  void logRank_rejectsBadRhoAndEmptyStrata() {
    Map<String, List<EventTime>> two = new TreeMap<>();
    two.put("a", List.of(EventTime.event(1)));
    two.put("b", List.of(EventTime.event(2)));
    IllegalArgumentException x =
        assertThrows(IllegalArgumentException.class, () -> LogRank.test(two, Double.NaN, NearTies.MERGE));
    assertTrue(x.getMessage().contains("rho") && x.getMessage().contains("NaN"), x.getMessage());
    x =
        assertThrows(
            IllegalArgumentException.class, () -> LogRank.testStratified(Map.of(), 0, NearTies.MERGE));
    assertTrue(x.getMessage().contains("strata"), x.getMessage());
    x =
        assertThrows(
            IllegalArgumentException.class,
            () -> LogRank.testStratified(Map.of("s", Map.of("a", List.of(EventTime.event(1)))), 0,
                NearTies.MERGE));
    assertTrue(x.getMessage().contains("2 groups"), x.getMessage());
    x =
        assertThrows(
            IllegalArgumentException.class,
            () -> LogRank.testStratified(Map.of("s", Map.of()), 0, NearTies.MERGE));
    assertTrue(x.getMessage().contains("\"s\""), x.getMessage());
    assertTrue(LogRank.test(two, 1, NearTies.MERGE).toText().contains("G-rho test (rho = 1)"));
  }

  @Test
  void logRank_rejectsFewerThanTwoGroups() {
    IllegalArgumentException x =
        assertThrows(
            IllegalArgumentException.class,
            () -> LogRank.test(Map.of("a", List.of(EventTime.event(1)))));
    assertTrue(x.getMessage().contains("2 groups"), x.getMessage());
  }

  @Test
  void logRank_identicalGroupsGiveZeroChiSquare() {
    List<EventTime> g =
        List.of(EventTime.event(1), EventTime.event(2), EventTime.censored(3), EventTime.event(4));
    Map<String, List<EventTime>> m = new LinkedHashMap<>();
    m.put("x", g);
    m.put("y", g);
    LogRankResult t = LogRank.test(m);
    assertEquals(0.0, t.chiSquare(), 1e-15);
    assertEquals(1, t.df());
    assertEquals(1.0, t.p(), 1e-12);
  }

  @Test
  void logRank_groupWithNoExpectedEventsIsDroppedAsR() {
    // group c enters after every event: expected 0, so df = 1 as in R
    Map<String, List<EventTime>> m = new TreeMap<>();
    m.put("a", List.of(EventTime.event(1), EventTime.event(2), EventTime.censored(5)));
    m.put("b", List.of(EventTime.event(3), EventTime.censored(4), EventTime.censored(6)));
    m.put("c", List.of(EventTime.censored(0.5)));
    LogRankResult t = LogRank.test(m);
    assertEquals(1, t.df());
    assertEquals(0.0, t.expected().get(2));
  }

  @Test
  void fitStrata_fromParallelArraysSortsGroupsAsR() {
    StratifiedFit s =
        KM.fitStrata(
            List.of("b", "a", "b", "a"), new double[] {1, 2, 3, 4},
            new boolean[] {true, true, false, true});
    assertEquals(List.of("a", "b"), s.strata().stream().map(Stratum::name).toList());
    assertEquals(2, s.stratum("a").fit().n());
    IllegalArgumentException x =
        assertThrows(
            IllegalArgumentException.class,
            () -> KM.fitStrata(List.of("a"), new double[] {1, 2}, new boolean[] {true, true}));
    assertTrue(x.getMessage().contains("group") && x.getMessage().contains("2"), x.getMessage());
    x =
        assertThrows(
            IllegalArgumentException.class,
            () -> KM.fitStrata(List.of("a", " "), new double[] {1, 2}, new boolean[] {true, true}));
    assertTrue(x.getMessage().contains("group[1]"), x.getMessage());
    x =
        assertThrows(
            IllegalArgumentException.class,
            () -> KM.fitStrata(List.of("a", "b"), new double[] {1, -2}, new boolean[] {true, true}));
    assertTrue(x.getMessage().contains("time[1]") && x.getMessage().contains("-2"), x.getMessage());
  }

  @Test
  void stratifiedFit_hasCurvesAndTestAndText() {
    Map<String, List<EventTime>> m = new TreeMap<>();
    m.put("early", List.of(EventTime.event(1), EventTime.event(2), EventTime.censored(3)));
    m.put("late", List.of(EventTime.event(4), EventTime.event(6), EventTime.censored(8)));
    StratifiedFit s = KM.fitStrata(m);
    assertEquals(List.of("early", "late"), s.strata().stream().map(Stratum::name).toList());
    assertTrue(s.logRank().isPresent());
    String text = s.toText();
    assertTrue(text.contains("early") && text.contains("Log-rank"), text);
    assertTrue(s.stratum("late").fit().toText().contains("n.risk"));
    assertThrows(IllegalArgumentException.class, () -> s.stratum("middle"));
    assertFalse(KM.fitStrata(Map.of("one", m.get("early"))).logRank().isPresent());
  }

  @Test
  void jackson_serialisesTheRecordsWithTheIssuesFieldNames() {
    KaplanMeierFit f =
        KM.fit(new double[] {1, 2, 3, 4}, new boolean[] {true, false, false, false});
    JsonNode node = JsonMapper.builder().build().valueToTree(f);
    for (String field :
        List.of("time", "nRisk", "nEvent", "survival", "stdErr", "lower", "upper", "median",
            "medianLower", "medianUpper")) {
      assertTrue(node.has(field), field + " in " + node);
    }
    assertTrue(node.get("median").isNull(), node.toString());
    assertEquals(4, node.get("time").size());
  }

  @Test
  void limitsRLeavesUndefined_areNullInJson_andRoundTrip() {
    KaplanMeierFit f = KM.fit(new double[] {1, 2, 3}, new boolean[] {true, true, true}); // S reaches 0
    String json = io.candor.json.CandorJson.toJson(f);
    JsonNode lower = JsonMapper.builder().build().readTree(json).get("value").get("lower");
    assertTrue(lower.get(2).isNull(), json);
    assertFalse(json.contains("NaN"), json);
    assertEquals(f, io.candor.json.CandorJson.fromJson(json, KaplanMeierFit.class));
  }

  @Test
  void fitters_areValues_andNearTiesIsAChoice() {
    KaplanMeier a = KaplanMeier.withDefaults().with(ConfidenceType.LOG_LOG).with(NearTies.KEEP);
    KaplanMeier b = KaplanMeier.withDefaults().with(NearTies.KEEP).with(ConfidenceType.LOG_LOG);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, a.with(NearTies.MERGE));
    assertNotEquals(a, a.withConfidenceLevel(0.9));
    assertEquals(NearTies.MERGE, KaplanMeier.withDefaults().nearTies());
    assertEquals("KaplanMeier[LOG_LOG limits, level 0.95, near ties KEEP]", a.toString());
    assertEquals(NearTies.KEEP, NearTies.parse("keep"));
    assertEquals(ConfidenceType.LOG_LOG, a.confidenceType());
    assertEquals(0.9, a.withConfidenceLevel(0.9).confidenceLevel());
    assertNotEquals(a.hashCode(), a.withConfidenceLevel(0.9).hashCode());
  }

  @Test
  void confidenceTypes_parseRsNamesAndTheConstantNames() {
    for (ConfidenceType t : ConfidenceType.values()) {
      assertEquals(t, ConfidenceType.parse(t.rName()));
      assertEquals(t, ConfidenceType.parse(t.name()));
    }
    assertEquals("log-log", ConfidenceType.LOG_LOG.rName());
    assertEquals("log", ConfidenceType.LOG.rName());
    assertEquals("plain", ConfidenceType.PLAIN.rName());
  }

  @Test
  void fitCounts_equalsFittingTheIndividualTimes() {
    int[] time = {3, 5, 5, 8, 10, 12, 12, 16, 20, 20, 0};
    boolean[] event = {true, true, false, true, true, false, true, true, false, false, false};
    KaplanMeierFit counted = KM.fitCounts(new int[] {0, 3, 5, 8, 10, 12, 16, 20},
        new int[] {0, 1, 1, 1, 1, 1, 1, 0}, new int[] {1, 0, 1, 0, 0, 1, 0, 2});
    assertEquals(KM.fit(time, event), counted);
  }

  @Test
  void fitCounts_rejectsUnorderedTimesAndEmptyCounts() {
    IllegalArgumentException order = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> KM.fitCounts(new int[] {2, 1}, new int[] {1, 1}, new int[] {0, 0}));
    assertEquals("times must be >= 0 and strictly increasing; times[1] is 1 after 2",
        order.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> KM.fitCounts(new int[] {1}, new int[] {0}, new int[] {0}));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> KM.fitCounts(new int[] {}, new int[] {}, new int[] {}));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> KM.fitCounts(new int[] {1}, new int[] {-1}, new int[] {2}));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> KM.fitCounts(new int[] {1}, new int[] {2}, new int[] {-1}));
    assertEquals("times must be >= 0 and strictly increasing; times[1] is 1 after 1",
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> KM.fitCounts(new int[] {1, 1}, new int[] {1, 1}, new int[] {0, 0}))
            .getMessage());
    assertEquals("times must be >= 0 and strictly increasing; times[0] is -1",
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> KM.fitCounts(new int[] {-1}, new int[] {1}, new int[] {0})).getMessage());
  }

  @Test
  void toText_listsTheRowsAskedFor_andCountsTheRest() {
    // S = 0.75, 0.5, 0.25, 0 at times 1 to 4; the median 2.5 (S is 0.5 on [2, 3))
    KaplanMeierFit f = KM.fit(new int[] {1, 2, 3, 4}, new boolean[] {true, true, true, true});
    assertTrue(f.medianText().startsWith("2.5 (95% CI "), f.medianText());
    String two = f.toText(2);
    assertTrue(two.startsWith("n = 4, events = 4" + System.lineSeparator()
        + "median time to event: " + f.medianText() + System.lineSeparator()), two);
    assertTrue(two.contains(" lower95 ") && two.contains(" upper95"), two);
    assertTrue(two.contains("... 2 more rows"), two);
    assertEquals(2 + 1 + 2 + 1 + 1, two.lines().count(), two);
    String row3 = String.format(java.util.Locale.ROOT, "%10s %7d %7d %8d %9.4f", "3", 2, 1, 0, 0.25);
    assertTrue(two.contains(String.format(java.util.Locale.ROOT, "%10s %7d %7d %8d %9.4f", "2", 3,
        1, 0, 0.5)) && !two.contains(row3), two);
    String all = f.toText(4);
    assertTrue(all.contains(row3) && !all.contains("more rows"), all);
    assertTrue(f.toText(0).contains("... 4 more rows"), f.toText(0));
  }

  @Test
  void logRank_readsATimeOfMinusZeroAsZero() {
    // −0.0 sorts before 0.0 and compares unequal to it: read raw, the two events at time zero
    // would be two event times
    Map<String, List<EventTime>> negative = Map.of(
        "a", List.of(new EventTime(-0.0, true), new EventTime(1, true), new EventTime(3, false)),
        "b", List.of(new EventTime(0.0, true), new EventTime(2, true), new EventTime(2, false)));
    Map<String, List<EventTime>> zero = Map.of(
        "a", List.of(new EventTime(0.0, true), new EventTime(1, true), new EventTime(3, false)),
        "b", List.of(new EventTime(0.0, true), new EventTime(2, true), new EventTime(2, false)));
    assertEquals(LogRank.test(zero), LogRank.test(negative));
  }

  @Test
  void logRankStratified_aStratumWithoutOneGroup_addsNothingToTheStatistic() {
    // in a stratum where only group a is at risk, its expected events equal its observed ones and
    // the variance is zero
    Map<String, List<EventTime>> both = Map.of(
        "a", List.of(EventTime.event(1), EventTime.event(2), EventTime.censored(4)),
        "b", List.of(EventTime.event(3), EventTime.event(5), EventTime.censored(6)));
    Map<String, List<EventTime>> onlyA = Map.of(
        "a", List.of(EventTime.event(2), EventTime.censored(3)));
    LogRankResult plain = LogRank.test(both);
    LogRankResult stratified = LogRank.testStratified(
        new TreeMap<>(Map.of("s1", both, "s2", onlyA)), 0, NearTies.MERGE);
    assertEquals(plain.chiSquare(), stratified.chiSquare(), 1e-12);
  }

  @Test
  void fitCounts_acceptsUpToIntegerMaxValueSubjects() {
    KaplanMeierFit f = KM.fitCounts(new int[] {1, 2}, new int[] {Integer.MAX_VALUE - 1, 0},
        new int[] {0, 1});
    assertEquals(Integer.MAX_VALUE, f.nRisk().get(0));
    assertThrows(IllegalArgumentException.class, () -> KM.fitCounts(new int[] {1, 2},
        new int[] {Integer.MAX_VALUE - 1, 1}, new int[] {0, 1}));
  }
}
