package io.candor.caseload;

import io.candor.change.ChangeContext;
import io.candor.change.ReliableChange;
import io.candor.change.ReliableChangeMethod;
import io.candor.evidence.Citations;
import io.candor.evidence.Statement;
import io.candor.internal.Checks;
import io.candor.measure.Instrument;
import io.candor.measure.MultiScaleInstrument;
import io.candor.measure.Norms;
import io.candor.measure.ScaleScore;
import io.candor.measure.Subscale;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A therapist's wellbeing over time: repeated scores on a {@link MultiScaleInstrument} (ProQOL 5,
 * Copenhagen Burnout Inventory, STSS, MBI) as a trajectory per scale, bands over time, and reliable
 * change per scale by the change package's Jacobson–Truax definition ({@link
 * ReliableChangeMethod#JACOBSON_TRUAX}) from the scale's published reliability and reference SD
 * ({@link Subscale#properties()}); a service's own reference SD can replace the default with
 * {@link #withReference(String, Norms)}.
 *
 * <p>Statements describe scores and changes, with their sources ("Burnout: 31, up 7 points since
 * 2025-03-03; measurement error alone can explain changes of up to 7.6 points"), never the person;
 * the instrument's caveats (for the ProQOL, that it is not diagnostic and that the Burnout and STS
 * scales measure weakly) go with every report.
 *
 * <p>Load beside wellbeing: {@link #report(MultiScaleInstrument, List, List)} adds the therapist's
 * caseload figures by date, with published associations between load and burnout (O'Connor et al.
 * 2018; Kim et al. 2018; Delgadillo et al. 2018) as context, never as a prediction about a person.
 *
 * <p>Immutable and thread-safe; {@code with...} returns a copy.
 */
public final class Wellbeing {

  private final Baseline baseline;
  private final Map<String, Norms> references;

  private Wellbeing(Baseline baseline, Map<String, Norms> references) {
    this.baseline = baseline;
    this.references = references;
  }

  /**
   * Changes measured from the first assessment; each scale's published reference SD.
   *
   * @return the default configuration
   */
  public static Wellbeing withDefaults() {
    return new Wellbeing(Baseline.FIRST, Map.of());
  }

  /**
   * A copy measuring change from this baseline.
   *
   * @param b the first or the previous assessment
   * @return the copy
   */
  public Wellbeing with(Baseline b) {
    return new Wellbeing(Objects.requireNonNull(b, "baseline"), references);
  }

  /**
   * A copy using this reference mean and SD for a scale (for example the SD of a service's own
   * staff survey) instead of the published default.
   *
   * @param scale the scale's id ("BO")
   * @param norms the reference mean and SD, with their source
   * @return the copy
   */
  public Wellbeing withReference(String scale, Norms norms) {
    Checks.nonBlank("scale", scale);
    Objects.requireNonNull(norms, "norms");
    Map<String, Norms> m = new LinkedHashMap<>(references);
    m.put(scale, norms);
    return new Wellbeing(baseline, java.util.Collections.unmodifiableMap(m));
  }

  /**
   * The baseline changes are measured from.
   *
   * @return the baseline
   */
  public Baseline baseline() {
    return baseline;
  }

  /**
   * The reference norms given, by scale id.
   *
   * @return the overrides
   */
  public Map<String, Norms> references() {
    return references;
  }

  /**
   * The report of a history of assessments (any order; the latest is reported, earlier ones give
   * the trajectory and the baseline).
   *
   * @param instrument the instrument the scores are on
   * @param history at least one assessment, one per date
   * @return the report
   * @throws IllegalArgumentException for an empty history, two assessments on one date, scores of
   *     another instrument or a reference override for a scale the instrument lacks
   */
  public WellbeingReport report(MultiScaleInstrument instrument, List<WellbeingAssessment> history) {
    return report(instrument, history, List.of());
  }

  /**
   * The report of a history of assessments with the therapist's load beside it.
   *
   * @param instrument the instrument the scores are on
   * @param history at least one assessment, one per date
   * @param load the therapist's load by date (any order, one per date; may be empty)
   * @return the report; with load, its rows and the published associations as context
   * @throws IllegalArgumentException as {@link #report(MultiScaleInstrument, List)}, or for two
   *     load snapshots on one date
   */
  public WellbeingReport report(MultiScaleInstrument instrument, List<WellbeingAssessment> history,
      List<WorkloadSnapshot> load) {
    Objects.requireNonNull(instrument, "instrument");
    Checks.noNulls("history", history);
    Checks.noNulls("load", load);
    if (history.isEmpty()) {
      throw new IllegalArgumentException("the history has no assessment");
    }
    for (String scale : references.keySet()) {
      instrument.scale(scale);
    }
    TreeMap<LocalDate, WellbeingAssessment> byDate = new TreeMap<>();
    for (WellbeingAssessment a : history) {
      if (!a.scores().instrument().equals(instrument.id())) {
        throw new IllegalArgumentException("the assessment of " + a.date() + " is on "
            + a.scores().instrument() + ", not " + instrument.id());
      }
      if (byDate.put(a.date(), a) != null) {
        throw new IllegalArgumentException("two assessments on " + a.date());
      }
    }
    List<WellbeingAssessment> ordered = new ArrayList<>(byDate.values());
    WellbeingAssessment latest = ordered.get(ordered.size() - 1);
    List<ScaleReport> scales = new ArrayList<>();
    for (ScaleScore now : latest.scores().scales()) {
      scales.add(scale(instrument, instrument.scale(now.scale()), ordered));
    }
    List<LoadRow> rows = load.isEmpty() ? List.of() : loadRows(ordered, load);
    return new WellbeingReport(instrument.id(), latest.date(), ordered.size(), baseline, scales,
        instrument.caveats(), instrument.credit(), rows, load.isEmpty() ? List.of() : CONTEXT);
  }

  private ScaleReport scale(MultiScaleInstrument instrument, Subscale s,
      List<WellbeingAssessment> ordered) {
    List<ScalePoint> points = new ArrayList<>();
    for (WellbeingAssessment a : ordered) {
      a.scores().scale(s.id()).ifPresent(x -> points.add(new ScalePoint(a.date(), x.score(),
          x.band())));
    }
    ScalePoint last = points.get(points.size() - 1);
    Optional<ScalePoint> base = points.size() < 2 ? Optional.empty()
        : Optional.of(baseline == Baseline.FIRST ? points.get(0) : points.get(points.size() - 2));
    Instrument props = withReference(s);
    Optional<ScaleChange> change = Optional.empty();
    if (props.clinicalNorms().isPresent()) {
      ChangeContext ctx = ChangeContext.of(props);
      Norms n = props.clinicalNorms().get();
      double threshold = ReliableChangeMethod.jacobsonTruaxThreshold(n.sd().value(),
          props.reliability().value());
      String basis = String.format(Locale.ROOT, "Jacobson-Truax: 1.96 x SD %s x sqrt(2 x (1 - %s))"
          + " = %.1f points; reliability %s, SD %s", Checks.fmt(n.sd().value()),
          Checks.fmt(props.reliability().value()), threshold, props.reliability(), n.sd());
      change = Optional.of(new ScaleChange(threshold, basis, base.map(ScalePoint::date),
          base.map(b -> ReliableChangeMethod.JACOBSON_TRUAX.assess(b.score(), last.score(), ctx))));
    }
    Optional<String> range = last.band().map(label ->
        s.bandRange(s.bands().orElseThrow().labels().indexOf(label)));
    return new ScaleReport(s.id(), s.name(), last.score(), last.band(), range, change, points,
        statement(instrument, s, last, base, range, change));
  }

  /** The scale's properties with the reference norms given for it, if any. */
  private Instrument withReference(Subscale s) {
    Norms given = references.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(s.id())).map(Map.Entry::getValue).findFirst()
        .orElse(null);
    return given == null ? s.properties() : s.properties().toBuilder().clinicalNorms(given).build();
  }

  private static String statement(MultiScaleInstrument instrument, Subscale s, ScalePoint last,
      Optional<ScalePoint> base, Optional<String> range, Optional<ScaleChange> change) {
    StringBuilder sb = new StringBuilder();
    sb.append(s.name()).append(" score: ").append(fmt(last.score()));
    last.band().ifPresent(b -> sb.append(", in the ").append(b).append(" band (")
        .append(range.orElseThrow()).append(')'));
    sb.append('.');
    if (base.isPresent()) {
      double d = last.score() - base.get().score();
      sb.append(' ').append(d == 0 ? "Unchanged" : d > 0 ? "Up " + fmt(d) + " points"
          : "Down " + fmt(-d) + " points").append(" since ").append(base.get().date())
          .append(" (").append(fmt(base.get().score())).append(")");
      if (change.isPresent()) {
        ReliableChange rc = change.get().assessment().orElseThrow();
        sb.append("; measurement error alone can explain changes of up to ")
            .append(fmt(change.get().threshold())).append(" points, so ")
            .append(rc.unchanged() ? "this is within what measurement error alone can produce."
                : "this change is larger than measurement error alone would produce.");
      } else {
        sb.append("; without a reference SD for this scale Candor cannot say how much of it"
            + " measurement error could explain.");
      }
    } else if (change.isPresent()) {
      sb.append(" A later score would need to differ by ").append(fmt(change.get().threshold()))
          .append(" points or more to be larger than measurement error alone.");
    }
    if (s.bands().isPresent()) {
      sb.append(" Bands describe the score, not the person (").append(instrument.id())
          .append(").");
    }
    return sb.toString();
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Checks.fmt(v) : String.format(Locale.ROOT, "%.1f", v);
  }

  private static List<LoadRow> loadRows(List<WellbeingAssessment> ordered,
      List<WorkloadSnapshot> load) {
    TreeMap<LocalDate, WorkloadSnapshot> byDate = new TreeMap<>();
    for (WorkloadSnapshot w : load) {
      if (byDate.put(w.date(), w) != null) {
        throw new IllegalArgumentException("two load snapshots on " + w.date());
      }
    }
    TreeMap<LocalDate, Map<String, Double>> scores = new TreeMap<>();
    for (WellbeingAssessment a : ordered) {
      Map<String, Double> m = new LinkedHashMap<>();
      for (ScaleScore s : a.scores().scales()) {
        m.put(s.scale(), s.score());
      }
      scores.put(a.date(), m);
    }
    java.util.TreeSet<LocalDate> dates = new java.util.TreeSet<>(Comparator.naturalOrder());
    dates.addAll(byDate.keySet());
    dates.addAll(scores.keySet());
    List<LoadRow> rows = new ArrayList<>();
    for (LocalDate d : dates) {
      rows.add(new LoadRow(d, Optional.ofNullable(byDate.get(d)),
          scores.getOrDefault(d, Map.of())));
    }
    return rows;
  }

  /** Published associations between load and burnout, shown as context only. */
  static final List<Statement> CONTEXT = List.of(
      Statement.primary("In a meta-analysis of mental-health professionals, about 40 % reported"
          + " high emotional exhaustion; workload and relationships at work were key determinants,"
          + " autonomy and fair treatment protective.", Citations.OCONNOR_2018),
      Statement.primary("Among about 730 community child-mental-health therapists, weekly hours,"
          + " caseload and the number of practices delivered went with more emotional exhaustion.",
          Citations.KIM_2018),
      Statement.primary("In 49 therapists of English psychological therapy services, therapists'"
          + " disengagement (a burnout dimension) and low job satisfaction explained part of the"
          + " about 5 % of outcome variance that lies between therapists.",
          Citations.DELGADILLO_2018),
      Statement.assumption("These associations describe groups of therapists. They are context"
          + " for reading load and wellbeing side by side, not a prediction about any one person.",
          Citations.OCONNOR_2018));

  @Override
  public boolean equals(Object o) {
    return o instanceof Wellbeing w && baseline == w.baseline && references.equals(w.references);
  }

  @Override
  public int hashCode() {
    return Objects.hash(baseline, references);
  }

  @Override
  public String toString() {
    return "Wellbeing[baseline " + baseline + ", reference overrides " + references.keySet() + "]";
  }
}
