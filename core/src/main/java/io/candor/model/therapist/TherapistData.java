package io.candor.model.therapist;

import io.candor.internal.Checks;
import io.candor.measure.Instrument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row per client: the client's therapist, intake ({@code pre}) and end-of-treatment
 * ({@code post}) scores on one instrument, and optional numeric case-mix covariates (age, duration
 * of problems...).
 *
 * <p>Validation happens here, once: every score must lie on the instrument's scale; each client
 * appears once and under one therapist (a client listed under two therapists is an error naming
 * the client); there must be at least two therapists. Nothing is dropped or imputed: a client
 * without an end score is not a row here.
 *
 * <p>Immutable and thread-safe; arrays are copied in and out.
 */
public final class TherapistData {

  private final Instrument instrument;
  private final String[] therapistOfRow;
  private final String[] clients;
  private final double[] pre;
  private final double[] post;
  private final List<String> therapists;
  private final int[] therapistIndex;
  private final Map<String, double[]> covariates;

  private TherapistData(Instrument instrument, String[] therapistOfRow, String[] clients,
      double[] pre, double[] post, List<String> therapists, int[] therapistIndex,
      Map<String, double[]> covariates) {
    this.instrument = instrument;
    this.therapistOfRow = therapistOfRow;
    this.clients = clients;
    this.pre = pre;
    this.post = post;
    this.therapists = therapists;
    this.therapistIndex = therapistIndex;
    this.covariates = covariates;
  }

  /**
   * Data from parallel arrays, one element per client.
   *
   * @param instrument the instrument both scores are on
   * @param therapists each client's therapist id (not blank)
   * @param clients each client's id (not blank, unique)
   * @param pre each client's intake score, on the instrument's scale
   * @param post each client's end-of-treatment score, on the instrument's scale
   * @return the data
   * @throws IllegalArgumentException if the lengths differ or are 0, an id is blank, a score is
   *     missing (NaN) or off the scale, a client appears twice (under one therapist or two), or
   *     there is only one therapist; the message names the row, client and value
   */
  public static TherapistData of(Instrument instrument, String[] therapists, String[] clients,
      double[] pre, double[] post) {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(therapists, "therapists");
    Objects.requireNonNull(clients, "clients");
    Objects.requireNonNull(pre, "pre");
    Objects.requireNonNull(post, "post");
    int n = clients.length;
    if (therapists.length != n || pre.length != n || post.length != n) {
      throw new IllegalArgumentException("therapists, clients, pre and post must have the same"
          + " length, were " + therapists.length + ", " + n + ", " + pre.length + " and "
          + post.length);
    }
    if (n == 0) {
      throw new IllegalArgumentException("therapist data need at least one client, were empty");
    }
    Map<String, Integer> firstRow = new HashMap<>();
    Map<String, Integer> index = new LinkedHashMap<>();
    int[] of = new int[n];
    for (int i = 0; i < n; i++) {
      String c = clients[i];
      String t = therapists[i];
      if (c == null || c.isBlank()) {
        throw new IllegalArgumentException("client id in row " + (i + 1) + " must not be blank");
      }
      if (t == null || t.isBlank()) {
        throw new IllegalArgumentException("therapist id in row " + (i + 1) + " (client " + c
            + ") must not be blank");
      }
      score(instrument, "pre", pre[i], i, c);
      score(instrument, "post", post[i], i, c);
      Integer before = firstRow.putIfAbsent(c, i);
      if (before != null) {
        String other = therapists[before];
        throw new IllegalArgumentException(other.equals(t)
            ? "client " + c + " appears twice, in rows " + (before + 1) + " and " + (i + 1)
                + "; give one row per client (intake and end-of-treatment scores)"
            : "client " + c + " is listed under two therapists: " + other + " (row "
                + (before + 1) + ") and " + t + " (row " + (i + 1) + "); a client must belong"
                + " to one therapist (give the client a different id under each therapist if"
                + " these are different people)");
      }
      Integer k = index.get(t);
      if (k == null) {
        k = index.size();
        index.put(t, k);
      }
      of[i] = k;
    }
    List<String> ids = List.copyOf(index.keySet());
    if (ids.size() < 2) {
      throw new IllegalArgumentException("comparing therapists needs at least 2 therapists; these"
          + " data have 1 (" + ids.get(0) + ")");
    }
    return new TherapistData(instrument, therapists.clone(), clients.clone(), pre.clone(),
        post.clone(), ids, of, Map.of());
  }

