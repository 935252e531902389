package io.candor.spark;

import io.candor.domain.Cohort;
import io.candor.domain.Trajectory;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * One SparkSession on {@code local[2]} for every test class in the JVM (starting Spark costs
 * seconds), stopped when the JVM exits.
 */
final class SparkTests {

  private SparkTests() {}

  private static final class Holder {
    static final SparkSession SPARK = start();

    private static SparkSession start() {
      SparkSession s = SparkSession.builder().master("local[2]").appName("candor-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.default.parallelism", "4")
          .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
      return s;
    }
  }

  static SparkSession spark() {
    return Holder.SPARK;
  }

  static final StructType LONG = new StructType()
      .add("id", DataTypes.StringType, true)
      .add("scale", DataTypes.StringType, true)
      .add("session", DataTypes.IntegerType, true)
      .add("score", DataTypes.DoubleType, true);

  /** A cohort as long-format rows (id, scale, session, score), in the given number of partitions. */
  static Dataset<Row> rows(Cohort cohort, int partitions) {
    List<Row> rows = new ArrayList<>();
    for (Trajectory t : cohort.trajectories()) {
      for (int i = 0; i < t.size(); i++) {
        rows.add(RowFactory.create(t.client().value(), t.scale().id(), t.sessionAt(i),
            t.scoreAt(i)));
      }
    }
    return spark().createDataFrame(rows, LONG).repartition(partitions);
  }
}
