package io.candor.model.growth;

import io.candor.internal.Enums;

/**
 * Whether clients are nested in clusters (therapists) with their own random intercept: in lme4's
 * terms {@link #NONE} is {@code y ~ ... + (z | client)} and {@link #INTERCEPT} is
 * {@code y ~ ... + (1 | therapist) + (z | therapist:client)}.
 */
public enum ClusterPart {
  /** Two levels: observations in clients (the default). */
  NONE,
  /**
   * Three levels: observations in clients in clusters, each cluster with its own intercept (one
   * more variance parameter, the cluster SD). The data need a cluster for every client, see
   * {@link GrowthData#withClusters(String[])}.
   */
  INTERCEPT;

  /**
   * Parses {@code none} or {@code intercept} (any case).
   *
   * @param text the name
   * @return the constant
   * @throws IllegalArgumentException naming the allowed values
   */
  public static ClusterPart parse(String text) {
    return Enums.parse(ClusterPart.class, "cluster part", text);
  }
}
