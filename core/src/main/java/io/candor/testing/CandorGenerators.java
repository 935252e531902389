package io.candor.testing;

import io.candor.domain.Client;
import io.candor.domain.ClientId;
import io.candor.domain.Cohort;
import io.candor.domain.Condition;
import io.candor.domain.Course;
import io.candor.domain.ReadinessStage;
import io.candor.domain.Trajectory;
import io.candor.evidence.Citation;
import io.candor.expectation.ClientProfile;
import io.candor.evidence.Sourced;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.measure.Instruments;
import io.candor.measure.ItemScoring;
import io.candor.measure.Norms;
import io.candor.measure.SeverityBand;
import io.candor.model.therapist.TherapistData;
import io.candor.internal.Checks;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Generators of valid Candor values for property-based tests. Every generator draws all its
 * randomness from the {@link UniformRandomProvider} it is given, so seeding that provider
 * reproduces the values and a framework that shrinks the provider's output shrinks them.
 *
 * <pre>{@code
 * UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(42L);
 * Trajectory t = CandorGenerators.trajectory(Instruments.PHQ9).generate(rng);
 * }</pre>
 *
 * <p>Trajectories ({@link TrajectoryGenerator}) have realistic non-linear shapes ({@link
 * TrajectoryShape}): gradual change, plateaus, sudden gains, no change, deterioration and relapse,
 * each satisfying Candor's own definition of it in every draw, with measurement noise, missed
 * sessions and dropout. Scores are always inside the instrument's range and on its resolution grid.
 *
 * <p>Stateless and thread-safe (each generated value uses only the provider passed in).
 */
public final class CandorGenerators {

  private static final String[] CONDITION_NAMES = {
    "depression", "generalised anxiety", "panic", "social anxiety", "PTSD", "OCD", "insomnia",
    "health anxiety", "chronic pain", "bipolar disorder"
  };

  private static final String[] ICD11 = {"6A70", "6A71.1", "6B00", "6B01", "6B04", "6B40", "6B20", "7A00"};

  private static final Citation GENERATED =
      Citation.of("generated", "Candor test generators", 2026, "Generated instrument", "io.candor.testing");

  private CandorGenerators() {}

  /**
   * Any built-in instrument.
   *
   * @return the generator
   */
  public static Gen<Instrument> builtInInstrument() {
    List<Instrument> all = Instruments.all();
    return rng -> all.get(rng.nextInt(all.size()));
  }

  /**
   * A user-defined instrument with a random integer range, direction, caseness cutoff, optional
   * bands and norms, reliability in [0.6, 0.95] and resolution 1 or 0.5.
   *
   * @return the generator
   */
  public static Gen<Instrument> userInstrument() {
    return rng -> {
      int min = rng.nextInt(20);
      int max = min + 5 + rng.nextInt(100);
      Direction direction = rng.nextBoolean() ? Direction.HIGHER_IS_WORSE : Direction.HIGHER_IS_BETTER;
      Instrument.Builder b =
          Instrument.builder("U-" + rng.nextInt(1000), "Generated instrument")
              .range(min, max)
              .resolution(rng.nextBoolean() ? 1 : 0.5)
              .direction(direction)
              .reliability(Sourced.assumption(0.6 + 0.35 * rng.nextDouble(), GENERATED, "generated"))
              .licence("generated for tests");
      if (rng.nextBoolean()) {
        b.casenessCutoff(Sourced.assumption(min + 1 + rng.nextInt(max - min - 1), GENERATED, "generated"));
      }
      if (rng.nextBoolean()) {
        int mid = min + (max - min) / 2;
        b.bands(Sourced.assumption(mid, GENERATED, "generated"),
            new SeverityBand("low", min, mid), new SeverityBand("high", mid + 1, max));
      }
      if (rng.nextBoolean()) {
        double sd = 1 + rng.nextDouble() * (max - min) / 4.0;
        b.clinicalNorms(new Norms(
            Sourced.assumption(min + rng.nextDouble() * (max - min), GENERATED, "generated"),
            Sourced.assumption(sd, GENERATED, "generated")));
      }
      if (rng.nextBoolean()) {
        b.reliableChange(Sourced.assumption(1 + rng.nextInt(Math.max(1, (max - min) / 4)), GENERATED, "generated"));
      }
      return b.build();
    };
  }

  /**
   * A valid score on the instrument: uniform over its range, on its resolution grid.
   *
   * @param instrument the instrument
   * @return a valid score on the instrument: uniform over its range, on its resolution grid
   */
  public static Gen<Double> score(Instrument instrument) {
    Objects.requireNonNull(instrument, "instrument");
    long steps = Math.round((instrument.maxScore() - instrument.minScore()) / instrument.resolution());
    return rng -> onGrid(instrument, instrument.minScore() + rng.nextLong(steps + 1) * instrument.resolution());
  }

