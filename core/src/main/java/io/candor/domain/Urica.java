package io.candor.domain;

import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import java.util.Objects;

/**
 * Scoring of the 32-item University of Rhode Island Change Assessment (URICA).
 *
 * <p>Each item is answered 1 (strongly disagree) to 5 (strongly agree). Four subscales of seven
 * items each are averaged: precontemplation (items 1, 5, 11, 13, 23, 26, 29), contemplation (2, 8,
 * 12, 15, 19, 21, 24), action (3, 7, 10, 14, 17, 25, 30) and maintenance (6, 16, 18, 22, 27, 28,
 * 32). Items 4, 9, 20 and 31 are validity items and do not count. The readiness score is
 * {@code C + A + M − PC} (McConnaughy et al. 1983, 1989).
 *
 * <p>The {@linkplain UricaScores#stageEstimate() stage estimate} uses the cut-offs 8, 11 and 14 on
 * the readiness score that are widely circulated with the instrument's scoring instructions. They
 * are <b>heuristic</b>: they have not been validated against an external criterion, and Candor
 * marks them {@link io.candor.evidence.Certainty#ASSUMPTION}. Maintenance cannot be told apart from
 * action by the readiness score alone and is never estimated.
 *
 * <p>Stateless and thread-safe.
 */
public final class Urica {

  private Urica() {}

  /** Number of items. */
  public static final int ITEMS = 32;

  static final int[] PC = {1, 5, 11, 13, 23, 26, 29};
  static final int[] C = {2, 8, 12, 15, 19, 21, 24};
  static final int[] A = {3, 7, 10, 14, 17, 25, 30};
  static final int[] M = {6, 16, 18, 22, 27, 28, 32};

  /** Readiness score at or below which the estimate is precontemplation (heuristic). */
  public static final Sourced PRECONTEMPLATION_MAX =
      Sourced.assumption(8, Citations.MCCONNAUGHY_1989,
          "circulated scoring convention (readiness <= 8); not validated");

  /** Readiness score at or below which the estimate is contemplation (heuristic). */
  public static final Sourced CONTEMPLATION_MAX =
      Sourced.assumption(11, Citations.MCCONNAUGHY_1989,
          "circulated scoring convention (8 < readiness <= 11); not validated");

  /** Readiness score at or below which the estimate is preparation; above, action (heuristic). */
  public static final Sourced PREPARATION_MAX =
      Sourced.assumption(14, Citations.MCCONNAUGHY_1989,
          "circulated scoring convention (11 < readiness <= 14; above 14 action); not validated");

  /**
   * Scores 32 item responses, item 1 first.
   *
   * @param items exactly 32 responses, each 1–5
   * @return the scale scores and readiness
   * @throws IllegalArgumentException naming the item when the count or a response is wrong
   */
  public static UricaScores score(int... items) {
    Objects.requireNonNull(items, "items");
    if (items.length != ITEMS) {
      throw new IllegalArgumentException(
          "URICA needs exactly " + ITEMS + " item responses, was " + items.length);
    }
    for (int i = 0; i < items.length; i++) {
      if (items[i] < 1 || items[i] > 5) {
        throw new IllegalArgumentException(
            "URICA item " + (i + 1) + " must be 1-5, was " + items[i]);
      }
    }
    return new UricaScores(mean(items, PC), mean(items, C), mean(items, A), mean(items, M));
  }

  private static double mean(int[] items, int[] which) {
    int sum = 0;
    for (int item : which) {
      sum += items[item - 1];
    }
    return sum / (double) which.length;
  }

  static ReadinessStage stageFor(double readiness) {
    if (readiness <= PRECONTEMPLATION_MAX.value()) {
      return ReadinessStage.PRECONTEMPLATION;
    }
    if (readiness <= CONTEMPLATION_MAX.value()) {
      return ReadinessStage.CONTEMPLATION;
    }
    if (readiness <= PREPARATION_MAX.value()) {
      return ReadinessStage.PREPARATION;
    }
    return ReadinessStage.ACTION;
  }
}
