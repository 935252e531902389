package io.candor.model.survival;

import io.candor.internal.Checks;
import io.candor.internal.PrimitiveLists;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.OptionalDouble;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Kaplan–Meier estimator of the probability of no event by time t (time to reliable
 * improvement, recovery, relapse or dropout), with censoring, computed exactly as R's {@code
 * survival::survfit(Surv(time, status) ~ 1)}: every distinct time reported, events before
 * censorings at tied times, Greenwood standard errors, confidence limits of the chosen {@link
 * ConfidenceType} and R's median rule (see {@link KaplanMeierFit}).
 *
 * <p>A fitter is an immutable configuration: {@code
 * KaplanMeier.withDefaults().with(ConfidenceType.LOG_LOG).withConfidenceLevel(0.9).fit(time,
 * event)}. Defaults are R's: {@link ConfidenceType#LOG} and a 95 % level.
 *
 * <p>Speed: sorting primitives (or counting, for integer times such as session numbers), so a
 * million clients take a few tens of milliseconds (see {@code KaplanMeierBenchmark}).
 *
 * <p>Immutable and thread-safe.
 *
 * @see io.candor.evidence.Citations#KAPLAN_1958
 * @see io.candor.evidence.Citations#THERNEAU_2000
 */
public final class KaplanMeier {

  /** R's default confidence level for {@code survfit}, 0.95. */
  public static final double DEFAULT_CONFIDENCE_LEVEL = 0.95;

  private static final KaplanMeier DEFAULTS =
      new KaplanMeier(ConfidenceType.LOG, DEFAULT_CONFIDENCE_LEVEL, NearTies.MERGE);

  /**
   * Integer times below this are counted rather than sorted; below it no two distinct integers
   * can be tied by R's relative tolerance (1/2^24 > √ε).
   */
  private static final long MAX_COUNTING_SPAN = 1L << 24;

  private final ConfidenceType confidenceType;
  private final double confidenceLevel;
  private final NearTies nearTies;
  private final boolean timeFix;
  private final double z;

