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
 */
public final class LongColumns implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The client-id column. */
  private final String id;
  /** The session column. */
  private final String time;
  /** The score column. */
  private final String score;
  /** The scale column, or null when the rows are on one scale. */
  private final String scale;
  /** The covariate columns. */
  private final List<String> covariates;

  private LongColumns(String id, String time, String score, String scale,
      List<String> covariates) {
    nonBlank("id column", id);
    nonBlank("time column", time);
    nonBlank("score column", score);
    if (scale != null) {
      nonBlank("scale column", scale);
    }
    this.covariates = List.copyOf(covariates);
    this.covariates.forEach(c -> nonBlank("covariate column", c));
    List<String> all = new ArrayList<>(List.of(id, time, score));
    if (scale != null) {
      all.add(scale);
    }
    all.addAll(this.covariates);
    if (all.stream().distinct().count() != all.size()) {
      throw new IllegalArgumentException("columns must be distinct, were " + all);
    }
    this.id = id;
    this.time = time;
    this.score = score;
    this.scale = scale;
  }

  /**
   * The client-id column.
   *
   * @return the name
   */
  public String id() {
    return id;
  }

  /**
   * The session column.
   *
   * @return the name
   */
  public String time() {
    return time;
  }

  /**
   * The score column.
   *
   * @return the name
   */
  public String score() {
    return score;
  }

  /**
   * The column naming each row's scale ({@code PHQ-9}); empty when the rows are on one scale.
   *
   * @return the name, if any
   */
  public Optional<String> scale() {
    return Optional.ofNullable(scale);
  }

  /**
   * The numeric client-level covariate columns.
   *
   * @return the names (unmodifiable)
   */
  public List<String> covariates() {
    return covariates;
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
    return new LongColumns(id, time, score, null, List.of());
  }

  /**
   * A copy that also reads a scale column (rows on several instruments).
   *
   * @param column the column
   * @return the copy
   */
  public LongColumns withScale(String column) {
    return new LongColumns(id, time, score, Objects.requireNonNull(column, "column"), covariates);
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

  /**
   * A copy whose covariates are exactly these (for a model that names its own).
   *
   * @param columns the columns
   * @return the copy
   */
  LongColumns onlyCovariates(List<String> columns) {
    return new LongColumns(id, time, score, null, columns);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LongColumns c && id.equals(c.id) && time.equals(c.time)
        && score.equals(c.score) && Objects.equals(scale, c.scale)
        && covariates.equals(c.covariates);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, time, score, scale, covariates);
  }

  @Override
  public String toString() {
    return "LongColumns[id=" + id + ", time=" + time + ", score=" + score
        + (scale == null ? "" : ", scale=" + scale)
        + (covariates.isEmpty() ? "" : ", covariates=" + covariates) + "]";
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
    if (scale != null) {
      require(schema, scale, "the scale", "string", t -> t.equals(DataTypes.StringType));
    }
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
