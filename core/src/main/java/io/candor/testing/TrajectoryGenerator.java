package io.candor.testing;

import io.candor.domain.ClientId;
import io.candor.domain.Observation;
import io.candor.domain.Trajectory;
import io.candor.internal.Checks;
import io.candor.measure.Instrument;
import io.candor.progress.PlateauCriteria;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A generator of one client's trajectory on an instrument, with a named {@link TrajectoryShape}
 * that holds in every draw, a number of sessions, missed sessions and dropout.
 *
 * <pre>{@code
 * Gen<Trajectory> gains = TrajectoryGenerator.of(Instruments.PHQ9)
 *     .with(TrajectoryShape.SUDDEN_GAIN)
 *     .withSessions(8, 20)
 *     .withMissedSessionRate(0.05)
 *     .withDropoutRate(0);
 * Trajectory t = gains.generate(RandomSource.XO_RO_SHI_RO_128_PP.create(42L));
 * }</pre>
 *
 * <p>What a draw looks like. Intake is session 0 and is always observed. The planned number of
 * treatment sessions is uniform between the {@linkplain #withSessions(int, int) bounds} (raised to
 * the shape's {@link TrajectoryShape#minimumSessions() minimum}); with the {@linkplain
 * #withDropoutRate(double) dropout rate} the client leaves early, at a session uniform between the
 * end of the shape and the planned last session; every other session before the last is missed
 * with the {@linkplain #withMissedSessionRate(double) missed-session rate}, except the sessions the
 * shape rests on, and never so many that fewer than three scores remain. Scores carry bounded
 * measurement noise (at most about 4 % of the range, less where the shape's definition needs it),
 * lie inside the instrument's range and on its resolution grid.
 *
 * <p>Without a fixed shape ({@link #withAnyShape()}, the default) each draw picks one of the shapes
 * the instrument {@linkplain TrajectoryShape#supports(Instrument) supports} that fit the maximum
 * number of sessions. An instrument that supports none (it has no reliable-change threshold, so
 * Candor cannot tell one shape from another on it), or a maximum below every shape's minimum, gets
 * trajectories of no named shape: a noisy drift from an intake in the unhealthy half of the range.
 *
 * <p>Every random decision comes from the provider passed to {@link #generate}. Immutable and
 * thread-safe.
 */
public final class TrajectoryGenerator implements Gen<Trajectory> {

  /** Default planned sessions after intake: 1 to 16 (each shape raises the lower bound to its minimum). */
  public static final int DEFAULT_MAX_SESSIONS = 16;

  /** Default probability that a session (other than those a shape rests on) is missed. */
  public static final double DEFAULT_MISSED_SESSION_RATE = 0.1;

  /** Default probability that a client drops out before the planned last session. */
  public static final double DEFAULT_DROPOUT_RATE = 0.2;

  /** Largest number of sessions a trajectory may plan. */
  public static final int MAX_SESSIONS = 10_000;

  private final Instrument instrument;
  private final TrajectoryShape shape; // null: any supported shape
  private final int minSessions;
  private final int maxSessions;
  private final double missedSessionRate;
  private final double dropoutRate;
  private final ShapeScale scale;

  private TrajectoryGenerator(
      Instrument instrument,
      TrajectoryShape shape,
      int minSessions,
      int maxSessions,
      double missedSessionRate,
      double dropoutRate,
      ShapeScale scale) {
    this.instrument = instrument;
    this.shape = shape;
    this.minSessions = minSessions;
    this.maxSessions = maxSessions;
    this.missedSessionRate = missedSessionRate;
    this.dropoutRate = dropoutRate;
    this.scale = scale;
  }

  /**
   * Trajectories on the instrument with any shape it supports, 1 to {@value #DEFAULT_MAX_SESSIONS}
   * planned sessions, {@link #DEFAULT_MISSED_SESSION_RATE} missed sessions and {@link
   * #DEFAULT_DROPOUT_RATE} dropout.
   *
   * @param instrument the instrument the scores are on
   * @return the generator
   */
  public static TrajectoryGenerator of(Instrument instrument) {
    Objects.requireNonNull(instrument, "instrument");
    return new TrajectoryGenerator(instrument, null, 1, DEFAULT_MAX_SESSIONS, DEFAULT_MISSED_SESSION_RATE,
        DEFAULT_DROPOUT_RATE, ShapeScale.of(instrument));
  }

  /**
   * A copy that generates only the given shape.
   *
   * @param newShape the shape
   * @return the copy
   * @throws IllegalArgumentException if the instrument does not {@linkplain
   *     TrajectoryShape#supports(Instrument) support} the shape, or the maximum number of sessions
   *     is below the shape's minimum
   */
  public TrajectoryGenerator with(TrajectoryShape newShape) {
    Objects.requireNonNull(newShape, "shape");
    scale.unsupportedReason(newShape).ifPresent(reason -> {
      throw new IllegalArgumentException(reason);
    });
    checkFits(newShape, maxSessions);
    return new TrajectoryGenerator(instrument, newShape, minSessions, maxSessions, missedSessionRate,
        dropoutRate, scale);
  }

  /**
   * A copy that picks a shape the instrument supports in each draw (the default).
   *
   * @return the copy
   */
  public TrajectoryGenerator withAnyShape() {
    return new TrajectoryGenerator(instrument, null, minSessions, maxSessions, missedSessionRate,
        dropoutRate, scale);
  }

  /**
   * A copy whose planned number of sessions after intake is uniform in {@code [min, max]}; a
   * shape's {@linkplain TrajectoryShape#minimumSessions() minimum} raises {@code min}.
   *
   * @param min fewest planned sessions, at least 1
   * @param max most planned sessions, from {@code min} to {@value #MAX_SESSIONS}
   * @return the copy
   * @throws IllegalArgumentException if a bound is out of range, or a fixed shape needs more than
   *     {@code max} sessions
   */
  public TrajectoryGenerator withSessions(int min, int max) {
    Checks.inRange("min sessions", min, 1, MAX_SESSIONS);
    Checks.inRange("max sessions", max, min, MAX_SESSIONS);
    if (shape != null) {
      checkFits(shape, max);
    }
    return new TrajectoryGenerator(instrument, shape, min, max, missedSessionRate, dropoutRate, scale);
  }

  /**
   * A copy with another probability that a session is missed.
   *
   * @param rate probability in [0, 1) that a session other than intake, the last one and those the
   *     shape rests on is missed
   * @return the copy
   * @throws IllegalArgumentException if {@code rate} is outside [0, 1)
   */
  public TrajectoryGenerator withMissedSessionRate(double rate) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("missed-session rate must be in [0, 1), was " + rate);
    }
    return new TrajectoryGenerator(instrument, shape, minSessions, maxSessions, rate, dropoutRate, scale);
  }

  /**
   * A copy with another probability that a client drops out before the planned last session.
   *
   * @param rate probability in [0, 1]
   * @return the copy
   * @throws IllegalArgumentException if {@code rate} is not a probability
   */
  public TrajectoryGenerator withDropoutRate(double rate) {
    Checks.probability("dropout rate", rate);
    return new TrajectoryGenerator(instrument, shape, minSessions, maxSessions, missedSessionRate, rate, scale);
  }

  /**
   * The instrument the scores are on.
   *
   * @return the instrument
   */
  public Instrument instrument() {
    return instrument;
  }

  /**
   * The fixed shape, empty when each draw picks one.
   *
   * @return the shape, if fixed
   */
  public Optional<TrajectoryShape> shape() {
    return Optional.ofNullable(shape);
  }

  /**
   * The lower bound of planned sessions after intake (before a shape's minimum raises it).
   *
   * @return the bound
   */
  public int minSessions() {
    return minSessions;
  }

  /**
   * The upper bound of planned sessions after intake.
   *
   * @return the bound
   */
  public int maxSessions() {
    return maxSessions;
  }

  /**
   * The probability that a session is missed.
   *
   * @return the rate
   */
  public double missedSessionRate() {
    return missedSessionRate;
  }

  /**
   * The probability that a client drops out early.
   *
   * @return the rate
   */
  public double dropoutRate() {
    return dropoutRate;
  }

  /**
   * The shapes a draw without a fixed shape picks from: those the instrument supports whose
   * minimum fits the maximum number of sessions.
   *
   * @return the shapes, possibly empty
   */
  public Set<TrajectoryShape> availableShapes() {
    Set<TrajectoryShape> out = EnumSet.noneOf(TrajectoryShape.class);
    for (TrajectoryShape s : TrajectoryShape.values()) {
      if (s.minimumSessions() <= maxSessions && scale.unsupportedReason(s).isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Generates one trajectory for a random client id.
   *
   * @param rng the source of every random decision
   * @return the trajectory
   */
  @Override
  public Trajectory generate(UniformRandomProvider rng) {
    Objects.requireNonNull(rng, "rng");
    return generate(rng, CandorGenerators.clientId().generate(rng));
  }

  /** Generates one trajectory for the given client. */
  Trajectory generate(UniformRandomProvider rng, ClientId id) {
    TrajectoryShape s = shape;
    if (s == null) {
      List<TrajectoryShape> available = List.copyOf(availableShapes());
      s = available.isEmpty() ? null : available.get(rng.nextInt(available.size()));
    }
    int lowest = s == null ? minSessions : Math.max(minSessions, s.minimumSessions());
    int planned = between(rng, lowest, maxSessions);
    Path path = s == null ? unshaped(rng, planned) : path(s, rng, planned);
    int last = planned;
    if (path.end < planned && rng.nextDouble() < dropoutRate) {
      last = between(rng, path.end, planned - 1);
    }
    BitSet missed = new BitSet(last);
    int observed = 1 + last;
    for (int t = 1; t < last; t++) {
      if (!path.kept.get(t) && rng.nextDouble() < missedSessionRate) {
        missed.set(t);
        observed--;
      }
    }
    for (int t = missed.nextSetBit(0); t >= 0 && observed < 3; t = missed.nextSetBit(t + 1)) {
      missed.clear(t);
      observed++;
    }
    List<Observation> obs = new ArrayList<>(observed);
    for (int t = 0; t <= last; t++) {
      int noise = t == 0 ? 0 : between(rng, -path.noise, path.noise);
      if (missed.get(t)) {
        continue;
      }
      int steps = Math.max(0, Math.min(scale.span, path.level[t] + noise));
      obs.add(Observation.of(t, scale.score(steps)));
    }
    return Trajectory.of(id, instrument, obs);
  }

  /**
   * A shape's course in severity steps: the noise-free level at every planned session, the noise
   * amplitude, the sessions that must not be missed and the session by which the shape is complete.
   */
  private record Path(int[] level, int noise, BitSet kept, int end) {}

  private Path path(TrajectoryShape s, UniformRandomProvider rng, int planned) {
    return switch (s) {
      case GRADUAL -> gradual(rng, planned);
      case PLATEAU -> plateau(rng, planned);
      case SUDDEN_GAIN -> suddenGain(rng, planned);
      case FLAT -> flat(rng, planned);
      case DETERIORATION -> deterioration(rng, planned);
      case RELAPSE -> relapse(rng, planned);
    };
  }

  private int half() {
    return (scale.span + 1) / 2;
  }

  private int nearWorst() {
    return (int) Math.round(0.95 * scale.span);
  }

  /**
   * Steps of at most {@code small − 2k} (so no step, noise included, reaches the reliable-change
   * threshold and none is a sudden gain or loss) that add up to at least {@code need + k} by
   * session 4 (so the last score, noise included, is a reliable improvement).
   */
  private Path gradual(UniformRandomProvider rng, int planned) {
    int k = Math.min(scale.noiseCap, scale.small / 2);
    while (k > 0 && (4 * (scale.small - 2 * k) < scale.need + k || scale.need + k > scale.span)) {
      k--;
    }
    int maxStep = scale.small - 2 * k;
    int goal = scale.need + k;
    int s0 = between(rng, Math.min(Math.max(half(), goal), scale.span), Math.max(goal, nearWorst()));
    int total = between(rng, goal, s0);
    int first = between(rng, (maxStep + 1) / 2, maxStep);
    double decay = 0.55 + 0.4 * rng.nextDouble();
    int[] steps = new int[planned + 1];
    int byFour = 0;
    for (int t = 1; t <= planned; t++) {
      steps[t] = (int) Math.round(first * Math.pow(decay, t - 1));
      if (t <= 4) {
        byFour += steps[t];
      }
    }
    if (byFour < goal) {
      for (int t = 1; t <= planned; t++) {
        steps[t] = t <= 4 ? maxStep : (int) Math.round(maxStep * Math.pow(decay, t - 4));
      }
    }
    int[] level = new int[planned + 1];
    int done = 0;
    level[0] = s0;
    for (int t = 1; t <= planned; t++) {
      done = Math.min(total, done + steps[t]);
      level[t] = s0 - done;
    }
    return new Path(level, k, new BitSet(), TrajectoryShape.GRADUAL.minimumSessions());
  }

  /**
   * Improvement to a level in the clinical range, then at least {@link PlateauCriteria#DEFAULT_LENGTH}
   * observed sessions within ±k of it (2k below the reliable-change threshold), then maybe more
   * improvement.
   */
  private Path plateau(UniformRandomProvider rng, int planned) {
    int length = TrajectoryShape.PLATEAU.minimumSessions();
    int k = Math.min(scale.noiseCap, Math.min(scale.small / 2, scale.span - scale.caseFrom));
    int low = scale.caseFrom + k;
    int plateauLevel = between(rng, low, Math.max(low, (int) Math.round(0.9 * scale.span)));
    int s0 = between(rng, plateauLevel, Math.max(plateauLevel, nearWorst()));
    int start = between(rng, 1, Math.min(3, planned - length + 1));
    int count = between(rng, length, Math.min(length + 2, planned - start + 1));
    int end = start + count - 1;
    boolean resume = rng.nextBoolean();
    int rate = between(rng, 1, Math.max(1, scale.small / 2));
    int[] level = new int[planned + 1];
    BitSet kept = new BitSet();
    for (int t = 0; t <= planned; t++) {
      if (t < start) {
        level[t] = s0 + (int) Math.round((plateauLevel - s0) * (double) t / start);
      } else if (t <= end) {
        level[t] = plateauLevel;
        kept.set(t);
      } else {
        level[t] = resume ? Math.max(0, plateauLevel - rate * (t - end)) : plateauLevel;
      }
    }
    return new Path(level, k, kept, end);
  }

  /**
   * A level P at sessions 0..g, a level P − D at sessions g+1..g+3 (all six kept), then stable or
   * slowly improving. D is at least {@link ShapeScale#suddenGainMinimum}: with noise ±k the jump
   * still meets the absolute, the relative and the mean-difference criteria.
   */
  private Path suddenGain(UniformRandomProvider rng, int planned) {
    int p = between(rng, half(), Math.max(half(), nearWorst()));
    int k = scale.noiseCap;
    while (k > 0 && scale.suddenGainMinimum(k, p) > p) {
      k--;
    }
    if (scale.suddenGainMinimum(0, p) > p) {
      p = scale.span;
    }
    int dMin = scale.suddenGainMinimum(k, p);
    int d = between(rng, dMin, Math.min(p, 2 * dMin));
    int g = between(rng, 2, planned - 3);
    int drift = rng.nextBoolean() ? 0 : between(rng, 1, Math.max(1, scale.small / 3));
    int[] level = new int[planned + 1];
    BitSet kept = new BitSet();
    kept.set(g - 2, g + 4);
    for (int t = 0; t <= planned; t++) {
      level[t] = t <= g ? p : Math.max(0, p - d - drift * Math.max(0, t - g - 3));
    }
    return new Path(level, k, kept, g + 3);
  }

  /** One level with noise ±k, k at most half the largest change that is not reliable. */
  private Path flat(UniformRandomProvider rng, int planned) {
    int k = Math.min(scale.noiseCap, scale.small / 2);
    int s0 = between(rng, half(), Math.max(half(), nearWorst()));
    int[] level = new int[planned + 1];
    java.util.Arrays.fill(level, s0);
    return new Path(level, k, new BitSet(), TrajectoryShape.FLAT.minimumSessions());
  }

  /** A rise of at least {@code need + k} steps reached by session R and held. */
  private Path deterioration(UniformRandomProvider rng, int planned) {
    int k = scale.noiseCap;
    while (k > 0 && scale.need + k > scale.span) {
      k--;
    }
    int worsening = scale.need + k;
    int top = scale.span - worsening;
    int s0 = between(rng, Math.min(top, (int) Math.round(0.1 * scale.span)), top);
    int amount = between(rng, worsening, Math.max(worsening, Math.min(scale.span - s0, 2 * worsening)));
    int reached = between(rng, 2, planned);
    int[] level = new int[planned + 1];
    for (int t = 0; t <= planned; t++) {
      level[t] = s0 + (int) Math.round(amount * Math.min(1.0, (double) t / reached));
    }
    return new Path(level, k, new BitSet(), Math.max(TrajectoryShape.DETERIORATION.minimumSessions(), reached));
  }

  /**
   * From a case at intake down to a recovered level (out of the clinical range and a reliable
   * improvement, noise included) at session a, then back into the clinical range by session ρ;
   * both sessions kept.
   */
  private Path relapse(UniformRandomProvider rng, int planned) {
    int caseFrom = scale.caseFrom;
    int k = Math.min(scale.noiseCap, Math.min(caseFrom - 1, scale.span - caseFrom));
    while (k > 0 && Math.max(caseFrom, scale.need + k) > scale.span) {
      k--;
    }
    int recovered = between(rng, 0, caseFrom - 1 - k);
    if (Math.max(caseFrom, recovered + k + scale.need) > scale.span) {
      recovered = 0;
    }
    int lowest = Math.max(caseFrom, recovered + k + scale.need);
    int lo = Math.max(lowest, half()) <= scale.span ? Math.max(lowest, half()) : lowest;
    int s0 = between(rng, lo, Math.max(lo, nearWorst()));
    int relapsed = between(rng, caseFrom + k, Math.max(caseFrom + k, s0));
    int a = between(rng, 1, Math.max(1, (planned - 1) / 2));
    int rho = between(rng, a + 1, planned);
    int worseningFrom = between(rng, a, rho - 1);
    int[] level = new int[planned + 1];
    for (int t = 0; t <= planned; t++) {
      if (t <= a) {
        level[t] = s0 + (int) Math.round((recovered - s0) * (double) t / a);
      } else if (t <= worseningFrom) {
        level[t] = recovered;
      } else if (t <= rho) {
        level[t] = recovered
            + (int) Math.round((relapsed - recovered) * (double) (t - worseningFrom) / (rho - worseningFrom));
      } else {
        level[t] = relapsed;
      }
    }
    BitSet kept = new BitSet();
    kept.set(a);
    kept.set(rho);
    return new Path(level, k, kept, Math.max(TrajectoryShape.RELAPSE.minimumSessions(), rho));
  }

  /** No named shape: a noisy drift of up to 60 % toward the healthy end from the unhealthy half. */
  private Path unshaped(UniformRandomProvider rng, int planned) {
    int s0 = between(rng, half(), Math.max(half(), nearWorst()));
    double amount = 0.6 * s0 * rng.nextDouble();
    double rate = 0.1 + 0.4 * rng.nextDouble();
    int[] level = new int[planned + 1];
    for (int t = 0; t <= planned; t++) {
      level[t] = s0 - (int) Math.round(amount * (1 - Math.exp(-rate * t)));
    }
    return new Path(level, scale.noiseCap, new BitSet(), Math.min(planned, 1));
  }

  /** Uniform on {@code [lo, hi]}; {@code lo} when the range is empty. */
  private static int between(UniformRandomProvider rng, int lo, int hi) {
    return hi <= lo ? lo : lo + rng.nextInt(hi - lo + 1);
  }

  private void checkFits(TrajectoryShape s, int max) {
    if (max < s.minimumSessions()) {
      throw new IllegalArgumentException(s + " trajectories need at least " + s.minimumSessions()
          + " sessions after intake; max sessions was " + max);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrajectoryGenerator g
        && instrument.equals(g.instrument)
        && shape == g.shape
        && minSessions == g.minSessions
        && maxSessions == g.maxSessions
        && Double.compare(missedSessionRate, g.missedSessionRate) == 0
        && Double.compare(dropoutRate, g.dropoutRate) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(instrument, shape, minSessions, maxSessions, missedSessionRate, dropoutRate);
  }

  @Override
  public String toString() {
    return "trajectories on " + instrument.id() + ": "
        + (shape == null ? "any shape" : shape.name().toLowerCase(Locale.ROOT).replace('_', ' '))
        + ", " + minSessions + "-" + maxSessions + " sessions, missed " + missedSessionRate
        + ", dropout " + dropoutRate;
  }
}
