package io.candor.model.survival;

import io.candor.internal.Checks;

/**
 * The restricted mean time to event up to a horizon {@code τ}: the area under the Kaplan–Meier
 * curve from 0 to {@code τ}, i.e. the expected time without the event during the first {@code τ}
 * units (sessions or days). Unlike the median it always exists, but it depends on the horizon
 * chosen.
 *
 * <p>Immutable and thread-safe.
 *
 * @param horizon {@code τ}, the time the mean is restricted to
 * @param mean the restricted mean, between 0 and {@code τ}
 * @param stdErr its standard error, as R's {@code print.survfit(fit, rmean = τ)} reports it
 */
public record RestrictedMean(double horizon, double mean, double stdErr) {

  /**
   * Validates the components.
   *
   * @param horizon {@code τ}, the time the mean is restricted to
   * @param mean the restricted mean, between 0 and {@code τ}
   * @param stdErr its standard error, as R's {@code print.survfit(fit, rmean = τ)} reports it
   */
  public RestrictedMean {
    Checks.nonNegative("horizon", horizon);
    Checks.nonNegative("mean", mean);
    Checks.nonNegative("stdErr", stdErr);
  }
}
