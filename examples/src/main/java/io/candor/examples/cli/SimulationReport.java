package io.candor.examples.cli;

import io.candor.simulation.SimulationSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What {@code candor simulate --summary} writes with {@code --json}: the run and the summary's
 * rates, overall and by session. A rate with no one to count (no client observed at a session) is
 * absent ({@code null}).
 *
 * @param instrument the instrument's id
 * @param arm the arm ({@code treated} or {@code waitlist})
 * @param seed the seed
 * @param clients number of simulated clients
 * @param lastSession the last session of the scenario
 * @param dropoutRate share of clients who dropped out
 * @param deteriorationRate share reliably worse at their last observation
 * @param improvedAtEndRate share reliably improved at their last observation
 * @param reliableRecoveryRate share reliably recovered at their last observation
 * @param suddenGainRate share of evaluable clients with a sudden gain
 * @param suddenLossRate share of evaluable clients with a sudden loss
 * @param bySession the rates at each session
 */
public record SimulationReport(
    String instrument,
    String arm,
    long seed,
    long clients,
    int lastSession,
    OptionalDouble dropoutRate,
    OptionalDouble deteriorationRate,
    OptionalDouble improvedAtEndRate,
    OptionalDouble reliableRecoveryRate,
    OptionalDouble suddenGainRate,
    OptionalDouble suddenLossRate,
    List<Session> bySession) {

  /**
   * Validates the components.
   *
   * @param instrument the instrument's id
   * @param arm the arm ({@code treated} or {@code waitlist})
   * @param seed the seed
   * @param clients number of simulated clients
   * @param lastSession the last session of the scenario
   * @param dropoutRate share of clients who dropped out
   * @param deteriorationRate share reliably worse at their last observation
   * @param improvedAtEndRate share reliably improved at their last observation
   * @param reliableRecoveryRate share reliably recovered at their last observation
   * @param suddenGainRate share of evaluable clients with a sudden gain
   * @param suddenLossRate share of evaluable clients with a sudden loss
   * @param bySession the rates at each session
   */
  public SimulationReport {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(arm, "arm");
    bySession = List.copyOf(bySession);
  }

  /**
   * The summary at one session.
   *
   * @param session the session
   * @param observed clients observed at it
   * @param dropouts clients whose last session it was, having dropped out
   * @param meanScore mean observed score
   * @param caseRate share of observed clients in the clinical range
   * @param reliablyImproved share of observed clients reliably improved since intake
   * @param improvedByKaplanMeier Kaplan-Meier share reliably improved by this session
   */
  public record Session(
      int session,
      long observed,
      long dropouts,
      OptionalDouble meanScore,
      OptionalDouble caseRate,
      OptionalDouble reliablyImproved,
      OptionalDouble improvedByKaplanMeier) {}

  /** The report of a summary; rates with no one to count are absent. */
  static SimulationReport of(SimulationSummary s, long seed) {
    List<Session> rows = new ArrayList<>(s.lastSession() + 1);
    for (int t = 0; t <= s.lastSession(); t++) {
      rows.add(new Session(t, s.observedAt(t), s.dropoutsAt(t), s.meanScoreAt(t),
          s.caseRateAt(t), s.reliablyImprovedAt(t), OptionalDouble.of(s.improvedBy(t))));
    }
    return new SimulationReport(s.instrument(), CliText.word(s.arm()), seed, s.clients(),
        s.lastSession(), OptionalDouble.of(s.dropoutRate()), s.deteriorationRate(),
        s.improvedAtEndRate(), s.reliableRecoveryRate(), s.suddenGainRate(), s.suddenLossRate(),
        rows);
  }
}
