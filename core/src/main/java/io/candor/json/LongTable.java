package io.candor.json;

import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Observation;
import io.candor.domain.ScoreScale;
import io.candor.domain.Trajectory;
import io.candor.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Long-format data as read by {@link LongCsv}: one row per (client, time) with a numeric outcome,
 * optional numeric covariates and optional text attributes, each row remembering the CSV line it
 * came from so that later checks can name it.
 *
 * <p>Columns are primitive arrays, so a million rows take a few tens of megabytes. Accessors
 * return copies or unmodifiable views. Immutable and thread-safe.
 */
public final class LongTable {

  private final String source;
  private final String[] ids;
  private final double[] times;
  private final double[] scores;
  private final int[] lines;
  private final Map<String, double[]> covariates;
  private final Map<String, String[]> attributes;

  LongTable(
      String source,
      String[] ids,
      double[] times,
      double[] scores,
      int[] lines,
      Map<String, double[]> covariates,
      Map<String, String[]> attributes) {
    this.source = source;
    this.ids = ids;
    this.times = times;
    this.scores = scores;
    this.lines = lines;
    this.covariates = covariates;
    this.attributes = attributes;
  }

  /**
   * Where the rows came from (a file name), for messages.
   *
   * @return where the rows came from (a file name), for messages
   */
  public String source() {
    return source;
  }

  /**
   * Number of rows.
   *
   * @return the number of rows
   */
  public int size() {
    return ids.length;
  }

  /**
   * Client id of row i.
   *
   * @param row the row, 0-based in input order
   * @return the client id
   */
  public String idAt(int row) {
    return ids[row];
  }

  /**
   * Time of row i.
   *
   * @param row the row, 0-based in input order
   * @return the time of row i
   */
  public double timeAt(int row) {
    return times[row];
  }

  /**
   * Outcome of row i.
   *
   * @param row the row, 0-based in input order
   * @return the score
   */
  public double scoreAt(int row) {
    return scores[row];
  }

  /**
   * CSV line (1-based, the header is line 1) of row i.
   *
   * @param row the row, 0-based in input order
   * @return the line number
   */
  public int lineAt(int row) {
    return lines[row];
  }

  /**
   * A copy of the client-id column.
   *
   * @return the copy
   */
  public String[] ids() {
    return ids.clone();
  }

  /**
   * A copy of the time column.
   *
   * @return the copy
   */
  public double[] times() {
    return times.clone();
  }

  /**
   * A copy of the outcome column.
   *
   * @return the copy
   */
  public double[] scores() {
    return scores.clone();
  }

  /**
   * Names of the numeric covariate columns, in the order requested.
   *
   * @return the covariate names
   */
  public List<String> covariateNames() {
    return List.copyOf(covariates.keySet());
  }

  /**
   * Names of the text attribute columns, in the order requested.
   *
   * @return the attribute names
   */
  public List<String> attributeNames() {
    return List.copyOf(attributes.keySet());
  }

  /**
   * A copy of a numeric covariate column.
   *
   * @param name the covariate column's name
   * @return the copy
   * @throws IllegalArgumentException if no such covariate was read
   */
  public double[] covariate(String name) {
    double[] c = covariates.get(name);
    if (c == null) {
      throw new IllegalArgumentException(
          "covariate \"" + name + "\" was not read; read: " + covariates.keySet());
    }
    return c.clone();
  }

  /**
   * A copy of a text attribute column.
   *
   * @param name the attribute column's name
   * @return the copy
   * @throws IllegalArgumentException if no such attribute was read
   */
  public String[] attribute(String name) {
    String[] a = attributes.get(name);
    if (a == null) {
      throw new IllegalArgumentException(
          "attribute \"" + name + "\" was not read; read: " + attributes.keySet());
    }
    return a.clone();
  }

  /**
   * Groups the rows into one trajectory per client (clients in first-seen order, rows sorted by
   * time within a client), checking every score against the scale.
   *
   * @param scale the scale every score must lie on
   * @return the cohort
   * @throws IllegalArgumentException naming the line when a time is not a whole session number,
   *     a client has the same session twice, or a score is out of the scale's range
   */
  public Cohort toCohort(ScoreScale scale) {
    Objects.requireNonNull(scale, "scale");
    Map<String, List<Integer>> rowsByClient = new LinkedHashMap<>();
    for (int i = 0; i < ids.length; i++) {
      rowsByClient.computeIfAbsent(ids[i], k -> new ArrayList<>()).add(i);
    }
    List<Trajectory> out = new ArrayList<>(rowsByClient.size());
    for (Map.Entry<String, List<Integer>> e : rowsByClient.entrySet()) {
      Integer[] rows = e.getValue().toArray(Integer[]::new);
      Arrays.sort(rows, (a, b) -> Double.compare(times[a], times[b]));
      List<Observation> obs = new ArrayList<>(rows.length);
      int previous = -1;
      for (int r : rows) {
        double t = times[r];
        if (t != Math.rint(t) || t < 0 || t > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(
              where(r) + ": session must be a whole number >= 0, was " + Checks.fmt(t));
        }
        int session = (int) t;
        if (session == previous) {
          throw new IllegalArgumentException(
              where(r) + ": client " + ids[r] + " has session " + session + " twice");
        }
        previous = session;
        try {
          scale.checkScore("score", scores[r]);
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(where(r) + ": " + ex.getMessage(), ex);
        }
        obs.add(Observation.of(session, scores[r]));
      }
      out.add(Trajectory.of(ClientId.of(e.getKey()), scale, obs));
    }
    return Cohort.of(out);
  }

  private String where(int row) {
    return source + " line " + lines[row];
  }
}
