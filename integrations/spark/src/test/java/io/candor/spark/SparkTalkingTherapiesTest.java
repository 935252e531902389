package io.candor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.change.PairedMeasures;
import io.candor.change.TalkingTherapies;
import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Trajectory;
import io.candor.measure.Instruments;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.Simulator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparkTalkingTherapiesTest {

  @Test
  void rates_equalTheSingleMachineRatesOfTheSameEpisodes() {
    Cohort phq = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9))
        .cohort(3L, 1200, Arm.TREATED, 1);
    Cohort gad = Simulator.of(Scenario.calibratedDefault(Instruments.GAD7))
        .cohort(4L, 1100, Arm.TREATED, 1);
    List<Trajectory> all = new ArrayList<>(phq.trajectories());
    all.addAll(gad.trajectories());
    Cohort both = Cohort.of(all);
    List<PairedMeasures> episodes = new ArrayList<>();
    for (Trajectory d : phq.trajectories()) {
      both.find(d.client(), "GAD-7").ifPresent(a -> episodes.add(SparkTalkingTherapies.episode(d, a)));
    }
    SparkTalkingTherapies.Result spark = SparkTalkingTherapies.rates(SparkTests.rows(both, 4),
        LongColumns.of("id", "session", "score").withScale("scale"), Instruments.PHQ9,
        Instruments.GAD7);
    assertEquals(TalkingTherapies.rates(episodes), spark.rates());
    assertEquals(100, spark.clientsWithoutBoth());
    assertTrue(spark.rates().recovery().isPresent());
  }

  @Test
  void rates_needAScaleColumnAndKnownScales() {
    Cohort phq = Cohort.of(List.of(Trajectory.ofScores(ClientId.of("a"), Instruments.PHQ9,
        new int[] {0, 1}, new double[] {15, 9})));
    IllegalArgumentException noScale = assertThrows(IllegalArgumentException.class,
        () -> SparkTalkingTherapies.rates(SparkTests.rows(phq, 1),
            LongColumns.of("id", "session", "score"), Instruments.PHQ9, Instruments.GAD7));
    assertTrue(noScale.getMessage().contains("need a scale column"), noScale.getMessage());
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
        () -> SparkTalkingTherapies.rates(SparkTests.rows(phq, 1),
            LongColumns.of("id", "session", "score").withScale("scale"), Instruments.CORE10,
            Instruments.GAD7));
    assertEquals("client a has a row on scale \"PHQ-9\"; expected CORE-10 or GAD-7",
        other.getMessage());
  }
}
