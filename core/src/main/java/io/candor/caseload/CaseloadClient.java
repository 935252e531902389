package io.candor.caseload;

import io.candor.domain.Course;
import io.candor.domain.Trajectory;
import java.util.Objects;
import java.util.Optional;

/**
 * A client currently on a caseload, as the expected outcome mix sees them: their scores so far
 * (the first is the intake, the last the latest; sessions numbered from the intake at 0) and
 * their course when it is known.
 *
 * <p>Immutable and thread-safe.
 *
 * @param trajectory the client's scores so far on the caseload's instrument
 * @param course the course of the client's condition, if known
 */
public record CaseloadClient(Trajectory trajectory, Optional<Course> course) {

  /**
   * Checks for nulls.
   *
   * @param trajectory the client's scores so far on the caseload's instrument
   * @param course the course of the client's condition, if known
   */
  public CaseloadClient {
    Objects.requireNonNull(trajectory, "trajectory");
    Objects.requireNonNull(course, "course");
  }

  /**
   * A client whose course is not known.
   *
   * @param trajectory the scores so far
   * @return the client
   */
  public static CaseloadClient of(Trajectory trajectory) {
    return new CaseloadClient(trajectory, Optional.empty());
  }

  /**
   * A client with a known course.
   *
   * @param trajectory the scores so far
   * @param course the course
   * @return the client
   */
  public static CaseloadClient of(Trajectory trajectory, Course course) {
    return new CaseloadClient(trajectory, Optional.of(Objects.requireNonNull(course, "course")));
  }

  /**
   * The latest session with a score.
   *
   * @return the session of the last observation
   */
  public int currentSession() {
    return trajectory.sessionAt(trajectory.size() - 1);
  }
}
