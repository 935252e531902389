package io.candor.caseload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Course;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import io.candor.progress.AlertRules;
import io.candor.progress.ExpectedResponse;
import io.candor.progress.ExpectedResponseModel;
import io.candor.progress.PreparedCurve;
import io.candor.simulation.Arm;
import io.candor.simulation.ClientPaths;
import io.candor.simulation.Scenario;
import io.candor.simulation.Simulator;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The week-by-week caseload against a client-by-client replay: with room for every referral,
 * each client starts in the week of referral and is seen every {@code sessionInterval} weeks, so
 * the weekly counts and the composition window follow from each client's simulated path alone.
 */
class FlowTest {

  private static final int WEEKS = 70;
  private static final int WARM_UP = 10;

  /** A model fitted on a small cohort: the replay uses the same model, so any model will do. */
  private static ExpectedResponseModel smallModel(Scenario scenario) {
    return ExpectedResponseModel.from(GrowthModel.withDefaults().with(TimeBasis.LOG)
        .fit(GrowthData.fromCohort(Simulator.of(scenario).cohort(7, 300, Arm.TREATED, 1),
            scenario.instrument())));
  }

  /**
   * Two referrals a week, three at the ends of the composition windows of the models below (they
   * end 12, 14 or 20 weeks before the run), so that clients start on both sides of each end; room
   * for everyone.
   */
  private static CaseloadModel roomForEveryone(Scenario scenario) {
    int[] schedule = new int[WEEKS];
    Arrays.fill(schedule, 2);
    schedule[WARM_UP] = 3;
    for (int longest : new int[] {12, 14, 20}) {
      schedule[WEEKS - longest - 1] = 3;
      schedule[WEEKS - longest] = 3;
    }
    return CaseloadModel.withDefaults().with(scenario).with(smallModel(scenario))
        .with(Referrals.schedule(schedule)).withCapacity(10_000).withWarmUpWeeks(WARM_UP);
  }

  @Test
  void phq9_atRecoveryWithAnExtension_matchesTheClientByClientReplay() {
    CaseloadModel m = roomForEveryone(Scenario.calibratedDefault(Instruments.PHQ9));
    check(m, 31);
  }

  @Test
  void phq9_atSustainedRecoveryWithoutExtension_matchesTheClientByClientReplay() {
    CaseloadModel m = roomForEveryone(Scenario.calibratedDefault(Instruments.PHQ9))
        .with(RecoveryDischarge.AT_SUSTAINED_RECOVERY).with(Extension.NONE).withSessions(8, 14);
    check(m, 32);
  }

  @Test
  void phq9_neverAtRecovery_fortnightly_matchesTheClientByClientReplay() {
    CaseloadModel m = roomForEveryone(Scenario.calibratedDefault(Instruments.PHQ9))
        .with(RecoveryDischarge.NEVER).withSessions(6, 10).withSessionInterval(2)
        .withTraumaShare(0.5);
    check(m, 33);
  }

  /** ORS: scores on a grid of 0.1 and higher is better, so the alert curve of each intake differs. */
  @Test
  void ors_onItsTenthOfAPointGrid_matchesTheClientByClientReplay() {
    CaseloadModel m = roomForEveryone(Scenario.calibratedDefault(Instruments.ORS))
        .withSessions(8, 12);
    check(m, 34);
  }

  @Test
  void aWindowWithOneStarter_hasNoLittlesLawPrediction() {
    int[] schedule = new int[40];
    schedule[WARM_UP] = 1;
    CaseloadModel m = roomForEveryone(Scenario.calibratedDefault(Instruments.PHQ9))
        .with(Referrals.schedule(schedule)).withSessions(12, 20);
    CaseloadRun run = m.simulate(35, 1, 40, 1);
    Composition c = run.composition().orElseThrow();
    assertEquals(1, c.clients());
    for (CompositionRow row : concat(c.courses(), c.outcomes())) {
      assertTrue(row.littlesLaw().isEmpty(), row.toString());
      assertEquals(row.started() == 1, row.meanWeeks().isPresent(), row.toString());
    }
    assertTrue(c.statement().contains("n/a"), c.statement());
    check(m.with(Referrals.schedule(Arrays.copyOf(schedule, WEEKS))), 35);
  }

