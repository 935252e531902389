package io.candor.model.dose;

import io.candor.internal.Checks;
import io.candor.internal.Format;
import io.candor.model.Convergence;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * A fitted dose–effect curve: the share of clients improved after {@code s} sessions is {@code
 * g⁻¹(b0 + b1·ln s)} ({@code ln} is the natural log, as R's {@code log}), with the numbers R's
 * {@code glm(cbind(improved, n − improved) ~ log(sessions), family = binomial(link))} reports.
 *
 * <p>Deviance, null deviance and AIC depend on the form of the data, exactly as in R: for an
 * aggregated table they are those of the binomial counts; for per-client data ({@link #perClient()})
 * those of the 0/1 outcomes. Coefficients and standard errors are the same either way.
 *
 * <p>Immutable and thread-safe. A record, so Jackson serialises it as is.
 *
 * @param link the link function
 * @param perClient true if fitted to one row per client, false for an aggregated table
 * @param observations rows (aggregated) or clients (per client) used
 * @param intercept {@code b0}
 * @param slope {@code b1}, the coefficient of {@code log(sessions)}
 * @param covariance the covariance of {@code b0} and {@code b1} (R's {@code vcov(fit)[1, 2]})
 * @param deviance residual deviance
 * @param nullDeviance deviance of the intercept-only model
 * @param dfResidual residual degrees of freedom ({@code observations − 2})
 * @param dfNull null degrees of freedom ({@code observations − 1})
 * @param aic Akaike's information criterion as R's {@code fit$aic}
 * @param convergence how IRLS ended (iterations as R's {@code fit$iter}, objective the deviance)
 * @param separation true if some fitted shares are numerically 0 or 1 (within 10ε; R then warns
 *     "fitted probabilities numerically 0 or 1 occurred"), or if log(sessions) separates the
 *     clients who improved from those who did not completely or quasi-completely (every row
 *     without improvement at or below every row with it, or the reverse; nobody or everybody
 *     improved included): the likelihood then has no maximum, and the estimates, standard
 *     errors and intervals are not reliable
 * @param confidenceLevel level of the intervals in {@link #milestones()}
 * @param minSessions fewest sessions in the data
 * @param maxSessions most sessions in the data
 * @param milestones sessions by which 50 % and 75 % are expected to have improved; empty when the
 *     curve does not rise with sessions ({@code b1 <= 0})
 * @see io.candor.evidence.Citations#HOWARD_1986
 */
public record DoseEffectFit(
    Link link,
    boolean perClient,
    int observations,
    Coefficient intercept,
    Coefficient slope,
    double covariance,
    double deviance,
    double nullDeviance,
    int dfResidual,
    int dfNull,
    double aic,
    Convergence convergence,
    boolean separation,
    double confidenceLevel,
    double minSessions,
    double maxSessions,
    List<SessionsEstimate> milestones) {

  /**
   * Validates the components and copies the list.
   *
   * @param link the link function
   * @param perClient true if fitted to one row per client, false for an aggregated table
   * @param observations rows (aggregated) or clients (per client) used
   * @param intercept {@code b0}
   * @param slope {@code b1}, the coefficient of {@code log(sessions)}
   * @param covariance the covariance of {@code b0} and {@code b1} (R's {@code vcov(fit)[1, 2]})
   * @param deviance residual deviance
   * @param nullDeviance deviance of the intercept-only model
   * @param dfResidual residual degrees of freedom ({@code observations − 2})
   * @param dfNull null degrees of freedom ({@code observations − 1})
   * @param aic Akaike's information criterion as R's {@code fit$aic}
   * @param convergence how IRLS ended (iterations as R's {@code fit$iter}, objective the deviance)
   * @param separation true if some fitted shares are numerically 0 or 1 (within 10ε; R then warns
   *     "fitted probabilities numerically 0 or 1 occurred"): the data are (nearly) separated and
   *     the estimates, standard errors and intervals are not reliable
   * @param confidenceLevel level of the intervals in {@link #milestones()}
   * @param minSessions fewest sessions in the data
   * @param maxSessions most sessions in the data
   * @param milestones sessions by which 50 % and 75 % are expected to have improved; empty when the
   *     curve does not rise with sessions ({@code b1 <= 0})
   */
  public DoseEffectFit {
    Objects.requireNonNull(link, "link");
    Checks.atLeast("observations", observations, 2);
    Objects.requireNonNull(intercept, "intercept");
    Objects.requireNonNull(slope, "slope");
    Objects.requireNonNull(convergence, "convergence");
    Checks.openUnit("confidenceLevel", confidenceLevel);
    milestones = List.copyOf(Checks.noNulls("milestones", milestones));
  }

  /**
   * The expected share improved after {@code sessions} sessions.
   *
   * @param sessions the number of sessions, >= 1
   * @return the expected share improved after {@code sessions} sessions
   * @throws IllegalArgumentException unless {@code sessions} is finite and at least 1
   */
  public double proportionAt(double sessions) {
    DoseRow.checkSessions("sessions", sessions);
    return link.proportion(intercept.estimate() + slope.estimate() * Math.log(sessions));
  }

  /**
   * The sessions by which a share {@code p} is expected to have improved, with a delta-method
   * interval at this fit's confidence level (see {@link SessionsEstimate}); empty when the curve
   * does not rise with sessions, or rises so little (nobody or everybody improved: a slope that
   * is 0 up to rounding) that the share or its upper confidence limit lies beyond any
   * representable number of sessions (above about 1e308). Under separation the interval is
   * finite but can be astronomically wide; {@link #separation()} says so.
   *
   * @param p the share, in (0, 1)
   * @return the estimate, empty when the curve does not rise with sessions
   * @throws IllegalArgumentException unless {@code 0 < p < 1}
   */
  public Optional<SessionsEstimate> sessionsFor(double p) {
    return sessionsFor(p, confidenceLevel);
  }

  /**
   * As {@link #sessionsFor(double)} at confidence level {@code level}.
   *
   * @param p the share, in (0, 1)
   * @param level the confidence level, in (0, 1)
   * @return the estimate, empty when the curve does not rise with sessions
   * @throws IllegalArgumentException unless {@code 0 < p < 1} and {@code 0 < level < 1}
   */
  public Optional<SessionsEstimate> sessionsFor(double p, double level) {
    double q = link.quantile(p);
    Checks.openUnit("level", level);
    double b0 = intercept.estimate();
    double b1 = slope.estimate();
    if (!(b1 > 0)) {
      return Optional.empty();
    }
    double x = (q - b0) / b1;
    double v00 = intercept.stdErr() * intercept.stdErr();
    double v11 = slope.stdErr() * slope.stdErr();
    double var = (v00 + 2 * x * covariance + x * x * v11) / (b1 * b1);
    double se = Math.sqrt(Math.max(var, 0));
    double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    double s = Math.exp(x);
    double lower = Math.exp(x - z * se);
    double upper = Math.exp(x + z * se);
    if (!(s > 0 && Double.isFinite(s) && Double.isFinite(upper))) {
      // a flat curve (nobody or everybody improved, slope ~ 0) or a separated one: the share, or
      // its upper limit, lies beyond any representable number of sessions
      return Optional.empty();
    }
    return Optional.of(
        new SessionsEstimate(
            p,
            s,
            lower,
            upper,
            x,
            se,
            level,
            s < minSessions || s > maxSessions));
  }

  /**
   * A plain-text summary: the curve, coefficients, deviance and the 50 % / 75 % milestones.
   *
   * @return the summary
   */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    String lk = link.name().toLowerCase(Locale.ROOT);
    sb.append(
        String.format(
            Locale.ROOT,
            "Dose-effect (%s link): share improved = %s(%.4f + %.4f * ln(sessions)), %s %d %s%n",
            lk,
            link == Link.PROBIT ? "Phi" : "logistic",
            intercept.estimate(),
            slope.estimate(),
            "fitted to",
            observations,
            perClient ? "clients" : "table rows"));
    sb.append(
        String.format(
            Locale.ROOT, "%-14s %10s %10s %8s %10s%n", "", "estimate", "std.err", "z", "p"));
    for (Coefficient c : List.of(intercept, slope)) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-14s %10.4f %10.4f %8.2f %10s%n",
              c.name(),
              c.estimate(),
              c.stdErr(),
              c.z(),
              Format.pValue(c.p())));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "deviance %.3f on %d df (null %.3f on %d df), AIC %.2f, %s after %d iterations%n",
            deviance,
            dfResidual,
            nullDeviance,
            dfNull,
            aic,
            convergence.converged() ? "converged" : "NOT converged",
            convergence.iterations()));
    if (separation) {
      sb.append(
              "Warning: some fitted shares are 0% or 100% (the data are separated); the estimates"
                  + " and intervals below are not reliable.")
          .append(System.lineSeparator());
    }
    int pct = (int) Math.round(confidenceLevel * 100);
    if (milestones.isEmpty()) {
      sb.append("The share improved does not rise with sessions in these data.")
          .append(System.lineSeparator());
    }
    for (SessionsEstimate m : milestones) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%2.0f%% expected to have improved by %s sessions (%d%% CI %s to %s)%s%n",
              m.proportion() * 100,
              sessionsText(m.sessions()),
              pct,
              sessionsText(m.lower()),
              sessionsText(m.upper()),
              m.extrapolated() ? ", beyond the sessions observed" : ""));
    }
    sb.append("Estimates for groups, not predictions for one client.").append(System.lineSeparator());
    return sb.toString();
  }

  /**
   * A number of sessions to one decimal; from 100,000 on (only separated or nearly flat curves
   * get there) in scientific notation with 3 significant digits, not as a 300-digit number.
   */
  static String sessionsText(double sessions) {
    return sessions < 1e5 ? String.format(Locale.ROOT, "%.1f", sessions)
        : String.format(Locale.ROOT, "%.3g", sessions);
  }
}
