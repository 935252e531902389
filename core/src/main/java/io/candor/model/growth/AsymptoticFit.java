package io.candor.model.growth;

import io.candor.evidence.Sourced;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.model.Convergence;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A fitted asymptotic population curve score(t) = asymptote + (intake − asymptote)·exp(−rate·t),
 * with the log-linear curve a + b·log(t + 1) fitted to the same data for comparison.
 *
 * <p>Standard errors are empty when the curve does not level off (no positive rate) or the
 * Jacobian is singular; then {@link Convergence#converged()} is false. Immutable and thread-safe.
 *
 * @param n number of observations
 * @param asymptote the level the curve approaches
 * @param asymptoteSe its standard error, if it could be estimated
 * @param intake the curve's value at time 0
 * @param intakeSe its standard error, if it could be estimated
 * @param rate the exponential rate per unit time
 * @param rateSe its standard error, if it could be estimated
 * @param rss residual sum of squares
 * @param residualSd √(rss / (n − 3))
 * @param aic AIC (R's convention for least-squares fits, 4 parameters counting σ)
 * @param logLinearIntercept intercept a of the log-linear curve
 * @param logLinearSlope slope b of the log-linear curve
 * @param logLinearRss residual sum of squares of the log-linear curve
 * @param logLinearAic AIC of the log-linear curve (3 parameters counting σ)
 * @param convergence how the fit ended
 */
public record AsymptoticFit(
    int n,
    double asymptote,
    OptionalDouble asymptoteSe,
    double intake,
    OptionalDouble intakeSe,
    double rate,
    OptionalDouble rateSe,
    double rss,
    double residualSd,
    double aic,
    double logLinearIntercept,
    double logLinearSlope,
    double logLinearRss,
    double logLinearAic,
    Convergence convergence) {

  /**
   * Checks for nulls.
   *
   * @param n number of observations
   * @param asymptote the level the curve approaches
   * @param asymptoteSe its standard error, if it could be estimated
   * @param intake the curve's value at time 0
   * @param intakeSe its standard error, if it could be estimated
   * @param rate the exponential rate per unit time
   * @param rateSe its standard error, if it could be estimated
   * @param rss residual sum of squares
   * @param residualSd √(rss / (n − 3))
   * @param aic AIC (R's convention for least-squares fits, 4 parameters counting σ)
   * @param logLinearIntercept intercept a of the log-linear curve
   * @param logLinearSlope slope b of the log-linear curve
   * @param logLinearRss residual sum of squares of the log-linear curve
   * @param logLinearAic AIC of the log-linear curve (3 parameters counting σ)
   * @param convergence how the fit ended
   */
  public AsymptoticFit {
    Objects.requireNonNull(asymptoteSe, "asymptoteSe");
    Objects.requireNonNull(intakeSe, "intakeSe");
    Objects.requireNonNull(rateSe, "rateSe");
    Objects.requireNonNull(convergence, "convergence");
  }

  /**
   * The curve's value at time t.
   *
   * @param t the time
   * @return the curve's value at time t
   */
  public double predict(double t) {
    return asymptote + (intake - asymptote) * Math.exp(-rate * t);
  }

  /**
   * Time by which the curve has covered this fraction of its total change, −ln(1 − fraction) /
   * rate (e.g. 0.9 → about 2.3 / rate).
   *
   * @param fraction in (0, 1)
   * @return the time
   */
  public double timeToFraction(double fraction) {
    io.candor.internal.Checks.openUnit("fraction", fraction);
    return -Math.log1p(-fraction) / rate;
  }

  /**
   * Whether the asymptotic curve has the lower AIC of the two.
   *
   * @return whether the asymptotic curve has the lower AIC of the two
   */
  public boolean asymptoticPreferred() {
    return aic < logLinearAic;
  }

  /**
   * Where the curve levels off relative to an instrument's caseness cutoff, in words, with the
   * numbers and an approximate 95% interval (asymptote ± 1.96 SE) when the standard error could
   * be estimated. Each end of the interval is placed by the instrument's one caseness rule
   * ({@link Direction#isCase(double, double)}: a score exactly at the cutoff is a case when
   * higher is worse and not a case when higher is better).
   *
   * @param instrument an instrument with a caseness cutoff
   * @return the sentence
   * @throws IllegalArgumentException if the instrument has no caseness cutoff
   * @throws IllegalStateException if the curve does not level off (no positive rate)
   */
  public String levelOffRelativeTo(Instrument instrument) {
    Objects.requireNonNull(instrument, "instrument");
    Sourced cutoff = instrument.casenessCutoff().orElseThrow(() -> new IllegalArgumentException(
        instrument.id() + " has no caseness cutoff"));
    if (!(rate > 0)) {
      throw new IllegalStateException("the curve does not level off (rate " + rate
          + " is not positive), so there is no level to compare with the caseness cutoff");
    }
    double se = asymptoteSe.orElse(0);
    double lo = asymptote - 1.96 * se;
    double hi = asymptote + 1.96 * se;
    Direction direction = instrument.direction();
    double c = cutoff.value();
    // the caseness range is a half-line, so the interval lies in it when both ends do
    boolean loCase = direction.isCase(lo, c);
    boolean hiCase = direction.isCase(hi, c);
    String side;
    if (loCase && hiCase) {
      side = "still within the caseness range";
    } else if (!loCase && !hiCase) {
      side = direction == Direction.HIGHER_IS_WORSE ? "below the caseness range"
          : "above the caseness range";
    } else {
      side = "close to the cutoff (the interval includes it)";
    }
    String interval = asymptoteSe.isPresent()
        ? String.format(Locale.ROOT, "approx. 95%% interval %.1f to %.1f", lo, hi)
        : "no interval: its standard error could not be estimated";
    return String.format(Locale.ROOT,
        "On average the curve levels off at %.1f (%s) on %s,"
            + " %s; the %s caseness cutoff is %s (%s). Half of the change is reached by time %.1f"
            + " and 90%% by time %.1f. This is a population average: individual clients vary"
            + " around it.",
        asymptote, interval, instrument.id(), side, instrument.id(),
        io.candor.internal.Checks.fmt(c), cutoff.source().shortForm(), timeToFraction(0.5),
        timeToFraction(0.9));
  }
}
