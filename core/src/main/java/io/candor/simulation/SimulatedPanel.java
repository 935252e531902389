package io.candor.simulation;

import io.candor.domain.Course;
import io.candor.domain.ReadinessStage;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The observed scores of a simulated cohort in one compact block, client by session, with each
 * client's dropout session and generating truth (course, readiness at intake, deteriorating
 * subgroup): what {@link Simulator#panel(long, int, Arm, int)} returns for callers that analyse many
 * clients session by session without a {@link SimulatedClient} per client.
 *
 * <p>Clients are numbered from 0 (the simulator's client index). Client i was observed at sessions
 * 0 (intake) to {@link #attended(int) attended(i)} − 1, without gaps (the simulator schedules every
 * session); after a dropout nothing is observed.
 *
 * <p>Immutable and thread-safe.
 */
public final class SimulatedPanel {

  /** The largest number of client × session cells a panel holds (2^27, one GiB of doubles). */
  public static final long MAX_CELLS = 1L << 27;

  private static final Course[] COURSES = Course.values();
  private static final ReadinessStage[] STAGES = ReadinessStage.values();

  private final String instrument;
  private final Arm arm;
  private final int clients;
  private final int width;
  private final double[] scores;
  private final int[] attended;
  private final int[] dropout;
  private final byte[] course;
  private final byte[] stage;
  private final boolean[] deteriorating;

  /**
   * An empty panel for {@code clients} clients of {@code width} sessions, which the simulator fills
   * ({@link #set}) before it returns it; nothing changes it afterwards.
   */
  SimulatedPanel(String instrument, Arm arm, int clients, int width) {
    this.instrument = Objects.requireNonNull(instrument, "instrument");
    this.arm = Objects.requireNonNull(arm, "arm");
    this.clients = clients;
    this.width = width;
    this.scores = new double[clients * width];
    this.attended = new int[clients];
    this.dropout = new int[clients];
    this.course = new byte[clients];
    this.stage = new byte[clients];
    this.deteriorating = new boolean[clients];
  }

  /** Copies the engine's last client into row {@code i} (each worker writes only its own rows). */
  void set(int i, Engine e) {
    System.arraycopy(e.scores, 0, scores, i * width, e.size);
    Arrays.fill(scores, i * width + e.size, (i + 1) * width, Double.NaN);
    attended[i] = e.size;
    dropout[i] = e.dropoutSession;
    course[i] = (byte) e.course.ordinal();
    stage[i] = (byte) e.initialStage.ordinal();
    deteriorating[i] = e.deteriorating;
  }

  /**
   * The instrument's id.
   *
   * @return e.g. {@code "PHQ-9"}
   */
  public String instrument() {
    return instrument;
  }

  /**
   * The arm simulated.
   *
   * @return the arm
   */
  public Arm arm() {
    return arm;
  }

  /**
   * Number of clients.
   *
   * @return the clients in the panel
   */
  public int clients() {
    return clients;
  }

  /**
   * The last session of the plan (planned sessions, or wait-list weeks).
   *
   * @return the last session a client can be observed at
   */
  public int lastSession() {
    return width - 1;
  }

  /**
   * How many sessions a client was observed at: sessions 0 to {@code attended − 1}.
   *
   * @param client the client, 0 to {@code clients() − 1}
   * @return at least 1 (the intake)
   * @throws IllegalArgumentException if the client is out of range
   */
  public int attended(int client) {
    return attended[check(client)];
  }

  /**
   * Whether a client was observed at a session.
   *
   * @param client the client
   * @param session the session (any value; sessions outside the plan are never observed)
   * @return whether the client has a score there
   * @throws IllegalArgumentException if the client is out of range
   */
  public boolean observed(int client, int session) {
    return session >= 0 && session < attended[check(client)];
  }

  /**
   * A client's observed score at a session.
   *
   * @param client the client
   * @param session a session the client attended, 0 to {@link #attended(int)} − 1
   * @return the score
   * @throws IllegalArgumentException if the client is out of range or was not observed then
   */
  public double score(int client, int session) {
    if (!observed(client, session)) {
      throw new IllegalArgumentException("client " + client + " was observed at sessions 0-"
          + (attended[client] - 1) + ", not at " + session);
    }
    return scores[client * width + session];
  }

  /**
   * The session a client dropped out at (the first one not attended), if they did.
   *
   * @param client the client
   * @return the session, or empty when the client stayed to the end of the plan
   * @throws IllegalArgumentException if the client is out of range
   */
  public OptionalInt dropoutSession(int client) {
    int d = dropout[check(client)];
    return d < 0 ? OptionalInt.empty() : OptionalInt.of(d);
  }

  /**
   * A client's generating course.
   *
   * @param client the client
   * @return the course
   * @throws IllegalArgumentException if the client is out of range
   */
  public Course course(int client) {
    return COURSES[course[check(client)]];
  }

  /**
   * A client's readiness stage at intake.
   *
   * @param client the client
   * @return the stage
   * @throws IllegalArgumentException if the client is out of range
   */
  public ReadinessStage initialStage(int client) {
    return STAGES[stage[check(client)]];
  }

  /**
   * Whether a client belongs to the deteriorating subgroup (the generating truth).
   *
   * @param client the client
   * @return membership of the subgroup
   * @throws IllegalArgumentException if the client is out of range
   */
  public boolean deteriorating(int client) {
    return deteriorating[check(client)];
  }

  private int check(int client) {
    if (client < 0 || client >= clients) {
      throw new IllegalArgumentException("client must be 0-" + (clients - 1) + ", was " + client);
    }
    return client;
  }

  @Override
  public String toString() {
    return "SimulatedPanel[" + instrument + ", " + arm + ", " + clients + " clients, sessions 0-"
        + (width - 1) + "]";
  }
}
