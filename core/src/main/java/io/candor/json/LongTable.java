package io.candor.json;

import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Observation;
import io.candor.domain.ScoreScale;
import io.candor.domain.Trajectory;
import io.candor.internal.Checks;
import io.candor.internal.RowGroups;
import io.candor.model.growth.GrowthData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Long-format data as read by {@link LongCsv}: one row per (client, time) with a numeric outcome,
 * and client-level numeric covariates and text attributes. Each row remembers the CSV line it
 * came from, so that later checks can name it.
 *
 * <p>Rows are stored as primitive columns (a client index, a time and a score per row, about 20
 * bytes a row); clients, covariates and attributes once per client. Accessors return copies or
 * unmodifiable views. Immutable and thread-safe.
 */
public final class LongTable {

  private final String source;
  private final List<String> clientIds;
  // the reader's columns, which may have room beyond the rows read: only [0, rows) is data
  private final int rows;
  private final int[] clientOf;
  private final double[] times;
  private final double[] scores;
  private final LongCsv.LineMap lines;
  private final Map<String, double[]> covariates; // per client
  private final Map<String, String[]> attributes; // per client
  private final String timeColumn; // "column 2 (session)", for messages
  private final String scoreColumn;

  LongTable(
      String source,
      List<String> clientIds,
      int rows,
      int[] clientOf,
      double[] times,
      double[] scores,
      LongCsv.LineMap lines,
      Map<String, double[]> covariates,
      Map<String, String[]> attributes,
      String timeColumn,
      String scoreColumn) {
    this.source = source;
    this.timeColumn = timeColumn;
    this.scoreColumn = scoreColumn;
    this.clientIds = clientIds;
    this.rows = rows;
    this.clientOf = clientOf;
    this.times = times;
    this.scores = scores;
    this.lines = lines;
    this.covariates = covariates;
    this.attributes = attributes;
  }

  /**
   * Where the rows came from (a file name), for messages.
   *
   * @return the source
   */
  public String source() {
    return source;
  }

  /**
   * Number of rows.
   *
   * @return the row count
   */
  public int size() {
    return rows;
  }

  /**
   * Number of distinct clients.
   *
   * @return the client count
   */
  public int clientCount() {
    return clientIds.size();
  }

  /**
   * The distinct client ids in first-seen order.
   *
   * @return an unmodifiable list
   */
  public List<String> clientIds() {
    return clientIds;
  }

  /**
   * The index in {@link #clientIds()} of row {@code row}'s client.
   *
   * @param row the row (0-based)
   * @return the client index
   */
  public int clientIndexAt(int row) {
    return clientOf[Objects.checkIndex(row, rows)];
  }

  /**
   * Client id of a row.
   *
   * @param row the row (0-based)
   * @return the id
   */
  public String idAt(int row) {
    return clientIds.get(clientOf[Objects.checkIndex(row, rows)]);
  }

  /**
   * Time of a row.
   *
   * @param row the row (0-based)
   * @return the time
   */
  public double timeAt(int row) {
    return times[Objects.checkIndex(row, rows)];
  }

  /**
   * Outcome of a row.
   *
   * @param row the row (0-based)
   * @return the score
   */
  public double scoreAt(int row) {
    return scores[Objects.checkIndex(row, rows)];
  }

  /**
   * CSV line of a row (1-based, the header is line 1; a blank line or a quoted line break moves
   * later rows down).
   *
   * @param row the row (0-based)
   * @return the line
   */
  public int lineAt(int row) {
    Objects.checkIndex(row, rows);
    return lines.line(row);
  }

  /**
   * The client id of every row.
   *
   * @return a new array
   */
  public String[] ids() {
    String[] out = new String[rows];
    for (int i = 0; i < out.length; i++) {
      out[i] = clientIds.get(clientOf[i]);
    }
    return out;
  }

  /**
   * A copy of the time column.
   *
   * @return a new array
   */
  public double[] times() {
    return Arrays.copyOf(times, rows);
  }

  /**
   * A copy of the outcome column.
   *
   * @return a new array
   */
  public double[] scores() {
    return Arrays.copyOf(scores, rows);
  }

  /**
   * Names of the numeric covariate columns, in the order requested.
   *
   * @return the names
   */
  public List<String> covariateNames() {
    return List.copyOf(covariates.keySet());
  }

  /**
   * Names of the text attribute columns, in the order requested.
   *
   * @return the names
   */
  public List<String> attributeNames() {
    return List.copyOf(attributes.keySet());
  }