  /**
   * A valid expectation profile on a built-in instrument with a caseness cutoff and a
   * reliable-change threshold: an intake anywhere on the scale, course and readiness each known or
   * not, 8 to 26 planned sessions, 0 to 6 observed scores at increasing sessions before the last
   * planned one, and, each now and then, item responses of the latest form (for instruments with
   * public items; not tied to a session), attendance and homework.
   *
   * @param instrument the instrument
   * @return the generator
   * @throws IllegalArgumentException if the instrument lacks a caseness cutoff or reliable-change
   *     threshold
   */
  public static Gen<ClientProfile> clientProfile(Instrument instrument) {
    Objects.requireNonNull(instrument, "instrument");
    ClientProfile.of(instrument, instrument.minScore()); // fails early for an unusable instrument
    Gen<Double> score = score(instrument);
    return rng -> {
      ClientProfile p = ClientProfile.of(instrument, score.generate(rng))
          .withPlannedSessions(8 + rng.nextInt(19));
      if (rng.nextBoolean()) {
        p = p.withCourse(Course.values()[rng.nextInt(Course.values().length)]);
      }
      if (rng.nextBoolean()) {
        p = p.withReadiness(ReadinessStage.values()[rng.nextInt(ReadinessStage.values().length)]);
      }
      int observed = rng.nextInt(7);
      int session = 0;
      for (int k = 0; k < observed && session + 1 < p.plannedSessions(); k++) {
        session += 1 + rng.nextInt(Math.min(3, p.plannedSessions() - session - 1));
        p = p.withObserved(session, score.generate(rng));
      }
      if (instrument.itemScoring().isPresent() && rng.nextInt(3) == 0) {
        ItemScoring items = instrument.itemScoring().get();
        int[] responses = new int[items.items()];
        for (int i = 0; i < responses.length; i++) {
          responses[i] = items.itemMin() + rng.nextInt(items.itemMax() - items.itemMin() + 1);
        }
        p = p.withItems(ClientProfile.ItemResponses.of(responses));
      }
      if (rng.nextInt(3) == 0) {
        int offered = 1 + rng.nextInt(20);
        p = p.withAttendance(offered, rng.nextInt(offered + 1));
      }
      if (rng.nextInt(3) == 0) {
        int assigned = 1 + rng.nextInt(12);
        p = p.withHomework(assigned, rng.nextInt(assigned + 1));
      }
      return p;
    };
  }

  /**
   * An opaque client id such as {@code c-3f9a1c}.
   *
   * @return an opaque client id such as {@code c-3f9a1c}
   */
  public static Gen<ClientId> clientId() {
    return rng -> ClientId.of(String.format("c-%06x", rng.nextInt(1 << 24)));
  }

  /**
   * A condition with a random name, course and, sometimes, an ICD-11 code, onset and duration.
   *
   * @return the generator
   */
  public static Gen<Condition> condition() {
    Course[] courses = Course.values();
    return rng -> {
      Condition c = Condition.of(CONDITION_NAMES[rng.nextInt(CONDITION_NAMES.length)], courses[rng.nextInt(courses.length)]);
      if (rng.nextBoolean()) {
        c = c.withIcd11Code(ICD11[rng.nextInt(ICD11.length)]);
      }
      if (rng.nextInt(3) == 0) {
        c = c.withOnset(LocalDate.of(2000, 1, 1).plusDays(rng.nextInt(9000)));
      }
      if (rng.nextInt(3) == 0) {
        c = c.withDuration(Period.of(rng.nextInt(20), rng.nextInt(12), 0));
      }
      return c;
    };
  }

