package io.candor.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Trajectory;
import io.candor.measure.Instruments;
import io.candor.model.dose.DoseEffect;
import io.candor.model.dose.DoseEffectExamples;
import io.candor.model.dose.DoseEffectFit;
import io.candor.progress.ChangeKind;
import io.candor.progress.DropoutDefinition;
import io.candor.progress.EarlyResponse;
import io.candor.progress.EarlyResponseCriteria;
import io.candor.progress.Engagement;
import io.candor.progress.EngagementReport;
import io.candor.progress.Plateau;
import io.candor.progress.PlateauCriteria;
import io.candor.progress.SuddenChangeSummary;
import io.candor.progress.SuddenChanges;
import io.candor.progress.SuddenGainCriteria;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.SimulatedClient;
import io.candor.simulation.Simulator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Result records of dose–effect, progress patterns, engagement and the simulator round-trip
 * through {@link CandorJson} exactly, on realistic (simulated) data.
 */
class MoreResultJsonTest {

  private static <T> void assertRoundTrip(T value, Class<T> type) {
    assertEquals(value, CandorJson.fromJson(CandorJson.toJson(value), type), type.getSimpleName());
  }

  private static final Scenario SCENARIO = Scenario.calibratedDefault(Instruments.PHQ9);

  @Test
  void doseEffectFits_roundTrip() {
    DoseEffectFit probit = DoseEffect.withDefaults().fit(DoseEffectExamples.howard1986());
    assertRoundTrip(probit, DoseEffectFit.class);
  }

  @Test
  void scenarioAndSimulatedClients_roundTrip() {
    assertRoundTrip(SCENARIO, Scenario.class);
    for (SimulatedClient c : Simulator.of(SCENARIO).simulate(7L, 40, Arm.TREATED, 1)) {
      assertRoundTrip(c, SimulatedClient.class);
    }
  }

  @Test
  void patternResults_roundTrip() {
    List<Trajectory> ts =
        Simulator.of(SCENARIO).cohort(11L, 300, Arm.TREATED, 1).trajectories();
    SuddenGainCriteria criteria = SuddenGainCriteria.withDefaults();
    List<SuddenChanges> found = ts.stream().map(criteria::detect).toList();
    SuddenChangeSummary summary = SuddenChangeSummary.of(found, ChangeKind.GAIN);
    assertTrue(summary.toString().length() > 0);
    assertRoundTrip(summary, SuddenChangeSummary.class);
    int plateaus = 0;
    int early = 0;
    for (Trajectory t : ts) {
      for (Plateau p : PlateauCriteria.withDefaults().find(t)) {
        assertRoundTrip(p, Plateau.class);
        plateaus++;
      }
      for (EarlyResponse e : EarlyResponseCriteria.withDefaults().evaluate(t).stream().toList()) {
        assertRoundTrip(e, EarlyResponse.class);
        early++;
      }
    }
    assertTrue(plateaus > 0 && early > 0, "plateaus " + plateaus + ", early responses " + early);
    EngagementReport report = Engagement.analyse(ts, DropoutDefinition.beforeSession(8));
    assertRoundTrip(report, EngagementReport.class);
  }

  @Test
  void dropoutHazard_rejectsImpossibleCountsFromJson() {
    String json = "{\"format\":\"candor\",\"formatVersion\":1,\"type\":\"DropoutHazard\",\"value\":"
        + "{\"group\":\"all\",\"sessions\":[1,2],\"atRisk\":[10,8],\"dropouts\":[2,9]}}";
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> CandorJson.fromJson(json, io.candor.progress.DropoutHazard.class));
    assertTrue(e.getMessage().contains("dropouts at session 2 must be between 0 and 8, was 9"), e.getMessage());
  }
}
