package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.candor.caseload.CaseloadClient;
import io.candor.caseload.CaseloadModel;
import io.candor.caseload.CaseloadOutlook;
import io.candor.caseload.CaseloadRun;
import io.candor.caseload.OutcomeMix;
import io.candor.caseload.Wellbeing;
import io.candor.caseload.WellbeingAssessment;
import io.candor.caseload.WellbeingReport;
import io.candor.caseload.WorkloadSnapshot;
import io.candor.domain.ClientId;
import io.candor.domain.Course;
import io.candor.domain.Trajectory;
import io.candor.evidence.Statement;
import io.candor.measure.Instruments;
import io.candor.measure.MultiScaleInstrument;
import io.candor.measure.MultiScaleInstruments;
import io.candor.measure.ScaleScores;
import io.candor.model.growth.GrowthData;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import io.candor.progress.ExpectedResponseModel;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.Simulator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The therapist-side results and instruments round-trip through {@link CandorJson} exactly. */
class CaseloadJsonTest {

  private static <T> T assertRoundTrip(T value, Class<T> type) {
    String json = CandorJson.toJson(value);
    T back = CandorJson.fromJson(json, type);
    assertEquals(value, back, type.getSimpleName());
    assertEquals(json, CandorJson.toJson(back), type.getSimpleName() + " writes the same text");
    return back;
  }

  @Test
  void multiScaleInstrumentsAndScores_roundTrip() {
    for (MultiScaleInstrument i : MultiScaleInstruments.all()) {
      assertRoundTrip(i, MultiScaleInstrument.class);
    }
    int[] r = new int[30];
    java.util.Arrays.fill(r, 4);
    assertRoundTrip(MultiScaleInstruments.PROQOL5.score(r), ScaleScores.class);
    assertRoundTrip(Statement.primary("x", io.candor.evidence.Citations.STAMM_2010), Statement.class);
  }

  @Test
  void wellbeingReport_roundTrips() {
    MultiScaleInstrument p = MultiScaleInstruments.PROQOL5;
    WellbeingReport report = Wellbeing.withDefaults().report(p, List.of(
        new WellbeingAssessment(LocalDate.of(2025, 3, 3),
            p.ofScaleScores(Map.of("CS", 40.0, "BO", 24.0, "STS", 18.0))),
        new WellbeingAssessment(LocalDate.of(2025, 6, 2),
            p.ofScaleScores(Map.of("CS", 38.0, "BO", 33.0, "STS", 20.0)))),
        List.of(new WorkloadSnapshot(LocalDate.of(2025, 6, 2), OptionalDouble.of(28),
            OptionalDouble.empty(), OptionalDouble.of(0.3), OptionalDouble.empty(),
            OptionalDouble.of(0.25))));
    WellbeingReport back = assertRoundTrip(report, WellbeingReport.class);
    String json = CandorJson.toJson(back);
    assertTrue(json.contains("\"scales\""), json);
    assertTrue(json.contains("\"reliableChange\""), json);
    assertTrue(json.contains("\"source\" : \"oconnor2018\""), "citations by key: " + json);
  }

  @Test
  void caseloadRun_roundTrips() {
    Scenario s = Scenario.calibratedDefault(Instruments.PHQ9);
    ExpectedResponseModel model = ExpectedResponseModel.from(GrowthModel.withDefaults()
        .with(TimeBasis.LOG).fit(GrowthData.fromCohort(
            Simulator.of(s).cohort(1, 600, Arm.TREATED, 1), "PHQ-9")));
    CaseloadRun run = CaseloadModel.withDefaults().with(model).simulate(3, 4, 60, 1);
    assertRoundTrip(run, CaseloadRun.class);
    CaseloadOutlook outlook = OutcomeMix.of(model, s).withSimulatedClients(2000).prepare()
        .outlook(List.of(
            CaseloadClient.of(Trajectory.ofScores(ClientId.of("a"), Instruments.PHQ9,
                new int[] {0, 1, 2}, new double[] {18, 16, 15})),
            CaseloadClient.of(Trajectory.ofScores(ClientId.of("b"), Instruments.PHQ9,
                new int[] {0, 1}, new double[] {22, 21}), Course.CHRONIC)), 2);
    assertRoundTrip(outlook, CaseloadOutlook.class);
  }

  @Test
  void randomScoresAndWellbeingHistories_roundTrip() {
    MultiScaleInstrument cbi = MultiScaleInstruments.CBI;
    qt().forAll(lists().of(integers().between(0, 4)).ofSize(19),
            lists().of(integers().between(0, 4)).ofSize(19), integers().between(1, 400))
        .checkAssert((first, second, days) -> {
          ScaleScores a = cbi.score(first.stream().mapToInt(Integer::intValue).toArray());
          ScaleScores b = cbi.score(second.stream().mapToInt(Integer::intValue).toArray());
          assertRoundTrip(a, ScaleScores.class);
          LocalDate d = LocalDate.of(2025, 1, 1);
          assertRoundTrip(Wellbeing.withDefaults().report(cbi, List.of(
              new WellbeingAssessment(d, a), new WellbeingAssessment(d.plusDays(days), b))),
              WellbeingReport.class);
        });
  }

  @Test
  void badWellbeingJson_namesThePath() {
    String json = CandorJson.toJson(MultiScaleInstruments.CBI.ofScaleScores(Map.of("work", 50.0)));
    String bad = json.replace("\"score\" : 50.0", "\"score\" : \"fifty\"");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CandorJson.fromJson(bad, ScaleScores.class));
    assertTrue(e.getMessage().contains("scales[0].score") || e.getMessage().contains("score"),
        e.getMessage());
  }
}
