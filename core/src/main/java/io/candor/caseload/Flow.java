package io.candor.caseload;

import io.candor.domain.Course;
import io.candor.progress.PreparedCurve;
import io.candor.simulation.Arm;
import io.candor.simulation.ClientPaths;
import io.candor.simulation.Scenario;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One therapist's caseload played week by week (see {@link CaseloadModel} for the rules). Reuses
 * its buffers from therapist to therapist.
 *
 * <p>Not thread-safe: one per worker thread.
 */
final class Flow {

  private static final int IMPROVED = 0;
  private static final int NOT_IMPROVED = 1;
  private static final int DROPPED_OUT = 2;

  private final CaseloadModel model;
  private final Events events;
  private final PreparedCurve[] curves;
  private final ClientPaths paths;
  private final long seed;
  private final int weeks;
  private final double min;
  private final double resolution;
  private final int windowEnd;
  private final ArrayDeque<Client> waiting = new ArrayDeque<>();
  private final List<Client> active = new ArrayList<>();
  private final int[] load;

  /** A referred client: the simulated path and the caseload's bookkeeping. */
  private static final class Client {
    double[] scores;
    int attended;
    int dropout;
    Course course;
    boolean trauma;
    PreparedCurve curve;
    int started;
    int slot;
    int done;
    boolean recoveredLast;
    boolean notOnTrack;
    boolean worse;
    int windowWeeks;
  }

  Flow(CaseloadModel model, Scenario scenario, Events events, PreparedCurve[] curves, long seed,
      int weeks) {
    this.model = model;
    this.events = events;
    this.curves = curves;
    this.paths = ClientPaths.of(scenario);
    this.seed = seed;
    this.weeks = weeks;
    this.min = events.instrument.minScore();
    this.resolution = events.instrument.resolution();
    this.windowEnd = weeks - model.maximumSessions() * model.sessionInterval();
    this.load = new int[model.sessionInterval()];
  }

  void run(int therapist, FlowCounts counts) {
    waiting.clear();
    active.clear();
    java.util.Arrays.fill(load, 0);
    UniformRandomProvider rng = Streams.stream(seed, Streams.REFERRALS, therapist);
    Referrals.Sampler sampler = model.referrals().sampler(rng);
    long clientSeed = Streams.seed(seed, Streams.CLIENTS, therapist);
    int warmUp = model.warmUpWeeks();
    int interval = model.sessionInterval();
    int capacity = model.capacity();
    long nextIndex = 0;
    for (int w = 0; w < weeks; w++) {
      int r = sampler.draw(w);
      counts.referrals[w] += r;
      for (int i = 0; i < r; i++) {
        Client c = new Client();
        paths.generate(clientSeed, nextIndex++, Arm.TREATED);
        c.attended = paths.attended();
        c.scores = new double[c.attended];
        for (int s = 0; s < c.attended; s++) {
          c.scores[s] = paths.score(s);
        }
        c.dropout = paths.dropoutSession().orElse(-1);
        c.course = paths.course();
        c.trauma = rng.nextDouble() < model.traumaShare();
        c.curve = curves[(int) Math.round((c.scores[0] - min) / resolution)];
        waiting.add(c);
      }
      int slot = w % interval;
      while (!waiting.isEmpty() && load[slot] < capacity) {
        Client c = waiting.poll();
        c.started = w;
        c.slot = slot;
        load[slot]++;
        active.add(c);
        counts.admissions[w]++;
        if (w >= warmUp && w < windowEnd) {
          counts.startedByCourse[c.course.ordinal()]++;
        }
      }
      for (int i = active.size() - 1; i >= 0; i--) {
        Client c = active.get(i);
        if (c.slot == slot && session(c, w, counts)) {
          load[slot]--;
          active.set(i, active.get(active.size() - 1));
          active.remove(active.size() - 1);
        }
      }
      counts.waiting[w] += waiting.size();
      counts.caseload[w] += active.size();
      boolean inWindow = w >= warmUp && w < windowEnd;
      for (Client c : active) {
        if (c.course == Course.CHRONIC) {
          counts.chronic[w]++;
        }
        if (c.done >= 2) {
          counts.evaluable[w]++;
          if (c.notOnTrack) {
            counts.notOnTrack[w]++;
          }
          if (c.worse) {
            counts.reliablyWorse[w]++;
          }
        }
        if (inWindow) {
          counts.standingByCourse[c.course.ordinal()]++;
          c.windowWeeks++;
        }
      }
    }
    counts.stillInTreatment += active.size();
    counts.stillWaiting += waiting.size();
  }

  /** The client's session this week; true when the client is discharged. */
  private boolean session(Client c, int w, FlowCounts counts) {
    int s = c.done;
    if (s == c.dropout) {
      discharge(c, w, Outcome.DROPOUT, false, counts);
      return true;
    }
    double y = c.scores[s];
    counts.sessions[w]++;
    if (c.trauma) {
      counts.traumaSessions[w]++;
    }
    c.done++;
    if (s == 0) {
      return false;
    }
    double intake = c.scores[0];
    boolean improved = events.improved(intake, y);
    boolean recovered = improved && events.recovered(intake, y);
    c.worse = events.deteriorated(intake, y);
    c.notOnTrack = !c.curve.evaluate(s, y).onTrack();
    boolean recoveredBefore = c.recoveredLast;
    c.recoveredLast = recovered;
    boolean end = switch (model.recoveryDischarge()) {
      case AT_RECOVERY -> recovered;
      case AT_SUSTAINED_RECOVERY -> recovered && recoveredBefore;
      case NEVER -> false;
    };
    if (!end && s == model.plannedSessions()) {
      end = model.extension() == Extension.NONE || improved;
    }
    if (!end && s >= model.maximumSessions()) {
      end = true;
    }
    if (end) {
      discharge(c, w, events.outcome(intake, y), recovered, counts);
    }
    return end;
  }

  private void discharge(Client c, int w, Outcome outcome, boolean recovered, FlowCounts counts) {
    counts.discharges[outcome.ordinal()][w]++;
    if (recovered) {
      counts.discharges[Outcome.RECOVERY.ordinal()][w]++;
    }
    int group = outcome == Outcome.DROPOUT ? DROPPED_OUT
        : outcome == Outcome.RELIABLE_IMPROVEMENT ? IMPROVED : NOT_IMPROVED;
    counts.standingByGroup[group] += c.windowWeeks;
    if (c.started >= model.warmUpWeeks() && c.started < windowEnd) {
      counts.startedByGroup[group]++;
      counts.weeksByGroup[group] += w - c.started;
      counts.weeksByCourse[c.course.ordinal()] += w - c.started;
    }
  }
}
