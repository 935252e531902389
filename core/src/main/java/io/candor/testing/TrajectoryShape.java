package io.candor.testing;

import io.candor.measure.Instrument;
import io.candor.progress.PlateauCriteria;
import java.util.Objects;

/**
 * Shapes of change that {@link TrajectoryGenerator} produces, each defined by Candor's own
 * definition of it so that a test can rely on the shape: every generated trajectory of a shape
 * satisfies the definition below, in every draw.
 *
 * <p>"Reliable change" below is Candor's one definition ({@link
 * io.candor.change.ClinicalEvents}: the instrument's published threshold, else Jacobson–Truax from
 * its clinical norms); generated changes also clear the Jacobson–Truax index of {@link
 * io.candor.change.ClinicalChange} where the instrument has clinical norms, and "no reliable
 * change" stays below both. A shape needs a reliable-change threshold (PLATEAU and RELAPSE also a
 * caseness cutoff) and room for it on the scale: see {@link #supports(Instrument)}.
 *
 * <p>Each shape has a minimum length ({@link #minimumSessions()}): the last observed session of every
 * trajectory of that shape is at least that session (intake is session 0). Sessions the shape rests
 * on (the window around a sudden gain, the plateau, the recovery and relapse sessions) are never
 * missed, and dropout never falls before the shape is complete.
 */
public enum TrajectoryShape {
  /**
   * Gradual improvement toward an asymptote: a reliable improvement from the first to the last
   * score, made in steps none of which is a sudden gain or loss under {@link
   * io.candor.progress.SuddenGainCriteria#withDefaults()}. At least 4 sessions.
   */
  GRADUAL(4),
  /**
   * Improvement that stalls, then may resume: {@link PlateauCriteria#withDefaults()} finds at least
   * one plateau (a run of {@link PlateauCriteria#DEFAULT_LENGTH} observations in the clinical range
   * without reliable change among them). At least that many sessions.
   */
  PLATEAU((int) PlateauCriteria.DEFAULT_LENGTH.value()),
  /**
   * A stable period, then one large improvement between two consecutive sessions: {@link
   * io.candor.progress.SuddenGainCriteria#withDefaults()} finds at least one sudden gain, with
   * full three-score windows on each side of it. At least 5 sessions.
   */
  SUDDEN_GAIN(5),
  /**
   * Only noise: no score differs reliably from the first one, and there are no sudden gains or
   * losses under {@link io.candor.progress.SuddenGainCriteria#withDefaults()}. At least 3
   * sessions.
   */
  FLAT(3),
  /** Worsening over treatment: a reliable deterioration from the first to the last score. At least 3 sessions. */
  DETERIORATION(3),
  /**
   * Improvement, then a return to the clinical range: {@link
   * io.candor.progress.Milestones#relapse(io.candor.domain.Trajectory)} finds a relapse (a case at
   * intake, recovered with a reliable improvement, then a case again). At least 3 sessions.
   */
  RELAPSE(3);

  private final int minimumSessions;

  TrajectoryShape(int minimumSessions) {
    this.minimumSessions = minimumSessions;
  }

  /**
   * The fewest sessions after intake the shape needs: every trajectory of this shape ends at this
   * session or later.
   *
   * @return the minimum last session, at least 3
   */
  public int minimumSessions() {
    return minimumSessions;
  }

  /**
   * Whether trajectories of this shape can be generated on the instrument: it has the figures the
   * shape's definition rests on (a reliable-change threshold; for {@link #PLATEAU} and {@link
   * #RELAPSE} also a caseness cutoff) and room for the shape on its scale and resolution.
   *
   * @param instrument the instrument
   * @return whether {@link TrajectoryGenerator#with(TrajectoryShape)} accepts this shape for it
   */
  public boolean supports(Instrument instrument) {
    Objects.requireNonNull(instrument, "instrument");
    return ShapeScale.of(instrument).unsupportedReason(this).isEmpty();
  }
}
