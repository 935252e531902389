package io.candor.expectation;

import io.candor.internal.Checks;

/**
 * The session by which a share of comparable clients still attending are reliably improved (by
 * default half of them), with the range of that session across the plausible parameter ranges
 * ({@link io.candor.simulation.PlausibleRange}); interpolated linearly between sessions.
 *
 * <p>Immutable and thread-safe.
 *
 * @param share the share reached (e.g. 0.5)
 * @param session the session it is reached at
 * @param earliest the earliest session across the plausible parameter ranges
 * @param latest the latest session across them, at most the last planned session
 * @param latestBeyondPlan whether under some plausible parameters the share is not reached by the
 *     last planned session (then {@code latest} is that session)
 */
public record Milestone(double share, double session, double earliest, double latest,
    boolean latestBeyondPlan) {

  /**
   * Validates.
   *
   * @param share the share reached (e.g. 0.5)
   * @param session the session it is reached at
   * @param earliest the earliest session across the plausible parameter ranges
   * @param latest the latest session across them, at most the last planned session
   * @param latestBeyondPlan whether under some plausible parameters the share is not reached by the
   *     last planned session (then {@code latest} is that session)
   * @throws IllegalArgumentException if the share is not in (0, 1) or the sessions are out of
   *     order
   */
  public Milestone {
    Checks.openUnit("share", share);
    Checks.finite("session", session);
    if (!(earliest <= session && session <= latest)) {
      throw new IllegalArgumentException("the range [" + earliest + ", " + latest
          + "] must contain the session " + session);
    }
  }
}
