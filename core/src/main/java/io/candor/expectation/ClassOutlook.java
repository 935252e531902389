package io.candor.expectation;

import io.candor.internal.Checks;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Which of the fitted latent trajectory classes ({@link FittedClasses}) the client's scores so far
 * are closest to: each class's share in the fitted data, its probability for this client given the
 * intake and the observed scores (the posterior of the class model), that probability as a count
 * out of 100, and the shape of the class curve from session 0 to the last planned session.
 *
 * <p>The probabilities are those of the fitted class model, not a label or a diagnosis: with few
 * scores they lean on the class shares, classes with similar early curves stay hard to tell apart,
 * and the classes describe the data they were fitted on. They are shown beside the simulated
 * numbers and do not change them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source where the classes come from, as given with them
 * @param fittedClients the number of clients the classes were fitted on, if known
 * @param observations the number of scores the probabilities rest on (the intake and each observed
 *     score)
 * @param lastSession the last planned session, where each class's {@link Pattern#end()} is taken
 * @param patterns one per class, in the classes' order
 */
public record ClassOutlook(String source, OptionalInt fittedClients, int observations,
    int lastSession, List<ClassOutlook.Pattern> patterns) {

  /**
   * Validates and copies: the classes are numbered 1..K in order, their probabilities sum to 1 and
   * their counts to 100.
   *
   * @param source where the classes come from, as given with them
   * @param fittedClients the number of clients the classes were fitted on, if known
   * @param observations the number of scores the probabilities rest on (at least 1: the intake)
   * @param lastSession the last planned session (at least 1)
   * @param patterns one per class, in the classes' order
   * @throws IllegalArgumentException if the parts disagree
   */
  public ClassOutlook {
    Checks.nonBlank("source", source);
    Objects.requireNonNull(fittedClients, "fittedClients");
    Checks.atLeast("observations", observations, 1);
    Checks.atLeast("lastSession", lastSession, 1);
    patterns = List.copyOf(Checks.nonEmptyNoNulls("patterns", patterns));
    double sum = 0;
    int count = 0;
    for (int j = 0; j < patterns.size(); j++) {
      Pattern p = patterns.get(j);
      if (p.index() != j + 1) {
        throw new IllegalArgumentException("patterns[" + j + "] is class " + p.index()
            + "; classes must be numbered 1.." + patterns.size() + " in order");
      }
      sum += p.probability();
      count += p.count();
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("the class probabilities must sum to 1, sum to " + sum);
    }
    if (count != NaturalFrequency.DENOMINATOR) {
      throw new IllegalArgumentException("the class counts must sum to "
          + NaturalFrequency.DENOMINATOR + ", sum to " + count);
    }
  }

  /**
   * The class with the highest probability (the lowest number on a tie).
   *
   * @return the pattern
   */
  public Pattern mostLikely() {
    Pattern best = patterns.get(0);
    for (Pattern p : patterns) {
      if (p.probability() > best.probability()) {
        best = p;
      }
    }
    return best;
  }

  /** The shape of a class curve from session 0 to the last planned session. */
  public enum Trend {
    /** The curve at the last planned session is reliably better than at session 0. */
    IMPROVING,
    /** Neither reliably better nor reliably worse at the last planned session. */
    LITTLE_CHANGE,
    /** The curve at the last planned session is reliably worse than at session 0. */
    WORSENING
  }

  /**
   * One class: its share in the fitted data, its probability for this client, and the shape of
   * its curve, judged by the instrument's reliable-change threshold ({@link
   * io.candor.change.ClinicalEvents}).
   *
   * <p>Immutable and thread-safe.
   *
   * @param index the class's number in the fitted model, 1..K
   * @param share the class's share of the fitted clients (its prior probability)
   * @param probability the class's probability for this client given the scores so far
   * @param count the probability as a count out of 100 (the counts of all classes sum to 100)
   * @param start the class curve at session 0
   * @param end the class curve at the last planned session
   * @param trend the curve's shape from session 0 to the last planned session
   * @param improvedBy the first session at which the class curve is reliably better than at
   *     session 0, if it is by the last planned session
   */
  public record Pattern(int index, double share, double probability, int count, double start,
      double end, Trend trend, OptionalInt improvedBy) {

    /**
     * Validates.
     *
     * @param index the class's number in the fitted model, 1..K
     * @param share the class's share of the fitted clients (its prior probability)
     * @param probability the class's probability for this client given the scores so far
     * @param count the probability as a count out of 100
     * @param start the class curve at session 0
     * @param end the class curve at the last planned session
     * @param trend the curve's shape from session 0 to the last planned session
     * @param improvedBy the first session at which the class curve is reliably better than at
     *     session 0, if it is by the last planned session
     * @throws IllegalArgumentException if a value is out of range, or an improving class has no
     *     session by which it improved
     */
    public Pattern {
      Checks.atLeast("index", index, 1);
      Checks.probability("share", share);
      Checks.probability("probability", probability);
      Checks.inRange("count", count, 0, NaturalFrequency.DENOMINATOR);
      Checks.finite("start", start);
      Checks.finite("end", end);
      Objects.requireNonNull(trend, "trend");
      Objects.requireNonNull(improvedBy, "improvedBy");
      if (improvedBy.isPresent()) {
        Checks.atLeast("improvedBy", improvedBy.getAsInt(), 1);
      } else if (trend == Trend.IMPROVING) {
        throw new IllegalArgumentException("class " + index + " is IMPROVING but has no session"
            + " by which it improved");
      }
    }
  }
}