  /**
   * A worker's flow plays one therapist after another: each starts with an empty caseload, an
   * empty waiting list and every slot free, so a reused flow counts what fresh ones do (a full
   * caseload, capacity 5 against 1.7 referrals a week, leaves clients in every stock at the end).
   */
  @Test
  void aFlowReusedForTheNextTherapist_countsWhatAFreshFlowDoes() {
    Scenario scenario = Scenario.calibratedDefault(Instruments.PHQ9);
    CaseloadModel m = CaseloadModel.withDefaults().with(smallModel(scenario)).withCapacity(5)
        .withWarmUpWeeks(WARM_UP);
    PreparedCurve[] curves = m.curves(scenario.instrumentSpec(),
        m.expectedResponse().orElseThrow(), m.effectiveAlertRules());
    Scenario paths = scenario.withSessions(m.maximumSessions());
    Events events = new Events(scenario.instrumentSpec());
    FlowCounts reused = new FlowCounts(WEEKS);
    FlowCounts fresh = new FlowCounts(WEEKS);
    Flow flow = new Flow(m, paths, events, curves, 41, WEEKS);
    for (int therapist = 0; therapist < 3; therapist++) {
      flow.run(therapist, reused);
      new Flow(m, paths, events, curves, 41, WEEKS).run(therapist, fresh);
    }
    assertTrue(fresh.stillWaiting > 0 && fresh.stillInTreatment > 0);
    assertEquals(fresh.stillWaiting, reused.stillWaiting);
    assertEquals(fresh.stillInTreatment, reused.stillInTreatment);
    for (String series : List.of("admissions", "waiting", "caseload", "sessions")) {
      assertArrayEquals(series(fresh, series), series(reused, series), series);
    }
    for (Outcome o : Outcome.values()) {
      assertArrayEquals(fresh.discharges[o.ordinal()], reused.discharges[o.ordinal()], o.name());
    }
  }

  private static long[] series(FlowCounts c, String name) {
    return switch (name) {
      case "admissions" -> c.admissions;
      case "waiting" -> c.waiting;
      case "caseload" -> c.caseload;
      default -> c.sessions;
    };
  }

