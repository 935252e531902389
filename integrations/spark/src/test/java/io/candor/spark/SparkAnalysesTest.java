package io.candor.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.candor.change.ChangeCategory;
import io.candor.change.ChangeContext;
import io.candor.change.ClinicalChange;
import io.candor.change.ReliableChangeMethod;
import io.candor.domain.Cohort;
import io.candor.domain.Trajectory;
import io.candor.measure.Instruments;
import io.candor.model.survival.KaplanMeier;
import io.candor.progress.ChangeKind;
import io.candor.progress.Milestones;
import io.candor.progress.SuddenChangeSummary;
import io.candor.progress.SuddenChanges;
import io.candor.progress.SuddenGainCriteria;
import io.candor.simulation.Arm;
import io.candor.simulation.Scenario;
import io.candor.simulation.Simulator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SparkAnalysesTest {

  private static final Cohort COHORT = Simulator.of(Scenario.calibratedDefault(Instruments.PHQ9))
      .cohort(5L, 1500, Arm.TREATED, 2);
  private static final LongColumns COLS = LongColumns.of("id", "session", "score");
  private static final SparkAnalyses ANALYSES = SparkAnalyses.of(COLS, Instruments.PHQ9);

  @Test
  void summarise_equalsTheSingleMachineResultsOnTheSameClients() {
    CohortAnalysis spark = ANALYSES.summarise(SparkTests.rows(COHORT, 5));
    List<SuddenChanges> detected = new ArrayList<>();
    Map<ChangeCategory, Long> categories = new EnumMap<>(ChangeCategory.class);
    for (ChangeCategory c : ChangeCategory.values()) {
      categories.put(c, 0L);
    }
    long single = 0;
    long improved = 0;
    long recovered = 0;
    int[] time = new int[COHORT.size()];
    boolean[] event = new boolean[COHORT.size()];
    ChangeContext context = ChangeContext.of(Instruments.PHQ9);
    int i = 0;
    for (Trajectory t : COHORT.trajectories()) {
      detected.add(SuddenGainCriteria.withDefaults().detect(t));
      if (t.size() < 2) {
        single++;
      } else {
        categories.merge(ClinicalChange.classify(ReliableChangeMethod.JACOBSON_TRUAX, t.scoreAt(0),
            t.scoreAt(t.size() - 1), context).category(), 1L, Long::sum);
      }
      var ri = Milestones.reliableImprovement(t);
      improved += ri.isPresent() ? 1 : 0;
      recovered += Milestones.recovery(t).isPresent() ? 1 : 0;
      time[i] = ri.orElse(t.sessionAt(t.size() - 1));
      event[i] = ri.isPresent();
      i++;
    }
    assertEquals(1500, spark.clients());
    assertEquals(single, spark.singleScore());
    assertEquals(categories, spark.categories());
    assertEquals(improved, spark.reliablyImproved());
    assertEquals(recovered, spark.recovered());
    assertEquals(KaplanMeier.withDefaults().fit(time, event), spark.timeToImprovement());
    assertSummary(SuddenChangeSummary.of(detected, ChangeKind.GAIN), spark.suddenGains());
    assertSummary(SuddenChangeSummary.of(detected, ChangeKind.LOSS), spark.suddenLosses());
    assertTrue(spark.suddenGains().changes() > 100, "the check needs sudden gains to compare");
  }

  private static void assertSummary(SuddenChangeSummary expected, SuddenChangeSummary actual) {
    assertEquals(List.of(expected.clients(), expected.changes(), expected.clientsWithChange(),
        expected.clientsWithSeveral(), expected.reversalsByChange(), expected.reversalsByPerson()),
        List.of(actual.clients(), actual.changes(), actual.clientsWithChange(),
            actual.clientsWithSeveral(), actual.reversalsByChange(), actual.reversalsByPerson()));
    close(expected.meanMagnitudeByChange(), actual.meanMagnitudeByChange());
    close(expected.sdMagnitudeByChange(), actual.sdMagnitudeByChange());
    close(expected.meanMagnitudeByPerson(), actual.meanMagnitudeByPerson());
    close(expected.sdMagnitudeByPerson(), actual.sdMagnitudeByPerson());
  }

  private static void close(OptionalDouble expected, OptionalDouble actual) {
    assertEquals(expected.isPresent(), actual.isPresent());
    if (expected.isPresent()) {
      assertEquals(expected.getAsDouble(), actual.getAsDouble(), 1e-12 * expected.getAsDouble());
    }
  }

  @Test
  void perClient_givesEachClientsMilestonesAndCategory() {
    Map<String, Row> byId = new HashMap<>();
    for (Row r : ANALYSES.perClient(SparkTests.rows(COHORT, 3)).collectAsList()) {
      byId.put(r.getString(0), r);
    }
    assertEquals(COHORT.size(), byId.size());
    ChangeContext context = ChangeContext.of(Instruments.PHQ9);
    for (Trajectory t : COHORT.trajectories().subList(0, 200)) {
      Row r = byId.get(t.client().value());
      assertEquals(t.size(), r.getInt(1));
      assertEquals(t.scoreAt(t.size() - 1), r.getDouble(5));
      String category = t.size() < 2 ? null : ClinicalChange.classify(
          ReliableChangeMethod.JACOBSON_TRUAX, t.scoreAt(0), t.scoreAt(t.size() - 1), context)
          .category().name();
      assertEquals(category, r.isNullAt(6) ? null : r.getString(6));
      var ri = Milestones.reliableImprovement(t);
      assertEquals(ri.isPresent() ? ri.getAsInt() : null, r.isNullAt(7) ? null : r.getInt(7));
      assertEquals(SuddenGainCriteria.withDefaults().detect(t).of(ChangeKind.GAIN).size(), r.getInt(9));
    }
  }

  @Test
  void badInput_failsClearlyNamingTheColumnOrClient() {
    Dataset<Row> good = SparkTests.rows(COHORT, 2);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> SparkAnalyses.of(LongColumns.of("client", "session", "score"), Instruments.PHQ9)
            .summarise(good));
    assertEquals("column \"client\" (the client id) not found; the Dataset has [id, scale,"
        + " session, score]", missing.getMessage());
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> SparkAnalyses.of(LongColumns.of("id", "session", "scale"), Instruments.PHQ9)
            .summarise(good));
    assertEquals("column \"scale\" (the score) must be numeric, was string", type.getMessage());

    StructType schema = SparkTests.LONG;
    Dataset<Row> twice = SparkTests.spark().createDataFrame(List.of(
        RowFactory.create("a", "PHQ-9", 0, 20.0), RowFactory.create("a", "PHQ-9", 1, 15.0),
        RowFactory.create("a", "PHQ-9", 1, 14.0)), schema);
    IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
        () -> ANALYSES.summarise(twice));
    assertEquals("client a has session 1 twice (column session); Candor keeps one score per"
        + " session", duplicate.getMessage());
    Dataset<Row> nulls = SparkTests.spark().createDataFrame(List.of(
        RowFactory.create("a", "PHQ-9", 0, null)), schema);
    IllegalArgumentException nullScore = assertThrows(IllegalArgumentException.class,
        () -> ANALYSES.summarise(nulls));
    assertTrue(nullScore.getMessage().startsWith("column score is null in a row of client a"),
        nullScore.getMessage());
    Dataset<Row> range = SparkTests.spark().createDataFrame(List.of(
        RowFactory.create("b", "PHQ-9", 0, 28.0)), schema);
    IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
        () -> ANALYSES.summarise(range));
    assertTrue(out.getMessage().contains("28"), out.getMessage());
    StructType fractional = new StructType().add("id", DataTypes.StringType)
        .add("session", DataTypes.DoubleType).add("score", DataTypes.DoubleType);
    Dataset<Row> half = SparkTests.spark().createDataFrame(List.of(
        RowFactory.create("c", 1.5, 10.0)), fractional);
    IllegalArgumentException notWhole = assertThrows(IllegalArgumentException.class,
        () -> ANALYSES.summarise(half));
    assertEquals("column session of client c must be a whole session number >= 0, was 1.5",
        notWhole.getMessage());
  }
}
