package io.candor.change;

import io.candor.internal.Checks;
import io.candor.measure.Instrument;
import io.candor.measure.Norms;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Everything a reliable-change method and a clinical-significance cutoff need besides the client's
 * own pre and post scores: the instrument (range, direction, reliability, norms, caseness cutoff),
 * optionally the statistics of the cohort the client belongs to, and the cutoff type.
 *
 * <p>Where the figures come from:
 *
 * <ul>
 *   <li>pre-treatment mean and SD ({@code M_pre}, {@code SD_pre}): the cohort's when one is given
 *       (as the {@code clinicalsignificance} R package does), otherwise the instrument's clinical
 *       norms;
 *   <li>post-treatment mean and SD and the pre–post correlation: the cohort's only (Hsu–Linn–Lord
 *       and Hageman–Arrindell cannot be used without a cohort);
 *   <li>the clinical population for cutoffs a and c: the same as the pre-treatment statistics; the
 *       functional population: the instrument's functional norms;
 *   <li>reliability: the instrument's, unless replaced with {@link #withReliability(double)}; the
 *       post-treatment reliability (used by NK only) equals it unless set with {@link
 *       #withPostReliability(double)};
 *   <li>critical values: each method's {@link ReliableChangeMethod#defaultCriticalValue()} (from
 *       its primary source), unless set with {@link #withCriticalValue(ReliableChangeMethod,
 *       double)} or {@link #withSignificance(double)}.
 * </ul>
 *
 * <p>A method whose inputs are missing fails with an {@link IllegalStateException} naming what is
 * missing; {@link ReliableChangeMethod#missingInputs(ChangeContext)} asks without failing.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument the instrument the scores are on
 * @param reliability reliability used for the standard errors, in (0, 1)
 * @param postReliability post-treatment reliability (NK only), in (0, 1)
 * @param cohort statistics of the cohort, if known
 * @param cutoffType which clinical-significance cutoff to use
 * @param criticalValues critical values chosen for some methods (each &gt; 0 and finite); methods
 *     not in the map use their {@link ReliableChangeMethod#defaultCriticalValue()}
 */
public record ChangeContext(
    Instrument instrument,
    double reliability,
    double postReliability,
    Optional<ReferenceStatistics> cohort,
    CutoffType cutoffType,
    Map<ReliableChangeMethod, Double> criticalValues) {

  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  /**
   * Validates the components and copies the map.
   *
   * @param instrument see the record description
   * @param reliability see the record description
   * @param postReliability see the record description
   * @param cohort see the record description
   * @param cutoffType see the record description
   * @param criticalValues see the record description
   */
  public ChangeContext {
    Objects.requireNonNull(instrument, "instrument");
    Checks.openUnit("reliability", reliability);
    Checks.openUnit("postReliability", postReliability);
    Objects.requireNonNull(cohort, "cohort");
    Objects.requireNonNull(cutoffType, "cutoffType");
    Objects.requireNonNull(criticalValues, "criticalValues");
    EnumMap<ReliableChangeMethod, Double> copy = new EnumMap<>(ReliableChangeMethod.class);
    for (Map.Entry<ReliableChangeMethod, Double> e : criticalValues.entrySet()) {
      ReliableChangeMethod m = Objects.requireNonNull(e.getKey(), "criticalValues method");
      copy.put(m, checkCritical(m, Objects.requireNonNull(e.getValue(), "critical value")));
    }
    criticalValues = Collections.unmodifiableMap(copy);
  }

  private static double checkCritical(ReliableChangeMethod m, double z) {
    if (!(z > 0) || !Double.isFinite(z)) {
      throw new IllegalArgumentException("critical value of " + m.abbreviation()
          + " must be > 0 and finite, was " + z);
    }
    return z;
  }

  /**
   * A context using only the instrument's published figures, with the default cutoff: c when the
   * instrument has clinical and functional norms, otherwise its caseness cutoff when it has one,
   * otherwise b when it has functional norms only (Jacobson &amp; Truax 1991: b is the cutoff
   * when the clinical distribution is unknown), otherwise a.
   *
   * @param instrument the instrument
   * @return the context
   */
  public static ChangeContext of(Instrument instrument) {
    Objects.requireNonNull(instrument, "instrument");
    double r = instrument.reliability().value();
    return new ChangeContext(instrument, r, r, Optional.empty(), defaultCutoff(instrument, false),
        Map.of());
  }

  /**
   * A context for a cohort of paired scores: the cohort's statistics replace the instrument's clinical
   * norms, as in the {@code clinicalsignificance} R package.
   *
   * @param instrument the instrument
   * @param cohort the cohort's pre and post statistics
   * @return the context
   */
  public static ChangeContext ofCohort(Instrument instrument, ReferenceStatistics cohort) {
    return of(instrument).withCohort(cohort);
  }

  private static CutoffType defaultCutoff(Instrument instrument, boolean haveCohort) {
    boolean clinical = haveCohort || instrument.clinicalNorms().isPresent();
    if (clinical && instrument.functionalNorms().isPresent()) {
      return CutoffType.C;
    }
    if (instrument.casenessCutoff().isPresent()) {
      return CutoffType.CASENESS;
    }
    // b needs only the functional norms; a would need clinical statistics we do not have
    return instrument.functionalNorms().isPresent() && !clinical ? CutoffType.B : CutoffType.A;
  }

  /**
   * A copy using the cohort's statistics. A cutoff type chosen with {@link #with(CutoffType)}
   * is kept; if the cutoff is still the instrument's default without a cohort, it becomes the
   * default with one (c when the instrument has functional norms).
   *
   * @param stats the cohort's statistics
   * @return the copy
   */
  public ChangeContext withCohort(ReferenceStatistics stats) {
    Objects.requireNonNull(stats, "cohort");
    CutoffType type =
        cutoffType == defaultCutoff(instrument, cohort.isPresent())
            ? defaultCutoff(instrument, true)
            : cutoffType;
    return new ChangeContext(instrument, reliability, postReliability, Optional.of(stats), type,
        criticalValues);
  }

  /**
   * A copy with another cutoff type.
   *
   * @param type the type to read
   * @return the copy
   */
  public ChangeContext with(CutoffType type) {
    return new ChangeContext(instrument, reliability, postReliability, cohort, type,
        criticalValues);
  }

  /**
   * A copy with another reliability (the post-treatment reliability follows it).
   *
   * @param r the reliability, in (0, 1)
   * @return the copy
   */
  public ChangeContext withReliability(double r) {
    return new ChangeContext(instrument, r, r, cohort, cutoffType, criticalValues);
  }

  /**
   * A copy with another post-treatment reliability (NK method only).
   *
   * @param r the post-treatment reliability, in (0, 1)
   * @return the copy
   */
  public ChangeContext withPostReliability(double r) {
    return new ChangeContext(instrument, reliability, r, cohort, cutoffType, criticalValues);
  }

  /**
   * A copy in which {@code method} uses critical value {@code z} (for its reliable-change index
   * and, for Hageman–Arrindell, its individual cutoff index); other methods keep theirs.
   *
   * @param method the method
   * @param z the critical value, &gt; 0 and finite
   * @return the copy
   * @throws IllegalArgumentException if {@code z} is not positive and finite
   */
  public ChangeContext withCriticalValue(ReliableChangeMethod method, double z) {
    Objects.requireNonNull(method, "method");
    checkCritical(method, z);
    EnumMap<ReliableChangeMethod, Double> m = new EnumMap<>(ReliableChangeMethod.class);
    m.putAll(criticalValues);
    m.put(method, z);
    return new ChangeContext(instrument, reliability, postReliability, cohort, cutoffType, m);
  }

  /**
   * A copy in which every method's critical value comes from the significance level {@code alpha}
   * with exact standard-normal quantiles: {@code Φ⁻¹(1 − alpha/2)} (two-tailed) for all methods
   * but Hageman–Arrindell, which uses {@code Φ⁻¹(1 − alpha)} (one-tailed), as the {@code
   * clinicalsignificance} R package does with {@code significance_level}. {@code
   * withSignificance(0.05)} gives 1.959964 and 1.644854 and reproduces that package's defaults.
   *
   * @param alpha the significance level, in (0, 1)
   * @return the copy
   * @throws IllegalArgumentException if {@code alpha} is not in (0, 1)
   */
  public ChangeContext withSignificance(double alpha) {
    Checks.openUnit("alpha (significance level)", alpha);
    EnumMap<ReliableChangeMethod, Double> m = new EnumMap<>(ReliableChangeMethod.class);
    for (ReliableChangeMethod method : ReliableChangeMethod.values()) {
      double p = method.oneTailed() ? 1 - alpha : 1 - alpha / 2;
      m.put(method, STANDARD.inverseCumulativeProbability(p));
    }
    return new ChangeContext(instrument, reliability, postReliability, cohort, cutoffType, m);
  }

  /**
   * The critical value {@code method} uses in this context: the one set with {@link
   * #withCriticalValue} or {@link #withSignificance}, else the method's default.
   *
   * @param method the method
   * @return the critical value (&gt; 0)
   */
  public double criticalValue(ReliableChangeMethod method) {
    Objects.requireNonNull(method, "method");
    Double z = criticalValues.get(method);
    return z != null ? z : method.defaultCriticalValue().value();
  }

  /**
   * Whether the pre-treatment mean and SD are known (cohort or clinical norms).
   *
   * @return whether the pre-treatment mean and SD are known (cohort or clinical norms)
   */
  public boolean hasPreStatistics() {
    return cohort.isPresent() || instrument.clinicalNorms().isPresent();
  }

  /**
   * Pre-treatment mean: cohort, else clinical norms.
   *
   * @return the pre-treatment mean
   */
  public double preMean() {
    return cohort.map(ReferenceStatistics::preMean).orElseGet(() -> clinical("mean").mean().value());
  }

  /**
   * Pre-treatment SD: cohort, else clinical norms.
   *
   * @return the pre-treatment SD
   */
  public double preSd() {
    return cohort.map(ReferenceStatistics::preSd).orElseGet(() -> clinical("SD").sd().value());
  }

  /**
   * Post-treatment mean (cohort only).
   *
   * @return the post-treatment mean
   */
  public double postMean() {
    return cohortOrThrow("post-treatment mean").postMean();
  }

  /**
   * Post-treatment SD (cohort only).
   *
   * @return the post-treatment SD
   */
  public double postSd() {
    return cohortOrThrow("post-treatment SD").postSd();
  }

  /**
   * Pre–post correlation (cohort only).
   *
   * @return the pre–post correlation
   */
  public double correlation() {
    return cohortOrThrow("pre-post correlation").correlation();
  }

  /**
   * Functional norms (required by cutoffs b and c).
   *
   * @return the functional norms
   */
  public Norms functionalNorms() {
    return instrument
        .functionalNorms()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    instrument.id() + " has no functional norms, which cutoff " + cutoffType
                        + " needs; " + cutoffAdvice()));
  }

  /**
   * What the context's cutoff type needs but the context lacks, or empty when {@link
   * ClinicalCutoff#of(ChangeContext) the cutoff} can be computed.
   *
   * @return a sentence naming what is missing and which cutoffs are available
   */
  public Optional<String> missingCutoffInputs() {
    if (computableCutoffs().contains(cutoffType)) {
      return Optional.empty();
    }
    String need = switch (cutoffType) {
      case A -> "the clinical mean and SD (no clinical norms and no cohort statistics)";
      case B -> "functional norms";
      case C -> "the clinical mean and SD and functional norms";
      case CASENESS -> "a caseness cutoff";
    };
    return Optional.of("cutoff " + cutoffType + " needs " + need + ", which " + instrument.id()
        + " lacks here; " + cutoffAdvice());
  }

  /** The cutoff types that can be computed from what this context knows, in enum order. */
  List<CutoffType> computableCutoffs() {
    boolean pre = hasPreStatistics();
    boolean functional = instrument.functionalNorms().isPresent();
    List<CutoffType> out = new ArrayList<>();
    if (pre) {
      out.add(CutoffType.A);
    }
    if (functional) {
      out.add(CutoffType.B);
    }
    if (pre && functional) {
      out.add(CutoffType.C);
    }
    if (instrument.casenessCutoff().isPresent()) {
      out.add(CutoffType.CASENESS);
    }
    return out;
  }

  /** Advice for a cutoff that cannot be computed: the ones that can, or what would make one. */
  String cutoffAdvice() {
    List<CutoffType> ok = computableCutoffs();
    return ok.isEmpty()
        ? "no cutoff can be computed for " + instrument.id() + " without cohort statistics"
        : "cutoffs available for " + instrument.id() + " here: "
            + String.join(", ", ok.stream().map(CutoffType::name).toList())
            + (hasPreStatistics()
                ? ""
                : " (cohort statistics would add A"
                    + (instrument.functionalNorms().isPresent() ? " and C)" : ")"));
  }

  /**
   * Where the statistics come from, one line per figure, for reports.
   *
   * @return where the statistics come from, one line per figure, for reports
   */
  public List<String> sources() {
    List<String> out = new ArrayList<>();
    out.add("reliability "
        + (reliability == instrument.reliability().value()
            ? instrument.reliability().toString() : Checks.fmt(reliability) + " (given)"));
    if (cohort.isPresent()) {
      ReferenceStatistics c = cohort.get();
      out.add("pre/post mean and SD and pre-post correlation from the cohort (n = " + c.n() + ")");
    } else {
      instrument
          .clinicalNorms()
          .ifPresent(n -> out.add("clinical mean " + n.mean() + ", SD " + n.sd()));
    }
    instrument
        .functionalNorms()
        .ifPresent(n -> out.add("functional mean " + n.mean() + ", SD " + n.sd()));
    instrument.casenessCutoff().ifPresent(c -> out.add("caseness cutoff " + c));
    criticalValues.forEach((m, z) -> out.add("critical value of " + m.abbreviation() + " "
        + Checks.fmt(z) + " (given; the default is " + m.defaultCriticalValue() + ")"));
    return List.copyOf(out);
  }

  private Norms clinical(String what) {
    return instrument
        .clinicalNorms()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the pre-treatment " + what + " is unknown: " + instrument.id()
                        + " has no clinical norms and no cohort statistics were given"
                        + " (ChangeContext.withCohort)"));
  }

  private ReferenceStatistics cohortOrThrow(String what) {
    return cohort.orElseThrow(
        () ->
            new IllegalStateException(
                "the " + what + " is unknown: it comes from cohort statistics only"
                    + " (ChangeContext.withCohort)"));
  }
}
