package io.candor.expectation;

import io.candor.domain.Course;
import io.candor.domain.Observation;
import io.candor.domain.ReadinessStage;
import io.candor.internal.Checks;
import io.candor.measure.Instrument;
import io.candor.measure.ItemScoring;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What is known about one client when an expectation report is made: the instrument and intake
 * score, the course and readiness stage if known, the planned number of sessions, the scores
 * observed so far, the latest item responses if any, engagement (missed appointments, homework)
 * if recorded, and latent trajectory classes fitted on a service's or a study's data if given.
 *
 * <p>Validated when built: the intake and every observed score lie in the instrument's range,
 * observed sessions are after the intake (session 0), strictly increasing and within the plan, item
 * responses have the instrument's number of items and range, and item responses tied to a session
 * add up to the score recorded there. A bad value raises an {@link IllegalArgumentException} naming
 * the field and the value. The instrument needs a caseness cutoff and a reliable-change threshold,
 * because the report's outcomes are defined by them ({@link io.candor.change.ClinicalEvents}).
 *
 * <p>Immutable and thread-safe; {@code withXxx} returns a copy.
 *
 * @param instrument the instrument of every score
 * @param intake the intake score (session 0)
 * @param course the course of the condition, if known
 * @param readiness the readiness stage at intake, if known
 * @param plannedSessions the number of treatment sessions planned after the intake, 1 to
 *     {@value #MAX_SESSIONS}
 * @param observed scores observed after the intake, in session order
 * @param items the item responses of the latest completed form, if given
 * @param attendance appointments offered and missed so far, if recorded
 * @param homework between-session tasks set and done so far, if recorded
 * @param classes latent trajectory classes fitted on a service's or a study's data, if given: the
 *     report then says which of their shapes the client's scores so far are closest to
 */
public record ClientProfile(
    Instrument instrument,
    double intake,
    Optional<Course> course,
    Optional<ReadinessStage> readiness,
    int plannedSessions,
    List<Observation> observed,
    Optional<ItemResponses> items,
    Optional<Attendance> attendance,
    Optional<Homework> homework,
    Optional<FittedClasses> classes) {

  /** The default number of planned sessions. */
  public static final int DEFAULT_PLANNED_SESSIONS = 20;

  /** The most sessions a plan may have (the simulator's limit). */
  public static final int MAX_SESSIONS = 500;

  /**
   * Validates every component and copies the list.
   *
   * @param instrument the instrument of every score
   * @param intake the intake score (session 0)
   * @param course the course of the condition, if known
   * @param readiness the readiness stage at intake, if known
   * @param plannedSessions the number of treatment sessions planned after the intake, 1 to
   *     {@value #MAX_SESSIONS}
   * @param observed scores observed after the intake, in session order
   * @param items the item responses of the latest completed form, if given
   * @param attendance appointments offered and missed so far, if recorded
   * @param homework between-session tasks set and done so far, if recorded
   * @param classes latent trajectory classes fitted on a service's or a study's data, if given
   * @throws IllegalArgumentException naming the first field that is out of range
   */
  public ClientProfile {
    Objects.requireNonNull(instrument, "instrument");
    if (instrument.casenessCutoff().isEmpty()) {
      throw new IllegalArgumentException("instrument " + instrument.id() + " has no caseness"
          + " cutoff; an expectation report needs one to define recovery");
    }
    if (instrument.reliableChange().isEmpty()) {
      throw new IllegalArgumentException("instrument " + instrument.id() + " has no published"
          + " reliable-change threshold; an expectation report needs one to define reliable"
          + " improvement and deterioration");
    }
    instrument.checkScore("intake", intake);
    Objects.requireNonNull(course, "course");
    Objects.requireNonNull(readiness, "readiness");
    Checks.inRange("plannedSessions", plannedSessions, 1, MAX_SESSIONS);
    observed = List.copyOf(Checks.noNulls("observed", observed));
    int previous = 0;
    for (Observation o : observed) {
      if (o.session() <= previous) {
        throw new IllegalArgumentException("observed sessions must be after the intake (session 0)"
            + " and strictly increasing; session " + o.session() + " came after session "
            + previous);
      }
      if (o.session() > plannedSessions) {
        throw new IllegalArgumentException("observed session " + o.session() + " is after the last"
            + " planned session " + plannedSessions + "; plan at least " + o.session()
            + " sessions");
      }
      instrument.checkScore("score at session " + o.session(), o.score());
      previous = o.session();
    }
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(attendance, "attendance");
    Objects.requireNonNull(homework, "homework");
    Objects.requireNonNull(classes, "classes");
    if (items.isPresent()) {
      checkItems(instrument, intake, observed, items.get());
    }
  }

  /**
   * A profile with only the instrument and intake: course and readiness unknown,
   * {@value #DEFAULT_PLANNED_SESSIONS} planned sessions, nothing observed yet.
   *
   * @param instrument the instrument
   * @param intake the intake score
   * @return the profile
   * @throws IllegalArgumentException if the intake is outside the instrument's range, or the
   *     instrument has no caseness cutoff or reliable-change threshold
   */
  public static ClientProfile of(Instrument instrument, double intake) {
    return new ClientProfile(instrument, intake, Optional.empty(), Optional.empty(),
        DEFAULT_PLANNED_SESSIONS, List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /**
   * A copy with a known course.
   *
   * @param c the course
   * @return the copy
   */
  public ClientProfile withCourse(Course c) {
    return new ClientProfile(instrument, intake, Optional.of(c), readiness, plannedSessions,
        observed, items, attendance, homework, classes);
  }

  /**
   * A copy with a known readiness stage at intake.
   *
   * @param stage the stage
   * @return the copy
   */
  public ClientProfile withReadiness(ReadinessStage stage) {
    return new ClientProfile(instrument, intake, course, Optional.of(stage), plannedSessions,
        observed, items, attendance, homework, classes);
  }

  /**
   * A copy with another number of planned sessions.
   *
   * @param sessions 1 to {@value #MAX_SESSIONS}, at least the last observed session
   * @return the copy
   * @throws IllegalArgumentException if out of range
   */
  public ClientProfile withPlannedSessions(int sessions) {
    return new ClientProfile(instrument, intake, course, readiness, sessions, observed, items,
        attendance, homework, classes);
  }

  /**
   * A copy with these observed scores (replacing any before).
   *
   * @param scores the observations after the intake, in session order
   * @return the copy
   * @throws IllegalArgumentException if sessions are out of order or scores out of range
   */
  public ClientProfile withObserved(List<Observation> scores) {
    return new ClientProfile(instrument, intake, course, readiness, plannedSessions, scores,
        items, attendance, homework, classes);
  }

  /**
   * A copy with one more observed score, after the last one.
   *
   * @param session the session, after the last observed one
   * @param score the score
   * @return the copy
   * @throws IllegalArgumentException if the session is not after the last one or the score is out
   *     of range
   */
  public ClientProfile withObserved(int session, double score) {
    List<Observation> more = new ArrayList<>(observed);
    more.add(Observation.of(session, score));
    return withObserved(more);
  }

  /**
   * A copy with the item responses of the latest form.
   *
   * @param responses the responses
   * @return the copy
   * @throws IllegalArgumentException if the instrument has no item scoring, the count or a
   *     response is wrong, or the total disagrees with the score at the responses' session
   */
  public ClientProfile withItems(ItemResponses responses) {
    return new ClientProfile(instrument, intake, course, readiness, plannedSessions, observed,
        Optional.of(responses), attendance, homework, classes);
  }

  /**
   * A copy with the appointments offered and missed so far.
   *
   * @param offered appointments offered (≥ 1)
   * @param missed appointments missed, 0 to {@code offered}
   * @return the copy
   * @throws IllegalArgumentException if a count is out of range
   */
  public ClientProfile withAttendance(int offered, int missed) {
    return new ClientProfile(instrument, intake, course, readiness, plannedSessions, observed,
        items, Optional.of(new Attendance(offered, missed)), homework, classes);
  }

  /**
   * A copy with the between-session tasks set and done so far.
   *
   * @param assigned tasks set (≥ 1)
   * @param completed tasks done, 0 to {@code assigned}
   * @return the copy
   * @throws IllegalArgumentException if a count is out of range
   */
  public ClientProfile withHomework(int assigned, int completed) {
    return new ClientProfile(instrument, intake, course, readiness, plannedSessions, observed,
        items, attendance, Optional.of(new Homework(assigned, completed)), classes);
  }

  /**
   * A copy with latent trajectory classes fitted on a service's or a study's data.
   *
   * @param fitted the classes, their source and the client's membership covariates
   * @return the copy
   */
  public ClientProfile withClasses(FittedClasses fitted) {
    return new ClientProfile(instrument, intake, course, readiness, plannedSessions, observed,
        items, attendance, homework, Optional.of(Objects.requireNonNull(fitted, "classes")));
  }

  /**
   * The last session with an observed score.
   *
   * @return the last observed session, or 0 (the intake) when nothing was observed after it
   */
  public int lastObservedSession() {
    return observed.isEmpty() ? 0 : observed.get(observed.size() - 1).session();
  }

  private static void checkItems(Instrument instrument, double intake,
      List<Observation> observed, ItemResponses r) {
    ItemScoring scoring = instrument.itemScoring().orElseThrow(() -> new IllegalArgumentException(
        "items: " + instrument.id() + " has no item scoring in Candor (its items are not public),"
            + " so item responses cannot be checked; leave them out"));
    ItemScoring.ItemScore score = scoring.score(r.responses());
    if (r.session().isPresent()) {
      int s = r.session().getAsInt();
      double recorded;
      if (s == 0) {
        recorded = intake;
      } else {
        recorded = observed.stream().filter(o -> o.session() == s).mapToDouble(Observation::score)
            .findFirst().orElseThrow(() -> new IllegalArgumentException("items: session " + s
                + " has no observed score; item responses tied to a session need its total"));
      }
      if (Math.abs(score.total() - recorded) > 1e-9) {
        throw new IllegalArgumentException("items: the responses add up to "
            + Checks.fmt(score.total()) + (score.prorated() ? " (prorated)" : "") + " but the "
            + instrument.id() + " score at session " + s + " is " + Checks.fmt(recorded));
      }
    }
  }

  /**
   * The item responses of one completed form, item 1 first; a missing item is empty. When the
   * session is given, the items' total must equal the score recorded at that session (0 for the
   * intake); without it, the responses are used for the risk items only, not for any number.
   *
   * <p>Immutable and thread-safe.
   *
   * @param session the session the form was completed at, if known
   * @param responses one response per item, empty where not answered
   */
  public record ItemResponses(OptionalInt session, List<OptionalInt> responses) {

    /**
     * Validates and copies.
     *
     * @param session the session the form was completed at, if known
     * @param responses one response per item, empty where not answered
     * @throws IllegalArgumentException if the session is negative or the list is empty
     */
    public ItemResponses {
      Objects.requireNonNull(session, "session");
      if (session.isPresent()) {
        Checks.atLeast("items session", session.getAsInt(), 0);
      }
      responses = List.copyOf(Checks.nonEmptyNoNulls("responses", responses));
    }

    /**
     * Every item answered, not tied to a session.
     *
     * @param responses the responses, item 1 first
     * @return the responses
     * @throws IllegalArgumentException if there are none
     */
    public static ItemResponses of(int... responses) {
      Objects.requireNonNull(responses, "responses");
      List<OptionalInt> list = new ArrayList<>(responses.length);
      for (int r : responses) {
        list.add(OptionalInt.of(r));
      }
      return new ItemResponses(OptionalInt.empty(), list);
    }

    /**
     * A copy tied to the session the form was completed at.
     *
     * @param s the session (0 for the intake)
     * @return the copy
     */
    public ItemResponses atSession(int s) {
      return new ItemResponses(OptionalInt.of(s), responses);
    }
  }

  /**
   * Appointments offered and missed so far (did not attend without notice, or cancelled late).
   *
   * <p>Immutable and thread-safe.
   *
   * @param offered appointments offered, ≥ 1
   * @param missed appointments missed, 0 to {@code offered}
   */
  public record Attendance(int offered, int missed) {

    /**
     * Validates.
     *
     * @param offered appointments offered, ≥ 1
     * @param missed appointments missed, 0 to {@code offered}
     * @throws IllegalArgumentException if a count is out of range
     */
    public Attendance {
      Checks.atLeast("attendance offered", offered, 1);
      Checks.inRange("attendance missed", missed, 0, offered);
    }

    /**
     * The share of appointments missed.
     *
     * @return missed / offered
     */
    public double missedShare() {
      return (double) missed / offered;
    }
  }

  /**
   * Between-session tasks (homework) set and done so far.
   *
   * <p>Immutable and thread-safe.
   *
   * @param assigned tasks set, ≥ 1
   * @param completed tasks done, 0 to {@code assigned}
   */
  public record Homework(int assigned, int completed) {

    /**
     * Validates.
     *
     * @param assigned tasks set, ≥ 1
     * @param completed tasks done, 0 to {@code assigned}
     * @throws IllegalArgumentException if a count is out of range
     */
    public Homework {
      Checks.atLeast("homework assigned", assigned, 1);
      Checks.inRange("homework completed", completed, 0, assigned);
    }

    /**
     * The share of tasks done.
     *
     * @return completed / assigned
     */
    public double completedShare() {
      return (double) completed / assigned;
    }
  }
}
