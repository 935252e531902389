package io.candor.change;

import io.candor.evidence.Certainty;
import io.candor.evidence.Citations;
import io.candor.evidence.Sourced;
import io.candor.internal.Checks;
import io.candor.measure.Instrument;
import io.candor.measure.Norms;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Candor's one definition of the clinical events on one instrument's scores, called by everything
 * that needs them: Talking Therapies metrics ({@link TalkingTherapies}), milestones and times to
 * event ({@code io.candor.progress.Milestones}, {@code io.candor.model.survival.EventTimes}),
 * engagement reports and the simulator's summaries.
 *
 * <ul>
 *   <li><b>caseness</b>: {@link Instrument#isCase(double)} (at or above the caseness cutoff on a
 *       higher-is-worse scale, below it on a higher-is-better one);
 *   <li><b>reliable improvement</b> from {@code pre} to {@code post}: a change in the improving
 *       direction of at least the {@link #reliableChangeThreshold() reliable-change threshold};
 *       <b>reliable deterioration</b>: the same in the worsening direction;
 *   <li><b>recovery</b>: a case at {@code pre}, not a case at {@code post} (NHS Talking Therapies'
 *       "recovery");
 *   <li><b>reliable recovery</b>: recovery and reliable improvement (Talking Therapies' "reliable
 *       recovery"; Jacobson &amp; Truax's "recovered" with the caseness cutoff).
 * </ul>
 *
 * <p><b>The threshold.</b> The instrument's published reliable-change threshold in points ({@link
 * Instrument#reliableChange()}: PHQ-9 6, GAD-7 4, CORE-10 6, ORS 5, WEMWBS 8), else the
 * Jacobson–Truax threshold {@code 1.96 · SD · √(2(1 − r))} from its clinical SD and reliability
 * ({@link ReliableChangeMethod#jacobsonTruaxThreshold(double, double)}; BDI-II 9.35), else none
 * (K10): then the reliable-change events cannot be decided and say so. A change of exactly the
 * threshold counts ("6 or more"); the comparison allows {@link #TOLERANCE} points so that decimal
 * scores (ORS 12.9 to 17.9) are not lost to binary rounding.
 *
 * <p>These are the service-style events on the instrument's own figures. The six statistical
 * methods, which can use cohort statistics and other cutoffs, are in {@link ClinicalChange}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClinicalEvents {

  /** Points of rounding slack when a change is compared with the threshold. */
  public static final double TOLERANCE = 1e-9;

  private final Instrument instrument;
  private final Optional<Sourced> threshold;
  private final double points;
  private final int sign;

  private ClinicalEvents(Instrument instrument) {
    this.instrument = instrument;
    this.threshold = threshold(instrument);
    this.points = threshold.map(Sourced::value).orElse(Double.NaN);
    this.sign = instrument.direction().improvementSign();
  }

  /**
   * The events on this instrument.
   *
   * @param instrument the instrument
   * @return the events (whether each can be decided depends on the instrument's figures)
   */
  public static ClinicalEvents of(Instrument instrument) {
    return new ClinicalEvents(Objects.requireNonNull(instrument, "instrument"));
  }

  private static Optional<Sourced> threshold(Instrument i) {
    if (i.reliableChange().isPresent()) {
      return i.reliableChange();
    }
    if (i.clinicalNorms().isEmpty()) {
      return Optional.empty();
    }
    Norms n = i.clinicalNorms().get();
    double r = i.reliability().value();
    double v = ReliableChangeMethod.jacobsonTruaxThreshold(n.sd().value(), r);
    Certainty c = n.sd().certainty().compareTo(i.reliability().certainty()) > 0
        ? n.sd().certainty() : i.reliability().certainty();
    return Optional.of(new Sourced(v, Citations.JACOBSON_1991, c, String.format(Locale.ROOT,
        "no published threshold: Jacobson-Truax 1.96 x clinical SD %s x sqrt(2(1 - %s)) = %.2f"
            + " points, from the clinical SD %s and the reliability %s",
        Checks.fmt(n.sd().value()), Checks.fmt(r), v, n.sd(), i.reliability())));
  }

  /**
   * The instrument.
   *
   * @return the instrument
   */
  public Instrument instrument() {
    return instrument;
  }

  /**
   * The reliable-change threshold in points with its source: the published one, else
   * Jacobson–Truax from the clinical norms (its certainty the lower of the SD's and the
   * reliability's), else empty.
   *
   * @return the threshold, if the instrument's figures give one
   */
  public Optional<Sourced> reliableChangeThreshold() {
    return threshold;
  }

  /**
   * What the reliable-change events lack on this instrument, or empty when they can be decided.
   *
   * @return a sentence naming what is missing
   */
  public Optional<String> missingThreshold() {
    return threshold.isPresent() ? Optional.empty() : Optional.of(instrument.id()
        + " has no reliable-change threshold: no published one and no clinical SD to derive the"
        + " Jacobson-Truax threshold from");
  }

  /**
   * Whether the score is in the clinical range ({@link Instrument#isCase(double)}).
   *
   * @param score the score
   * @return whether it is a case
   * @throws IllegalArgumentException if the score is outside the range
   * @throws IllegalStateException if the instrument has no caseness cutoff
   */
  public boolean isCase(double score) {
    return instrument.isCase(score);
  }

  /**
   * Whether {@code pre → post} is a reliable improvement.
   *
   * @param pre the earlier score
   * @param post the later score
   * @return whether the improvement is at least the threshold
   * @throws IllegalArgumentException if a score is outside the range
   * @throws IllegalStateException if there is no threshold ({@link #missingThreshold()})
   */
  public boolean reliablyImproved(double pre, double post) {
    return improvement(pre, post) >= points - TOLERANCE;
  }

  /**
   * Whether {@code pre → post} is a reliable deterioration.
   *
   * @param pre the earlier score
   * @param post the later score
   * @return whether the worsening is at least the threshold
   * @throws IllegalArgumentException if a score is outside the range
   * @throws IllegalStateException if there is no threshold ({@link #missingThreshold()})
   */
  public boolean reliablyDeteriorated(double pre, double post) {
    return -improvement(pre, post) >= points - TOLERANCE;
  }

  /**
   * Whether {@code pre} is a case and {@code post} is not (Talking Therapies' recovery; no
   * threshold involved).
   *
   * @param pre the earlier score
   * @param post the later score
   * @return whether the client recovered
   * @throws IllegalArgumentException if a score is outside the range
   * @throws IllegalStateException if the instrument has no caseness cutoff
   */
  public boolean recovered(double pre, double post) {
    return instrument.isCase(pre) && !instrument.isCase(post);
  }

  /**
   * Whether {@code pre → post} is a recovery and a reliable improvement.
   *
   * @param pre the earlier score
   * @param post the later score
   * @return whether the client reliably recovered
   * @throws IllegalArgumentException if a score is outside the range
   * @throws IllegalStateException if the instrument has no caseness cutoff or no threshold
   */
  public boolean reliablyRecovered(double pre, double post) {
    return recovered(pre, post) && reliablyImproved(pre, post);
  }

  private double improvement(double pre, double post) {
    instrument.checkScore("pre score", pre);
    instrument.checkScore("post score", post);
    if (Double.isNaN(points)) {
      throw new IllegalStateException(missingThreshold().orElseThrow());
    }
    return sign * (post - pre);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClinicalEvents other && other.instrument.equals(instrument);
  }

  @Override
  public int hashCode() {
    return instrument.hashCode();
  }

  @Override
  public String toString() {
    return "ClinicalEvents[" + instrument.id() + ", reliable change "
        + threshold.map(Sourced::toString).orElse("none") + ", caseness "
        + instrument.casenessCutoff().map(Sourced::toString).orElse("none") + "]";
  }
}
