package io.candor.model.growth;

import io.candor.internal.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The rows of a set of clients in the canonical order in which a growth model sums them: clients by
 * id ({@link String#compareTo}), each client's rows by time, then score. The fitter hashes clients
 * into {@link #BUCKETS} buckets ({@link #bucket(String)}) and sums bucket by bucket in bucket order,
 * so its arithmetic, and therefore its result, does not depend on the order in which rows arrive or
 * on where they are held: a fit of the same rows on one machine ({@link GrowthModel#fit(GrowthData)})
 * and on a cluster (candor-spark, through {@link GrowthStatistics}) is the same to the last bit.
 *
 * <p>Covariates are client-level: a value given per row must be the same on every row of a client.
 *
 * <p>Immutable and thread-safe; arrays passed in are copied.
 */
public final class GrowthRows {

  /** How many buckets clients are hashed into. */
  public static final int BUCKETS = 1024;

  final String[] clients; // sorted
  final int[] start; // rows of client c: start[c] .. end[c]-1 of time and score
  final int[] end;
  final int size; // rows in all
  final double[] time;
  final double[] score;
  final List<String> covariateNames;
  final double[][] covariates; // [k][client]

  private GrowthRows(String[] clients, int[] start, int[] end, int size, double[] time,
      double[] score, List<String> covariateNames, double[][] covariates) {
    this.clients = clients;
    this.start = start;
    this.end = end;
    this.size = size;
    this.time = time;
    this.score = score;
    this.covariateNames = covariateNames;
    this.covariates = covariates;
  }

  /** Rows held one client after another: client c's are start[c] .. start[c+1]−1. */
  private GrowthRows(String[] clients, int[] start, double[] time, double[] score,
      List<String> covariateNames, double[][] covariates) {
    this(clients, start, Arrays.copyOfRange(start, 1, start.length), score.length, time, score,
        covariateNames, covariates);
  }

  /**
   * The bucket of a client: {@code floorMod(clientId.hashCode(), BUCKETS)} ({@link
   * String#hashCode()} is specified, so every JVM agrees).
   *
   * @param clientId the client's id
   * @return 0 to {@link #BUCKETS} − 1
   */
  public static int bucket(String clientId) {
    return Math.floorMod(Objects.requireNonNull(clientId, "clientId").hashCode(), BUCKETS);
  }

  /**
   * Rows from parallel arrays, put in canonical order.
   *
   * @param ids each row's client id (not blank)
   * @param times each row's time (finite)
   * @param scores each row's outcome (finite)
   * @param covariateNames names of the client-level covariates, possibly none
   * @param covariates {@code covariates[k][row]}: covariate k on each row (finite, constant within
   *     a client)
   * @return the rows
   * @throws IllegalArgumentException if lengths differ, there are no rows, an id is blank, a value
   *     is not finite, or a covariate differs within a client (naming the client)
   */
  public static GrowthRows of(String[] ids, double[] times, double[] scores,
      List<String> covariateNames, double[][] covariates) {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(scores, "scores");
    List<String> names = List.copyOf(Checks.noNulls("covariateNames", covariateNames));
    Objects.requireNonNull(covariates, "covariates");
    int n = ids.length;
    if (times.length != n || scores.length != n) {
      throw new IllegalArgumentException("ids, times and scores must have the same length, were "
          + n + ", " + times.length + " and " + scores.length);
    }
    if (n == 0) {
      throw new IllegalArgumentException("growth rows need at least one row, were empty");
    }
    if (covariates.length != names.size()) {
      throw new IllegalArgumentException(names.size() + " covariate names but "
          + covariates.length + " covariate columns");
    }
    for (int k = 0; k < covariates.length; k++) {
      if (covariates[k] == null || covariates[k].length != n) {
        throw new IllegalArgumentException("covariate " + names.get(k) + " must have " + n
            + " values, one per row");
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      String id = ids[i];
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("client id in row " + (i + 1) + " must not be blank");
      }
      if (!Double.isFinite(times[i]) || !Double.isFinite(scores[i])) {
        throw new IllegalArgumentException("row " + (i + 1) + " (client " + id + "): time and"
            + " score must be finite, were " + times[i] + " and " + scores[i]);
      }
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int c = ids[a].compareTo(ids[b]);
      if (c != 0) {
        return c;
      }
      c = Double.compare(times[a], times[b]);
      return c != 0 ? c : Double.compare(scores[a], scores[b]);
    });
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || !ids[order[i]].equals(ids[order[i - 1]])) {
        m++;
      }
    }
    String[] clients = new String[m];
    int[] start = new int[m + 1];
    double[] t = new double[n];
    double[] y = new double[n];
    double[][] cov = new double[names.size()][m];
    int c = -1;
    for (int i = 0; i < n; i++) {
      int r = order[i];
      boolean first = i == 0 || !ids[r].equals(ids[order[i - 1]]);
      if (first) {
        c++;
        clients[c] = ids[r];
        start[c] = i;
      }
      t[i] = times[r];
      y[i] = scores[r];
      for (int k = 0; k < cov.length; k++) {
        double v = covariates[k][r];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("covariate " + names.get(k) + " in row " + (r + 1)
              + " (client " + ids[r] + ") must be finite, was " + v);
        }
        if (first) {
          cov[k][c] = v;
        } else if (cov[k][c] != v) {
          throw new IllegalArgumentException("covariate " + names.get(k) + " must be the same on"
              + " every row of a client; client " + ids[r] + " has " + Checks.fmt(cov[k][c])
              + " and " + Checks.fmt(v));
        }
      }
    }
    start[m] = n;
    return new GrowthRows(clients, start, t, y, names, cov);
  }

  /**
   * Rows already grouped and sorted, from {@link GrowthData} (no copies, no checks: the data were
   * checked when built).
   */
  static GrowthRows sorted(String[] clients, int[] start, double[] time, double[] score,
      List<String> covariateNames, double[][] covariates) {
    return new GrowthRows(clients, start, time, score, covariateNames, covariates);
  }

  /**
   * Rows in canonical order, not copied: client c's are {@code start[c] .. end[c]−1} of the
   * shared columns (already sorted by time, then score), {@code size} in all.
   */
  static GrowthRows view(String[] clients, int[] start, int[] end, int size, double[] time,
      double[] score, List<String> covariateNames, double[][] covariates) {
    return new GrowthRows(clients, start, end, size, time, score, covariateNames, covariates);
  }

  /**
   * Number of rows.
   *
   * @return at least 1
   */
  public int size() {
    return size;
  }

  /**
   * Number of clients.
   *
   * @return at least 1
   */
  public int clientCount() {
    return clients.length;
  }

  /**
   * The covariate names.
   *
   * @return the names (unmodifiable)
   */
  public List<String> covariateNames() {
    return covariateNames;
  }

  /**
   * The sum of the scores in canonical order. The fitter centres the outcome on
   * {@code (Σ scoreSum over buckets in bucket order, from 0) / n}.
   *
   * @return the sum
   */
  public double scoreSum() {
    double s = 0;
    for (int c = 0; c < clients.length; c++) {
      for (int i = start[c]; i < end[c]; i++) {
        s += score[i];
      }
    }
    return s;
  }

  /**
   * The centre the outcome is centred on: the score sums of all buckets added in increasing bucket
   * order (from 0), divided by the number of rows.
   *
   * @param sumAndSizeByBucket each non-empty bucket's {@code {scoreSum(), size()}}
   * @return the mean outcome
   * @throws IllegalArgumentException if there are no rows
   */
  public static double centre(SortedMap<Integer, double[]> sumAndSizeByBucket) {
    Objects.requireNonNull(sumAndSizeByBucket, "sumAndSizeByBucket");
    double sum = 0;
    double n = 0;
    for (double[] part : sumAndSizeByBucket.values()) {
      sum += part[0];
      n += part[1];
    }
    if (!(n > 0)) {
      throw new IllegalArgumentException("no rows: the centre of an empty outcome is undefined");
    }
    return sum / n;
  }

  /**
   * The sufficient statistics of these rows under a model, with the outcome centred on {@code
   * centre}.
   *
   * @param model the model (its covariates must be among these rows' covariates)
   * @param centre the mean outcome of all the data (see {@link #scoreSum()})
   * @return the statistics
   * @throws IllegalArgumentException if a covariate of the model is missing
   */
  public GrowthBlock statistics(GrowthModel model, double centre) {
    Objects.requireNonNull(model, "model");
    Checks.finite("centre", centre);
    return new GrowthBlock(model, this, centre);
  }

  @Override
  public String toString() {
    return "GrowthRows[" + size + " rows, " + clients.length + " clients]";
  }
}
