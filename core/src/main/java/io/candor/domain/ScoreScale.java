package io.candor.domain;

import io.candor.internal.Checks;

/**
 * The range a score may take: what a {@link Trajectory} needs to know about its measure.
 *
 * <p>Every {@code io.candor.measure.Instrument} is a score scale; {@link #of(String, double,
 * double)} makes a plain one for outcomes that are not an instrument's score (reaction times,
 * simulated continuous scores), and {@link #unbounded(String)} accepts any finite number.
 */
public interface ScoreScale {

  /**
   * A short identifier, e.g. {@code "PHQ-9"}.
   *
   * @return the identifier
   */
  String id();

  /**
   * The lowest possible score.
   *
   * @return the lowest possible score
   */
  double minScore();

  /**
   * The highest possible score.
   *
   * @return the highest possible score
   */
  double maxScore();

  /**
   * Throws {@link IllegalArgumentException} unless {@code score} is finite and inside
   * [{@link #minScore()}, {@link #maxScore()}]. The message names {@code field}, the value and the
   * range.
   *
   * @param field what the score is, for the message (e.g. {@code "score at session 3"})
   * @param score the score
   * @return the score
   */
  default double checkScore(String field, double score) {
    if (!(score >= minScore() && score <= maxScore())) {
      throw new IllegalArgumentException(
          id() + " " + field + " must be between " + Checks.fmt(minScore()) + " and "
              + Checks.fmt(maxScore()) + ", was " + Checks.fmt(score));
    }
    return score;
  }

  /**
   * A plain scale with the given range.
   *
   * @param id the scale's id
   * @param min the lowest possible score
   * @param max the highest possible score
   * @return a plain scale with the given range
   */
  static ScoreScale of(String id, double min, double max) {
    return new PlainScale(id, min, max);
  }

  /**
   * A scale that accepts any finite number.
   *
   * @param id the scale's id
   * @return a scale that accepts any finite number
   */
  static ScoreScale unbounded(String id) {
    return new PlainScale(id, -Double.MAX_VALUE, Double.MAX_VALUE);
  }
}
