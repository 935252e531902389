package io.candor.caseload;

import io.candor.internal.Checks;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/**
 * How new clients arrive on a caseload: a Poisson process with a weekly rate (each therapist's
 * referrals in a week are Poisson, independent between weeks and therapists), or a fixed schedule
 * giving the number of referrals in each week.
 *
 * <p>Immutable and thread-safe.
 */
public final class Referrals {

  private final double rate;
  private final int[] schedule;

  private Referrals(double rate, int[] schedule) {
    this.rate = rate;
    this.schedule = schedule;
  }

  /**
   * Poisson arrivals.
   *
   * @param perWeek mean referrals per week and therapist, 0 to 1,000
   * @return the arrival process
   * @throws IllegalArgumentException if the rate is negative, above 1,000 or not finite
   */
  public static Referrals poisson(double perWeek) {
    Checks.inRange("referrals per week", perWeek, 0, 1000);
    return new Referrals(perWeek, null);
  }

  /**
   * A fixed schedule: {@code perWeek[w]} referrals in week {@code w} (weeks from 0), the same for
   * every therapist. A run may not be longer than the schedule.
   *
   * @param perWeek referrals in each week, each 0 to 1,000; at least one week
   * @return the arrival process
   * @throws IllegalArgumentException naming the first week with a negative or too large count
   */
  public static Referrals schedule(int... perWeek) {
    Objects.requireNonNull(perWeek, "perWeek");
    if (perWeek.length == 0) {
      throw new IllegalArgumentException("a referral schedule needs at least one week");
    }
    for (int w = 0; w < perWeek.length; w++) {
      Checks.inRange("referrals in week " + w, perWeek[w], 0, 1000);
    }
    return new Referrals(Double.NaN, perWeek.clone());
  }

  /**
   * Whether arrivals are Poisson.
   *
   * @return true for {@link #poisson(double)}
   */
  public boolean isPoisson() {
    return schedule == null;
  }

  /**
   * The Poisson rate per week.
   *
   * @return the rate, or empty for a schedule
   */
  public OptionalDouble rate() {
    return isPoisson() ? OptionalDouble.of(rate) : OptionalDouble.empty();
  }

  /**
   * The schedule.
   *
   * @return referrals per week, or an empty list for Poisson arrivals
   */
  public List<Integer> schedule() {
    return isPoisson() ? List.of() : IntStream.of(schedule).boxed().toList();
  }

  /**
   * The expected referrals in a week.
   *
   * @param week the week (from 0)
   * @return the rate, or the scheduled count
   * @throws IllegalArgumentException if the week is beyond the schedule
   */
  public double expected(int week) {
    Checks.atLeast("week", week, 0);
    if (isPoisson()) {
      return rate;
    }
    checkWeeks(week + 1);
    return schedule[week];
  }

  /**
   * Checks that a run of that many weeks is covered.
   *
   * @param weeks weeks in the run
   * @throws IllegalArgumentException if the schedule is shorter
   */
  void checkWeeks(int weeks) {
    if (!isPoisson() && weeks > schedule.length) {
      throw new IllegalArgumentException("the referral schedule covers " + schedule.length
          + " weeks but the run has " + weeks);
    }
  }

  /** A per-therapist sampler of the week's referrals. */
  Sampler sampler(UniformRandomProvider rng) {
    if (!isPoisson()) {
      return week -> schedule[week];
    }
    if (rate == 0) {
      return week -> 0;
    }
    DiscreteSampler poisson = PoissonSampler.of(rng, rate);
    return week -> poisson.sample();
  }

  /** Draws the number of referrals in a week. */
  interface Sampler {
    int draw(int week);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Referrals r
        && Double.compare(rate, r.rate) == 0
        && Arrays.equals(schedule, r.schedule);
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(rate) + Arrays.hashCode(schedule);
  }

  @Override
  public String toString() {
    return isPoisson() ? "Poisson(" + Checks.fmt(rate) + " per week)"
        : "schedule" + Arrays.toString(schedule);
  }
}
