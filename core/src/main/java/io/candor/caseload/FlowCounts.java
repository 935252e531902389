package io.candor.caseload;

/**
 * Integer counts of a caseload run, summed over therapists: weekly series and the composition
 * window's totals. Every field is an integer, so merging is exact in any order and a run does not
 * depend on how therapists were spread over threads.
 *
 * <p>Not thread-safe: one per worker, merged at the end.
 */
final class FlowCounts {

  static final int COURSES = 3;
  /** Outcome groups of the composition: improved, not improved, dropped out. */
  static final int GROUPS = 3;

  final int weeks;
  final long[] referrals;
  final long[] admissions;
  final long[] waiting;
  final long[] caseload;
  final long[] sessions;
  final long[] traumaSessions;
  final long[] chronic;
  final long[] evaluable;
  final long[] notOnTrack;
  final long[] reliablyWorse;
  final long[][] discharges = new long[Outcome.values().length][];

  // composition window [warmUp, weeks − longest episode)
  final long[] standingByCourse = new long[COURSES];
  final long[] startedByCourse = new long[COURSES];
  final long[] weeksByCourse = new long[COURSES];
  final long[] standingByGroup = new long[GROUPS];
  final long[] startedByGroup = new long[GROUPS];
  final long[] weeksByGroup = new long[GROUPS];
  long stillInTreatment;
  long stillWaiting;

  FlowCounts(int weeks) {
    this.weeks = weeks;
    referrals = new long[weeks];
    admissions = new long[weeks];
    waiting = new long[weeks];
    caseload = new long[weeks];
    sessions = new long[weeks];
    traumaSessions = new long[weeks];
    chronic = new long[weeks];
    evaluable = new long[weeks];
    notOnTrack = new long[weeks];
    reliablyWorse = new long[weeks];
    for (int o = 0; o < discharges.length; o++) {
      discharges[o] = new long[weeks];
    }
  }

  void merge(FlowCounts o) {
    add(referrals, o.referrals);
    add(admissions, o.admissions);
    add(waiting, o.waiting);
    add(caseload, o.caseload);
    add(sessions, o.sessions);
    add(traumaSessions, o.traumaSessions);
    add(chronic, o.chronic);
    add(evaluable, o.evaluable);
    add(notOnTrack, o.notOnTrack);
    add(reliablyWorse, o.reliablyWorse);
    for (int i = 0; i < discharges.length; i++) {
      add(discharges[i], o.discharges[i]);
    }
    add(standingByCourse, o.standingByCourse);
    add(startedByCourse, o.startedByCourse);
    add(weeksByCourse, o.weeksByCourse);
    add(standingByGroup, o.standingByGroup);
    add(startedByGroup, o.startedByGroup);
    add(weeksByGroup, o.weeksByGroup);
    stillInTreatment += o.stillInTreatment;
    stillWaiting += o.stillWaiting;
  }

  private static void add(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      a[i] += b[i];
    }
  }
}
