package io.candor.domain;

import io.candor.internal.Checks;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client as Candor sees one: an opaque id, the recorded conditions, a readiness stage and,
 * optionally, the intake date. Nothing identifying.
 *
 * <p>Immutable and thread-safe (the condition list is copied).
 *
 * @param id the client's identifier
 * @param conditions recorded conditions, possibly empty, no nulls
 * @param readiness readiness stage at intake
 * @param intakeDate date of the first contact, when known
 */
public record Client(
    ClientId id, List<Condition> conditions, ReadinessStage readiness, Optional<LocalDate> intakeDate) {

  /**
   * Validates and copies.
   *
   * @param id the client's identifier
   * @param conditions recorded conditions, possibly empty, no nulls
   * @param readiness readiness stage at intake
   * @param intakeDate date of the first contact, when known
   */
  public Client {
    Objects.requireNonNull(id, "id");
    conditions = List.copyOf(Checks.noNulls("conditions", conditions));
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(intakeDate, "intakeDate");
  }

  /**
   * A client with conditions and a readiness stage, intake date unknown.
   *
   * @param id the client id
   * @param readiness the readiness stage
   * @param conditions the conditions (possibly none)
   * @return a client with conditions and a readiness stage, intake date unknown
   */
  public static Client of(ClientId id, ReadinessStage readiness, Condition... conditions) {
    return new Client(id, List.of(conditions), readiness, Optional.empty());
  }

  /**
   * A copy with another readiness stage.
   *
   * @param stage the readiness stage
   * @return the copy
   */
  public Client withReadiness(ReadinessStage stage) {
    return new Client(id, conditions, stage, intakeDate);
  }

  /**
   * A copy with an intake date.
   *
   * @param date the intake date
   * @return the copy
   */
  public Client withIntakeDate(LocalDate date) {
    return new Client(id, conditions, readiness, Optional.of(date));
  }

  /**
   * The least favourable course among the conditions (chronic over episodic over resolvable), or
   * empty when none is recorded.
   *
   * @return the least favourable course, if any condition is recorded
   */
  public Optional<Course> dominantCourse() {
    return conditions.stream().map(Condition::course).max(Enum::compareTo);
  }
}