  private static void score(Instrument instrument, String which, double value, int row,
      String client) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException(which + " score in row " + (row + 1) + " (client "
          + client + ") is missing; Candor does not impute scores: leave out clients without"
          + " both scores, or report them separately");
    }
    try {
      instrument.checkScore(which + " score", value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("row " + (row + 1) + " (client " + client + "): "
          + e.getMessage(), e);
    }
  }

  /**
   * A copy with one more numeric case-mix covariate, one value per client in row order.
   *
   * @param name the covariate's name (not blank, unique, not {@code pre}, {@code post} or
   *     {@code intercept})
   * @param perClient one finite value per client
   * @return the copy
   * @throws IllegalArgumentException if the name is taken, the length differs or a value is not
   *     finite (the message names the row and client)
   */
  public TherapistData withCovariate(String name, double[] perClient) {
    Checks.nonBlank("covariate name", name);
    Objects.requireNonNull(perClient, "perClient");
    if (name.equals("pre") || name.equals("post") || name.equals("intercept")
        || name.equals("(Intercept)") || covariates.containsKey(name)) {
      throw new IllegalArgumentException("covariate name " + name + " is taken; pre, post and"
          + " intercept are reserved and each covariate is added once");
    }
    if (perClient.length != clients.length) {
      throw new IllegalArgumentException("covariate " + name + " has " + perClient.length
          + " values but the data have " + clients.length + " clients");
    }
    for (int i = 0; i < perClient.length; i++) {
      if (!Double.isFinite(perClient[i])) {
        throw new IllegalArgumentException("covariate " + name + " in row " + (i + 1)
            + " (client " + clients[i] + ") must be a finite number, was " + perClient[i]);
      }
    }
    Map<String, double[]> more = new LinkedHashMap<>(covariates);
    more.put(name, perClient.clone());
    return new TherapistData(instrument, therapistOfRow, clients, pre, post, therapists,
        therapistIndex, java.util.Collections.unmodifiableMap(more));
  }

  /**
   * The instrument of the scores.
   *
   * @return the instrument
   */
  public Instrument instrument() {
    return instrument;
  }

  /**
   * Number of clients (rows).
   *
   * @return the number of rows
   */
  public int size() {
    return clients.length;
  }

  /**
   * The therapists' ids in first-seen order.
   *
   * @return the ids
   */
  public List<String> therapists() {
    return therapists;
  }

  /**
   * Each client's therapist, in row order (a copy).
   *
   * @return one id per row
   */
  public String[] therapistOfClients() {
    return therapistOfRow.clone();
  }

  /**
   * Each client's therapist as an index into {@link #therapists()} (a copy).
   *
   * @return one index per row
   */
  public int[] therapistIndex() {
    return therapistIndex.clone();
  }

  /**
   * The clients' ids in row order (a copy).
   *
   * @return one id per row
   */
  public String[] clients() {
    return clients.clone();
  }

  /**
   * The intake scores in row order (a copy).
   *
   * @return one score per row
   */
  public double[] pre() {
    return pre.clone();
  }

  /**
   * The end-of-treatment scores in row order (a copy).
   *
   * @return one score per row
   */
  public double[] post() {
    return post.clone();
  }

  /**
   * The covariates' names, in the order added.
   *
   * @return the names
   */
  public List<String> covariateNames() {
    return List.copyOf(covariates.keySet());
  }

  /**
   * A covariate's values in row order (a copy).
   *
   * @param name the covariate's name
   * @return one value per row
   * @throws IllegalArgumentException if there is no such covariate
   */
  public double[] covariate(String name) {
    double[] v = covariates.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no covariate named " + name + "; the data have "
          + covariateNames());
    }
    return v.clone();
  }

  /**
   * Number of clients of each therapist, in {@link #therapists()} order.
   *
   * @return the caseloads
   */
  public int[] caseloads() {
    int[] n = new int[therapists.size()];
    for (int k : therapistIndex) {
      n[k]++;
    }
    return n;
  }

  /** The covariate arrays named (no copies), for the models of this package. */
  List<double[]> columns(List<String> names) {
    List<double[]> out = new ArrayList<>(names.size());
    for (String name : names) {
      double[] v = covariates.get(name);
      if (v == null) {
        throw new IllegalArgumentException("covariate " + name + " is not in the data; the data"
            + " have " + covariateNames());
      }
      out.add(v);
    }
    return out;
  }

  /** The raw arrays (no copies), for the models of this package. */
  double[] preArray() {
    return pre;
  }

  double[] postArray() {
    return post;
  }

  String[] therapistArray() {
    return therapistOfRow;
  }

  /** Equal when the instrument, the rows (in input order) and the covariates are all equal. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TherapistData d) || !instrument.equals(d.instrument)
        || !Arrays.equals(therapistOfRow, d.therapistOfRow) || !Arrays.equals(clients, d.clients)
        || !Arrays.equals(pre, d.pre) || !Arrays.equals(post, d.post)
        || !covariates.keySet().equals(d.covariates.keySet())) {
      return false;
    }
    for (Map.Entry<String, double[]> e : covariates.entrySet()) {
      if (!Arrays.equals(e.getValue(), d.covariates.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(instrument, Arrays.hashCode(clients), Arrays.hashCode(pre),
        Arrays.hashCode(post), covariates.keySet());
  }

  @Override
  public String toString() {
    return "TherapistData[" + clients.length + " clients of " + therapists.size()
        + " therapists on " + instrument.id()
        + (covariates.isEmpty() ? "" : ", covariates " + covariates.keySet()) + "]";
  }
}
