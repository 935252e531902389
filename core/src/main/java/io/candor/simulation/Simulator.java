package io.candor.simulation;

import io.candor.domain.Client;
import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Condition;
import io.candor.domain.Trajectory;
import io.candor.internal.Checks;
import io.candor.internal.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The calibrated trajectory simulator.
 *
 * <h2>The generative model</h2>
 * Per client, on one instrument, session by session (t = 0 is the intake assessment):
 * <ol>
 *   <li><b>Case mix.</b> A course (resolvable, episodic, chronic) from {@link Scenario#caseMix()},
 *       a readiness stage from {@link Scenario.Readiness#initial()}, and membership of the
 *       deteriorating subgroup with probability {@link Scenario.Deterioration#proportion()}.
 *   <li><b>Intake.</b> True severity μ₀ ~ N(mean, sd) (the intake random effect), plus the week's
 *       deviation and measurement error; with {@link Scenario.Entry#CASES_ONLY} the draw
 *       is repeated until the observed score is in the clinical range, which is what produces
 *       regression to the mean.
 *   <li><b>Mean path.</b> m(t) = A + (m(t−1) − A)·exp(−k·r(stage)): exponential decay towards the
 *       course's asymptote A (remission level; a higher level for chronic courses). The rate is
 *       the course's rate times a mean-one log-normal client random effect, times the readiness
 *       multiplier r. The deteriorating subgroup moves instead towards μ₀ + size (worse).
 *       Episodic clients out of the clinical range relapse to μ₀ with a per-session hazard.
 *   <li><b>Jumps.</b> With a per-session probability a sudden gain removes a share of the distance
 *       to A; with another a sudden loss adds points in the worse direction.
 *   <li><b>Readiness.</b> Between sessions the stage moves forward or back one step with fixed
 *       probabilities; the stage sets the rate multiplier and the dropout multiplier.
 *   <li><b>Variation.</b> An AR(1) deviation e(t) = φ·e(t−1) + η (stationary SD {@code sd}, larger
 *       for chronic courses) and independent measurement error with the SD implied by the
 *       instrument's reliability; the observed score is clamped to the instrument's range and
 *       rounded to its resolution.
 *   <li><b>Dropout.</b> Before each session a hazard depending on the stage, on the last observed
 *       change and, optionally, on the unobserved current score (missing not at random).
 *   <li><b>Wait-list arm.</b> No treatment: a slow spontaneous rate, no readiness effect on the
 *       rate and no jumps.
 * </ol>
 *
 * <h2>Reproducibility</h2>
 * Client i draws from its own XoRoShiRo128++ stream seeded from a SplitMix64 sequence at
 * (seed, i), so the same scenario and seed give bit-identical clients for any thread count or
 * chunking. Summaries are integer counts merged exactly.
 *
 * <p>Immutable and thread-safe; each call creates its own worker threads and waits for them.
 */
public final class Simulator {

  /** Clients per unit of work handed to a thread. */
  static final int CHUNK = 2048;

  private final Scenario scenario;
  /** The observed intake score every client starts at, or NaN when it is drawn. */
  private final double givenIntake;

  private Simulator(Scenario scenario, double givenIntake) {
    this.scenario = Objects.requireNonNull(scenario, "scenario");
    this.givenIntake = givenIntake;
  }

  /**
   * A simulator for that scenario.
   *
   * @param scenario the scenario
   * @return a simulator for that scenario
   */
  public static Simulator of(Scenario scenario) {
    return new Simulator(scenario, Double.NaN);
  }

  /**
   * The scenario.
   *
   * @return the scenario
   */
  public Scenario scenario() {
    return scenario;
  }

  /**
   * A simulator whose clients all start at this observed intake score: clients like one who has
   * scored {@code score} at intake. Each client's true severity and the week's deviation at intake
   * are drawn from their normal distribution given the observed score (the intake step of the
   * model, conditioned; the rounding and clamping of the observed score are ignored in the
   * conditioning, which matters only at the ends of the scale), and the entry rule ({@link
   * Scenario.Intake#entry()}) does not apply: the client has started. Everything after the
   * intake is as in the scenario. Client {@code i} of seed {@code s} still draws from its own
   * stream, so results stay reproducible for any thread count.
   *
   * @param score the observed intake score, inside the instrument's range
   * @return the conditioned simulator
   * @throws IllegalArgumentException if the score is not finite or outside the range
   */
  public Simulator givenIntake(double score) {
    scenario.instrumentSpec().checkScore("intake", score);
    return new Simulator(scenario, score);
  }

  /**
   * The observed intake score every client starts at, when {@link #givenIntake(double)} set one.
   *
   * @return the score, or empty when intakes are drawn from the scenario
   */
  public java.util.OptionalDouble givenIntakeScore() {
    return Double.isNaN(givenIntake) ? java.util.OptionalDouble.empty()
        : java.util.OptionalDouble.of(givenIntake);
  }

  /**
   * One client, with the random stream of (seed, index).
   *
   * @param seed the seed; the same seed gives the same clients
   * @param index the client's 0-based index
   * @param arm the arm: treated or wait-list
   * @return the client
   */
  public SimulatedClient client(long seed, long index, Arm arm) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0, was " + index);
    }
    Objects.requireNonNull(arm, "arm");
    Engine e = new Engine(scenario, givenIntake);
    e.run(seed, index, arm == Arm.WAITLIST);
    return materialise(e, index, arm);
  }

  /**
   * A streaming summary of {@code clients} clients, generated on {@code threads} threads without
   * keeping them.
   *
   * @param seed the seed (any value)
   * @param clients number of clients, ≥ 1
   * @param arm the arm
   * @param threads worker threads, 1 to 256; the result does not depend on it
   * @return the summary
   */
  public SimulationSummary summarise(long seed, long clients, Arm arm, int threads) {
    return summarise(seed, clients, arm, threads, done -> { });
  }

  /**
   * As {@link #summarise(long, long, Arm, int)}, reporting the number of clients done so far to
   * {@code progress} (called from worker threads, at most once per chunk of clients).
   *
   * @param seed the seed; the same seed gives the same clients
   * @param clients how many clients to simulate, at least 1
   * @param arm the arm: treated or wait-list
   * @param threads worker threads, 1 to 256; the result does not depend on it
   * @param progress called with the number of clients done so far, from worker threads, at most once per chunk
   * @return the summary
   */
  public SimulationSummary summarise(
      long seed, long clients, Arm arm, int threads, LongConsumer progress) {
    checkClients(clients);
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(progress, "progress");
    Checks.inRange("threads", threads, 1, 256);
    boolean wl = arm == Arm.WAITLIST;
    int sessions = wl ? scenario.waitlist().weeks() : scenario.sessions();
    long chunks = (clients + CHUNK - 1) / CHUNK;
    AtomicLong next = new AtomicLong();
    AtomicLong done = new AtomicLong();
    SummaryAccumulator[] parts = new SummaryAccumulator[threads];
    Parallel.run(threads, "candor-simulation", w -> {
      Engine e = new Engine(scenario, givenIntake);
      SummaryAccumulator acc = new SummaryAccumulator(sessions);
      parts[w] = acc;
      long c;
      while ((c = next.getAndIncrement()) < chunks) {
        long from = c * CHUNK;
        long to = Math.min(clients, from + CHUNK);
        for (long i = from; i < to; i++) {
          e.run(seed, i, wl);
          acc.accept(e);
        }
        progress.accept(done.addAndGet(to - from));
      }
    });
    SummaryAccumulator total = new SummaryAccumulator(sessions);
    for (SummaryAccumulator p : parts) {
      total.merge(p);
    }
    var inst = scenario.instrumentSpec();
    return new SimulationSummary(arm, inst.id(), inst.minScore(), inst.resolution(), total);
  }

  /**
   * A summary of the clients with indices {@code from} to {@code to − 1} on the calling thread:
   * each client is the same as in any other call with this seed, so summaries of disjoint ranges
   * {@link SimulationSummary#combine(SimulationSummary) combined} equal the summary of their union
   * exactly. This is how a distributed job (candor-spark) splits a cohort among workers.
   *
   * @param seed the seed (any value)
   * @param from the first index, {@code >= 0}
   * @param to one past the last index, {@code > from}
   * @param arm the arm
   * @return the summary of those clients
   * @throws IllegalArgumentException if the range is empty or negative
   */
  public SimulationSummary summariseRange(long seed, long from, long to, Arm arm) {
    if (from < 0 || to <= from) {
      throw new IllegalArgumentException(
          "the index range must satisfy 0 <= from < to, was from " + from + " to " + to);
    }
    Objects.requireNonNull(arm, "arm");
    boolean wl = arm == Arm.WAITLIST;
    Engine e = new Engine(scenario);
    SummaryAccumulator acc = new SummaryAccumulator(wl ? scenario.waitlist().weeks() : scenario.sessions());
    for (long i = from; i < to; i++) {
      e.run(seed, i, wl);
      acc.accept(e);
    }
    var inst = scenario.instrumentSpec();
    return new SimulationSummary(arm, inst.id(), inst.minScore(), inst.resolution(), acc);
  }

  /**
   * Generates clients 0 to {@code clients − 1} on {@code threads} threads and hands them to
   * {@code sink} in index order, on the calling thread. Memory is bounded by a block of clients,
   * not by the cohort size.
   *
   * @param seed the seed; the same seed gives the same clients
   * @param clients how many clients to generate, at least 1
   * @param arm the arm: treated or wait-list
   * @param threads worker threads, 1 to 256; the result does not depend on it
   * @param sink receives each client in index order
   */
  public void forEachOrdered(
      long seed, long clients, Arm arm, int threads, Consumer<? super SimulatedClient> sink) {
    checkClients(clients);
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(sink, "sink");
    Checks.inRange("threads", threads, 1, 256);
    int block = CHUNK * threads;
    SimulatedClient[] buffer = new SimulatedClient[block];
    for (long start = 0; start < clients; start += block) {
      long from = start;
      int count = (int) Math.min(block, clients - start);
      int perThread = (count + threads - 1) / threads;
      Parallel.run(threads, "candor-simulation", w -> {
        Engine e = new Engine(scenario, givenIntake);
        int lo = w * perThread;
        int hi = Math.min(count, lo + perThread);
        for (int j = lo; j < hi; j++) {
          e.run(seed, from + j, arm == Arm.WAITLIST);
          buffer[j] = materialise(e, from + j, arm);
        }
      });
      for (int j = 0; j < count; j++) {
        sink.accept(buffer[j]);
        buffer[j] = null;
      }
    }
  }

  /**
   * The first {@code clients} clients as a list, in index order.
   *
   * @param seed the seed; the same seed gives the same clients
   * @param clients how many clients, at least 1
   * @param arm the arm: treated or wait-list
   * @param threads worker threads, 1 to 256; the result does not depend on it
   * @return the first {@code clients} clients as a list, in index order
   */
  public List<SimulatedClient> simulate(long seed, int clients, Arm arm, int threads) {
    checkClients(clients);
    List<SimulatedClient> list = new ArrayList<>(clients);
    forEachOrdered(seed, clients, arm, threads, list::add);
    return List.copyOf(list);
  }

  /**
   * The first {@code clients} clients' trajectories as a {@link Cohort}.
   *
   * @param seed the seed; the same seed gives the same clients
   * @param clients how many clients, at least 1
   * @param arm the arm: treated or wait-list
   * @param threads worker threads, 1 to 256; the result does not depend on it
   * @return the first {@code clients} clients' trajectories as a {@link Cohort}
   */
  public Cohort cohort(long seed, int clients, Arm arm, int threads) {
    checkClients(clients);
    List<Trajectory> list = new ArrayList<>(clients);
    forEachOrdered(seed, clients, arm, threads, c -> list.add(c.trajectory()));
    return Cohort.of(list);
  }

  /**
   * The first {@code clients} clients' observed scores as a compact panel (no per-client objects),
   * for callers that analyse many clients session by session. Client i of the panel is exactly the
   * client {@link #client(long, long, Arm)} gives for index i.
   *
   * @param seed the seed (any value)
   * @param clients number of clients, 1 to {@value SimulatedPanel#MAX_CELLS} divided by the
   *     sessions per client
   * @param arm the arm
   * @param threads worker threads, 1 to 256; the result does not depend on it
   * @return the panel
   * @throws IllegalArgumentException if a count is out of range
   */
  public SimulatedPanel panel(long seed, int clients, Arm arm, int threads) {
    checkClients(clients);
    Objects.requireNonNull(arm, "arm");
    Checks.inRange("threads", threads, 1, 256);
    boolean wl = arm == Arm.WAITLIST;
    int width = (wl ? scenario.waitlist().weeks() : scenario.sessions()) + 1;
    if ((long) clients * width > SimulatedPanel.MAX_CELLS) {
      throw new IllegalArgumentException("clients × sessions must be at most "
          + SimulatedPanel.MAX_CELLS + " for a panel, was " + clients + " × " + width);
    }
    SimulatedPanel panel = new SimulatedPanel(scenario.instrument(), arm, clients, width);
    long chunks = (clients + CHUNK - 1) / CHUNK;
    AtomicLong next = new AtomicLong();
    Parallel.run(threads, "candor-simulation", w -> {
      Engine e = new Engine(scenario, givenIntake);
      long c;
      while ((c = next.getAndIncrement()) < chunks) {
        int from = (int) (c * CHUNK);
        int to = (int) Math.min(clients, from + (long) CHUNK);
        for (int i = from; i < to; i++) {
          e.run(seed, i, wl);
          panel.set(i, e);
        }
      }
    });
    return panel;
  }

  private static void checkClients(long clients) {
    if (clients < 1) {
      throw new IllegalArgumentException("clients must be >= 1, was " + clients);
    }
  }

  private SimulatedClient materialise(Engine e, long index, Arm arm) {
    ClientId id = ClientId.of(SimulatedClient.idFor(index));
    Client client =
        Client.of(id, e.initialStage, Condition.of("simulated " + e.course.name().toLowerCase(
            java.util.Locale.ROOT) + " course", e.course));
    int[] sessions = new int[e.size];
    for (int i = 0; i < sessions.length; i++) {
      sessions[i] = i;
    }
    Trajectory t = Trajectory.ofScores(id, e.instrument, sessions, Arrays.copyOf(e.scores, e.size));
    return new SimulatedClient(index, arm, client, t, e.course, e.finalStage, e.deteriorating,
        e.dropoutSession >= 0 ? OptionalInt.of(e.dropoutSession) : OptionalInt.empty(),
        e.trueIntake, e.rate);
  }
}
