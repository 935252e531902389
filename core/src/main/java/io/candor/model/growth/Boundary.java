package io.candor.model.growth;

/**
 * Ways a fitted covariance can sit on the edge of the parameter space. A boundary fit is a valid
 * result, not an error: it usually means the data cannot tell the corresponding variation apart
 * from residual noise, and a simpler random part may describe the data as well.
 */
public enum Boundary {
  /** The random-intercept variance is (numerically) zero. */
  ZERO_INTERCEPT_VARIANCE,
  /** The random-slope variance is (numerically) zero. */
  ZERO_SLOPE_VARIANCE,
  /** The intercept–slope correlation is (numerically) −1 or +1. */
  PERFECT_CORRELATION,
  /** The variance of the cluster (therapist) intercepts is (numerically) zero. */
  ZERO_CLUSTER_VARIANCE
}
