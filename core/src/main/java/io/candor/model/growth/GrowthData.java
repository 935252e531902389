package io.candor.model.growth;

import io.candor.domain.Cohort;
import io.candor.domain.ScoreScale;
import io.candor.domain.Trajectory;
import io.candor.internal.Checks;
import io.candor.internal.RowGroups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Long-format data for a growth model: one row per client and time, with a numeric outcome and
 * optional named client-level covariates.
 *
 * <p>Any finite outcome is accepted (questionnaire scores, reaction times in ms, simulated
 * continuous scores); scores taken from a {@link Cohort} have already been checked against their
 * scale. The data know the scale their scores are on ({@link #scale()}): the trajectories' scale
 * for {@link #fromCohort}, the one given to {@link #withScale}, otherwise an unbounded scale named
 * {@code outcome}; a fit and the expected-response model made from it record it. Rows are grouped by client internally (clients in first-seen order, each client's rows in
 * the order given); clients with a single observation are allowed. Covariates are client-level:
 * a covariate given per row must be the same on every row of a client.
 *
 * <p>Immutable and thread-safe; arrays passed in are copied.
 */
public final class GrowthData {

  /** The scale of data whose scale was not given: any finite outcome. */
  private static final ScoreScale UNKNOWN_SCALE = ScoreScale.unbounded("outcome");

  private final List<String> clients;
  private final int[] start; // rows of client c: start[c] .. start[c+1]-1
  private final double[] time;
  private final double[] score;
  private final List<String> covariateNames;
  private final double[][] covariates; // [covariate][client]
  private final int[] rowClient; // original row -> client index
  private final ScoreScale scale;
  private final List<String> clusters; // empty without a cluster level
  private final int[] clusterOf; // client -> cluster index; null without a cluster level

  private GrowthData(List<String> clients, int[] start, double[] time, double[] score,
      List<String> covariateNames, double[][] covariates, int[] rowClient, ScoreScale scale,
      List<String> clusters, int[] clusterOf) {
    this.rowClient = rowClient;
    this.scale = scale;
    this.clusters = clusters;
    this.clusterOf = clusterOf;
    this.clients = clients;
    this.start = start;
    this.time = time;
    this.score = score;
    this.covariateNames = covariateNames;
    this.covariates = covariates;
  }

  /**
   * Data from parallel arrays, one element per row.
   *
   * @param clientIds each row's client id (not blank)
   * @param times each row's time (finite)
   * @param scores each row's outcome (finite)
   * @return the data
   * @throws IllegalArgumentException if the lengths differ, there are no rows, an id is blank or a
   *     time or score is not finite (the message names the row)
   */
  public static GrowthData of(String[] clientIds, double[] times, double[] scores) {
    Objects.requireNonNull(clientIds, "clientIds");
    int n = checkRows("clientIds", clientIds.length, times, scores);
    Map<String, Integer> index = new HashMap<>();
    List<String> order = new ArrayList<>();
    int[] clientOf = new int[n];
    for (int i = 0; i < n; i++) {
      String id = clientIds[i];
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("client id in row " + (i + 1) + " must not be blank");
      }
      Integer c = index.get(id);
      if (c == null) {
        c = order.size();
        index.put(id, c);
        order.add(id);
      }
      clientOf[i] = c;
    }
    return grouped(List.copyOf(order), clientOf, times, scores);
  }

  /**
   * Data from rows already numbered by client, as a long-format reader produces them: no lookup
   * by id per row.
   *
   * @param clientIds the distinct client ids (not blank, each once); their order is the order of
   *     {@link #clients()}
   * @param clientOfRow each row's index into {@code clientIds}
   * @param times each row's time (finite)
   * @param scores each row's outcome (finite)
   * @return the data
   * @throws IllegalArgumentException if the lengths differ, there are no rows, an id is blank or
   *     repeated, a client has no row, an index is out of range, or a time or score is not finite
   *     (the message names the row)
   */
  public static GrowthData ofIndexed(List<String> clientIds, int[] clientOfRow, double[] times,
      double[] scores) {
    Objects.requireNonNull(clientIds, "clientIds");
    Objects.requireNonNull(clientOfRow, "clientOfRow");
    return indexed(clientIds, clientOfRow, times, scores,
        checkRows("clientOfRow", clientOfRow.length, times, scores));
  }

  /**
   * {@link #ofIndexed(List, int[], double[], double[])} from the first {@code rows} entries of
   * each column, for a reader whose columns have room beyond the rows read: no copy of the
   * columns to their exact length first.
   *
   * @param clientIds the distinct client ids (not blank, each once); their order is the order of
   *     {@link #clients()}
   * @param clientOfRow each row's index into {@code clientIds} (at least {@code rows} entries)
   * @param times each row's time (finite; at least {@code rows} entries)
   * @param scores each row's outcome (finite; at least {@code rows} entries)
   * @param rows the number of rows, at least 1
   * @return the data
   * @throws IllegalArgumentException as {@link #ofIndexed(List, int[], double[], double[])}, or if
   *     {@code rows} is below 1 or above a column's length
   */
  public static GrowthData ofIndexed(List<String> clientIds, int[] clientOfRow, double[] times,
      double[] scores, int rows) {
    Objects.requireNonNull(clientIds, "clientIds");
    Objects.requireNonNull(clientOfRow, "clientOfRow");
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(scores, "scores");
    int shortest = Math.min(clientOfRow.length, Math.min(times.length, scores.length));
    if (rows < 1 || rows > shortest) {
      throw new IllegalArgumentException("rows must be between 1 and the shortest column's length "
          + shortest + " (clientOfRow " + clientOfRow.length + ", times " + times.length
          + ", scores " + scores.length + "), was " + rows);
    }
    return indexed(clientIds, clientOfRow, times, scores, rows);
  }

  /** {@code ofIndexed} on the first n rows (n checked). */
  private static GrowthData indexed(List<String> clientIds, int[] clientOfRow, double[] times,
      double[] scores, int n) {
    List<String> ids = List.copyOf(clientIds);
    checkDistinct(ids);
    int[] rows = new int[ids.size()];
    for (int i = 0; i < n; i++) {
      int c = clientOfRow[i];
      if (c < 0 || c >= ids.size()) {
        throw new IllegalArgumentException("client index in row " + (i + 1) + " must be between 0"
            + " and " + (ids.size() - 1) + ", was " + c);
      }
      rows[c]++;
    }
    for (int c = 0; c < rows.length; c++) {
      if (rows[c] == 0) {
        throw new IllegalArgumentException("client " + ids.get(c) + " has no row");
      }
    }
    return grouped(ids, Arrays.copyOf(clientOfRow, n), times, scores);
  }

  /**
   * Throws if an id is blank or listed twice. The ids' indices go into an open-addressing table
   * (no boxing, no entry objects: a reader hands over one id per client, often a million).
   */
  private static void checkDistinct(List<String> ids) {
    int m = ids.size();
    int capacity = Integer.highestOneBit(Math.max(2, m) * 2 - 1) * 2; // at most half full
    int shift = 32 - Integer.numberOfTrailingZeros(capacity);
    int[] table = new int[capacity];
    Arrays.fill(table, -1);
    for (int c = 0; c < m; c++) {
      String id = ids.get(c);
      if (id.isBlank()) {
        throw new IllegalArgumentException("client id " + c + " must not be blank");
      }
      int slot = (id.hashCode() * 0x9E3779B9) >>> shift; // Fibonacci hashing spreads the bits
      while (table[slot] >= 0) {
        int before = table[slot];
        if (ids.get(before).equals(id)) {
          throw new IllegalArgumentException("client id " + id + " is listed twice (indices "
              + before + " and " + c + ")");
        }
        slot = (slot + 1) & (capacity - 1);
      }
      table[slot] = c;
    }
  }

  /** The number of rows: at least one, the same in each column. */
  private static int checkRows(String clients, int n, double[] times, double[] scores) {
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(scores, "scores");
    if (times.length != n || scores.length != n) {
      throw new IllegalArgumentException(clients + ", times and scores must have the same length,"
          + " were " + n + ", " + times.length + " and " + scores.length);
    }
    if (n == 0) {
      throw new IllegalArgumentException("growth data needs at least one row, was empty");
    }
    return n;
  }

  /** Checks the values and groups the rows by client; {@code clientOf} is kept, not copied. */
  private static GrowthData grouped(List<String> clients, int[] clientOf, double[] times,
      double[] scores) {
    int n = clientOf.length;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(times[i])) {
        throw new IllegalArgumentException("time in row " + (i + 1) + " (client "
            + clients.get(clientOf[i]) + ") must be finite, was " + times[i]);
      }
      if (!Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("score in row " + (i + 1) + " (client "
            + clients.get(clientOf[i]) + ") must be finite, was " + scores[i]);
      }
    }
    RowGroups groups = RowGroups.of(clientOf, clients.size());
    int[] order = groups.order();
    double[] t = new double[n];
    double[] y = new double[n];
    for (int j = 0; j < n; j++) {
      t[j] = times[order[j]];
      y[j] = scores[order[j]];
    }
    return new GrowthData(clients, groups.start(), t, y, List.of(), new double[0][], clientOf,
        UNKNOWN_SCALE, List.of(), null);
  }

  /**
   * Data from the trajectories of a cohort on one scale; time is the session number. Scores were
   * validated against the scale when the trajectories were built.
   *
   * @param cohort the cohort
   * @param scaleId the scale whose trajectories to use (e.g. {@code "PHQ-9"})
   * @return the data
   * @throws IllegalArgumentException if no trajectory is on that scale
   */
  public static GrowthData fromCohort(Cohort cohort, String scaleId) {
    Objects.requireNonNull(cohort, "cohort");
    Checks.nonBlank("scaleId", scaleId);
    List<String> ids = new ArrayList<>();
    List<Double> ts = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    ScoreScale scale = null;
    for (Trajectory tr : cohort.trajectories()) {
      if (!tr.scale().id().equals(scaleId)) {
        continue;
      }
      scale = tr.scale();
      for (int i = 0; i < tr.size(); i++) {
        ids.add(tr.client().value());
        ts.add((double) tr.sessionAt(i));
        ys.add(tr.scoreAt(i));
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("cohort has no trajectory on scale " + scaleId);
    }
    return of(ids.toArray(new String[0]), ts.stream().mapToDouble(Double::doubleValue).toArray(),
        ys.stream().mapToDouble(Double::doubleValue).toArray()).withScale(scale);
  }

  /**
   * A copy that states the scale the scores are on (usually an instrument), after checking every
   * score against it. The fit and the expected-response model made from it record the scale.
   *
   * @param newScale the scale
   * @return the copy
   * @throws IllegalArgumentException if a score lies outside the scale; the message names the
   *     client, the time and the score
   */
  public GrowthData withScale(ScoreScale newScale) {
    Objects.requireNonNull(newScale, "scale");
    for (int c = 0; c < clients.size(); c++) {
      for (int i = start[c]; i < start[c + 1]; i++) {
        newScale.checkScore("score of client " + clients.get(c) + " at time " + Checks.fmt(time[i]),
            score[i]);
      }
    }
    return new GrowthData(clients, start, time, score, covariateNames, covariates, rowClient,
        newScale, clusters, clusterOf);
  }

  /**
   * The scale the scores are on.
   *
   * @return the stated scale, or the unbounded scale {@code outcome}
   */
  public ScoreScale scale() {
    return scale;
  }

  /**
   * A copy with one more client-level covariate given per row, in the row order originally
   * passed to {@link #of}.
   *
   * @param name the covariate's name (not blank, not {@code intercept}/{@code time}, unique)
   * @param perRow one finite value per row; equal within each client
   * @return the copy
   * @throws IllegalArgumentException if a value is not finite or differs within a client
   */
  public GrowthData withCovariate(String name, double[] perRow) {
    checkName(name);
    Objects.requireNonNull(perRow, "perRow");
    if (perRow.length != score.length) {
      throw new IllegalArgumentException("covariate " + name + " has " + perRow.length
          + " values but the data have " + score.length + " rows");
    }
    double[] byClient = new double[clients.size()];
    Arrays.fill(byClient, Double.NaN);
    for (int i = 0; i < perRow.length; i++) {
      double v = perRow[i];
      int c = rowClient[i];
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("covariate " + name + " in row " + (i + 1)
            + " (client " + clients.get(c) + ") must be finite, was " + v);
      }
      if (Double.isNaN(byClient[c])) {
        byClient[c] = v;
      } else if (byClient[c] != v) {
        throw new IllegalArgumentException("covariate " + name + " must be the same on every row"
            + " of a client; client " + clients.get(c) + " has " + Checks.fmt(byClient[c])
            + " and " + Checks.fmt(v) + " (row " + (i + 1) + ")");
      }
    }
    return withClientValues(name, byClient);
  }

  /**
   * A copy with one more client-level covariate given per client.
   *
   * @param name the covariate's name
   * @param byClient a finite value for every client in the data (extra keys are ignored)
   * @return the copy
   * @throws IllegalArgumentException if a client has no value or a value is not finite
   */
  public GrowthData withClientCovariate(String name, Map<String, Double> byClient) {
    checkName(name);
    Objects.requireNonNull(byClient, "byClient");
    double[] values = new double[clients.size()];
    for (int c = 0; c < values.length; c++) {
      Double v = byClient.get(clients.get(c));
      if (v == null) {
        throw new IllegalArgumentException("covariate " + name + " has no value for client "
            + clients.get(c));
      }
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("covariate " + name + " for client " + clients.get(c)
            + " must be finite, was " + v);
      }
      values[c] = v;
    }
    return withClientValues(name, values);
  }

  private GrowthData withClientValues(String name, double[] values) {
    List<String> names = new ArrayList<>(covariateNames);
    names.add(name);
    double[][] cov = Arrays.copyOf(covariates, covariates.length + 1);
    cov[covariates.length] = values;
    return new GrowthData(clients, start, time, score, List.copyOf(names), cov, rowClient, scale,
        clusters, clusterOf);
  }

  /**
   * A copy in which clients are nested in clusters (therapists): the cluster of each row, in the
   * row order originally passed to {@link #of}. A client belongs to one cluster; the same client
   * id under two clusters is an error (use ids that are unique across clusters, e.g. prefix them
   * with the therapist), because Candor does not guess whether two rows are one person.
   *
   * @param perRow each row's cluster id (not blank), the same on every row of a client
   * @return the data with a cluster level, replacing any set before
   * @throws IllegalArgumentException if the length differs from the number of rows, an id is
   *     blank, or a client is listed under two clusters (the message names the client and both
   *     clusters)
   */
  public GrowthData withClusters(String[] perRow) {
    Objects.requireNonNull(perRow, "perRow");
    if (perRow.length != score.length) {
      throw new IllegalArgumentException("clusters has " + perRow.length
          + " values but the data have " + score.length + " rows");
    }
    Map<String, Integer> index = new HashMap<>();
    List<String> order = new ArrayList<>();
    int[] of = new int[clients.size()];
    int[] firstRow = new int[clients.size()];
    Arrays.fill(of, -1);
    for (int i = 0; i < perRow.length; i++) {
      String id = perRow[i];
      int c = rowClient[i];
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("cluster id in row " + (i + 1) + " (client "
            + clients.get(c) + ") must not be blank");
      }
      Integer k = index.get(id);
      if (k == null) {
        k = order.size();
        index.put(id, k);
        order.add(id);
      }
      if (of[c] < 0) {
        of[c] = k;
        firstRow[c] = i;
      } else if (of[c] != k) {
        throw new IllegalArgumentException("client " + clients.get(c) + " is listed under two"
            + " clusters: " + order.get(of[c]) + " (row " + (firstRow[c] + 1) + ") and " + id
            + " (row " + (i + 1) + "); a client must belong to one therapist (give the client"
            + " a different id under each therapist if these are different people)");
      }
    }
    return new GrowthData(clients, start, time, score, covariateNames, covariates, rowClient,
        scale, List.copyOf(order), of);
  }

  private void checkName(String name) {
    Checks.nonBlank("covariate name", name);
    if (name.equals("intercept") || name.startsWith("time") || name.contains(":")) {
      throw new IllegalArgumentException("covariate name " + name
          + " is reserved or contains ':'; intercept, time... and NAME:time are term names");
    }
    if (covariateNames.contains(name)) {
      throw new IllegalArgumentException("covariate " + name + " was already added");
    }
  }

  /**
   * Number of rows (observations).
   *
   * @return the number of rows (observations)
   */
  public int size() {
    return score.length;
  }

  /**
   * Number of distinct clients.
   *
   * @return the number of distinct clients
   */
  public int clientCount() {
    return clients.size();
  }

  /**
   * The client ids, in first-seen order.
   *
   * @return the client ids, in first-seen order
   */
  public List<String> clients() {
    return clients;
  }

  /**
   * The cluster (therapist) ids in first-seen order.
   *
   * @return the ids; empty when the data have no clusters
   */
  public List<String> clusters() {
    return clusters;
  }

  /**
   * Whether the data have a cluster level ({@link #withClusters(String[])}).
   *
   * @return true with clusters
   */
  public boolean hasClusters() {
    return clusterOf != null;
  }

  /**
   * The cluster of client {@code c} (0-based, in {@link #clients()} order).
   *
   * @param c the client's index
   * @return the cluster's id
   * @throws IllegalStateException if the data have no clusters
   */
  public String clusterOf(int c) {
    if (clusterOf == null) {
      throw new IllegalStateException("the data have no clusters: use withClusters(...)");
    }
    return clusters.get(clusterOf[c]);
  }

  /**
   * The covariate names, in the order added.
   *
   * @return the covariate names, in the order added
   */
  public List<String> covariateNames() {
    return covariateNames;
  }

  /**
   * Number of observations of client {@code c} (0-based, in {@link #clients()} order).
   *
   * @param c the client, 0-based in {@link #clients()} order
   * @return the number of observations of client {@code c} (0-based, in {@link #clients()} order)
   */
  public int observations(int c) {
    return start[c + 1] - start[c];
  }

  /**
   * The value of covariate {@code k} for client {@code c}.
   *
   * @param k the covariate, 0-based in {@link #covariateNames()} order
   * @param c the client, 0-based in {@link #clients()} order
   * @return the value of covariate {@code k} for client {@code c}
   */
  public double covariate(int k, int c) {
    return covariates[k][c];
  }

  /**
   * The value of the named covariate for client {@code c}.
   *
   * @param name the covariate's name
   * @param c the client, 0-based in {@link #clients()} order
   * @return the value of the named covariate for client {@code c}
   */
  public double covariate(String name, int c) {
    int k = covariateNames.indexOf(name);
    if (k < 0) {
      throw new IllegalArgumentException("no covariate named " + name + "; have " + covariateNames);
    }
    return covariates[k][c];
  }

  /**
   * The times of all rows, grouped by client (a copy).
   *
   * @return the times of all rows, grouped by client (a copy)
   */
  public double[] groupedTimes() {
    return time.clone();
  }

  /**
   * The scores of all rows, grouped by client (a copy).
   *
   * @return the scores of all rows, grouped by client (a copy)
   */
  public double[] groupedScores() {
    return score.clone();
  }

  /**
   * A copy with every score transformed by {@code score + shift} (useful for sensitivity
   * checks). Covariates are kept; the shifted scores are no longer on the stated scale, so the copy
   * has the unbounded scale {@code outcome}.
   *
   * @param shift a finite constant
   * @return the copy
   */
  public GrowthData withScoresShifted(double shift) {
    Checks.finite("shift", shift);
    double[] y = score.clone();
    for (int i = 0; i < y.length; i++) {
      y[i] += shift;
    }
    return new GrowthData(clients, start, time, y, covariateNames, covariates, rowClient,
        UNKNOWN_SCALE, clusters, clusterOf);
  }

  // package-private raw access for the fitter (no copies)
  int[] starts() {
    return start;
  }

  double[] timeArray() {
    return time;
  }

  double[] scoreArray() {
    return score;
  }

  double[][] covariateArrays() {
    return covariates;
  }

  /** Each client's cluster index, or null without clusters (no copy). */
  int[] clusterIndex() {
    return clusterOf;
  }

  /**
   * Equal when the clients, rows (in input order), scores, covariates, scale and clusters are all
   * equal.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof GrowthData g
        && clients.equals(g.clients)
        && Arrays.equals(start, g.start)
        && Arrays.equals(time, g.time)
        && Arrays.equals(score, g.score)
        && covariateNames.equals(g.covariateNames)
        && Arrays.deepEquals(covariates, g.covariates)
        && Arrays.equals(rowClient, g.rowClient)
        && scale.equals(g.scale)
        && clusters.equals(g.clusters)
        && Arrays.equals(clusterOf, g.clusterOf);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clients, Arrays.hashCode(time), Arrays.hashCode(score), covariateNames, clusters);
  }

  @Override
  public String toString() {
    return "GrowthData[" + score.length + " observations, " + clients.size() + " clients"
        + (clusters.isEmpty() ? "" : " in " + clusters.size() + " clusters")
        + (covariateNames.isEmpty() ? "" : ", covariates " + covariateNames) + "]";
  }
}
