package io.candor.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * One long-format row as the jobs read it: the selected columns in a fixed order (id, time,
 * score, covariates…, scale), with nulls and non-whole sessions rejected naming the client.
 */
record Obs(String id, double time, double score, double[] covariates, String scale)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The columns in the order {@link #of(Row, LongColumns)} reads them, after a check. */
  static Dataset<Row> select(Dataset<Row> rows, LongColumns cols) {
    cols.check(rows);
    List<Column> list = new ArrayList<>();
    list.add(functions.col(cols.id()));
    list.add(functions.col(cols.time()));
    list.add(functions.col(cols.score()));
    for (String c : cols.covariates()) {
      list.add(functions.col(c));
    }
    cols.scale().ifPresent(s -> list.add(functions.col(s)));
    return rows.select(list.toArray(new Column[0]));
  }

  static Obs of(Row r, LongColumns cols) {
    if (r.isNullAt(0)) {
      throw new IllegalArgumentException("column " + cols.id() + " is null in a row (time "
          + r.get(1) + ", score " + r.get(2) + "); every row needs a client id");
    }
    String id = r.get(0).toString();
    double time = number(r, 1, cols.time(), id);
    double score = number(r, 2, cols.score(), id);
    int k = cols.covariates().size();
    double[] cov = new double[k];
    for (int j = 0; j < k; j++) {
      cov[j] = number(r, 3 + j, cols.covariates().get(j), id);
    }
    String scale = null;
    if (cols.scale().isPresent()) {
      if (r.isNullAt(3 + k)) {
        throw new IllegalArgumentException("column " + cols.scale().get() + " is null in a row of"
            + " client " + id + " (time " + r.get(1) + ")");
      }
      scale = r.getString(3 + k);
    }
    return new Obs(id, time, score, cov, scale);
  }

  private static double number(Row r, int i, String column, String id) {
    if (r.isNullAt(i)) {
      throw new IllegalArgumentException("column " + column + " is null in a row of client " + id
          + "; Candor drops no rows: fill or remove it");
    }
    double v = ((Number) r.get(i)).doubleValue();
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("column " + column + " of client " + id
          + " must be finite, was " + v);
    }
    return v;
  }

  /** The session number, which must be a whole number ≥ 0. */
  int session(LongColumns cols) {
    if (time != Math.rint(time) || time < 0 || time > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("column " + cols.time() + " of client " + id
          + " must be a whole session number >= 0, was " + time);
    }
    return (int) time;
  }
}
