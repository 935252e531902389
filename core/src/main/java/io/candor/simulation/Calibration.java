package io.candor.simulation;

import io.candor.evidence.Citation;
import io.candor.evidence.Citations;
import io.candor.internal.Checks;
import io.candor.model.Convergence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Checks a scenario against the published figures it should reproduce and reports one row per
 * target: what was expected, from which source, what the simulation gave, the tolerance and the
 * verdict.
 *
 * <p>Targets (treated arm unless said; "reliably improved" = at least the instrument's
 * reliable-change threshold better than the intake score; see {@link SimulationSummary} for the
 * exact definitions):
 * <ol>
 *   <li>share reliably improved at session 8, among clients still attending: 50 % ± 5 points
 *       (Howard et al. 1986). Howard's figure is read off a probit curve fitted across studies
 *       whose own rates at 8 sessions spread widely, so ±5 points is as precise as the target;
 *   <li>share reliably improved at session 26: 75 % ± 5 points (Howard et al. 1986), as above;
 *   <li>sessions for half the clients to be improved, from a probit regression of the improved
 *       share on log(session) over sessions 1..last (the dose–effect model of Howard et al.):
 *       8 sessions, accepted within 6.5–10 (the probit's ED50 at Howard's 8 ± 5 points);
 *   <li>dropout: 19.7 % ± 2 points (Swift &amp; Greenberg 2012: 19.7 %, 95 % CI 18.7–20.7 for the
 *       average study; a single simulated service is one setting, so the tolerance is twice the
 *       CI half-width);
 *   <li>reliable deterioration: within 5–10 % (Lambert 2013's range for adults);
 *   <li>share of clients with a sudden gain: within 17–39 % (Aderka et al. 2012's studies; Tang
 *       &amp; DeRubeis 1999 found 39 %);
 *   <li>wait-list arm: share out of the clinical range at 3 months (week 13): 23 % ± 5 points
 *       (Whiteford et al. 2013 pooled 23 % at 3 months; their interval is wider).
 * </ol>
 * With 20,000 clients the Monte-Carlo standard error of a share is at most 0.35 points, far inside
 * every tolerance, so the verdicts test the model, not the luck of the seed.
 *
 * <p>Immutable and thread-safe.
 */
public final class Calibration {

  /** The seed the defaults were tuned with and {@code candor calibrate} uses by default. */
  public static final long DEFAULT_SEED = 20260101L;

  /** The cohort size of the published calibration. */
  public static final int DEFAULT_CLIENTS = 20_000;

  private Calibration() {}

  /**
   * One calibration row.
   *
   * @param target what is checked, in words
   * @param source where the target comes from
   * @param expected the published figure
   * @param simulated the simulated value
   * @param lower lowest accepted value
   * @param upper highest accepted value
   * @param definition how the simulated value was computed
   */
  public record Row(
      String target,
      Citation source,
      double expected,
      double simulated,
      double lower,
      double upper,
      String definition) {

    /** Checks for nulls. */
    public Row {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(definition, "definition");
    }

    /** Whether the simulated value lies within [lower, upper]. */
    public boolean passed() {
      return simulated >= lower && simulated <= upper;
    }

    /** "PASS" or "FAIL". */
    public String verdict() {
      return passed() ? "PASS" : "FAIL";
    }
  }

  /**
   * The outcome of a calibration run.
   *
   * @param seed the seed
   * @param clients clients per arm
   * @param rows the rows, in the order of the class documentation
   * @param treated the treated arm's summary
   * @param waitlist the wait-list arm's summary
   */
  public record Report(
      long seed, long clients, List<Row> rows, SimulationSummary treated,
      SimulationSummary waitlist) {

    /** Copies the rows. */
    public Report {
      rows = List.copyOf(rows);
      Objects.requireNonNull(treated, "treated");
      Objects.requireNonNull(waitlist, "waitlist");
    }

    /** Whether every row passed. */
    public boolean passed() {
      return rows.stream().allMatch(Row::passed);
    }

    /** A plain-text table: target, source, expected, simulated, accepted range, verdict. */
    public String toTable() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "%-48s %-30s %9s %9s %15s  %s%n", "target", "source",
          "expected", "simulated", "accepted", "verdict"));
      for (Row r : rows) {
        sb.append(String.format(Locale.ROOT, "%-48s %-30s %9s %9s %15s  %s%n", r.target(),
            shortSource(r.source()), fmt(r.expected()), fmt(r.simulated()),
            fmt(r.lower()) + "-" + fmt(r.upper()), r.verdict()));
      }
      return sb.toString();
    }

    private static String shortSource(Citation c) {
      String[] authors = c.authors().split(",");
      String first = authors[0].trim().split(" ")[0];
      String rest = authors.length == 1 ? ""
          : authors.length == 2 ? " & " + authors[1].trim().split(" ")[0] : " et al.";
      return first + rest + " " + c.year();
    }

    private static String fmt(double v) {
      return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
    }
  }

  /** Runs the calibration with {@link #DEFAULT_SEED} and {@link #DEFAULT_CLIENTS} clients per arm. */
  public static Report run(Scenario scenario, int threads) {
    return run(scenario, DEFAULT_SEED, DEFAULT_CLIENTS, threads, done -> { });
  }

  /**
   * Simulates {@code clients} clients in each arm and checks every target.
   *
   * @param progress told the number of clients done so far (both arms together)
   * @throws IllegalArgumentException if the scenario has fewer than 26 sessions or fewer than 13
   *     wait-list weeks (the targets need them), or clients &lt; 100
   */
  public static Report run(
      Scenario scenario, long seed, long clients, int threads, LongConsumer progress) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(progress, "progress");
    if (clients < 100) {
      throw new IllegalArgumentException("clients must be >= 100 for a calibration, was " + clients);
    }
    Checks.inRange("scenario sessions (the calibration needs session 26)", scenario.sessions(), 26,
        500);
    Checks.inRange("scenario waitlist weeks (the calibration needs week 13)",
        scenario.waitlist().weeks(), 13, 520);
    Simulator sim = Simulator.of(scenario);
    SimulationSummary tr = sim.summarise(seed, clients, Arm.TREATED, threads, progress);
    SimulationSummary wl =
        sim.summarise(seed, clients, Arm.WAITLIST, threads, d -> progress.accept(clients + d));
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("reliably improved at session 8", Citations.HOWARD_1986, 0.50,
        tr.reliablyImprovedAt(8), 0.45, 0.55,
        "share of clients attending session 8 whose score is reliably better than at intake"));
    rows.add(new Row("reliably improved at session 26", Citations.HOWARD_1986, 0.75,
        tr.reliablyImprovedAt(26), 0.70, 0.80,
        "share of clients attending session 26 whose score is reliably better than at intake"));
    DoseFit dose = probitDose(tr, 26);
    rows.add(new Row("sessions for 50 % improved (probit)", Citations.HOWARD_1986, 8,
        dose.sessionsForHalf(), 6.5, 10,
        "exp(-a/b) from a probit regression of the improved share on log(session), sessions"
            + " 1-26, grouped binomial IRLS (" + dose.convergence().message() + ")"));
    rows.add(new Row("dropout", Citations.SWIFT_2012, 0.197, tr.dropoutRate(), 0.177, 0.217,
        "share of clients who stopped before their last planned session"));
    rows.add(new Row("reliable deterioration", Citations.LAMBERT_2013, 0.075,
        tr.deteriorationRate(), 0.05, 0.10,
        "share of clients (>= 2 scores) whose last score is reliably worse than at intake"));
    rows.add(new Row("clients with a sudden gain", Citations.ADERKA_2012, 0.28,
        tr.suddenGainRate(), 0.17, 0.39,
        "share of clients (>= 4 scores) with a gain by Tang & DeRubeis's three criteria"));
    rows.add(new Row("untreated remission at 3 months", Citations.WHITEFORD_2013, 0.23,
        1 - wl.caseRateAt(13), 0.18, 0.28,
        "wait-list arm: share of clients observed at week 13 below the caseness cutoff"));
    return new Report(seed, clients, rows, tr, wl);
  }

  /**
   * A probit dose–effect fit.
   *
   * @param intercept a
   * @param slope b (per unit of log session)
   * @param convergence convergence diagnostics
   */
  record DoseFit(double intercept, double slope, Convergence convergence) {
    /** Sessions at which the fitted share improved is one half: exp(−a/b). */
    double sessionsForHalf() {
      return Math.exp(-intercept / slope);
    }
  }

  /**
   * Probit regression of the share reliably improved at session s on log(s), s = 1..last,
   * weighting each session by the clients observed there, by iteratively reweighted least
   * squares for grouped binomial data (as R's {@code glm(cbind(k, n - k) ~ log(s),
   * family = binomial("probit"))}).
   */
  static DoseFit probitDose(SimulationSummary s, int last) {
    NormalDistribution z = NormalDistribution.of(0, 1);
    int m = last;
    double[] x = new double[m];
    double[] n = new double[m];
    double[] k = new double[m];
    for (int i = 0; i < m; i++) {
      int session = i + 1;
      x[i] = Math.log(session);
      n[i] = s.observedAt(session);
      k[i] = s.reliablyImprovedCountAt(session);
    }
    double a = 0;
    double b = 0;
    double previous = Double.POSITIVE_INFINITY;
    String message = "did not converge in 50 iterations";
    boolean converged = false;
    int iter;
    double dev = Double.NaN;
    for (iter = 1; iter <= 50; iter++) {
      double sw = 0;
      double swx = 0;
      double swxx = 0;
      double swz = 0;
      double swxz = 0;
      for (int i = 0; i < m; i++) {
        if (n[i] == 0) {
          continue;
        }
        double eta = a + b * x[i];
        double p = Math.min(1 - 1e-12, Math.max(1e-12, z.cumulativeProbability(eta)));
        double d = Math.max(1e-300, z.density(eta));
        double w = n[i] * d * d / (p * (1 - p));
        double work = eta + (k[i] / n[i] - p) / d;
        sw += w;
        swx += w * x[i];
        swxx += w * x[i] * x[i];
        swz += w * work;
        swxz += w * x[i] * work;
      }
      double det = sw * swxx - swx * swx;
      b = (sw * swxz - swx * swz) / det;
      a = (swz - b * swx) / sw;
      dev = 0;
      for (int i = 0; i < m; i++) {
        if (n[i] == 0) {
          continue;
        }
        double p = Math.min(1 - 1e-12, Math.max(1e-12, z.cumulativeProbability(a + b * x[i])));
        double obs = k[i];
        double fit = n[i] * p;
        dev += 2 * (term(obs, fit) + term(n[i] - obs, n[i] - fit));
      }
      if (Math.abs(dev - previous) < 1e-8 * (Math.abs(dev) + 0.1)) {
        converged = true;
        message = "converged";
        break;
      }
      previous = dev;
    }
    return new DoseFit(a, b, new Convergence(converged, Math.min(iter, 50), dev, message));
  }

  private static double term(double obs, double fit) {
    return obs == 0 ? 0 : obs * Math.log(obs / fit);
  }
}
