package io.candor.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Course;
import io.candor.evidence.Sourced;
import io.candor.measure.Instruments;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioTest {

  private static final Scenario PHQ = Scenario.calibratedDefault(Instruments.PHQ9);

  @Test
  void everyDefault_hasASource() {
    Map<String, Sourced> src = ScenarioDefaults.sources();
    assertTrue(src.size() >= 40);
    for (Map.Entry<String, Sourced> e : src.entrySet()) {
      assertTrue(!e.getValue().note().isBlank(), e.getKey());
    }
    assertEquals(PHQ.dropout().hazard(), src.get("dropout.hazard").value());
    assertEquals(PHQ.sessions(), (int) src.get("sessions").value());
  }

  @Test
  void scenario_validatesDirectConstruction() {
    assertThrows(IllegalArgumentException.class, () -> PHQ.withSessions(0));
    assertThrows(IllegalArgumentException.class,
        () -> new Scenario.Jumps(0.7, 0.5, 0.5, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new Scenario.Variation(1.0, 1, 1, 0.8));
    assertThrows(IllegalArgumentException.class,
        () -> PHQ.withIntake(new Scenario.Intake(40, 4, Scenario.Entry.CASES_ONLY)));
    assertThrows(IllegalArgumentException.class,
        () -> PHQ.withCaseMix(Map.of(Course.CHRONIC, 1.0)));
  }

  @Test
  void measurementError_followsReliability() {
    double r = PHQ.variation().reliability();
    assertEquals(PHQ.intake().sd() * Math.sqrt((1 - r) / r), PHQ.measurementErrorSd(), 1e-15);
  }

  @Test
  void levels_mustLieInTheInstrumentsRange_endsIncluded() {
    Scenario.Intake intake = PHQ.intake();
    assertEquals(27, PHQ.withIntake(new Scenario.Intake(27, intake.sd(), intake.entry()))
        .intake().mean());
    IllegalArgumentException mean = assertThrows(IllegalArgumentException.class,
        () -> PHQ.withIntake(new Scenario.Intake(27.5, intake.sd(), intake.entry())));
    assertEquals("intake.mean must lie in PHQ-9's range 0-27, was 27.5", mean.getMessage());
    Scenario.Paths p = PHQ.paths();
    assertEquals(0, PHQ.withPaths(paths(p, 0, 27)).paths().remissionLevel());
    assertEquals(27, PHQ.withPaths(paths(p, 0, 27)).paths().chronicLevel());
    IllegalArgumentException remission = assertThrows(IllegalArgumentException.class,
        () -> PHQ.withPaths(paths(p, -0.5, 20)));
    assertTrue(remission.getMessage().startsWith("paths.remissionLevel must lie in"),
        remission.getMessage());
    IllegalArgumentException chronic = assertThrows(IllegalArgumentException.class,
        () -> PHQ.withPaths(paths(p, 5, 28)));
    assertTrue(chronic.getMessage().startsWith("paths.chronicLevel must lie in"),
        chronic.getMessage());
  }

  private static Scenario.Paths paths(Scenario.Paths p, double remission, double chronic) {
    return new Scenario.Paths(remission, chronic, p.resolvableRate(), p.episodicRate(),
        p.chronicRate(), p.rateSd(), p.relapseHazard());
  }

  @Test
  void jumpAndReadinessProbabilities_mayAddUpToOneButNotMore() {
    assertEquals(0.5, new Scenario.Jumps(0.5, 0.5, 0.5, 1).lossProbability());
    IllegalArgumentException jumps = assertThrows(IllegalArgumentException.class,
        () -> new Scenario.Jumps(0.75, 0.5, 0.5, 1));
    assertEquals("jumps.gainProbability + jumps.lossProbability must be at most 1, is 1.25",
        jumps.getMessage());
    Scenario.Readiness r = PHQ.readiness();
    assertEquals(0.25, new Scenario.Readiness(r.initial(), r.rateMultiplier(),
        r.dropoutMultiplier(), 0.75, 0.25).backward());
    IllegalArgumentException readiness = assertThrows(IllegalArgumentException.class,
        () -> new Scenario.Readiness(r.initial(), r.rateMultiplier(), r.dropoutMultiplier(), 0.75,
            0.5));
    assertEquals("readiness.forward + readiness.backward must be at most 1, is 1.25",
        readiness.getMessage());
  }

  @Test
  void withWaitlist_replacesOnlyTheWaitlist() {
    Scenario.Waitlist w = new Scenario.Waitlist(0.01, 20);
    Scenario s = PHQ.withWaitlist(w);
    assertEquals(w, s.waitlist());
    assertEquals(PHQ.withWaitlist(PHQ.waitlist()), PHQ);
    assertEquals(PHQ.paths(), s.paths());
    assertEquals(PHQ.sessions(), s.sessions());
  }

  @Test
  void defaultsForAnotherInstrument_areThePhq9DefaultsRescaledToItsRangeAndDirection() {
    // ORS: 0-40, higher is better, reliability 0.66: a PHQ-9 level x becomes 40 - x * 40 / 27
    Scenario ors = Scenario.calibratedDefault(Instruments.ORS);
    double scale = 40.0 / 27;
    assertEquals(40 - PHQ.intake().mean() * scale, ors.intake().mean(), 1e-12);
    assertEquals(PHQ.intake().sd() * scale, ors.intake().sd(), 1e-12);
    assertEquals(40 - PHQ.paths().remissionLevel() * scale, ors.paths().remissionLevel(), 1e-12);
    assertEquals(40 - PHQ.paths().chronicLevel() * scale, ors.paths().chronicLevel(), 1e-12);
    assertEquals(PHQ.variation().sd() * scale, ors.variation().sd(), 1e-12);
    assertEquals(0.66, ors.variation().reliability());
    assertEquals(ScenarioDefaults.sources().get("variation.reliability").value(),
        PHQ.variation().reliability());
    assertEquals(PHQ.jumps().lossSize() * scale, ors.jumps().lossSize(), 1e-12);
    assertEquals(PHQ.deterioration().size() * scale, ors.deterioration().size(), 1e-12);
    assertEquals(PHQ.paths().resolvableRate(), ors.paths().resolvableRate());
    assertEquals(PHQ.sessions(), ors.sessions());
    // GAD-7: 0-21, higher is worse: x becomes x * 21 / 27
    Scenario gad = Scenario.calibratedDefault(Instruments.GAD7);
    assertEquals(PHQ.intake().mean() * 21 / 27, gad.intake().mean(), 1e-12);
    assertEquals(PHQ.paths().chronicLevel() * 21 / 27, gad.paths().chronicLevel(), 1e-12);
  }
}