  private static List<CompositionRow> concat(List<CompositionRow> a, List<CompositionRow> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /** The replay's counts, as {@link FlowCounts} holds them for one therapist. */
  private static final class Expected {
    final long[] referrals = new long[WEEKS];
    final long[] caseload = new long[WEEKS];
    final long[] sessions = new long[WEEKS];
    final long[] traumaSessions = new long[WEEKS];
    final long[] chronic = new long[WEEKS];
    final long[] evaluable = new long[WEEKS];
    final long[] notOnTrack = new long[WEEKS];
    final long[] worse = new long[WEEKS];
    final long[][] discharges = new long[Outcome.values().length][WEEKS];
    final long[] startedByCourse = new long[Course.values().length];
    final long[] standingByCourse = new long[Course.values().length];
    final long[] weeksByCourse = new long[Course.values().length];
    final long[] startedByGroup = new long[3];
    final long[] standingByGroup = new long[3];
    final long[] weeksByGroup = new long[3];
    long stillInTreatment;
  }

  private static void check(CaseloadModel m, long seed) {
    Expected e = replay(m, seed);
    CaseloadRun run = m.simulate(seed, 1, WEEKS, 1);
    long[] started = new long[WEEKS];
    for (int w = 0; w < WEEKS; w++) {
      started[w] = e.referrals[w];
    }
    for (int w = 0; w < WEEKS; w++) {
      CaseloadWeek week = run.weeks().get(w);
      String at = "week " + w;
      assertEquals(e.referrals[w], week.referrals(), at);
      assertEquals(started[w], week.started(), at);
      assertEquals(0, week.waiting(), at);
      assertEquals(e.caseload[w], week.caseload(), at);
      assertEquals(e.sessions[w], week.sessions(), at);
      assertEquals(e.traumaSessions[w], week.traumaSessions(), at);
      assertEquals(share(e.chronic[w], e.caseload[w]), week.shareChronic(), at);
      assertEquals(share(e.notOnTrack[w], e.evaluable[w]), week.shareNotOnTrack(), at);
      assertEquals(share(e.worse[w], e.evaluable[w]), week.shareReliablyWorse(), at);
      for (Outcome o : Outcome.values()) {
        assertEquals(e.discharges[o.ordinal()][w], week.discharges().get(o), at + " " + o);
      }
    }
    assertEquals(e.stillInTreatment, run.stillInTreatment());
    assertEquals(0, run.stillWaiting());
    Composition c = run.composition().orElseThrow();
    int windowEnd = WEEKS - m.maximumSessions() * m.sessionInterval();
    assertEquals(WARM_UP, c.fromWeek());
    assertEquals(windowEnd, c.toWeek());
    assertEquals(sum(e.startedByCourse), c.clients());
    compare(e.startedByCourse, e.standingByCourse, e.weeksByCourse, c.courses());
    compare(e.startedByGroup, e.standingByGroup, e.weeksByGroup, c.outcomes());
  }

  private static void compare(long[] started, long[] standing, long[] weeks,
      List<CompositionRow> rows) {
    assertEquals(started.length, rows.size());
    for (int k = 0; k < started.length; k++) {
      CompositionRow row = rows.get(k);
      assertEquals((double) started[k] / sum(started), row.started(), 1e-15, row.group());
      assertEquals((double) standing[k] / sum(standing), row.standing(), 1e-15, row.group());
      assertEquals(started[k] == 0 ? OptionalDouble.empty()
          : OptionalDouble.of((double) weeks[k] / started[k]), row.meanWeeks(), row.group());
    }
  }

  private static OptionalDouble share(long part, long whole) {
    return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
  }

  private static long sum(long[] a) {
    return Arrays.stream(a).sum();
  }

  /**
   * Each client on their own: referred, started and seen at intake in the same week, then every
   * {@code interval} weeks until dropout, recovery (as the model's rule has it), the planned end
   * without the extension's reason to stay, or the maximum number of sessions.
   */
  private static Expected replay(CaseloadModel m, long seed) {
    Scenario scenario = m.scenario();
    Instrument instrument = scenario.instrumentSpec();
    Events events = new Events(instrument);
    ExpectedResponse er = ExpectedResponse.of(m.expectedResponse().orElseThrow())
        .withPercentiles(0.5).withScale(instrument);
    AlertRules rules = m.effectiveAlertRules();
    ClientPaths paths = ClientPaths.of(scenario.withSessions(m.maximumSessions()));
    UniformRandomProvider traumaDraws = Streams.stream(seed, Streams.REFERRALS, 0);
    long clientSeed = Streams.seed(seed, Streams.CLIENTS, 0);
    int interval = m.sessionInterval();
    int windowEnd = WEEKS - m.maximumSessions() * interval;
    Expected e = new Expected();
    long index = 0;
    for (int start = 0; start < WEEKS; start++) {
      int referred = (int) m.referrals().expected(start);
      e.referrals[start] = referred;
      for (int r = 0; r < referred; r++) {
        paths.generate(clientSeed, index++, Arm.TREATED);
        boolean trauma = traumaDraws.nextDouble() < m.traumaShare();
        int course = paths.course().ordinal();
        boolean chronic = paths.course() == Course.CHRONIC;
        int dropout = paths.dropoutSession().orElse(-1);
        double intake = paths.score(0);
        PreparedCurve curve = er.prepare(intake, m.maximumSessions(), rules);
        boolean startsInWindow = start >= WARM_UP && start < windowEnd;
        if (startsInWindow) {
          e.startedByCourse[course]++;
        }
        boolean notOnTrack = false;
        boolean worse = false;
        boolean recoveredBefore = false;
        int windowWeeks = 0;
        int attended = 0;
        int s = 0;
        for (int w = start; ; w += interval) {
          if (w >= WEEKS) {
            e.stillInTreatment++;
            break;
          }
          Outcome leaves = null;
          boolean recovered = false;
          if (s == dropout) {
            leaves = Outcome.DROPOUT;
          } else {
            double y = paths.score(s);
            e.sessions[w]++;
            e.traumaSessions[w] += trauma ? 1 : 0;
            attended++;
            if (s > 0) {
              boolean improved = events.improved(intake, y);
              recovered = improved && events.recovered(intake, y);
              worse = events.deteriorated(intake, y);
              notOnTrack = !curve.evaluate(s, y).onTrack();
              boolean end = switch (m.recoveryDischarge()) {
                case AT_RECOVERY -> recovered;
                case AT_SUSTAINED_RECOVERY -> recovered && recoveredBefore;
                case NEVER -> false;
              };
              end |= s == m.plannedSessions() && (m.extension() == Extension.NONE || improved);
              end |= s >= m.maximumSessions();
              recoveredBefore = recovered;
              if (end) {
                leaves = events.outcome(intake, y);
              }
            }
            s++;
          }
          if (leaves != null) {
            e.discharges[leaves.ordinal()][w]++;
            if (recovered) {
              e.discharges[Outcome.RECOVERY.ordinal()][w]++;
            }
            int group = leaves == Outcome.DROPOUT ? 2
                : leaves == Outcome.RELIABLE_IMPROVEMENT ? 0 : 1;
            e.standingByGroup[group] += windowWeeks;
            if (startsInWindow) {
              e.startedByGroup[group]++;
              e.weeksByGroup[group] += w - start;
              e.weeksByCourse[course] += w - start;
            }
            break;
          }
          // on the caseload for this week and each week until the next session
          for (int v = w; v < Math.min(w + interval, WEEKS); v++) {
            e.caseload[v]++;
            e.chronic[v] += chronic ? 1 : 0;
            if (attended >= 2) {
              e.evaluable[v]++;
              e.notOnTrack[v] += notOnTrack ? 1 : 0;
              e.worse[v] += worse ? 1 : 0;
            }
            if (v >= WARM_UP && v < windowEnd) {
              e.standingByCourse[course]++;
              windowWeeks++;
            }
          }
        }
      }
    }
    return e;
  }
}
