package io.candor.caseload;

import io.candor.internal.Checks;
import java.util.Objects;

/**
 * Little's law (Little 1961, {@link io.candor.evidence.Citations#LITTLE_1961}) for a caseload: in a
 * steady state the mean number of clients of a group in treatment is the group's rate of starting
 * treatment times its mean stay, L = λ·W. Groups that stay longer are over-represented in the
 * standing caseload relative to the referral mix: their standing share is
 * π_k·W_k / Σ_j π_j·W_j, where π_k is the group's share of starts. This is the length-bias
 * effect behind {@link Composition}.
 *
 * <p>Stateless; thread-safe.
 */
public final class LittlesLaw {

  private LittlesLaw() {}

  /**
   * The standing shares of groups from their shares of starts and mean stays.
   *
   * @param startShares each group's share of the clients starting treatment (non-negative, not
   *     all zero)
   * @param meanStays each group's mean stay (non-negative, any time unit)
   * @return each group's standing share, summing to 1
   * @throws IllegalArgumentException if the arrays differ in length, hold a negative or
   *     non-finite value, or every product is zero
   */
  public static double[] standingShares(double[] startShares, double[] meanStays) {
    Objects.requireNonNull(startShares, "startShares");
    Objects.requireNonNull(meanStays, "meanStays");
    if (startShares.length != meanStays.length || startShares.length == 0) {
      throw new IllegalArgumentException("startShares and meanStays must have the same, non-zero"
          + " length, were " + startShares.length + " and " + meanStays.length);
    }
    double[] out = new double[startShares.length];
    double total = 0;
    for (int k = 0; k < out.length; k++) {
      out[k] = Checks.nonNegative("startShares[" + k + "]", startShares[k])
          * Checks.nonNegative("meanStays[" + k + "]", meanStays[k]);
      total += out[k];
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("no group both starts and stays: every share × stay is 0");
    }
    for (int k = 0; k < out.length; k++) {
      out[k] /= total;
    }
    return out;
  }

  /**
   * The mean number in treatment, L = λ·W.
   *
   * @param startsPerWeek clients starting per week (λ)
   * @param meanWeeks mean weeks in treatment (W)
   * @return the mean caseload
   */
  public static double meanCaseload(double startsPerWeek, double meanWeeks) {
    return Checks.nonNegative("startsPerWeek", startsPerWeek)
        * Checks.nonNegative("meanWeeks", meanWeeks);
  }
}