  /**
   * A numeric covariate, one value per row.
   *
   * @param name the column
   * @return a new array
   * @throws IllegalArgumentException if no such covariate was read
   */
  public double[] covariate(String name) {
    double[] byClient = clientCovariate(name);
    double[] out = new double[rows];
    for (int i = 0; i < out.length; i++) {
      out[i] = byClient[clientOf[i]];
    }
    return out;
  }

  /**
   * A numeric covariate, one value per client in {@link #clientIds()} order.
   *
   * @param name the column
   * @return a new array
   * @throws IllegalArgumentException if no such covariate was read
   */
  public double[] clientCovariate(String name) {
    double[] c = covariates.get(name);
    if (c == null) {
      throw new IllegalArgumentException(
          "covariate " + Checks.quote(name) + " was not read; read: "
          + covariates.keySet().stream().map(Checks::quote).toList());
    }
    return c.clone();
  }

  /**
   * A text attribute, one value per row.
   *
   * @param name the column
   * @return a new array
   * @throws IllegalArgumentException if no such attribute was read
   */
  public String[] attribute(String name) {
    String[] byClient = clientAttribute(name);
    String[] out = new String[rows];
    for (int i = 0; i < out.length; i++) {
      out[i] = byClient[clientOf[i]];
    }
    return out;
  }

  /**
   * A text attribute, one value per client in {@link #clientIds()} order.
   *
   * @param name the column
   * @return a new array
   * @throws IllegalArgumentException if no such attribute was read
   */
  public String[] clientAttribute(String name) {
    String[] a = attributes.get(name);
    if (a == null) {
      throw new IllegalArgumentException(
          "attribute " + Checks.quote(name) + " was not read; read: "
          + attributes.keySet().stream().map(Checks::quote).toList());
    }
    return a.clone();
  }

  /**
   * Groups the rows into one trajectory per client (clients in first-seen order, rows sorted by
   * time within a client), checking every score against the scale.
   *
   * @param scale the scale of the scores
   * @return the cohort
   * @throws IllegalArgumentException naming the line when a time is not a whole session number
   *     or a score is out of the scale's range
   */
  public Cohort toCohort(ScoreScale scale) {
    Objects.requireNonNull(scale, "scale");
    RowGroups groups = RowGroups.of(Arrays.copyOf(clientOf, rows), clientIds.size());
    int[] start = groups.start();
    int[] order = groups.order();
    List<Trajectory> out = new ArrayList<>(clientIds.size());
    for (int c = 0; c < clientIds.size(); c++) {
      int from = start[c];
      int to = start[c + 1];
      sortByTime(order, from, to);
      List<Observation> obs = new ArrayList<>(to - from);
      for (int j = from; j < to; j++) {
        int r = order[j];
        double t = times[r];
        if (t != Math.rint(t) || t < 0 || t > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(
              where(r) + ", " + timeColumn + ": session must be a whole number >= 0, was " + Checks.fmt(t));
        }
        try {
          scale.checkScore("score", scores[r]);
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(
              where(r) + ", " + scoreColumn + ": " + ex.getMessage(), ex);
        }
        obs.add(Observation.of((int) t, scores[r]));
      }
      out.add(Trajectory.of(ClientId.of(clientIds.get(c)), scale, obs));
    }
    return Cohort.of(out);
  }

  /**
   * The rows as growth-model data (clients in first-seen order, each client's rows in file
   * order), with every covariate read. Any finite time is accepted.
   *
   * @return the growth data
   * @throws IllegalArgumentException if there are no rows
   */
  public GrowthData toGrowthData() {
    if (rows == 0) {
      throw new IllegalArgumentException(source + " has a header but no rows");
    }
    GrowthData data = GrowthData.ofIndexed(clientIds, clientOf, times, scores, rows);
    for (String name : covariates.keySet()) {
      data = data.withCovariate(name, covariate(name));
    }
    return data;
  }

  /** Sorts order[from, to) by time, stably (insertion sort: a client has few rows, mostly sorted). */
  private void sortByTime(int[] order, int from, int to) {
    for (int j = from + 1; j < to; j++) {
      int r = order[j];
      double t = times[r];
      int k = j - 1;
      while (k >= from && times[order[k]] > t) {
        order[k + 1] = order[k];
        k--;
      }
      order[k + 1] = r;
    }
  }

  private String where(int row) {
    return source + " line " + lines.line(row);
  }

  @Override
  public String toString() {
    return "LongTable[" + source + ": " + rows + (rows == 1 ? " row, " : " rows, ")
        + clientIds.size() + (clientIds.size() == 1 ? " client" : " clients")
        + (covariates.isEmpty() ? "" : ", covariates " + covariates.keySet())
        + (attributes.isEmpty() ? "" : ", attributes " + attributes.keySet()) + "]";
  }
}
