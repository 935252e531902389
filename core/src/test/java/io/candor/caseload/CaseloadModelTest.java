package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instruments;
import io.candor.progress.AlertRules;
import io.candor.progress.ExpectedResponseModel;
import io.candor.simulation.Scenario;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CaseloadModelTest {

  private static CaseloadModel model;
  private static CaseloadRun large;

  @BeforeAll
  static void fitOnce() {
    ExpectedResponseModel erm = ReferenceModels.fitted(CaseloadModel.withDefaults().scenario());
    model = CaseloadModel.withDefaults().with(erm);
    large = model.simulate(11, 300, 156, 2);
  }

  @Test
  void simulate_isIdenticalForAnyThreadCount() {
    CaseloadRun one = model.simulate(5, 23, 60, 1);
    CaseloadRun three = model.simulate(5, 23, 60, 3);
    assertEquals(one, three);
    assertNotEquals(one, model.simulate(6, 23, 60, 1));
  }

  @Test
  void standingCaseloadFollowsLittlesLawAndHoldsMoreChronicAndNonImprovingClients() {
    Composition c = large.composition().orElseThrow();
    for (CompositionRow r : c.courses()) {
      assertEquals(r.littlesLaw().orElseThrow(), r.standing(), 0.015, r.group());
    }
    for (CompositionRow r : c.outcomes()) {
      assertEquals(r.littlesLaw().orElseThrow(), r.standing(), 0.015, r.group());
    }
    CompositionRow chronic = c.row("chronic");
    assertTrue(chronic.standing() > chronic.started() + 0.03, chronic.toString());
    CompositionRow notImproved = c.row("not reliably improved");
    assertTrue(notImproved.standing() > notImproved.started() * 1.5, notImproved.toString());
    CompositionRow improved = c.row("reliably improved");
    assertTrue(improved.meanWeeks().orElseThrow() < notImproved.meanWeeks().orElseThrow());
    assertTrue(c.statement().contains("clients who improve leave sooner"), c.statement());
    assertTrue(c.statement().contains("not from the therapist's work"), c.statement());
  }

  @Test
  void flowIsConserved() {
    CaseloadModel m = model.with(Referrals.poisson(2.5)).withCapacity(12);
    CaseloadRun r = m.simulate(3, 1, 80, 1);
    double referred = 0;
    double started = 0;
    double discharged = 0;
    for (CaseloadWeek w : r.weeks()) {
      referred += w.referrals();
      started += w.started();
      discharged += w.dischargesTotal();
      assertTrue(w.sessions() <= 12, "week " + w.week() + " gave " + w.sessions() + " sessions");
      assertTrue(w.discharges().get(Outcome.RECOVERY)
          <= w.discharges().get(Outcome.RELIABLE_IMPROVEMENT));
    }
    CaseloadWeek last = r.weeks().get(79);
    assertEquals(referred, started + last.waiting(), 1e-9);
    assertEquals(started, discharged + last.caseload(), 1e-9);
    assertEquals(last.waiting(), r.stillWaiting(), 1e-9);
    assertEquals(last.caseload(), r.stillInTreatment(), 1e-9);
  }

  @Test
  void fortnightlySessionsHalveTheWeeklyLoadOfEachClient() {
    CaseloadRun r = model.withSessionInterval(2).withCapacity(10).simulate(4, 1, 70, 1);
    for (CaseloadWeek w : r.weeks()) {
      assertTrue(w.sessions() <= 10);
    }
    assertTrue(r.weeks().get(60).caseload() > 10, "two slots of 10 hold up to 20 clients");
  }

  @Test
  void scheduleGivesExactlyTheScheduledReferrals() {
    int[] schedule = new int[40];
    for (int w = 0; w < 40; w++) {
      schedule[w] = w % 3;
    }
    CaseloadRun r = model.with(Referrals.schedule(schedule)).withWarmUpWeeks(4).simulate(1, 3, 40, 1);
    for (CaseloadWeek w : r.weeks()) {
      assertEquals(w.week() % 3, w.referrals(), 0);
    }
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> model.with(Referrals.schedule(schedule)).simulate(1, 1, 41, 1)).getMessage()
        .contains("covers 40 weeks but the run has 41"));
  }

  @Test
  void traumaShareSetsTraumaExposureSessions() {
    CaseloadRun none = model.withTraumaShare(0).simulate(2, 5, 30, 1);
    CaseloadRun all = model.withTraumaShare(1).simulate(2, 5, 30, 1);
    for (int w = 0; w < 30; w++) {
      assertEquals(0, none.weeks().get(w).traumaSessions());
      assertEquals(all.weeks().get(w).sessions(), all.weeks().get(w).traumaSessions());
    }
    CaseloadWeek typical = large.weeks().get(120);
    double share = typical.traumaSessions() / typical.sessions();
    assertEquals(CaseloadModel.DEFAULT_TRAUMA_SHARE.value(), share, 0.05);
  }

  @Test
  void dischargeRulesShapeTheStay() {
    CaseloadModel fixed = model.with(RecoveryDischarge.NEVER).with(Extension.NONE)
        .withSessions(8, 8);
    Composition c = fixed.simulate(9, 40, 80, 1).composition().orElseThrow();
    // everyone who completes stays exactly 8 sessions: weeks 0 (intake) .. 8, discharged in week 8
    assertEquals(8.0, c.row("reliably improved").meanWeeks().orElseThrow(), 1e-12);
    assertEquals(8.0, c.row("not reliably improved").meanWeeks().orElseThrow(), 1e-12);
    CaseloadModel sustained = model.with(RecoveryDischarge.AT_SUSTAINED_RECOVERY);
    double first = model.simulate(9, 40, 80, 1).composition().orElseThrow()
        .row("reliably improved").meanWeeks().orElseThrow();
    double second = sustained.simulate(9, 40, 80, 1).composition().orElseThrow()
        .row("reliably improved").meanWeeks().orElseThrow();
    assertTrue(second > first, first + " vs " + second);
  }

  @Test
  void weeklySeriesReportsAlertsAndDeteriorationAsShares() {
    CaseloadWeek w = large.weeks().get(100);
    assertTrue(w.shareNotOnTrack().orElseThrow() > 0.05 && w.shareNotOnTrack().orElseThrow() < 0.6);
    assertTrue(w.shareReliablyWorse().orElseThrow() > 0 && w.shareReliablyWorse().orElseThrow() < 0.3);
    assertTrue(w.shareChronic().orElseThrow() > 0.2);
    assertTrue(large.weeks().get(0).shareNotOnTrack().isEmpty(), "nobody has had a session yet");
    assertEquals(156, large.weeks().size());
  }

  @Test
  void badInputIsRefusedWithTheFieldAndValue() {
    CaseloadModel d = CaseloadModel.withDefaults();
    assertEquals("capacity (sessions per week) must be between 0 and 10000, was -1",
        assertThrows(IllegalArgumentException.class, () -> d.withCapacity(-1)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withSessions(12, 8))
        .getMessage().contains("maximum sessions 8 must be at least the planned sessions 12"));
    assertThrows(IllegalArgumentException.class, () -> d.withTraumaShare(1.5));
    assertThrows(IllegalArgumentException.class, () -> d.withSessionInterval(0));
    assertThrows(IllegalArgumentException.class, () -> Referrals.poisson(-0.5));
    assertThrows(IllegalArgumentException.class, () -> Referrals.schedule(1, -2));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> d.simulate(1, 1, 20, 1))
        .getMessage().contains("warm-up of 26 weeks must be shorter than the run of 20 weeks"));
    assertThrows(IllegalArgumentException.class, () -> d.simulate(1, 0, 52, 1));
    assertThrows(IllegalArgumentException.class, () -> d.simulate(1, 1, 52, 0));
  }

  @Test
  void configurationHasValueSemantics() {
    CaseloadModel a = CaseloadModel.withDefaults().withCapacity(15);
    CaseloadModel b = CaseloadModel.withDefaults().withCapacity(15);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, b.withCapacity(16));
    assertTrue(a.toString().contains("capacity 15 sessions/week"), a.toString());
    assertEquals(Referrals.schedule(1, 2), Referrals.schedule(1, 2));
    assertNotEquals(Referrals.poisson(1), Referrals.schedule(1));
  }

  @Test
  void shortRunsHaveNoCompositionWindow() {
    CaseloadRun r = model.simulate(1, 2, 40, 1); // 26 warm-up + 20 sessions > 40
    assertTrue(r.composition().isEmpty());
  }
  @Test
  void defaults_areTheDocumentedFigures() {
    CaseloadModel d = CaseloadModel.withDefaults();
    assertEquals(Scenario.calibratedDefault(Instruments.PHQ9), d.scenario());
    assertEquals(Referrals.poisson(1.7), d.referrals());
    assertEquals(20, d.capacity());
    assertEquals(1, d.sessionInterval());
    assertEquals(12, d.plannedSessions());
    assertEquals(20, d.maximumSessions());
    assertEquals(RecoveryDischarge.AT_RECOVERY, d.recoveryDischarge());
    assertEquals(Extension.WHEN_NOT_IMPROVED, d.extension());
    assertEquals(0.25, d.traumaShare());
    assertEquals(26, d.warmUpWeeks());
    assertTrue(d.expectedResponse().isEmpty());
    assertTrue(d.alertRules().isEmpty());
    assertEquals(AlertRules.forInstrument(Instruments.PHQ9), d.effectiveAlertRules());
    assertEquals("CaseloadModel[PHQ-9, referrals Poisson(1.7 per week), capacity 20 sessions/week,"
        + " every 1 week(s), 12 planned / 20 maximum sessions, AT_RECOVERY, WHEN_NOT_IMPROVED,"
        + " trauma share 0.25, warm-up 26 weeks]", d.toString());
  }

  @Test
  void eachWither_setsItsPropertyOnly_andEqualsSeesEveryProperty() {
    CaseloadModel d = CaseloadModel.withDefaults();
    ExpectedResponseModel erm = model.expectedResponse().orElseThrow();
    AlertRules rules = AlertRules.withDefaults().withPercentiles(0.7, 0.9);
    Scenario gad = Scenario.calibratedDefault(Instruments.GAD7);
    assertEquals(gad, d.with(gad).scenario());
    assertEquals(Referrals.schedule(2, 3), d.with(Referrals.schedule(2, 3)).referrals());
    assertEquals(21, d.withCapacity(21).capacity());
    assertEquals(2, d.withSessionInterval(2).sessionInterval());
    assertEquals(11, d.withSessions(11, 20).plannedSessions());
    assertEquals(12, d.withSessions(12, 12).maximumSessions(), "maximum may equal planned");
    assertEquals(RecoveryDischarge.NEVER, d.with(RecoveryDischarge.NEVER).recoveryDischarge());
    assertEquals(Extension.NONE, d.with(Extension.NONE).extension());
    assertEquals(0.3, d.withTraumaShare(0.3).traumaShare());
    assertEquals(10, d.withWarmUpWeeks(10).warmUpWeeks());
    assertEquals(erm, d.with(erm).expectedResponse().orElseThrow());
    assertEquals(rules, d.with(rules).alertRules().orElseThrow());
    assertEquals(rules.resolve(Instruments.PHQ9), d.with(rules).effectiveAlertRules());
    assertTrue(d.with(erm).with(rules).toString().endsWith(" weeks, given model, " + rules + "]"));
    List<CaseloadModel> variants = List.of(d.with(gad), d.with(Referrals.poisson(2)),
        d.withCapacity(21), d.withSessionInterval(2), d.withSessions(11, 20),
        d.withSessions(12, 21), d.with(RecoveryDischarge.NEVER), d.with(Extension.NONE),
        d.withTraumaShare(0.3), d.withWarmUpWeeks(10), d.with(erm), d.with(rules));
    for (CaseloadModel v : variants) {
      assertNotEquals(d, v, v.toString());
      assertNotEquals(d.hashCode(), v.hashCode(), v.toString());
    }
    assertNotEquals(d, "CaseloadModel");
  }

  @Test
  void simulate_needsARunLongerThanTheWarmUp() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> model.simulate(1, 1, 26, 1))
        .getMessage().contains("warm-up of 26 weeks must be shorter than the run of 26 weeks"));
    assertEquals(27, model.simulate(1, 1, 27, 1).weeks().size());
  }
  /** A run made inside the test (PIT credits a run made in @BeforeAll to no test). */
  @Test
  void weeklySeries_balancesItsStocksAndFlows_andReportsPlausibleShares() {
    CaseloadRun r = model.simulate(12, 20, 110, 2);
    assertEquals(20, r.therapists());
    assertEquals(12, r.seed());
    assertEquals("PHQ-9", r.instrument());
    assertEquals(model.toString(), r.model());
    double referrals = 0;
    for (int w = 0; w < 110; w++) {
      CaseloadWeek now = r.weeks().get(w);
      assertEquals(w, now.week());
      referrals += now.referrals();
      double waitingBefore = w == 0 ? 0 : r.weeks().get(w - 1).waiting();
      double caseloadBefore = w == 0 ? 0 : r.weeks().get(w - 1).caseload();
      assertEquals(waitingBefore + now.referrals() - now.started(), now.waiting(), 1e-9);
      assertEquals(caseloadBefore + now.started() - now.dischargesTotal(), now.caseload(), 1e-9);
      assertTrue(now.sessions() <= caseloadBefore + now.started() + 1e-9 && now.sessions() <= 20);
      assertTrue(now.traumaSessions() <= now.sessions());
      if (w >= 40) {
        assertTrue(now.shareChronic().orElseThrow() > 0.1 && now.shareChronic().orElseThrow() < 0.8,
            "week " + w + " " + now.shareChronic());
        assertTrue(now.shareNotOnTrack().orElseThrow() > 0.02
            && now.shareNotOnTrack().orElseThrow() < 0.7, "week " + w);
        assertTrue(now.shareReliablyWorse().orElseThrow() < 0.3, "week " + w);
      }
    }
    assertEquals(1.7, referrals / 110, 0.15, "Poisson referrals per therapist and week");
    CaseloadWeek last = r.weeks().get(109);
    assertEquals(last.waiting(), r.stillWaiting(), 1e-9);
    assertEquals(last.caseload(), r.stillInTreatment(), 1e-9);
    Composition c = r.composition().orElseThrow();
    assertEquals(26, c.fromWeek());
    assertEquals(110 - 20, c.toWeek(), "the window ends one longest episode before the run");
    double started = 0;
    double standing = 0;
    for (CompositionRow row : c.courses()) {
      started += row.started();
      standing += row.standing();
      assertTrue(row.meanWeeks().orElseThrow() > 1 && row.meanWeeks().orElseThrow() <= 20,
          row.toString());
      assertEquals(row.littlesLaw().orElseThrow(), row.standing(), 0.05, row.group());
    }
    assertEquals(1, started, 1e-9);
    assertEquals(1, standing, 1e-9);
    // the weekly chronic share and the window's standing chronic share count the same clients
    double chronicWeeks = 0;
    double caseloadWeeks = 0;
    for (int w = c.fromWeek(); w < c.toWeek(); w++) {
      CaseloadWeek week = r.weeks().get(w);
      chronicWeeks += week.shareChronic().orElse(0) * week.caseload();
      caseloadWeeks += week.caseload();
    }
    assertEquals(c.row("chronic").standing(), chronicWeeks / caseloadWeeks, 1e-9);
    CompositionRow chronic = c.row("chronic");
    CompositionRow notImproved = c.row("not reliably improved");
    assertTrue(c.statement().startsWith(String.format(java.util.Locale.ROOT,
        "Of the clients who started treatment, %.0f %% had a chronic course; on an average week"
            + " %.0f %% of the caseload did (Little's law predicts %.0f %% from the mean stays). "
            + "%.0f %% of those who started", 100 * chronic.started(), 100 * chronic.standing(),
        100 * chronic.littlesLaw().orElseThrow(), 100 * notImproved.started())), c.statement());
    assertTrue(c.statement().contains(String.format(java.util.Locale.ROOT, "(%.1f weeks in"
        + " treatment on average, against %.1f weeks)",
        c.row("reliably improved").meanWeeks().orElseThrow(),
        notImproved.meanWeeks().orElseThrow())), c.statement());
    assertTrue(c.clients() > 0);
    for (CompositionRow row : c.outcomes()) {
      assertTrue(row.meanWeeks().isPresent() && row.littlesLaw().isPresent(), row.toString());
    }
  }

  @Test
  void withoutAGivenModel_theReferenceModelOfTheScenarioDrivesTheAlerts() {
    CaseloadRun given = model.simulate(4, 2, 40, 1);
    CaseloadRun reference = CaseloadModel.withDefaults().simulate(4, 2, 40, 1);
    assertEquals(given.weeks(), reference.weeks());
    assertEquals(given.composition(), reference.composition());
  }

  @Test
  void aModelFittedOnAnotherInstrument_isRefused() {
    ExpectedResponseModel onGad = io.candor.json.ExpectedResponseModels.reference(Instruments.GAD7);
    assertEquals("the expected-response model was fitted on GAD-7 scores but the scenario is on"
        + " PHQ-9", assertThrows(IllegalArgumentException.class,
            () -> CaseloadModel.withDefaults().with(onGad).simulate(1, 1, 30, 1)).getMessage());
  }

  @Test
  void aFortnightlyScheduleDoublesTheLongestEpisode_andSoShortensTheWindow() {
    CaseloadRun r = model.withSessionInterval(2).withSessions(8, 10).simulate(3, 4, 80, 1);
    assertEquals(80 - 2 * 10, r.composition().orElseThrow().toWeek());
    assertTrue(model.withSessionInterval(2).simulate(3, 2, 66, 1).composition().isEmpty(),
        "26 + 2 x 20 = 66: no window");
  }
}
