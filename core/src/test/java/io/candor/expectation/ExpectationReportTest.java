package io.candor.expectation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.measure.Instruments;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's own checks, and those of its parts Milestone and CurvePoint. */
class ExpectationReportTest {

  private static final ExpectationReport REPORT = ExpectationsTest.SMALL.report(
      ClientProfile.of(Instruments.PHQ9, 18), 5L);

  private static ExpectationReport with(List<Probability> probabilities, List<Integer> horizons,
      int comparable) {
    ExpectationReport r = REPORT;
    return new ExpectationReport(r.profile(), r.seed(), r.clients(), comparable,
        r.sensitivityClients(), r.varied(), horizons, probabilities, r.iconArrays(), r.curve(),
        r.halfImproved(), r.update(), r.risk(), r.engagement(), r.chronic(), r.classes(), r.notices(),
        r.sources());
  }

  private static String message(Runnable r) {
    return assertThrows(IllegalArgumentException.class, r::run).getMessage();
  }

  @Test
  void theReportsParts_rebuildAnEqualReport() {
    assertEquals(REPORT, with(REPORT.probabilities(), REPORT.horizons(),
        REPORT.comparableClients()));
  }

  @Test
  void exclusiveOutcomesThatDoNotSumToOne_orAMissingOutcome_areRejected() {
    List<Probability> ps = new ArrayList<>(REPORT.probabilities());
    Probability dropout = REPORT.probability(Outcome.DROPOUT, 12).orElseThrow();
    int i = ps.indexOf(dropout);
    double e = dropout.estimate() + 0.01;
    ps.set(i, new Probability(Outcome.DROPOUT, 12, e, 0, 1, new Interval(0, 1),
        new Interval(0, 1), dropout.naturalFrequency(), dropout.certainty(), dropout.sources()));
    assertTrue(message(() -> with(ps, REPORT.horizons(), REPORT.comparableClients()))
        .contains("the exclusive outcomes at session 12 must sum to 1"));
    ps.remove(i);
    assertTrue(message(() -> with(ps, REPORT.horizons(), REPORT.comparableClients()))
        .contains("no DROPOUT probability at session 12"));
    List<Integer> more = new ArrayList<>(REPORT.horizons());
    more.add(30);
    assertTrue(message(() -> with(REPORT.probabilities(), more, REPORT.comparableClients()))
        .contains("at session 30"));
    assertTrue(message(() -> with(REPORT.probabilities(), REPORT.horizons(),
        REPORT.clients() + 1)).contains("comparableClients"));
    assertTrue(message(() -> with(List.of(), REPORT.horizons(), REPORT.comparableClients()))
        .contains("probabilities"));
  }

  @Test
  void milestoneAndCurvePoints_checkTheirOrder() {
    assertTrue(message(() -> new Milestone(0.5, 7, 8, 10, false))
        .contains("must contain the session 7"));
    assertTrue(message(() -> new Milestone(1, 7, 6, 10, false)).contains("share"));
    assertTrue(message(() -> new Milestone(0.5, Double.NaN, 6, 10, false)).contains("session"));
    assertTrue(message(() -> new CurvePoint(3, 10, 12, 11, 14, 16, 0.9))
        .contains("session 3: percentiles must be ordered"));
    assertTrue(message(() -> new CurvePoint(3, 10, 11, 12, 14, 16, 1.1)).contains("attending"));
    assertTrue(message(() -> new CurvePoint(-1, 10, 11, 12, 14, 16, 1)).contains("session"));
  }
}
