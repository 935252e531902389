package io.candor.testing;

import io.candor.change.ChangeContext;
import io.candor.change.ClinicalEvents;
import io.candor.change.ReliableChangeMethod;
import io.candor.evidence.Sourced;
import io.candor.measure.Direction;
import io.candor.measure.Instrument;
import io.candor.progress.SuddenGainCriteria;
import java.util.Optional;

/**
 * An instrument seen as the trajectory generator needs it: whole steps of its resolution counted
 * from the healthy end of the scale ("severity steps": 0 is the best score, {@link #span} the
 * worst), and the thresholds of Candor's definitions in those steps. Working in whole steps makes
 * every margin exact: a change of {@link #need} steps is reliable under every threshold, one of
 * {@link #small} steps under none, whatever floating-point rounding does to the scores.
 */
final class ShapeScale {

  /** The instrument. */
  final Instrument instrument;
  /** Severity steps from the best to the worst score. */
  final int span;
  /** Whether the instrument has a reliable-change threshold at all. */
  final boolean hasThreshold;
  /** The smallest change, in steps, that is strictly above every reliable-change threshold. */
  final int need;
  /** The largest change, in steps, that is strictly below every reliable-change threshold. */
  final int small;
  /** The smallest severity in the clinical range; −1 without a caseness cutoff. */
  final int caseFrom;
  /** Largest measurement noise, in steps, about 4 % of the range and at least one step. */
  final int noiseCap;
  /** Relative criterion of the default sudden-gain criteria. */
  final double relative;
  /** Critical value of the default mean-difference criterion with three scores on each side. */
  final double critical33;

  private ShapeScale(Instrument instrument) {
    this.instrument = instrument;
    double res = instrument.resolution();
    this.span = (int) Math.floor((instrument.maxScore() - instrument.minScore()) / res + 1e-6);
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    Optional<Sourced> rc = ClinicalEvents.of(instrument).reliableChangeThreshold();
    if (rc.isPresent()) {
      low = rc.get().value();
      high = rc.get().value();
    }
    ChangeContext context = ChangeContext.of(instrument);
    if (ReliableChangeMethod.JACOBSON_TRUAX.missingInputs(context).isEmpty()) {
      double min = instrument.minScore();
      double jt = ReliableChangeMethod.JACOBSON_TRUAX.assess(min, min, context).threshold();
      low = Math.min(low, jt);
      high = Math.max(high, jt);
    }
    this.hasThreshold = low <= high;
    this.need = hasThreshold ? (int) Math.floor(high / res + 1e-6) + 1 : Integer.MAX_VALUE;
    this.small = hasThreshold ? Math.max(0, (int) Math.ceil(low / res - 1e-6) - 1) : 0;
    this.caseFrom = instrument.casenessCutoff().isPresent() ? firstCase() : -1;
    this.noiseCap = Math.max(1, (int) Math.round(0.04 * span));
    SuddenGainCriteria sg = SuddenGainCriteria.withDefaults();
    this.relative = sg.relative().orElse(0);
    this.critical33 = sg.criticalValue(3, 3);
  }

  static ShapeScale of(Instrument instrument) {
    return new ShapeScale(instrument);
  }

  /** The score {@code steps} severity steps from the best end, on the instrument's grid. */
  double score(int steps) {
    double res = instrument.resolution();
    double v =
        instrument.direction() == Direction.HIGHER_IS_WORSE
            ? instrument.minScore() + steps * res
            : instrument.maxScore() - steps * res;
    return CandorGenerators.onGrid(instrument, v);
  }

  /** The smallest severity the instrument's own {@link Instrument#isCase} calls a case, or −1. */
  private int firstCase() {
    for (int u = 0; u <= span; u++) {
      if (instrument.isCase(score(u))) {
        return u;
      }
    }
    return -1;
  }

  /** Smallest sudden gain, in steps, that meets all three default criteria with noise ±k from level p. */
  int suddenGainMinimum(int k, int p) {
    int absolute = need + 2 * k;
    int relativeCriterion = (int) Math.floor(relative * (p + k)) + 1 + 2 * k;
    int meanDifference = (int) Math.floor(critical33 * Math.sqrt(1.5) * k) + 1 + 2 * k;
    return Math.max(absolute, Math.max(relativeCriterion, meanDifference));
  }

  /** Why the shape cannot be generated on this instrument, or empty when it can. */
  Optional<String> unsupportedReason(TrajectoryShape shape) {
    String id = instrument.id();
    if (!hasThreshold) {
      return Optional.of(shape + " trajectories need a reliable-change threshold; " + id
          + " has none (no published value and no clinical norms)");
    }
    if ((shape == TrajectoryShape.PLATEAU || shape == TrajectoryShape.RELAPSE) && caseFrom < 0) {
      return Optional.of(shape + " trajectories need a caseness cutoff; " + id + " has none");
    }
    boolean room =
        switch (shape) {
          case FLAT -> true;
          case GRADUAL -> small >= 1 && 4 * small >= need && need <= span;
          case PLATEAU -> caseFrom <= span;
          case SUDDEN_GAIN -> suddenGainMinimum(0, span) <= span;
          case DETERIORATION -> need <= span;
          case RELAPSE -> caseFrom >= 1 && need <= span;
        };
    return room
        ? Optional.empty()
        : Optional.of(shape + " trajectories do not fit on " + id + ": its reliable-change threshold is"
            + " too large for its range or too small for its resolution");
  }
}
