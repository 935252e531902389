package io.candor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.domain.Cohort;
import io.candor.measure.Instruments;
import io.candor.model.growth.GrowthModel;
import io.candor.model.growth.TimeBasis;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.SimulationSummary;
import io.candor.simulation.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Runs the README's Spark example and checks that the README shows exactly that code. */
class ReadmeExampleTest {

  @Test
  void readmeExample_runsAndTheReadmeShowsIt() throws Exception {
    SparkSession spark = SparkTests.spark();
    Cohort cohort = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9))
        .cohort(1L, 300, Arm.TREATED, 1);
    Dataset<Row> rows = SparkTests.rows(cohort, 2);
    // README-EXAMPLE-START
    LongColumns cols = LongColumns.of("id", "session", "score");
    CohortAnalysis a = SparkAnalyses.of(cols, Instruments.PHQ9).summarise(rows);
    SparkGrowth.Fit fit = SparkGrowth.fit(rows, cols, GrowthModel.withDefaults().with(TimeBasis.LOG));
    SimulationSummary s = SparkSimulation.summarise(spark, Scenario.calibratedDefault(Instruments.PHQ9),
        42L, 200_000L, Arm.TREATED, 8);                      // equals Simulator.summarise exactly
    // README-EXAMPLE-END
    assertEquals(300, a.clients());
    assertTrue(fit.fit().convergence().converged());
    assertEquals(200_000, s.clients());

    String source = Files.readString(
        Path.of("src/test/java/io/candor/spark/ReadmeExampleTest.java"));
    String readme = Files.readString(Path.of("../../README.md"));
    int at = source.indexOf("// README-EXAMPLE-START");
    String code = source.substring(at + 23, source.indexOf("// README-EXAMPLE-END"));
    for (String line : code.strip().lines().map(String::strip).toList()) {
      assertTrue(readme.contains(line), "README lacks the example line: " + line);
    }
  }
}