  private KaplanMeier(ConfidenceType confidenceType, double confidenceLevel, NearTies nearTies) {
    this.confidenceType = confidenceType;
    this.confidenceLevel = confidenceLevel;
    this.nearTies = nearTies;
    this.timeFix = nearTies == NearTies.MERGE;
    this.z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - confidenceLevel) / 2);
  }

  /**
   * R's defaults: log-scale confidence limits at the 95 % level.
   *
   * @return the default fitter
   */
  public static KaplanMeier withDefaults() {
    return DEFAULTS;
  }

  /**
   * A copy using confidence limits of {@code type}.
   *
   * @param type the confidence-limit type
   * @return the copy
   */
  public KaplanMeier with(ConfidenceType type) {
    return new KaplanMeier(Objects.requireNonNull(type, "confidenceType"), confidenceLevel, nearTies);
  }

  /**
   * A copy using confidence level {@code level}.
   *
   * @param level the confidence level, in (0, 1)
   * @return the copy
   * @throws IllegalArgumentException unless {@code 0 < level < 1}
   */
  public KaplanMeier withConfidenceLevel(double level) {
    return new KaplanMeier(confidenceType, Checks.openUnit("confidenceLevel", level), nearTies);
  }

  /**
   * A copy that merges ({@link NearTies#MERGE}, the default, as R's {@code timefix = TRUE}) or
   * keeps apart ({@link NearTies#KEEP}) times closer than {@code √ε}; see R's {@code aeqSurv}.
   *
   * @param ties what to do with almost-equal times
   * @return the copy
   */
  public KaplanMeier with(NearTies ties) {
    return new KaplanMeier(confidenceType, confidenceLevel, Objects.requireNonNull(ties, "nearTies"));
  }

  /**
   * What is done with almost-equal times.
   *
   * @return {@link NearTies#MERGE} when they are merged as R's {@code aeqSurv} does
   */
  public NearTies nearTies() {
    return nearTies;
  }

  /**
   * The confidence-limit type.
   *
   * @return the confidence-limit type
   */
  public ConfidenceType confidenceType() {
    return confidenceType;
  }

  /**
   * The confidence level.
   *
   * @return the confidence level
   */
  public double confidenceLevel() {
    return confidenceLevel;
  }

  /**
   * Fits the curve to times and event indicators ({@code event[i]} true: the event happened at
   * {@code time[i]}; false: censored then). The arrays are not changed.
   *
   * @param time the times, >= 0 and finite
   * @param event whether the event happened at each time (false: censored then)
   * @return the curve
   * @throws IllegalArgumentException if the arrays are empty or of different lengths, or a time is
   *     negative, NaN or infinite
   */
  public KaplanMeierFit fit(double[] time, boolean[] event) {
    checkArrays(time == null ? -1 : time.length, event);
    Objects.requireNonNull(time, "time");
    int n = time.length;
    int ne = 0;
    for (int i = 0; i < n; i++) {
      double t = time[i];
      if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException(
            "time[" + i + "] must be >= 0 and finite, was " + t);
      }
      if (event[i]) {
        ne++;
      }
    }
    double[] et = new double[ne];
    double[] ct = new double[n - ne];
    int a = 0;
    int b = 0;
    for (int i = 0; i < n; i++) {
      // + 0.0 turns -0.0 into 0.0 so that it ties with 0.0
      if (event[i]) {
        et[a++] = time[i] + 0.0;
      } else {
        ct[b++] = time[i] + 0.0;
      }
    }
    Arrays.sort(et);
    Arrays.sort(ct);
    return fromSorted(et, ct);
  }

  /**
   * Fits the curve to integer times (such as session numbers) by counting, without sorting.
   *
   * @param time the times, >= 0
   * @param event whether the event happened at each time (false: censored then)
   * @return the curve
   * @throws IllegalArgumentException if the arrays are empty or of different lengths, or a time is
   *     negative
   */
  public KaplanMeierFit fit(int[] time, boolean[] event) {
    checkArrays(time == null ? -1 : time.length, event);
    Objects.requireNonNull(time, "time");
    int n = time.length;
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      int t = time[i];
      if (t < 0) {
        throw new IllegalArgumentException("time[" + i + "] must be >= 0, was " + t);
      }
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    long span = (long) max - min + 1;
    if (max >= MAX_COUNTING_SPAN || span > 4L * n + 1024) {
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = time[i];
      }
      return fit(d, event);
    }
    int[] ev = new int[(int) span];
    int[] ce = new int[(int) span];
    for (int i = 0; i < n; i++) {
      if (event[i]) {
        ev[time[i] - min]++;
      } else {
        ce[time[i] - min]++;
      }
    }
    int k = 0;
    for (int j = 0; j < span; j++) {
      if (ev[j] + ce[j] > 0) {
        k++;
      }
    }
    int[] times = new int[k];
    int[] nEvent = new int[k];
    int[] nCensor = new int[k];
    int r = 0;
    for (int j = 0; j < span; j++) {
      if (ev[j] + ce[j] > 0) {
        times[r] = min + j;
        nEvent[r] = ev[j];
        nCensor[r] = ce[j];
        r++;
      }
    }
    return counted(n, times, nEvent, nCensor);
  }

  /**
   * Fits the curve to counts at integer times (such as session numbers): how many had the event and
   * how many were censored at each time. This is {@link #fit(int[], boolean[])} with the counting
   * done elsewhere, for example per partition of a distributed data set and then added up; the
   * result is the same.
   *
   * @param times distinct times in increasing order, each {@code >= 0}
   * @param events number of events at each time ({@code >= 0})
   * @param censored number censored at each time ({@code >= 0}); events + censored {@code > 0}
   * @return the fit
   * @throws IllegalArgumentException if the arrays are empty or differ in length, the times are not
   *     increasing or negative, or a count is negative or both counts at a time are zero
   */
  public KaplanMeierFit fitCounts(int[] times, int[] events, int[] censored) {
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(censored, "censored");
    if (times.length == 0 || events.length != times.length || censored.length != times.length) {
      throw new IllegalArgumentException("times, events and censored must be non-empty and of the"
          + " same length, were " + times.length + ", " + events.length + " and " + censored.length);
    }
    long n = 0;
    for (int j = 0; j < times.length; j++) {
      if (times[j] < 0 || (j > 0 && times[j] <= times[j - 1])) {
        throw new IllegalArgumentException("times must be >= 0 and strictly increasing; times["
            + j + "] is " + times[j] + (j > 0 ? " after " + times[j - 1] : ""));
      }
      if (events[j] < 0 || censored[j] < 0 || events[j] + censored[j] == 0) {
        throw new IllegalArgumentException("at time " + times[j] + " the counts must be >= 0 and"
            + " not both zero, were " + events[j] + " events and " + censored[j] + " censored");
      }
      n += events[j] + censored[j];
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("at most " + Integer.MAX_VALUE + " subjects, were " + n);
    }
    return counted((int) n, times.clone(), events.clone(), censored.clone());
  }

  private KaplanMeierFit counted(int n, int[] time, int[] nEvent, int[] nCensor) {
    int k = time.length;
    double[] times = new double[k];
    int[] nRisk = new int[k];
    int atRisk = n;
    for (int j = 0; j < k; j++) {
      times[j] = time[j];
      nRisk[j] = atRisk;
      atRisk -= nEvent[j] + nCensor[j];
    }
    return finish(n, times, nRisk, nEvent, nCensor);
  }

  /**
   * Fits the curve to a collection of event times.
   *
   * @param data the event times, at least one
   * @return the curve
   * @throws IllegalArgumentException if {@code data} is empty or holds null
   */
  public KaplanMeierFit fit(Collection<EventTime> data) {
    Checks.nonEmptyNoNulls("data", data);
    double[] time = new double[data.size()];
    boolean[] event = new boolean[data.size()];
    int i = 0;
    for (EventTime e : data) {
      time[i] = e.time();
      event[i] = e.event();
      i++;
    }
    return fit(time, event);
  }

  /**
   * Fits one curve per named group (stratum) and, when there are at least two groups, the log-rank
   * test comparing them ({@link LogRank#test(Map)}). Strata are listed in the map's iteration
   * order; pass a {@link java.util.TreeMap} to get R's (alphabetical factor-level) order.
   *
   * @param groups the event times of each group, by name, in the order to report them
   * @return one curve per group and, for two or more groups, the log-rank test
   * @throws IllegalArgumentException if the map is empty, or a group is empty or has a blank name
   */
  public StratifiedFit fitStrata(Map<String, ? extends Collection<EventTime>> groups) {
    Objects.requireNonNull(groups, "groups");
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("groups must not be empty");
    }
    int k = groups.size();
    List<String> names = new ArrayList<>(k);
    double[][] times = new double[k][];
    boolean[][] events = new boolean[k][];
    int g = 0;
    for (Map.Entry<String, ? extends Collection<EventTime>> e : groups.entrySet()) {
      String name = Checks.nonBlank("group name", e.getKey());
      Collection<EventTime> data = e.getValue();
      Objects.requireNonNull(data, "group " + Checks.quote(name));
      if (data.isEmpty()) {
        throw new IllegalArgumentException("group " + Checks.quote(name) + " must not be empty");
      }
      Checks.noNulls("group " + Checks.quote(name), data);
      names.add(name);
      times[g] = new double[data.size()];
      events[g] = new boolean[data.size()];
      int i = 0;
      for (EventTime x : data) {
        times[g][i] = x.time() + 0.0;
        events[g][i] = x.event();
        i++;
      }
      g++;
    }
    // R ties almost-equal times over the whole data set, across strata, before splitting
    KaplanMeier perGroup = this;
    if (timeFix) {
      TimeFix.pooled(times);
      perGroup = with(NearTies.KEEP);
    }
    List<Stratum> strata = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      strata.add(new Stratum(names.get(j), perGroup.fit(times[j], events[j])));
    }
    Optional<LogRankResult> test =
        groups.size() >= 2 ? Optional.of(LogRank.test(groups, 0, nearTies)) : Optional.empty();
    return new StratifiedFit(strata, test);
  }

  /**
   * Fits one curve per group from parallel arrays: client {@code i} belongs to {@code group.get(i)}.
   * Groups are listed in sorted (alphabetical) order, as R orders factor levels, and compared by
   * the log-rank test when there are at least two.
   *
   * @param group the group of each client
   * @param time the time of each client's event or censoring, >= 0
   * @param event whether each client had the event (false: censored)
   * @return one curve per group and, for two or more groups, the log-rank test
   * @throws IllegalArgumentException if the inputs are empty or of different lengths, a group name
   *     is blank, or a time is negative, NaN or infinite
   */
  public StratifiedFit fitStrata(List<String> group, double[] time, boolean[] event) {
    Objects.requireNonNull(group, "group");
    checkArrays(time == null ? -1 : time.length, event);
    if (group.size() != time.length) {
      throw new IllegalArgumentException(
          "group must have as many entries as time (" + time.length + "), had " + group.size());
    }
    Map<String, List<EventTime>> byGroup = new TreeMap<>();
    for (int i = 0; i < time.length; i++) {
      String g = group.get(i);
      if (g == null || g.isBlank()) {
        throw new IllegalArgumentException(
            "group[" + i + "] must not be blank, was " + Checks.quote(g));
      }
      double t = time[i];
      if (!(t >= 0) || t == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("time[" + i + "] must be >= 0 and finite, was " + t);
      }
      byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(new EventTime(t, event[i]));
    }
    return fitStrata(byGroup);
  }

  private static void checkArrays(int timeLength, boolean[] event) {
    if (timeLength < 0) {
      throw new NullPointerException("time");
    }
    Objects.requireNonNull(event, "event");
    if (timeLength == 0) {
      throw new IllegalArgumentException("time must not be empty");
    }
    if (event.length != timeLength) {
      throw new IllegalArgumentException(
          "event must have as many entries as time (" + timeLength + "), had " + event.length);
    }
  }

  /** Merges sorted event and censoring times into the table of distinct times. */
  private KaplanMeierFit fromSorted(double[] et, double[] ct) {
    int n = et.length + ct.length;
    // first pass: count distinct times
    int k = 0;
    int i = 0;
    int j = 0;
    while (i < et.length || j < ct.length) {
      double t = next(et, i, ct, j);
      while (i < et.length && et[i] == t) {
        i++;
      }
      while (j < ct.length && ct[j] == t) {
        j++;
      }
      k++;
    }
    double[] times = new double[k];
    int[] nRisk = new int[k];
    int[] nEvent = new int[k];
    int[] nCensor = new int[k];
    int atRisk = n;
    i = 0;
    j = 0;
    for (int r = 0; r < k; r++) {
      double t = next(et, i, ct, j);
      int d = 0;
      int c = 0;
      while (i < et.length && et[i] == t) {
        i++;
        d++;
      }
      while (j < ct.length && ct[j] == t) {
        j++;
        c++;
      }
      times[r] = t;
      nRisk[r] = atRisk;
      nEvent[r] = d;
      nCensor[r] = c;
      atRisk -= d + c;
    }
    if (timeFix) {
      int[] lead = TimeFix.leaders(times, k);
      if (lead != null) {
        // merge each run of (almost) tied times into its first row, as R's aeqSurv
        int m = 0;
        for (int r = 0; r < k; r++) {
          if (lead[r] == r) {
            times[m] = times[r];
            nRisk[m] = nRisk[r];
            nEvent[m] = nEvent[r];
            nCensor[m] = nCensor[r];
            m++;
          } else {
            nEvent[m - 1] += nEvent[r];
            nCensor[m - 1] += nCensor[r];
          }
        }
        times = Arrays.copyOf(times, m);
        nRisk = Arrays.copyOf(nRisk, m);
        nEvent = Arrays.copyOf(nEvent, m);
        nCensor = Arrays.copyOf(nCensor, m);
      }
    }
    return finish(n, times, nRisk, nEvent, nCensor);
  }

  private static double next(double[] et, int i, double[] ct, int j) {
    if (i >= et.length) {
      return ct[j];
    }
    if (j >= ct.length) {
      return et[i];
    }
    return Math.min(et[i], ct[j]);
  }

  private KaplanMeierFit finish(int n, double[] times, int[] nRisk, int[] nEvent, int[] nCensor) {
    int k = times.length;
    double[] surv = new double[k];
    double[] se = new double[k];
    double[] lo = new double[k];
    double[] hi = new double[k];
    double s = 1;
    double v = 0;
    int events = 0;
    for (int r = 0; r < k; r++) {
      int d = nEvent[r];
      if (d > 0) {
        double nr = nRisk[r];
        events += d;
        s *= (nr - d) / nr;
        v += nr == d ? Double.POSITIVE_INFINITY : d / (nr * (nr - d));
      }
      surv[r] = s;
      se[r] = Math.sqrt(v);
      lo[r] = confidenceType.lower(s, se[r], z);
      hi[r] = confidenceType.upper(s, se[r], z);
      if (se[r] == Double.POSITIVE_INFINITY) {
        se[r] = Double.NaN; // S reached 0: R's Inf, written as empty
      }
    }
    return new KaplanMeierFit(
        n,
        events,
        PrimitiveLists.wrap(times),
        PrimitiveLists.wrap(nRisk),
        PrimitiveLists.wrap(nEvent),
        PrimitiveLists.wrap(nCensor),
        PrimitiveLists.wrap(surv),
        PrimitiveLists.wrapOptional(se),
        PrimitiveLists.wrapOptional(lo),
        PrimitiveLists.wrapOptional(hi),
        medianOf(surv, times),
        medianOf(lo, times),
        medianOf(hi, times),
        confidenceType,
        confidenceLevel);
  }

  /** R's tolerance in {@code print.survfit}: {@code .Machine$double.eps^0.5}. */
  private static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

  /**
   * R's {@code minmin} (survival:::survmean): the first time with {@code y < 0.5 + tol}; if
   * {@code y} is 0.5 there (within tol) and falls lower later, the average with the first time it
   * is lower. NaN values are skipped.
   */
  static OptionalDouble medianOf(double[] y, double[] x) {
    int first = -1;
    for (int i = 0; i < y.length; i++) {
      if (!Double.isNaN(y[i]) && y[i] < 0.5 + TOLERANCE) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return OptionalDouble.empty();
    }
    if (Math.abs(y[first] - 0.5) < TOLERANCE) {
      for (int i = first + 1; i < y.length; i++) {
        if (!Double.isNaN(y[i]) && y[i] < y[first]) {
          return OptionalDouble.of((x[first] + x[i]) / 2);
        }
      }
    }
    return OptionalDouble.of(x[first]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KaplanMeier k
        && confidenceType == k.confidenceType
        && Double.compare(confidenceLevel, k.confidenceLevel) == 0
        && nearTies == k.nearTies;
  }

  @Override
  public int hashCode() {
    return Objects.hash(confidenceType, confidenceLevel, nearTies);
  }

  @Override
  public String toString() {
    return "KaplanMeier[" + confidenceType + " limits, level " + Checks.fmt(confidenceLevel) + ", near ties "
        + nearTies + "]";
  }
}
