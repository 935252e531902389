package io.candor.testing;

/**
 * Shapes of change that {@link CandorGenerators#trajectory(io.candor.measure.Instrument,
 * TrajectoryShape)} can produce, covering the non-linear patterns seen in routine data.
 */
public enum TrajectoryShape {
  /** Gradual exponential improvement toward an asymptote. */
  GRADUAL,
  /** Improvement that stalls on a plateau for several sessions, then may resume. */
  PLATEAU,
  /** A stable period, then one large drop between two sessions (a sudden gain). */
  SUDDEN_GAIN,
  /** Little systematic change, only noise. */
  FLAT,
  /** Worsening over treatment. */
  DETERIORATION,
  /** Improvement, then a return toward intake (relapse). */
  RELAPSE
}
