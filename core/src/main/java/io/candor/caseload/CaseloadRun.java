package io.candor.caseload;

import io.candor.domain.Course;
import io.candor.internal.Checks;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of {@link CaseloadModel#simulate(long, int, int, int)}: the weekly series (means per
 * therapist and pooled shares) and the composition of the standing caseload against the referral
 * mix.
 *
 * <p>Immutable and thread-safe.
 *
 * @param seed the seed of the run
 * @param therapists number of therapists simulated
 * @param instrument the instrument clients were scored on
 * @param model the model's settings in words ({@link CaseloadModel#toString()})
 * @param weeks one entry per week
 * @param composition the composition of the standing caseload; empty when the run is too short
 *     for a window (warm-up plus the longest episode)
 * @param stillInTreatment clients in treatment at the end, per therapist
 * @param stillWaiting clients on the waiting list at the end, per therapist
 */
public record CaseloadRun(
    long seed,
    int therapists,
    String instrument,
    String model,
    List<CaseloadWeek> weeks,
    Optional<Composition> composition,
    double stillInTreatment,
    double stillWaiting) {

  /**
   * Validates the components.
   *
   * @param seed the seed of the run
   * @param therapists number of therapists simulated
   * @param instrument the instrument clients were scored on
   * @param model the model's settings in words ({@link CaseloadModel#toString()})
   * @param weeks one entry per week
   * @param composition the composition of the standing caseload; empty when the run is too short
   *     for a window (warm-up plus the longest episode)
   * @param stillInTreatment clients in treatment at the end, per therapist
   * @param stillWaiting clients on the waiting list at the end, per therapist
   */
  public CaseloadRun {
    Checks.atLeast("therapists", therapists, 1);
    Checks.nonBlank("instrument", instrument);
    Checks.nonBlank("model", model);
    weeks = List.copyOf(Checks.nonEmptyNoNulls("weeks", weeks));
    Objects.requireNonNull(composition, "composition");
    Checks.nonNegative("stillInTreatment", stillInTreatment);
    Checks.nonNegative("stillWaiting", stillWaiting);
  }

  static CaseloadRun of(CaseloadModel model, long seed, int therapists, int weeks,
      FlowCounts c) {
    double n = therapists;
    List<CaseloadWeek> series = new ArrayList<>(weeks);
    for (int w = 0; w < weeks; w++) {
      Map<Outcome, Double> d = new EnumMap<>(Outcome.class);
      for (Outcome o : Outcome.values()) {
        d.put(o, c.discharges[o.ordinal()][w] / n);
      }
      series.add(new CaseloadWeek(w, c.referrals[w] / n, c.admissions[w] / n, c.waiting[w] / n,
          c.caseload[w] / n, c.sessions[w] / n, c.traumaSessions[w] / n,
          share(c.chronic[w], c.caseload[w]), share(c.notOnTrack[w], c.evaluable[w]),
          share(c.reliablyWorse[w], c.evaluable[w]), d));
    }
    int from = model.warmUpWeeks();
    int to = weeks - model.maximumSessions() * model.sessionInterval();
    Optional<Composition> composition = to > from ? composition(c, from, to) : Optional.empty();
    return new CaseloadRun(seed, therapists, model.scenario().instrument(), model.toString(),
        series, composition, c.stillInTreatment / n, c.stillWaiting / n);
  }

  private static OptionalDouble share(long part, long whole) {
    return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
  }

  private static Optional<Composition> composition(FlowCounts c, int from, int to) {
    long started = sum(c.startedByCourse);
    if (started == 0 || sum(c.standingByCourse) == 0) {
      return Optional.empty();
    }
    String[] courseNames = new String[FlowCounts.COURSES];
    for (Course k : Course.values()) {
      courseNames[k.ordinal()] = k.name().toLowerCase(Locale.ROOT);
    }
    List<CompositionRow> courses = rows(courseNames, c.startedByCourse, c.standingByCourse,
        c.weeksByCourse);
    List<CompositionRow> outcomes = rows(
        new String[] {"reliably improved", "not reliably improved", "dropped out"},
        c.startedByGroup, c.standingByGroup, c.weeksByGroup);
    return Optional.of(new Composition(from, to, started, courses, outcomes,
        statement(courses, outcomes)));
  }

  private static List<CompositionRow> rows(String[] names, long[] started, long[] standing,
      long[] weeks) {
    long s = sum(started);
    long l = sum(standing);
    double[] share = new double[names.length];
    double[] mean = new double[names.length];
    boolean allMeans = true;
    for (int k = 0; k < names.length; k++) {
      share[k] = s == 0 ? 0 : (double) started[k] / s;
      mean[k] = started[k] == 0 ? Double.NaN : (double) weeks[k] / started[k];
      allMeans &= started[k] > 0;
    }
    double[] little = null;
    if (allMeans) {
      little = LittlesLaw.standingShares(share, mean);
    }
    List<CompositionRow> out = new ArrayList<>();
    for (int k = 0; k < names.length; k++) {
      out.add(new CompositionRow(names[k], share[k], l == 0 ? 0 : (double) standing[k] / l,
          started[k] == 0 ? OptionalDouble.empty() : OptionalDouble.of(mean[k]),
          little == null ? OptionalDouble.empty() : OptionalDouble.of(little[k])));
    }
    return out;
  }

  private static long sum(long[] a) {
    long s = 0;
    for (long v : a) {
      s += v;
    }
    return s;
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * share);
  }

  private static String weeks(OptionalDouble w) {
    return w.isPresent() ? String.format(Locale.ROOT, "%.1f weeks", w.getAsDouble()) : "n/a";
  }

  private static String statement(List<CompositionRow> courses, List<CompositionRow> outcomes) {
    CompositionRow chronic = courses.get(Course.CHRONIC.ordinal());
    CompositionRow improved = outcomes.get(0);
    CompositionRow notImproved = outcomes.get(1);
    StringBuilder sb = new StringBuilder();
    sb.append("Of the clients who started treatment, ").append(pct(chronic.started()))
        .append(" had a chronic course; on an average week ").append(pct(chronic.standing()))
        .append(" of the caseload did");
    chronic.littlesLaw().ifPresent(v -> sb.append(" (Little's law predicts ").append(pct(v))
        .append(" from the mean stays)"));
    sb.append(". ").append(pct(notImproved.started()))
        .append(" of those who started ended treatment without reliable improvement, but they"
            + " were ").append(pct(notImproved.standing()))
        .append(" of the standing caseload: clients who improve leave sooner (")
        .append(weeks(improved.meanWeeks())).append(" in treatment on average, against ")
        .append(weeks(notImproved.meanWeeks())).append("). ")
        .append("What a therapist sees every week is harder than what is referred. That follows"
            + " from how clients flow through a caseload, not from the therapist's work.");
    return sb.toString();
  }
}