  /**
   * A client with 0–3 conditions, any readiness stage and sometimes an intake date.
   *
   * @return a client with 0–3 conditions, any readiness stage and sometimes an intake date
   */
  public static Gen<Client> client() {
    Gen<ClientId> ids = clientId();
    Gen<Condition> conditions = condition();
    ReadinessStage[] stages = ReadinessStage.values();
    return rng -> {
      ClientId id = ids.generate(rng);
      int n = rng.nextInt(4);
      List<Condition> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(conditions.generate(rng));
      }
      Optional<LocalDate> intake =
          rng.nextBoolean() ? Optional.of(LocalDate.of(2020, 1, 1).plusDays(rng.nextInt(2500))) : Optional.empty();
      return new Client(id, list, stages[rng.nextInt(stages.length)], intake);
    };
  }

  /**
   * URICA responses: 32 integers in 1–5.
   *
   * @return the generator
   */
  public static Gen<int[]> uricaResponses() {
    return rng -> {
      int[] items = new int[32];
      for (int i = 0; i < items.length; i++) {
        items[i] = 1 + rng.nextInt(5);
      }
      return items;
    };
  }

  /**
   * Trajectories on the instrument with any shape it supports, 1 to 16 planned sessions, missed
   * sessions and dropout; see {@link TrajectoryGenerator} for the options.
   *
   * @param instrument the instrument the scores are on
   * @return the generator
   */
  public static TrajectoryGenerator trajectory(Instrument instrument) {
    return TrajectoryGenerator.of(instrument);
  }

  /**
   * Trajectories of up to {@code maxSessions} planned treatment sessions (plus intake) with any
   * shape the instrument supports.
   *
   * @param instrument the instrument the scores are on
   * @param maxSessions most planned sessions after intake, at least 1
   * @return the generator
   * @throws IllegalArgumentException if {@code maxSessions} is out of range
   */
  public static TrajectoryGenerator trajectory(Instrument instrument, int maxSessions) {
    return TrajectoryGenerator.of(instrument).withSessions(1, maxSessions);
  }

  /**
   * Trajectories of up to 16 planned sessions with the given shape, which holds in every draw.
   *
   * @param instrument the instrument the scores are on
   * @param shape the shape
   * @return the generator
   * @throws IllegalArgumentException if the instrument does not {@linkplain
   *     TrajectoryShape#supports(Instrument) support} the shape
   */
  public static TrajectoryGenerator trajectory(Instrument instrument, TrajectoryShape shape) {
    return TrajectoryGenerator.of(instrument).with(shape);
  }

  /**
   * A cohort of 0 to {@code maxClients} clients (ids {@code c00000}, {@code c00001}, ...), one
   * trajectory each, with any shape the instrument supports.
   *
   * @param instrument the instrument the scores are on
   * @param maxClients most clients, at least 0
   * @return the generator
   */
  public static Gen<Cohort> cohort(Instrument instrument, int maxClients) {
    return cohort(TrajectoryGenerator.of(instrument), maxClients);
  }

  /**
   * A cohort of 0 to {@code maxClients} clients (ids {@code c00000}, {@code c00001}, ...), one
   * trajectory each from {@code trajectories}.
   *
   * @param trajectories the generator of each client's trajectory
   * @param maxClients most clients, at least 0
   * @return the generator
   */
  public static Gen<Cohort> cohort(TrajectoryGenerator trajectories, int maxClients) {
    Objects.requireNonNull(trajectories, "trajectories");
    Checks.atLeast("maxClients", maxClients, 0);
    return rng -> {
      int n = rng.nextInt(maxClients + 1);
      List<Trajectory> ts = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ts.add(trajectories.generate(rng, ClientId.of(String.format("c%05d", i))));
      }
      return Cohort.of(ts);
    };
  }

  /**
   * Clients nested in 2 to {@code maxTherapists} therapists, 1 to {@code maxCaseload} clients
   * each, with intake scores in the unhealthy half of the instrument's range, end scores that move
   * towards health by a random share plus noise (some get worse), both on the instrument's grid,
   * and a client covariate {@code age} (18–80). Client ids are unique across therapists.
   *
   * @param instrument the instrument of the scores
   * @param maxTherapists at least 2
   * @param maxCaseload at least 1
   * @return the generator
   */
  public static Gen<TherapistData> therapistData(Instrument instrument, int maxTherapists,
      int maxCaseload) {
    Objects.requireNonNull(instrument, "instrument");
    Checks.atLeast("maxTherapists", maxTherapists, 2);
    Checks.atLeast("maxCaseload", maxCaseload, 1);
    double lo = instrument.minScore();
    double span = instrument.maxScore() - lo;
    boolean worse = instrument.direction() == Direction.HIGHER_IS_WORSE;
    return rng -> {
      int k = 2 + rng.nextInt(maxTherapists - 1);
      List<String> t = new ArrayList<>();
      List<String> c = new ArrayList<>();
      List<Double> pre = new ArrayList<>();
      List<Double> post = new ArrayList<>();
      List<Double> age = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        int n = 1 + rng.nextInt(maxCaseload);
        double therapist = 0.1 * (rng.nextDouble() - 0.5);
        for (int i = 0; i < n; i++) {
          double u = 0.5 + 0.5 * rng.nextDouble(); // severity: share of the way to the worst end
          double intake = worse ? lo + span * u : lo + span * (1 - u);
          double gain = span * (0.5 * rng.nextDouble() - 0.1 + therapist);
          double end = worse ? intake - gain : intake + gain;
          t.add("T" + j);
          c.add("T" + j + "-c" + i);
          pre.add(onGrid(instrument, intake));
          post.add(onGrid(instrument, end));
          age.add((double) (18 + rng.nextInt(63)));
        }
      }
      return TherapistData.of(instrument, t.toArray(new String[0]), c.toArray(new String[0]),
          pre.stream().mapToDouble(Double::doubleValue).toArray(),
          post.stream().mapToDouble(Double::doubleValue).toArray())
          .withCovariate("age", age.stream().mapToDouble(Double::doubleValue).toArray());
    };
  }

  /** Rounds to the instrument's resolution grid, keeping exact decimal values such as 12.3. */
  static double onGrid(Instrument instrument, double value) {
    double res = instrument.resolution();
    double lo = instrument.minScore();
    double perUnit = Math.rint(1 / res);
    double v;
    if (Math.abs(perUnit * res - 1) < 1e-12) {
      v = Math.rint(value * perUnit) / perUnit;
    } else {
      v = lo + Math.rint((value - lo) / res) * res;
    }
    return Math.min(instrument.maxScore(), Math.max(lo, v));
  }
}
