package io.candor.expectation;

import io.candor.evidence.Citation;
import io.candor.internal.Checks;
import io.candor.simulation.PlausibleRange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Realistic expectations for one client, as numbers: the probability of each outcome at each
 * session horizon with its intervals and natural frequency, the icon-array data behind every
 * natural-frequency statement, the expected score curve with its bands, the session by which half
 * of comparable clients are reliably improved, how the observed scores updated the numbers, the risk
 * items, engagement context, the chronic-course outlook where it applies, the latent trajectory
 * classes the scores so far are closest to when the profile has classes, notices, and every source.
 * Made by {@link Expectations#report(ClientProfile, long)}; turned into words by the renderers
 * ({@link ClientRenderer}, {@link TherapistRenderer}, {@link ServiceRenderer}), whose text all
 * comes from a resource bundle. The report itself holds no prose, so it reads the same in any
 * language.
 *
 * <p>Every probability is about people like the client ("of 100 people who start where you
 * are"), never a prediction for the client; there is no risk score.
 *
 * <p>Immutable and thread-safe.
 *
 * @param profile the profile the report is for
 * @param seed the seed of the simulation (the same seed gives the same report, byte for byte)
 * @param clients the number of clients simulated for the estimates
 * @param comparableClients of those, the ones still attending at the last observed session (all
 *     of them when nothing was observed after the intake): the clients the numbers describe
 * @param sensitivityClients the clients simulated for each end of each plausible range
 * @param varied the plausible ranges varied for the sensitivity intervals
 * @param horizons the sessions the probabilities are at, ascending
 * @param probabilities every outcome at every horizon (recovery only for an intake at caseness)
 * @param iconArrays one icon array per natural-frequency statement: the exclusive outcomes at every
 *     horizon, then recovery at every horizon when reported
 * @param curve the expected score at each session from the intake to the last planned one
 * @param halfImproved the session by which half of comparable clients still attending are reliably
 *     improved, if that happens by the last planned session
 * @param update how the observed scores updated the numbers, if any were observed
 * @param risk what the report saw of the risk items
 * @param engagement engagement beside published figures
 * @param chronic what success can mean for a chronic course, when the course is chronic
 * @param classes which of the profile's latent trajectory classes the scores so far are closest
 *     to, when the profile has classes
 * @param notices what a reader needs to know about how far the numbers reach
 * @param sources every citation behind the report, each once
 */
public record ExpectationReport(
    ClientProfile profile,
    long seed,
    int clients,
    int comparableClients,
    int sensitivityClients,
    List<PlausibleRange> varied,
    List<Integer> horizons,
    List<Probability> probabilities,
    List<IconArray> iconArrays,
    List<CurvePoint> curve,
    Optional<Milestone> halfImproved,
    Optional<CourseUpdate> update,
    RiskReview risk,
    EngagementContext engagement,
    Optional<ChronicOutlook> chronic,
    Optional<ClassOutlook> classes,
    List<Notice> notices,
    List<Citation> sources) {

  /**
   * Validates and copies: every horizon has the four exclusive outcomes, whose estimates sum to 1.
   *
   * @param profile the profile the report is for
   * @param seed the seed of the simulation (the same seed gives the same report, byte for byte)
   * @param clients the number of clients simulated for the estimates
   * @param comparableClients of those, the ones still attending at the last observed session (all
   *     of them when nothing was observed after the intake): the clients the numbers describe
   * @param sensitivityClients the clients simulated for each end of each plausible range
   * @param varied the plausible ranges varied for the sensitivity intervals
   * @param horizons the sessions the probabilities are at, ascending
   * @param probabilities every outcome at every horizon (recovery only for an intake at caseness)
   * @param iconArrays one icon array per natural-frequency statement: the exclusive outcomes at every
   *     horizon, then recovery at every horizon when reported
   * @param curve the expected score at each session from the intake to the last planned one
   * @param halfImproved the session by which half of comparable clients still attending are reliably
   *     improved, if that happens by the last planned session
   * @param update how the observed scores updated the numbers, if any were observed
   * @param risk what the report saw of the risk items
   * @param engagement engagement beside published figures
   * @param chronic what success can mean for a chronic course, when the course is chronic
   * @param classes which of the profile's latent trajectory classes the scores so far are closest
   *     to, when the profile has classes
   * @param notices what a reader needs to know about how far the numbers reach
   * @param sources every citation behind the report, each once
   * @throws IllegalArgumentException if the parts disagree
   */
  public ExpectationReport {
    Objects.requireNonNull(profile, "profile");
    Checks.atLeast("clients", clients, 1);
    Checks.inRange("comparableClients", comparableClients, 1, clients);
    Checks.atLeast("sensitivityClients", sensitivityClients, 1);
    varied = List.copyOf(Checks.noNulls("varied", varied));
    horizons = List.copyOf(Checks.nonEmptyNoNulls("horizons", horizons));
    probabilities = List.copyOf(Checks.nonEmptyNoNulls("probabilities", probabilities));
    iconArrays = List.copyOf(Checks.noNulls("iconArrays", iconArrays));
    curve = List.copyOf(Checks.noNulls("curve", curve));
    Objects.requireNonNull(halfImproved, "halfImproved");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(risk, "risk");
    Objects.requireNonNull(engagement, "engagement");
    Objects.requireNonNull(chronic, "chronic");
    Objects.requireNonNull(classes, "classes");
    if (classes.isPresent() != profile.classes().isPresent()) {
      throw new IllegalArgumentException("classes must be present exactly when the profile has"
          + " fitted classes");
    }
    notices = List.copyOf(Checks.noNulls("notices", notices));
    sources = List.copyOf(Checks.noNulls("sources", sources));
    for (int h : horizons) {
      double sum = 0;
      for (Outcome o : Outcome.EXCLUSIVE) {
        sum += probabilities.stream().filter(p -> p.horizon() == h && p.outcome() == o)
            .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + o
                + " probability at session " + h)).estimate();
      }
      if (Math.abs(sum - 1) > 1e-9) {
        throw new IllegalArgumentException("the exclusive outcomes at session " + h
            + " must sum to 1, sum to " + sum);
      }
    }
  }

  /**
   * The probability of an outcome at a horizon.
   *
   * @param outcome the outcome
   * @param horizon the session
   * @return the probability, or empty when the report has none (recovery for an intake below the
   *     cutoff, or a session that is not a horizon)
   */
  public Optional<Probability> probability(Outcome outcome, int horizon) {
    return probabilities.stream().filter(p -> p.outcome() == outcome && p.horizon() == horizon)
        .findFirst();
  }

  /**
   * The icon array of a statement.
   *
   * @param horizon the session
   * @param outcome an outcome the array shows (any of {@link Outcome#EXCLUSIVE} for the main
   *     statement, {@link Outcome#RECOVERY} for the recovery statement)
   * @return the array, or empty when there is none
   */
  public Optional<IconArray> iconArray(int horizon, Outcome outcome) {
    return iconArrays.stream().filter(a -> a.horizon() == horizon && a.legend().contains(outcome))
        .findFirst();
  }
}
