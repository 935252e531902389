package io.candor.model.survival;

import io.candor.internal.Checks;
import io.candor.internal.PrimitiveLists;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A Kaplan–Meier survival curve with Greenwood standard errors, pointwise confidence limits and the
 * median time to event, with the same numbers R's {@code survival::survfit} reports.
 *
 * <p>Row {@code i} of the lists describes the distinct time {@code time[i]}: every distinct time in
 * the data, including times at which clients were only censored (as {@code survfit} reports them).
 * At a time with both events and censorings, the events are taken to happen first, so censored
 * clients count as at risk ({@code nRisk}) at their censoring time.
 *
 * <p><b>Standard error.</b> {@link #stdErr()} is R's {@code fit$std.err}: the Greenwood standard
 * error of the cumulative hazard {@code -log S(t)}, {@code sqrt(Σ d/(n(n−d)))} over event times up to
 * {@code t}; R reports {@code Inf} once {@code S} reaches 0, and it is empty here. The standard
 * error of {@code S(t)} itself,
 * as R's {@code summary(fit)$std.err} prints it, is {@code S(t)·stdErr(t)}: see {@link
 * #survivalStdErr()}. Confidence limits R leaves undefined ({@code NA}) are empty here.
 *
 * <p><b>Median.</b> As R's {@code print.survfit} ({@code summary(fit)$table}): the first time at
 * which {@code S(t) < 0.5 + √ε}; when {@code S} equals 0.5 (within √ε) at that time and falls
 * lower later, the average of that time and the next time at which it falls lower. The limits apply
 * the same rule to the lower and upper confidence curves. Each is empty when the curve never gets
 * down to 0.5 (for example under heavy censoring).
 *
 * <p>Immutable and thread-safe. A record of lists and optionals, so Jackson serialises it as is.
 *
 * @param n number of clients
 * @param events number of events
 * @param time distinct times, ascending
 * @param nRisk clients at risk just before each time
 * @param nEvent events at each time
 * @param nCensor censorings at each time
 * @param survival Kaplan–Meier estimate of S(t) just after each time
 * @param stdErr Greenwood standard error of the cumulative hazard (R's {@code fit$std.err});
 *     empty once {@code S} reaches 0 (R: {@code Inf})
 * @param lower lower confidence limit of S(t); empty where R gives NA
 * @param upper upper confidence limit of S(t); empty where R gives NA
 * @param median median time to event, empty if not reached
 * @param medianLower lower confidence limit of the median, empty if not reached
 * @param medianUpper upper confidence limit of the median, empty if not reached
 * @param confidenceType how the confidence limits were built
 * @param confidenceLevel their confidence level, in (0, 1)
 * @see io.candor.evidence.Citations#KAPLAN_1958
 * @see io.candor.evidence.Citations#GREENWOOD_1926
 * @see io.candor.evidence.Citations#THERNEAU_2000
 */
public record KaplanMeierFit(
    int n,
    int events,
    List<Double> time,
    List<Integer> nRisk,
    List<Integer> nEvent,
    List<Integer> nCensor,
    List<Double> survival,
    List<OptionalDouble> stdErr,
    List<OptionalDouble> lower,
    List<OptionalDouble> upper,
    OptionalDouble median,
    OptionalDouble medianLower,
    OptionalDouble medianUpper,
    ConfidenceType confidenceType,
    double confidenceLevel) {

  /**
   * Validates the components and makes the lists unmodifiable.
   *
   * @param n number of clients
   * @param events number of events
   * @param time distinct times, ascending
   * @param nRisk clients at risk just before each time
   * @param nEvent events at each time
   * @param nCensor censorings at each time
   * @param survival Kaplan–Meier estimate of S(t) just after each time
   * @param stdErr Greenwood standard error of the cumulative hazard (R's {@code fit$std.err});
 *     empty once {@code S} reaches 0 (R: {@code Inf})
   * @param lower lower confidence limit of S(t); empty where R gives NA
   * @param upper upper confidence limit of S(t); empty where R gives NA
   * @param median median time to event, empty if not reached
   * @param medianLower lower confidence limit of the median, empty if not reached
   * @param medianUpper upper confidence limit of the median, empty if not reached
   * @param confidenceType how the confidence limits were built
   * @param confidenceLevel their confidence level, in (0, 1)
   */
  public KaplanMeierFit {
    Checks.atLeast("n", n, 1);
    Checks.inRange("events", events, 0, n);
    time = PrimitiveLists.doubles("time", time);
    nRisk = PrimitiveLists.ints("nRisk", nRisk);
    nEvent = PrimitiveLists.ints("nEvent", nEvent);
    nCensor = PrimitiveLists.ints("nCensor", nCensor);
    survival = PrimitiveLists.doubles("survival", survival);
    stdErr = PrimitiveLists.optionals("stdErr", stdErr);
    lower = PrimitiveLists.optionals("lower", lower);
    upper = PrimitiveLists.optionals("upper", upper);
    int k = time.size();
    for (List<?> l : List.of(nRisk, nEvent, nCensor, survival, stdErr, lower, upper)) {
      if (l.size() != k) {
        throw new IllegalArgumentException(
            "every column must have the " + k + " rows of time, one has " + l.size());
      }
    }
    Objects.requireNonNull(median, "median");
    Objects.requireNonNull(medianLower, "medianLower");
    Objects.requireNonNull(medianUpper, "medianUpper");
    Objects.requireNonNull(confidenceType, "confidenceType");
    Checks.openUnit("confidenceLevel", confidenceLevel);
  }

  /**
   * Number of rows (distinct times).
   *
   * @return the number of rows (distinct times)
   */
  public int size() {
    return time.size();
  }

  /**
   * The standard error of S(t) at each time, {@code survival·stdErr}, as R's {@code
   * summary(fit)$std.err} prints it (Greenwood's formula).
   *
   * @return one value per row, empty where {@code S = 0} (R gives NA)
   */
  public List<OptionalDouble> survivalStdErr() {
    double[] out = new double[size()];
    for (int i = 0; i < out.length; i++) {
      double s = survival.get(i);
      out[i] = s == 0 || stdErr.get(i).isEmpty() ? Double.NaN : s * stdErr.get(i).getAsDouble();
    }
    return PrimitiveLists.wrapOptional(out);
  }

  /**
   * The estimated probability of no event by time {@code t}: 1 before the first time, otherwise
   * {@code survival} at the last listed time not after {@code t} (a right-continuous step).
   *
   * @param t the time
   * @return S(t)
   * @throws IllegalArgumentException if {@code t} is NaN
   */
  public double survivalAt(double t) {
    if (Double.isNaN(t)) {
      throw new IllegalArgumentException("t must be a number, was NaN");
    }
    int lo = 0;
    int hi = size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (time.get(mid) <= t) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? 1.0 : survival.get(found);
  }

  /**
   * The restricted mean time to event up to {@code horizon}, with its standard error, exactly as
   * R's {@code print.survfit(fit, rmean = horizon)} ({@code survival:::survmean}): the area under
   * the curve from 0 to the horizon, and the variance {@code Σ_j A_j² d_j/(n_j(n_j − d_j))} where
   * {@code A_j} is the area from event time {@code t_j} to the horizon (terms with {@code n_j =
   * d_j} are 0).
   *
   * @param horizon the horizon, > 0
   * @return the restricted mean and its standard error
   * @throws IllegalArgumentException unless {@code horizon} is finite and not negative
   */
  public RestrictedMean restrictedMean(double horizon) {
    Checks.nonNegative("horizon", horizon);
    int m = 0;
    while (m < size() && time.get(m) <= horizon) {
      m++;
    }
    int n = m + 1;
    double[] rect = new double[n];
    double prevTime = 0;
    double prevSurv = 1;
    for (int i = 0; i < n; i++) {
      double t = i < m ? time.get(i) : horizon;
      rect[i] = (t - prevTime) * prevSurv;
      prevTime = t;
      if (i < m) {
        prevSurv = survival.get(i);
      }
    }
    double mean = 0;
    for (double r : rect) {
      mean += r;
    }
    // R: sum(cumsum(rev(rectangles[-1]))^2 * rev(hh)[-1])
    double var = 0;
    double tail = 0;
    for (int j = m - 1; j >= 0; j--) {
      tail += rect[j + 1];
      double nr = nRisk.get(j);
      double d = nEvent.get(j);
      double hh = nr - d == 0 ? 0 : d / (nr * (nr - d));
      var += tail * tail * hh;
    }
    return new RestrictedMean(horizon, mean, Math.sqrt(var));
  }

  /**
   * The time by which a share {@code p} has had the event (the {@code p} quantile of the time to
   * event), with its interval, by R's {@code quantile.survfit} rule: on {@code (0, 0), (t_i, 1 −
   * S(t_i))} the first time at which {@code 1 − S} reaches {@code p}; where {@code 1 − S} equals
   * {@code p} (within √ε) over an interval, the midpoint of that interval (or of that time and the
   * last time, at the end of the curve). The limits apply the same rule to the lower and upper
   * confidence curves. For {@code p = 0.5} this agrees with {@link #median()} except when {@code S}
   * stays exactly at 0.5 to the end of follow-up ({@code print.survfit} then reports the first
   * such time, {@code quantile} the midpoint up to the last time).
   *
   * @param p the share, in (0, 1)
   * @return the quantile and its interval; each empty when not reached
   * @throws IllegalArgumentException unless {@code 0 <= p <= 1}
   */
  public SurvivalQuantile quantile(double p) {
    Checks.probability("p", p);
    int k = size();
    double[] x = new double[k + 1];
    double[] ys = new double[k + 1];
    double[] yl = new double[k + 1];
    double[] yu = new double[k + 1];
    for (int i = 0; i < k; i++) {
      x[i + 1] = time.get(i);
      ys[i + 1] = 1 - survival.get(i);
      yl[i + 1] = 1 - lower.get(i).orElse(Double.NaN); // NaN plays R's NA in findq
      yu[i + 1] = 1 - upper.get(i).orElse(Double.NaN);
    }
    return new SurvivalQuantile(p, findq(x, ys, p), findq(x, yl, p), findq(x, yu, p));
  }

  /** R's {@code survival:::findq}; NaN in {@code y} plays R's NA. */
  private static OptionalDouble findq(double[] x0, double[] y0, double p) {
    double tol = Math.sqrt(Math.ulp(1.0));
    double maxY = Double.NEGATIVE_INFINITY;
    for (double v : y0) {
      if (!Double.isNaN(v)) {
        maxY = Math.max(maxY, v);
      }
    }
    if (maxY < p) {
      return OptionalDouble.empty();
    }
    double xmax = x0[x0.length - 1];
    // drop duplicated y values (NaN duplicates NaN), keeping the first
    double[] x = new double[x0.length];
    double[] y = new double[y0.length];
    Set<Double> seen = new HashSet<>();
    int n = 0;
    for (int i = 0; i < y0.length; i++) {
      if (seen.add(y0[i])) {
        x[n] = x0[i];
        y[n] = y0[i];
        n++;
      }
    }
    if (p == 0) {
      return OptionalDouble.of(x[0]);
    }
    int i1 = approxConstantRight(y, n, tol, p);
    int i2 = approxConstantRight(y, n, -tol, p);
    double q = (i1 < 0 || i2 < 0) ? Double.NaN : (x[i1] + x[i2]) / 2;
    if (!Double.isNaN(y[n - 1]) && Math.abs(p - y[n - 1]) < tol) {
      q = i1 < 0 ? Double.NaN : (x[i1] + xmax) / 2;
    }
    return Double.isNaN(q) ? OptionalDouble.empty() : OptionalDouble.of(q);
  }

  /**
   * R's {@code approx(y + shift, 1:n, p, method = "constant", f = 1)}: the index of the first
   * (non-NaN) point with {@code y + shift >= p}, or −1 (NA) when {@code p} is outside their range.
   */
  private static int approxConstantRight(double[] y, int n, double shift, double p) {
    double min = Double.POSITIVE_INFINITY;
    int found = -1;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(y[i])) {
        continue;
      }
      double v = y[i] + shift;
      min = Math.min(min, v);
      if (found < 0 && v >= p) {
        found = i;
      }
    }
    return p < min ? -1 : found;
  }

  /**
   * A plain-text summary: the number of clients and events, the median with its interval (or that
   * it was not reached) and the table of times, as R's {@code summary(fit, censored = TRUE)}.
   *
   * @return the summary
   */
  public String toText() {
    return toText(Integer.MAX_VALUE);
  }

  /**
   * As {@link #toText()}, listing at most {@code maxRows} rows of the table (the first ones).
   *
   * @param maxRows the most rows to list, at least 1
   * @return the table as text
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public String toText(int maxRows) {
    Checks.atLeast("maxRows", maxRows, 0);
    StringBuilder sb = new StringBuilder();
    int pct = (int) Math.round(confidenceLevel * 100);
    sb.append(String.format(Locale.ROOT, "n = %d, events = %d%n", n, events));
    sb.append("median time to event: ").append(medianText()).append(System.lineSeparator());
    sb.append(
        String.format(
            Locale.ROOT,
            "%10s %7s %7s %8s %9s %9s %9s %9s%n",
            "time", "n.risk", "n.event", "n.censor", "survival", "std.err", "lower" + pct, "upper"
                + pct));
    List<OptionalDouble> seS = survivalStdErr();
    int rows = Math.min(maxRows, size());
    for (int i = 0; i < rows; i++) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%10s %7d %7d %8d %9.4f %9s %9s %9s%n",
              Checks.fmt(time.get(i)),
              nRisk.get(i),
              nEvent.get(i),
              nCensor.get(i),
              survival.get(i),
              num(seS.get(i)),
              num(lower.get(i)),
              num(upper.get(i))));
    }
    if (rows < size()) {
      sb.append(String.format(Locale.ROOT, "... %d more rows%n", size() - rows));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "std.err is the Greenwood standard error of S(t); %s %d%% confidence limits"
                + " (conf.type \"%s\", as R's survfit).%n",
            "pointwise",
            pct,
            confidenceType.rName()));
    return sb.toString();
  }

  /**
   * The median and its interval in words, e.g. {@code "8 (95% CI 5 to not reached)"}.
   *
   * @return the median in words
   */
  public String medianText() {
    int pct = (int) Math.round(confidenceLevel * 100);
    if (median.isEmpty()) {
      return "not reached (fewer than half had the event during follow-up)";
    }
    return Checks.fmt(median.getAsDouble())
        + " ("
        + pct
        + "% CI "
        + opt(medianLower)
        + " to "
        + opt(medianUpper)
        + ")";
  }

  private static String opt(OptionalDouble v) {
    return v.isPresent() ? Checks.fmt(v.getAsDouble()) : "not reached";
  }

  private static String num(OptionalDouble v) {
    return v.isPresent() ? String.format(Locale.ROOT, "%.4f", v.getAsDouble()) : "NA";
  }
}
