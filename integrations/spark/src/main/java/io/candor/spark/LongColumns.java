package io.candor.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Which columns of a long-format {@code Dataset<Row>} (one row per client and session) hold the
 * client id, the session, the score, and optionally the scale (instrument) and numeric client-level
 * covariates. {@link #check(Dataset)} validates a Dataset's schema against them before any job
 * runs.
 *
 * <p>Allowed types: id string or integral; session integral (or a floating type holding whole
 * numbers, checked row by row); score and covariates any numeric type; scale string.
 *
 * <p>Immutable, thread-safe and serializable (it travels with Spark tasks).
 *
 * @param id client-id column
 * @param time session column
 * @param score score column
 * @param scale column naming each row's scale ({@code PHQ-9}); empty when the rows are on one
 * @param covariates numeric client-level columns
 */
public record LongColumns(
    String id, String time, String score, Optional<String> scale, List<String> covariates)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Validates the names.
   *
   * @throws IllegalArgumentException if a name is blank or repeated
   */
  public LongColumns {
    nonBlank("id column", id);
    nonBlank("time column", time);
    nonBlank("score column", score);
    Objects.requireNonNull(scale, "scale");
    scale.ifPresent(s -> nonBlank("scale column", s));
    covariates = List.copyOf(covariates);
    covariates.forEach(c -> nonBlank("covariate column", c));
    List<String> all = new ArrayList<>(List.of(id, time, score));
    scale.ifPresent(all::add);
    all.addAll(covariates);
    if (all.stream().distinct().count() != all.size()) {
      throw new IllegalArgumentException("columns must be distinct, were " + all);
    }
  }

  /**
   * The id, session and score columns.
   *
   * @param id client-id column
   * @param time session column
   * @param score score column
   * @return the columns
   */
  public static LongColumns of(String id, String time, String score) {
    return new LongColumns(id, time, score, Optional.empty(), List.of());
  }

  /**
   * A copy that also reads a scale column (rows on several instruments).
   *
   * @param column the column
   * @return the copy
   */
  public LongColumns withScale(String column) {
    return new LongColumns(id, time, score, Optional.of(column), covariates);
  }

  /**
   * A copy that also reads these numeric client-level covariates.
   *
   * @param columns the columns
   * @return the copy
   */
  public LongColumns withCovariates(String... columns) {
    List<String> list = new ArrayList<>(covariates);
    list.addAll(Arrays.asList(columns));
    return new LongColumns(id, time, score, scale, list);
  }

  private static void nonBlank(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, was " + value);
    }
  }

  /**
   * Checks that the Dataset has every column with an allowed type.
   *
   * @param rows the Dataset
   * @throws IllegalArgumentException naming a missing column (and the columns there are) or a
   *     column of the wrong type (and the types allowed)
   */
  public void check(Dataset<Row> rows) {
    Objects.requireNonNull(rows, "rows");
    StructType schema = rows.schema();
    require(schema, id, "the client id", "string or integral", LongColumns::idType);
    require(schema, time, "the session", "integral (or floating with whole numbers)",
        LongColumns::numeric);
    require(schema, score, "the score", "numeric", LongColumns::numeric);
    scale.ifPresent(s -> require(schema, s, "the scale", "string",
        t -> t.equals(DataTypes.StringType)));
    for (String c : covariates) {
      require(schema, c, "a covariate", "numeric", LongColumns::numeric);
    }
  }

  private static void require(StructType schema, String column, String what, String allowed,
      java.util.function.Predicate<DataType> ok) {
    StructField f = Arrays.stream(schema.fields()).filter(x -> x.name().equals(column)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("column \"" + column + "\" (" + what
            + ") not found; the Dataset has " + Arrays.toString(schema.fieldNames())));
    if (!ok.test(f.dataType())) {
      throw new IllegalArgumentException("column \"" + column + "\" (" + what + ") must be "
          + allowed + ", was " + f.dataType().simpleString());
    }
  }

  static boolean idType(DataType t) {
    return t.equals(DataTypes.StringType) || integral(t);
  }

  static boolean integral(DataType t) {
    return t.equals(DataTypes.IntegerType) || t.equals(DataTypes.LongType)
        || t.equals(DataTypes.ShortType) || t.equals(DataTypes.ByteType);
  }

  static boolean numeric(DataType t) {
    return integral(t) || t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType)
        || t instanceof DecimalType;
  }
}
